"""Review s22 (earliest end): custody far shorter than the term is not the release. The earliest
end of a prison term (``facts.earliest_end``) bounds the First Step Act and drug-program
reductions by the custody they need, for the SBA's status tests and the clemency petitions
alike. Every expected value is worked by hand from the record and the statute quoted."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.law.clemency.facts import earliest_end
from secondchance.record.load import validate
from secondchance.record.unrecorded import release_from_custody
from tests.record.test_unrecorded_s19d import PREFIX, _federal, _period, _person, _petition, _sba


def _fraud(imposed: str, term: str = "24 months", **more: Any) -> dict[str, Any]:
    sentence = {"imposed_on": imposed, "imprisonment": term, "fine_owed": 0} | more
    return _federal(sentence | {"restitution_owed": 0}, imposed)


# 24 months imposed 2024-01-10 (custody from 2024-02-01): full term 2026-01-10, 731 days (leap
# day 2024-02-29); good conduct time at most ceil(54 x 731 / 365) = ceil(108.1) = 109 days
# (18 U.S.C. 3624(b)) -> 2025-09-23 (2026-01-10 less 10 = 2025-12-31, less 99: Dec 31, Nov 30,
# Oct 31 = 92 -> 2025-09-30, less 7 more).
# Time credits are earned only by days in custody after the term commences (no earlier than
# the imposition, 2024-01-10; 28 CFR 523.42(a)), at most 15 days per 30 (3632(d)(4)(A)):
# * no drug program: release E needs E - 2024-01-10 = d days with d + ceil(d / 2) >= the 622
#   days from 2024-01-10 to 2025-09-23 (366 + 243 + 13); d = 414 gives 621, d = 415 gives 623:
#   2025-02-28 (2024-01-10 + 366 = 2025-01-10, + 49); the 12-month cap (2024-09-23) is earlier.
# * with the drug program (up to 12 months, 3621(e)(2)(B)): 2025-09-23 less 12 months =
#   2024-09-23, 257 days from 2024-01-10 (21 + 29 + 31 + 30 + 31 + 30 + 31 + 31 + 23); d = 171
#   gives 171 + 86 = 257: 2024-06-29; but the program's residential component lasts at least 6
#   months after commencement (28 CFR 550.53(a)(1)): not before 2024-07-10.
# Earliest end: the earlier of 2025-02-28 and 2024-07-10 = 2024-07-10. (Before: 2025-09-23 less
# 24 months = 2023-09-23, before the imposition itself: it bounded nothing.)
EARLIEST_2024 = "2024-07-10"


def _cu4(end: str, **more: Any) -> dict[str, Any]:
    return _person([_fraud("2024-01-10", **more)], [_period("federal_custody", "2024-02-01", end)])


def test_one_month_of_a_24_month_term_is_not_the_release_sba() -> None:
    # Review record cu4: custody 2024-02-01 to 2024-03-01 only; on 2024-06-03 (before the
    # earliest end, 2024-07-10) whether the owner is still serving the term is not recorded.
    # Before the fix: eligible, the release taken as 2024-03-01.
    det = _sba(_cu4("2024-03-01"), "2024-06-03")
    assert det.outcome.value == "insufficient_facts"
    assert f"{PREFIX}custody[0].end" in det.missing_facts
    assert f"{PREFIX}convictions[0].sentence.commutations" in det.missing_facts


def test_the_drug_program_floor_is_the_bound_to_the_day() -> None:
    # Custody to 2024-07-10 (the earliest end above) may be a lawful release; to 2024-07-09 not.
    rec = validate(_cu4("2024-07-10"), "t")
    assert release_from_custody(rec, rec.convictions[0], date(2024, 8, 1)) == date(2024, 7, 10)
    rec = validate(_cu4("2024-07-09"), "t")
    assert release_from_custody(rec, rec.convictions[0], date(2024, 8, 1)) is None


def test_time_credits_bound_a_short_term_to_the_day() -> None:
    # 8 months imposed 2024-01-10, custody from that day: full term 2024-09-10, 244 days (21 +
    # 29 + 31 + 30 + 31 + 30 + 31 + 31 + 10); no good conduct time (a term of not more than a
    # year, 3624(b)(1)). Credits: d + ceil(d / 2) >= 244: d = 162 gives 243, d = 163 gives 245:
    # 2024-01-10 + 163 = 2024-06-21. The drug program needs 6 months: 2024-07-10, later. Earliest
    # end 2024-06-21.
    def rec(end: str) -> Any:
        data = _person(
            [_fraud("2024-01-10", "8 months")],
            [_period("designated_facility", "2024-01-10", end)],
        )
        return validate(data, "t")

    day = date(2024, 8, 1)
    lawful, short = rec("2024-06-21"), rec("2024-06-20")
    assert release_from_custody(lawful, lawful.convictions[0], day) == date(2024, 6, 21)
    assert release_from_custody(short, short.convictions[0], day) is None


def test_a_term_before_the_first_step_act_earns_no_credits() -> None:
    # Review record cu7: 24 months imposed 2014-01-10, custody 2014-02-01 to 2014-03-01. Full
    # term 2016-01-10, 730 days; good conduct time ceil(54 x 730 / 365) = 108 days ->
    # 2015-09-24. No time credits for days before 2018-12-21 (3632(d)(4)(B)(i)); less 12
    # months of drug program = 2014-09-24 (its 6 months end 2014-07-10, earlier). The pardon
    # wait cannot run from 2014-03-01. Before the fix: eligible (the wait ended 2019-03-01).
    rec = _person([_fraud("2014-01-10")], [_period("federal_custody", "2014-02-01", "2014-03-01")])
    det = _petition(rec, "2024-06-03", "clemency.pardon_petition")
    assert det.outcome.value == "insufficient_facts"
    assert "custody[0].end" in det.missing_facts
    assert "convictions[0].sentence.commutations" in det.missing_facts
    assert "not before 2014-09-24" in " ".join(f.finding for f in det.findings)


def test_a_recorded_commutation_still_releases_before_any_bound() -> None:
    # A commutation (U.S. Const. art. II, sec. 2) to time served, setting the release on
    # 2024-03-01 (granted 2024-02-28): the release is that day, before
    # the bound of 2024-07-10; on 2024-06-03 the owner is not serving (no supervised release
    # recorded): eligible.
    grant = {"granted_on": "2024-02-28", "new_release_date": "2024-03-01"}
    rec = _cu4("2024-03-01", commutations=[grant])
    loaded = validate(rec, "t")
    on = date(2024, 6, 3)
    assert release_from_custody(loaded, loaded.convictions[0], on) == date(2024, 3, 1)
    assert _sba(rec, "2024-06-03").outcome.value == "eligible"


def test_a_resolved_reduction_motion_is_named_not_taken() -> None:
    # A motion to reduce the sentence resolved 2024-02-20: what the court ordered is not
    # recorded, so the release is still not known; the reason names the motion.
    rec = _cu4("2024-03-01")
    rec["court_challenges"] = [
        {
            "kind": "sentence_reduction",
            "conviction_id": "c1",
            "filed_on": "2024-02-01",
            "resolved_on": "2024-02-20",
        }
    ]
    det = _petition(rec, "2024-06-03", "clemency.pardon_petition")
    assert det.outcome.value == "insufficient_facts"
    assert "court_challenges[0]" in " ".join(f.finding for f in det.findings)


def test_another_prison_term_keeps_the_loose_bound() -> None:
    # With other terms the Bureau aggregates them (18 U.S.C. 3584(c)) and credits or the drug
    # program may have been earned before this term was imposed: the bound takes off the full
    # reductions, 2025-09-23 less 24 months = 2023-09-23; alone it is 2024-07-10 (above).
    rec = validate(_cu4("2024-03-01"), "t")
    conviction = rec.convictions[0]
    assert conviction.sentence is not None
    term = conviction.sentence.imprisonment
    periods = list(rec.custody)
    assert earliest_end(conviction, term, periods) == date(2023, 9, 23)
    assert earliest_end(conviction, term, periods, alone=True) == date.fromisoformat(EARLIEST_2024)


def test_an_old_law_offense_keeps_the_loose_bound() -> None:
    # An offense recorded on 1987-06-01, before parole was abolished (offenses from 1987-11-01):
    # parole may release earlier (18 U.S.C. 4205, repealed), so the custody-based bounds are not
    # applied: 24 months imposed 1990-01-10, full term 1992-01-10 (730 days), less 108 days of
    # good conduct time = 1991-09-24, less 24 months = 1989-09-24; custody ending 1990-06-01 is
    # after it and is the release.
    conv = _fraud("1990-01-10") | {"offense_date": "1987-06-01"}
    data = _person([conv], [_period("federal_custody", "1990-01-10", "1990-06-01")])
    rec = validate(data, "t")
    assert release_from_custody(rec, rec.convictions[0], date(1995, 1, 1)) == date(1990, 6, 1)


def test_time_credits_do_not_take_short_custody_as_a_term_ended_before_the_act() -> None:
    # 120 months imposed 2014-01-10, custody 2014-02-01 to 2014-03-01 only. Full term
    # 2024-01-10 (3,652 days: leap days 2016, 2020), less ceil(54 x 3652 / 365) = 541 days of
    # good conduct time = 2022-07-18. Credits from 2018-12-21 (3632(d)(4)(B)(i)):
    # * no drug program: 2022-07-18 less 12 months = 2021-07-18 (the 1,305 days from 2018-12-21
    #   to 2022-07-18 need d = 870: 870 + 435 = 1305, 2021-05-09, earlier than the cap);
    # * drug program: 2021-07-18, 940 days from 2018-12-21; d = 627 gives 627 + 314 = 941 (626
    #   gives 939): 2018-12-21 + 627 = 2020-09-08; later than 2020-07-18 (both 12 months off)
    #   and than the program's 6 months (2014-07-10).
    # The custody end, 2014-03-01, is not the release; the term may have run past 2018-12-21,
    # so "ended before the Act" (not_applicable) is not known. Before the fix: not_applicable.
    rec = _person(
        [_fraud("2014-01-10", "120 months")],
        [_period("federal_custody", "2014-02-01", "2014-03-01")],
    )
    det = _petition(rec, "2024-06-03", "fsa.time_credits")
    assert det.outcome.value == "insufficient_facts"
    assert "custody[0].end" in det.missing_facts
    assert "not before 2020-09-08" in " ".join(f.finding for f in det.findings)
