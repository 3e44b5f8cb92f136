"""Property tests: for every listed offense of every program's list, each spelling the reader
accepts answers as the canonical citation does; text it cannot read never answers ``eligible``
where the canonical citation answers ``not_eligible``.

The lists are the programs' own: the 68 clauses of 18 U.S.C. 3632(d)(4)(D) (``exclusions.CLAUSES``)
and the provisions the marijuana proclamations name (``clemency.marijuana.proclamations``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from secondchance.engine.determination import Outcome
from secondchance.law.clemency.marijuana_proclamations import marijuana_proclamations
from secondchance.law.declarative import decide
from secondchance.law.sentence import program as fsa_program
from secondchance.law.sentence.exclusions import CLAUSES
from secondchance.record.statute import Unreadable, read_statute
from tests.clemency.helpers import MARIJUANA, ask
from tests.clemency.test_marijuana_pardon import record as marijuana_record
from tests.sentence.test_records import AS_OF, record

NIGHTLY = os.environ.get("SECONDCHANCE_NIGHTLY") == "1"
FEW = settings(
    max_examples=400 if NIGHTLY else 40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


# --- the listed offenses -----------------------------------------------------------------


def _sections(prov: Any) -> list[str]:
    if prov.section_range is None:
        return [prov.section]
    first, last = prov.section_range
    review = [range(a, b + 1) for a, b in prov.review_sections]
    picks = [str(first), str(last)]
    return [
        s
        for s in dict.fromkeys(picks)
        if s not in prov.except_sections and not any(int(s) in r for r in review)
    ]


def fsa_listed() -> Iterator[tuple[int, str, tuple[str, ...], dict[str, Any]]]:
    """(title, section, subsections, count facts) for each provision a clause lists outright (not
    one punished under another section's subsection, undecided without it: ``penalty_in``),
    with the findings and substance the clause needs, so that the canonical citation is listed."""
    for clause in CLAUSES:
        for prov in clause.provisions:
            if prov.any_section or prov.review or prov.appendix or prov.penalty_in:
                continue
            findings = [r for r in clause.requires if r != "fentanyl"]
            findings += [f"not:{f}" for f in clause.unless.values()]
            substance = clause.substance or ("fentanyl" if "fentanyl" in clause.requires else None)
            for section in _sections(prov):
                for subs in prov.subsections or ((),):
                    facts: dict[str, Any] = {"court_findings": findings}
                    if substance:
                        facts["substance"] = substance
                    yield prov.title, section, subs, facts


FSA_LISTED = list(fsa_listed())


def paren(subs: tuple[str, ...]) -> str:
    return "".join(f"({s})" for s in subs)


def canonical(title: int, section: str, subs: tuple[str, ...]) -> str:
    return f"{title} U.S.C. {section}{paren(subs)}"


def _joinable(section: str, subs: tuple[str, ...]) -> bool:
    """Subsections can be written joined ("924c1A") when the section has no letter, the first is
    one lower-case letter, and letters and numbers alternate (else they run together)."""
    if not subs or not section.isdigit() or not (len(subs[0]) == 1 and subs[0].islower()):
        return False
    kinds = [s.isdigit() for s in subs]
    return all(a != b for a, b in pairwise(kinds))


Spelling = Callable[[int, str, tuple[str, ...]], str | None]
USC_SPELLINGS: dict[str, Spelling] = {
    "Sec.": lambda t, s, p: f"{t} U.S.C. Sec. {s}{paren(p)}",
    "section": lambda t, s, p: f"{t} U.S.C. section {s}{paren(p)}",
    "§": lambda t, s, p: f"{t} U.S.C. § {s}{paren(p)}",
    "§ joined": lambda t, s, p: f"{t} U.S.C. §{s}{paren(p)}",
    "USC": lambda t, s, p: f"{t} USC {s}{paren(p)}",
    "U.S.C.A.": lambda t, s, p: f"{t} U.S.C.A. § {s}{paren(p)}",
    "spaced": lambda t, s, p: f"{t} U. S. C. {s} {' '.join(f'({x})' for x in p)}".rstrip(),
    "Title": lambda t, s, p: f"Title {t}, United States Code, Section {s}{paren(p)}",
    "of Title": lambda t, s, p: f"Section {s}{paren(p)} of Title {t}, United States Code",
    "docket": lambda t, s, p: f"{t}:{s}{paren(p)}",
    "period": lambda t, s, p: f"{t} U.S.C. {s}{paren(p)}.",
    "description": lambda t, s, p: f"{t} U.S.C. {s}{paren(p)} - as charged in the indictment",
    "joined": lambda t, s, p: f"{t} USC {s}{''.join(p)}" if _joinable(s, p) else None,
}


def fsa_answer(statute: str, facts: dict[str, Any]) -> tuple[Any, ...]:
    det = decide(fsa_program.RULES[0], record([{"statute": statute, **facts}]), AS_OF)
    return det.outcome, det.reason, sorted(det.missing_facts)


@pytest.mark.slow
def test_every_listed_clause_in_every_spelling_answers_as_the_canonical_citation() -> None:
    assert len({t for t, *_ in FSA_LISTED}) >= 5  # titles 8, 18, 21, 42, 49, 50
    for title, section, subs, facts in FSA_LISTED:
        want = fsa_answer(canonical(title, section, subs), facts)
        assert want[0] is Outcome.not_eligible, (canonical(title, section, subs), want)
        for name, spell in USC_SPELLINGS.items():
            text = spell(title, section, subs)
            if text is None:
                continue
            assert fsa_answer(text, facts) == want, (name, text)


# --- random spellings and unreadable texts -----------------------------------------------

listed = st.sampled_from(FSA_LISTED)


@st.composite
def spelling(draw: st.DrawFn) -> str:
    """A citation assembled from the parts the reader accepts, in any combination."""
    title, section, subs, _ = draw(listed)
    code = draw(st.sampled_from(["U.S.C.", "USC", "U.S.C.A.", "U. S. C.", "usc"]))
    mark = draw(st.sampled_from(["", "§ ", "§", "§§ ", "Sec. ", "sec ", "section ", "Section "]))
    gap = draw(st.sampled_from(["", " "]))
    tail = draw(st.sampled_from(["", ".", " - offense", " = count one"]))
    groups = gap.join(f"({s})" for s in subs)
    return f"{title} {code} {mark}{section}{gap if subs else ''}{groups}{tail}"


@FEW
@given(spelling(), st.data())
def test_random_spellings_answer_as_the_canonical_citation(text: str, data: st.DataObject) -> None:
    reading = read_statute(text)
    assert not isinstance(reading, Unreadable), reading
    (p,) = reading.provisions
    facts = next(
        f for t, s, sub, f in FSA_LISTED if (t, s, sub) == (p.title, p.section, p.subsections)
    )
    assert fsa_answer(text, facts) == fsa_answer(
        canonical(p.title, p.section, p.subsections), facts
    )


@pytest.mark.slow
@FEW
@given(listed, st.text(min_size=1, max_size=40), st.sampled_from(["prefix", "suffix", "middle"]))
def test_unreadable_text_never_clears_a_listed_offense(
    item: tuple[int, str, tuple[str, ...], dict[str, Any]], noise: str, where: str
) -> None:
    title, section, subs, facts = item
    good = canonical(title, section, subs)
    cut = len(good) // 2
    text = {
        "prefix": noise + good,
        "suffix": good + noise,
        "middle": good[:cut] + noise + good[cut:],
    }[where]
    assume(isinstance(read_statute(text), Unreadable))
    outcome = fsa_answer(text, facts)[0]
    # The canonical citation is not_eligible; text that cannot be read is unknown.
    assert outcome is Outcome.needs_review


# --- the marijuana proclamations -----------------------------------------------------------


def proclamation_provisions() -> list[tuple[str, bool]]:
    """(provision, is an attempt provision) for every provision the proclamations name."""
    found: dict[str, bool] = {}
    for proc in marijuana_proclamations(date(2024, 6, 1)):
        for text in (*proc.possession, *proc.cfr):
            found.setdefault(text, False)
        for text in proc.attempt:
            found[text] = True
    return list(found.items())


def respell(text: str) -> list[str]:
    """Other spellings of a listed provision, written from its canonical form."""
    reading = read_statute(text)
    assert not isinstance(reading, Unreadable)
    (p,) = reading.provisions
    subs = paren(p.subsections)
    if p.code.value == "D.C. Code":
        return [
            f"D.C. Code § {p.section}{subs}",
            f"DC Code {p.section}{subs}",
            f"D.C. Code Ann. § {p.section}{subs}",
        ]
    code = "U.S.C." if p.code.value == "U.S.C." else "C.F.R."
    compact = code.replace(".", "")
    return [
        f"{p.title} {code} § {p.section}{subs}",
        f"{p.title} {compact} {p.section}{subs}",
        f"{p.title} {code} Sec. {p.section}{subs}",
        f"Title {p.title}, {code} section {p.section}{subs}",
    ]


def marijuana_answer(statute: str, attempt: bool) -> tuple[Any, ...]:
    count: dict[str, Any] = {}
    if attempt:
        object_offense = "D.C. Code 48-904.01(d)(1)" if "D.C." in statute else "21 U.S.C. 844"
        count = {"attempt": True, "object_offense": object_offense}
    det = ask(MARIJUANA, marijuana_record(statute, **count), "2024-06-01")
    return det.outcome, det.date, sorted(det.missing_facts)


@pytest.mark.slow
def test_every_proclamation_provision_in_every_spelling_answers_as_the_canonical() -> None:
    provisions = proclamation_provisions()
    assert len(provisions) >= 13  # 844, 846, two D.C. Code provisions, nine CFR provisions
    for provision, attempt in provisions:
        want = marijuana_answer(provision, attempt)
        assert want[0] is Outcome.eligible, (provision, want)
        for text in respell(provision):
            assert marijuana_answer(text, attempt) == want, text


@FEW
@given(st.sampled_from(proclamation_provisions()), st.text(min_size=1, max_size=30))
def test_unreadable_marijuana_statute_is_never_not_covered(
    item: tuple[str, bool], noise: str
) -> None:
    provision, attempt = item
    text = provision + noise
    assume(isinstance(read_statute(text), Unreadable))
    outcome = marijuana_answer(text, attempt)[0]
    assert outcome in (Outcome.needs_review, Outcome.insufficient_facts)
