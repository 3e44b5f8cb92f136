"""A federal defender's reports: a conviction of an aggregate term dropped once supervised
release began, sentences without a recorded relation, a repeated --term, and the rate schedule
``sentence`` assumes. Expected values are worked by hand in the comments."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from secondchance.api import evaluate
from secondchance.engine.determination import Outcome
from secondchance.law.registry import program
from secondchance.record.schema import Record
from tests.support import EXAMPLES, check_json, run_cli


def fsa(rec: Record, day: date) -> Any:
    report = evaluate(rec, as_of=day, programs=[program("fsa.time_credits")])
    return report.determinations[0], report.computation("sentence")


def texts(block: dict[str, Any]) -> str:
    return "\n".join(f["finding"] for f in block["findings"])


def released_aggregate(first_statute: str = "21 U.S.C. 841(a)(1), (b)(1)(C)") -> Record:
    """The reported record: A 60 months, B 24 months (1028A) consecutive to A, commenced
    2025-03-28, custody for A ending 2029-05-18, supervised release for A from 2029-05-19."""
    return Record.model_validate(
        {
            "person": {"name": "A"},
            "convictions": [
                {
                    "id": "A",
                    "jurisdiction": "federal",
                    "counts": [
                        {
                            "statute": first_statute,
                            "substance": "cocaine",
                            "court_findings": ["not:death_or_serious_bodily_injury"],
                        }
                    ],
                    "sentence": {
                        "imposed_on": "2025-03-28",
                        "imprisonment": "60 months",
                        "supervised_release": "3 years",
                    },
                },
                {
                    "id": "B",
                    "jurisdiction": "federal",
                    "counts": [{"statute": "18 U.S.C. 1028A(a)(1)"}],
                    "sentence": {
                        "imposed_on": "2025-03-28",
                        "imprisonment": "24 months",
                        "relation": "consecutive",
                        "relative_to": "A",
                    },
                },
            ],
            "custody": [
                {
                    "kind": "federal_custody",
                    "start": "2025-03-28",
                    "end": "2029-05-18",
                    "conviction_id": "A",
                }
            ],
            "supervision": [
                {"kind": "supervised_release", "start": "2029-05-19", "conviction_id": "A"}
            ],
            "fsa": {"risk_assessments": [{"assessed_on": "2025-06-01", "level": "low"}]},
        }
    )


def test_supervised_release_of_one_conviction_keeps_the_aggregate() -> None:
    # 60 + 24 = 84 months = 7 years from 2025-03-28: to 2032-03-28, last day 2032-03-27.
    # Days: 7 x 365 + 2 (29 February 2028 and 2032, both before 2032-03-28) = 2557.
    # GCT 7 x 54 = 378; 2032-03-27 - 366 (the year back holds 2032-02-29) = 2031-03-27,
    # - 12 = 2031-03-15. The same on every as-of day, before and after supervised release.
    for day in (date(2029, 5, 18), date(2029, 5, 19), date(2030, 1, 1)):
        _, block = fsa(released_aggregate(), day)
        assert block["term"] == "84 months"
        assert block["term_days"] == 2557
        assert block["full_term_date"] == "2032-03-27"
        assert block["gct_days"] == 378
        assert block["gct_release_date"] == "2031-03-15"
        # Custody ended on 2029-05-18 (custody[0].end): the aggregate was released then.
        assert block["released_on"] == "2029-05-18"
        assert "Released on 2029-05-18 per custody[0].end" in texts(block)
    _, block = fsa(released_aggregate(), date(2029, 5, 19))
    assert "released as one" in texts(block)
    assert "supervision[0].start" in texts(block)


def test_time_credits_still_see_a_conviction_whose_supervised_release_began() -> None:
    # A is a 924(c) count (3632(d)(4)(D)(xxii)): it bars credits for the whole aggregate term,
    # also after supervised release began for A (it is not dropped, leaving only 1028A).
    rec = released_aggregate("18 U.S.C. 924(c)(1)(A)")
    for day in (date(2029, 5, 18), date(2029, 6, 1)):
        det, block = fsa(rec, day)
        assert det.outcome is Outcome.not_eligible
        assert block["fsa"]["eligible"] is False
        assert block["term"] == "84 months"


def test_a_term_imposed_after_release_is_a_new_aggregate() -> None:
    # c1: 36 months imposed 2010-01-04, supervised release from 2012-09-01. c2: 24 months
    # imposed 2020-01-10, after that release: a new aggregate of 24 months alone, from
    # 2020-01-10 to 2022-01-09 (the day before the 2-year anniversary).
    rec = Record.model_validate(
        {
            "person": {"name": "A"},
            "convictions": [
                {
                    "id": "c1",
                    "jurisdiction": "federal",
                    "counts": [{"statute": "18 U.S.C. 924(c)(1)(A)"}],
                    "sentence": {"imposed_on": "2010-01-04", "imprisonment": "36 months"},
                },
                {
                    "id": "c2",
                    "jurisdiction": "federal",
                    "counts": [{"statute": "18 U.S.C. 1343"}],
                    "sentence": {"imposed_on": "2020-01-10", "imprisonment": "24 months"},
                },
            ],
            "custody": [
                {
                    "kind": "federal_custody",
                    "start": "2010-01-04",
                    "end": "2012-08-31",
                    "conviction_id": "c1",
                },
                {"kind": "federal_custody", "start": "2020-01-10", "conviction_id": "c2"},
                {"kind": "designated_facility", "start": "2020-01-10", "conviction_id": "c2"},
            ],
            "supervision": [
                {"kind": "supervised_release", "start": "2012-09-01", "conviction_id": "c1"}
            ],
        }
    )
    det, block = fsa(rec, date(2020, 6, 1))
    assert block["term"] == "24 months"
    assert block["full_term_date"] == "2022-01-09"
    # The 924(c) term was served and released before: not part of this aggregate.
    assert det.outcome is Outcome.eligible
    assert "convictions[1].sentence.relation" not in block["missing_facts"]


def two_sentences(relation: str | None) -> Record:
    second: dict[str, Any] = {"imposed_on": "2025-01-01", "imprisonment": "24 months"}
    if relation:
        second.update(relation=relation, relative_to="c1")
    return Record.model_validate(
        {
            "person": {"name": "A"},
            "convictions": [
                {
                    "id": "c1",
                    "jurisdiction": "federal",
                    "counts": [{"statute": "18 U.S.C. 1343"}],
                    "sentence": {"imposed_on": "2025-01-01", "imprisonment": "60 months"},
                },
                {
                    "id": "c2",
                    "jurisdiction": "federal",
                    "counts": [{"statute": "18 U.S.C. 1028A(a)(1)"}],
                    "sentence": second,
                },
            ],
            "custody": [
                {"kind": "federal_custody", "start": "2025-01-01", "conviction_id": "c1"},
                {"kind": "designated_facility", "start": "2025-01-01", "conviction_id": "c1"},
            ],
        }
    )


def test_no_relation_runs_concurrently_but_needs_review() -> None:
    # Same day, no relation: 3584(a) runs them concurrently, the longer 60 months from
    # 2025-01-01 to 2029-12-31 - but 1028A mandates a consecutive term, which is not encoded.
    _, block = fsa(two_sentences(None), date(2025, 6, 1))
    assert block["term"] == "60 months"
    assert block["full_term_date"] == "2029-12-31"
    assert block["status"] == "needs_review"
    assert "convictions[1].sentence.relation" in block["missing_facts"]
    assert any("convictions[1].sentence.relation" in why for why in block["needs_review"])
    finding = next(f for f in block["findings"] if "sentence.relation" in f["finding"])
    assert "convictions[1].sentence.relation" in finding["facts"]
    assert "924(c)" in finding["finding"] and "1028A" in finding["finding"]
    assert "not encoded" in finding["finding"]


def test_recorded_relation_is_not_flagged() -> None:
    # Consecutive: 60 + 24 = 84 months from 2025-01-01, last day 2031-12-31; no review.
    _, block = fsa(two_sentences("consecutive"), date(2025, 6, 1))
    assert block["term"] == "84 months"
    assert block["full_term_date"] == "2031-12-31"
    assert not any("relation" in why for why in block["needs_review"])
    assert "convictions[1].sentence.relation" not in block["missing_facts"]


def test_repeated_term_exits_2() -> None:
    out = run_cli(
        "sentence", "--term", "60 months", "--term", "24 months", "--commenced", "2025-01-01"
    )
    assert out.returncode == 2
    assert "--term" in out.stderr
    assert "sum" in out.stderr
    assert "relation: consecutive" in out.stderr
    assert "Traceback" not in out.stderr


def test_sentence_states_the_rate_schedule_it_assumes() -> None:
    out = run_cli(
        *("sentence", "--term", "60 months", "--commenced", "2025-01-01"),
        *("--as-of", "2025-06-01", "--fsa-risk", "low", "--format", "json"),
    )
    assert out.returncode == 0, out.stderr
    block = json.loads(out.stdout)
    # Handout example 2's dates stand; the finding says how they were projected: 7 periods of
    # 30 days (210 days) at 10, then 15.
    assert block["fsa"]["credits_days"] == 490
    finding = next(f for f in block["findings"] if "handout schedule" in f["finding"])
    assert "first 7 periods (210 days)" in finding["finding"]
    assert "fsa.risk_assessments" in finding["finding"]
    assert "may move" in finding["finding"]
    assert finding["citation"] and finding["rule_version"]
    # Medium risk: no 15-day rate and no projected date, so no such finding.
    out = run_cli(
        *("sentence", "--term", "60 months", "--commenced", "2025-01-01"),
        *("--as-of", "2025-06-01", "--fsa-risk", "medium", "--format", "json"),
    )
    block = json.loads(out.stdout)
    assert not any("handout schedule" in f["finding"] for f in block["findings"])


def test_example_aggregate_released_as_one() -> None:
    # examples/sentence/aggregate-released-1028a.yaml, worked in its comment.
    for as_of in ("2029-05-18", "2029-06-01"):
        block = check_json(EXAMPLES / "sentence" / "aggregate-released-1028a.yaml", as_of)[
            "sentence"
        ]
        assert (block["term_days"], block["full_term_date"]) == (2557, "2032-03-27")
        assert (block["gct_days"], block["gct_release_date"]) == (378, "2031-03-15")
        assert block["released_on"] == "2029-05-18"
