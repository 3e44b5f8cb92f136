"""The lender layout reads owners not listed as ``check`` does (law/sba/associates.py, once):
shares of 40% and 35% leave 25% unaccounted, which may hold an owner every SBA program counts
(more than 20%: 13 CFR 120.10, 109.20; 20% or more: 115.13(a)(2), 123.202(b)(2)); the
``businesses`` column ``no_other_owner_of_20_percent`` states that no one else owns 20% or
more (tests/sba/test_unlisted_owners.py works the shares by hand)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.batch.same_as_check import same_as_check

SBA = ("sba.7a", "sba.504", "sba.microloan", "sba.ilp", "sba.surety_bond", "sba.disaster")
DAY = "2024-06-03"


def _tables(stated: str | None) -> dict[str, list[dict[str, Any]]]:
    business = {"person_id": "L1", "name": "T LLC", "child_care": "false"}
    if stated is not None:
        business["no_other_owner_of_20_percent"] = stated
    return {
        "people": [{"person_id": "L1", "application_date": DAY}],
        "businesses": [business],
        "business_people": [
            {"person_id": "L1", "associate_id": "ana", "name": "Ana", "role": "owner",
             "ownership_percent": "40", "start": "2015-01-01"},
            {"person_id": "L1", "associate_id": "bo", "name": "Bo", "role": "owner",
             "ownership_percent": "35", "start": "2015-01-01"},
        ],
    }  # fmt: skip


def _record(stated: bool | None) -> dict[str, Any]:
    business: dict[str, Any] = {"name": "T LLC", "child_care": False}
    if stated is not None:
        business["no_other_owner_of_20_percent"] = stated
    business["people"] = [
        {
            "name": name,
            "roles": [{"role": "owner", "ownership_percent": share, "start": "2015-01-01"}],
            "record": {},
        }
        for name, share in (("Ana", 40), ("Bo", 35))
    ]
    return {"application_date": DAY, "business": business}


def test_shares_leaving_a_quarter_unaccounted_read_as_check(tmp_path: Path) -> None:
    # 40 + 35 = 75 listed, 100 - 75 = 25 unaccounted (> 20 and >= 20) -> insufficient_facts.
    answers, _ = same_as_check(_tables(None), _record(None), tmp_path, DAY)
    for program_id in SBA:
        assert answers[program_id][:2] == ("insufficient_facts", None), program_id


def test_the_statement_column_reads_as_check(tmp_path: Path) -> None:
    # No one else owns 20% or more: the 25% hides no owner any program counts -> eligible.
    answers, _ = same_as_check(_tables("true"), _record(True), tmp_path, DAY)
    for program_id in SBA:
        assert answers[program_id][:2] == ("eligible", None), program_id
