"""Review s19f: the earliest end of a prison term (``facts.earliest_end``), the life-term check
and commuted terms, read once for the SBA's status tests and the clemency petitions. Every
expected value is worked by hand from the record and the statute quoted."""

from __future__ import annotations

from typing import Any

from tests.record.test_unrecorded_s19d import (
    FEDERAL_SENTENCE,
    PREFIX,
    _federal,
    _period,
    _person,
    _petition,
    _sba,
)


def _supervised(start: str, end: str) -> dict[str, Any]:
    return {"kind": "supervised_release", "conviction_id": "c1", "start": start, "end": end}


def test_o1_a_term_commuted_to_a_new_term_replaces_the_one_imposed() -> None:
    # (a) Life imposed 1990-03-01, commuted 2016-08-01 to 360 months; custody 1989-06-01 to
    # 2017-01-01, supervised release 2017-01-01 to 2020-01-01. The commuted term replaces life
    # (the warrant), so the life check does not apply. Its bound: from 1989-06-01 + 360 months
    # = 2019-06-01, less at most 1,622 days of good conduct time (ceil(54 x 10,957 / 365) =
    # ceil(1,621.04); 10,957 = 30 x 365 + 7 leap days) and 24 months (First Step Act, drug
    # program) is about 2012-12: custody ending 2017-01-01 is after it, so it is the release.
    # Pardon: 5 years from release (28 CFR 1.2) = 2022-01-01; SBA on 2021-06-01: supervision
    # ended 2020-01-01, not in custody: eligible. (Both read insufficient_facts, "no
    # commutation ... is recorded".)
    sentence = FEDERAL_SENTENCE | {"imposed_on": "1990-03-01", "imprisonment": "life"}
    sentence["commutations"] = [{"granted_on": "2016-08-01", "new_imprisonment": "360 months"}]
    rec = _person(
        [_federal(sentence, "1990-01-10")],
        [_period("designated_facility", "1989-06-01", "2017-01-01")],
    )
    rec["supervision"] = [_supervised("2017-01-01", "2020-01-01")]
    det = _petition(rec, "2021-06-01", "clemency.pardon_petition")
    assert det.outcome.value == "eligible_from"
    assert str(det.eligible_from_date) == "2022-01-01"
    assert _sba(rec, "2021-06-01").outcome.value == "eligible"

    # (b) 240 months imposed 2005-03-01, commuted 2012-08-01 to 120 months; custody 2005-03-01
    # to 2013-08-15. Bound of the 120 months: 2015-03-01 (3,652 days: leap days 2008, 2012)
    # less ceil(54 x 3,652 / 365) = ceil(540.28) = 541 days = 2013-09-06 (2014-03-01 is 365
    # back; 176 more: 24 + 31 + 30 + 31 + 31 + 28 + 1), less 24 months = 2011-09-06: custody
    # ending 2013-08-15 is after it. Pardon on 2019-06-01: supervision ended 2016-08-15, wait
    # ended 2013-08-15 + 5 years = 2018-08-15: eligible. (Both read insufficient_facts: the
    # 240 months' bound, about 2020, was used.)
    sentence = FEDERAL_SENTENCE | {"imposed_on": "2005-03-01", "imprisonment": "240 months"}
    sentence["commutations"] = [{"granted_on": "2012-08-01", "new_imprisonment": "120 months"}]
    rec = _person(
        [_federal(sentence, "2005-01-10")],
        [_period("designated_facility", "2005-03-01", "2013-08-15")],
    )
    rec["supervision"] = [_supervised("2013-08-15", "2016-08-15")]
    assert _petition(rec, "2019-06-01", "clemency.pardon_petition").outcome.value == "eligible"
    assert _sba(rec, "2019-06-01").outcome.value == "eligible"


def test_o1_a_commutation_granted_after_the_release_does_not_explain_it() -> None:
    # Life imposed 1990-03-01; custody ends 2015-06-01; commuted to 360 months only on
    # 2016-08-01, after the release: the warrant acts from its grant, so it cannot explain the
    # 2015 release from a life term: still insufficient_facts.
    sentence = FEDERAL_SENTENCE | {"imposed_on": "1990-03-01", "imprisonment": "life"}
    sentence["commutations"] = [{"granted_on": "2016-08-01", "new_imprisonment": "360 months"}]
    rec = _person(
        [_federal(sentence, "1990-01-10")],
        [_period("designated_facility", "1989-06-01", "2015-06-01")],
    )
    det = _petition(rec, "2021-06-01", "clemency.pardon_petition")
    assert det.outcome.value == "insufficient_facts"
    assert _sba(rec, "2021-06-01").outcome.value == "insufficient_facts"
    assert f"{PREFIX}custody[0].end" in _sba(rec, "2021-06-01").missing_facts
