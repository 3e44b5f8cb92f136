"""Date arithmetic that cannot fail at the ends of the calendar.

Records may hold any valid date, up to 9999-12-31 and down to 0001-01-01. Adding a day or a
year to such a date leaves Python's calendar; these helpers answer ``None`` (no such day) or
clamp to the calendar's first day instead of raising, so the SBA rules never crash on a date.
Month arithmetic is remembered by value (it is asked for the same days by several programs).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

ONE_DAY = timedelta(days=1)


def next_day(day: date) -> date | None:
    """The day after ``day``; ``None`` after 9999-12-31."""
    return None if day == date.max else day + ONE_DAY


def previous_day(day: date) -> date | None:
    """The day before ``day``; ``None`` before 0001-01-01."""
    return None if day == date.min else day - ONE_DAY


@lru_cache(maxsize=65536)
def months_after(day: date, months: int) -> date | None:
    """``day`` plus ``months`` calendar months (month-end clamped); ``None`` past 9999-12-31."""
    try:
        return day + relativedelta(months=months)
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=65536)
def months_before(day: date, months: int) -> date:
    """``day`` less ``months`` calendar months, or 0001-01-01 if that would be earlier (every
    recordable day is on or after it, so a window reaching back further starts there)."""
    try:
        return day - relativedelta(months=months)
    except (ValueError, OverflowError):
        return date.min


@lru_cache(maxsize=65536)
def first_day_outside_lookback(end: date, months: int) -> date | None:
    """The first day whose look-back window (``months`` calendar months before it, as
    :func:`months_before` counts them) starts after ``end``: the first day ``d`` with
    ``months_before(d, months) > end``. ``None`` if there is no such day in the calendar."""
    day = months_after(end, months)
    if day is None:
        return None
    # Month-end clamping makes ``months_before`` non-injective (2025-02-28 and 2025-03-01 less
    # one year are 2024-02-28 and 2024-03-01), so walk to the exact first day.
    while months_before(day, months) <= end:
        nxt = next_day(day)
        if nxt is None:
            return None
        day = nxt
    while True:
        prev = previous_day(day)
        if prev is None or months_before(prev, months) <= end:
            return day
        day = prev
