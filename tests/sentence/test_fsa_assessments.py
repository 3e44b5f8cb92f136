"""fsa.time_credits from the record's risk assessments and non-earning periods (18 U.S.C.
3632(d)(4)(A); 28 CFR 523.42(c)): the rate of each period follows the recorded assessments, no
later assessment is assumed, and a non-earning period with no start or still open never gives an
earlier date than the record supports. Dates worked by hand in the comments."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.api import evaluate
from secondchance.law.registry import program
from secondchance.record.schema import Record

AS_OF = date(2025, 6, 1)
LOWS = [
    {"assessed_on": "2023-04-01", "level": "low"},
    {"assessed_on": "2023-10-01", "level": "low"},
]


def sixty_months(fsa: dict[str, Any]) -> Record:
    """60 months imposed 2023-01-10, at the facility that day, 3 years of supervised release:
    full term 2028-01-09, GCT 5 x 54 = 270, release R = 2027-04-14; S = 2023-01-10 and R - S =
    1461 (to 2027-01-10, across 2024-02-29) + 21 + 28 + 31 + 4 = 1555 (2027-04-10 to 04-14)."""
    return Record.model_validate(
        {
            "person": {"name": "A"},
            "convictions": [
                {
                    "id": "c1",
                    "jurisdiction": "federal",
                    "counts": [{"statute": "18 U.S.C. 1343", "offense_date": "2021-03-01"}],
                    "sentence": {
                        "imposed_on": "2023-01-10",
                        "imprisonment": "60 months",
                        "supervised_release": "3 years",
                    },
                }
            ],
            "custody": [
                {"kind": "designated_facility", "start": "2023-01-10", "conviction_id": "c1"}
            ],
            "fsa": {"ged_status": "has_credential", **fsa},
        }
    )


def block_of(rec: Record) -> Any:
    report = evaluate(rec, as_of=AS_OF, programs=[program("fsa.time_credits")])
    return report.computation("sentence")


def test_medium_assessments_then_one_low_earn_the_base_rate() -> None:
    # Reviewer's r11: 36 months imposed 2023-11-15, arrival 2024-01-02; medium 2024-02-01,
    # 2024-08-01, 2025-02-01, low 2025-05-01: no two consecutive minimum/low assessments, so
    # every period is at 10 (523.42(c)(2)) and no later assessment is assumed.
    # Full term 2026-11-14, GCT 3 x 54 = 162: R = 2026-07-23 (as the tool gives); S = 2024-01-02,
    # R - S = 366 + 365 + 202 = 933; p* = ceil(933 / 40) = 24; S + 720 = R - 213 > R - C(23) =
    # R - 230: placement R - 230 = 2025-12-05 with 230 credits, all to supervised release
    # (230 <= 365): transfer 2025-12-05 (a Friday). The handout's 15 after period 7 gave
    # 2025-10-16: 50 days too early.
    rec = Record.model_validate(
        {
            "person": {"name": "A"},
            "convictions": [
                {
                    "id": "c1",
                    "jurisdiction": "federal",
                    "counts": [{"statute": "18 U.S.C. 1343", "offense_date": "2022-03-01"}],
                    "sentence": {
                        "imposed_on": "2023-11-15",
                        "imprisonment": "36 months",
                        "supervised_release": "3 years",
                    },
                }
            ],
            "custody": [
                {"kind": "designated_facility", "start": "2024-01-02", "conviction_id": "c1"}
            ],
            "fsa": {
                "ged_status": "has_credential",
                "risk_assessments": [
                    {"assessed_on": "2024-02-01", "level": "medium"},
                    {"assessed_on": "2024-08-01", "level": "medium"},
                    {"assessed_on": "2025-02-01", "level": "medium"},
                    {"assessed_on": "2025-05-01", "level": "low"},
                ],
            },
        }
    )
    block = block_of(rec)
    assert block["gct_release_date"] == "2026-07-23"
    assert block["fsa"]["credits_days"] == 230
    assert block["fsa"]["release_date"] == "2025-12-05"
    assert block["fsa"]["prerelease_custody_date"] is None
    assert "FSA_ADDITIONAL_RATE_PROJECTED" not in block["codes"]
    assert "fsa.risk_assessments" not in block["missing_facts"]  # the earlier ones are known
    assert any("second consecutive minimum or low" in f["finding"] for f in block["findings"])
    assert "15 after" not in block["fsa"]["projection"]


def test_one_low_assessment_alone_names_the_earlier_assessment() -> None:
    # Reviewer's r09e: one low assessment (2025-05-01), none earlier: every period at 10.
    # R - S = 1555; p* = ceil(1555 / 40) = 39; S + 1170 = R - 385 < R - C(38) = R - 380:
    # placement R - 385 = 2026-03-25 with 390 credits, 385 applied: 365 to supervised release
    # (R - 365 = 2026-04-14), 20 to prerelease custody from 2026-03-25.
    block = block_of(
        sixty_months({"risk_assessments": [{"assessed_on": "2025-05-01", "level": "low"}]})
    )
    assert block["fsa"]["credits_days"] == 390
    assert block["fsa"]["release_date"] == "2026-04-14"
    assert block["fsa"]["prerelease_custody_date"] == "2026-03-25"
    assert "fsa.risk_assessments" in block["missing_facts"]


def test_a_run_of_lows_broken_by_a_medium_starts_again() -> None:
    # Low, low, medium (2024-04-01), low (2025-05-01): the current run is one assessment long,
    # so every period is projected at 10 (the same dates as one low alone: 390 credits,
    # 2026-04-14, prerelease 2026-03-25). The periods earned while the first run held are
    # projected at 10 too: the later, safe date.
    assessments = [
        *LOWS,
        {"assessed_on": "2024-04-01", "level": "medium"},
        {"assessed_on": "2025-05-01", "level": "low"},
    ]
    block = block_of(sixty_months({"risk_assessments": assessments}))
    assert block["fsa"]["credits_days"] == 390
    assert block["fsa"]["release_date"] == "2026-04-14"
    assert block["fsa"]["prerelease_custody_date"] == "2026-03-25"
    assert "fsa.risk_assessments" not in block["missing_facts"]


def test_non_earning_period_without_start_is_counted_from_the_start_of_earning() -> None:
    # Reviewer's r14b/r14d: non-earning to 2024-06-01, start not given: counted from the start
    # of earning 2023-01-10: 356 (rest of 2023) + 153 (2024-01-01..06-01) = 509 days, and the
    # block needs review naming the start. Lows on 2023-04-01 and 2023-10-01: all 264 days
    # before 2023-10-01 are non-earning, so every earning period is at 15. S' = S + 509,
    # R - S' = 1555 - 509 = 1046; p* = ceil(1046 / 45) = 24; S' + 720 = R - 326 > R - C(23) =
    # R - 345: placement R - 345 = 2026-05-04, 345 credits all to supervised release. Skipping
    # the period gave 2026-04-14: 20 days too early.
    block = block_of(
        sixty_months({"risk_assessments": LOWS, "non_earning_periods": [{"end": "2024-06-01"}]})
    )
    assert block["fsa"]["non_earning_days"] == 509
    assert block["fsa"]["credits_days"] == 345
    assert block["fsa"]["release_date"] == "2026-05-04"
    assert block["status"] == "needs_review"
    assert "fsa.non_earning_periods[0].start" in block["missing_facts"]


def test_open_non_earning_period_projects_no_further_credits() -> None:
    # Reviewer's r14: "declined programming" from 2024-01-01, no end: 518 days to 2025-06-01
    # (366 in 2024 + 152). The 873 days from S to 2025-06-01 less 518 leave 355: 11 periods. Lows on
    # 2023-04-01, 2023-10-01: periods complete by 2023-10-01 (264 days): 8 at 10, then 3 at 15:
    # 125 credits, none after. Placement R - 125 = 2026-12-10, all to supervised release.
    # Assuming earning resumed at once gave 2026-05-04: 220 days too early.
    block = block_of(
        sixty_months(
            {
                "risk_assessments": LOWS,
                "non_earning_periods": [{"start": "2024-01-01", "reason": "declined programming"}],
            }
        )
    )
    assert block["fsa"]["non_earning_days"] == 518
    assert block["fsa"]["credits_days"] == 125
    assert block["fsa"]["release_date"] == "2026-12-10"
    assert block["status"] == "needs_review"
    assert any("non-earning status is open" in why for why in block["needs_review"])


def test_closed_non_earning_period_after_the_second_low_keeps_the_periods_before_it() -> None:
    # Reviewer's r14c: non-earning 2024-03-01..2024-06-01 (93 days), lows 2023-04-01 and
    # 2023-10-01. Periods complete by 2023-10-01 (264 days): 8 at 10; the 93 days fall after,
    # so they do not move those 8. S' = S + 93, R - S' = 1462; 30 x 8 + 80 = 320 days for the
    # first 8; p* = 8 + ceil((1462 - 320) / 45) = 8 + 26 = 34; C(33) = 80 + 25 x 15 = 455;
    # S' + 1020 = R - 442 > R - 455: placement R - 455 = 2026-01-14 with 455 credits: 365 to
    # supervised release (2026-04-14), 90 to prerelease custody from 2026-01-14. (Counting
    # the 8 periods from the shifted start gave 6 at 10, 470 credits, 2025-12-30.)
    block = block_of(
        sixty_months(
            {
                "risk_assessments": LOWS,
                "non_earning_periods": [{"start": "2024-03-01", "end": "2024-06-01"}],
            }
        )
    )
    assert block["fsa"]["non_earning_days"] == 93
    assert block["fsa"]["credits_days"] == 455
    assert block["fsa"]["release_date"] == "2026-04-14"
    assert block["fsa"]["prerelease_custody_date"] == "2026-01-14"


def test_two_entries_of_one_day_are_one_assessment() -> None:
    # Review s21: low twice on 2023-04-01 is one assessment, not the two consecutive ones 28 CFR
    # 523.42(c)(2) asks for: every period at 10, the dates of one low alone (see above): R - S =
    # 1555, p* = ceil(1555 / 40) = 39, S + 1170 = R - 385 < R - C(38) = R - 380: placement R -
    # 385 = 2026-03-25, 390 credits, 365 to supervised release (R - 365 = 2026-04-14). Read as
    # two, the run was complete on 2023-04-01 (period 2: 81 // 30) and 15 days per 30 from
    # period 3 gave earlier dates.
    same_day = [{"assessed_on": "2023-04-01", "level": "low"}] * 2
    block = block_of(sixty_months({"risk_assessments": same_day}))
    assert block["fsa"]["credits_days"] == 390
    assert block["fsa"]["release_date"] == "2026-04-14"
    assert block["fsa"]["prerelease_custody_date"] == "2026-03-25"
    assert "FSA_ADDITIONAL_RATE_PROJECTED" not in block["codes"]
    assert any("read as one assessment" in f["finding"] for f in block["findings"])


def test_a_medium_on_the_day_of_a_low_bars_application_and_needs_review() -> None:
    # Review s21: lows 2023-04-01 and 2023-10-01 and a medium also on 2023-10-01. Which is that
    # day's assessment is unknown: the medium is used, and a medium risk prisoner's credits are
    # not applied without a warden's petition (18 U.S.C. 3624(g)(1)(D)): no FSA release date.
    # Reading the low as the latest applied 390 credits and gave 2026-04-14.
    assessments = [*LOWS, {"assessed_on": "2023-10-01", "level": "medium"}]
    block = block_of(sixty_months({"risk_assessments": assessments}))
    assert block["fsa"]["risk"] == "medium"
    assert block["fsa"]["release_date"] is None
    assert block["fsa"]["prerelease_custody_date"] is None
    assert block["status"] == "needs_review"
    assert "fsa.risk_assessments[1].level" in block["missing_facts"]
    assert "fsa.risk_assessments[2].level" in block["missing_facts"]


def test_overlapping_non_earning_periods_count_each_day_once() -> None:
    # Review s21: non-earning 2024-03-01..2024-06-01 (93 days) and, inside it, 2024-05-01..
    # 2024-06-01 (in transit while in a disciplinary status): 93 days not earning, not 93 + 32
    # = 125. The dates are then those of the 93-day period alone (worked above): 455 credits,
    # placement R - 455 = 2026-01-14, supervised release 2026-04-14.
    block = block_of(
        sixty_months(
            {
                "risk_assessments": LOWS,
                "non_earning_periods": [
                    {"start": "2024-03-01", "end": "2024-06-01", "reason": "disciplinary"},
                    {"start": "2024-05-01", "end": "2024-06-01", "reason": "in transit"},
                ],
            }
        )
    )
    assert block["fsa"]["non_earning_days"] == 93
    assert block["fsa"]["credits_days"] == 455
    assert block["fsa"]["release_date"] == "2026-04-14"
    assert block["fsa"]["prerelease_custody_date"] == "2026-01-14"


def test_an_assessment_before_the_term_commenced_is_left_out() -> None:
    # Review s21: low on 2022-12-01, before the sentence commenced on 2023-01-10, then low on
    # 2023-04-01. The first is not an assessment of this term (28 CFR 523.42(c)(2)): one low
    # remains, every period at 10, the dates of one low alone (worked above): 390 credits,
    # placement R - 385 = 2026-03-25, supervised release R - 365 = 2026-04-14. Counting it
    # completed the run on 2023-04-01 (period 2: 81 // 30) and gave 15 from period 3.
    assessments = [
        {"assessed_on": "2022-12-01", "level": "low"},
        {"assessed_on": "2023-04-01", "level": "low"},
    ]
    block = block_of(sixty_months({"risk_assessments": assessments}))
    assert block["fsa"]["credits_days"] == 390
    assert block["fsa"]["release_date"] == "2026-04-14"
    assert block["fsa"]["prerelease_custody_date"] == "2026-03-25"
    assert block["status"] == "needs_review"
    assert "fsa.risk_assessments[0].assessed_on" in block["missing_facts"]
