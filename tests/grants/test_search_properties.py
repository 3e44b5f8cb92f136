"""Properties of search over the whole register: each listed name, written as reports write
it, still finds its own grant."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secondchance.grants.names import SUFFIXES, parse_name
from secondchance.grants.register import shipped_grants, shipped_register
from secondchance.grants.search import search

EXAMPLES = 400 if os.environ.get("SECONDCHANCE_NIGHTLY") == "1" else 40
NAMED = [g for g in shipped_grants() if parse_name(g.name).given and len(g.name.split()) >= 2]


def finds(query: str, name: str) -> bool:
    return any(m.grant.name == name for m in search(shipped_register().index, query, limit=50))


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None)
@given(index=st.integers(0, len(NAMED) - 1), style=st.sampled_from(["lower", "title", "upper"]))
def test_any_case_finds_the_exact_grant(index: int, style: str) -> None:
    name = NAMED[index].name
    query = getattr(name, style)()
    found = search(shipped_register().index, query, limit=50)
    assert any(m.grant.name == name and m.exact for m in found)


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None)
@given(index=st.integers(0, len(NAMED) - 1), data=st.data())
def test_a_doubled_letter_in_a_long_surname_still_finds_it(index: int, data: st.DataObject) -> None:
    # Doubling one letter of a surname of n >= 6 letters: ratio 2n/(2n+1) >= 92.3, so the
    # score is at least 0.4*100 + 0.6*92.3 - 2 - 2 = 91.4 (middle name and suffix as listed).
    grant = NAMED[index]
    words = grant.name.split()
    plain = [
        i for i, w in enumerate(words) if w.isascii() and w.isalpha() and w.lower() not in SUFFIXES
    ]
    if not plain or plain[-1] != len(words) - 1 - (words[-1].rstrip(".").lower() in SUFFIXES):
        return  # the surname is not one plain word (a suffix with a comma, accents, a hyphen)
    surname_at = plain[-1]
    surname = words[surname_at]
    if len(surname) < 6:
        return
    k = data.draw(st.integers(0, len(surname) - 1))
    words[surname_at] = surname[: k + 1] + surname[k] + surname[k + 1 :]
    assert finds(" ".join(words), grant.name)
