"""The shared reading of a term a sentence states with no period recorded for it
(``secondchance.record.unrecorded``), used by the SBA's status tests and both clemency
petitions. Every expected value is worked by hand from the record and the statute quoted."""

from __future__ import annotations

from datetime import date

from secondchance.api import evaluate
from secondchance.engine import Determination
from secondchance.law.clemency.facts import unrecorded_supervised_release
from secondchance.law.registry import program
from secondchance.record.load import validate
from secondchance.record.schema import Record
from secondchance.record.unrecorded import release_from_custody, unrecorded_terms
from tests.sba.builders import conviction, custody, determine, owner, person, record

SENTENCE = {
    "imposed_on": "2015-01-10",
    "imprisonment": "12 months",
    "supervised_release": "36 months",
}
CUSTODY = {"kind": "designated_facility", "start": "2015-02-01", "end": "2016-01-31"}


def _federal(cid: str) -> dict[str, object]:
    return {
        "id": cid,
        "jurisdiction": "federal",
        "conviction_date": "2014-10-01",
        "counts": [{"statute": "18 U.S.C. 1343", "felony": True}],
        "sentence": dict(SENTENCE),
    }


def test_a_period_naming_no_conviction_among_several_is_not_this_conviction_s() -> None:
    # Two convictions; one supervised-release period names none, so it may be c2's. c1's
    # release is 2016-01-31 and its 36-month term "commences on the day the person is released"
    # (18 U.S.C. 3624(e)): 2016-01-31 + 36 months = 2019-01-31, the first day after it. On
    # 2018-06-01 it may still run with no period recorded for c1 (the petitions used to read the
    # unlinked period as c1's; the SBA never did).
    rec = validate(
        {
            "convictions": [_federal("c1"), _federal("c2")],
            "custody": [{**CUSTODY, "conviction_id": "c1"}, {**CUSTODY, "conviction_id": "c2"}],
            "supervision": [
                {"kind": "supervised_release", "start": "2016-01-31", "end": "2017-01-31"}
            ],
        },
        "test",
    )
    found = unrecorded_supervised_release(
        rec, 0, rec.convictions[0], date(2016, 1, 31), date(2018, 6, 1)
    )
    assert found is not None and found.ends == date(2019, 1, 31)


def test_a_deferred_prosecution_period_is_not_the_supervised_release_imposed() -> None:
    # A deferred-prosecution period is no probation, parole or supervised release: the
    # 36-month term from the release on 2016-01-31 runs to 2019-01-30 (first day after
    # 2019-01-31) with no supervision recorded for it.
    rec = validate(
        {
            "convictions": [_federal("c1")],
            "custody": [{**CUSTODY, "conviction_id": "c1"}],
            "supervision": [
                {
                    "kind": "deferred_prosecution",
                    "conviction_id": "c1",
                    "start": "2014-01-01",
                    "end": "2014-06-30",
                }
            ],
        },
        "test",
    )
    found = unrecorded_supervised_release(
        rec, 0, rec.convictions[0], date(2016, 1, 31), date(2018, 6, 1)
    )
    assert found is not None and found.ends == date(2019, 1, 31)


def test_a_period_for_another_conviction_of_the_aggregate_is_not_this_one_s() -> None:
    # c2's prison term runs concurrently with c1's (one aggregate term, 18 U.S.C. 3584(c)), but
    # terms of supervised release each run from the release (3624(e)), concurrently: c1's
    # recorded period (2016-01-31 to 2017-01-31) does not show when c2's 36 months end. From
    # the release on 2016-01-31 they end 2019-01-31 (first day after), so on 2018-06-01 c2's
    # may still run with no period recorded for it.
    second = _federal("c2")
    second["sentence"] = {**SENTENCE, "relation": "concurrent", "relative_to": "c1"}
    rec = validate(
        {
            "convictions": [_federal("c1"), second],
            "custody": [{**CUSTODY, "conviction_id": "c1"}],
            "supervision": [
                {
                    "kind": "supervised_release",
                    "conviction_id": "c1",
                    "start": "2016-01-31",
                    "end": "2017-01-31",
                }
            ],
        },
        "test",
    )
    found = unrecorded_supervised_release(
        rec, 1, rec.convictions[1], date(2016, 1, 31), date(2018, 6, 1)
    )
    assert found is not None and found.ends == date(2019, 1, 31)


def _sba(sentence: dict[str, object], end: str) -> dict[str, object]:
    sentenced = {**conviction("c1", "2019-05-01", felony=False, moral_turpitude=False)}
    sentenced["sentence"] = sentence
    return record(
        person(
            "P",
            [owner(40)],
            convictions=[sentenced],
            custody=[custody("designated_facility", "2019-07-01", end, "c1")],
        ),
        person("Q", [owner(60)]),
    )


def test_sba_a_completed_sentence_does_not_end_its_supervised_release_on_an_earlier_day() -> None:
    # "completed, on a date not known": it does not say the term was over on 2022-01-10. Release
    # 2020-06-30; 3 years' supervised release from it (3624(e)) is over on 2023-06-30 (the
    # first day after). On 2022-01-10 it may run with no period recorded, and the old 7(a) text
    # leaves supervised release to review: needs_review (it read eligible before).
    sentence = {
        "imposed_on": "2019-06-01",
        "imprisonment": "12 months",
        "supervised_release": "3 years",
        "completed": True,
    }
    det = determine("sba.7a", _sba(sentence, "2020-06-30"), "2022-01-10")
    assert det.outcome.value == "needs_review"
    assert "supervised release" in " ".join(f.finding for f in det.findings)


def test_sba_a_commutation_that_does_not_keep_supervised_release_ends_it() -> None:
    # The warrant (granted 2021-01-10, release 2021-01-15) does not keep supervised release
    # (supervised_release_kept: false): the 3-year term that would have run 2021-01-15 to
    # 2024-01-14 is gone, as the petitions read it. On 2022-01-10 nothing else is running, so
    # the old 7(a) text leaves no status to review: eligible (it read needs_review before).
    sentence = {
        "imposed_on": "2019-06-01",
        "imprisonment": "60 months",
        "supervised_release": "3 years",
        "commutations": [
            {
                "granted_on": "2021-01-10",
                "new_release_date": "2021-01-15",
                "supervised_release_kept": False,
            }
        ],
    }
    det = determine("sba.7a", _sba(sentence, "2021-01-15"), "2022-01-10")
    assert det.outcome.value == "eligible", [f.finding for f in det.findings]


# --- s19a review: D4 (short custody), D3 (consecutive term), D5 (tolling), D2 (revocation) ---


def determine_record(rec: Record, program_id: str, day: date) -> Determination:
    report = evaluate(rec, as_of=day, application_date=day, programs=[program(program_id)])
    return report.determinations[0]


def _one(
    cid: str, convicted: str, sentence: dict[str, object], **more: object
) -> dict[str, object]:
    found: dict[str, object] = {
        "id": cid,
        "jurisdiction": "federal",
        "conviction_date": convicted,
        "counts": [{"statute": "18 U.S.C. 1343", "felony": True}],
        "sentence": sentence,
    }
    found.update(more)
    return found


def _owned(**rec: object) -> dict[str, object]:
    return record(person("P", [owner(100, start="2000-01-01")], **rec))


def test_d4_custody_ending_before_the_term_could_end_is_not_its_service() -> None:
    # 120 months imposed 2016-07-15; the only custody, 2016-05-20..2016-07-14, ends the day
    # before sentencing. The earliest the term could end (facts.earliest_end): from the first
    # custody day 2016-05-20, full term to 2026-05-20 (3,652 days, leap days 2020 and 2024);
    # good conduct time at most ceil(54 x 3652 / 365) = ceil(540.3) = 541 days -> 2024-11-25
    # (2026-05-20 less 365 days = 2025-05-20, less 176 more = 2024-11-25); less 12 months of
    # First Step Act transfer and 12 of drug-program reduction -> 2022-11-25. 2016-07-14 is
    # before it: the custody is not service of the whole term. On 2020-01-01 whether P is in
    # custody is not recorded (it read eligible, the supervised release counted from 2016-07-14).
    sentence = {"imposed_on": "2016-07-15", "imprisonment": "120 months"}
    sentence["supervised_release"] = "3 years"
    data = _owned(
        convictions=[_one("c1", "2016-04-10", sentence)],
        custody=[custody("federal_custody", "2016-05-20", "2016-07-14", "c1")],
    )
    from secondchance.record.unrecorded import short_custody  # new with this reading

    rec = validate(data, "test").business.people[0].record  # type: ignore[union-attr]
    day = date(2020, 1, 1)
    assert release_from_custody(rec, rec.convictions[0], day) is None
    short = short_custody(rec, rec.convictions[0], day)
    assert short is not None and "not before 2022-11-25" in short.why
    prison = [u for u in unrecorded_terms(rec, date(2020, 1, 1)) if u.kind is None]
    # What would settle it: the custody's end, or a commutation (or a sentence reduction
    # recorded as one) that ended the term early.
    assert [u.missing for u in prison] == [
        ("custody[0].end", "convictions[0].sentence.commutations")
    ]
    det = determine("sba.7a", data, "2020-01-01")
    assert det.outcome.value == "insufficient_facts"
    assert "business.people[0].record.custody[0].end" in det.missing_facts


def test_d3_a_term_consecutive_to_a_state_term_is_not_counted_from_sentencing() -> None:
    # Federal 60 months imposed 2010-01-05, consecutive to a Texas term served in state custody
    # 2009-06-01..2014-01-01. Counted from sentencing it would be over on 2010-01-05 + 60 months
    # = 2015-01-05; but it commences only when received in custody to serve it (18 U.S.C.
    # 3585(a)), after the state term: no earlier than 2014-01-01, + 60 months = 2019-01-01 at the
    # full term. No federal custody is recorded, so on 2016-06-01 whether P is in custody is not
    # recorded: insufficient_facts naming custody (it read eligible).
    state = {
        "id": "c2",
        "jurisdiction": "state",
        "state": "TX",
        "conviction_date": "2009-05-01",
        "counts": [{"statute": "Tex. Penal Code 29.02", "felony": True}],
        "sentence": {"imposed_on": "2009-06-01", "imprisonment": "5 years"},
    }
    federal = _one(
        "c1",
        "2009-11-01",
        {
            "imposed_on": "2010-01-05",
            "imprisonment": "60 months",
            "relation": "consecutive",
            "relative_to": "c2",
        },
    )
    data = _owned(
        convictions=[state, federal],
        custody=[custody("state_custody", "2009-06-01", "2014-01-01", "c2")],
    )
    det = determine("sba.7a", data, "2016-06-01")
    assert det.outcome.value == "insufficient_facts"
    assert "business.people[0].record.custody" in det.missing_facts


def _tolled(later: dict[str, object]) -> dict[str, object]:
    c1 = {"imposed_on": "2002-03-01", "imprisonment": "36 months", "supervised_release": "10 years"}
    c2 = {"imposed_on": "2005-12-20", "imprisonment": "36 months", "supervised_release": "0 months"}
    return {
        "person": {"status": [{"status": "us_citizen"}]},
        "convictions": [
            {**_one("c1", "2002-01-10", {**c1, "fine_owed": 0})},
            {**_one("c2", "2005-12-01", {**c2, "fine_owed": 0, "restitution_owed": 0})},
        ],
        "custody": [
            {"kind": "designated_facility", "conviction_id": "c1", "start": "2002-03-01"}
            | {"end": "2005-01-01"},
            later,
        ],
    }


def test_d5_supervised_release_does_not_run_during_later_imprisonment() -> None:
    # c1 released 2005-01-01; 10 years of supervised release -> first day after 2015-01-01.
    # Imprisoned on c2 2006-01-01..2009-01-01 (30 days or more): the term does not run then
    # (18 U.S.C. 3624(e)). Days counted with the first and the last: 2006 (365) + 2007 (365) +
    # 2008 (366) + 2009-01-01 (1) = 1,097. 2015-01-01 + 1,096 = 2018-01-01 (2015: 365, 2016:
    # 366, 2017: 365), + 1 = 2018-01-02, the first day after the tolled term.
    later = {"kind": "designated_facility", "conviction_id": "c2", "start": "2006-01-01"}
    rec = validate(_tolled({**later, "end": "2009-01-01"}), "test")
    found = unrecorded_supervised_release(
        rec, 0, rec.convictions[0], date(2005, 1, 1), date(2016, 6, 1)
    )
    assert found is not None and found.ends == date(2018, 1, 2)
    # The pardon: last release 2009-01-01 + 5 years = 2014-01-01, so the wait is over on
    # 2016-06-01, but supervised release may run: needs_review (it read eligible).
    det = determine_record(rec, "clemency.pardon_petition", date(2016, 6, 1))
    assert det.outcome.value == "needs_review"
    # 2006-01-01..2006-01-29 is 29 days counted both ends: under 30, no tolling; the term is
    # over on 2015-01-01, so on 2016-06-01 nothing is found.
    rec = validate(_tolled({**later, "end": "2006-01-29"}), "test")
    assert (
        unrecorded_supervised_release(
            rec, 0, rec.convictions[0], date(2005, 1, 1), date(2016, 6, 1)
        )
        is None
    )
    # Custody begun 2006-01-01 with no end: how long it tolled is not recorded, end unknown.
    rec = validate(_tolled(later), "test")
    found = unrecorded_supervised_release(
        rec, 0, rec.convictions[0], date(2005, 1, 1), date(2030, 6, 1)
    )
    assert found is not None and found.ends is None


def _revoked(revocation: dict[str, object], custody_end: str | None) -> dict[str, object]:
    sentence = {
        "imposed_on": "2008-03-01",
        "imprisonment": "24 months",
        "supervised_release": "3 years",
        "fine_owed": 0,
        "restitution_owed": 0,
        "revocations": [revocation],
    }
    periods = [
        {"kind": "designated_facility", "conviction_id": "c1", "start": "2008-03-01"}
        | {"end": "2010-01-01"}
    ]
    if custody_end:
        periods.append(
            {"kind": "designated_facility", "conviction_id": "c1", "start": "2011-01-05"}
            | {"end": custody_end}
        )
    return {
        "person": {"status": [{"status": "us_citizen"}]},
        "convictions": [_one("c1", "2008-01-10", sentence)],
        "custody": periods,
    }


def test_d2_the_new_term_a_revocation_imposes_runs_from_release_from_its_custody() -> None:
    # Revoked 2011-01-05: 12 months and a new 10-year term (18 U.S.C. 3583(h)); custody for it
    # ends 2012-01-04. The new term runs from that release: 2012-01-04 + 10 years = 2022-01-04,
    # the first day after. Pardon on 2018-06-01: wait 2012-01-04 + 5 = 2017-01-04 is over, but
    # supervised release may run: needs_review (it read eligible from the old 3-year term,
    # over on 2015-01-04).
    revocation = {"revoked_on": "2011-01-05", "imprisonment": "12 months"}
    rec = validate(_revoked({**revocation, "supervised_release": "10 years"}, "2012-01-04"), "t")
    found = unrecorded_supervised_release(
        rec, 0, rec.convictions[0], date(2012, 1, 4), date(2018, 6, 1)
    )
    assert found is not None and found.ends == date(2022, 1, 4)
    det = determine_record(rec, "clemency.pardon_petition", date(2018, 6, 1))
    assert det.outcome.value == "needs_review"
    assert determine_record(rec, "sba.7a", date(2018, 6, 1)).outcome.value != "eligible"


def test_d2_a_revocation_after_the_day_shows_supervision_was_running() -> None:
    # Released 2010-01-01; 3 years' supervised release is over on 2013-01-01 by its dates. It is
    # revoked on 2017-01-05 (0 months): it can be revoked only while running, or on a warrant
    # issued before it expired (18 U.S.C. 3583(e)(3), (i)), so on 2016-01-01 it was (or may have
    # been) running: the wait (2010-01-01 + 5 = 2015-01-01) is over, but needs_review (it read
    # eligible). On 2018-01-01 the revocation records no new term (3583(h)): one may have been
    # imposed, needs_review naming it.
    revocation = {"revoked_on": "2017-01-05", "imprisonment": "0 months"}
    rec = validate(_revoked(revocation, None), "test")
    det = determine_record(rec, "clemency.pardon_petition", date(2016, 1, 1))
    assert det.outcome.value == "needs_review"
    later = unrecorded_supervised_release(
        rec, 0, rec.convictions[0], date(2010, 1, 1), date(2018, 1, 1)
    )
    assert later is not None and later.ends is None
    assert determine_record(rec, "clemency.pardon_petition", date(2018, 1, 1)).outcome.value == (
        "needs_review"
    )
    # With no new term recorded as such ("0 months"), nothing runs on 2018-01-01.
    rec = validate(_revoked({**revocation, "supervised_release": "0 months"}, None), "test")
    assert determine_record(rec, "clemency.pardon_petition", date(2018, 1, 1)).outcome.value == (
        "eligible"
    )
