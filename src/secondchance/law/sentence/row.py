"""One person's kernel row, typed: every date (int64 day numbers, :data:`NO_DATE` for none),
count and reason code of the kernel (``kernel.SentenceResult``) for one sentence, read by name
by the parts of the sentence block; and the day-number helpers the explanation uses."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np

from secondchance.law.sentence.days import EPOCH, NO_DATE, to_day
from secondchance.law.sentence.kernel import Code, SentenceResult

_NAMES = tuple(f.name for f in fields(SentenceResult))
_CODES = tuple((int(c), c.name) for c in Code if c.name)


@lru_cache(maxsize=1024)
def _code_names(bits: int) -> tuple[str, ...]:
    return tuple(name for value, name in _CODES if bits & value == value)


_FIRST_DAY = to_day(date.min)
_LAST_DAY = to_day(date.max)
_NO_DATE = int(NO_DATE)
""":data:`NO_DATE` as a plain int, to compare a row's plain ints with."""


def in_calendar(value: int) -> bool:
    """A day number the calendar can hold (years 1-9999)."""
    return _FIRST_DAY <= value <= _LAST_DAY


def day_of(value: int) -> date | None:
    """The date of a day number; None for NO_DATE and for days the calendar cannot hold, which
    the block reports."""
    # NO_DATE lies outside the calendar; the bounds are plain ints, so no numpy comparison.
    return date.fromordinal(int(value) + EPOCH) if _FIRST_DAY <= value <= _LAST_DAY else None


def iso(value: int) -> str | None:
    """The ISO date of a day number (None as :func:`day_of`)."""
    day = day_of(value)
    return day.isoformat() if day else None


@dataclass(frozen=True)
class KernelRow:
    """The kernel's result for one sentence (fields as in ``kernel.SentenceResult``)."""

    term_days: int
    term_end: int
    full_term_date: int
    whole_years: int
    partial_year_days: int
    gct_days: int
    gct_release_date: int
    release_weekday_date: int
    fsa_earning_start: int
    fsa_periods: int
    fsa_credits_days: int
    fsa_applied_days: int
    fsa_supervised_release_credit_days: int
    fsa_prerelease_custody_credit_days: int
    fsa_release_date: int
    fsa_prerelease_custody_date: int
    rdap_months: int
    rdap_release_date: int
    sca_rrc_date: int
    sca_home_confinement_date: int
    sca_home_confinement_days: int
    sca_combined_placement_date: int
    codes: Code

    @classmethod
    def of(cls, result: SentenceResult, index: int) -> KernelRow:
        """Row ``index`` of a kernel result."""
        values: dict[str, Any] = {name: int(getattr(result, name)[index]) for name in _NAMES}
        values["codes"] = Code(values["codes"])
        return cls(**values)

    @classmethod
    def rows(cls, result: SentenceResult) -> list[KernelRow]:
        """Every row of a kernel result, each column read out of its array once."""
        columns = [getattr(result, name).astype(np.int64).tolist() for name in _NAMES]
        rows = []
        for values in zip(*columns, strict=True):
            named: dict[str, Any] = dict(zip(_NAMES, values, strict=True))
            named["codes"] = Code(named["codes"])
            rows.append(cls(**named))
        return rows

    def has(self, code: Code) -> bool:
        return int.__and__(self.codes, code) == code  # plain int arithmetic, no Flag built

    @property
    def code_names(self) -> tuple[str, ...]:
        """The names of the reason codes set, in the order of :class:`Code`."""
        return _code_names(int(self.codes))

    @property
    def credit_release(self) -> int:
        """The day time credits are applied to: the 3621(e) date, else the release date."""
        reduced = self.rdap_release_date
        return reduced if reduced != _NO_DATE else self.gct_release_date

    def beyond_calendar(self) -> list[str]:
        """The dates computed that the calendar cannot hold (names as in the block)."""
        return [
            name
            for name in DATE_FIELDS
            if (v := getattr(self, name)) != _NO_DATE and not in_calendar(v)
        ]


DATE_FIELDS = (
    "term_end",
    "full_term_date",
    "gct_release_date",
    "release_weekday_date",
    "fsa_earning_start",
    "fsa_release_date",
    "fsa_prerelease_custody_date",
    "rdap_release_date",
    "sca_rrc_date",
    "sca_home_confinement_date",
    "sca_combined_placement_date",
)
"""The kernel's dates, in the order the block names those outside the calendar."""
