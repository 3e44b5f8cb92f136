"""clemency.pardon_petition — 28 CFR 1.2 (five years after release from confinement, or after
conviction where no prison sentence was imposed; generally not while on probation, parole or
supervised release). Expected values worked by hand from the text quoted in each comment."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secondchance.engine.determination import Outcome
from tests.clemency.helpers import PARDON, ask, served, text

# Release from confinement = last day in custody + 1. Last day 2013-02-28 → released 2013-03-01.
# 28 CFR 1.2: "at least five years after the date of the release" → fifth anniversary 2018-03-01,
# the first day the person was released "at least five years ago" (the Office's form).
RELEASED_LAST_DAY = "2013-02-28"


def test_day_before_fifth_anniversary_is_eligible_from_the_anniversary() -> None:
    det = ask(PARDON, served(RELEASED_LAST_DAY), "2018-02-28")
    assert det.outcome is Outcome.eligible_from
    assert det.date == date(2018, 3, 1)  # 2013-03-01 + 5 years
    assert det.next_change == date(2018, 3, 1)
    assert det.details is not None
    assert det.details["waiting_period_starts"] == "2013-03-01"


def test_fifth_anniversary_itself_is_eligible() -> None:
    det = ask(PARDON, served(RELEASED_LAST_DAY), "2018-03-01")
    assert det.outcome is Outcome.eligible
    body = text(det)
    # every relevant finding: where to file, what a pardon does, waivers rare, no prediction
    assert "Office of the Pardon Attorney" in body
    assert "does not expunge or seal" in body
    assert "rarely granted" in body
    assert "President alone" in body


def test_february_29_release_counts_to_march_1() -> None:
    # Last day in custody 2016-02-28 → released 2016-02-29; 2021 has no February 29, so "at
    # least five years" after it is first met on 2021-03-01.
    det = ask(PARDON, served("2016-02-28"), "2021-02-28")
    assert det.outcome is Outcome.eligible_from
    assert det.date == date(2021, 3, 1)


def test_on_supervised_release_after_the_wait_needs_review_until_it_ends() -> None:
    # Released 2013-03-01, wait ends 2018-03-01; supervised release runs to 2018-06-30.
    # 28 CFR 1.2: "Generally, no petition should be submitted by a person who is on ...
    # supervised release" → needs_review (not a bar) on 2018-06-30, eligible from 2018-07-01.
    data = served(RELEASED_LAST_DAY, supervision=("2013-03-01", "2018-06-30"))
    last_day = ask(PARDON, data, "2018-06-30")
    assert last_day.outcome is Outcome.needs_review
    assert last_day.next_change == date(2018, 7, 1)  # supervision end + 1 day
    assert "supervised release" in text(last_day)
    after = ask(PARDON, data, "2018-07-01")
    assert after.outcome is Outcome.eligible


def test_within_the_wait_while_supervised_still_gives_the_wait_end() -> None:
    # On 2015-01-01: still within the wait (ends 2018-03-01) and on supervised release to
    # 2018-06-30: eligible_from the end of the wait, with the supervision named.
    data = served(RELEASED_LAST_DAY, supervision=("2013-03-01", "2018-06-30"))
    det = ask(PARDON, data, "2015-01-01")
    assert det.outcome is Outcome.eligible_from
    assert det.date == date(2018, 3, 1)
    assert "generally no petition" in text(det)


def test_no_prison_sentence_counts_from_conviction_not_sentencing() -> None:
    # 28 CFR 1.2: "in case no prison sentence was imposed ... five years after the date of the
    # conviction". Convicted 2014-05-05 → 2019-05-05. The Office's page says from sentencing
    # (2014-08-20 → 2019-08-20): shown in the finding, not used.
    data = {
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "conviction_date": "2014-05-05",
                "sentencing_date": "2014-08-20",
                "sentence": {"probation": "2 years"},
            }
        ]
    }
    det = ask(PARDON, data, "2019-05-04")
    assert det.outcome is Outcome.eligible_from
    assert det.date == date(2019, 5, 5)
    assert "2019-08-20" in text(det)
    assert ask(PARDON, data, "2019-05-05").outcome is Outcome.eligible


def test_most_recent_conviction_without_prison_runs_from_its_conviction() -> None:
    # Released from the first sentence 2013-03-01; a later conviction 2015-06-01 with probation
    # only. Latest start = 2015-06-01 (the Justice Manual: "conviction or release from
    # confinement (whichever is later)") → 2020-06-01.
    data = served(RELEASED_LAST_DAY)
    data["convictions"].append(
        {
            "id": "c2",
            "jurisdiction": "federal",
            "conviction_date": "2015-06-01",
            "sentence": {"probation": "1 year", "fine": 100},
        }
    )
    det = ask(PARDON, data, "2016-01-01")
    assert det.outcome is Outcome.eligible_from
    assert det.date == date(2020, 6, 1)


def test_later_conviction_without_prison_never_starts_before_an_earlier_release() -> None:
    # Convicted of a second offense (no prison) 2012-01-10 while still confined on the first
    # until 2013-02-28: the clock starts at release 2013-03-01 → 2018-03-01.
    data = served(RELEASED_LAST_DAY)
    data["convictions"].append(
        {
            "id": "c2",
            "jurisdiction": "federal",
            "conviction_date": "2012-01-10",
            "sentence": {"fine": 100},
        }
    )
    assert ask(PARDON, data, "2017-01-01").date == date(2018, 3, 1)


def test_serving_a_sentence_is_not_eligible_for_pardon() -> None:
    # In custody on 2011-06-01 (custody 2010-03-01 to 2013-02-28): the pardon form is for those
    # released at least five years; still serving → not eligible, commutation is the form. The
    # answer next changes on release (2013-02-28 + 1 day); the wait would end 2018-03-01.
    det = ask(PARDON, served(RELEASED_LAST_DAY), "2011-06-01")
    assert det.outcome is Outcome.not_eligible
    assert det.next_change == date(2013, 3, 1)
    assert det.details is not None
    assert det.details["waiting_period_ends"] == "2018-03-01"
    assert "commutation" in text(det)


def test_serving_with_open_ended_custody_is_not_eligible() -> None:
    data = served(RELEASED_LAST_DAY)
    data["custody"][0]["end"] = None
    det = ask(PARDON, data, "2011-06-01")
    assert det.outcome is Outcome.not_eligible  # in custody on the day: no pardon petition yet
    assert "custody[0].end" in det.missing_facts  # the release that would start the wait


def test_missing_release_names_the_field() -> None:
    data = served(RELEASED_LAST_DAY)
    data["custody"] = []
    det = ask(PARDON, data, "2020-01-01")
    assert det.outcome is Outcome.insufficient_facts
    assert any(m.startswith("custody[]") for m in det.missing_facts)
    assert "convictions[0].sentence.commutations[].new_release_date" in det.missing_facts


def test_commutation_release_date_starts_the_clock() -> None:
    # "Sentence commuted to expire on 2019-04-26": released 2019-04-26 → 2024-04-26.
    data = served(RELEASED_LAST_DAY)
    data["custody"] = []
    data["convictions"][0]["sentence"]["commutations"] = [
        {"granted_on": "2018-12-01", "new_release_date": "2019-04-26"}
    ]
    det = ask(PARDON, data, "2020-01-01")
    assert det.outcome is Outcome.eligible_from
    assert det.date == date(2024, 4, 26)
    assert "supervised release" in text(det)  # what a commutation does not end


def test_already_pardoned_is_not_applicable_and_names_the_grant() -> None:
    data = served(RELEASED_LAST_DAY)
    data["clemency"] = [{"kind": "pardon", "granted_on": "2019-01-15", "by": "A President"}]
    det = ask(PARDON, data, "2019-01-15")
    assert det.outcome is Outcome.not_applicable
    assert "pardon granted 2019-01-15 by A President" in text(det)
    before = ask(PARDON, data, "2019-01-14")
    assert before.outcome is Outcome.eligible
    assert before.next_change == date(2019, 1, 15)


def test_state_conviction_only_is_not_applicable_naming_the_state() -> None:
    data = {"convictions": [{"jurisdiction": "state", "state": "Texas"}]}
    det = ask(PARDON, data, "2020-01-01")
    assert det.outcome is Outcome.not_applicable
    assert "State of Texas" in text(det)


def test_no_conviction_is_not_applicable() -> None:
    assert ask(PARDON, {}, "2020-01-01").outcome is Outcome.not_applicable


def test_military_conviction_goes_to_the_military_department() -> None:
    # 28 CFR 1.1: petitions relating to military offenses go to the Secretary of the military
    # department, not the Pardon Attorney.
    data = {"convictions": [{"jurisdiction": "military", "conviction_date": "2001-01-01"}]}
    det = ask(PARDON, data, "2020-01-01")
    assert det.outcome is Outcome.needs_review
    assert "Secretary of the military department" in text(det)


def test_article_125_conviction_names_the_2024_proclamation() -> None:
    # Proclamation of 2024-06-26: former Article 125 UCMJ convictions 1951-05-31 .. 2013-12-26.
    data = {
        "convictions": [
            {
                "jurisdiction": "military",
                "conviction_date": "1990-05-01",
                "counts": [{"statute": "UCMJ art. 125"}],
            }
        ]
    }
    det = ask(PARDON, data, "2024-06-26")
    assert det.outcome is Outcome.needs_review
    assert "Article 125" in text(det)
    assert "Article 125" not in text(ask(PARDON, data, "2024-06-25"))


def test_january_6_offense_names_the_2025_proclamation() -> None:
    data = served(RELEASED_LAST_DAY)
    data["convictions"][0]["offense_date"] = "2021-01-06"
    det = ask(PARDON, data, "2025-01-20")
    assert det.outcome is Outcome.needs_review
    assert "January 20, 2025" in text(det)


@given(
    last_day=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    offset=st.integers(min_value=0, max_value=4000),
)
def test_eligible_exactly_from_the_fifth_anniversary(last_day: date, offset: int) -> None:
    # For any release, with no supervision: eligible iff as-of >= release + 5 years.
    release = date.fromordinal(last_day.toordinal() + 1)
    try:
        anniversary = release.replace(year=release.year + 5)
    except ValueError:
        anniversary = date(release.year + 5, 3, 1)
    as_of = date.fromordinal(release.toordinal() + offset)
    data = served(last_day.isoformat(), conviction_date="1989-01-01")
    data["custody"][0]["start"] = "1989-02-01"
    det = ask(PARDON, data, as_of.isoformat())
    if as_of >= anniversary:
        assert det.outcome is Outcome.eligible
    else:
        assert det.outcome is Outcome.eligible_from
        assert det.date == anniversary


@pytest.mark.parametrize("jurisdiction", ["federal", "dc"])
def test_dc_code_convictions_are_handled_like_federal(jurisdiction: str) -> None:
    data = served(RELEASED_LAST_DAY)
    data["convictions"][0]["jurisdiction"] = jurisdiction
    assert ask(PARDON, data, "2018-03-01").outcome is Outcome.eligible
