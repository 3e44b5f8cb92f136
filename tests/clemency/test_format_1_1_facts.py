"""Record format 1.1 facts the clemency petitions weigh: revocation terms, a sentence stated
completed, terms per count, a term of unknown length and a treaty transfer. Dates worked by
hand from 28 CFR 1.2 (five years after release from confinement, or after conviction where no
prison sentence was imposed)."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.api import evaluate
from secondchance.engine.determination import Determination, Outcome
from secondchance.record import validate

PARDON = "clemency.pardon_petition"
COMMUTATION = "clemency.commutation_petition"


def released() -> dict[str, Any]:
    """Wire fraud, 24 months imposed 2010-03-01, released 2011-12-15, supervised release from
    that day to its revocation on 2013-06-01."""
    return {
        "person": {"status": [{"status": "us_citizen"}]},
        "convictions": [
            {
                "id": "a",
                "jurisdiction": "federal",
                "conviction_date": "2010-01-04",
                "counts": [{"statute": "18 U.S.C. 1343", "felony": True}],
                "sentence": {
                    "imposed_on": "2010-03-01",
                    "imprisonment": "24 months",
                    "supervised_release": "3 years",
                },
            }
        ],
        "custody": [
            {
                "kind": "designated_facility",
                "conviction_id": "a",
                "start": "2010-03-01",
                "end": "2011-12-15",
            }
        ],
        "supervision": [
            {
                "kind": "supervised_release",
                "conviction_id": "a",
                "start": "2011-12-15",
                "end": "2013-06-01",
            }
        ],
    }


def answer(data: dict[str, Any], program: str, as_of: date) -> Determination:
    report = evaluate(validate(data, "r.yaml"), as_of)
    return next(d for d in report.determinations if d.program == program)


def revoked(custody: bool = True, dated: bool = True) -> dict[str, Any]:
    data = released()
    revocation: dict[str, Any] = {"imprisonment": "8 months"}
    if dated:
        revocation["revoked_on"] = "2013-06-01"
    data["convictions"][0]["sentence"]["revocations"] = [revocation]
    if custody:
        data["custody"].append(
            {
                "kind": "federal_custody",
                "conviction_id": "a",
                "start": "2013-05-20",
                "end": "2014-01-10",
            }
        )
    return data


def test_the_wait_runs_from_release_from_the_revocation_term() -> None:
    # Without the revocation, the supervised release recorded as terminated early (18 U.S.C.
    # 3583(e)(1)): release 2011-12-15 + 5 years = 2016-12-15.
    plain = released()
    plain["supervision"][0]["ended_early"] = True
    det = answer(plain, PARDON, date(2015, 1, 1))
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert (det.outcome, det.date) == (Outcome.eligible_from, date(2016, 12, 16))
    # Neither a revocation nor an early termination recorded: the 3-year term from 2011-12-15
    # could not run out before 2014-12-14, yet it ends 2013-06-01; a revocation may have imposed
    # more prison (3583(e)(3)), so 2016-12-15 could be too early: the deciding facts are named.
    det = answer(released(), PARDON, date(2015, 1, 1))
    assert det.outcome is Outcome.insufficient_facts
    assert set(det.missing_facts) >= {
        "supervision[0].ended_early",
        "convictions[0].sentence.revocations",
    }
    # Revoked 2013-06-01, 8 months; custody for it ends 2014-01-10: the last confinement.
    # 2014-01-10 + 5 years = 2019-01-10.
    # The revocation imposes no new supervised release ("0 months", 18 U.S.C. 3583(h)); one not
    # recorded may have been imposed and would leave the wait's end for review.
    data = revoked()
    data["convictions"][0]["sentence"]["revocations"][0]["supervised_release"] = "0 months"
    det = answer(data, PARDON, date(2015, 1, 1))
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert (det.outcome, det.date) == (Outcome.eligible_from, date(2019, 1, 11))


def test_a_revocation_term_being_served_may_be_commuted() -> None:
    # On 2013-08-01 the person is in custody on the revocation term (2013-05-20..2014-01-10).
    assert answer(revoked(), COMMUTATION, date(2013, 8, 1)).outcome is Outcome.eligible
    assert answer(revoked(), PARDON, date(2013, 8, 1)).outcome is Outcome.not_eligible


def test_a_revocation_term_without_its_custody_or_date_is_insufficient() -> None:
    for program in (PARDON, COMMUTATION):
        det = answer(revoked(custody=False), program, date(2015, 1, 1))
        assert det.outcome is Outcome.insufficient_facts, program
        assert any("revocations[0]" in m for m in det.missing_facts), program
        det = answer(revoked(custody=False, dated=False), program, date(2015, 1, 1))
        assert det.outcome is Outcome.insufficient_facts, program
        assert det.missing_facts == ["convictions[0].sentence.revocations[0].revoked_on"]


def test_probation_revoked_to_prison_starts_the_wait_at_release() -> None:
    # Probation only (no prison term): the wait would run from sentencing (the Office's reading
    # of 28 CFR 1.2's "conviction"), 2010-03-01 + 5 = 2015-03-01. Probation revoked 2012-05-01
    # with 6 months; custody 2012-05-01..2012-10-31:
    # a prison term after all, and the wait runs from release: 2012-10-31 + 5 = 2017-10-31.
    data = released()
    data["convictions"][0]["sentence"] = {"imposed_on": "2010-03-01", "probation": "3 years"}
    data["custody"] = []
    # Probation served in full: 3 years from 2010-03-01, last day 2013-02-28.
    data["supervision"] = [
        {"kind": "probation", "conviction_id": "a", "start": "2010-03-01", "end": "2013-02-28"}
    ]
    before = answer(data, PARDON, date(2011, 1, 1))
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert (before.outcome, before.date) == (Outcome.eligible_from, date(2015, 3, 2))
    # Ended 2012-05-01 with neither the revocation nor an early termination recorded: the wait
    # may run from a release after a revocation term (18 U.S.C. 3565), not from 2010-03-01.
    data["supervision"][0]["end"] = "2012-05-01"
    unexplained = answer(data, PARDON, date(2013, 1, 1))
    assert unexplained.outcome is Outcome.insufficient_facts
    assert "supervision[0].ended_early" in unexplained.missing_facts
    data["convictions"][0]["sentence"]["revocations"] = [
        {"revoked_on": "2012-05-01", "imprisonment": "6 months", "supervised_release": "0 months"}
    ]  # no supervised release to follow (one not recorded may have been imposed, 3583(h))
    data["custody"] = [
        {
            "kind": "federal_custody",
            "conviction_id": "a",
            "start": "2012-05-01",
            "end": "2012-10-31",
        }
    ]
    det = answer(data, PARDON, date(2013, 1, 1))
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert (det.outcome, det.date) == (Outcome.eligible_from, date(2017, 11, 1))


def test_a_sentence_stated_completed() -> None:
    # Completed on a day not recorded (custody has no end): the wait cannot be dated, but the
    # person is not "still serving"; nothing is left to commute.
    data = released()
    del data["custody"][0]["end"]
    data["supervision"] = []
    data["convictions"][0]["sentence"]["completed"] = True
    pardon = answer(data, PARDON, date(2021, 1, 1))
    assert pardon.outcome is Outcome.insufficient_facts
    assert pardon.missing_facts == ["custody[0].end"]
    assert "Still" not in (pardon.reason or "")
    commutation = answer(data, COMMUTATION, date(2021, 1, 1))
    assert commutation.outcome is Outcome.not_applicable
    assert "completed" in (commutation.reason or "")


def test_terms_per_count_and_a_term_of_unknown_length_are_prison_sentences() -> None:
    # Released 2020-06-01 from a prison term given per count, or of unknown length: the wait
    # runs from release, 2020-06-01 + 5 years = 2025-06-01.
    data = released()
    data["supervision"] = []
    data["custody"][0]["end"] = "2020-06-01"
    sentence = data["convictions"][0]["sentence"]
    del sentence["imprisonment"]
    data["convictions"][0]["counts"][0]["imprisonment"] = "24 months"
    det = answer(data, PARDON, date(2021, 1, 1))
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert (det.outcome, det.date) == (Outcome.eligible_from, date(2025, 6, 2))
    del data["convictions"][0]["counts"][0]["imprisonment"]
    sentence["imprisonment_length_unknown"] = True
    det = answer(data, PARDON, date(2021, 1, 1))
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert (det.outcome, det.date) == (Outcome.eligible_from, date(2025, 6, 2))


def test_a_treaty_transfer_is_outside_presidential_clemency() -> None:
    data = released()
    data["convictions"][0]["treaty_transfer"] = {"country": "Mexico"}
    for program in (PARDON, COMMUTATION):
        det = answer(data, program, date(2021, 1, 1))
        assert det.outcome is Outcome.not_applicable, program
        assert any("art. II" in f.citation for f in det.findings), program


def test_no_proclamation_or_general_grant_reaches_a_treaty_transfer() -> None:
    # Simple possession of marijuana (21 U.S.C. 844(a)) in 2015, but by a foreign court, served
    # here under a treaty: the proclamations pardon offenses against the United States only
    # (Proclamation 10467), so never "eligible"; a recorded pardon naming no conviction covers
    # federal and D.C. convictions, not this one, so time credits are not "pardoned" away.
    conviction = {
        "id": "a",
        "jurisdiction": "federal",
        "conviction_date": "2015-05-01",
        "offense_date": "2015-01-01",
        "counts": [{"statute": "21 U.S.C. 844(a)", "substance": "marijuana"}],
        "sentence": {"imposed_on": "2015-06-01", "probation": "1 year"},
        "treaty_transfer": {"country": "Mexico"},
    }
    data: dict[str, Any] = {
        "person": {"status": [{"status": "us_citizen"}]},
        "convictions": [conviction],
    }
    det = answer(data, "clemency.marijuana_pardon", date(2023, 1, 1))
    assert det.outcome is Outcome.not_eligible
    data = released()
    data["convictions"][0]["treaty_transfer"] = {"country": "Mexico"}
    data["convictions"][0]["sentence"]["imprisonment"] = "120 months"
    del data["custody"][0]["end"]
    data["supervision"] = []
    data["clemency"] = [{"kind": "pardon", "granted_on": "2018-01-02"}]
    credits = answer(data, "fsa.time_credits", date(2019, 6, 1))
    assert credits.outcome is not Outcome.not_applicable


def with_revocation(revocation: dict[str, Any], custody: bool = False) -> dict[str, Any]:
    """``released()`` with one revocation as given, and (``custody``) custody for it
    2013-05-20..2014-01-10."""
    data = revoked(custody=custody)
    data["convictions"][0]["sentence"]["revocations"] = [revocation]
    return data


IMPRISONMENT = "convictions[0].sentence.revocations[0].imprisonment"
REVOKED_ON = "convictions[0].sentence.revocations[0].revoked_on"


def test_a_revocation_without_its_term_never_dates_the_wait_from_the_first_release() -> None:
    # Released 2011-12-15: without the revocation the wait would end 2011-12-15 + 5 years =
    # 2016-12-15. A revocation with no term recorded may have imposed prison (18 U.S.C.
    # 3583(e)(3)), and the wait runs from release from the last confinement (28 CFR 1.2): that
    # release is unknown, so both petitions lack a fact and name the term.
    for revocation, also in (
        ({}, REVOKED_ON),  # neither date nor term
        ({"revoked_on": "2013-06-01"}, "custody[]"),  # dated, no term, no custody after it
        ({"revoked_on": "2013-06-01", "supervised_release": "2 years"}, "custody[]"),
    ):
        for program in (PARDON, COMMUTATION):
            det = answer(with_revocation(revocation), program, date(2015, 1, 1))
            assert det.outcome is Outcome.insufficient_facts, (revocation, program)
            assert det.date is None
            assert IMPRISONMENT in det.missing_facts, (revocation, program)
            assert any(m.startswith(also) for m in det.missing_facts), (revocation, program)


def test_a_revocation_without_its_term_but_with_custody_after_it_still_needs_the_term() -> None:
    # Custody 2013-05-20..2014-01-10 follows the revocation of 2013-06-01, but with no term
    # recorded nothing says that custody is the whole of it: the term is the missing fact
    # (never 2014-01-10 + 5 = 2019-01-10 read on its own, nor 2016-12-15).
    det = answer(
        with_revocation({"revoked_on": "2013-06-01"}, custody=True), PARDON, date(2020, 1, 1)
    )
    assert det.outcome is Outcome.insufficient_facts
    assert det.missing_facts == [IMPRISONMENT]
    # On 2013-08-01 the person is in that custody: a sentence being served, whatever the term
    # (28 CFR 1.3 commutation; no pardon petition while confined, 28 CFR 1.2).
    during = with_revocation({"revoked_on": "2013-06-01"}, custody=True)
    assert answer(during, COMMUTATION, date(2013, 8, 1)).outcome is Outcome.eligible
    assert answer(during, PARDON, date(2013, 8, 1)).outcome is Outcome.not_eligible


def test_a_revocation_after_the_day_asked_is_weighed_on_the_day_the_wait_would_end() -> None:
    # Asked 2015-01-01; revoked 2016-01-01 (after that day). The wait from the first release
    # would end 2016-12-15, after the revocation: its term (not recorded, or recorded without
    # custody) may push the release later, so no date is given and the answer is not eligible
    # (the wait is not over on 2015-01-01).
    for revocation in (
        {"revoked_on": "2016-01-01"},
        {"revoked_on": "2016-01-01", "imprisonment": "8 months"},
    ):
        det = answer(with_revocation(revocation), PARDON, date(2015, 1, 1))
        assert (det.outcome, det.date) == (Outcome.not_eligible, None), revocation
    # Asked 2017-01-01, after the revocation of 2016-01-01 with no term: the term is missing.
    det = answer(with_revocation({"revoked_on": "2016-01-01"}), PARDON, date(2017, 1, 1))
    assert det.outcome is Outcome.insufficient_facts
    assert IMPRISONMENT in det.missing_facts


def test_a_revocation_term_recorded_as_zero_is_no_confinement() -> None:
    # Revoked 2013-06-01 with no prison ("0 months") and no new supervised release: the last
    # confinement stays the first term, released 2011-12-15; 2011-12-15 + 5 years = 2016-12-15.
    revocation = {"revoked_on": "2013-06-01", "imprisonment": "0 months"}
    det = answer(
        with_revocation({**revocation, "supervised_release": "0 months"}),
        PARDON,
        date(2015, 1, 1),
    )
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert (det.outcome, det.date) == (Outcome.eligible_from, date(2016, 12, 16))


def test_probation_revoked_with_no_term_recorded_is_not_dated_from_sentencing() -> None:
    # Probation only, imposed 2010-03-01: without the revocation, 2010-03-01 + 5 = 2015-03-01.
    # Probation revoked 2012-05-01 (18 U.S.C. 3565) with no term recorded: prison may have been
    # imposed, and the wait would run from release from it, which is unknown.
    data = released()
    data["convictions"][0]["sentence"] = {
        "imposed_on": "2010-03-01",
        "probation": "3 years",
        "revocations": [{"revoked_on": "2012-05-01"}],
    }
    data["custody"] = []
    data["supervision"] = [
        {"kind": "probation", "conviction_id": "a", "start": "2010-03-01", "end": "2012-05-01"}
    ]
    for program in (PARDON, COMMUTATION):
        det = answer(data, program, date(2013, 1, 1))
        assert det.outcome is Outcome.insufficient_facts, program
        assert IMPRISONMENT in det.missing_facts, program
