"""The SBA decisive day and the days on which an SBA answer can change.

The loan application date decides both which rule version applies and the day on which the
people's statuses are tested (without one, the as-of date stands in). An answer can change on:
the day after a custody, supervision or role ends; the day a custody, supervision, role or
charge begins or a charge is resolved; the first day a role falls out of the six-month
Associate look-back; the first day a riot-related felony conviction is more than a year old;
and the day 89 FR 34094 took effect (the engine adds later rule versions' effective dates).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from secondchance.engine.rules import Context
from secondchance.law.parameters import value
from secondchance.record.schema import PersonRecord, Record, _Span

ONE_DAY = timedelta(days=1)


def decisive_date(record: Record, ctx: Context) -> date:
    """The loan application date (the command line's, else the record's), else the as-of date."""
    return ctx.application_date or record.application_date or ctx.as_of


def first_day_outside_lookback(end: date, months: int) -> date:
    """The first application date whose look-back window (``months`` before it) starts after
    ``end``, the last day a role was held."""
    day = end + relativedelta(months=months) + ONE_DAY
    while day - relativedelta(months=months) <= end:
        day += ONE_DAY
    while (day - ONE_DAY) - relativedelta(months=months) > end:
        day -= ONE_DAY
    return day


def _span_points(spans: Iterable[_Span]) -> Iterator[date]:
    for span in spans:
        if span.start is not None:
            yield span.start
        if span.end is not None:
            yield span.end + ONE_DAY


def _record_points(rec: PersonRecord, day: date) -> Iterator[date]:
    yield from _span_points(rec.custody)
    yield from _span_points(rec.supervision)
    for charge in rec.pending_charges:
        if charge.filed_on is not None:
            yield charge.filed_on
        if charge.resolved_on is not None:
            yield charge.resolved_on
    years = value("sba.disaster.riot_felony_lookback_years", day)
    for conviction in rec.convictions:
        if conviction.conviction_date is not None:
            yield conviction.conviction_date
            yield conviction.conviction_date + relativedelta(years=years)


def change_points(record: Record, ctx: Context) -> list[date]:
    """Every day on which an SBA answer for this record could change."""
    if record.business is None:
        return []
    day = decisive_date(record, ctx)
    months = {
        value("sba.associate.lookback_months", day),
        value("sba.ilp.associate.lookback_months", day),
    }
    points: set[date] = set()
    for person in record.business.people:
        points.update(_span_points(person.roles))
        for role in person.roles:
            if role.end is not None:
                points.update(first_day_outside_lookback(role.end, m) for m in months)
        points.update(_record_points(person.record, day))
    return sorted(points)
