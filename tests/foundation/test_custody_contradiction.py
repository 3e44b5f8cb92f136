"""Supervised release recorded as begun while custody for the same term is still open (review
s19a, D7): found whichever way the record links the two periods (the same conviction, a period
linked to none on a record of one conviction, an aggregate partner), noted in the sentence
block, and no program that reads custody on the day clears the person from the release's start.

18 U.S.C. 3624(e): supervised release "commences on the day the person is released from
imprisonment" and does not run while the person is imprisoned; 3584(c): terms being served at
once are one aggregate term, released as one."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from secondchance.api import evaluate
from secondchance.engine import Outcome
from secondchance.record import validate
from secondchance.record.timeline import open_custody_at_release

PROGRAMS = ("clemency.commutation_petition", "fsa.time_credits")


def _conviction(cid: str, statute: str, **sentence: Any) -> dict[str, Any]:
    # Wire or bank fraud (no clause of 3632(d)(4)(D)): 120 months imposed 2017-12-15, so the
    # custody from 2018-01-01 runs to about 2027 and is open on every day below.
    return {
        "id": cid,
        "jurisdiction": "federal",
        "conviction_date": "2017-10-10",
        "counts": [{"statute": statute}],
        "sentence": {
            "imposed_on": "2017-12-15",
            "imprisonment": "120 months",
            "supervised_release": "3 years",
            "fine_owed": 0,
            "restitution_owed": 0,
            **sentence,
        },
    }


def _record(custody_for: str, supervision_for: str | None, second: bool) -> dict[str, Any]:
    convictions = [_conviction("c1", "18 U.S.C. 1343")]
    if second:
        convictions.append(
            _conviction("c2", "18 U.S.C. 1344", relation="concurrent", relative_to="c1")
        )
    sup: dict[str, Any] = {"kind": "supervised_release", "start": "2020-01-01"}
    if supervision_for is not None:
        sup["conviction_id"] = supervision_for
    return {
        "person": {"status": [{"status": "us_citizen"}]},
        "convictions": convictions,
        "custody": [
            {"kind": "designated_facility", "start": "2018-01-01", "conviction_id": custody_for}
        ],
        "supervision": [sup],
    }


RECORDS = {
    # Custody and supervised release both linked to c1 (found before the fix).
    "linked": _record("c1", "c1", second=False),
    # Supervised release linked to no conviction on a record of one conviction: it is c1's
    # (the record format's rule, unrecorded.periods_for).
    "unlinked, sole conviction": _record("c1", None, second=False),
    # Custody for c2, supervised release for c1, both imposed 2017-12-15 (concurrent): one
    # aggregate term (3584(c)), released as one.
    "aggregate partner": _record("c2", "c1", second=True),
}


@pytest.mark.parametrize("name", RECORDS)
def test_the_contradiction_is_found_and_noted_in_the_sentence_block(name: str) -> None:
    record = validate(RECORDS[name], "r.yaml")
    found = open_custody_at_release(record)
    assert [(f.custody, f.supervision) for f in found] == [("custody[0]", "supervision[0]")]
    block = evaluate(record, date(2021, 6, 1)).computation("sentence")
    assert block is not None
    said = "supervision[0].start records supervised release"
    assert any(said in note for note in block["needs_review"])


@pytest.mark.parametrize("name", RECORDS)
def test_no_program_reading_custody_clears_the_person_from_the_release(name: str) -> None:
    record = validate(RECORDS[name], "r.yaml")
    # 2021-06-01 is after the recorded start of supervised release (2020-01-01): in custody
    # (custody open) or released (supervised release begun) cannot both hold - needs review.
    dets = {d.program: d for d in evaluate(record, date(2021, 6, 1)).determinations}
    for program in PROGRAMS:
        det = dets[program]
        assert det.outcome is Outcome.needs_review, (program, det.reason)
        assert {"custody[0].end", "supervision[0].start"} <= set(det.missing_facts)
        assert det.headline == "NEEDS REVIEW"
    # 2019-06-01 is before it: in custody since 2018-01-01 on a 120-month term, nothing
    # contradicts it - a commutation petition may be filed and credits are earned.
    dets = {d.program: d for d in evaluate(record, date(2019, 6, 1)).determinations}
    for program in PROGRAMS:
        assert dets[program].outcome is Outcome.eligible, program
        # ... until the recorded start of supervised release, 2020-01-01, when the answer
        # becomes needs_review: foreseen as the next change, never an eligible day beyond it.
        assert dets[program].next_change == date(2020, 1, 1), program
        assert dets[program].next_change_outcome is Outcome.needs_review, program


def test_a_clearing_change_after_the_release_is_never_foreseen() -> None:
    # The same linked record with a 2255 motion pending until 2021-03-01: on 2021-01-01 the
    # commutation petition waits for the court (needs_review) and would become eligible on
    # 2021-03-02, but by then supervised release (from 2020-01-01) is recorded as begun while
    # custody is open - the change foreseen is none (still needs_review), never "eligible".
    data = _record("c1", "c1", second=False)
    data["court_challenges"] = [
        {
            "kind": "motion_2255",
            "filed_on": "2020-06-01",
            "resolved_on": "2021-03-01",
            "conviction_id": "c1",
        }
    ]
    det = {
        d.program: d for d in evaluate(validate(data, "r.yaml"), date(2021, 1, 1)).determinations
    }["clemency.commutation_petition"]
    assert det.outcome is Outcome.needs_review
    assert det.next_change_outcome is not Outcome.eligible and det.eligible_from_date is None
    assert "eligible" not in det.headline.lower().replace("not eligible", "")


def test_release_before_a_later_term_is_no_contradiction() -> None:
    # c1 custody 2018-01-01 to 2019-12-31, supervised release from 2020-01-01; a new term for
    # c2 in custody from 2021-01-01 (begun after the release): the record is consistent.
    data = _record("c1", "c1", second=True)
    data["custody"][0]["end"] = "2019-12-31"
    data["custody"].append(
        {"kind": "designated_facility", "start": "2021-01-01", "conviction_id": "c2"}
    )
    assert open_custody_at_release(validate(data, "r.yaml")) == []


def test_an_eligible_from_day_after_the_contradiction_begins_is_never_promised() -> None:
    # (Found by the property test.) An officer who left the business on 1990-01-01 bars an
    # application until six months later: "eligible from 1990-07-02". Her record shows custody
    # from 1990-01-01 with no end and supervised release from 1990-01-02: from that day whether
    # she is in custody is unknown, so eligibility on 1990-07-02 cannot be promised.
    data = {
        "person": {"name": "A"},
        "application_date": "1990-01-01",
        "business": {
            "name": "Biz",
            "people": [
                {
                    "name": "P0",
                    "roles": [{"role": "officer", "start": "1990-01-01", "end": "1990-01-01"}],
                    "record": {
                        "custody": [{"kind": "designated_facility", "start": "1990-01-01"}],
                        "supervision": [{"kind": "supervised_release", "start": "1990-01-02"}],
                    },
                },
                # The owner, with nothing to report (the business's whole equity is listed).
                {
                    "name": "O",
                    "roles": [{"role": "owner", "ownership_percent": 100, "start": "1980-01-01"}],
                    "record": {},
                },
            ],
        },
    }
    report = evaluate(validate(data, "r.yaml"), date(1990, 1, 1))
    det = next(d for d in report.determinations if d.program == "sba.7a")
    assert det.outcome is Outcome.needs_review
    assert det.eligible_from_date is None and det.date is None
    assert "business.people[0].record.supervision[0].start" in det.missing_facts
