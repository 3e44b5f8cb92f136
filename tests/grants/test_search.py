"""Search by a name as reports write it. Scores are worked by hand from the scoring rule in
``grants/search.py``: 0.4 x given-name similarity + 0.6 x surname similarity, less 2 for an
omitted middle name or suffix; similarity is rapidfuzz's ratio, 2*M/T*100 for M matching
characters of T in both words (Levenshtein, a substitution counting 2)."""

from __future__ import annotations

from datetime import date

import pytest

from secondchance.grants.model import Grant, GrantType
from secondchance.grants.names import parse_name, soundex
from secondchance.grants.register import Register, shipped_register
from secondchance.grants.search import NameIndex, search

SOURCE = "https://www.justice.gov/pardon/example-list"


def grant(name: str, kind: str = "pardon", day: str = "2020-01-02", regno: str = "") -> Grant:
    return Grant(
        name,
        GrantType(kind),
        date.fromisoformat(day),
        "Donald J. Trump",
        SOURCE,
        bop_register_number=regno,
        origin="user",
    )


def best(name: str, index: NameIndex | None = None) -> tuple[str, str, float, str]:
    found = search(index or shipped_register().index, name)
    assert found, f"nothing found for {name!r}"
    m = found[0]
    return m.grant.name, m.kind, m.score, m.reason


def test_exact_name_in_another_case_is_exact() -> None:
    # The 2024-12-12 pardons are printed in capitals.
    assert best("Nina Simona Allen")[:3] == ("NINA SIMONA ALLEN", "exact", 100.0)


def test_dropped_letter() -> None:
    # bogan/bogans: M=5, T=11 -> 90.909; 0.4*100 + 0.6*90.909 - 2 (middle name Jo omitted)
    # = 92.545 -> 92.5
    name, kind, score, reason = best("Betty Bogan")
    assert (name, kind, score) == ("Betty Jo Bogans", "fuzzy", 92.5)
    assert "dropped or added letter" in reason and "middle name omitted" in reason


def test_doubled_letter() -> None:
    # boggans/bogans: M=6, T=13 -> 92.308; 0.4*100 + 0.6*92.308 = 95.385 -> 95.4
    name, kind, score, reason = best("Betty Jo Boggans")
    assert (name, kind, score) == ("Betty Jo Bogans", "fuzzy", 95.4)
    assert "doubled" in reason


def test_smyth_for_smith_sounds_alike() -> None:
    # smyth/smith: ratio 80 (one substitution: M=4, T=10); both Soundex S530, so the surname
    # counts 88: 0.4*100 + 0.6*88 = 92.8
    assert soundex("smyth") == soundex("smith") == "S530"
    name, kind, score, reason = best("John Smyth")
    assert (name, kind, score) == ("JOHN SMITH", "fuzzy", 92.8)
    assert "Soundex S530" in reason


def test_middle_name_and_suffix_omitted() -> None:
    # 0.4*100 + 0.6*100 - 2 (middle name) - 2 (suffix Jr.) = 96
    assert best("Wesley Coonce")[:3] == ("WESLEY PAUL COONCE, JR.", "fuzzy", 96.0)


def test_middle_initial_for_middle_name() -> None:
    # "Abraham W. Bolden, Sr." written with his suffix and initial is the same written name.
    assert best("abraham w bolden sr")[:3] == ("Abraham W. Bolden, Sr.", "exact", 100.0)
    # An initial for the given name: 0.4*85 + 0.6*100 - 2 (middle name) = 92
    assert best("N. Allen")[0] == "NINA SIMONA ALLEN"


def test_a_different_suffix_is_not_the_same_person() -> None:
    # Sr. against Jr.: 100 - 30 = 70, under the 85 threshold.
    assert search(shipped_register().index, "Wesley Paul Coonce Sr.") == []


def test_name_in_parentheses_on_the_list() -> None:
    # The 2024-12-12 list prints "AUDREY DIANE SIMONE (AUDREY CLARK)".
    name, kind, _, reason = best("Audrey Clark")
    assert (name, kind) == ("AUDREY DIANE SIMONE (AUDREY CLARK)", "fuzzy")
    assert "parentheses" in reason
    assert best("Audrey Simone")[0] == "AUDREY DIANE SIMONE (AUDREY CLARK)"


def test_maiden_name_in_parentheses_in_the_query() -> None:
    index = Register([grant("Mary Ann Jones"), grant("Mary Whitfeld"), grant("Ruth Jones")]).index
    found = search(index, "Mary (Jones) Whitfield")
    # Mary Ann Jones by the name in parentheses: 100 - 2 (middle name) = 98; Mary Whitfeld:
    # whitfeld/whitfield M=8, T=17 -> 94.1: 0.4*100 + 0.6*94.1 = 96.5; Ruth Jones: a different
    # given name (ratio 25), capped below the threshold.
    assert [(m.grant.name, m.score) for m in found] == [
        ("Mary Ann Jones", 98.0),
        ("Mary Whitfeld", 96.5),
    ]
    assert "parentheses" in found[0].reason


def test_hyphenated_surname_written_as_two_words() -> None:
    assert best("Anthony Abreu Matos")[:2] == ("ANTHONY ABREU-MATOS", "fuzzy")


def test_a_different_given_name_is_not_a_variant() -> None:
    # maria/martha: ratio 72.7 < 80, so the match is capped below the threshold.
    assert all(
        m.grant.name != "MARTHA GONZALEZ"
        for m in search(shipped_register().index, "Maria Gonzalez")
    )


def test_exact_matches_come_first_then_by_score() -> None:
    index = Register([grant("Jon Smith"), grant("John Smyth"), grant("John Smith")]).index
    found = search(index, "John Smith")
    assert [(m.grant.name, m.kind) for m in found] == [
        ("John Smith", "exact"),
        ("Jon Smith", "fuzzy"),  # jon/john 85.7: 0.4*85.7+60 = 94.3
        ("John Smyth", "fuzzy"),  # 92.8 as above
    ]


def test_filters_by_president_type_and_dates() -> None:
    index = shipped_register().index
    assert search(index, "Betty Jo Bogans", president="Biden")
    assert search(index, "Betty Jo Bogans", president="Trump") == []
    assert search(index, "Betty Jo Bogans", kind=GrantType.commutation) == []
    assert search(index, "Betty Jo Bogans", start=date(2022, 4, 26), end=date(2022, 4, 26))
    assert search(index, "Betty Jo Bogans", start=date(2022, 4, 27)) == []


@pytest.mark.parametrize(
    ("text", "given", "middles", "surname", "suffix"),
    [
        ("WESLEY PAUL COONCE, JR.", "wesley", ("paul",), "coonce", "Jr."),
        ("Edward Lincoln De Coito III", "edward", ("lincoln",), "de coito", "III"),
        ("NORMAN O’NEAL BROWN", "norman", ("oneal",), "brown", ""),
        # Surname first, as court captions and BOP lists write it: the words after the comma
        # are the given and middle names; a comma before a suffix alone is not that order.
        ("Coonce, Wesley Paul, Jr.", "wesley", ("paul",), "coonce", "Jr."),
        ("DAVIS, GARY PARKS", "gary", ("parks",), "davis", ""),
        ("De Coito, Edward Lincoln, III", "edward", ("lincoln",), "de coito", "III"),
    ],
)
def test_names_are_parsed(
    text: str, given: str, middles: tuple[str, ...], surname: str, suffix: str
) -> None:
    name = parse_name(text)
    assert (name.given, name.middles, name.surname, name.suffix) == (
        given,
        middles,
        surname,
        suffix,
    )
