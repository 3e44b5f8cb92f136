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


def _released_then_state(state_custody: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """36 months of wire fraud, released 2012-10-01; no supervision imposed."""
    data = _wire_fraud("2015-09-30")
    data["convictions"][0]["sentence"] = {"imprisonment": "36 months"}
    del data["supervision"]
    data["custody"].append({"kind": "state_custody", **state_custody})
    data.update(extra)
    return data


def test_state_custody_naming_no_conviction_after_the_release_is_for_review() -> None:
    # Federal release 2012-10-01: 2012-10-01 + 5 years = 2017-10-01. State custody 2014-01-01 to
    # 2016-03-01 naming no conviction: 28 CFR 1.2 counts from "the release of the petitioner from
    # confinement", and the Office from release for the most recent conviction; that custody may
    # serve a later conviction not recorded (2016-03-01 + 5 years = 2021-03-01). Eligible on
    # 2018-01-01 is not established: for review, naming custody[1].conviction_id.
    data = _released_then_state({"start": "2014-01-01", "end": "2016-03-01"})
    det = ask(PARDON, data, "2018-01-01")
    assert det.outcome is Outcome.needs_review
    assert "custody[1].conviction_id" in det.missing_facts


def test_still_in_state_custody_is_for_review_not_eligible() -> None:
    # The same, state custody from 2014-01-01 with no end: still confined on 2018-01-01.
    data = _released_then_state({"start": "2014-01-01"})
    det = ask(PARDON, data, "2018-01-01")
    assert det.outcome is Outcome.needs_review
    assert {"custody[1].conviction_id", "custody[1].end"} <= set(det.missing_facts)


def test_a_consecutive_state_term_served_after_the_federal_release_is_for_review() -> None:
    # An Ohio conviction of 2009 (before the federal one), its term served after the federal
    # release, 2012-10-01 to 2015-10-01: no later conviction, yet the petitioner was not released
    # from confinement until 2015-10-01 (+ 5 years = 2020-10-01, not 2017-10-01). On 2018-01-01:
    # for review, never eligible.
    ohio = {
        "id": "oh",
        "jurisdiction": "state",
        "state": "Ohio",
        "conviction_date": "2009-06-01",
        "counts": [{"statute": "ORC 2913.02", "description": "Theft"}],
        "sentence": {"imprisonment": "3 years"},
    }
    data = _released_then_state({"conviction_id": "oh", "start": "2012-10-01", "end": "2015-10-01"})
    data["convictions"].append(ohio)
    det = ask(PARDON, data, "2018-01-01")
    assert det.outcome is Outcome.needs_review
    assert "2015-10-01" in text(det)


def test_state_custody_ended_before_the_federal_release_changes_nothing() -> None:
    # State custody 2009-01-01 to 2009-12-01, before the federal release: the wait runs from
    # 2012-10-01 and ended 2017-10-01.
    data = _released_then_state({"start": "2009-01-01", "end": "2009-12-01"})
    assert ask(PARDON, data, "2018-01-01").outcome is Outcome.eligible


def test_a_commutation_to_time_served_with_custody_left_open_is_not_serving() -> None:
    # 240 months imposed 2010-04-01, custody from 2010-04-01 recorded with no end; a commutation
    # granted 2017-01-19 with no release date and no new term recorded (its terms: "to time
    # served", which releases the person on the grant). On 2024-01-01 the open custody alone
    # would read as serving (commutation petition "eligible"), yet the commutation may have ended
    # the term: for review, naming the commutation's release date. Before the grant (2016-01-01)
    # the term is being served: eligible.
    from tests.clemency.helpers import COMMUTATION

    data = _wire_fraud("2030-01-01")
    del data["supervision"]
    data["convictions"][0]["sentence"] = {
        "imprisonment": "240 months",
        "commutations": [{"granted_on": "2017-01-19", "terms": "commuted to time served"}],
    }
    data["custody"][0] = {
        "kind": "designated_facility",
        "conviction_id": "c1",
        "start": "2010-04-01",
    }
    det = ask(COMMUTATION, data, "2024-01-01")
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts == ["convictions[0].sentence.commutations[0].new_release_date"]
    assert ask(COMMUTATION, data, "2016-01-01").outcome is Outcome.eligible


def test_a_commutation_only_in_the_clemency_list_is_not_read_as_serving() -> None:
    # The same 240-month term, custody from 2010-04-01 with no end; the commutation granted
    # 2017-01-19 is recorded only in clemency[] (kind commutation), the sentence holding no
    # commutation of that day, so its terms (a release date, a new term, "time served") are
    # not recorded. On 2024-01-01 the open custody alone would read as serving (eligible), yet
    # the commutation may have ended the term: for review, naming the sentence's commutations.
    # Before the grant (2016-01-01) the term is being served: eligible.
    from tests.clemency.helpers import COMMUTATION

    data = _wire_fraud("2030-01-01")
    del data["supervision"]
    data["convictions"][0]["sentence"] = {"imprisonment": "240 months"}
    data["custody"][0] = {
        "kind": "designated_facility",
        "conviction_id": "c1",
        "start": "2010-04-01",
    }
    data["clemency"] = [{"kind": "commutation", "granted_on": "2017-01-19"}]
    det = ask(COMMUTATION, data, "2024-01-01")
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts == ["convictions[0].sentence.commutations"]
    assert ask(COMMUTATION, data, "2016-01-01").outcome is Outcome.eligible
