"""A determination rebuilt under a new outcome, for the guards that review an answer after it
was evaluated (a fact the program does not weigh yet, a fact the record leaves unknown).

Such a guard must never change the outcome alone: the headline, the date and every field worked
from the old outcome (when it changes next, to what, the first eligible day, a recorded pardon
that decided it) would still speak for the old answer, and the report's glance would read
"ELIGIBLE" over a ``needs_review``. :func:`overrule` drops them all and writes the headline
again from the new outcome.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from secondchance.engine.determination import Determination, Finding, Outcome
from secondchance.engine.glance import _tail, headline

UNSETTLED = (Outcome.needs_review, Outcome.insufficient_facts)
"""The outcomes a guard may give: the answer is not settled, and nothing worked from the old one
(a date, a next change, a first eligible day) still holds."""


def was(det: Determination) -> str:
    """The answer a guard overrules, in words: "eligible from 2030-01-01"."""
    said = det.outcome.value.replace("_", " ")
    return f"{said} {det.date.isoformat()}" if det.date is not None else said


def overrule(
    det: Determination,
    outcome: Outcome,
    reason: str,
    *,
    findings: Iterable[Finding] | None = None,
    missing_facts: Iterable[str] = (),
    note: str | None = None,
) -> Determination:
    """``det`` under ``outcome`` (``needs_review`` or ``insufficient_facts``) for ``reason``:
    its findings (or ``findings``), its missing facts followed by ``missing_facts``, and no field
    worked from the old outcome; the headline is written again (with ``note`` after a dash)."""
    if outcome not in UNSETTLED:
        raise ValueError(f"a guard gives needs_review or insufficient_facts, not {outcome}")
    rebuilt = det.model_copy(
        update={
            "outcome": outcome,
            "reason": reason,
            "findings": list(det.findings if findings is None else findings),
            # In order, once each: a guard's facts follow the answer's own, in the record's order.
            "missing_facts": list(dict.fromkeys([*det.missing_facts, *missing_facts])),
            "date": None,
            "date_reason": None,
            "next_change": None,
            "next_change_reason": None,
            "next_change_outcome": None,
            "eligible_from_date": None,
            "eligible_from_reason": None,
            "pardoned_on": None,
            "headline": None,
        }
    )
    said = headline(rebuilt)  # an unsettled answer's headline names no day
    rebuilt.headline = f"{said} — {note}" if note and said else said
    return rebuilt


CLEARING_AHEAD = (Outcome.eligible, Outcome.eligible_from)


def unsettled_ahead(det: Determination, outcome: Outcome) -> Determination:
    """``det``, whose own answer does not clear the person, without the clearing answer it
    foresees (a next change to eligible, a first eligible day) when a guard would overrule that
    answer to ``outcome`` on its day: the change is to ``outcome`` (none, if ``det`` already is
    that), and the first eligible day is dropped. The headline's tail is written again."""
    ahead = det.next_change_outcome in CLEARING_AHEAD
    if not ahead and det.eligible_from_date is None:
        return det
    update: dict[str, object] = {"eligible_from_date": None, "eligible_from_reason": None}
    if ahead:
        if det.outcome is outcome:
            update |= {"next_change": None, "next_change_outcome": None, "next_change_reason": None}
        else:
            update["next_change_outcome"] = outcome
    return _retold(det, det.model_copy(update=update))


def unsettled_from(det: Determination, day: date, outcome: Outcome, reason: str) -> Determination:
    """``det`` when from ``day`` on a guard would overrule a clearing answer to ``outcome``:
    an answer that clears the person now changes on ``day`` (if it changes no sooner), and no
    clearing change or first eligible day on or after ``day`` is foreseen."""
    update: dict[str, object] = {}
    if det.next_change is not None and det.next_change >= day:
        if det.next_change_outcome in CLEARING_AHEAD or det.outcome in CLEARING_AHEAD:
            update |= {"next_change": day, "next_change_outcome": outcome}
            update["next_change_reason"] = reason
    elif det.next_change is None and det.outcome in CLEARING_AHEAD:
        update |= {"next_change": day, "next_change_outcome": outcome, "next_change_reason": reason}
    later = det.eligible_from_date is not None and det.eligible_from_date >= day
    if later and det.outcome is not Outcome.eligible_from:  # its own date: the caller decides
        update |= {"eligible_from_date": None, "eligible_from_reason": None}
    if not update:
        return det
    return _retold(det, det.model_copy(update=update))


def _retold(det: Determination, rebuilt: Determination) -> Determination:
    """``rebuilt`` with ``det``'s headline, its tail (what changes next) written again."""
    old, new = _tail(det), _tail(rebuilt)
    if det.headline and old and det.headline.endswith(old):
        stem = det.headline[: -len(old)]
        rebuilt.headline = stem + new if new else stem.removesuffix("; ")
    elif det.headline and not old and new:
        rebuilt.headline = f"{det.headline}; {new}"
    return rebuilt
