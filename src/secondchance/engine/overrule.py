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

from secondchance.engine.determination import Determination, Finding, Outcome
from secondchance.engine.glance import headline

UNSETTLED = (Outcome.needs_review, Outcome.insufficient_facts)
"""The outcomes a guard may give: the answer is not settled, and nothing worked from the old one
(a date, a next change, a first eligible day) still holds."""


def overrule(
    det: Determination,
    outcome: Outcome,
    reason: str,
    *,
    findings: Iterable[Finding] | None = None,
    missing_facts: Iterable[str] = (),
) -> Determination:
    """``det`` under ``outcome`` (``needs_review`` or ``insufficient_facts``) for ``reason``:
    its findings (or ``findings``), its missing facts followed by ``missing_facts``, and no field
    worked from the old outcome; the headline is written again."""
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
    rebuilt.headline = headline(rebuilt)  # an unsettled answer's headline names no day
    return rebuilt
