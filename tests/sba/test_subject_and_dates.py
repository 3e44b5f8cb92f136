"""The record a business person's status is read from (``is_subject``), the dates that bound a
riot-related conviction with no conviction date, the grounds a charge is named for, what lifts a
pending indictment, and dates at the ends of the calendar. Every expected value is worked by
hand from the rule text, quoted in short in the comments."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from secondchance.api import evaluate
from secondchance.law.sba import PROGRAMS
from secondchance.law.sba.days import (
    first_day_outside_lookback,
    months_before,
    next_day,
    previous_day,
)
from secondchance.record.load import validate
from secondchance.record.schema import Record
from tests.sba.builders import (
    charge,
    conviction,
    custody,
    determine,
    outcome,
    owner,
    person,
    record,
    role,
)

ALL = ("sba.7a", "sba.504", "sba.microloan", "sba.ilp", "sba.surety_bond", "sba.disaster")
APP = "2026-11-24"


def texts(program_id: str, data: dict[str, Any], day: str) -> str:
    return " ".join(f.finding for f in determine(program_id, data, day).findings)


# --- is_subject: the top-level record is the person's ------------------------------------------


def subject_record(*, is_subject: bool) -> dict[str, Any]:
    """A top-level person in home confinement until 2027-01-15; the business's 100% owner is
    that person (``is_subject``) or, without the flag, someone with an empty record."""
    bp: dict[str, Any] = {"name": "Morgan", "roles": [owner(100)]}
    if is_subject:
        bp["is_subject"] = True
    return {
        "person": {"name": "Morgan"},
        "custody": [custody("home_confinement", "2026-08-01", "2027-01-15")],
        "business": {"name": "Co", "child_care": False, "people": [bp]},
    }


@pytest.mark.parametrize("program_id", ALL)
def test_subject_owner_in_home_confinement(program_id: str) -> None:
    # From 2024-05-30 every program bars a counted person "currently incarcerated, serving a
    # sentence of imprisonment"; home confinement is prerelease custody, part of the term
    # (18 U.S.C. 3624(c)). A 100% owner counts everywhere (more than 20%: 120.10, 109.20; 20% or
    # more: 115.13(a)(2), 123.202(b)(2)). Last day in custody 2027-01-15 → 2027-01-16.
    data = subject_record(is_subject=True)
    assert outcome(program_id, data, APP) == ("eligible_from", "2027-01-16")
    # The facts name the top-level field, not a nested record.
    det = determine(program_id, data, APP)
    facts = {k for f in det.findings for k in f.facts}
    assert "custody[0].end" in facts
    assert not any(k.startswith("business.people[0].record.") for k in facts)


@pytest.mark.parametrize("program_id", ALL)
def test_without_is_subject_the_top_level_record_is_someone_elses(program_id: str) -> None:
    # Not marked is_subject and no record of their own given: whether the owner has a status
    # the rule names is unknown (the top-level record, in custody, may well be theirs), never
    # "none of the statuses". With their own record given as empty (nothing to report), it is
    # tested: no status → eligible.
    data = subject_record(is_subject=False)
    det = determine(program_id, data, APP)
    assert det.outcome.value == "insufficient_facts"
    assert det.missing_facts == ["business.people[0].record"]
    data["business"]["people"][0]["record"] = {}
    assert outcome(program_id, data, APP) == ("eligible", None)


def test_subject_missing_fact_names_the_top_level_field() -> None:
    data = subject_record(is_subject=True)
    data["custody"] = []
    data["convictions"] = [riot()]
    # 123.101(a): a riot-related felony "during the past year"; no conviction date and no date
    # after it → the record cannot say. The field is the top-level one. (The sentence, a fine
    # alone with no date, serves nothing and bounds nothing: see riot.)
    det = determine("sba.disaster", data, APP)
    assert det.outcome.value == "insufficient_facts"
    assert det.missing_facts == ["convictions[0].conviction_date"]


# --- 123.101(a): dates that bound an undated conviction ----------------------------------------


def riot(**attrs: Any) -> dict[str, Any]:
    """An undated riot-related felony. Its sentence, unless ``attrs`` give one, is a fine alone
    (18 U.S.C. 3551(b)) with no date: nothing to serve, so 123.101(i) (current incarceration)
    and the other programs' custody bars are settled, and no date that bounds the conviction (a
    conviction with no sentence recorded could be a prison term running: insufficient facts)."""
    conv = conviction("c1", None, felony=True, riot_or_civil_disorder=True)
    conv["sentence"] = {"fine": 2000}
    conv.update(attrs)
    return conv


def disaster_case(conv: dict[str, Any], *periods: dict[str, Any]) -> dict[str, Any]:
    return record(person("P", [owner(100)], convictions=[conv], custody=list(periods)))


def test_sentencing_date_long_ago_settles_the_riot_bar() -> None:
    # Application 2026-11-24: "the past year" starts after 2025-11-24. The conviction precedes
    # its sentencing on 2010-05-01 (schema: sentencing_date ≥ conviction_date), so it was
    # entered by 2010-05-01, long before the window → (a) does not apply → eligible.
    assert outcome("sba.disaster", disaster_case(riot(sentencing_date="2010-05-01")), APP) == (
        "eligible",
        None,
    )


def test_sentence_imposed_on_the_first_day_outside_the_window() -> None:
    # 2026-11-24 − 1 year = 2025-11-24; "during the past year" = after 2025-11-24 (since < when).
    # Sentence imposed 2025-11-24: convicted on or before it → outside → eligible.
    on_edge = riot(sentence={"imposed_on": "2025-11-24"})
    assert outcome("sba.disaster", disaster_case(on_edge), APP) == ("eligible", None)
    # Imposed 2025-11-25: the conviction may be 2025-11-25 (inside) or earlier (outside) →
    # insufficient facts. From 2026-11-25 the year back is 2025-11-25 ≥ any possible
    # conviction day → eligible then: the next change.
    inside = riot(sentence={"imposed_on": "2025-11-25"})
    det = determine("sba.disaster", disaster_case(inside), APP)
    assert det.outcome.value == "insufficient_facts"
    assert det.missing_facts == ["business.people[0].record.convictions[0].conviction_date"]
    assert det.next_change == date(2026, 11, 25)


def test_custody_serving_the_sentence_bounds_the_conviction() -> None:
    # A designated facility from 2012-03-01 linked to the conviction serves its sentence: the
    # conviction came first, by 2012-03-01 → outside the window → eligible.
    served = custody("designated_facility", "2012-03-01", "2013-01-01", conviction_id="c1")
    assert outcome("sba.disaster", disaster_case(riot(), served), APP) == ("eligible", None)
    # Pretrial detention may come before the conviction: it bounds nothing → insufficient.
    held = custody("pretrial_detention", "2012-03-01", "2012-06-01", conviction_id="c1")
    det = determine("sba.disaster", disaster_case(riot(), held), APP)
    assert det.outcome.value == "insufficient_facts"
    assert det.missing_facts == ["business.people[0].record.convictions[0].conviction_date"]


def test_offense_and_sentencing_inside_the_window_bar() -> None:
    # Offense 2026-01-10, sentenced 2026-06-01: the conviction lies between them, all after
    # 2025-11-24 and by 2026-11-24 → within the past year → bars (not_eligible). On 2027-01-10
    # the year back is 2026-01-10, so a conviction on 2026-01-10 would be outside while a later
    # one would not: the answer turns on the missing conviction date → next change 2027-01-10,
    # no eligible_from.
    conv = riot(offense_date="2026-01-10", sentencing_date="2026-06-01")
    det = determine("sba.disaster", disaster_case(conv), APP)
    assert (det.outcome.value, det.next_change) == ("not_eligible", date(2027, 1, 10))


def test_identical_convictions_each_cite_their_own_dates() -> None:
    # Two equal undated riot felonies (no id), each sentenced 2026-06-01: each was entered by
    # 2026-06-01 but maybe before 2025-11-25, so each asks for its own conviction date. The
    # sentencing date that bounds convictions[1] is convictions[1].sentencing_date, not that of
    # the equal convictions[0] (a search by value used to find convictions[0] for both).
    conv = riot(sentencing_date="2026-06-01")
    del conv["id"]
    data = record(person("P", [owner(100)], convictions=[conv, dict(conv)]))
    det = determine("sba.disaster", data, APP)
    prefix = "business.people[0].record.convictions"
    assert det.missing_facts == [f"{prefix}[0].conviction_date", f"{prefix}[1].conviction_date"]
    facts = {k for f in det.findings for k in f.facts}
    assert {f"{prefix}[0].sentencing_date", f"{prefix}[1].sentencing_date"} <= facts


def test_riot_conviction_on_29_february() -> None:
    # Convicted 2024-02-29. On 2025-02-28 the year back is 2024-02-28 < 2024-02-29: within. On
    # 2025-03-01 it is 2024-03-01: outside. So eligible from 2025-03-01, not 2025-02-28.
    data = disaster_case(riot(conviction_date="2024-02-29"))
    assert outcome("sba.disaster", data, "2025-01-15") == ("eligible_from", "2025-03-01")
    assert outcome("sba.disaster", data, "2025-02-28") == ("eligible_from", "2025-03-01")


def test_riot_conviction_on_29_february_outlasting_custody() -> None:
    # The reported "not_eligible with no next change": custody until 2025-01-15 (every program
    # eligible from 2025-01-16) and a riot-related felony conviction on 2024-02-29, still within
    # the past year through 2025-02-28 (see above). The disaster answer changes on 2025-03-01.
    data = record(
        person(
            "P",
            [owner(100)],
            convictions=[riot(conviction_date="2024-02-29")],
            custody=[custody("home_confinement", "2024-08-01", "2025-01-15")],
        )
    )
    assert outcome("sba.7a", data, "2024-12-01") == ("eligible_from", "2025-01-16")
    assert outcome("sba.disaster", data, "2024-12-01") == ("eligible_from", "2025-03-01")


def test_disaster_follows_custody_when_an_old_riot_felony_is_undated() -> None:
    # The reported case: an owner in home confinement until 2027-01-15 with an old riot-related
    # felony sentenced 2010-05-01 and no conviction date. Custody bars everywhere until
    # 2027-01-15 (123.101(i): "serving a sentence of imprisonment"); the old felony is settled
    # outside "the past year" by its sentencing date → disaster too is eligible from
    # 2027-01-16 (it used to stay not_eligible, the riot question unanswered).
    data = record(
        person(
            "P",
            [owner(100)],
            convictions=[riot(sentencing_date="2010-05-01")],
            custody=[custody("home_confinement", "2026-08-01", "2027-01-15")],
        )
    )
    for program_id in ALL:
        assert outcome(program_id, data, APP) == ("eligible_from", "2027-01-16"), program_id


# --- the grounds a charge is named for ----------------------------------------------------------


def indicted(*roles: dict[str, Any], **attrs: Any) -> dict[str, Any]:
    return record(
        person("P", list(roles), pending_charges=[charge("indictment", "2024-01-15", **attrs)])
    )


def test_reason_names_only_the_grounds_that_apply() -> None:
    # New 120.110(n) bars an indictment "for a felony or any crime involving or relating to
    # financial misconduct or a false statement". A false statement that is neither a felony
    # nor financial misconduct: the reason names the false statement alone.
    data = indicted(role("officer"), felony=False, financial_misconduct=False, false_statement=True)
    reason = determine("sba.7a", data, "2024-06-03").reason or ""
    assert "(filed 2024-01-15) for a crime involving a false statement; the rule bars" in reason
    assert "for felony or" not in reason
    both = indicted(role("officer"), felony=True, financial_misconduct=True, false_statement=False)
    reason = determine("sba.7a", both, "2024-06-03").reason or ""
    assert "for a felony and a crime involving financial misconduct; the rule bars" in reason


# --- a pending indictment: how long the bar lasts and what lifts it --------------------------


def test_pending_indictment_says_what_lifts_the_bar() -> None:
    # A 51% owner (an Associate: more than 20%) under a pending felony indictment, no resolution
    # date: not eligible, and no date on which that changes.
    data = indicted(owner(51), felony=True)
    det = determine("sba.7a", data, "2024-06-03")
    assert (det.outcome.value, det.next_change) == ("not_eligible", None)
    words = " ".join(f.finding for f in det.findings)
    assert "lasts while the indictment is pending" in words
    assert "business.people[0].record.pending_charges[0].resolved_on" in words
    # 120.10 para. (3): the relationship starts six months before the application, so an owner
    # whose share drops to 20% or less stops being an Associate six months later.
    assert "drops to 20% or less" in words and "6 months after the drop" in words
    assert "13 CFR 120.10, para. (3)" in words
    # The ILP Associate is that of 109.20.
    assert "13 CFR 109.20, para. (3)" in texts("sba.ilp", data, "2024-06-03")
    # The surety rule counts owners on the day of the request: no look-back note; the
    # resolution note stays.
    surety = texts("sba.surety_bond", data, "2024-06-03")
    assert "lasts while the indictment is pending" in surety and "para. (3)" not in surety


def test_no_ownership_note_for_an_officer() -> None:
    words = texts("sba.7a", indicted(role("officer"), felony=True), "2024-06-03")
    assert "lasts while the indictment is pending" in words and "drops to" not in words
    # An owner who is also an officer: the share alone does not end the Associate relationship.
    both = texts("sba.7a", indicted(owner(51), role("officer"), felony=True), "2024-06-03")
    assert "drops to 20% or less" in both and "a role as officer" in both


def test_the_ownership_path_really_lifts_the_bar() -> None:
    # The note's path, recorded: 51% until 2024-06-30, 20% from 2024-07-01. The first day
    # whose six months back start after 2024-06-30 is 2025-01-01 (2024-12-31 − 6 months =
    # 2024-06-30, not after it) → eligible from 2025-01-01 while the indictment is still pending.
    # The rest of the equity is listed, with nothing to report: Q 49% throughout, and R the
    # 31% P sold on 2024-07-01 (51 + 49 = 100 until then; 20 + 49 + 31 = 100 after).
    data = indicted(owner(51, end="2024-06-30"), owner(20, start="2024-07-01"), felony=True)
    data["business"]["people"] += [
        person("Q", [owner(49)]),
        person("R", [owner(31, start="2024-07-01")]),
    ]
    assert outcome("sba.7a", data, "2024-06-03") == ("eligible_from", "2025-01-01")


def test_resolved_indictment_gets_no_pending_note() -> None:
    data = record(
        person(
            "P",
            [owner(51)],
            pending_charges=[charge("indictment", "2024-01-15", "2024-09-10", felony=True)],
        )
    )
    # Resolved 2024-09-10: the change is dated, so no words about an unknown end. The record
    # speaks for 2024-06-03, before the resolution: how the charge ends (a conviction with a
    # prison sentence would bar on its own) is not yet known, so 2024-09-10 is no eligible-from
    # date (round 21; it was one before).
    assert outcome("sba.7a", data, "2024-06-03") == ("not_eligible", None)
    assert "lasts while" not in texts("sba.7a", data, "2024-06-03")


# --- the ends of the calendar -------------------------------------------------------------------


def test_calendar_helpers() -> None:
    assert next_day(date.max) is None and previous_day(date.min) is None
    assert months_before(date(1, 3, 1), 6) == date.min
    # No day's six months back start after 9999-07-01 (9999-12-31 − 6 months = 9999-06-30).
    assert first_day_outside_lookback(date(9999, 7, 1), 6) is None
    # 2025-02-28 − 12 months = 2024-02-28 (not after it); 2025-03-01 − 12 months = 2024-03-01.
    assert first_day_outside_lookback(date(2024, 2, 28), 12) == date(2025, 3, 1)


def far_future_record() -> Record:
    """A record whose business person has dates on 9999-12-31 (past the schema's year range,
    so set after validation: the law must not crash on any date a ``date`` can hold)."""
    rec = validate(
        record(
            person(
                "P",
                [owner(100)],
                convictions=[
                    conviction("c1", "2030-01-01", felony=True, riot_or_civil_disorder=True)
                ],
                custody=[custody("home_confinement", "2026-01-01", "2030-01-01")],
                pending_charges=[charge("indictment", "2026-01-01", "2030-01-01", felony=True)],
            )
        ),
        "test",
    )
    assert rec.business is not None
    bp = rec.business.people[0]
    inner = bp.record
    far = date.max
    inner = inner.model_copy(
        update={
            "convictions": [inner.convictions[0].model_copy(update={"conviction_date": far})],
            "custody": [inner.custody[0].model_copy(update={"end": far})],
            "pending_charges": [inner.pending_charges[0].model_copy(update={"resolved_on": far})],
        }
    )
    roles = [bp.roles[0].model_copy(update={"end": far})]
    bp = bp.model_copy(update={"record": inner, "roles": roles})
    return rec.model_copy(update={"business": rec.business.model_copy(update={"people": [bp]})})


@pytest.mark.parametrize("day", [date(2026, 11, 24), date(9999, 7, 1), date.max, date.min])
def test_dates_at_the_end_of_the_calendar_do_not_crash(day: date) -> None:
    rec = far_future_record()
    report = evaluate(rec, as_of=day, application_date=day, programs=PROGRAMS)
    assert [d.program for d in report.determinations] == list(ALL)
    if day == date(2026, 11, 24):
        # In custody through 9999-12-31 (the last day there is): barred, and no day after it
        # exists on which that could change.
        for det in report.determinations:
            assert (det.outcome.value, det.next_change) == ("not_eligible", None), det.program


def test_no_eligible_date_on_the_first_day_of_unrecorded_supervised_release() -> None:
    # Custody to 2024-03-31 bars under old 120.110(n) ("incarcerated"). The sentence states 3
    # years' supervised release, which "commences on the day the person is released" (18 U.S.C.
    # 3624(e)), 2024-03-31; no period is recorded, and the old text leaves supervised release
    # to review. So 2024-04-01 is needs_review, not eligible; the first day with no status the
    # rule names is 2024-05-30 (the new text: custody over, supervised release not named).
    sentenced = {
        **conviction("c1", "2021-05-01", felony=True, moral_turpitude=True),
        "sentence": {
            "imposed_on": "2021-06-01",
            "imprisonment": "30 months",
            "supervised_release": "3 years",
        },
    }
    data = record(
        person(
            "P",
            [owner(40)],
            convictions=[sentenced],
            custody=[custody("designated_facility", "2021-07-01", "2024-03-31", "c1")],
        ),
        person("Q", [owner(60)]),
    )
    det = determine("sba.7a", data, "2024-01-02")
    assert det.outcome.value == "not_eligible"
    assert det.next_change == date(2024, 4, 1)
    assert det.next_change_outcome is not None
    assert det.next_change_outcome.value == "needs_review"
    assert det.eligible_from_date == date(2024, 5, 30)


def _commuted(granted_on: str, new_release_date: str) -> dict[str, Any]:
    conv = conviction("c1", "2010-01-04")
    conv["sentence"] = {
        "imposed_on": "2010-04-01",
        "imprisonment": "240 months",
        "commutations": [{"granted_on": granted_on, "new_release_date": new_release_date}],
    }
    return record(person("A", [owner(100.0)], convictions=[conv]))


def test_a_commutation_releasing_before_its_grant_does_not_end_an_unrecorded_term() -> None:
    # 240 months from 2010-04-01 runs to 2030; no custody recorded. A warrant granted 2021-06-01
    # cannot release on 2019-01-01 (one date is wrong): on 2022-01-03 whether A is in custody
    # (13 CFR 120.110(n)) is unknown, never "no bar".
    det = determine("sba.7a", _commuted("2021-06-01", "2019-01-01"), "2022-01-03")
    assert det.outcome.value == "insufficient_facts"
    at = "business.people[0].record.convictions[0].sentence.commutations[0]"
    assert f"{at}.granted_on" in det.missing_facts
    assert f"{at}.new_release_date" in det.missing_facts


def test_a_commutation_granted_after_the_day_does_not_end_the_term_before_it() -> None:
    # Granted 2023-06-01: on 2022-01-03 it had not acted, so the 240-month term from 2010-04-01
    # (to 2030) may be running with no custody recorded: unknown, never "no bar".
    det = determine("sba.7a", _commuted("2023-06-01", "2021-07-01"), "2022-01-03")
    assert det.outcome.value == "insufficient_facts"
