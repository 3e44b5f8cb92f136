"""Review s19d, D1-D7: the release from a prison term, its short custody and the tolling of
supervised release and probation, read once for the SBA's status tests and the clemency
petitions (``secondchance.record.unrecorded``, ``secondchance.law.clemency.facts``). Every
expected value is worked by hand from the record and the statute quoted."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.api import evaluate
from secondchance.engine import Determination
from secondchance.law.registry import program
from secondchance.record.load import validate
from secondchance.record.unrecorded import unrecorded_terms
from tests.sba.builders import owner, person, record

FEDERAL_SENTENCE = {
    "imposed_on": "2016-07-15",
    "imprisonment": "120 months",
    "supervised_release": "3 years",
    "fine_owed": 0,
    "restitution_owed": 0,
}
# The earliest the 120 months imposed 2016-07-15 could end by serving them, counted from the
# sentencing (facts.earliest_end): the full term ends 2026-07-15, 3,652 days on (ten years, leap
# days 2020-02-29 and 2024-02-29); good conduct time at most ceil(54 x 3652 / 365) =
# ceil(540.28) = 541 days: 2026-07-15 less 365 = 2025-07-15, less 176 more = 2025-01-20
# (2025-01-20 -> 07-15: 11 + 28 + 31 + 30 + 31 + 30 + 15 = 176); less 12 months of First Step
# Act transfer and 12 of drug-program reduction: 2023-01-20. Custody ending 2017-07-14 is
# short of it.


def _federal(sentence: dict[str, Any], convicted: str = "2016-03-01") -> dict[str, Any]:
    return {
        "id": "c1",
        "jurisdiction": "federal",
        "conviction_date": convicted,
        "counts": [{"statute": "21 U.S.C. 841(a)(1)", "felony": True}],
        "sentence": sentence,
    }


def _state(imposed: str, term: str, **more: Any) -> dict[str, Any]:
    return {
        "id": "s1",
        "jurisdiction": "state",
        "state": "TX",
        "conviction_date": imposed,
        "counts": [{"statute": "Tex. Penal Code 29.02", "felony": True}],
        "sentence": {"imposed_on": imposed, "imprisonment": term, "fine_owed": 0}
        | {"restitution_owed": 0}
        | more,
    }


def _person(convictions: list[dict[str, Any]], custody: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "person": {"status": [{"status": "us_citizen"}]},
        "convictions": convictions,
        "custody": custody,
    }


def _period(kind: str, start: str, end: str | None, cid: str | None = "c1") -> dict[str, Any]:
    return {"kind": kind, "conviction_id": cid, "start": start, "end": end}


def _sba(rec: dict[str, Any], day: str, program_id: str = "sba.7a") -> Determination:
    data = record(person("P", [owner(100, start="2000-01-01")], **rec))
    return _evaluate(data, day, program_id)


def _petition(rec: dict[str, Any], day: str, program_id: str) -> Determination:
    return _evaluate(rec, day, program_id)


def _evaluate(data: dict[str, Any], day: str, program_id: str) -> Determination:
    on = date.fromisoformat(day)
    report = evaluate(
        validate(data, "test"), as_of=on, application_date=on, programs=[program(program_id)]
    )
    return report.determinations[0]


SHORT = [_period("designated_facility", "2016-07-15", "2017-07-14")]
PREFIX = "business.people[0].record."


def test_d1_a_commutation_not_yet_granted_does_not_hide_short_custody() -> None:
    # Commutation granted 2025-01-20 releasing 2025-03-01. On 2024-06-01 it is not granted, so
    # the custody ending 2017-07-14 (before 2023-01-20, above) is not the release: whether P is
    # in custody is not recorded (it read eligible).
    grant = {"granted_on": "2025-01-20", "new_release_date": "2025-03-01"}
    rec = _person([_federal(FEDERAL_SENTENCE | {"commutations": [grant]})], SHORT)
    det = _sba(rec, "2024-06-01")
    assert det.outcome.value == "insufficient_facts"
    assert f"{PREFIX}custody[0].end" in det.missing_facts


def test_d1_a_commutation_releasing_before_its_grant_sets_no_release() -> None:
    # Granted 2021-01-19, releasing 2019-03-01: a warrant cannot release anyone before it is
    # granted, so one date is wrong; the release is not known (the petitions: contradiction).
    # Before the grant (2020-08-01) the custody is short; after it (2024-06-01) the dates
    # contradict each other: insufficient_facts both days (it read eligible).
    grant = {"granted_on": "2021-01-19", "new_release_date": "2019-03-01"}
    rec = _person([_federal(FEDERAL_SENTENCE | {"commutations": [grant]})], SHORT)
    assert _sba(rec, "2020-08-01").outcome.value == "insufficient_facts"
    det = _sba(rec, "2024-06-01")
    assert det.outcome.value == "insufficient_facts"
    at = f"{PREFIX}convictions[0].sentence.commutations[0]"
    assert {f"{at}.new_release_date", f"{at}.granted_on"} <= set(det.missing_facts)


def test_d1_supervised_release_runs_from_the_commuted_release() -> None:
    # Granted 2021-01-19 releasing 2021-03-01 (on a condition). The release is the commuted
    # one, as the commutation petition reads it: 3 years of supervised release from 2021-03-01
    # -> first day after 2024-03-01 (18 U.S.C. 3624(e)). On 2022-01-01 it may still run with
    # no supervision period recorded: needs_review (it read the term from 2017-07-14, over
    # 2020-07-14: eligible).
    grant = {
        "granted_on": "2021-01-19",
        "new_release_date": "2021-03-01",
        "terms": "on condition that he enroll in drug treatment",
    }
    data = _person([_federal(FEDERAL_SENTENCE | {"commutations": [grant]})], SHORT)
    found = unrecorded_terms(validate(data, "test"), date(2022, 1, 1))
    assert [(u.start, u.ends) for u in found] == [(date(2021, 3, 1), date(2024, 3, 1))]
    assert _sba(data, "2022-01-01").outcome.value == "needs_review"


def test_d6_old_custody_of_another_kind_or_time_does_not_hide_short_custody() -> None:
    # c1's custody 2016-07-15..2017-07-14 is short of 2023-01-20 (above). Older custody naming
    # no conviction does not lower that bound: state custody naming none is not federal
    # service, and federal custody that ended (2000-03-01) years before the conviction
    # (2016-03-01) served something else (no credit, 18 U.S.C. 3585(b)). On 2024-06-01 whether
    # P is in custody is not recorded (SBA read eligible; the pardon read the wait as over
    # 2017-07-14 + 5 years = 2022-07-14).
    for kind in ("state_custody", "pretrial_detention", "designated_facility"):
        old = _period(kind, "2000-01-01", "2000-03-01", None)
        rec = _person([_federal(dict(FEDERAL_SENTENCE))], [old, *SHORT])
        det = _sba(rec, "2024-06-01")
        assert det.outcome.value == "insufficient_facts", kind
        assert f"{PREFIX}custody[1].end" in det.missing_facts, kind
    det = _petition(rec, "2024-06-01", "clemency.pardon_petition")
    assert det.outcome.value == "insufficient_facts"
    assert "custody[1].end" in det.missing_facts


def test_d7_a_life_term_is_not_served_by_custody_that_ends() -> None:
    # Life imposed 2000-03-01; custody ends 2012-01-01 with no commutation, reduction or parole
    # recorded. Life earns no good conduct time (18 U.S.C. 3624(b)) and has no end by serving
    # it, so the release is not known: insufficient_facts naming the commutation that would
    # explain it (the pardon read the wait as over 2012-01-01 + 5 years = 2017-01-01).
    sentence = FEDERAL_SENTENCE | {"imposed_on": "2000-03-01", "imprisonment": "life"}
    rec = _person(
        [_federal(sentence, "2000-01-10")],
        [_period("designated_facility", "2000-03-01", "2012-01-01")],
    )
    det = _petition(rec, "2018-01-01", "clemency.pardon_petition")
    assert det.outcome.value == "insufficient_facts"
    assert "convictions[0].sentence.commutations" in det.missing_facts
    det = _sba(rec, "2018-01-01")
    assert det.outcome.value == "insufficient_facts"
    assert f"{PREFIX}convictions[0].sentence.commutations" in det.missing_facts


def test_d5_other_custody_beginning_after_sentencing_may_delay_the_federal_term() -> None:
    # 60 months imposed 2010-01-05, no federal custody recorded; state custody 2010-02-01 to
    # 2014-01-01. Counted from sentencing the term ends 2015-01-05 (first day after), but it
    # commences only when P is received to serve it (18 U.S.C. 3585(a)): the state custody
    # begins (2010-02-01) before 2015-01-05, so on 2015-06-01 whether P is in federal custody
    # is not recorded (it read eligible).
    sentence = FEDERAL_SENTENCE | {"imposed_on": "2010-01-05", "imprisonment": "60 months"}
    sentence["supervised_release"] = "0 months"
    rec = _person(
        [_federal(sentence, "2009-10-01"), _state("2010-06-01", "4 years")],
        [_period("state_custody", "2010-02-01", "2014-01-01", "s1")],
    )
    det = _sba(rec, "2015-06-01")
    assert det.outcome.value == "insufficient_facts"


def _tolling(
    later: list[dict[str, Any]], state: tuple[str, str] = ("2003-02-01", "10 years")
) -> dict[str, Any]:
    sentence = FEDERAL_SENTENCE | {"imposed_on": "2002-03-01", "imprisonment": "36 months"}
    sentence["supervised_release"] = "5 years"
    return _person(
        [_federal(sentence, "2002-01-10"), _state(*state)],
        [_period("designated_facility", "2002-03-01", "2005-01-01"), *later],
    )


def test_d2_custody_from_the_release_day_tolls_supervised_release() -> None:
    # Released 2005-01-01 to state custody the same day (or from 2004-06-01), held to
    # 2012-01-01. 5 years from 2005-01-01: first day after 2010-01-01. Every day after the
    # release in custody tolls it (18 U.S.C. 3624(e)): 2005-01-02..2012-01-01 = 2,556 days
    # (2005-01-02 -> 2012-01-02 is 7 x 365 + 1 leap day (2008) = 2,556 days, less 1, plus the
    # last day). 2010-01-01 + 2,556: to 2017-01-01 is 365 + 365 + 366 + 365 + 365 + 365 + 366
    # = 2,557 days, so 2016-12-31. On 2014-06-01 the term may run: needs_review (it read
    # eligible: the custody did not start after the release).
    for start in ("2005-01-01", "2004-06-01"):
        rec = _tolling([_period("state_custody", start, "2012-01-01", "s1")])
        found = [u for u in unrecorded_terms(validate(rec, "test"), date(2014, 6, 1)) if u.kind]
        assert [u.ends for u in found] == [date(2016, 12, 31)], start
        assert _sba(rec, "2014-06-01").outcome.value == "needs_review", start


def test_d4_adjoining_custody_periods_are_one_imprisonment() -> None:
    # State custody 2007-02-01..02-25 (25 days) then 2007-02-26..03-20 (23 days): one
    # imprisonment of 48 consecutive days, 30 or more, so it tolls (18 U.S.C. 3624(e)). The
    # term from 2005-01-01 ends 2010-01-01 untolled; + 48 days = 2010-02-18 (January 31 days,
    # then 17). On 2010-01-05 it may still run: needs_review (it read eligible).
    rec = _tolling(
        [
            _period("state_custody", "2007-02-01", "2007-02-25", "s1"),
            _period("state_custody", "2007-02-26", "2007-03-20", "s1"),
        ],
        ("2007-03-01", "6 months"),
    )
    found = [u for u in unrecorded_terms(validate(rec, "test"), date(2010, 1, 5)) if u.kind]
    assert [u.ends for u in found] == [date(2010, 2, 18)]
    assert _sba(rec, "2010-01-05").outcome.value == "needs_review"


def test_d3_probation_does_not_run_during_imprisonment() -> None:
    # 5 years of probation imposed 2010-03-01: first day after 2015-03-01 untolled. State
    # imprisonment 2011-05-01..2014-05-01: probation does not run while imprisoned 30
    # consecutive days or more (18 U.S.C. 3564(b)). Days with both ends: 2011-05-01 ->
    # 2014-05-01 is 366 (over 2012-02-29) + 365 + 365 = 1,096, + 1 = 1,097. 2015-03-01 + 1,097:
    # to 2018-03-01 is 366 (over 2016-02-29) + 365 + 365 = 1,096, so 2018-03-02. On 2016-06-01
    # probation may run with no period recorded: insufficient_facts (it read eligible).
    sentence = {"imposed_on": "2010-03-01", "probation": "5 years", "fine_owed": 0}
    sentence["restitution_owed"] = 0
    rec = _person(
        [_federal(sentence, "2010-01-04"), _state("2011-05-01", "3 years")],
        [_period("state_custody", "2011-05-01", "2014-05-01", "s1")],
    )
    found = unrecorded_terms(validate(rec, "test"), date(2016, 6, 1))
    assert [(u.path, u.ends) for u in found] == [
        ("convictions[0].sentence.probation", date(2018, 3, 2))
    ]
    for program_id in ("sba.7a", "sba.microloan"):
        assert _sba(rec, "2016-06-01", program_id).outcome.value == "insufficient_facts"
