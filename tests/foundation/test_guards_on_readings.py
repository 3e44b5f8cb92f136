"""The guards run after the programs (a fact not weighed yet, a contradiction on custody) read
their facts on every reading of a record's approximate dates, as the programs are evaluated on
every reading: a fact found on any reading applies (unknown is never false); exact records are
guarded exactly as before (review s20r5, D1)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from secondchance.api import evaluate
from secondchance.engine import Outcome
from secondchance.record import validate

SBA_PROGRAMS = ("sba.7a", "sba.504", "sba.microloan", "sba.ilp", "sba.surety_bond", "sba.disaster")
FRAUD = {
    "statute": "18 U.S.C. 1343",
    "felony": True,
    "financial_misconduct": True,
    "false_statement": False,
    "moral_turpitude": True,
    "riot_or_civil_disorder": False,
}
SENTENCING = "business.people[0].record.convictions[1].sentencing_date"


def _owner(sentencing: str) -> dict[str, Any]:
    """The owner (100%) of a business: released 2024-12-31 from the c1 term; convicted on c2
    2024-06-01, sentenced on ``sentencing`` to a fine alone (18 U.S.C. 3551(b): nothing to
    serve; a conviction with no sentence recorded could be a prison term running, which
    would leave every answer insufficient whatever the sentencing day)."""
    return {
        "business": {
            "name": "T LLC",
            "child_care": False,
            "people": [
                {
                    "name": "P",
                    "roles": [{"role": "owner", "ownership_percent": 100, "start": "2015-01-01"}],
                    "record": {
                        "convictions": [
                            {
                                "id": "c1",
                                "jurisdiction": "federal",
                                "offense_date": "2019-01-10",
                                "conviction_date": "2020-01-01",
                                "counts": [FRAUD],
                                "sentence": {
                                    "imposed_on": "2020-03-01",
                                    "imprisonment": "58 months",
                                },
                            },
                            {
                                "id": "c2",
                                "jurisdiction": "federal",
                                "offense_date": "2023-01-10",
                                "conviction_date": "2024-06-01",
                                "counts": [FRAUD],
                                "sentencing_date": sentencing,
                                "sentence": {"fine": 5000},
                            },
                        ],
                        "custody": [
                            {
                                "kind": "designated_facility",
                                "conviction_id": "c1",
                                "start": "2020-03-01",
                                "end": "2024-12-31",
                            }
                        ],
                    },
                }
            ],
        }
    }


def _sba(sentencing: str) -> dict[str, Any]:
    record = validate(_owner(sentencing), "r.yaml")
    report = evaluate(record, date(2025, 1, 15), programs=None)
    return {d.program: d for d in report.determinations if d.program.startswith("sba.")}


def test_awaiting_sentencing_on_some_days_of_an_approximate_sentencing_date() -> None:
    # Sentenced some day 2025-01-01..31; the application day (as of) is 2025-01-15. On days
    # 16..31 the owner, convicted 2024-06-01, is not yet sentenced on the application day
    # (awaiting sentencing, a fact the SBA programs do not weigh yet): so on some days the
    # answer is needs_review, and it can never be eligible on every day allowed.
    for name, det in _sba("2025-01").items():
        assert det.outcome is Outcome.needs_review, name
        assert SENTENCING in det.missing_facts
        assert "some of the days the approximate dates allow" in (det.reason or "")
        assert f"{SENTENCING} 2025-01 (a day between 2025-01-01 and 2025-01-31)" in (
            det.reason or ""
        )
    assert set(_sba("2025-01")) == set(SBA_PROGRAMS)


def test_sentenced_before_the_day_on_every_reading_leaves_the_answer() -> None:
    # Sentenced some day 2024-12-01..31, before the application day 2025-01-15 on every
    # reading: never awaiting sentencing on it; released from c1 2024-12-31, c2's sentence a
    # fine alone (no imprisonment) and no indictment: no status of 13 CFR 120.110(n) bars on
    # 2025-01-15, so the programs' own answer (eligible) stands unguarded.
    for name, det in _sba("2024-12").items():
        assert det.outcome is Outcome.eligible, name
        assert "not weighed yet" not in (det.reason or "")


@pytest.mark.parametrize(
    ("sentencing", "outcome"),
    # Exact controls: sentenced 2025-01-10, before the application day 2025-01-15 (eligible,
    # as above); sentenced 2025-01-31, after it (awaiting sentencing on it: needs_review).
    [("2025-01-10", Outcome.eligible), ("2025-01-31", Outcome.needs_review)],
)
def test_exact_sentencing_dates_as_before(sentencing: str, outcome: Outcome) -> None:
    for name, det in _sba(sentencing).items():
        assert det.outcome is outcome, name
        assert "approximate" not in (det.reason or "")


CONTRADICTED = ("clemency.commutation_petition", "fsa.time_credits")


def _released(start: Any) -> dict[str, Any]:
    """Wire fraud, 120 months imposed 2017-12-15, in custody from 2018-01-01 (no end: to about
    2026); supervised release recorded as begun on ``start``."""
    return {
        "person": {"status": [{"status": "us_citizen"}]},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "conviction_date": "2017-10-10",
                "counts": [{"statute": "18 U.S.C. 1343"}],
                "sentence": {
                    "imposed_on": "2017-12-15",
                    "imprisonment": "120 months",
                    "supervised_release": "3 years",
                    "fine_owed": 0,
                    "restitution_owed": 0,
                },
            }
        ],
        "custody": [{"kind": "designated_facility", "start": "2018-01-01", "conviction_id": "c1"}],
        "supervision": [{"kind": "supervised_release", "start": start, "conviction_id": "c1"}],
    }


def test_custody_contradicted_on_some_days_of_an_approximate_release() -> None:
    # Supervised release begun some day 2017-12-01..2018-02-01; custody open from 2018-01-01.
    # On the days from 2018-01-01 it is recorded begun while that custody is open, which 18
    # U.S.C. 3624(e) rules out: whether the person is in custody is unknown, so as of
    # 2021-06-01 neither a commutation petition nor time credits can clear the person. On the
    # earliest day (2017-12-01, the record as loaded) there is no contradiction.
    start = {"not_before": "2017-12-01", "not_after": "2018-02-01"}
    record = validate(_released(start), "r.yaml")
    dets = {d.program: d for d in evaluate(record, date(2021, 6, 1)).determinations}
    for name in CONTRADICTED:
        assert dets[name].outcome is Outcome.needs_review, name
        assert "supervision[0].start" in dets[name].missing_facts
        assert "some of the days the approximate dates allow" in (dets[name].reason or "")


def test_custody_not_contradicted_on_any_day_leaves_the_answer() -> None:
    # Supervised release begun some day in 2017-12, before the custody's start 2018-01-01 on
    # every reading: no contradiction; serving the 120-month term as of 2021-06-01, a
    # commutation petition may be filed and credits earned (wire fraud is no 3632(d)(4)(D)
    # clause): the programs' eligible stands.
    record = validate(_released("2017-12"), "r.yaml")
    exact = validate(_released("2017-12-15"), "r.yaml")
    for rec in (record, exact):
        dets = {d.program: d for d in evaluate(rec, date(2021, 6, 1)).determinations}
        for name in CONTRADICTED:
            assert dets[name].outcome is Outcome.eligible, name
