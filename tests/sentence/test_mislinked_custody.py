"""Custody linked to an old, served conviction: a period that begins after that conviction's
custody closed and after the last day its term could run (no revocation recorded) is not
service of it, so it neither keeps the old term undischarged (18 U.S.C. 3584(a)) nor gives a
date. Expected values are worked by hand in the comments."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from secondchance.api import evaluate
from secondchance.law.registry import program
from secondchance.record.schema import Record

AS_OF = date(2026, 12, 8)


def block(data: dict[str, Any], day: date = AS_OF) -> dict[str, Any]:
    report = evaluate(
        Record.model_validate(data), as_of=day, programs=[program("fsa.time_credits")]
    )
    found: dict[str, Any] = report.computation("sentence")
    return found


def _conviction(cid: str, convicted: str, imposed: str, term: str) -> dict[str, Any]:
    return {
        "id": cid,
        "jurisdiction": "federal",
        "court": "W.D. Tenn.",
        "conviction_date": convicted,
        "counts": [{"statute": "18 U.S.C. 1343"}],
        "sentence": {"imposed_on": imposed, "imprisonment": term},
    }


def mislinked() -> dict[str, Any]:
    """c1: 24 months imposed 2008-03-03, served 2008-05-01 to 2010-01-15; c2: 120 months
    imposed 2020-03-02, at a facility from 2020-05-01; custody[1], the custody between c2's
    sentencing and arrival, is linked to c1."""
    return {
        "person": {"name": "Test Person"},
        "convictions": [
            _conviction("c1", "2008-03-03", "2008-03-03", "24 months"),
            _conviction("c2", "2019-11-04", "2020-03-02", "120 months"),
        ],
        "custody": [
            {"kind": "designated_facility", "start": "2008-05-01", "end": "2010-01-15",
             "conviction_id": "c1"},
            {"kind": "federal_custody", "start": "2020-03-02", "end": "2020-04-30",
             "conviction_id": "c1"},
            {"kind": "designated_facility", "start": "2020-05-01", "conviction_id": "c2"},
        ],
    }  # fmt: skip


STRAY = ["custody[1].conviction_id", "convictions[0].sentence.revocations"]


def _no_date(found: dict[str, Any]) -> None:
    assert found["status"] == "needs_review"
    assert "gct_release_date" not in found
    assert "full_term_date" not in found
    assert "custody[1]" in found["reason"]
    assert all(path in found["missing_facts"] for path in STRAY)


def test_custody_linked_to_a_served_term_gives_no_date() -> None:
    # c1: 24 months from its arrival 2008-05-01 (the latest it could commence, 3585(a)) runs at
    # the latest to 2010-04-30 (no good conduct time, no credit). Its custody closed 2010-01-15;
    # custody[1] begins 2020-03-02, after a gap (nothing holds the person on 2020-03-01) and
    # after 2010-04-30, with no revocation recorded: not service of c1. Before the fix it kept
    # c1 undischarged, joined c2 to it (24 + 120 = 144 months from 2008-05-01, full term
    # 2020-04-30, GCT release 2018-07-22: ten years early). Now no date is computed.
    _no_date(block(mislinked()))


def test_the_relation_recorded_does_not_let_the_mislinked_custody_give_a_date() -> None:
    # The same with c2 ordered consecutive: before the fix "computed", GCT release 2018-07-22
    # (144 months from 2008-05-01, as above) with nothing for review. Now no date.
    data = mislinked()
    data["convictions"][1]["sentence"]["relation"] = "consecutive"
    _no_date(block(data))


def test_the_same_custody_linked_to_c2_gives_c2_alone() -> None:
    # The right reading: c1 discharged 2010-01-15, c2 alone commences on sentencing in custody,
    # 2020-03-02 (3585(a)). 120 months: last day 2030-03-01. GCT 10 x 54 = 540 days;
    # 2030-03-01 - 365 = 2029-03-01; - 175 more: Feb 28 (1), Jan 31 (29), Dec 31 2028 (60),
    # Nov 30 (91), Oct 31 (121), Sep 30 (152), then 23 more: 2028-09-07.
    data = mislinked()
    data["custody"][1]["conviction_id"] = "c2"
    found = block(data)
    assert found["commenced_on"] == "2020-03-02"
    assert found["full_term_date"] == "2030-03-01"
    assert found["gct_release_date"] == "2028-09-07"
    assert "custody[1].conviction_id" not in found["missing_facts"]


def test_custody_linked_to_the_only_conviction_after_its_term_gives_no_date() -> None:
    # c1 alone with custody[1] in 2020: the same contradiction (c1 runs at the latest to
    # 2010-04-30); before the fix computed, released 2020-04-30. Now no date.
    data = mislinked()
    data["convictions"] = data["convictions"][:1]
    data["custody"] = data["custody"][:2]
    _no_date(block(data))


def revoked() -> dict[str, Any]:
    """The mislinked record with supervised release for c1 from 2010-01-16 revoked on
    2020-03-02 with 2 months: custody[1] is the revocation term."""
    data = mislinked()
    data["convictions"][0]["sentence"]["supervised_release"] = "36 months"
    data["convictions"][0]["sentence"]["revocations"] = [
        {"revoked_on": "2020-03-02", "imprisonment": "2 months"}
    ]
    data["supervision"] = [
        {"kind": "supervised_release", "start": "2010-01-16", "end": "2020-03-01",
         "conviction_id": "c1"}
    ]  # fmt: skip
    return data


def test_custody_after_a_recorded_revocation_is_unchanged() -> None:
    # Supervised release for c1 began 2010-01-16, so c1's aggregate was released then and c2
    # (imposed 2020-03-02) begins a new one (as before the fix). custody[1] is c1's, so c2
    # commences on arrival 2020-05-01 (taken as a voluntary surrender). 120 months: last day
    # 2030-04-30; GCT 540: - 365 = 2029-04-30; - 175 more: Mar 31 (30), Feb 28 (61), Jan 31
    # (89), Dec 31 2028 (120), Nov 30 (151), then 24 more: 2028-11-06.
    found = block(revoked())
    assert found["commenced_on"] == "2020-05-01"
    assert found["gct_release_date"] == "2028-11-06"
    assert "custody[1].conviction_id" not in found["missing_facts"]


def test_the_only_conviction_with_a_recorded_revocation_is_unchanged() -> None:
    # c1 alone, revoked: its own term is computed as before (24 months from 2008-05-01, last day
    # 2010-04-30; GCT 2 x 54 = 108: Mar 31 (30), Feb 28 (61), Jan 31 (89), then 19 more:
    # 2010-01-12).
    data = revoked()
    data["convictions"] = data["convictions"][:1]
    data["custody"] = data["custody"][:2]
    found = block(data)
    assert found["commenced_on"] == "2008-05-01"
    assert found["gct_release_date"] == "2010-01-12"
    assert "custody[1].conviction_id" not in found["missing_facts"]


def test_custody_continuing_without_a_gap_past_the_first_term_is_unchanged() -> None:
    # a: 24 months imposed 2020-03-02, at a facility from 2020-05-01 (its latest end 2022-04-30);
    # b: 36 months imposed 2021-06-01 while a was served, consecutive to a. Custody linked to a
    # runs on without a gap (a transfer on 2023-01-01, after a's latest end): service of the
    # aggregate, not stray. 24 + 36 = 60 months from 2020-05-01: last day 2025-04-30; GCT
    # 5 x 54 = 270: Mar 31 (30), Feb 28 (61), Jan 31 (89), Dec 31 2024 (120), Nov 30 (151),
    # Oct 31 (181), Sep 30 (212), Aug 31 (242), then 28 more: 2024-08-03.
    data = {
        "person": {"name": "Continuing"},
        "convictions": [
            _conviction("a", "2020-03-02", "2020-03-02", "24 months"),
            _conviction("b", "2021-06-01", "2021-06-01", "36 months"),
        ],
        "custody": [
            {"kind": "designated_facility", "start": "2020-05-01", "end": "2022-12-31",
             "conviction_id": "a"},
            {"kind": "designated_facility", "start": "2023-01-01", "conviction_id": "a"},
        ],
    }  # fmt: skip
    data["convictions"][1]["sentence"].update(relation="consecutive", relative_to="a")
    found = block(copy.deepcopy(data), date(2023, 6, 1))
    assert found["commenced_on"] == "2020-05-01"
    assert found["full_term_date"] == "2025-04-30"
    assert found["gct_release_date"] == "2024-08-03"
    assert "custody[1].conviction_id" not in found["missing_facts"]


def test_time_credits_do_not_clear_a_term_the_mislinked_conviction_may_join() -> None:
    # c1 for a 924(c) count (listed, 3632(d)(4)(D)(xxii)). Read as a revocation term not
    # recorded, custody[1] would join c1 to c2's term and bar credits for the whole term
    # (3584(c)); read as c2's custody, c2 alone is eligible. Unknown, never "eligible".
    data = mislinked()
    data["convictions"][0]["counts"] = [{"statute": "18 U.S.C. 924(c)(1)(A)(i)"}]
    report = evaluate(
        Record.model_validate(data), as_of=AS_OF, programs=[program("fsa.time_credits")]
    )
    found = report.determinations[0]
    assert found.outcome.value == "insufficient_facts"
    assert all(path in found.missing_facts for path in STRAY)
