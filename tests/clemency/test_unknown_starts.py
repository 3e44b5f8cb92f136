"""Supervision or custody with no recorded ``start``: such a period, not ended by the day asked,
may cover it, so clemency must not read it as absent (it used to: an ongoing probation with no
dates gave pardon ELIGIBLE and commutation NOT ELIGIBLE)."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.engine.determination import Outcome
from tests.clemency.helpers import CITIZEN, COMMUTATION, PARDON, ask, served, text


def probation(**period: str) -> dict[str, Any]:
    """A federal conviction of 2015-01-05 with a probation sentence only (no prison), and one
    probation period with the given dates."""
    return {
        "person": {"status": CITIZEN},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "conviction_date": "2015-01-05",
                "sentencing_date": "2015-01-05",
                "counts": [{"statute": "18 U.S.C. 1343", "description": "Wire fraud"}],
                "sentence": {"probation": "10 years"},
            }
        ],
        "supervision": [{"kind": "probation", "conviction_id": "c1", **period}],
    }


# No prison: 28 CFR 1.2 runs the wait from the conviction, dated by the Office from sentencing
# (both 2015-01-05; without a sentencing date the wait cannot be dated), to its fifth anniversary
# 2020-01-05. On 2021-01-05 the wait is over, so the only open question is supervision.
AFTER_WAIT = "2021-01-05"


def test_pardon_ongoing_probation_with_no_start_asks_for_the_start() -> None:
    # No start, no end (still running): if it began by 2021-01-05 the person is on probation
    # (needs_review: "generally" no petition); if it begins later, nothing stands in the way
    # (eligible). The start decides, so insufficient_facts naming it.
    det = ask(PARDON, probation(), AFTER_WAIT)
    assert det.outcome is Outcome.insufficient_facts
    assert det.missing_facts == ["supervision[0].start"]
    assert "may be on probation" in text(det)


def test_pardon_probation_with_start_needs_review() -> None:
    # Same period begun 2015-01-05 and still running: on probation → needs_review (unchanged).
    det = ask(PARDON, probation(start="2015-01-05"), AFTER_WAIT)
    assert det.outcome is Outcome.needs_review


def test_pardon_probation_ended_before_the_day_is_no_obstacle_without_a_start() -> None:
    # Ended 2020-06-30, before 2021-01-05: whatever its start, it does not cover the day.
    det = ask(PARDON, probation(end="2020-06-30"), AFTER_WAIT)
    assert det.outcome is Outcome.eligible


def test_pardon_unknown_start_with_a_fine_owed_needs_review_anyway() -> None:
    # A fine still owed makes it needs_review whatever the supervision's start: no fact asked.
    data = probation()
    data["convictions"][0]["sentence"].update(fine=1000, fine_owed=500)
    det = ask(PARDON, data, AFTER_WAIT)
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts == []


def test_commutation_ongoing_probation_with_no_start_asks_for_the_start() -> None:
    # Nothing else is served or owed. If the probation has begun, only supervision remains
    # (needs_review); if not, nothing is being served (not_eligible). The start decides.
    det = ask(COMMUTATION, probation(), AFTER_WAIT)
    assert det.outcome is Outcome.insufficient_facts
    assert det.missing_facts == ["supervision[0].start"]


def test_commutation_probation_with_start_needs_review() -> None:
    det = ask(COMMUTATION, probation(start="2015-01-05"), AFTER_WAIT)
    assert det.outcome is Outcome.needs_review


def test_commutation_custody_with_no_start_asks_for_the_start() -> None:
    # Custody for c1 with no start, ending 2030-12-31 (projected): on 2021-01-05 it may already
    # run (serving → eligible) or not yet (not served → not eligible). The start decides.
    data = served("2030-12-31")
    del data["custody"][0]["start"]
    det = ask(COMMUTATION, data, AFTER_WAIT)
    assert det.outcome is Outcome.insufficient_facts
    assert "custody[0].start" in det.missing_facts


# --- review fixes in pardon_petition: the wait's length in words, a reason for every answer ----


def test_pardon_texts_give_the_waiting_period_from_the_parameter(monkeypatch: Any) -> None:
    # With the waiting period set to 7 years, release 2013-02-28 → wait ends on the seventh
    # anniversary 2020-02-28, and the reason must say "7-year", not "five-year".
    from secondchance.law.clemency import pardon_petition

    real = pardon_petition.value

    def seven(name: str, on: Any) -> Any:
        return 7 if name == "clemency.pardon.waiting_period_years" else real(name, on=on)

    monkeypatch.setattr(pardon_petition, "value", seven)
    det = ask(PARDON, served("2013-02-28"), "2018-02-28")
    assert det.outcome is Outcome.eligible_from
    assert det.reason is not None
    assert det.reason.startswith("The 7-year waiting period ends on 2020-02-28;")
    assert "five-year" not in text(det)


def test_pardon_with_no_open_federal_conviction_gives_a_reason() -> None:
    # No federal or D.C. conviction open (none in the set): the answer is needs_review, and it
    # must say why rather than leave the reason empty.
    from secondchance.law.clemency.pardon_petition import RULE, Clock, Facts
    from secondchance.law.declarative import apply
    from secondchance.record.schema import Record

    facts = Facts(Record.model_validate({}), date(2021, 1, 5), set(), Clock(), [])
    det = apply(RULE, facts)
    assert det.outcome is Outcome.needs_review
    assert det.reason and "military department" in det.reason
