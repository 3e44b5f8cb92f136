"""Calendar arithmetic over columns of days (int64 days since 1970-01-01), with no per-day loops.

A term of N months ends on the day before the N-month anniversary of its start; when the
anniversary day does not exist in that month (31 January + 1 month) the last day of the month is
taken, as date libraries do. The weekday rule of 18 U.S.C. 3624(a) (release on the last weekday
before a Saturday, Sunday or legal holiday) is a table lookup built once from the federal
holidays; holidays of the state where a prisoner is confined are not known.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import numpy as np
import numpy.typing as npt

from secondchance.law.units import DAYS_PER_WEEK

Days = npt.NDArray[np.int64]

NO_DATE = np.int64(np.iinfo(np.int64).min)
"""Sentinel of a date column meaning 'no date' (life terms, credits that cannot apply)."""

EPOCH = date(1970, 1, 1).toordinal()

TABLE_FIRST_YEAR = 1900
TABLE_LAST_YEAR = 2200
"""Span of years for which the weekday table is built (outside it no advance is made): the
years a record's dates may hold."""

EPOCH_WEEKDAY = 3
"""1970-01-01 was a Thursday (Monday = 0, as ``date.weekday``)."""

SATURDAY = 5
"""The first day of the weekend (Saturday, Sunday: 5, 6 with Monday = 0)."""


def to_day(day: date) -> int:
    """Days since 1970-01-01."""
    return day.toordinal() - EPOCH


def from_day(value: int) -> date | None:
    """The date of a day number (None for :data:`NO_DATE`)."""
    if value == NO_DATE:
        return None
    return date.fromordinal(int(value) + EPOCH)


def add_months(days: Days, months: npt.NDArray[np.int64]) -> Days:
    """The same day of the month ``months`` later (earlier when negative), clamped to the last
    day of a shorter month."""
    as_dates = days.astype("datetime64[D]")
    month_start = as_dates.astype("datetime64[M]")
    day_of_month = (as_dates - month_start.astype("datetime64[D]")).astype(np.int64)
    target = month_start + months.astype("timedelta64[M]")
    target_first = target.astype("datetime64[D]")
    month_length = (
        (target + np.timedelta64(1, "M")).astype("datetime64[D]") - target_first
    ).astype(np.int64)
    offset = np.minimum(day_of_month, month_length - 1)
    result: Days = target_first.astype(np.int64) + offset
    return result


@cache
def _weekday_table(country: str) -> tuple[int, npt.NDArray[np.int64]]:
    """For every day of the table span, the last weekday on or before it that is not a holiday."""
    import holidays

    first = to_day(date(TABLE_FIRST_YEAR, 1, 1))
    last = to_day(date(TABLE_LAST_YEAR, 12, 31))
    span = np.arange(first, last + 1, dtype=np.int64)
    weekday = (span + EPOCH_WEEKDAY) % DAYS_PER_WEEK
    closed = weekday >= SATURDAY
    known = holidays.country_holidays(country, years=range(TABLE_FIRST_YEAR, TABLE_LAST_YEAR + 1))
    for holiday in known:
        closed[to_day(holiday) - first] = True
    index = np.arange(span.size, dtype=np.int64)
    open_index = np.where(closed, -1, index)
    last_open = np.maximum.accumulate(open_index)
    return first, span[np.maximum(last_open, 0)]


def last_weekday_on_or_before(days: Days, country: str) -> Days:
    """The weekday rule of 3624(a) over a column (NO_DATE stays NO_DATE)."""
    first, table = _weekday_table(country)
    index = days - first
    inside = (index >= 0) & (index < table.size) & (days != NO_DATE)
    result = days.copy()
    result[inside] = table[index[inside]]
    return result


@cache
def _months_back_table(months: int) -> tuple[int, npt.NDArray[np.int64]]:
    """For every day of the table span, the same day ``months`` calendar months earlier
    (clamped to the month's last day), built once with :func:`add_months`."""
    first = to_day(date(TABLE_FIRST_YEAR, 1, 1))
    last = to_day(date(TABLE_LAST_YEAR, 12, 31))
    span = np.arange(first, last + 1, dtype=np.int64)
    return first, add_months(span, np.full(span.size, -months, dtype=np.int64))


def months_back(days: Days, months: int) -> Days:
    """``days`` less ``months`` calendar months (a table lookup; :func:`add_months` outside the
    table's years)."""
    first, table = _months_back_table(months)
    index = days - first
    inside = (index >= 0) & (index < table.size)
    if inside.all():
        return table[index]
    result = add_months(days, np.full(days.shape, -months, dtype=np.int64))
    result[inside] = table[index[inside]]
    return result


@cache
def _holidays_of(country: str, year: int) -> dict[date, str]:
    import holidays

    return {day: str(name) for day, name in holidays.country_holidays(country, years=year).items()}


def holiday_name(day: date, country: str) -> str | None:
    """The name of the federal holiday on ``day`` (for explanations)."""
    return _holidays_of(country, day.year).get(day)
