"""Fixes from user reports: aggregate terms (18 U.S.C. 3584(c)) in the clemency programs, pending
marijuana charges (Proclamations 10467 and 10688 pardon the offense "regardless of whether they
have been charged with or prosecuted for" it), and a summary reason naming which convictions the
marijuana proclamations pardon. Every expected value is worked by hand in the comments."""

from __future__ import annotations

from typing import Any

from tests.clemency.helpers import CITIZEN, COMMUTATION, MARIJUANA, PARDON, ask, text


def aggregate_record(
    custody_for: str | None = "A", supervision_for: str = "A", relative_to: str | None = "A"
) -> dict[str, Any]:
    """Conviction A (60 months) and conviction B (24 months, consecutive to A); one custody
    period ending 2029-05-18 and supervised release from 2029-05-19 for 36 months."""
    b_sentence: dict[str, Any] = {"imprisonment": "24 months"}
    if relative_to is not None:
        b_sentence.update(relation="consecutive", relative_to=relative_to)
    custody: dict[str, Any] = {
        "kind": "designated_facility",
        "start": "2024-06-03",
        "end": "2029-05-18",
    }
    if custody_for is not None:
        custody["conviction_id"] = custody_for
    return {
        "person": {"status": CITIZEN},
        "convictions": [
            {
                "id": "A",
                "jurisdiction": "federal",
                "offense_date": "2023-03-01",
                "conviction_date": "2024-05-01",
                "counts": [{"statute": "18 U.S.C. 1343"}],
                "sentence": {"imprisonment": "60 months", "supervised_release": "3 years"},
            },
            {
                "id": "B",
                "jurisdiction": "federal",
                "offense_date": "2023-03-01",
                "conviction_date": "2024-05-01",
                "counts": [{"statute": "18 U.S.C. 1344"}],
                "sentence": b_sentence,
            },
        ],
        "custody": [custody],
        # 36 months from 2029-05-19 runs through the day before 2032-05-19: last day 2032-05-18.
        "supervision": [
            {
                "kind": "supervised_release",
                "conviction_id": supervision_for,
                "start": "2029-05-19",
                "end": "2032-05-18",
            }
        ],
    }


# --- 1. aggregate terms ---------------------------------------------------------------------


def test_pardon_counts_custody_of_the_aggregate_for_the_consecutive_conviction() -> None:
    # B runs consecutive to A: one aggregate term (3584(c)), so A's custody is B's too. Release
    # (custody.end, the day of release) 2029-05-18 for both; five years later: 2034-05-18.
    det = ask(PARDON, aggregate_record(), "2030-01-01")
    assert det.outcome == "eligible_from"
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert str(det.date) == "2034-05-19"
    assert not det.missing_facts
    assert "3584(c)" in text(det)
    # Supervision ends 2032-05-18, before 2034-05-18: no supervision caveat on that day.
    assert "is on supervised release" not in text(det)


def test_pardon_after_the_wait_is_eligible() -> None:
    # 2035-01-01 is after 2034-05-18 and supervision ended 2032-05-18: eligible.
    det = ask(PARDON, aggregate_record(), "2035-01-01")
    assert det.outcome == "eligible"


def test_commutation_sees_supervision_of_the_aggregate() -> None:
    # 2030-01-01: custody over (2029-05-18), supervised release (recorded for A) runs until
    # 2032-05-18 and is B's too: only supervision remains → needs_review, changing the day after
    # supervision ends, 2032-05-19.
    det = ask(COMMUTATION, aggregate_record(), "2030-01-01")
    assert det.outcome == "needs_review"
    assert not det.missing_facts
    assert str(det.next_change) == "2032-05-19"
    assert "recorded for A" in text(det)


def test_commutation_after_supervision_ends_points_to_pardon() -> None:
    # 2032-05-19 and 2035-01-01: nothing of either sentence remains → not_eligible.
    for day in ("2032-05-19", "2035-01-01"):
        det = ask(COMMUTATION, aggregate_record(), day)
        assert det.outcome == "not_eligible", day
        assert not det.missing_facts


def test_custody_recorded_for_the_later_conviction_counts_for_the_earlier() -> None:
    # Either direction: custody and supervision named for B (B's sentence names A) are A's too.
    data = aggregate_record(custody_for="B", supervision_for="B")
    det = ask(PARDON, data, "2030-01-01")
    assert det.outcome == "eligible_from"
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert str(det.date) == "2034-05-19"
    assert ask(COMMUTATION, data, "2030-01-01").outcome == "needs_review"


def test_aggregate_is_transitive() -> None:
    # C is concurrent with B, B consecutive to A: A, B and C are one aggregate; A's custody
    # ending 2029-05-18 dates C's release too → 2034-05-18.
    data = aggregate_record()
    data["convictions"].append(
        {
            "id": "C",
            "jurisdiction": "federal",
            "offense_date": "2023-03-01",
            "conviction_date": "2024-05-01",
            "counts": [{"statute": "18 U.S.C. 1028"}],
            "sentence": {"imprisonment": "12 months", "relation": "concurrent", "relative_to": "B"},
        }
    )
    det = ask(PARDON, data, "2030-01-01")
    assert det.outcome == "eligible_from"
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert str(det.date) == "2034-05-19"


def test_unjoined_conviction_still_needs_its_own_custody() -> None:
    # Without sentence.relative_to nothing joins B to A: B's release is not recorded.
    det = ask(PARDON, aggregate_record(relative_to=None), "2030-01-01")
    assert det.outcome == "insufficient_facts"
    assert any("conviction_id B" in m for m in det.missing_facts)


def test_unlinked_custody_belongs_to_the_only_aggregate() -> None:
    # Custody naming no conviction, when every federal conviction is one aggregate term: it can
    # only be the aggregate's → release 2029-05-18, wait ends 2034-05-18.
    det = ask(PARDON, aggregate_record(custody_for=None), "2030-01-01")
    assert det.outcome == "eligible_from"
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert str(det.date) == "2034-05-19"


# --- 2. pending marijuana charges -------------------------------------------------------------


def charge(
    offense: str | None = "2022-08-01",
    filed: str | None = "2022-09-01",
    resolved: str | None = None,
    status: list[dict[str, Any]] | None = None,
    jurisdiction: str = "federal",
) -> dict[str, Any]:
    count: dict[str, Any] = {"statute": "21 U.S.C. 844", "substance": "marijuana"}
    if offense is not None:
        count["offense_date"] = offense
    pending: dict[str, Any] = {
        "instrument": "information",
        "jurisdiction": jurisdiction,
        "counts": [count],
    }
    if jurisdiction == "state":
        pending["state"] = "Ohio"
    if filed is not None:
        pending["filed_on"] = filed
    if resolved is not None:
        pending["resolved_on"] = resolved
    return {"person": {"status": status or CITIZEN}, "pending_charges": [pending]}


def test_pending_charge_is_pardoned_by_10467() -> None:
    # 844 marijuana, offense 2022-08-01 <= 2022-10-06, a citizen: Proclamation 10467 pardons the
    # offense though only charged. Charge filed 2022-09-01, before 10467: no form caveat.
    det = ask(MARIJUANA, charge(), "2022-10-20")
    assert det.outcome == "eligible"
    assert str(det.date) == "2022-10-06"
    assert "pending_charges[0] pardoned by Proclamation 10467" in (det.reason or "")
    assert "regardless of whether they have been charged" in text(det)
    assert "'who have been charged or convicted'" in text(det)
    assert "certificate form for Proclamation 10467 asks" not in text(det)


def test_pending_charge_filed_after_10467_notes_the_certificate_form() -> None:
    # Filed 2022-10-15, after 2022-10-06: the pardon stands (offense date decides); the Office's
    # form speaks of a charge on or before 2022-10-06, so the certificate is for review.
    det = ask(MARIJUANA, charge(filed="2022-10-15"), "2022-10-20")
    assert det.outcome == "eligible"
    assert "was filed 2022-10-15" in text(det)


def test_pending_charge_before_the_proclamation_waits_for_it() -> None:
    # 2022-10-01: 10467 not yet signed; it will cover the offense when signed on 2022-10-06,
    # so (as for a conviction) the answer is eligible_from 2022-10-06.
    det = ask(MARIJUANA, charge(), "2022-10-01")
    assert det.outcome == "eligible_from"
    assert str(det.date) == "2022-10-06"


def test_resolved_charge_is_not_screened() -> None:
    # Resolved 2022-10-10: no longer pending on 2022-10-20, nothing else recorded.
    assert ask(MARIJUANA, charge(resolved="2022-10-10"), "2022-10-20").outcome == "not_applicable"


def test_pending_charge_without_offense_date_asks_only_for_it() -> None:
    # No conviction date exists for a charge: only the offense date can place it in time.
    det = ask(MARIJUANA, charge(offense=None), "2022-10-20")
    assert det.outcome == "insufficient_facts"
    assert det.missing_facts == ["pending_charges[0].counts[0].offense_date"]


def test_state_charge_and_unlawful_presence_are_not_covered() -> None:
    assert ask(MARIJUANA, charge(jurisdiction="state"), "2022-10-20").outcome == "not_eligible"
    # Unlawfully present on the offense date 2022-08-01, though an LPR from 2022-09-01.
    status = [
        {"status": "unlawfully_present", "start": "2020-01-01", "end": "2022-08-31"},
        {"status": "lawful_permanent_resident", "start": "2022-09-01"},
    ]
    det = ask(MARIJUANA, charge(status=status), "2022-10-20")
    assert det.outcome == "not_eligible"
    assert "not lawfully present" in text(det)


def test_conviction_after_the_proclamation_for_an_earlier_offense_is_covered() -> None:
    # Offense 2022-08-01 (before 2022-10-06), convicted 2023-02-01 (after): 10467 pardons those
    # who committed the offense on or before its date → covered, date 2022-10-06.
    data = {
        "person": {"status": CITIZEN},
        "convictions": [
            {
                "id": "late",
                "jurisdiction": "federal",
                "offense_date": "2022-08-01",
                "conviction_date": "2023-02-01",
                "counts": [{"statute": "21 U.S.C. 844", "substance": "marijuana"}],
            }
        ],
    }
    det = ask(MARIJUANA, data, "2023-03-01")
    assert det.outcome == "eligible"
    assert str(det.date) == "2022-10-06"


# --- 3. which convictions the summary names ---------------------------------------------------


def test_summary_names_covered_and_uncovered_convictions() -> None:
    # a: offense 2023-05-01, after 10467 (2022-10-06) but by 10688 (2023-12-22) → 10688.
    # b: offense 2023-12-23, after 2023-12-22 → covered by neither.
    data = {
        "person": {"status": CITIZEN},
        "convictions": [
            {
                "id": "a",
                "jurisdiction": "federal",
                "conviction_date": "2023-06-01",
                "counts": [
                    {
                        "statute": "21 U.S.C. 844",
                        "substance": "marijuana",
                        "offense_date": "2023-05-01",
                    }
                ],
            },
            {
                "id": "b",
                "jurisdiction": "federal",
                "conviction_date": "2024-03-01",
                "counts": [
                    {
                        "statute": "21 U.S.C. 844",
                        "substance": "marijuana",
                        "offense_date": "2023-12-23",
                    }
                ],
            },
        ],
    }
    det = ask(MARIJUANA, data, "2024-06-01")
    assert det.outcome == "eligible"
    assert str(det.date) == "2023-12-22"
    reason = det.reason or ""
    assert "convictions[0] pardoned by Proclamation 10688" in reason
    assert "convictions[1] not covered: offense after 2023-12-22" in reason


def test_summary_names_counts_when_a_conviction_is_only_partly_pardoned() -> None:
    # counts[0]: 844 marijuana 2015 → 10467; counts[1]: 841 marijuana → not simple possession.
    data = {
        "person": {"status": CITIZEN},
        "convictions": [
            {
                "jurisdiction": "federal",
                "offense_date": "2015-03-14",
                "conviction_date": "2015-07-20",
                "counts": [
                    {"statute": "21 U.S.C. 844(a)", "substance": "marijuana"},
                    {"statute": "21 U.S.C. 841(a)(1)", "substance": "marijuana"},
                ],
            }
        ],
    }
    reason = ask(MARIJUANA, data, "2024-06-01").reason or ""
    assert "convictions[0].counts[0] pardoned by Proclamation 10467" in reason
    assert "convictions[0].counts[1] not covered" in reason
