"""The ``unknown`` list cell (docs/batch-format.md): the people row's for the person's own record,
a business_people row's for that associate's record; read as ``check`` reads the record's
``unknown`` list, with the same answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.batch.same_as_check import errors, same_as_check, screen


def _serving(**person: str) -> dict[str, list[dict[str, Any]]]:
    return {
        "people": [{"person_id": "P1", **person}],
        "convictions": [
            {
                "person_id": "P1",
                "conviction_id": "a",
                "jurisdiction": "federal",
                "conviction_date": "2019-01-02",
                "imposed_on": "2019-01-02",
                "imprisonment": "60 months",
            }
        ],
        "counts": [
            {"person_id": "P1", "conviction_id": "a", "statute": "18 U.S.C. 1343", "felony": "true"}
        ],
        "custody": [
            {
                "person_id": "P1",
                "kind": "designated_facility",
                "conviction_id": "a",
                "start": "2019-01-02",
            }
        ],
        "risk_assessments": [{"person_id": "P1", "assessed_on": "2019-03-01", "level": "low"}],
    }


def _serving_record(**extra: Any) -> dict[str, Any]:
    return {
        "convictions": [
            {
                "id": "a",
                "jurisdiction": "federal",
                "conviction_date": "2019-01-02",
                "counts": [{"statute": "18 U.S.C. 1343", "felony": True}],
                "sentence": {"imposed_on": "2019-01-02", "imprisonment": "60 months"},
            }
        ],
        "custody": [{"kind": "designated_facility", "conviction_id": "a", "start": "2019-01-02"}],
        "fsa": {"risk_assessments": [{"assessed_on": "2019-03-01", "level": "low"}]},
        **extra,
    }


def test_the_people_unknown_cell_reads_as_check(tmp_path: Path) -> None:
    """Serving since 2019-01-02 on wire fraud (not a listed offense), low risk: time credits are
    eligible (18 U.S.C. 3632(d)(4)); with custody stated unknown, whether and since when the
    person is in prison is not known -> insufficient_facts."""
    answers, _ = same_as_check(_serving(), _serving_record(), tmp_path / "a", "2021-01-01")
    assert answers["fsa.time_credits"][0] == "eligible"
    answers, _ = same_as_check(
        _serving(unknown="custody"),
        _serving_record(unknown=["custody"]),
        tmp_path / "b",
        "2021-01-01",
    )
    assert answers["fsa.time_credits"][0] == "insufficient_facts"


def _business(unknown: str, **row: str) -> dict[str, list[dict[str, Any]]]:
    return {
        "people": [{"person_id": "P1", "application_date": "2025-01-15"}],
        "businesses": [{"person_id": "P1", "name": "B", "child_care": "false"}],
        "business_people": [
            {
                "person_id": "P1",
                "associate_id": "A1",
                "name": "Ana",
                "role": "owner",
                "ownership_percent": "100",
                "start": "2015-01-01",
                "unknown": unknown,
                **row,
            }
        ],
    }


def test_an_associate_unknown_cell_reads_as_check(tmp_path: Path) -> None:
    """Ana, 100% owner, nothing on her record but pending charges stated unknown; application
    2025-01-15: 13 CFR 120.110(n) bars an Associate under indictment for a felony, which is not
    known -> 7(a) insufficient_facts."""
    record = {
        "application_date": "2025-01-15",
        "business": {
            "name": "B",
            "child_care": False,
            "people": [
                {
                    "name": "Ana",
                    "roles": [{"role": "owner", "ownership_percent": 100, "start": "2015-01-01"}],
                    "record": {"unknown": ["pending_charges"]},
                }
            ],
        },
    }
    answers, _ = same_as_check(_business("pending_charges"), record, tmp_path / "a", "2025-01-15")
    assert answers["sba.7a"][0] == "insufficient_facts"


def test_a_bad_or_misplaced_unknown_cell_is_a_row_error(tmp_path: Path) -> None:
    # A name that is no part of a record; a list on an associate with no id (no record of
    # theirs is read: it is left out, unknown as a whole).
    out = screen(_serving(unknown="pending_charge"), tmp_path / "a", "2021-01-01")
    assert [(e[1], e[3]) for e in errors(out)] == [("people", "unknown")]
    out = screen(_business("pending_charges", associate_id=""), tmp_path / "b", "2025-01-15")
    assert [(e[1], e[3]) for e in errors(out)] == [("business_people", "unknown")]


def test_a_bad_path_in_an_associates_second_row_is_named_on_that_row(tmp_path: Path) -> None:
    # Ana holds two roles (business_people rows 1 and 2); row 1 states pending charges unknown
    # (good), row 2 names a misspelt field: the error is on row 2's unknown cell, not row 1's.
    tables = _business("pending_charges")
    tables["business_people"].append(
        {
            **tables["business_people"][0],
            "role": "officer",
            "ownership_percent": "",
            "unknown": "convictions[0].sentence.fin_owed",
        }
    )
    out = screen(tables, tmp_path / "a", "2025-01-15")
    assert [(e[1], e[2], e[3]) for e in errors(out)] == [("business_people", "2", "unknown")]


def test_list_entries_of_a_path_are_numbered_in_row_order(tmp_path: Path) -> None:
    """Two convictions in rows b then a, each with one count: convictions[0] is b (the first
    row), and its count's felony stated unknown reads as check reads the record with b first.
    A path to a field given in a row (b's imprisonment) is an error on the people row."""
    tables = _serving()
    first = {**tables["convictions"][0], "conviction_id": "b", "conviction_date": "2010-01-04"}
    first.update(imposed_on="2010-01-04", imprisonment="", fine="100")
    tables["convictions"].insert(0, first)
    tables["counts"].insert(
        0, {"person_id": "P1", "conviction_id": "b", "statute": "18 U.S.C. 641"}
    )
    record = _serving_record(unknown=["convictions[0].counts[0].felony"])
    record["convictions"].insert(
        0,
        {
            "id": "b",
            "jurisdiction": "federal",
            "conviction_date": "2010-01-04",
            "counts": [{"statute": "18 U.S.C. 641"}],
            "sentence": {"imposed_on": "2010-01-04", "fine": 100},
        },
    )
    tables["people"][0]["unknown"] = "convictions[0].counts[0].felony"
    same_as_check(tables, record, tmp_path / "a", "2021-01-01")
    tables["people"][0]["unknown"] = "convictions[1].counts[0].felony"  # a's count: stated true
    out = screen(tables, tmp_path / "b", "2021-01-01")
    assert [(e[1], e[2], e[3]) for e in errors(out)] == [("people", "1", "unknown")]
