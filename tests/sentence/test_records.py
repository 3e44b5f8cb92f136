"""fsa.time_credits and the sentence block of ``check`` on records: findings, reason codes,
fields named among others, and batch preparation. The dates and day counts worked from records
are cases under cases/sentence/ (time_credits/records.yaml, aggregation/, prior_custody/)."""

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


def test_undecided_condition_needs_review_naming_field() -> None:
    det, block = fsa(record([{"statute": "18 U.S.C. 2291(a)"}]))
    assert det.outcome is Outcome.needs_review
    assert "convictions[0].counts[0].court_findings" in det.missing_facts
    assert block["fsa"]["eligible"] is None


def test_no_federal_prison_sentence_not_applicable() -> None:
    rec = Record.model_validate(
        {"convictions": [{"jurisdiction": "federal", "sentence": {"probation": "3 years"}}]}
    )
    det, block = fsa(rec)
    assert det.outcome is Outcome.not_applicable
    assert block is None


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


def test_aggregate_consecutive_disqualifying_conviction_is_explained() -> None:
    # 60 + 24 months consecutive, the second for 924(c) (dates and outcome:
    # cases/sentence/aggregation/records.yaml): a finding says the exclusion reaches the whole
    # aggregate term.
    _, block = fsa(two_counts("consecutive", "18 U.S.C. 924(c)"))
    assert any("whole aggregate term" in f["finding"] for f in block["findings"])


def test_assessment_history_sets_the_additional_days() -> None:
    # Low on 2025-01-15 and 2025-03-01: the additional days start from the second assessment,
    # and the projection says so (dates worked in
    # cases/sentence/time_credits/assessments-and-non-earning.yaml).
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
    assert "2025-03-01" in block["fsa"]["projection"]


def test_non_earning_days_before_the_act_do_not_delay_earning() -> None:
    # Arrived 2018-01-01, before the Act: earning starts 2018-12-21 (the reported start). The
    # non-earning period 2018-03-01..2018-03-30 lies before that day and is ignored;
    # 2019-01-01..2019-01-30 (30 days, both counted) is subtracted separately and reported in
    # its own finding: 30 non-earning days (the days: cases/sentence/time_credits/).
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
    # The outcome and the figures: cases/sentence/time_credits/records.yaml; the findings here.
    _, block = fsa(removal_record("2026-01-15"), date(2026, 2, 1))
    texts = [f["finding"] for f in block["findings"]]
    assert not any("None" in t for t in texts)
    assert any("by the release date 2029-04-05" in t and "none of them can" in t for t in texts)
    assert any("final order of removal (2026-01-15)" in t for t in texts)


def test_no_fsa_codes_before_the_act() -> None:
    # As of 2018-06-01 the Act (2018-12-21) did not exist: no FSA reason code (the empty
    # fields: cases/sentence/time_credits/records.yaml).
    rec = record(
        [{"statute": "18 U.S.C. 1343"}],
        custody=[{"kind": "designated_facility", "start": "2017-01-01", "conviction_id": "c1"}],
    )
    data = rec.model_dump(mode="json", exclude_none=True)
    data["convictions"][0]["sentence"]["imposed_on"] = "2017-01-01"
    _, block = fsa(Record.model_validate(data), date(2018, 6, 1))
    assert not [c for c in block["codes"] if c.startswith("FSA_")]


def test_statute_and_regulation_difference_is_a_finding_when_15_days_are_used() -> None:
    # Two consecutive low assessments (2025-02-01, 2025-05-01): periods after the second earn
    # 15 days: the finding is there.
    lows = [
        {"assessed_on": "2025-02-01", "level": "low"},
        {"assessed_on": "2025-05-01", "level": "low"},
    ]
    _, block = fsa(record([{"statute": "18 U.S.C. 1343"}], fsa={"risk_assessments": lows}))
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
    # One low assessment only: every period at 10; p* = ceil(1555 / 40) = 39: 390 credits.
    assert first["fsa"]["credits_days"] == 390
    assert second["fsa"]["release_date"] is None


def test_an_undecided_exclusion_is_not_coded_as_an_excluded_offense() -> None:
    # 21 U.S.C. 846 with an 841(b)(1)(A) object, no court findings: whether clause (lviii) or
    # (lxvii) of 3632(d)(4)(D) reaches it is for review (fsa.time_credits needs_review). No
    # credits are projected, but the block's code says undecided, never "ineligible offense".
    undecided = record(
        [
            {
                "statute": "21 U.S.C. 846",
                "object_offense": "21 U.S.C. 841(a)(1), (b)(1)(A)",
                "substance": "methamphetamine",
            }
        ]
    )
    det, block = fsa(undecided)
    assert det.outcome is Outcome.needs_review
    assert "FSA_ELIGIBILITY_UNDECIDED" in block["codes"]
    assert "FSA_INELIGIBLE_OFFENSE" not in block["codes"]
    # 18 U.S.C. 924(c) is listed (clause (xxii)): decided, and coded so.
    _, listed = fsa(record([{"statute": "18 U.S.C. 924(c)(1)(A)"}]))
    assert "FSA_INELIGIBLE_OFFENSE" in listed["codes"]


def test_a_term_ended_before_the_2019_method_is_compared_under_the_old_method() -> None:
    # 120 months from 2005-01-03 (3,652 days; full term 2015-01-02), released 2013-10-01.
    # Good conduct time was earned under PS 5880.28 then (the 54-days-per-year-imposed method
    # runs from 2019-07-19): each whole year served consumes 365 + 54 = 419 days of the term,
    # 3,652 // 419 = 8 years (432 days), remainder 300: the fewest d with d + floor(0.148 d)
    # >= 300 is 262 (262 + 38 = 300), so 38 more: 470 days, release 2015-01-02 - 470 days =
    # 2013-09-19. Under the later method it would be 10 x 54 = 540 days (2013-07-11): too early.
    data: dict[str, Any] = {
        "person": {"name": "A"},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "counts": [{"statute": "18 U.S.C. 1343"}],
                "sentence": {"imposed_on": "2005-01-03", "imprisonment": "120 months"},
            }
        ],
        "custody": [
            {
                "kind": "designated_facility",
                "start": "2005-01-03",
                "end": "2013-10-01",
                "conviction_id": "c1",
            }
        ],
    }
    block = evaluate(Record.model_validate(data), as_of=date(2026, 12, 7)).computation("sentence")
    assert block is not None
    assert block["released_on"] == "2013-10-01"
    assert block["gct_release_date"] == "2013-09-19"
    # Computed ahead with others (batch screening: one kernel pass per law), the same date.
    from secondchance.api import prepare

    released, serving = Record.model_validate(data), record([{"statute": "18 U.S.C. 1343"}])
    prepare([released, serving], date(2026, 12, 7))
    ahead = evaluate(released, as_of=date(2026, 12, 7)).computation("sentence")
    assert ahead is not None and ahead["gct_release_date"] == "2013-09-19"
