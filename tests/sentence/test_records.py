"""fsa.time_credits and the sentence block of ``check`` on records."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.engine import evaluate
from secondchance.engine.determination import Outcome
from secondchance.law.registry import program
from secondchance.record.schema import Record

AS_OF = date(2025, 6, 1)


def record(counts: list[dict[str, Any]], **extra: Any) -> Record:
    data: dict[str, Any] = {
        "person": {"name": "A"},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "counts": counts,
                "sentence": {
                    "imposed_on": "2025-01-01",
                    "imprisonment": "60 months",
                    "supervised_release": "3 years",
                },
            }
        ],
        "custody": [
            {"kind": "federal_custody", "start": "2025-01-01", "conviction_id": "c1"},
            {"kind": "designated_facility", "start": "2025-01-01", "conviction_id": "c1"},
        ],
        "fsa": {"risk_assessments": [{"assessed_on": "2025-02-01", "level": "low"}]},
    }
    data.update(extra)
    return Record.model_validate(data)


def fsa(rec: Record, day: date = AS_OF) -> Any:
    report = evaluate(rec, as_of=day, programs=[program("fsa.time_credits")])
    return report.determinations[0], report.sentence


def test_eligible_record_gets_handout_dates() -> None:
    det, block = fsa(record([{"statute": "18 U.S.C. 1343"}]))
    assert det.outcome is Outcome.eligible
    # Same facts as handout example 2 (arrival 2025-01-01, low risk, 60 months, SR).
    assert block["full_term_date"] == "2029-12-31"
    assert block["gct_release_date"] == "2029-04-05"
    assert block["fsa"]["credits_days"] == 490
    assert block["fsa"]["prerelease_custody_date"] == "2027-12-02"
    assert block["fsa"]["release_date"] == "2028-04-05"


def test_924c_not_eligible_and_no_credits() -> None:
    det, block = fsa(record([{"statute": "18 U.S.C. 924(c)(1)(A)"}]))
    assert det.outcome is Outcome.not_eligible
    assert block["fsa"]["eligible"] is False
    assert block["fsa"]["release_date"] is None


def test_undecided_condition_needs_review_naming_field() -> None:
    det, block = fsa(record([{"statute": "18 U.S.C. 2291(a)"}]))
    assert det.outcome is Outcome.needs_review
    assert "convictions[0].counts[0].court_findings" in det.missing_facts
    assert block["fsa"]["eligible"] is None


def test_no_counts_insufficient_facts() -> None:
    det, _ = fsa(record([]))
    assert det.outcome is Outcome.insufficient_facts
    assert det.missing_facts == ["convictions[0].counts"]


def test_removal_order() -> None:
    rec = record(
        [{"statute": "18 U.S.C. 1343"}],
        fsa={
            "risk_assessments": [{"assessed_on": "2025-02-01", "level": "low"}],
            "final_order_of_removal": "2025-03-01",
        },
    )
    det, block = fsa(rec)
    assert det.outcome is Outcome.not_eligible
    assert block["fsa"]["release_date"] is None
    assert block["gct_release_date"] == "2029-04-05"


def test_no_federal_prison_sentence_not_applicable() -> None:
    rec = Record.model_validate(
        {"convictions": [{"jurisdiction": "federal", "sentence": {"probation": "3 years"}}]}
    )
    det, block = fsa(rec)
    assert det.outcome is Outcome.not_applicable
    assert block is None


def test_before_the_act_not_applicable() -> None:
    det, _ = fsa(record([{"statute": "18 U.S.C. 1343"}]), date(2018, 1, 1))
    assert det.outcome is Outcome.not_applicable


def two_counts(relation: str | None, second_statute: str) -> Record:
    rec = record([{"statute": "18 U.S.C. 1343"}])
    data = rec.model_dump(mode="json", exclude_none=True)
    second: dict[str, Any] = {
        "id": "c2",
        "jurisdiction": "federal",
        "counts": [{"statute": second_statute}],
        "sentence": {"imposed_on": "2025-01-01", "imprisonment": "24 months"},
    }
    if relation:
        second["sentence"].update(relation=relation, relative_to="c1")
    data["convictions"].append(second)
    return Record.model_validate(data)


def test_aggregate_consecutive_and_disqualifying_conviction() -> None:
    # 60 + 24 months consecutive from 2025-01-01: 84 months, last day 2031-12-31; GCT 7 x 54
    # = 378; 2031-12-31 - 378 = 2030-12-18 (2031-12-31 - 365 = 2030-12-31, - 13 = 2030-12-18).
    det, block = fsa(two_counts("consecutive", "18 U.S.C. 924(c)"))
    assert det.outcome is Outcome.not_eligible
    assert block["full_term_date"] == "2031-12-31"
    assert block["gct_days"] == 378
    assert block["gct_release_date"] == "2030-12-18"
    assert block["fsa"]["eligible"] is False
    assert any("whole aggregate term" in f["finding"] for f in block["findings"])


def test_aggregate_concurrent_same_day_is_the_longest() -> None:
    _, block = fsa(two_counts(None, "18 U.S.C. 1344"))
    assert block["full_term_date"] == "2029-12-31"


def test_prior_custody_from_record() -> None:
    # Detained 2024-10-01..2024-12-31 (92 days: 31 + 30 + 31), sentenced and commenced
    # 2025-01-01: full term 2029-12-31 - 92 = 2029-09-30.
    rec = record(
        [{"statute": "18 U.S.C. 1343"}],
        custody=[
            {"kind": "pretrial_detention", "start": "2024-10-01", "end": "2025-01-01"},
            {"kind": "designated_facility", "start": "2025-02-01", "conviction_id": "c1"},
        ],
    )
    _, block = fsa(rec)
    assert block["commenced_on"] == "2025-01-01"
    assert block["prior_custody_days"] == 92
    assert block["full_term_date"] == "2029-09-30"
    assert block["fsa"]["earning_start"] == "2025-02-01"


def later_term(imposed: str, relation: str | None) -> Record:
    rec = record([{"statute": "18 U.S.C. 1343"}])
    data = rec.model_dump(mode="json", exclude_none=True)
    sentence: dict[str, Any] = {"imposed_on": imposed, "imprisonment": "24 months"}
    if relation:
        sentence.update(relation=relation, relative_to="c1")
    data["convictions"].append(
        {
            "id": "c2",
            "jurisdiction": "federal",
            "counts": [{"statute": "18 U.S.C. 1344"}],
            "sentence": sentence,
        }
    )
    return Record.model_validate(data)


def test_later_term_without_order_runs_consecutively() -> None:
    # 3584(a): imposed at a different time and silent -> consecutive: 60 + 24 = 84 months from
    # 2025-01-01, last day 2031-12-31.
    _, block = fsa(later_term("2026-03-01", None))
    assert block["term"] == "84 months"
    assert block["full_term_date"] == "2031-12-31"


def test_later_concurrent_term_extends_the_aggregate_and_is_flagged() -> None:
    # 24 months concurrent from its imposition 2028-06-01: ends 2030-05-31, after the first
    # term's 2029-12-31; aggregate 2025-01-01..2030-05-31 = 1977 + 1 days (2025-01-01 to
    # 2030-01-01 is 1826 days, to 2030-06-01 151 more: 1977 days). GCT on the aggregate:
    # 5 whole years (270) + floor(54 x 151 / 365) = floor(22.3) = 22 -> 292 days.
    # 2030-05-31 - 292 = (2030-05-31 - 365 = 2029-05-31) + 73 = +30 -> 06-30, +31 -> 07-31,
    # +12 -> 2029-08-12.
    _, block = fsa(later_term("2028-06-01", "concurrent"))
    assert block["term_days"] == 1977
    assert block["full_term_date"] == "2030-05-31"
    assert block["gct_days"] == 292
    assert block["gct_release_date"] == "2029-08-12"
    assert block["status"] == "needs_review"


def test_assessment_history_sets_the_additional_days() -> None:
    # Low on 2025-01-15 and 2025-03-01: two consecutive minimum/low assessments on 2025-03-01,
    # 59 days after the start (2025-01-01): floor(59 / 30) = 1 period at 10, then 15.
    # Release 2029-04-05, span 1555 days: p* = 1 + ceil((1555 - 40) / 45) = 1 + 34 = 35;
    # 35 periods complete on 2025-01-01 + 1050 = 2027-11-17; C(34) = 10 + 33 x 15 = 505 and
    # 2029-04-05 - 505 = 2027-11-17 (490 days back is 2027-12-02, 15 more): placement
    # 2027-11-17 with C(35) = 10 + 34 x 15 = 520 credits, 505 needed: 365 to supervised
    # release, 140 to prerelease custody.
    rec = record(
        [{"statute": "18 U.S.C. 1343"}],
        fsa={
            "risk_assessments": [
                {"assessed_on": "2025-01-15", "level": "low"},
                {"assessed_on": "2025-03-01", "level": "low"},
            ]
        },
    )
    _, block = fsa(rec)
    assert block["fsa"]["prerelease_custody_date"] == "2027-11-17"
    assert block["fsa"]["credits_days"] == 520
    assert block["fsa"]["supervised_release_credit_days"] == 365
    assert block["fsa"]["prerelease_custody_credit_days"] == 140
    assert "2025-03-01" in block["fsa"]["projection"]


def test_non_earning_days_before_the_act_do_not_delay_earning() -> None:
    # Arrived 2018-01-01, before the Act: earning starts 2018-12-21. The non-earning period
    # 2018-03-01..2018-03-30 lies before that day and is ignored; 2019-01-01..2019-01-30 (30
    # days, both counted) delays the start: 2018-12-21 + 30 = 2019-01-20.
    rec = record(
        [{"statute": "18 U.S.C. 1343"}],
        custody=[
            {"kind": "federal_custody", "start": "2018-01-01", "conviction_id": "c1"},
            {"kind": "designated_facility", "start": "2018-01-01", "conviction_id": "c1"},
        ],
        fsa={
            "risk_assessments": [{"assessed_on": "2019-02-01", "level": "low"}],
            "non_earning_periods": [
                {"start": "2018-03-01", "end": "2018-03-30"},
                {"start": "2019-01-01", "end": "2019-01-30"},
            ],
        },
    )
    data = rec.model_dump(mode="json", exclude_none=True)
    data["convictions"][0]["sentence"]["imposed_on"] = "2018-01-01"
    _, block = fsa(Record.model_validate(data), date(2020, 6, 1))
    assert block["fsa"]["earning_start"] == "2019-01-20"
