"""The answer in one plain sentence (the report's glance, and ``headline`` in JSON).

One representation everywhere (docs/engine.md): the outcome ``eligible_from`` is kept, with its
``date``, but its sentence never reads as a yes: "NOT YET ELIGIBLE — eligible from D (why)" or,
for a program answered for an application, "NOT ELIGIBLE for an application on D — a new
application from D2 would be (why)". Every date shown says why that day, in the words of the
rule that set it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from secondchance.engine.determination import Determination, Outcome

EligibleWords = Callable[[Determination], str]
"""A program's own words for its ``eligible`` answer (``Program.eligible_words``)."""

LABEL = {
    Outcome.eligible: "ELIGIBLE",
    Outcome.not_eligible: "NOT ELIGIBLE",
    Outcome.eligible_from: "NOT YET ELIGIBLE",
    Outcome.needs_review: "NEEDS REVIEW",
    Outcome.insufficient_facts: "INSUFFICIENT FACTS",
    Outcome.not_applicable: "NOT APPLICABLE",
}

WORDS = {
    Outcome.eligible: "eligible",
    Outcome.not_eligible: "not eligible",
    Outcome.eligible_from: "eligible later",
    Outcome.needs_review: "needs review",
    Outcome.insufficient_facts: "facts missing",
    Outcome.not_applicable: "not applicable",
}


def _on(day: date, why: str | None) -> str:
    return f"{day.isoformat()} ({why})" if why else day.isoformat()


def _tail(det: Determination) -> str:
    """What changes next and, if later still, the first day it becomes eligible."""
    parts: list[str] = []
    if det.next_change is not None and det.next_change != det.date:
        then = f": {WORDS[det.next_change_outcome]}" if det.next_change_outcome else ""
        parts.append(f"changes {_on(det.next_change, det.next_change_reason)}{then}")
    eligible = det.eligible_from_date
    if (
        eligible is not None
        and eligible not in (det.date, None)
        and (det.next_change_outcome is not Outcome.eligible or eligible != det.next_change)
    ):
        parts.append(f"eligible from {_on(eligible, det.eligible_from_reason)}")
    return "; ".join(parts)


def label(det: Determination, eligible_words: EligibleWords | None = None) -> str:
    """The outcome in a word or two: the program's own words for ``eligible`` where it has
    them (a categorical pardon's: already pardoned), else the general label."""
    if det.outcome is Outcome.eligible and eligible_words is not None:
        return eligible_words(det)
    return LABEL[det.outcome]


def _opening(
    det: Determination, day: date | None, by_application: bool, eligible_words: EligibleWords | None
) -> str:
    application = f" for an application on {day.isoformat()}" if by_application and day else ""
    if det.pardoned_on is not None:
        return f"ALREADY PARDONED on {det.pardoned_on.isoformat()}"
    if det.outcome is Outcome.not_applicable:
        return f"NOT APPLICABLE: {det.reason}" if det.reason else "NOT APPLICABLE"
    if det.outcome is Outcome.eligible_from and det.date is not None:
        why = f" ({det.date_reason})" if det.date_reason else ""
        if by_application:
            return (
                f"NOT ELIGIBLE{application} — a new application from {det.date.isoformat()} "
                f"would be{why}"
            )
        return f"NOT YET ELIGIBLE — eligible from {det.date.isoformat()}{why}"
    if det.outcome is Outcome.eligible and eligible_words is not None:
        return label(det, eligible_words)
    if det.outcome in (Outcome.eligible, Outcome.not_eligible):
        return LABEL[det.outcome] + application
    return LABEL[det.outcome]


def headline(
    det: Determination,
    day: date | None = None,
    by_application: bool = False,
    eligible_words: EligibleWords | None = None,
) -> str:
    """The determination in one sentence; ``day`` is the decisive date (for an application, the
    application's), which only an eligible or not-eligible answer for an application names;
    ``eligible_words`` the program's own words for ``eligible`` (``Program.eligible_words``)."""
    opening = _opening(det, day, by_application, eligible_words)
    if det.pardoned_on is not None or det.outcome is Outcome.not_applicable:
        return opening
    tail = _tail(det)
    return f"{opening}; {tail}" if tail else opening
