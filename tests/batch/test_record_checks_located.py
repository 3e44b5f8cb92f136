"""A record-level check (one that reads several fields of the validated record, not one cell)
names, in errors.csv, the table, the row and the column of the cell its message is about; a
problem of the whole person names their row of ``people`` and says so. Each expected place is
read off the hand-made tables below (rows count from 1, the header not counted)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from secondchance.batch.evaluate import record_of
from secondchance.batch.read import people_from_tables
from tests.batch.tables import write_tables

P1 = {"person_id": "P1", "name": "A"}


def _conviction(**cells: str) -> dict[str, str]:
    return {"person_id": "P1", "conviction_id": "c1", "jurisdiction": "federal", **cells}


def _business(*roles: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    return {
        "businesses": [{"person_id": "P1", "name": "B"}],
        "business_people": [
            {"person_id": "P1", "name": r["associate_id"].upper(), **r} for r in roles
        ],
    }


def _role(who: str, role: str, **cells: str) -> dict[str, str]:
    return {"associate_id": who, "role": role, "start": "2019-01-01", **cells}


def _problems(folder: Path, tables: dict[str, list[dict[str, Any]]]) -> list[tuple[Any, ...]]:
    write_tables(folder, tables)
    found: list[Any] = []
    for person in people_from_tables(folder, found):
        found += record_of(person)[1]
    return [(p.table, p.row, p.field, p.problem) for p in found]


CASES: dict[str, tuple[dict[str, list[dict[str, Any]]], tuple[str, int, str], str]] = {
    # A release before its commencement: custody row 1 ends 2020-01-01, began 2020-05-01.
    "custody end before start": (
        {
            "people": [P1],
            "custody": [
                {"person_id": "P1", "kind": "designated_facility", "start": "2020-03-01"},
                {
                    "person_id": "P1",
                    "kind": "designated_facility",
                    "start": "2020-05-01",
                    "end": "2020-01-01",
                },
            ],
        },
        ("custody", 2, "end"),
        "before start 2020-05-01",
    ),
    "supervision end before start": (
        {
            "people": [P1],
            "supervision": [
                {
                    "person_id": "P1",
                    "kind": "supervised_release",
                    "start": "2020-05-01",
                    "end": "2020-01-01",
                }
            ],
        },
        ("supervision", 1, "end"),
        "before start 2020-05-01",
    ),
    "immigration status end before start": (
        {
            "people": [P1],
            "status": [
                {
                    "person_id": "P1",
                    "status": "lawful_permanent_resident",
                    "start": "2020-05-01",
                    "end": "2020-01-01",
                }
            ],
        },
        ("status", 1, "end"),
        "before start 2020-05-01",
    ),
    "non-earning period end before start": (
        {
            "people": [P1],
            "non_earning_periods": [
                {"person_id": "P1", "start": "2020-05-01", "end": "2020-01-01"}
            ],
        },
        ("non_earning_periods", 1, "end"),
        "before start 2020-05-01",
    ),
    # Approximate dates that no reading can put in order: the end (March 2020, at the latest
    # 2020-03-31) is before the start (May 2020, at the earliest 2020-05-01).
    "approximate dates contradicting each other": (
        {
            "people": [P1],
            "custody": [
                {
                    "person_id": "P1",
                    "kind": "designated_facility",
                    "start": "2020-05",
                    "end": "2020-03",
                }
            ],
        },
        ("custody", 1, "end"),
        "is before start",
    ),
    "an unknown length beside a prison term": (
        {
            "people": [P1],
            "convictions": [
                _conviction(imprisonment="60 months", imprisonment_length_unknown="true")
            ],
        },
        ("convictions", 1, "imprisonment_length_unknown"),
        "'imprisonment' term",
    ),
    "awaiting sentencing with a sentencing date": (
        {
            "people": [P1],
            "convictions": [_conviction(awaiting_sentencing="true", sentencing_date="2020-01-01")],
        },
        ("convictions", 1, "awaiting_sentencing"),
        "sentencing_date 2020-01-01",
    ),
    "awaiting sentencing with a sentence imposed": (
        {
            "people": [P1],
            "convictions": [_conviction(awaiting_sentencing="true", imposed_on="2020-01-01")],
        },
        ("convictions", 1, "awaiting_sentencing"),
        "imposed_on 2020-01-01",
    ),
    "a state conviction naming no state": (
        {"people": [P1], "convictions": [_conviction(jurisdiction="state")]},
        ("convictions", 1, "state"),
        "must name its state",
    ),
    "an offense after its conviction": (
        {
            "people": [P1],
            "convictions": [_conviction(offense_date="2020-05-01", conviction_date="2020-01-01")],
        },
        ("convictions", 1, "offense_date"),
        "after conviction_date 2020-01-01",
    ),
    # The count (counts row 2, of c1) was committed after c1's conviction date.
    "a count's offense after its conviction": (
        {
            "people": [P1],
            "convictions": [_conviction(conviction_date="2020-01-01")],
            "counts": [
                {"person_id": "P1", "conviction_id": "c1", "statute": "18 U.S.C. 1343"},
                {
                    "person_id": "P1",
                    "conviction_id": "c1",
                    "statute": "18 U.S.C. 1343",
                    "offense_date": "2020-05-01",
                },
            ],
        },
        ("counts", 2, "offense_date"),
        "after the conviction's conviction_date 2020-01-01",
    ),
    "a sentencing before its conviction": (
        {
            "people": [P1],
            "convictions": [
                _conviction(conviction_date="2020-05-01", sentencing_date="2020-01-01")
            ],
        },
        ("convictions", 1, "sentencing_date"),
        "before conviction_date 2020-05-01",
    ),
    "a conviction id used twice": (
        {"people": [P1], "convictions": [_conviction(), _conviction()]},
        ("convictions", 2, "conviction_id"),
        "used twice",
    ),
    "a grant naming a conviction that does not exist": (
        {
            "people": [P1],
            "convictions": [_conviction()],
            "grants": [
                {
                    "person_id": "P1",
                    "kind": "pardon",
                    "granted_on": "2021-01-01",
                    "conviction_ids": "c1;c9",
                }
            ],
        },
        ("grants", 1, "conviction_ids"),
        "'c9' names no conviction",
    ),
    "a consecutive sentence to a conviction that does not exist": (
        {"people": [P1], "convictions": [_conviction(relation="consecutive", relative_to="c9")]},
        ("convictions", 1, "relative_to"),
        "'c9' names no conviction",
    ),
    "time credits restored beyond those lost": (
        {
            "people": [
                {**P1, "fsa_time_credits_lost_days": "5", "fsa_time_credits_restored_days": "9"}
            ]
        },
        ("people", 1, "fsa_time_credits_restored_days"),
        "more than the 5 days lost",
    ),
    # Owners: A 60% (row 2; row 1 is A as an officer) and B 50% (row 3), both from
    # 2019-01-01: 60 + 50 = 110% on that day; B's share, the last to begin, is named.
    "owners' shares over 100%": (
        {
            "people": [P1],
            **_business(
                _role("a", "officer"),
                _role("a", "owner", ownership_percent="60"),
                _role("b", "owner", ownership_percent="50"),
            ),
        },
        ("business_people", 3, "ownership_percent"),
        "owners hold 110% of the equity on 2019-01-01",
    ),
    # A's second row (row 2) gives the share over 100%; the first is A as an officer.
    "one owner's share over 100%": (
        {
            "people": [P1],
            **_business(_role("a", "officer"), _role("a", "owner", ownership_percent="160")),
        },
        ("business_people", 2, "ownership_percent"),
        "less than or equal to 100",
    ),
    "a share on a role that is not an owner's": (
        {
            "people": [P1],
            **_business(_role("a", "owner"), _role("a", "officer", ownership_percent="10")),
        },
        ("business_people", 2, "ownership_percent"),
        "not 'officer'",
    ),
    "a role ending before it began": (
        {
            "people": [P1],
            **_business(_role("a", "owner"), _role("a", "officer", end="2018-01-01")),
        },
        ("business_people", 2, "end"),
        "before start 2019-01-01",
    ),
    # An associate's own custody row (row 1, associate a) ends before it began.
    "an associate's custody end before start": (
        {
            "people": [P1],
            **_business(_role("a", "owner")),
            "custody": [
                {
                    "person_id": "P1",
                    "associate_id": "a",
                    "kind": "designated_facility",
                    "start": "2020-05-01",
                    "end": "2020-01-01",
                }
            ],
        },
        ("custody", 1, "end"),
        "before start 2020-05-01",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_record_level_check_names_the_cell(tmp_path: Path, name: str) -> None:
    tables, (table, row, field), words = CASES[name]
    problems = _problems(tmp_path, tables)
    assert [p[:3] for p in problems] == [(table, row, field)], problems
    assert words in problems[0][3]


def test_a_problem_of_the_whole_person_names_their_people_row(tmp_path: Path) -> None:
    """24 approximate dates (12 custody rows, start 2020 and end 2021 each) are more than the
    20 a record may hold: no one cell holds the problem, so P2's people row (row 2) is named."""
    custody = {"person_id": "P2", "kind": "designated_facility", "start": "2020", "end": "2021"}
    problems = _problems(
        tmp_path,
        {
            "people": [{"person_id": "P0", "name": "Z"}, {"person_id": "P2", "name": "B"}],
            "custody": [custody] * 12,
        },
    )
    assert [p[:3] for p in problems] == [("people", 2, "(person)")]
    assert problems[0][3].startswith("the whole person: 24 dates written approximately")
