"""Cases users reported: commutations, commencement without custody, the 2026 interim rule's
reach back, release before the Act, the weekday rule for the FSA release date, prior custody
longer than the term, and dates the calendar cannot hold. Expected values are worked by hand in
the comments."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from typing import Any

import numpy as np

from secondchance.api import evaluate
from secondchance.engine.determination import Outcome
from secondchance.law.registry import program
from secondchance.law.sentence.block import SentenceFacts, compute_block
from secondchance.law.sentence.days import to_day
from secondchance.law.sentence.kernel import KernelLaw, SentenceColumns, compute
from secondchance.record.schema import Record, RiskLevel
from secondchance.record.terms import Term


def record(sentence: dict[str, Any], custody: list[dict[str, Any]], **extra: Any) -> Record:
    data: dict[str, Any] = {
        "person": {"name": "A"},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "counts": [{"statute": "18 U.S.C. 1343"}],
                "sentence": sentence,
            }
        ],
        "custody": custody,
        "fsa": {"risk_assessments": [{"assessed_on": "2024-06-01", "level": "low"}]},
    }
    data.update(extra)
    return Record.model_validate(data)


def fsa(rec: Record, day: date) -> Any:
    report = evaluate(rec, as_of=day, programs=[program("fsa.time_credits")])
    return report.determinations[0], report.computation("sentence")


def texts(block: dict[str, Any]) -> str:
    return "\n".join(f["finding"] for f in block["findings"])


LIFER = [
    {"kind": "federal_custody", "start": "2010-05-01", "conviction_id": "c1"},
    {"kind": "designated_facility", "start": "2010-07-01", "conviction_id": "c1"},
]


def test_life_commuted_to_a_date_is_released_on_that_date() -> None:
    rec = record(
        {
            "imposed_on": "2010-05-01",
            "imprisonment": "life",
            "supervised_release": "5 years",
            "commutations": [{"granted_on": "2025-01-17", "new_release_date": "2027-01-16"}],
        },
        LIFER,
    )
    det, block = fsa(rec, date(2025, 6, 1))
    # The warrant's date is the release date; credits cannot move it unless it says so.
    assert det.outcome is Outcome.needs_review
    assert block["commuted_release_date"] == "2027-01-16"
    assert block["full_term_date"] == "2027-01-16"
    assert block["gct_release_date"] is None
    assert block["fsa"]["release_date"] is None
    assert block["fsa"]["eligible"] is None
    assert block["status"] == "needs_review"
    assert "commuted on 2025-01-17" in texts(block)
    assert "convictions[0].sentence.commutations[0]" in texts(block)
    # Before the grant the life term stands: no release date.
    det, block = fsa(rec, date(2025, 1, 16))
    assert block["commuted_release_date"] is None
    assert block["full_term_date"] is None


def test_life_term_not_commuted_cannot_apply_credits() -> None:
    # A life term imposed 2010 on a count no clause of 3632(d)(4)(D) lists (the record's
    # default count), low risk. 18 U.S.C. 3624(g)(1)(A) applies credits only once they equal
    # "the remainder of the prisoner's imposed term"; a life term has no remainder (no full
    # term, 3624(b)(1)), so no credit can ever be applied: not eligible, never "eligible".
    rec = record({"imposed_on": "2010-05-01", "imprisonment": "life"}, LIFER)
    det, block = fsa(rec, date(2025, 6, 1))
    assert det.outcome is Outcome.not_eligible
    assert "3624(g)(1)(A)" in det.reason
    assert block["fsa"]["eligible"] is False
    assert block["fsa"]["release_date"] is None
    assert "A term of life: time credits are applied only once" in texts(block)
    # Arrival 2010-07-01 after sentencing 2010-05-01 with no custody recorded between: on a term
    # of years custody between would commence it earlier (3585(a)) and is asked for; a life term
    # has no date that commencement moves, so it is not a fact that would decide anything.
    arrived = [{"kind": "designated_facility", "start": "2010-07-01", "conviction_id": "c1"}]
    day = date(2025, 6, 1)
    _, block = fsa(record({"imposed_on": "2010-05-01", "imprisonment": "life"}, arrived), day)
    assert "custody[] between sentencing and arrival" not in block["missing_facts"]
    _, block = fsa(record({"imposed_on": "2010-05-01", "imprisonment": "20 years"}, arrived), day)
    assert "custody[] between sentencing and arrival" in block["missing_facts"]


def test_commuted_to_a_term_replaces_the_term_with_gct_on_it() -> None:
    rec = record(
        {
            "imposed_on": "2010-05-01",
            "imprisonment": "life",
            "supervised_release": "5 years",
            "commutations": [
                {"granted_on": "2016-01-17", "new_imprisonment": "300 months"},
                {"granted_on": "2017-01-17", "new_imprisonment": "240 months"},
            ],
        },
        LIFER,
    )
    _, block = fsa(rec, date(2025, 6, 1))
    # The latest grant in force: 240 months = 20 years from 2010-05-01, last day 2030-04-30.
    # GCT 54 x 20 = 1080. 2027-04-30 is 1096 days before 2030-04-30 (365 + 366 + 365), so
    # 2030-04-30 - 1080 = 2027-04-30 + 16 = 2027-05-16.
    assert block["term"] == "240 months"
    assert block["full_term_date"] == "2030-04-30"
    assert block["gct_days"] == 1080
    assert block["gct_release_date"] == "2027-05-16"
    assert "not in our sources" in texts(block)
    assert "convictions[0].sentence.commutations[1]" in texts(block)


def test_commencement_on_arrival_when_no_custody_after_sentencing() -> None:
    rec = record(
        {"imposed_on": "2024-03-15", "imprisonment": "60 months", "supervised_release": "3 years"},
        [{"kind": "designated_facility", "start": "2024-05-06", "conviction_id": "c1"}],
    )
    _, block = fsa(rec, date(2025, 6, 1))
    assert block["commenced_on"] == "2024-05-06"
    # 60 months from 2024-05-06: the day before 2029-05-06.
    assert block["full_term_date"] == "2029-05-05"
    assert "custody[] between sentencing and arrival" in block["missing_facts"]
    assert "3585(a)" in texts(block)
    assert "no custody between sentencing on 2024-03-15" in texts(block)
    assert block["status"] == "computed"


def test_no_sentencing_day_names_it_among_the_missing_facts() -> None:
    # A sentence commences when the person is received to serve it after it is imposed
    # (18 U.S.C. 3585(a)); with neither imposed_on nor a sentencing date recorded the day of
    # commencement cannot be found, and the field that would give it is named (not dropped,
    # and not "custody", which is recorded).
    rec = record(
        {"imprisonment": "60 months"},
        [{"kind": "designated_facility", "start": "2022-08-01", "conviction_id": "c1"}],
    )
    _, block = fsa(rec, date(2026, 12, 3))
    assert block["status"] == "needs_review"
    assert block["missing_facts"] == ["convictions[0].sentence.imposed_on"]
    assert "the day the sentence was imposed is not in the record" in block["reason"]


def test_interim_rule_gives_both_computations() -> None:
    rec = record(
        {"imposed_on": "2024-03-15", "imprisonment": "60 months", "supervised_release": "3 years"},
        [
            {"kind": "federal_custody", "start": "2024-03-15", "conviction_id": "c1"},
            {"kind": "designated_facility", "start": "2024-05-06", "conviction_id": "c1"},
        ],
    )
    _, block = fsa(rec, date(2026, 10, 15))
    # R = 2029-03-14 - 270 = 2028-06-17 (2028-06-17 to 2029-03-17 is 273 days, less 3).
    assert block["gct_release_date"] == "2028-06-17"
    # One low assessment recorded, none earlier: every period at 10 (the 5 more days need two
    # consecutive minimum/low assessments, 28 CFR 523.42(c)(2)). From arrival S = 2024-05-06:
    # R - S = 1461 + 42 = 1503; p* = ceil(1503 / 40) = 38; C(37) = 370; R - 370 = S + 1133 <
    # S + 1140: placement on R - 370 = 2027-06-18 - 5 = 2027-06-13; the Bureau's 365 days to SR
    # (not 366, the 12 calendar months back across 2028-02-29): 2028-06-17 - 365 = 2027-06-18.
    fsa_part = block["fsa"]
    assert fsa_part["earning_start"] == "2024-05-06"
    assert fsa_part["credits_days"] == 370
    assert fsa_part["prerelease_custody_date"] == "2027-06-13"
    assert fsa_part["release_date"] == "2027-06-18"
    # From commencement S = 2024-03-15: R - S = 1461 + 94 = 1555; p* = ceil(1555 / 40) = 39;
    # S + 1170 = R - 385 < R - C(38) = R - 380: placement R - 385 = 2027-06-18 - 20 =
    # 2027-05-29, 390 credits.
    alt = fsa_part["if_earning_from_commencement"]
    assert alt == {
        "earning_start": "2024-03-15",
        "credits_days": 390,
        "prerelease_custody_date": "2027-05-29",
        "release_date": "2027-06-18",
    }
    assert block["status"] == "needs_review"
    assert any("2026 interim rule" in why for why in block["needs_review"])
    versions = {f["rule_version"] for f in block["findings"]}
    assert "sentence.fsa_earning@2018" in versions
    assert "sentence.fsa_earning@2026-interim" in versions
    start = next(f for f in block["findings"] if f["finding"].startswith("Time credits are"))
    assert start["rule_version"] == "sentence.fsa_earning@2018"
    # Before the interim rule only one computation, and no review for it.
    _, before = fsa(rec, date(2026, 9, 29))
    assert "if_earning_from_commencement" not in before["fsa"]
    assert before["status"] == "computed"


def test_released_before_the_act_not_applicable() -> None:
    rec = record(
        {"imposed_on": "2014-03-15", "imprisonment": "36 months", "supervised_release": "3 years"},
        [
            {
                "kind": "federal_custody",
                "start": "2014-03-15",
                "end": "2017-06-15",
                "conviction_id": "c1",
            }
        ],
        convictions=[
            {
                "id": "c1",
                "jurisdiction": "federal",
                "counts": [{"statute": "18 U.S.C. 2291(a)"}],  # would be needs_review
                "sentence": {"imposed_on": "2014-03-15", "imprisonment": "36 months"},
            }
        ],
    )
    det, block = fsa(rec, date(2025, 6, 1))
    assert det.outcome is Outcome.not_applicable
    assert "523.42(b)" in det.reason
    assert block["released_on"] == "2017-06-15"
    assert "Released on 2017-06-15 per custody[0].end" in texts(block)
    assert block["fsa"]["credits_days"] is None
    # The term is computed under the law of the release day (2017-06-15): good conduct time on
    # time served (the 54-days-per-year-imposed method came on 2019-07-19, after release) and
    # no credits (the Act was enacted 2018-12-21, after release). The findings say so of the
    # release day, never of the day asked (2025-06-01), when both the Act and the new method
    # were in force.
    assert "the method in force on the day of release, 2017-06-15" in texts(block)
    assert "ended on 2017-06-15 (custody[0].end), before the First Step Act" in texts(block)
    assert "2025-06-01" not in texts(block)


def test_released_after_the_act_is_said() -> None:
    rec = record(
        {"imposed_on": "2020-01-10", "imprisonment": "36 months", "supervised_release": "3 years"},
        [
            {
                "kind": "designated_facility",
                "start": "2020-01-10",
                "end": "2022-05-02",
                "conviction_id": "c1",
            }
        ],
    )
    det, block = fsa(rec, date(2025, 6, 1))
    assert det.outcome is Outcome.eligible
    assert block["released_on"] == "2022-05-02"
    assert "for comparison" in texts(block)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "secondchance", "sentence", *args, "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )


def test_fsa_release_date_on_a_weekend_gets_the_weekday() -> None:
    out = run(
        *("--term", "60 months", "--commenced", "2024-05-05", "--as-of", "2025-06-01"),
        *("--fsa-risk", "low", "--supervised-release", "36 months"),
    )
    assert out.returncode == 0, out.stderr
    block = json.loads(out.stdout)
    # R = 2029-05-04 - 270 = 2028-08-07; credits (490) >= 365, so SR moves 365 days back to
    # 2027-08-08 (2027-08-08 to 2028-08-08 is 366 days, 2028-02-29 lying between, so
    # 2028-08-07 - 365 = 2027-08-08). Day 220 of 2027 (31+28+31+30+31+30+31 + 8); 2027-01-01
    # is a Friday and
    # 219 = 31 x 7 + 2, so a Sunday: the last weekday before it is Friday 2027-08-06.
    assert block["fsa"]["release_date"] == "2027-08-08"
    assert block["fsa"]["release_weekday_date"] == "2027-08-06"
    assert "not a release from imprisonment" in texts(block)


def test_prior_custody_longer_than_the_term_serves_it() -> None:
    out = run(
        *("--term", "24 months", "--commenced", "2024-01-01", "--as-of", "2025-01-01"),
        *("--prior-custody-days", "900"),
    )
    assert out.returncode == 0, out.stderr
    block = json.loads(out.stdout)
    # 24 months from 2024-01-01: 366 + 365 = 731 days < 900.
    assert block["term_days"] == 731
    assert block["status"] == "term_served"
    assert block["term_served"] is True
    assert block["full_term_date"] is None
    assert block["gct_release_date"] is None
    assert "the term is served" in texts(block)


def test_dates_and_terms_the_calendar_cannot_hold_exit_2() -> None:
    out = run("--term", "87 months", "--commenced", "9999-01-01")
    assert out.returncode == 2
    assert "--commenced" in out.stderr
    out = run("--term", "87 months", "--commenced", "2020-01-01", "--as-of", "1899-12-31")
    assert out.returncode == 2
    assert "--as-of" in out.stderr
    out = run("--term", "9000 years", "--commenced", "2020-01-01")
    assert out.returncode == 2
    assert "--term" in out.stderr
    out = run("--term", "1000 years", "--commenced", "2200-12-31", "--as-of", "2025-01-01")
    assert out.returncode == 0, out.stderr


def test_kernel_and_block_do_not_crash_past_year_9999() -> None:
    low = RiskLevel.low
    facts = SentenceFacts(term=Term(months=87), commenced=date(9999, 1, 1), risk=low)
    block = compute_block(facts, date(2025, 6, 1))
    assert block["status"] == "needs_review"
    assert block["full_term_date"] is None
    # Past the limit Term validates (a record or the command line cannot give it).
    long = Term.model_construct(years=9000, months=0, days=0, life=False)
    facts = SentenceFacts(term=long, commenced=date(2020, 1, 1), risk=low)
    block = compute_block(facts, date(2025, 6, 1))
    assert block["full_term_date"] is None
    assert "outside the calendar" in block["needs_review"][0]
    cols = SentenceColumns.of(2)
    cols.commenced[:] = [to_day(date(9999, 12, 31)), to_day(date(1, 1, 1))]
    cols.arrived[:] = cols.commenced
    cols.years[:] = [9000, 9000]
    cols.risk[:] = 2
    result = compute(cols, KernelLaw.on(date(2025, 6, 1)))
    assert np.all(result.term_days > 0)


def test_a_count_without_its_statute_leaves_credits_open() -> None:
    # A person who knows the offense only as "bank robbery": no statute. The clauses of
    # 3632(d)(4)(D) name statutes, so whether one lists the count is unknown until the statute
    # is known: needs_review naming it, never eligible (nor a projected credit release).
    rec = record(
        {"imposed_on": "2016-06-01", "imprisonment": "60 months"},
        [{"kind": "designated_facility", "start": "2016-07-01", "conviction_id": "c1"}],
        convictions=[
            {
                "id": "c1",
                "jurisdiction": "federal",
                "counts": [{"description": "bank robbery"}],
                "sentence": {"imposed_on": "2016-06-01", "imprisonment": "60 months"},
            }
        ],
    )
    det, block = fsa(rec, date(2019, 6, 1))
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts == ["convictions[0].counts[0].statute"]
    assert "is not recorded" in det.reason
    assert block["fsa"]["eligible"] is None


def test_no_second_chance_act_window_before_the_act() -> None:
    # 30 months from 2003-06-02, released 2005-06-20: any release of this term falls by
    # 2005-12-01 (the full term), so the rewritten 3624(c)'s 12-month window would open in 2004,
    # before the Second Chance Act rewrote 3624(c) on 2008-04-09. The text then in force allowed
    # "a reasonable part, not to exceed six months, of the last 10 per centum of the term to be
    # served": no date from the later text is given (it would be too early).
    rec = record(
        {"imposed_on": "2003-05-12", "imprisonment": "30 months"},
        [
            {
                "kind": "designated_facility",
                "start": "2003-06-02",
                "end": "2005-06-20",
                "conviction_id": "c1",
            }
        ],
    )
    _, block = fsa(rec, date(2026, 12, 8))
    assert block["placement"] is None
    assert "before the Act rewrote 3624(c) on 2008-04-09" in texts(block)
