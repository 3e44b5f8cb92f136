"""Supervision recorded as ended early sooner than the law allows (18 U.S.C. 3583(e)(1):
supervised release only after one year of it; 3564(c): probation at any time for a misdemeanor
or an infraction, after one year for a felony): the end clears no one and moves no date earlier.
Expected values worked by hand in each comment."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.api import evaluate
from secondchance.engine.determination import Determination, Outcome
from secondchance.law.early_termination import too_soon
from secondchance.law.registry import program
from secondchance.record import validate
from tests.clemency.helpers import CITIZEN, COMMUTATION, PARDON, text


def _ask(program_id: str, data: dict[str, Any], as_of: str) -> Determination:
    """Through the loader, so approximate dates are read too."""
    record = validate(data, "r.yaml")
    report = evaluate(record, date.fromisoformat(as_of), programs=[program(program_id)])
    return report.determinations[0]


def _released(start: Any, end: Any) -> dict[str, Any]:
    """Wire fraud, 36 months and 3 years of supervised release; released 2012-10-01; the
    supervised release recorded from ``start`` to ``end`` as ended early."""
    return {
        "person": {"status": CITIZEN},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "conviction_date": "2010-01-04",
                "sentencing_date": "2010-04-01",
                "counts": [{"statute": "18 U.S.C. 1343", "felony": True}],
                "sentence": {"imprisonment": "36 months", "supervised_release": "3 years"},
            }
        ],
        "custody": [
            {
                "kind": "designated_facility",
                "conviction_id": "c1",
                "start": "2010-05-01",
                "end": "2012-10-01",
            }
        ],
        "supervision": [
            {
                "kind": "supervised_release",
                "conviction_id": "c1",
                "start": start,
                "end": end,
                "ended_early": True,
            }
        ],
    }


def test_supervised_release_ended_early_before_a_year_is_for_review() -> None:
    # Supervised release from 2012-10-01: its first year runs 2012-10-01 to 2013-09-30
    # (2012-10-01 + 1 year = 2013-10-01, less a day); 3583(e)(1) allows early termination only
    # after it, so an end on 2013-06-30 is no termination the law allows. The wait (28 CFR 1.2)
    # from the release of 2012-10-01 would end 2017-10-01 and make 2018-01-01 eligible (the
    # answer before this fix), but a revocation may have ended it instead, and the person may
    # still have been on supervision: needs_review, naming the end and the flag.
    det = _ask(PARDON, _released("2012-10-01", "2013-06-30"), "2018-01-01")
    assert det.outcome is Outcome.needs_review
    assert {"supervision[0].end", "supervision[0].ended_early"} <= set(det.missing_facts)
    assert "3583(e)(1)" in text(det)
    assert "2013-09-30" in text(det)
    # Asked 2016-01-01: eligible from 2017-10-02 read from the release (the day after the
    # anniversary 2017-10-01); a date that may be too early: needs_review, no date.
    det = _ask(PARDON, _released("2012-10-01", "2013-06-30"), "2016-01-01")
    assert (det.outcome, det.date) == (Outcome.needs_review, None)


def test_supervised_release_ended_early_after_the_year_stands() -> None:
    # The first year runs 2012-10-01 to 2013-09-30 and expires at the end of 2013-09-30;
    # 3583(e)(1) allows an order only "after the expiration" of it, from 2013-10-01. An end
    # (the last day supervised) of 2013-10-01 is an order made that day or the next: allowed,
    # the early end stands and the wait from 2012-10-01 ended 2017-10-01: eligible on
    # 2018-01-01.
    assert _ask(PARDON, _released("2012-10-01", "2013-10-01"), "2018-01-01").outcome is (
        Outcome.eligible
    )
    # An end on the year's last day, 2013-09-30, may be an order made that day, before the year
    # had expired, or one made 2013-10-01 and recorded from the day before: the record cannot
    # tell, needs_review (eligible before this fix). The day before, 2013-09-29, is short of
    # the year on every reading: needs_review.
    det = _ask(PARDON, _released("2012-10-01", "2013-09-30"), "2018-01-01")
    assert det.outcome is Outcome.needs_review
    assert "after the year has expired" in text(det)
    assert _ask(PARDON, _released("2012-10-01", "2013-09-29"), "2018-01-01").outcome is (
        Outcome.needs_review
    )


def test_commutation_reads_supervision_that_may_still_run() -> None:
    # Asked 2014-01-01: the recorded end 2013-06-30 says nothing is left to commute
    # (not_eligible, the answer before this fix), but the 3-year term from 2012-10-01 may still
    # run through 2015-09-30 (2012-10-01 + 3 years = 2015-10-01, less a day): only supervision
    # may remain, a matter for review.
    det = _ask(COMMUTATION, _released("2012-10-01", "2013-06-30"), "2014-01-01")
    assert det.outcome is Outcome.needs_review
    assert "3583(e)(1)" in text(det)
    # On 2015-10-01 the whole term is out, however it ended: nothing left, not_eligible.
    det = _ask(COMMUTATION, _released("2012-10-01", "2013-06-30"), "2015-10-01")
    assert det.outcome is Outcome.not_eligible


def _probation(felony: bool | None, end: str) -> dict[str, Any]:
    """Three years of probation imposed 2010-03-01 (no prison), recorded as ended early."""
    count: dict[str, Any] = {"statute": "18 U.S.C. 1001"}
    if felony is not None:
        count["felony"] = felony
    return {
        "person": {"status": CITIZEN},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "conviction_date": "2010-03-01",
                "sentencing_date": "2010-03-01",
                "counts": [count],
                "sentence": {"probation": "3 years"},
            }
        ],
        "supervision": [
            {
                "kind": "probation",
                "conviction_id": "c1",
                "start": "2010-03-01",
                "end": end,
                "ended_early": True,
            }
        ],
    }


def test_felony_probation_ended_early_before_a_year_is_for_review() -> None:
    # Probation from 2010-03-01: first year 2010-03-01 to 2011-02-28 (2010-03-01 + 1 year =
    # 2011-03-01, less a day); for a felony 3564(c) allows early termination only after it. An
    # end on 2010-08-31 is too soon. Without prison the wait runs from conviction (or
    # sentencing), 2010-03-01 + 5 years = 2015-03-01: eligible on 2016-01-01 before this fix;
    # a revocation (3565) may have imposed prison and moved the start: needs_review.
    det = _ask(PARDON, _probation(True, "2010-08-31"), "2016-01-01")
    assert det.outcome is Outcome.needs_review
    assert "3564(c)" in text(det)
    # 3564(c) too allows it only "after the expiration of one year of probation": ended
    # 2011-03-01, the day after the first year: stands, eligible. Ended 2011-02-28, its last
    # day: an order that day would be too soon, so needs_review (eligible before this fix).
    assert _ask(PARDON, _probation(True, "2011-03-01"), "2016-01-01").outcome is Outcome.eligible
    assert _ask(PARDON, _probation(True, "2011-02-28"), "2016-01-01").outcome is (
        Outcome.needs_review
    )


def test_misdemeanor_probation_may_end_early_at_any_time() -> None:
    # A misdemeanor's probation may be ended "at any time" (3564(c)): the end of 2010-08-31
    # stands, and the wait from 2010-03-01 ended 2015-03-01: eligible on 2016-01-01.
    assert _ask(PARDON, _probation(False, "2010-08-31"), "2016-01-01").outcome is Outcome.eligible


def test_probation_of_unknown_grade_names_the_felony_flag() -> None:
    # Whether the count is a felony decides whether 2010-08-31 is too soon: needs_review,
    # naming convictions[0].counts[0].felony.
    det = _ask(PARDON, _probation(None, "2010-08-31"), "2016-01-01")
    assert det.outcome is Outcome.needs_review
    assert "convictions[0].counts[0].felony" in det.missing_facts


def test_approximate_dates_are_too_soon_only_if_they_may_be() -> None:
    # Start some day in October 2012 (the custody ends 2012-10-01), end some day in 2014: the
    # first year's last day is at the latest 2013-10-30 (2012-10-31 + 1 year, less a day),
    # before any day of 2014: a full year on every reading, eligible on 2018-01-01 (the wait
    # from the release of 2012-10-01 ended 2017-10-01).
    assert _ask(PARDON, _released("2012-10", "2014"), "2018-01-01").outcome is Outcome.eligible
    # End some day in 2013: from 2013-01-01 (too soon on every start) to 2013-12-31 (a full
    # year on every start): whether it is too soon depends on the unknown days: needs_review.
    det = _ask(PARDON, _released("2012-10", "2013"), "2018-01-01")
    assert det.outcome is Outcome.needs_review
    # End some day in March 2013: under six months on every reading: needs_review.
    det = _ask(PARDON, _released("2012-10", "2013-03"), "2018-01-01")
    assert det.outcome is Outcome.needs_review


def _dc(start: str, end: str) -> dict[str, Any]:
    """The same sentence as :func:`_released`, but a D.C. Code conviction in the D.C. Superior
    Court: its supervised release is the U.S. Parole Commission's (28 CFR 2.200(a))."""
    data = _released(start, end)
    data["convictions"][0].update(
        {
            "jurisdiction": "dc",
            "court": "D.C. Superior Court",
            "counts": [{"statute": "D.C. Code 22-3211", "felony": True}],
        }
    )
    return data


def test_dc_supervised_release_ended_early_before_a_year_is_for_review() -> None:
    # 28 CFR 2.200(b): the Commission holds a district court's powers under 18 U.S.C.
    # 3583(d)-(i) over D.C. supervised release, so 3583(e)(1)'s year applies. From 2012-10-01
    # the first year runs through 2013-09-30 (2012-10-01 + 1 year = 2013-10-01, less a day): an
    # end on 2013-06-30 is too soon. The wait from the release of 2012-10-01 ended 2017-10-01
    # (eligible on 2018-01-01 before this fix, where its federal twin was needs_review); the
    # 3-year term may have run through 2015-09-30 and a revocation may have moved the wait:
    # needs_review, naming the end and the flag.
    det = _ask(PARDON, _dc("2012-10-01", "2013-06-30"), "2018-01-01")
    assert det.outcome is Outcome.needs_review
    assert {"supervision[0].end", "supervision[0].ended_early"} <= set(det.missing_facts)
    assert "28 CFR 2.200(b)" in text(det)
    assert "2013-09-30" in text(det)
    # Ended 2014-03-31, six months after the year: an end the law allows; the wait from
    # 2012-10-01 ended 2017-10-01: eligible on 2018-01-01.
    assert _ask(PARDON, _dc("2012-10-01", "2014-03-31"), "2018-01-01").outcome is (Outcome.eligible)


def test_probation_with_no_conviction_recorded_may_be_a_federal_felony() -> None:
    # Probation from 2023-01-10 recorded as ended early 2023-06-30, and no conviction at all: it
    # may be a federal felony's, whose first year runs through 2024-01-09 (2023-01-10 + 1 year =
    # 2024-01-10, less a day; 3564(c)): too soon, naming the conviction it belongs to.
    record = validate(
        {
            "supervision": [
                {
                    "kind": "probation",
                    "start": "2023-01-10",
                    "end": "2023-06-30",
                    "ended_early": True,
                }
            ]
        },
        "r.yaml",
    )
    doubt = too_soon(record, 0)
    assert doubt is not None and doubt.year_ends == date(2024, 1, 9)
    assert {"supervision[0].conviction_id", "convictions"} <= set(doubt.paths())
    assert "it names no conviction (supervision[0].conviction_id)" in doubt.why()
