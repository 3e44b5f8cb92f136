"""A conviction with a recorded revocation of supervised release, joined with a later term: the
later term was imposed while the revocation term (18 U.S.C. 3583(e)(3)) was undischarged, so it
joins that term (3584(a), (c)), not the term first imposed, which had long been served. The
revocation term is not computed, so no date is given from the original terms. A conviction
joined with a later term while its first term was served, revoked only after the aggregate
ended, keeps its dates. Expected values are worked by hand in the comments."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.api import evaluate
from secondchance.law.registry import program
from secondchance.record.schema import Record

AS_OF = date(2026, 12, 8)


def _report(data: dict[str, Any], day: date = AS_OF) -> Any:
    return evaluate(Record.model_validate(data), as_of=day, programs=[program("fsa.time_credits")])


def block(data: dict[str, Any], day: date = AS_OF) -> dict[str, Any]:
    found: dict[str, Any] = _report(data, day).computation("sentence")
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


def revoked() -> dict[str, Any]:
    """c1: 24 months imposed 2008-03-03, served 2008-05-01 to 2010-01-15, supervised release
    revoked 2020-03-02 with 2 months, served 2020-03-02 to 2020-04-30 (custody[1], linked to
    c1); no supervision period recorded. c2: 120 months imposed 2020-03-02, at a facility from
    2020-05-01."""
    data: dict[str, Any] = {
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
    data["convictions"][0]["sentence"].update(
        supervised_release="36 months",
        revocations=[{"revoked_on": "2020-03-02", "imprisonment": "2 months"}],
    )
    return data


def _no_date(found: dict[str, Any], custody: str = "custody[1]") -> None:
    assert found["status"] == "needs_review"
    assert "gct_release_date" not in found
    assert "full_term_date" not in found
    assert "commenced_on" not in found
    assert "revocation terms are not computed" in found["reason"]
    assert "convictions[0].sentence.revocations[0]" in found["missing_facts"]
    assert custody in found["missing_facts"]


def test_a_term_imposed_on_the_day_of_a_revocation_gives_no_date_from_the_old_term() -> None:
    # Before the fix custody[1] (linked to c1) kept c1 undischarged and c2 joined c1's ORIGINAL
    # term: 24 + 120 = 144 months from c1's arrival 2008-05-01, last day 2020-04-30; GCT
    # 12 x 54 = 648 days: 2020-04-30 - 366 (2019-04-30 to 2020-04-30, leap day) = 2019-04-30,
    # - 282 more = 2018-07-22 ("computed", ten years early). c2 was imposed on the day c1 was
    # revoked (2020-03-02 <= 2020-03-02), while the revocation term ran: it joins the
    # revocation term, which is not computed. No date.
    _no_date(block(revoked()))


def test_the_relation_recorded_does_not_let_the_old_term_give_a_date() -> None:
    # The same with c2 ordered consecutive to c1: before the fix 144 months from 2008-05-01,
    # GCT release 2018-07-22 as above. Now no date.
    data = revoked()
    data["convictions"][1]["sentence"].update(relation="consecutive", relative_to="c1")
    _no_date(block(data))


def test_revocation_custody_reaching_the_later_imposition_gives_no_date() -> None:
    # Arrested on the violation 2020-02-03 (custody[1], after a gap: c1's custody closed
    # 2010-01-15), c2 imposed 2020-03-02, c1 revoked only on 2020-04-01 (after c2 was imposed).
    # custody[1] covers 2020-03-02 (2020-02-03 <= 2020-03-02 <= 2020-04-30): c2 was imposed
    # while c1's revocation custody ran. Before the fix the same 144-month aggregate from
    # 2008-05-01 (GCT release 2018-07-22). Now no date.
    data = revoked()
    data["custody"][1]["start"] = "2020-02-03"
    data["convictions"][0]["sentence"]["revocations"][0]["revoked_on"] = "2020-04-01"
    _no_date(block(data))


def test_revocation_custody_alone_keeping_the_old_term_undischarged_gives_no_date() -> None:
    # c2 imposed 2020-03-02 while free, at a facility 2020-05-01 to 2021-01-04; c1 revoked
    # 2021-01-05 with 12 months, in custody for it from 2021-01-05 (open). Without that custody
    # c1 was released 2010-01-16 (the day after 2010-01-15), before 2020-03-02; only the open
    # revocation custody kept c1 "undischarged", and before the fix c2 joined c1's original
    # term (144 months from 2008-05-01, GCT release 2018-07-22). Now no date.
    data = revoked()
    data["convictions"][0]["sentence"]["revocations"] = [
        {"revoked_on": "2021-01-05", "imprisonment": "12 months"}
    ]
    data["custody"][1:] = [
        {"kind": "designated_facility", "start": "2020-05-01", "end": "2021-01-04",
         "conviction_id": "c2"},
        {"kind": "designated_facility", "start": "2021-01-05", "conviction_id": "c1"},
    ]  # fmt: skip
    _no_date(block(data), "custody[2]")


def test_a_revocation_after_the_joined_aggregate_ended_keeps_its_dates() -> None:
    # a: 24 months imposed 2020-03-02 in custody that day (commences 2020-03-02, 3585(a));
    # b: 12 months imposed 2021-01-04 while a was served, consecutive to a: one aggregate of
    # 36 months from 2020-03-02, last day 2023-03-01; GCT 3 x 54 = 162: - 1 = 2023-02-28 (1),
    # - 28 = 2023-01-31 (29), - 31 = 2022-12-31 (60), - 31 = 2022-11-30 (91), - 30 =
    # 2022-10-31 (121), - 31 = 2022-09-30 (152), - 10 = 2022-09-20 (162). Released then; a
    # revoked 2024-05-01 (8 months, custody[1]), after b was imposed and with its custody not
    # reaching that day: the aggregate's dates stand, as before the fix.
    data: dict[str, Any] = {
        "person": {"name": "Joined"},
        "convictions": [
            _conviction("a", "2020-03-02", "2020-03-02", "24 months"),
            _conviction("b", "2021-01-04", "2021-01-04", "12 months"),
        ],
        "custody": [
            {"kind": "designated_facility", "start": "2020-03-02", "end": "2022-09-20",
             "conviction_id": "a"},
            {"kind": "federal_custody", "start": "2024-05-01", "end": "2024-12-31",
             "conviction_id": "a"},
        ],
    }  # fmt: skip
    data["convictions"][0]["sentence"].update(
        supervised_release="36 months",
        revocations=[{"revoked_on": "2024-05-01", "imprisonment": "8 months"}],
    )
    data["convictions"][1]["sentence"].update(relation="consecutive", relative_to="a")
    found = block(data, date(2024, 6, 1))
    assert found["commenced_on"] == "2020-03-02"
    assert found["full_term_date"] == "2023-03-01"
    assert found["gct_release_date"] == "2022-09-20"
    assert "custody[1]" not in found["missing_facts"]


def test_time_credits_never_clear_the_joined_term() -> None:
    # Read on the same record, fsa.time_credits weighs no revocation: the answer that would
    # clear the person (eligible: no listed offense) is needs_review naming the revocations.
    found = _report(revoked()).determinations[0]
    assert found.outcome.value == "needs_review"
    assert "convictions[0].sentence.revocations" in found.missing_facts


def test_an_undated_revocation_joined_with_a_later_term_gives_no_date() -> None:
    # The revocation's date is not recorded: it may precede c2's imposition (2020-03-02), and
    # custody[1] (after the gap from 2010-01-15) covers that day. Before the fix the 144-month
    # aggregate from 2008-05-01 (GCT release 2018-07-22, as above). Now no date.
    data = revoked()
    del data["convictions"][0]["sentence"]["revocations"][0]["revoked_on"]
    _no_date(block(data))
