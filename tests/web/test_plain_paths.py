"""Field paths written for people: the pages and letters say "custody period 1 (end)" where the
engine says ``custody[0].end``; citations are left as they are."""

from __future__ import annotations

import pytest

from secondchance.web.plain import plain_paths


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "release from confinement 2014-03-01 (custody[0].end, the day of release)",
            "release from confinement 2014-03-01 (custody period 1 (end), the day of release)",
        ),
        ("convictions[0].counts[1].statute", "conviction 1, count 2 (statute)"),
        (
            "business.people[1].record.pending_charges[0].counts[0].felony",
            "business person 2, pending charge 1, count 1 (felony)",
        ),
        ("convictions[2] (c3)", "conviction 3 (c3)"),
        # Citations with parentheses and paths without an index are left alone.
        ("18 U.S.C. 3632(d)(4)(D); 28 CFR 1.2", "18 U.S.C. 3632(d)(4)(D); 28 CFR 1.2"),
        ("fsa.risk_assessments", "fsa.risk_assessments"),
        # A path opening a sentence; whole facts the engine names without an index.
        ("Convictions[0] may already be pardoned", "Conviction 1 may already be pardoned"),
        (
            "depends on facts the record lacks: person.status (on 2022-10-06).",
            "depends on facts the record lacks: the person's immigration status on 2022-10-06.",
        ),
        (
            "The record states that convictions is not known; without it",
            "The record states that whether the person has convictions is not known; without it",
        ),
        ("No federal convictions are recorded.", "No federal convictions are recorded."),
        # Before the fix the SBA answers said "The record states that business.people is not
        # known" and the release card "Would change the dates: fsa.risk_assessments".
        (
            "The record states that business.people is not known; without it",
            "The record states that whether anyone else owns 20% or more of the business or "
            "holds a role in it is not known; without it",
        ),
        # An entry the record lacks, named with empty brackets.
        (
            "custody[] between sentencing and arrival",
            "a custody period between sentencing and arrival",
        ),
    ],
)
def test_paths_in_plain_words(text: str, said: str) -> None:
    assert plain_paths(text) == said


@pytest.mark.parametrize(
    ("fact", "said"),
    [
        # "Would decide it" and "Would change the dates" showed these raw paths.
        (
            "business.people",
            "whether anyone else owns 20% or more of the business or holds a role in it",
        ),
        ("business.child_care", "whether the business is a child care business"),
        ("fsa.risk_assessments", "the person's PATTERN risk assessments"),
        ("convictions[0].sentence.fine_owed", "conviction 1 (fine owed)"),
    ],
)
def test_a_missing_fact_without_an_index_in_plain_words(fact: str, said: str) -> None:
    from secondchance.web.plain import plain_fact

    assert plain_fact(fact) == said
