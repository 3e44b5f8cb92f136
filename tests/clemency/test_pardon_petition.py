"""clemency.pardon_petition — 28 CFR 1.2 (five years after release from confinement, or after
conviction where no prison sentence was imposed; generally not while on probation, parole or
supervised release). Expected values worked by hand from the text quoted in each comment."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secondchance.engine.determination import Outcome
from tests.clemency.helpers import CITIZEN, PARDON, ask, served, text

# The record format: a custody period's `end` is the last day in custody, which for a release
# from prison is the day of release. Custody ending 2013-02-28 → released 2013-02-28.
# 28 CFR 1.2: "at least five years after the date of the release" → fifth anniversary 2018-02-28,
# the first day the person was released "at least five years ago" (the Office's form).
RELEASE_DAY = "2013-02-28"


def test_day_before_fifth_anniversary_is_eligible_from_the_day_after_it() -> None:
    # Outcome and dates: cases/clemency/pardon_petition/five-year-wait.yaml.
    det = ask(PARDON, served(RELEASE_DAY), "2018-02-27")
    assert det.details is not None
    assert det.details["waiting_period_starts"] == "2013-02-28"


def test_fifth_anniversary_itself_is_for_review_and_the_next_day_eligible() -> None:
    # 28 CFR 1.2: none "until the expiration of a waiting period of at least five years after
    # the date of the release" (counted after 2013-02-28, the period runs through 2018-02-28);
    # the Office's form: released "at least five years ago" (2018-02-28 qualifies). The texts
    # differ on the anniversary: needs_review on 2018-02-28, eligible on 2018-03-01.
    anniversary = ask(PARDON, served(RELEASE_DAY), "2018-02-28")
    assert anniversary.outcome is Outcome.needs_review
    assert anniversary.next_change == date(2018, 3, 1)
    assert "expiration" in (anniversary.reason or "")
    det = ask(PARDON, served(RELEASE_DAY), "2018-03-01")
    assert det.outcome is Outcome.eligible
    body = text(det)
    # every relevant finding: where to file, what a pardon does, waivers rare, no prediction
    assert "Office of the Pardon Attorney" in body
    assert "does not expunge or seal" in body
    assert "rarely granted" in body
    assert "President alone" in body


def test_on_supervised_release_after_the_wait_needs_review_until_it_ends() -> None:
    # Released 2013-02-28, wait ends 2018-02-28; supervised release runs to 2018-06-30.
    # 28 CFR 1.2: "Generally, no petition should be submitted by a person who is on ...
    # supervised release" → needs_review (not a bar) on 2018-06-30, eligible from 2018-07-01.
    data = served(RELEASE_DAY, supervision=("2013-02-28", "2018-06-30"))
    last_day = ask(PARDON, data, "2018-06-30")
    assert last_day.outcome is Outcome.needs_review
    assert last_day.next_change == date(2018, 7, 1)  # supervision end + 1 day
    assert "supervised release" in text(last_day)


def test_within_the_wait_while_supervised_is_never_a_bare_eligible_from() -> None:
    # On 2015-01-01: still within the wait (ends 2018-02-28, five years after the 2013-02-28
    # release) and on supervised release to 2018-06-30. On 2018-02-28 the answer is needs_review
    # (generally no petition while supervised), so not "eligible from 2018-02-28": not eligible,
    # changing to needs_review on 2018-02-28, eligible from 2018-07-01 (supervision ends
    # 2018-06-30; the next day).
    data = served(RELEASE_DAY, supervision=("2013-02-28", "2018-06-30"))
    det = ask(PARDON, data, "2015-01-01")
    assert det.outcome is Outcome.not_eligible
    assert det.date is None
    assert det.next_change == date(2018, 2, 28)
    assert det.next_change_outcome is Outcome.needs_review
    assert det.next_change_reason == "five years after release from confinement"
    assert det.eligible_from_date == date(2018, 7, 1)
    assert det.eligible_from_reason == "the day after the supervised release ends"
    assert "generally no petition" in text(det)
    assert det.headline is not None and "ELIGIBLE FROM" not in det.headline


def test_no_prison_sentence_counts_from_sentencing_not_the_verdict() -> None:
    # 28 CFR 1.2: "in case no prison sentence was imposed ... five years after the date of the
    # conviction"; the Office's page and application form: from sentencing. Verdict 2014-05-05
    # (+5 = 2019-05-05), sentenced 2014-08-20 (+5 = 2019-08-20): the later day is used, so no
    # day before the Office's is given; the verdict's date is shown in the finding.
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
    det = ask(PARDON, data, "2019-05-05")
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert (det.outcome, det.date) == (Outcome.eligible_from, date(2019, 8, 21))
    assert "2019-05-05" in text(det)
    assert ask(PARDON, data, "2019-08-20").outcome is Outcome.needs_review  # the anniversary
    assert ask(PARDON, data, "2019-08-21").outcome is Outcome.eligible


def test_serving_a_sentence_is_not_eligible_for_pardon() -> None:
    # In custody on 2011-06-01 (custody 2010-03-01 to 2013-02-28): the pardon form is for those
    # released at least five years; still serving → not eligible, commutation is the form. The
    # answer next changes on the day of release, 2013-02-28; the wait would end 2018-02-28.
    det = ask(PARDON, served(RELEASE_DAY), "2011-06-01")
    assert det.outcome is Outcome.not_eligible
    assert det.next_change == date(2013, 2, 28)
    assert det.details is not None
    assert det.details["waiting_period_ends"] == "2018-02-28"
    assert "commutation" in text(det)


def test_serving_with_open_ended_custody_is_not_eligible() -> None:
    data = served(RELEASE_DAY)
    data["custody"][0]["end"] = None
    det = ask(PARDON, data, "2011-06-01")
    assert det.outcome is Outcome.not_eligible  # in custody on the day: no pardon petition yet
    assert "custody[0].end" in det.missing_facts  # the release that would start the wait


def test_missing_release_names_the_field() -> None:
    data = served(RELEASE_DAY)
    data["custody"] = []
    det = ask(PARDON, data, "2020-01-01")
    assert det.outcome is Outcome.insufficient_facts
    assert any(m.startswith("custody[]") for m in det.missing_facts)
    assert "convictions[0].sentence.commutations[].new_release_date" in det.missing_facts


def test_commutation_release_date_starts_the_clock() -> None:
    # "Sentence commuted to expire on 2019-04-26": released 2019-04-26 → 2024-04-26.
    data = served(RELEASE_DAY)
    data["custody"] = []
    data["convictions"][0]["sentence"]["commutations"] = [
        {"granted_on": "2018-12-01", "new_release_date": "2019-04-26"}
    ]
    det = ask(PARDON, data, "2020-01-01")
    assert det.outcome is Outcome.eligible_from
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert det.date == date(2024, 4, 27)
    assert "supervised release" in text(det)  # what a commutation does not end


def test_already_pardoned_is_not_applicable_and_names_the_grant() -> None:
    data = served(RELEASE_DAY)
    data["clemency"] = [{"kind": "pardon", "granted_on": "2019-01-15", "by": "A President"}]
    det = ask(PARDON, data, "2019-01-15")
    assert det.outcome is Outcome.not_applicable
    assert "pardon granted 2019-01-15 by A President" in text(det)


def test_state_conviction_only_is_not_applicable_naming_the_state() -> None:
    data = {"convictions": [{"jurisdiction": "state", "state": "Texas"}]}
    det = ask(PARDON, data, "2020-01-01")
    assert det.outcome is Outcome.not_applicable
    assert "State of Texas" in text(det)


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
    # Before the proclamation's date no categorical pardon is named (where to file may still
    # cite it for the Coast Guard's department).
    assert "may already be pardoned" not in text(ask(PARDON, data, "2024-06-25"))


def test_january_6_offense_names_the_2025_proclamation() -> None:
    # An offense on 2021-01-06, convicted 2022-03-01, released 2023-06-30.
    data = served("2023-06-30", conviction_date="2022-03-01")
    data["custody"][0]["start"] = "2022-04-01"
    data["convictions"][0]["offense_date"] = "2021-01-06"
    det = ask(PARDON, data, "2025-01-20")
    assert det.outcome is Outcome.needs_review
    assert "January 20, 2025" in text(det)


@given(
    last_day=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    offset=st.integers(min_value=0, max_value=4000),
)
def test_eligible_exactly_from_the_fifth_anniversary(last_day: date, offset: int) -> None:
    # For any release, with no supervision: eligible iff as-of > release + 5 years, the release
    # being the custody end (the day of release); on the anniversary itself needs_review (28 CFR
    # 1.2 "until the expiration of" the period vs the Office's form "at least five years ago").
    release = last_day
    try:
        anniversary = release.replace(year=release.year + 5)
    except ValueError:
        anniversary = date(release.year + 5, 3, 1)
    as_of = date.fromordinal(release.toordinal() + offset)
    # 36 months from 1987-12-01: 1990-12-01, 1,096 days (1988-02-29); less ceil(54 x 1096 /
    # 365) = ceil(162.1) = 163 days of good conduct time = 1990-06-21, less 12 months of
    # drug-program reduction = 1989-06-21 (no time credits before 2018-12-21): every release
    # drawn (from 1990-01-01) may be lawful.
    data = served(last_day.isoformat(), conviction_date="1987-12-01")
    data["custody"][0]["start"] = "1987-12-01"
    det = ask(PARDON, data, as_of.isoformat())
    if as_of > anniversary:
        assert det.outcome is Outcome.eligible
    elif as_of == anniversary:
        assert det.outcome is Outcome.needs_review
        assert det.next_change == anniversary + timedelta(days=1)
    else:
        assert det.outcome is Outcome.eligible_from
        assert det.date == anniversary + timedelta(days=1)


def _state_conviction(**extra: object) -> dict[str, object]:
    return {"id": "s1", "jurisdiction": "state", "state": "Ohio", **extra}


def test_state_probation_after_the_wait_needs_review() -> None:
    # Federal wait ends 2018-02-28. State probation 2019-01-01 .. 2020-12-31 for an Ohio
    # conviction of 2012-01-10 (before the federal release 2013-02-28, so not a later
    # conviction). 28 CFR 1.2: "a person who is on probation, parole, or supervised release", no
    # federal limit → needs_review on 2019-06-01, saying why.
    data = served(RELEASE_DAY)
    data["convictions"].append(_state_conviction(conviction_date="2012-01-10"))
    data["supervision"] = [
        {"kind": "probation", "conviction_id": "s1", "start": "2019-01-01", "end": "2020-12-31"}
    ]
    det = ask(PARDON, data, "2019-06-01")
    assert det.outcome is Outcome.needs_review
    assert det.next_change == date(2021, 1, 1)  # probation end + 1 day
    assert "without limiting it to federal" in text(det)


def test_later_state_conviction_needs_review() -> None:
    # Federal release 2013-02-28; an Ohio conviction 2015-05-05 comes after it. The Office counts
    # from the most recent conviction; whether a state one restarts the wait is not settled →
    # needs_review, with the federal-only end of the wait (2018-02-28) in the details.
    data = served(RELEASE_DAY)
    data["convictions"].append(_state_conviction(conviction_date="2015-05-05"))
    det = ask(PARDON, data, "2016-01-01")
    assert det.outcome is Outcome.needs_review
    assert det.details is not None
    assert det.details["waiting_period_ends"] == "2018-02-28"
    assert "later Ohio state conviction" in text(det)


def _pardoned_later() -> dict[str, object]:
    # c1: released 2013-02-28 (wait ends 2018-02-28). c2: convicted 2016-01-04, fine only (wait
    # from conviction ends 2021-01-04), pardoned individually on 2017-01-01.
    data = served(RELEASE_DAY)
    data["convictions"].append(
        {
            "id": "c2",
            "jurisdiction": "federal",
            "conviction_date": "2016-01-04",
            "sentencing_date": "2016-01-04",
            "sentence": {"fine": 100},
        }
    )
    data["clemency"] = [{"kind": "pardon", "granted_on": "2017-01-01", "conviction_ids": ["c2"]}]
    return data


def test_pardoned_latest_conviction_needs_review_with_both_dates() -> None:
    # Counting the pardoned c2 is an inference: on 2018-06-01 the answer differs (eligible
    # without it, since 2018-02-28; from 2021-01-04 with it) → needs_review showing both.
    det = ask(PARDON, _pardoned_later(), "2018-06-01")
    assert det.outcome is Outcome.needs_review
    assert det.details is not None
    assert det.details["waiting_period_ends"] == "2021-01-04"
    assert det.details["waiting_period_ends_without_pardoned"] == "2018-02-28"
    assert "inference" in text(det)


def test_sentence_not_yet_begun_is_not_called_confinement() -> None:
    # Custody begins 2010-03-01; on 2010-02-15 the person has not reported: not confined, the
    # sentence is not yet served → not_eligible, saying so.
    det = ask(PARDON, served(RELEASE_DAY), "2010-02-15")
    assert det.outcome is Outcome.not_eligible
    assert "not yet served" in text(det)
    assert "Still in confinement" not in (det.reason or "")


def test_january_6_undated_offense_convicted_later_needs_review() -> None:
    # No offense date, convicted 2022-03-01 (not before 2021-01-06): could be an offense that
    # day → needs_review naming the proclamation.
    data = served(RELEASE_DAY, conviction_date="2022-03-01")
    data["custody"] = []
    data["convictions"][0]["sentence"] = {"probation": "1 year"}
    data["convictions"][0]["sentencing_date"] = "2022-03-01"
    assert "January 20, 2025" in text(ask(PARDON, data, "2025-02-01"))


def test_january_6_not_named_for_an_undated_offense_convicted_before() -> None:
    # Convicted 2010-01-04, before 2021-01-06: it cannot be an offense of that day.
    assert "January 20, 2025" not in text(ask(PARDON, served(RELEASE_DAY), "2025-02-01"))


# --- where to file a court-martial petition -------------------------------------------------------


def test_military_pardon_petition_names_dhs_for_the_coast_guard() -> None:
    # 28 CFR 1.1: military petitions go to the Secretary of the military department; the
    # Article 125 proclamation sends Coast Guard applications to Homeland Security. The
    # "does not process" statement is the Office's, about commutations only.
    data = {"convictions": [{"jurisdiction": "military", "conviction_date": "2001-01-01"}]}
    body = text(ask(PARDON, data, "2020-01-01"))
    assert "Department of Homeland Security" in body
    assert "does not process" not in body


# --- no prison and no sentencing date: the wait's start is a missing fact -----------------------


def _probation_unsentenced(sentencing_date: str | None = None) -> dict[str, object]:
    # Federal conviction 2018-10-01, probation only, probation recorded 2019-03-01..2020-02-29;
    # the sentencing date given or not.
    conviction: dict[str, object] = {
        "id": "a",
        "jurisdiction": "federal",
        "conviction_date": "2018-10-01",
        "counts": [{"statute": "18 U.S.C. 1343", "description": "Wire fraud"}],
        "sentence": {"probation": "1 year"},
    }
    if sentencing_date:
        conviction["sentencing_date"] = sentencing_date
    return {
        "person": {"status": CITIZEN},
        "convictions": [conviction],
        "supervision": [
            {"kind": "probation", "conviction_id": "a", "start": "2019-03-01", "end": "2020-02-29"}
        ],
    }


def test_no_prison_without_a_sentencing_date_does_not_run_from_the_conviction() -> None:
    # 28 CFR 1.2 without prison; the Office dates the wait from sentencing. Counted from the
    # conviction it would end 2018-10-01 + 5 years = 2023-10-01, before 2023-12-01; sentenced
    # on 2019-03-01 (the probation's start) it would end 2024-03-01, after it. The sentencing
    # date decides: insufficient_facts naming it (it used to answer eligible).
    det = ask(PARDON, _probation_unsentenced(), "2023-12-01")
    assert det.outcome is Outcome.insufficient_facts
    assert det.missing_facts == ["convictions[0].sentencing_date"]
    assert det.date is None


def test_no_prison_without_a_sentencing_date_is_not_over_before_the_conviction_anniversary() -> (
    None
):
    # On 2023-06-01, before 2023-10-01 (conviction + 5 years, the earliest any sentencing date
    # could give): the wait is surely not over, its end unknown → not_eligible, no date given
    # (it used to answer eligible_from 2023-10-01), naming the sentencing date.
    det = ask(PARDON, _probation_unsentenced(), "2023-06-01")
    assert det.outcome is Outcome.not_eligible
    assert det.date is None
    assert det.missing_facts == ["convictions[0].sentencing_date"]
    assert "2023-10-01" in text(det)


def test_no_prison_with_a_sentencing_date_runs_from_it() -> None:
    # Sentenced 2019-03-01: 2019-03-01 + 5 years = 2024-03-01; probation ended 2020-02-29.
    det = ask(PARDON, _probation_unsentenced("2019-03-01"), "2023-12-01")
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert (det.outcome, det.date) == (Outcome.eligible_from, date(2024, 3, 2))


def test_a_court_martial_without_confinement_or_sentencing_date_is_for_review() -> None:
    # Federal: probation, sentenced 2005-01-04, wait ends 2010-01-04. Court-martial convicted
    # 2004-06-01, no confinement, sentencing date not recorded: sentenced after 2005-01-04 it
    # would be the most recent conviction (the Office counts from it) → for review. Before, the
    # conviction date (2004-06-01, before 2005-01-04) stood for sentencing and it was eligible.
    data = {
        "person": {"status": CITIZEN},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "conviction_date": "2005-01-04",
                "sentencing_date": "2005-01-04",
                "counts": [{"statute": "18 U.S.C. 1343"}],
                "sentence": {"probation": "2 years"},
            },
            {
                "id": "m1",
                "jurisdiction": "military",
                "conviction_date": "2004-06-01",
                "counts": [{"statute": "UCMJ art. 121"}],
                "sentence": {"fine": 500, "fine_owed": 0},
            },
        ],
    }
    det = ask(PARDON, data, "2012-06-01")
    assert det.outcome is Outcome.needs_review
    assert "convictions[1].sentencing_date" in text(det)


def _with_charge(jurisdiction: str, resolved_on: str | None = None) -> dict[str, Any]:
    charge: dict[str, Any] = {
        "instrument": "indictment",
        "jurisdiction": jurisdiction,
        "filed_on": "2019-01-15",
        "counts": [{"statute": "18 U.S.C. 1343"}],
    }
    if jurisdiction == "state":
        charge.update(state="Ohio", counts=[{"statute": "Ohio Rev. Code 2913.02"}])
    if resolved_on:
        charge["resolved_on"] = resolved_on
    return {**served(RELEASE_DAY), "pending_charges": [charge]}


@pytest.mark.parametrize(
    ("jurisdiction", "words"), [("federal", "a federal charge"), ("state", "an Ohio state charge")]
)
def test_a_pending_charge_is_named_for_disclosure_and_does_not_change_the_outcome(
    jurisdiction: str, words: str
) -> None:
    # Released 2013-02-28: the wait of 28 CFR 1.2 ended on the anniversary 2018-02-28, so on
    # 2019-06-01 a petition may be filed (eligible). A charge filed 2019-01-15 and not resolved
    # is pending on 2019-06-01: 28 CFR 1.2 counts the wait from release or conviction only, so
    # it bars nothing; the Office's application form asks about criminal history, pending
    # charges included: a finding says it must be disclosed, citing the form.
    det = ask(PARDON, _with_charge(jurisdiction), "2019-06-01")
    assert det.outcome is Outcome.eligible
    (found,) = [f for f in det.findings if "pending_charges[0]" in f.finding]
    assert f"({words}, filed 2019-01-15)" in found.finding
    assert "disclosed on the form" in found.finding
    assert "OMB 1123-0016" in found.citation
    # Resolved 2019-03-01 (before the day asked): no longer pending, nothing to say.
    resolved = ask(PARDON, _with_charge(jurisdiction, "2019-03-01"), "2019-06-01")
    assert "pending_charges[0]" not in text(resolved)
