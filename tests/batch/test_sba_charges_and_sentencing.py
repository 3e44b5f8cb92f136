"""The lender layout (docs/batch-format.md) gives what ``check`` gives for a charge the record
shows only through a later conviction or a pretrial detention, and for a conviction awaiting
sentencing shown by its dates (cases/sba/indictment/charge-not-recorded.yaml and
cases/sba/unknown/awaiting-sentencing-by-dates.yaml work the answers by hand)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.batch.same_as_check import same_as_check

SBA = ("sba.7a", "sba.504", "sba.microloan", "sba.ilp", "sba.surety_bond")
A = {"person_id": "L1", "associate_id": "pat"}
COUNT = {
    "statute": "18 U.S.C. 1343",
    "felony": True,
    "financial_misconduct": True,
    "false_statement": False,
    "moral_turpitude": True,
    "riot_or_civil_disorder": False,
}


def _tables(application_date: str, **rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {
        "people": [{"person_id": "L1", "application_date": application_date}],
        "businesses": [{"person_id": "L1", "name": "T LLC", "child_care": "false"}],
        "business_people": [
            {**A, "name": "Pat", "role": "owner", "ownership_percent": "100", "start": "2015-01-01"}
        ],
        **rows,
    }


def _record(application_date: str, **own: Any) -> dict[str, Any]:
    return {
        "application_date": application_date,
        "business": {
            "name": "T LLC",
            "child_care": False,
            "people": [
                {
                    "name": "Pat",
                    "roles": [{"role": "owner", "ownership_percent": 100, "start": "2015-01-01"}],
                    "record": own,
                }
            ],
        },
    }


def _convicted(
    imposed_on: str,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """Wire fraud committed 2023-01-10, convicted 2024-06-01, sentenced ``imposed_on``."""
    row = {
        **A,
        "conviction_id": "c1",
        "jurisdiction": "federal",
        "offense_date": "2023-01-10",
        "conviction_date": "2024-06-01",
        "imposed_on": imposed_on,
        "imprisonment": "24 months",
    }
    cells = {k: ("true" if v else "false") if isinstance(v, bool) else v for k, v in COUNT.items()}
    count = {**A, "conviction_id": "c1", **cells}
    conviction = {
        "id": "c1",
        "jurisdiction": "federal",
        "offense_date": "2023-01-10",
        "conviction_date": "2024-06-01",
        "counts": [COUNT],
        "sentence": {"imposed_on": imposed_on, "imprisonment": "24 months"},
    }
    return [row], [count], conviction


def test_a_conviction_after_the_day_reads_as_check(tmp_path: Path) -> None:
    # Offense 2023-01-10 <= 2024-05-30 < conviction 2024-06-01: the charge may have been
    # pending on the day -> insufficient_facts naming pending_charges (not eligible).
    rows, counts, conviction = _convicted("2024-10-01")
    answers, _ = same_as_check(
        _tables("2024-05-30", convictions=rows, counts=counts),
        _record("2024-05-30", convictions=[conviction]),
        tmp_path,
        "2024-05-30",
    )
    for program_id in SBA:
        assert answers[program_id][:2] == ("insufficient_facts", None), program_id


def test_a_conviction_awaiting_sentencing_by_its_dates_reads_as_check(tmp_path: Path) -> None:
    # Convicted 2024-06-01 <= 2024-09-03 < sentenced 2024-10-01: awaiting sentencing on the
    # day, which no SBA program weighs yet -> needs_review.
    rows, counts, conviction = _convicted("2024-10-01")
    answers, _ = same_as_check(
        _tables("2024-09-03", convictions=rows, counts=counts),
        _record("2024-09-03", convictions=[conviction]),
        tmp_path,
        "2024-09-03",
    )
    for program_id in (*SBA, "sba.disaster"):
        assert answers[program_id][:2] == ("needs_review", None), program_id


def test_pretrial_detention_without_a_charge_reads_as_check(tmp_path: Path) -> None:
    # Held 2024-05-01 to 2024-07-01 with no charge recorded; on 2024-07-02 the charge may
    # still be pending (release does not end it) -> insufficient_facts, not eligible.
    held = {"kind": "pretrial_detention", "start": "2024-05-01", "end": "2024-07-01"}
    answers, _ = same_as_check(
        _tables("2024-07-02", custody=[{**A, **held}]),
        _record("2024-07-02", custody=[held]),
        tmp_path,
        "2024-07-02",
    )
    for program_id in SBA:
        assert answers[program_id][:2] == ("insufficient_facts", None), program_id
