"""Answers for a record with approximate dates: given when they hold on every day allowed.

Each exact reading of the record (:func:`secondchance.record.approximate.readings`) is
evaluated by the same rules. When every reading gives the same answer, that answer is given,
saying that it holds on every day the approximate dates allow. When they differ, the answer
depends on the unknown day: ``needs_review``, naming the fields on which it turns and the range
of answers ("eligible from a day between 2023-06-01 and 2023-06-30"). Unknown is never false.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from secondchance.engine.determination import Determination, Finding, Outcome
from secondchance.record.approximate import Reading
from secondchance.record.dates import ApproxDate


def answer_key(det: Determination) -> tuple[Outcome, date | None]:
    """What makes two answers the same answer: the outcome and its date."""
    return det.outcome, det.date


def _quoted(finding: Finding, approx: dict[str, ApproxDate]) -> Finding:
    facts = {k: (str(approx[k]) if k in approx else v) for k, v in finding.facts.items()}
    return finding.model_copy(update={"facts": facts})


def _fields(paths: Iterable[str], approx: dict[str, ApproxDate]) -> str:
    return "; ".join(f"{p} {approx[p].describe()}" for p in paths)


def decisive_fields(answers: Sequence[tuple[Reading, Determination]]) -> list[str]:
    """The approximate fields on which the answer turns: those where two readings that differ
    in that field alone give different answers (all of them when none does alone)."""
    found: set[str] = set()
    for i, (first, a) in enumerate(answers):
        for second, b in answers[i + 1 :]:
            path = first.differs_only_in(second)
            if path is not None and answer_key(a) != answer_key(b):
                found.add(path)
    return sorted(found) or sorted(answers[0][0].days)


def _describe(det: Determination) -> str:
    if det.outcome is Outcome.eligible_from and det.date is not None:
        return f"eligible from {det.date.isoformat()}"
    return det.outcome.value.replace("_", " ")


def _eventually_eligible(dets: Sequence[Determination]) -> date | None:
    """The latest first-eligible day when every reading is eligible now or from a date."""
    if not all(d.outcome in (Outcome.eligible, Outcome.eligible_from) for d in dets):
        return None
    return max((d.date for d in dets if d.date), default=None)


def _range_text(dets: Sequence[Determination]) -> str:
    last = _eventually_eligible(dets)
    days = sorted(d.date for d in dets if d.outcome is Outcome.eligible_from and d.date)
    if last is not None and len(days) == len(dets):
        return f"eligible from a day between {days[0].isoformat()} and {last.isoformat()}"
    if last is not None:
        return f"eligible already, or from a day up to {last.isoformat()}"
    return "on the days allowed, " + " or ".join(sorted({_describe(d) for d in dets}))


def _differing(answers: Sequence[tuple[Reading, Determination]]) -> Determination:
    approx: dict[str, ApproxDate] = answers[0][0].approx
    dets = [det for _, det in answers]
    fields = decisive_fields(answers)
    settled = _eventually_eligible(dets)
    reason = (
        f"The answer depends on the unknown day of {_fields(fields, approx)}: {_range_text(dets)}. "
        "An exact date would decide it."
    )
    base = dets[0]
    return base.model_copy(
        update={
            "outcome": Outcome.needs_review,
            "date": None,
            "reason": reason,
            "findings": [_quoted(f, approx) for f in base.findings],
            "missing_facts": sorted({*fields, *base.missing_facts}),
            "next_change": settled,
            # What one reading said about its own dates does not hold for the others.
            "date_reason": None,
            "next_change_reason": "the day from which every reading of the approximate dates "
            "is eligible"
            if settled
            else None,
            "next_change_outcome": Outcome.eligible if settled else None,
            "eligible_from_date": settled,
            "eligible_from_reason": None,
            "headline": None,
        }
    )


def _latest(answers: Sequence[tuple[Reading, Determination]]) -> tuple[Reading, Determination]:
    """The reading whose approximate dates lie latest (each at the latest day it allows, where
    that reading is valid): the days worked from it, such as the end of a wait counted from an
    approximate release, are never earlier than on another reading."""
    return max(answers, key=lambda a: sum(d.toordinal() for d in a[0].days.values()))


def _detail_ranges(
    answers: Sequence[tuple[Reading, Determination]], base: Determination
) -> tuple[dict[str, Any] | None, str]:
    """The details, where the readings agree on the answer but not on a date the details show:
    each such date given as its latest reading (the day by which it has surely come), with the
    earliest beside it (``<key>_earliest``), and said in words. Never the earliest alone."""
    if base.details is None:
        return None, ""
    details = dict(base.details)
    said: list[str] = []
    for key in base.details:
        values = {det.details.get(key) if det.details else None for _, det in answers}
        days = sorted(v for v in values if isinstance(v, str))
        if len(days) != len(values) or days[0] == days[-1]:
            continue
        details[key] = days[-1]
        details[f"{key}_earliest"] = days[0]
        said.append(f"{key} between {days[0]} and {days[-1]}")
    if not said:
        return details, ""
    return details, (
        " The dates worked from them depend on the day: "
        + "; ".join(said)
        + " (the later is the day by which it has surely come)."
    )


def merge(answers: Sequence[tuple[Reading, Determination]]) -> Determination:
    """One determination from the answers of every reading. Where every reading gives the same
    answer, its words are those of the reading whose approximate dates lie latest (a date worked
    from an approximate one is never shown earlier than it may be), and a date the details show
    that differs between readings is shown as its range (:func:`_detail_ranges`)."""
    approx = answers[0][0].approx
    if not approx:
        return answers[0][1]
    if len({answer_key(det) for _, det in answers}) > 1:
        return _differing(answers)
    reading, base = _latest(answers)
    if base.outcome is Outcome.not_applicable:
        # Nothing to decide whatever the day: the reason stands without a note on the dates.
        return base.model_copy(update={"findings": [_quoted(f, approx) for f in base.findings]})
    written = ", ".join(f"{p} {approx[p]}" for p in sorted(approx))
    at_latest = all(reading.days.get(p) == approx[p].latest for p in approx)
    worked = "the latest day each allows" if at_latest else "one of them"
    details, ranges = _detail_ranges(answers, base)
    note = (
        f"Some dates are approximate ({written}); this answer holds on every day they allow "
        f"(the days the findings quote are worked from {worked}).{ranges}"
    )
    update: dict[str, Any] = {"findings": [_quoted(f, approx) for f in base.findings]}
    update["details"] = details
    changes = {det.next_change for _, det in answers}
    if len(changes) > 1:
        known = sorted(d for d in changes if d)
        note += (
            f" When it changes depends on those dates: on {known[0].isoformat()} at the earliest."
            if known
            else ""
        )
        update.update(_next_change(answers, base))
    update["reason"] = f"{base.reason} {note}" if base.reason else note
    return base.model_copy(update=update)


def _next_change(
    answers: Sequence[tuple[Reading, Determination]], base: Determination
) -> dict[str, Any]:
    """The next change of an answer every reading gives, where the readings change it on
    different days. From the first of those days the readings differ, so the answer is
    ``needs_review`` (:func:`_differing`): that is its next change, unless it already is
    ``needs_review``; then it changes only once every reading has changed, to the answer they
    all change to (none is foreseen where a reading never changes or they change to different
    answers). Never a reading's earliest day given as the day the answer itself changes."""
    changes = [det.next_change for _, det in answers]
    known = sorted(d for d in changes if d)
    if base.outcome is not Outcome.needs_review:
        return {
            "next_change": known[0] if known else None,
            "next_change_outcome": Outcome.needs_review if known else None,
            "next_change_reason": "from this day the answer depends on the unknown day of the "
            "approximate dates"
            if known
            else None,
        }
    after = {det.next_change_outcome for _, det in answers}
    if None in changes or len(after) > 1:
        return {"next_change": None, "next_change_outcome": None, "next_change_reason": None}
    last = max(known)
    reason = next(det.next_change_reason for _, det in answers if det.next_change == last)
    return {"next_change": last, "next_change_outcome": after.pop(), "next_change_reason": reason}


def merge_blocks(
    blocks: Sequence[dict[str, Any] | None], approx: dict[str, ApproxDate], as_of: date
) -> dict[str, Any] | None:
    """A computed block: the one computed when every reading computes the same, else a block
    saying its figures depend on the approximate dates."""
    if all(block == blocks[0] for block in blocks):
        return blocks[0]
    merged: dict[str, Any] = {
        "as_of": as_of.isoformat(),
        "status": "needs_review",
        "reason": "The computed dates depend on the unknown day of "
        f"{_fields(sorted(approx), approx)}. Exact dates would decide them.",
    }
    released = [(b.get("released_on") or b.get("custody_ended_on")) if b else None for b in blocks]
    if all(released):  # out on every reading: say so (the latest day), as one block does
        merged["custody_ended_on"] = max(str(day) for day in released)
    return merged
