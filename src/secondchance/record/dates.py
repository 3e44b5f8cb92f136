"""Dates as records hold them: an exact day, or a day known only to lie within a range.

Real files say "sentenced in 1998" or "released June 2018". Any date field of a record may be
written ``"YYYY-MM-DD"`` (exact), ``"YYYY-MM"`` (some day of that month), ``"YYYY"`` (some day
of that year) or ``{not_before: "YYYY-MM-DD", not_after: "YYYY-MM-DD"}`` (either bound may be
left out). Dates are always strings, never numbers or YAML timestamps.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

FIRST_YEAR, LAST_YEAR = 1900, 2200
"""Dates a record may hold: wide enough for any real record, narrow enough that every date the
law computes from them (a life-long term, a look-back, an anniversary) stays on the calendar."""

FIRST_DAY, LAST_DAY = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)

_YEAR = re.compile(r"[0-9]{4}")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
BOUNDS = ("not_before", "not_after")


class DateFormError(ValueError):
    """A date written in none of the forms a record allows."""


@dataclass(frozen=True)
class ApproxDate:
    """A day known to lie between ``earliest`` and ``latest`` (both included)."""

    earliest: date
    latest: date
    text: str
    """The date as the record wrote it, quoted back in answers."""

    @property
    def exact(self) -> date | None:
        """The day itself when the range is a single day, else ``None``."""
        return self.earliest if self.earliest == self.latest else None

    def __str__(self) -> str:
        return self.text

    def describe(self) -> str:
        """``"2018-06 (a day between 2018-06-01 and 2018-06-30)"``."""
        if self.exact is not None:
            return self.exact.isoformat()
        return f"{self.text} (a day between {self.earliest} and {self.latest})"


def on_calendar(day: date) -> date:
    """``day`` itself, or an error when it lies outside the years a record may hold."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise DateFormError(
            f"{day} is outside the years {FIRST_YEAR}-{LAST_YEAR} a record may hold"
        )
    return day


def _exact(text: str) -> date:
    if not _DAY.fullmatch(text):
        raise DateFormError(f"{text!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")
    try:
        return on_calendar(date.fromisoformat(text))
    except DateFormError:
        raise
    except ValueError as exc:
        raise DateFormError(f"{text!r} is not a date on the calendar ({exc})") from None


def _from_text(text: str) -> ApproxDate:
    if _YEAR.fullmatch(text):
        year = int(text)
        on_calendar(date(max(1, year), 1, 1))
        return ApproxDate(date(year, 1, 1), date(year, 12, 31), text)
    month = _MONTH.fullmatch(text)
    if month:
        year, number = int(month.group(1)), int(month.group(2))
        if not 1 <= number <= 12:
            raise DateFormError(f"{text!r} is not a month on the calendar")
        on_calendar(date(max(1, year), 1, 1))
        last = calendar.monthrange(year, number)[1]
        return ApproxDate(date(year, number, 1), date(year, number, last), text)
    day = _exact(text)
    return ApproxDate(day, day, text)


def _bound(value: Any, key: str) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise DateFormError(f"{key} must be a date written as text, YYYY-MM-DD")
    return _exact(value)


def _from_bounds(value: dict[Any, Any]) -> ApproxDate:
    extra = sorted(str(k) for k in value if k not in BOUNDS)
    if extra:
        raise DateFormError(
            f"unknown key {extra[0]!r} in a date range (write not_before and/or not_after)"
        )
    low, high = (
        _bound(value.get("not_before"), "not_before"),
        _bound(value.get("not_after"), "not_after"),
    )
    if low is None and high is None:
        raise DateFormError("a date range needs not_before or not_after (or leave the date out)")
    earliest, latest = low or FIRST_DAY, high or LAST_DAY
    if latest < earliest:
        raise DateFormError(f"not_after {latest} is before not_before {earliest}")
    parts = [f"{k} {v}" for k, v in (("not before", low), ("not after", high)) if v is not None]
    return ApproxDate(earliest, latest, ", ".join(parts))


def parse_date(value: Any) -> ApproxDate:
    """Read any date form a record allows (exact dates come back with ``exact`` set)."""
    if isinstance(value, str):
        return _from_text(value.strip())
    if isinstance(value, dict):
        return _from_bounds(value)
    if isinstance(value, bool | int | float):
        raise DateFormError(
            f"{value!r} is a number, not a date: write it in quotes as YYYY-MM-DD, YYYY-MM or YYYY"
        )
    raise DateFormError("a date is written as text (YYYY-MM-DD, YYYY-MM or YYYY) or a range")


def is_approximate_form(value: Any) -> bool:
    """Whether ``value`` is written in one of the approximate forms (not an exact day)."""
    if isinstance(value, dict):
        return True
    if not isinstance(value, str):
        return False
    text = value.strip()
    if len(text) == 4:  # only a year can match: YYYY
        return bool(_YEAR.fullmatch(text))
    return len(text) == 7 and bool(_MONTH.fullmatch(text))


DATE_JSON_SCHEMA: dict[str, Any] = {
    "description": "A date: 'YYYY-MM-DD' (exact), 'YYYY-MM' (some day of that month), 'YYYY' "
    "(some day of that year), or {not_before, not_after} (either bound may be left out).",
    "anyOf": [
        {"type": "string", "pattern": r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"},
        {
            "type": "object",
            "properties": {
                "not_before": {"type": "string", "format": "date"},
                "not_after": {"type": "string", "format": "date"},
            },
            "additionalProperties": False,
            "minProperties": 1,
        },
    ],
}
