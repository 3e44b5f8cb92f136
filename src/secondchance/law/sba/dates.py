"""The SBA decisive day and the days on which an SBA answer can change.

The loan application date decides both which rule version applies and the day on which the
people's statuses are tested (without one, the as-of date stands in). An answer can change on:
the day after a custody, supervision or role ends; the day a custody, supervision, role or
charge begins or a charge is resolved; the day a sentence is imposed and the day after a
probation or supervised-release term it states is over, counted from the recorded dates
(``status.sentence_term_ends``; a prison term with no custody recorded has no such day); the first
day a role falls out of the six-month Associate look-back; the day a riot-related felony
conviction is entered and the first day it (or, with no conviction date, the latest day it can
have been entered) is more than a year old; and the day 89 FR 34094 took effect (the engine
adds later rule versions' effective dates). A business person marked ``is_subject`` has the
top-level record as theirs (``record_of``). Days past the end of the calendar are left out,
never computed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from secondchance.engine.rules import Context
from secondchance.law.early_termination import too_soon_all
from secondchance.law.parameters import value
from secondchance.law.sba.convictions import conviction_day_bounds
from secondchance.law.sba.days import first_day_outside_lookback, next_day, previous_day
from secondchance.law.sba.status import sentence_term_ends
from secondchance.law.sentence.projection import Projection
from secondchance.law.units import MONTHS_PER_YEAR
from secondchance.record.query import record_of
from secondchance.record.schema import PersonRecord, Record, _Span
from secondchance.record.timeline import timeline

__all__ = ["change_points", "decisive_date", "first_day_outside_lookback"]


def decisive_date(record: Record, ctx: Context) -> date:
    """The loan application date (the command line's, else the record's), else the as-of date."""
    return ctx.application_date or record.application_date or ctx.as_of


Point = tuple[date | None, str]


def _span_points(spans: Iterable[_Span], what: str) -> Iterator[Point]:
    for span in spans:
        kind = getattr(span, "kind", None) or getattr(span, "role", None)
        name = f"{what} ({getattr(kind, 'value', kind)})" if kind else what
        if span.start is not None:
            yield span.start, f"{name} begins"
        if span.end is not None:
            yield next_day(span.end), f"the day after {name} ends"


def _record_points(rec: PersonRecord, day: date, who: str) -> Iterator[Point]:
    yield from _span_points(rec.custody, f"{who}'s custody")
    projected = timeline(rec).projected_release(day)
    if isinstance(projected, Projection) and any(p.end is None for p in rec.custody):
        # custody with no recorded end: taken as ended on the projected release
        yield next_day(projected.release), f"the day after {who}'s projected release"
    yield from _span_points(rec.supervision, f"{who}'s supervision")
    for doubt in too_soon_all(rec):
        if doubt.until is not None:
            yield doubt.until, f"the term of {who}'s supervision recorded as ended too soon is out"
    for point, what in sentence_term_ends(rec):
        yield point, f"{what} of {who}'s sentence, counted from the dates recorded"
    for charge in rec.pending_charges:
        if charge.filed_on is not None:
            yield charge.filed_on, f"a charge against {who} is filed"
        if charge.resolved_on is not None:
            yield charge.resolved_on, f"the charge against {who} is resolved"
    months = MONTHS_PER_YEAR * value("sba.disaster.riot_felony_lookback_years", day)
    for k in range(len(rec.convictions)):
        earliest, latest, _ = conviction_day_bounds(rec, k)
        for bound in (earliest, latest):
            if bound is None:
                continue
            yield bound, f"{who}'s conviction"
            # A conviction on ``bound`` is outside "the past year" once the day a year back
            # reaches it (status.riot_felony_within: ``since < when`` no longer holds). With no
            # conviction date, the earliest possible day leaving the window makes the answer
            # open, the latest makes it clear.
            before = previous_day(bound)
            if before is not None:
                yield (
                    first_day_outside_lookback(before, months),
                    f"{months} months after {who}'s conviction",
                )


def change_points(record: Record, ctx: Context) -> list[tuple[date, str]]:
    """Every day on which an SBA answer for this record could change, with why that day."""
    if record.business is None:
        return []
    day = decisive_date(record, ctx)
    months = {
        value("sba.associate.lookback_months", day),
        value("sba.ilp.associate.lookback_months", day),
    }
    points: dict[date, str] = {}
    for person in record.business.people:
        who = person.name or "an Associate"
        found = list(_span_points(person.roles, f"{who}'s role"))
        for role in person.roles:
            if role.end is not None:
                found += [
                    (
                        first_day_outside_lookback(role.end, m),
                        f"{m} months after {who} left the business",
                    )
                    for m in sorted(months)
                ]
        found += _record_points(record_of(record, person), day, who)
        for point, why in found:
            if point is not None:
                points.setdefault(point, why)
    return sorted(points.items())
