"""Approximate dates: "YYYY", "YYYY-MM" and {not_before, not_after} in any date field.

An answer that holds on every day a range allows is given; one that depends on the unknown day
is needs_review, naming the field and the dates between which the answer changes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from secondchance.api import evaluate
from secondchance.engine.determination import Determination, Outcome
from secondchance.law.registry import program
from secondchance.record import RecordError, validate
from secondchance.record.approximate import readings
from secondchance.record.dates import DateFormError, parse_date
from secondchance.record.schema import Record

PARDON = "clemency.pardon_petition"


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2018", date(2018, 1, 1), date(2018, 12, 31)),
        ("2018-06", date(2018, 6, 1), date(2018, 6, 30)),
        ("2020-02", date(2020, 2, 1), date(2020, 2, 29)),  # leap year
        ("2019-02", date(2019, 2, 1), date(2019, 2, 28)),
        ("2018-06-15", date(2018, 6, 15), date(2018, 6, 15)),
    ],
)
def test_text_forms(text: str, earliest: date, latest: date) -> None:
    approx = parse_date(text)
    assert (approx.earliest, approx.latest) == (earliest, latest)
    assert approx.exact == (earliest if earliest == latest else None)


def test_range_forms() -> None:
    both = parse_date({"not_before": "2018-05-20", "not_after": "2018-07-04"})
    assert (both.earliest, both.latest, both.exact) == (date(2018, 5, 20), date(2018, 7, 4), None)
    # One bound alone: the other is the edge of the calendar a record may hold.
    assert parse_date({"not_after": "2018-07-04"}).earliest == date(1900, 1, 1)
    assert parse_date({"not_before": "2018-07-04"}).latest == date(2200, 12, 31)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2018-13", "not a month"),
        ("2018-02-30", "not a date on the calendar"),
        ("1850", "outside the years"),
        ({}, "needs not_before or not_after"),
        ({"not_before": "2019-01-01", "not_after": "2018-01-01"}, "before not_before"),
        ({"from": "2019-01-01"}, "unknown key 'from'"),
        ({"not_before": "2019"}, "YYYY-MM-DD"),
        (2018, "is a number"),
        ("June 2018", "not a date"),
    ],
)
def test_bad_forms(value: Any, message: str) -> None:
    with pytest.raises(DateFormError, match=message):
        parse_date(value)


def _released(end: Any, **extra: Any) -> dict[str, Any]:
    """A 2012 fraud conviction, 60 months, released on ``end``."""
    return {
        "convictions": [
            {
                "id": "a",
                "jurisdiction": "federal",
                "conviction_date": "2012-03-01",
                "counts": [{"statute": "18 U.S.C. 1343", "felony": True}],
                "sentence": {"imposed_on": "2012-03-01", "imprisonment": "60 months"},
            }
        ],
        "custody": [
            {"kind": "designated_facility", "conviction_id": "a", "start": "2012-03-01", "end": end}
        ],
        **extra,
    }


def test_loading_names_the_bad_field() -> None:
    with pytest.raises(RecordError, match=r"custody\[0\]\.end: .*not a month"):
        validate(_released("2018-13"), "r.yaml")
    with pytest.raises(RecordError, match=r"custody\[0\]\.end: .*is a number"):
        validate(_released(2018), "r.yaml")


def test_the_model_alone_does_not_pick_a_day() -> None:
    # Validating the model directly would have to choose one day of the month: it refuses, so
    # every caller goes through the loader, which answers for every day.
    with pytest.raises(ValidationError, match="approximate date"):
        Record.model_validate(_released("2018-06"))


def test_loaded_record_keeps_what_was_written() -> None:
    record = validate(_released("2018-06"), "r.yaml")
    approx = record.approximate_dates["custody[0].end"]
    assert (approx.earliest, approx.latest, str(approx)) == (
        date(2018, 6, 1),
        date(2018, 6, 30),
        "2018-06",
    )
    days = {r.days["custody[0].end"] for r in readings(record)}
    assert days == {date(2018, 6, 1), date(2018, 6, 30)}


def _pardon(data: dict[str, Any], as_of: str) -> Determination:
    record = validate(data, "r.yaml")
    report = evaluate(record, date.fromisoformat(as_of), programs=[program(PARDON)])
    return report.determinations[0]


def test_wait_depends_on_the_day_of_release() -> None:
    # Released some day in June 2018; the pardon wait is five years from release (28 CFR 1.2):
    # 2018-06-01 + 5 years = 2023-06-01, 2018-06-30 + 5 years = 2023-06-30; the anniversary
    # itself is for review (28 CFR 1.2 vs the Office's form), so eligible from a day between
    # 2023-06-02 and 2023-07-01.
    det = _pardon(_released("2018-06"), "2023-05-31")
    assert det.outcome is Outcome.needs_review
    assert "eligible from a day between 2023-06-02 and 2023-07-01" in (det.reason or "")
    assert "custody[0].end 2018-06" in (det.reason or "")
    assert det.missing_facts == ["custody[0].end"]
    assert det.next_change == date(2023, 7, 1)


def test_wait_at_both_ends_of_the_range() -> None:
    # On 2023-06-02 the wait has ended if release was on 2018-06-01 (the day after its
    # anniversary) but not if on 2018-06-30.
    first = _pardon(_released("2018-06"), "2023-06-02")
    assert first.outcome is Outcome.needs_review
    assert "up to 2023-07-01" in (first.reason or "")
    # On 2023-06-30, the last possible anniversary: still open.
    assert _pardon(_released("2018-06"), "2023-06-30").outcome is Outcome.needs_review
    # On 2023-07-01 every day of June 2018 is more than five years past: the answer is given.
    last = _pardon(_released("2018-06"), "2023-07-01")
    assert last.outcome is Outcome.eligible
    assert "holds on every day" in (last.reason or "")


@pytest.mark.parametrize(
    ("end", "earliest", "latest"),
    [
        # Released some day of 2019: 2019-01-01 + 5 years = 2024-01-01 .. 2019-12-31 + 5 years
        # = 2024-12-31.
        ("2019", "2024-01-01", "2024-12-31"),
        # Released some day of June 2019: 2024-06-01 .. 2024-06-30.
        ("2019-06", "2024-06-01", "2024-06-30"),
    ],
)
def test_a_date_worked_from_an_approximate_one_is_never_shown_earliest_alone(
    end: str, earliest: str, latest: str
) -> None:
    # On 2025-06-01 every reading's wait is over (eligible), but the day it ended is not known:
    # the reason and details show the latest reading (the day by which it has surely ended) and
    # the range, never the earliest reading alone.
    det = _pardon(_released(end), "2025-06-01")
    assert det.outcome is Outcome.eligible
    assert det.details is not None
    assert det.details["waiting_period_ends"] == latest
    assert det.details["waiting_period_ends_earliest"] == earliest
    assert f"ended on {latest}" in (det.reason or "")
    assert f"ended on {earliest}" not in (det.reason or "")
    assert f"between {earliest} and {latest}" in (det.reason or "")


def test_range_mapping_and_year() -> None:
    # Released between 2018-05-20 and 2018-07-04: anniversaries 2023-05-20 .. 2023-07-04, each
    # itself for review, so eligible from 2023-05-21 .. 2023-07-05.
    det = _pardon(_released({"not_before": "2018-05-20", "not_after": "2018-07-04"}), "2020-01-01")
    assert "between 2023-05-21 and 2023-07-05" in (det.reason or "")
    # Released in 2016: on 2022-01-01 every day of 2016 is more than five years past; on
    # 2021-12-31 (the anniversary of 2016-12-31) not. (Not 2015: the 60 months imposed
    # 2012-03-01 could not end before 2015-06-03 - 2017-03-01 less 271 days of good conduct
    # time, ceil(54 x 1826 / 365), is 2016-06-03, less 12 months of drug-program reduction;
    # no time credits before 2018-12-21 - so a release early in 2015 is not known.)
    assert _pardon(_released("2016"), "2022-01-01").outcome is Outcome.eligible
    assert _pardon(_released("2016"), "2021-12-31").outcome is Outcome.needs_review


def test_exact_dates_answer_as_before() -> None:
    # Record format 1.0 with an exact day: released 2018-06-10, eligible from 2023-06-10.
    det = _pardon(_released("2018-06-10", schema_version="1.0"), "2020-01-01")
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert (det.outcome, det.date) == (Outcome.eligible_from, date(2023, 6, 11))


def test_end_before_start_only_when_certain() -> None:
    # Start 2018-06-15 and end "2018-06": only the days from the 15th are possible, not an error;
    # the first of them (2018-06-15) is read in place of 2018-06-01, which is before the start.
    data = _released("2018-06")
    data["custody"][0]["start"] = "2018-06-15"
    record = validate(data, "r.yaml")
    assert {r.days["custody[0].end"] for r in readings(record)} == {
        date(2018, 6, 15),
        date(2018, 6, 30),
    }
    data["custody"][0]["start"] = "2018-07-01"
    with pytest.raises(RecordError, match="before start"):
        validate(data, "r.yaml")


def _capitol(offense: str) -> dict[str, Any]:
    """A misdemeanor under 18 U.S.C. 1752(a)(1), convicted 2022-05-02, probation only."""
    return {
        "person": {"status": [{"status": "us_citizen"}]},
        "convictions": [
            {
                "id": "a",
                "jurisdiction": "federal",
                "offense_date": offense,
                "conviction_date": "2022-05-02",
                "counts": [{"statute": "18 U.S.C. 1752(a)(1)", "felony": False}],
                "sentence": {"imposed_on": "2022-06-01", "probation": "12 months"},
            }
        ],
    }


def test_a_legal_landmark_inside_the_range_is_read() -> None:
    # The January 20, 2025 proclamation reaches offenses of January 6, 2021. An offense dated
    # only "2021" may be of that day, though neither end of the year (2021-01-01, 2021-12-31)
    # is: the landmark day inside the range is read too, so the answer is not given.
    # With the offense on 2021-03-01 the pardon wait (no prison) runs from sentencing, after
    # the verdict (the Office's reading of 28 CFR 1.2): 2022-06-01 + 5 years = 2027-06-01.
    exact = _pardon(_capitol("2021-03-01"), "2025-06-01")
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert (exact.outcome, exact.date) == (Outcome.eligible_from, date(2027, 6, 2))
    det = _pardon(_capitol("2021"), "2025-06-01")
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts[0] == "convictions[0].offense_date"
    # A range that ends before the landmark cannot reach it: the answer is given.
    early = _pardon(_capitol({"not_before": "2020-06-01", "not_after": "2021-01-05"}), "2025-06-01")
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert (early.outcome, early.date) == (Outcome.eligible_from, date(2027, 6, 2))


def test_the_glance_of_an_answer_that_depends_on_the_day_is_needs_review() -> None:
    # Released in June 2018 (custody end "2018-06"): the five-year wait of 28 CFR 1.2 ends on a
    # day between 2023-06-01 and 2023-06-30. On 2023-06-15 some readings are eligible and some
    # not yet, so the answer and its one-line glance are "needs review", never "eligible", and
    # the answer settles on 2023-07-01 (the day after 2018-06-30 + 5 years: the anniversary
    # itself is for review), when every reading is eligible.
    from secondchance.api import evaluate
    from secondchance.record.load import validate

    record = validate(
        {
            "schema_version": "1.1",
            "convictions": [
                {
                    "id": "c1",
                    "jurisdiction": "federal",
                    "counts": [{"statute": "18 U.S.C. 1343"}],
                    "conviction_date": "2010",
                    "sentence": {"imposed_on": "2010", "imprisonment": "60 months"},
                }
            ],
            "custody": [
                {
                    "kind": "designated_facility",
                    "start": "2010",
                    "end": "2018-06",
                    "conviction_id": "c1",
                }
            ],
        },
        "test",
    )
    det = {d.program: d for d in evaluate(record, as_of=date(2023, 6, 15)).determinations}[
        "clemency.pardon_petition"
    ]
    assert det.outcome.value == "needs_review"
    assert det.headline is not None and det.headline.startswith("NEEDS REVIEW")
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert det.next_change == date(2023, 7, 1)


def test_an_agreed_answer_changes_only_once_every_reading_has_changed() -> None:
    # Released in "2019" from a 60-month term, with 10 years of supervised release imposed and no
    # supervision period recorded. On 2026-12-07 every reading gives needs_review (the wait from
    # release is over, but the supervised release term may still run, 28 CFR 1.2). The term
    # runs from the release: from 2019-01-01 to 2028-12-31 on the earliest reading, to
    # 2029-12-30 on the latest, so the readings turn eligible on days from 2029-01-01 to
    # 2029-12-31. Between them the answer depends on the day (still needs_review): the answer
    # changes, to eligible, only on 2029-12-31, never on the earliest reading's 2029-01-01.
    data = _released("2019")
    data["convictions"][0]["sentence"]["supervised_release"] = "10 years"
    now = _pardon(data, "2026-12-07")
    assert now.outcome is Outcome.needs_review
    assert (now.next_change, now.next_change_outcome) == (date(2029, 12, 31), Outcome.eligible)
    assert now.eligible_from_date == date(2029, 12, 31)
    assert _pardon(data, "2029-06-01").outcome is Outcome.needs_review
    assert _pardon(data, "2029-12-30").outcome is Outcome.needs_review
    assert _pardon(data, "2029-12-31").outcome is Outcome.eligible


def test_an_agreed_answer_turns_to_review_on_the_first_reading_that_changes() -> None:
    # Custody serving the term ends in "2027": on 2026-12-07 the person is in custody on every
    # reading (not eligible: the 5-year wait of 28 CFR 1.2 has not begun). The release may come
    # on any day of 2027; from 2027-01-01 some readings are released and others not, so the
    # answer then depends on the unknown day: the next change is to needs_review on 2027-01-01,
    # never a reading's own later answer.
    now = _pardon(_released("2027"), "2026-12-07")
    assert (now.outcome, now.next_change) == (Outcome.not_eligible, date(2027, 1, 1))
    assert now.next_change_outcome is Outcome.needs_review
    assert _pardon(_released("2027"), "2027-06-01").outcome is Outcome.needs_review


def _probation(start: Any) -> dict[str, Any]:
    """Wire fraud, convicted and sentenced 2012-12-03 to 6 months of probation (no prison), the
    probation recorded from ``start`` to 2013-06-30 with no early termination or revocation."""
    return {
        "convictions": [
            {
                "id": "a",
                "jurisdiction": "federal",
                "conviction_date": "2012-12-03",
                "counts": [{"statute": "18 U.S.C. 1343", "felony": True}],
                "sentence": {"imposed_on": "2012-12-03", "probation": "6 months"},
            }
        ],
        "supervision": [
            {"kind": "probation", "conviction_id": "a", "start": start, "end": "2013-06-30"}
        ],
    }


def test_a_start_whose_last_day_is_after_the_end_is_read_up_to_the_end() -> None:
    # Probation begun some day of 2013, ended 2013-06-30: the start lies between 2013-01-01 and
    # 2013-06-30 (a later start would be after the end). Begun 2013-01-01, the 6 months run to
    # 2013-06-30 (2013-01-01 + 6 months = 2013-07-01, less a day): served in full, and the wait
    # runs from the conviction, 2012-12-03 + 5 years = 2017-12-03 (28 CFR 1.2), over on
    # 2019-06-01. Begun 2013-06-30, they would run to 2013-12-29 (2013-06-30 + 6 months =
    # 2013-12-30, less a day), yet it ended 2013-06-30 with neither an early termination nor a
    # revocation recorded: a revocation may have imposed prison, from which the wait would run
    # (insufficient facts). The answer turns on the day, so needs_review, never eligible from
    # the first day of the year alone (the reading of 2013-12-31, after the end, was dropped and
    # nothing between read).
    record = validate(_probation("2013"), "r.yaml")
    days = {r.days["supervision[0].start"] for r in readings(record)}
    assert {date(2013, 1, 1), date(2013, 6, 30)} <= days
    assert max(days) == date(2013, 6, 30)
    det = _pardon(_probation("2013"), "2019-06-01")
    assert det.outcome is Outcome.needs_review
    assert "supervision[0].start" in det.missing_facts
    # Exact, the two ends give those answers.
    assert _pardon(_probation("2013-01-01"), "2019-06-01").outcome is Outcome.eligible
    late = _pardon(_probation("2013-06-30"), "2019-06-01")
    assert late.outcome is Outcome.insufficient_facts
