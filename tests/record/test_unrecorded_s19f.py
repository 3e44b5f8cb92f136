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
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert str(det.eligible_from_date) == "2022-01-02"
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


def _wire_fraud(offense: str | None) -> dict[str, Any]:
    sentence = FEDERAL_SENTENCE | {"imposed_on": "2012-03-01", "imprisonment": "120 months"}
    conv = _federal(sentence, "2012-01-10")
    if offense is not None:
        conv["offense_date"] = offense
    return conv


def test_d1_custody_before_the_offense_does_not_lower_the_earliest_end() -> None:
    # 120 months imposed 2012-03-01, offense 2010-06-01, one custody period 2000-01-01 to
    # 2014-01-01 (an offense committed in prison). Credit runs only for custody after the
    # offense (18 U.S.C. 3585(b)), so the bound counts from 2010-06-01: + 120 months =
    # 2020-06-01 (3,653 days: leap days 2012, 2016, 2020), less ceil(54 x 3,653 / 365) =
    # ceil(540.44) = 541 days = 2018-12-08 (2019-06-01 is 366 back; 175 more: 23 + 31 + 28 +
    # 31 + 30 + 31 + 1), less 24 months = 2016-12-08. Custody ending 2014-01-01 is short of it:
    # the release is not known (it counted from 2000-01-01 and read eligible; pardon: wait over
    # 2019-01-01). Linked or naming no conviction (the only one), the same. With no offense
    # date, designated-facility custody begun before the sentencing counts from it (3585(a)):
    # 2022-03-01 less 541 days and 24 months (2018-09-06, below), again short.
    for offense, cid in (("2010-06-01", None), ("2010-06-01", "c1"), (None, "c1")):
        rec = _person(
            [_wire_fraud(offense)],
            [_period("designated_facility", "2000-01-01", "2014-01-01", cid)],
        )
        det = _sba(rec, "2019-06-01")
        assert det.outcome.value == "insufficient_facts", (offense, cid)
        assert f"{PREFIX}custody[0].end" in det.missing_facts
        det = _petition(rec, "2019-06-01", "clemency.pardon_petition")
        assert det.outcome.value == "insufficient_facts", (offense, cid)
        assert "custody[0].end" in det.missing_facts


def test_d1b_pretrial_detention_credited_to_another_sentence_does_not_count() -> None:
    # Offense 2004-06-01; pretrial detention 2004-07-01 to 2012-03-01 credited against another
    # sentence; 120 months imposed 2012-03-01, custody to 2014-01-01. 3585(b) credits only
    # time "that has not been credited against another sentence", so the bound counts from
    # 2012-03-01: + 120 months = 2022-03-01 (3,652 days: leap days 2016, 2020), less 541 days
    # (ceil(54 x 3,652 / 365) = ceil(540.28)) = 2020-09-06 (2021-03-01 is 365 back; 176 more:
    # 24 + 31 + 30 + 31 + 31 + 28 + 1), less 24 months = 2018-09-06. Custody ending 2014-01-01
    # is short of it (it counted from 2004-07-01 and read eligible).
    pretrial = _period("pretrial_detention", "2004-07-01", "2012-03-01") | {
        "credited_to_other_sentence": True
    }
    rec = _person(
        [_wire_fraud("2004-06-01")],
        [pretrial, _period("designated_facility", "2012-03-01", "2014-01-01")],
    )
    det = _sba(rec, "2019-06-01")
    assert det.outcome.value == "insufficient_facts"
    assert f"{PREFIX}custody[1].end" in det.missing_facts
    det = _petition(rec, "2019-06-01", "clemency.pardon_petition")
    assert det.outcome.value == "insufficient_facts"
    assert "custody[1].end" in det.missing_facts


def _life(offense: str, imposed: str, released: str, parole: dict[str, Any]) -> dict[str, Any]:
    sentence = FEDERAL_SENTENCE | {"imposed_on": imposed, "imprisonment": "life"}
    del sentence["supervised_release"]
    conv = _federal(sentence, imposed) | {"offense_date": offense}
    rec = _person([conv], [_period("designated_facility", imposed, released)])
    rec["supervision"] = [parole]
    return rec


def test_d2_only_linked_parole_on_an_old_law_offense_ends_a_life_term() -> None:
    # Life for an offense of 2000-01-01, custody to 2012-01-01, parole 2012-01-01..2014-01-01.
    # Federal parole was abolished for offenses on or after 1987-11-01 (Sentencing Reform Act
    # of 1984; U.S. Parole Commission FAQ). Both read eligible (pardon: wait over 2012-01-01 +
    # 5 years = 2017-01-01; SBA on 2019-06-01).
    # (a) The parole names no conviction: whose it is is not recorded: insufficient_facts.
    parole = {"kind": "parole", "start": "2012-01-01", "end": "2014-01-01"}
    rec = _life("2000-01-01", "2001-03-01", "2012-01-01", parole)
    det = _petition(rec, "2019-06-01", "clemency.pardon_petition")
    assert det.outcome.value == "insufficient_facts"
    assert "supervision[0].conviction_id" in det.missing_facts
    assert _sba(rec, "2019-06-01").outcome.value == "insufficient_facts"
    # (b) Linked to c1, on a 2000 offense: no parole exists for it, the record contradicts
    # itself: the pardon needs_review; the SBA, not knowing the release, insufficient_facts.
    rec = _life("2000-01-01", "2001-03-01", "2012-01-01", parole | {"conviction_id": "c1"})
    det = _petition(rec, "2019-06-01", "clemency.pardon_petition")
    assert det.outcome.value == "needs_review"
    assert _sba(rec, "2019-06-01").outcome.value == "insufficient_facts"
    # (c) Old law: offense 1979-05-01 (before 1987-11-01), life imposed 1980-03-01, custody to
    # 1995-01-01, linked parole to 2005-01-01: the release on parole is the release; pardon
    # wait over 1995-01-01 + 5 years = 2000-01-01, supervision over 2005-01-01: eligible.
    old = {"kind": "parole", "conviction_id": "c1", "start": "1995-01-01", "end": "2005-01-01"}
    rec = _life("1979-05-01", "1980-03-01", "1995-01-01", old)
    assert _petition(rec, "2019-06-01", "clemency.pardon_petition").outcome.value == "eligible"
    assert _sba(rec, "2019-06-01").outcome.value == "eligible"


def test_a_consecutive_term_counts_from_its_imposition() -> None:
    # Contraband in prison (offense 2010-06-01) while serving another term; 60 months imposed
    # 2012-03-01 consecutive to it; one custody period 2005-01-01 to 2014-06-01. A consecutive
    # term commences no earlier than its imposition (18 U.S.C. 3585(a)); the custody before it
    # served the other term (3585(b)). Bound from 2012-03-01: + 60 months = 2017-03-01 (1,826
    # days), less ceil(54 x 1,826 / 365) = ceil(270.15) = 271 days = 2016-06-03, less 24 months
    # = 2014-06-03. Custody ending 2014-06-01 is short of it: the release is not known. (From
    # the offense it would be 2015-06-01 less 271 days and 24 months = 2012-09-03: read as
    # served, and the pardon wait as running from 2014-06-01.)
    sentence = FEDERAL_SENTENCE | {
        "imposed_on": "2012-03-01",
        "imprisonment": "60 months",
        "relation": "consecutive",
    }
    conv = _federal(sentence, "2012-01-10") | {"offense_date": "2010-06-01"}
    rec = _person([conv], [_period("designated_facility", "2005-01-01", "2014-06-01", None)])
    det = _petition(rec, "2018-08-01", "clemency.pardon_petition")
    assert det.outcome.value == "insufficient_facts"
    assert "custody[0].end" in det.missing_facts
    det = _sba(rec, "2018-08-01")
    assert det.outcome.value == "insufficient_facts"
    assert f"{PREFIX}custody[0].end" in det.missing_facts
