"""A reviewer's records: a discharged term joined to a later one, a 924(c) count not marked
consecutive, the same detention counted twice, a writ, detention credited elsewhere and
detention before the offense. Expected values are worked by hand in the comments."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.api import evaluate
from secondchance.law.registry import program
from secondchance.record.schema import Record


def block(data: dict[str, Any], day: date) -> dict[str, Any]:
    report = evaluate(
        Record.model_validate(data), as_of=day, programs=[program("fsa.time_credits")]
    )
    found: dict[str, Any] = report.computation("sentence")
    return found


def texts(found: dict[str, Any]) -> str:
    return "\n".join(f["finding"] for f in found["findings"])


def _conviction(cid: str, statute: str, imposed: str, term: str, **more: Any) -> dict[str, Any]:
    return {
        "id": cid,
        "jurisdiction": "federal",
        "counts": [{"statute": statute}],
        "sentence": {"imposed_on": imposed, "imprisonment": term, **more},
    }


def old_then_new(*extra_custody: dict[str, Any]) -> dict[str, Any]:
    return {
        "person": {"name": "Old"},
        "convictions": [
            _conviction("a", "18 U.S.C. 1343", "2005-03-01", "24 months"),
            _conviction("b", "18 U.S.C. 1344", "2022-01-03", "60 months"),
        ],
        "custody": [
            {"kind": "federal_custody", "start": "2005-03-01", "end": "2005-04-01",
             "conviction_id": "a"},
            {"kind": "designated_facility", "start": "2005-04-02", "end": "2006-11-10",
             "conviction_id": "a"},
            *extra_custody,
            {"kind": "federal_custody", "start": "2022-01-03", "end": "2022-02-01",
             "conviction_id": "b"},
            {"kind": "designated_facility", "start": "2022-02-02", "conviction_id": "b"},
        ],
    }  # fmt: skip


def test_a_term_discharged_before_the_next_is_imposed_is_not_joined() -> None:
    # 3584(a): only an undischarged term is joined. Custody for a closed on 2006-11-10, years
    # before b was imposed (2022-01-03): b alone, 60 months from 2022-01-03, last day
    # 2027-01-02; GCT 5 x 54 = 270; 2027-01-02 - 270 = 2026-04-07 (worked in
    # cases/sentence/aggregation/discharged-term.yaml).
    found = block(old_then_new(), date(2023, 6, 1))
    assert found["commenced_on"] == "2022-01-03"
    assert found["term"] == "60 months"
    assert found["gct_release_date"] == "2026-04-07"
    assert "ended on 2006-11-10 (custody[1].end)" in texts(found)
    assert "undischarged" in texts(found)


def test_custody_naming_no_conviction_running_on_keeps_the_terms_joined() -> None:
    # A designated facility from 2006-11-11, naming no conviction and never closed: custody may
    # have continued on term a, so it is not shown discharged and b joins it (imposed at a
    # different time: consecutive by default, 24 + 60 = 84 months from 2005-03-01, needs review
    # for the relation not recorded), as before.
    open_custody = {"kind": "designated_facility", "start": "2006-11-11"}
    found = block(old_then_new(open_custody), date(2023, 6, 1))
    assert found["commenced_on"] == "2005-03-01"
    assert found["term"] == "84 months"
