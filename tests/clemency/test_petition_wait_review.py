"""clemency.pardon_petition — what the record must establish before the five-year wait of
28 CFR 1.2 is counted from a release: supervision that ended short of its term, and state
confinement after the federal release. Expected values worked by hand in each comment."""

from __future__ import annotations

from typing import Any

from secondchance.engine.determination import Outcome
from tests.clemency.helpers import CITIZEN, PARDON, ask, text


def _wire_fraud(supervision_end: str, **period: Any) -> dict[str, Any]:
    """36 months imposed 2010-04-01 with 3 years of supervised release; released 2012-10-01."""
    return {
        "person": {"status": CITIZEN},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "conviction_date": "2010-01-04",
                "sentencing_date": "2010-04-01",
                "counts": [{"statute": "18 U.S.C. 1343", "description": "Wire fraud"}],
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
                "start": "2012-10-01",
                "end": supervision_end,
                **period,
            }
        ],
    }


def test_supervised_release_ended_short_with_nothing_recorded_is_insufficient() -> None:
    # Released 2012-10-01: 2012-10-01 + 5 years = 2017-10-01. The 3-year supervised release from
    # 2012-10-01 runs to 2015-09-30 at the least (tolling only lengthens it, 18 U.S.C. 3624(e)),
    # yet it ends 2013-06-30, nine months in: too soon even for early termination (3583(e)(1):
    # only after one year), so most likely a revocation (3583(e)(3)) whose prison term, not
    # recorded, would start the wait later than 2012-10-01. Eligible on 2018-01-01 would rest on
    # a release the record does not establish: insufficient facts, naming what decides it.
    det = ask(PARDON, _wire_fraud("2013-06-30"), "2018-01-01")
    assert det.outcome is Outcome.insufficient_facts
    assert set(det.missing_facts) >= {
        "supervision[0].ended_early",
        "convictions[0].sentence.revocations",
    }
    assert "2015-09-30" in text(det)


def test_supervised_release_terminated_early_keeps_the_wait_from_release() -> None:
    # The same, recorded as ended early (an early termination): the release of 2012-10-01 stands,
    # 2012-10-01 + 5 years = 2017-10-01, over on 2018-01-01.
    det = ask(PARDON, _wire_fraud("2014-06-30", ended_early=True), "2018-01-01")
    assert det.outcome is Outcome.eligible


def test_supervised_release_served_in_full_keeps_the_wait_from_release() -> None:
    # 3 years from 2012-10-01: last day 2015-09-30, recorded so; wait ended 2017-10-01.
    det = ask(PARDON, _wire_fraud("2015-09-30"), "2018-01-01")
    assert det.outcome is Outcome.eligible
