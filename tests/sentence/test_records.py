"""fsa.time_credits and the sentence block of ``check`` on records."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.api import evaluate
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
    return report.determinations[0], report.computation("sentence")


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
    # Arrived 2018-01-01, before the Act: earning starts 2018-12-21 (the reported start). The
    # non-earning period 2018-03-01..2018-03-30 lies before that day and is ignored;
    # 2019-01-01..2019-01-30 (30 days, both counted) is subtracted separately and reported in
    # its own finding: 30 non-earning days.
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
    assert block["fsa"]["earning_start"] == "2018-12-21"
    assert block["fsa"]["non_earning_days"] == 30
    texts = [f["finding"] for f in block["findings"]]
    assert any(t.startswith("Time credits are earned from 2018-12-21") for t in texts)
    assert any(t.startswith("30 days in non-earning status") for t in texts)


def test_846_fentanyl_conspiracy_is_not_answered_eligible() -> None:
    # The audit's count: 846 conspiracy to commit 841(a)(1), (b)(1)(A), fentanyl. (lxvi) lists
    # fentanyl offenses under 841(b)(1)(A)(vi), (lviii) and (lxviii) need findings the record
    # lacks; and a conspiracy to commit a listed offense is a legal question in any case:
    # needs_review, naming object_offense and the court findings; no credits projected.
    det, block = fsa(
        record(
            [
                {
                    "statute": "21 U.S.C. 846",
                    "conspiracy": True,
                    "object_offense": "21 U.S.C. 841(a)(1), (b)(1)(A)",
                    "substance": "fentanyl",
                }
            ]
        )
    )
    assert det.outcome is Outcome.needs_review
    assert "convictions[0].counts[0].object_offense" in det.missing_facts
    assert "convictions[0].counts[0].court_findings" in det.missing_facts
    assert any("(lxvi)" in f.finding and "legal question" in f.finding for f in det.findings)
    assert block["fsa"]["eligible"] is None
    assert block["fsa"]["credits_days"] is None


def test_846_without_object_offense_needs_review() -> None:
    # As in examples/clemency/alice-marie-johnson.yaml: 846, conspiracy, nothing else recorded.
    det, _ = fsa(record([{"statute": "21 U.S.C. 846", "conspiracy": True}]))
    assert det.outcome is Outcome.needs_review
    assert "convictions[0].counts[0].object_offense" in det.missing_facts


def test_846_to_an_unlisted_object_is_eligible_with_a_finding() -> None:
    # Object 841(a)(1), (b)(1)(C), cocaine, no death or injury: no clause lists it (see
    # test_exclusions): eligible, and a finding says the object offense is not listed.
    det, block = fsa(
        record(
            [
                {
                    "statute": "21 U.S.C. 846",
                    "object_offense": "21 U.S.C. 841(a)(1), (b)(1)(C)",
                    "substance": "cocaine",
                    "court_findings": ["not:death_or_serious_bodily_injury"],
                }
            ]
        )
    )
    assert det.outcome is Outcome.eligible
    assert any("lists that object offense" in f.finding for f in det.findings)
    assert block["fsa"]["eligible"] is True


def removal_record(order: str) -> Record:
    return record(
        [{"statute": "18 U.S.C. 1343"}],
        fsa={
            "risk_assessments": [{"assessed_on": "2025-02-01", "level": "low"}],
            "final_order_of_removal": order,
        },
    )


def test_removal_order_block_agrees_with_the_program() -> None:
    # 3632(d)(4)(E): ineligible to apply credits. The program says not_eligible, so the block's
    # eligible is false too. Credits are still shown as earned: handout example 2's facts, the
    # release date 2029-04-05 is 1555 days after 2025-01-01 (1461 to 2029-01-01, + 31 + 28 + 31
    # + 4); 1555 // 30 = 51 periods by then: 7 x 10 + 44 x 15 = 730 days, none applied.
    det, block = fsa(removal_record("2026-01-15"), date(2026, 2, 1))
    assert det.outcome is Outcome.not_eligible
    assert block["fsa"]["eligible"] is False
    assert block["fsa"]["credits_days"] == 730
    assert block["fsa"]["credits_applied_days"] is None
    assert block["fsa"]["release_date"] is None
    texts = [f["finding"] for f in block["findings"]]
    assert not any("None" in t for t in texts)
    assert any("by the release date 2029-04-05" in t and "none of them can" in t for t in texts)
    assert any("final order of removal (2026-01-15)" in t for t in texts)


def test_removal_order_date_is_a_change_point() -> None:
    # As of 2025-12-01 the order (2026-01-15) is not yet made: eligible, and the answer changes
    # on the order's day (before the interim rule's 2026-09-30).
    det, block = fsa(removal_record("2026-01-15"), date(2025, 12, 1))
    assert det.outcome is Outcome.eligible
    assert det.next_change == date(2026, 1, 15)
    assert block["fsa"]["eligible"] is True


def test_no_fsa_codes_or_credits_before_the_act() -> None:
    # As of 2018-06-01 the Act (2018-12-21) did not exist: no FSA reason code, no credit, no
    # earning start, and eligibility is null.
    rec = record(
        [{"statute": "18 U.S.C. 1343"}],
        custody=[{"kind": "designated_facility", "start": "2017-01-01", "conviction_id": "c1"}],
    )
    data = rec.model_dump(mode="json", exclude_none=True)
    data["convictions"][0]["sentence"]["imposed_on"] = "2017-01-01"
    _, block = fsa(Record.model_validate(data), date(2018, 6, 1))
    assert not [c for c in block["codes"] if c.startswith("FSA_")]
    fsa_part = block["fsa"]
    assert fsa_part["eligible"] is None
    assert fsa_part["earning_start"] is None
    assert fsa_part["credits_days"] is None


def test_statute_and_regulation_difference_is_a_finding_when_15_days_are_used() -> None:
    # Handout example 2: 35 periods, the last 28 at 15 days: the finding is there.
    _, block = fsa(record([{"statute": "18 U.S.C. 1343"}]))
    assert any("has not increased their risk" in f["finding"] for f in block["findings"])
    # Medium risk: 10 days per 30 only; no such finding.
    medium = record(
        [{"statute": "18 U.S.C. 1343"}],
        fsa={"risk_assessments": [{"assessed_on": "2025-02-01", "level": "medium"}]},
    )
    _, block = fsa(medium)
    assert not any("has not increased their risk" in f["finding"] for f in block["findings"])


def test_sentences_computed_ahead_together_give_each_its_own_dates() -> None:
    # Batch screening computes the sentences of many records in one pass of the kernel
    # (api.prepare); each record must still get its own dates. Handout example 2's facts give
    # full term 2029-12-31, GCT release 2029-04-05 and FSA release 2028-04-05 (as above); the
    # removal-order record has the same term but no release date under the Act.
    from secondchance.api import prepare
    from secondchance.law.sentence import PREPARED
    from secondchance.record.timeline import timeline

    handout = record([{"statute": "18 U.S.C. 1343"}])
    removal = removal_record("2025-03-01")
    prepare([handout, removal], AS_OF)
    assert timeline(handout).recall((PREPARED, AS_OF)) is not None  # computed ahead
    _, first = fsa(handout)
    _, second = fsa(removal)
    assert first["full_term_date"] == second["full_term_date"] == "2029-12-31"
    assert first["gct_release_date"] == second["gct_release_date"] == "2029-04-05"
    assert first["fsa"]["release_date"] == "2028-04-05"
    assert first["fsa"]["credits_days"] == 490
    assert second["fsa"]["release_date"] is None
