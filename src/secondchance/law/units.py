"""Units of the calendar and of arithmetic that the law's numbers are counted in. None of them
is law: the numbers the law sets are parameters (law/parameters/*.yaml)."""

from __future__ import annotations

MONTHS_PER_YEAR = 12
"""A calendar year of months: a term of N years is N x 12 calendar months."""

MOST_DAYS_IN_A_YEAR = 366
"""The most days a calendar year has (a leap year): a lower bound on whole years in a span."""

DAYS_PER_WEEK = 7
"""Days of the calendar week."""

PER_MILLE = 1000
"""The unit of a parameter written in thousandths (``..._per_mille``)."""

PERCENT = 100
"""The unit of a parameter written in percent (``..._percent``)."""
