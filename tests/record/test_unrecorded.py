"""The shared reading of a term a sentence states with no period recorded for it
(``secondchance.record.unrecorded``), used by the SBA's status tests and both clemency
petitions. Every expected value is worked by hand from the record and the statute quoted."""

from __future__ import annotations

from datetime import date

from secondchance.law.clemency.facts import unrecorded_supervised_release
from secondchance.record.load import validate
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
