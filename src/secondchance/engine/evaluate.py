"""Evaluate a record under the law in force on a date, and find when the answer changes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from secondchance.engine.determination import Determination, Outcome, Report, Subject
from secondchance.engine.rules import Computation, Context, Program
from secondchance.record.schema import Record

MAX_LOOK_AHEAD = 64
"""How many candidate change dates are tried when looking for the next change."""


def determine_on(program: Program, record: Record, day: date, ctx: Context) -> Determination:
    """The determination of the rule version in force on ``day``."""
    version = program.version_on(day)
    if version is None:
        return Determination(
            program=program.id,
            outcome=Outcome.needs_review,
            reason=f"No rule version of {program.id} is encoded for {day.isoformat()}.",
        )
    return version.evaluate(record, day, ctx)


def _key(det: Determination) -> tuple[Outcome, date | None]:
    return det.outcome, det.date


def evaluate_program(program: Program, record: Record, ctx: Context) -> Determination:
    """Evaluate one program and fill in ``next_change`` (and ``eligible_from`` where a later
    candidate date turns a ``not_eligible`` into ``eligible``).

    Candidate dates are those the program names from the facts (a supervision term ending, a
    waiting period running out) and the effective dates of later rule versions; the same rules
    are evaluated on each, so no date is a special case.
    """
    day = program.decisive_date(record, ctx)
    det = determine_on(program, record, day, ctx)
    if not program.look_ahead or det.next_change is not None:
        return det
    points = {p for p in program.change_points(record, ctx) if p > day}
    points |= {
        v.effective_from for v in program.versions if v.effective_from and v.effective_from > day
    }
    next_change: date | None = None
    eligible_from: date | None = None
    for point in sorted(points)[:MAX_LOOK_AHEAD]:
        later = determine_on(program, record, point, ctx.on(point))
        if _key(later) == _key(det):
            continue
        next_change = next_change or point
        if det.outcome is Outcome.not_eligible and later.outcome is Outcome.eligible:
            eligible_from = point
        break
    update: dict[str, object] = {"next_change": next_change}
    if eligible_from is not None:
        update.update(
            outcome=Outcome.eligible_from,
            date=eligible_from,
            reason=f"{det.reason} Eligible from {eligible_from.isoformat()}."
            if det.reason
            else f"Eligible from {eligible_from.isoformat()}.",
        )
    return det.model_copy(update=update)


def evaluate(
    record: Record,
    as_of: date,
    application_date: date | None = None,
    *,
    programs: Sequence[Program],
    computations: Sequence[Computation] = (),
) -> Report:
    """Evaluate ``programs`` for ``record`` as of ``as_of`` and run ``computations``.

    The law's own programs and computations are wired in by :func:`secondchance.api.evaluate`.
    """
    ctx = Context(as_of=as_of, application_date=application_date or record.application_date)
    determinations = [evaluate_program(p, record, ctx) for p in programs]
    subject = Subject(
        name=record.person.name,
        bop_register_number=record.person.bop_register_number,
        business=record.business.name if record.business else None,
    )
    return Report(
        as_of=as_of,
        application_date=ctx.application_date,
        subject=subject,
        determinations=determinations,
        computations={c.id: c.compute(record, as_of) for c in computations},
    )
