"""Term of imprisonment, commencement and prior custody credit (18 U.S.C. 3585).

A sentence commences on the day the person is received in custody awaiting transportation to,
or arrives voluntarily at, the facility where it is to be served (3585(a)). A term of N months
(and Y years) ends on the day before the anniversary of that day N months later; days written
in the term are added after the months. Prior custody credit (3585(b)) is official detention
before commencement for the offense, or for a later-arrested charge, that has not been credited
against another sentence: the full term date is the term's last day less those days.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from secondchance.law.sentence.days import Days, add_months
from secondchance.law.units import MONTHS_PER_YEAR

if TYPE_CHECKING:
    from secondchance.law.sentence.kernel import SentenceColumns

CITATION = "18 U.S.C. 3585"
URL = "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title18-section3585"


@dataclass
class TermColumns:
    term_days: npt.NDArray[np.int64]
    term_end: Days
    """Last day of the term counted from commencement (before prior custody credit)."""
    full_term_date: Days
    """Last day of the term less prior custody credit."""
    clamped: npt.NDArray[np.bool_]
    """The anniversary day does not exist in its month; the month's last day was used."""
    prior_exceeds: npt.NDArray[np.bool_]


def full_term(cols: SentenceColumns) -> TermColumns:
    months = cols.years * MONTHS_PER_YEAR + cols.months
    anniversary = add_months(cols.commenced, months)
    day_of_month = (
        cols.commenced.astype("datetime64[D]")
        - cols.commenced.astype("datetime64[D]").astype("datetime64[M]").astype("datetime64[D]")
    ).astype(np.int64)
    anniversary_day = (
        anniversary.astype("datetime64[D]")
        - anniversary.astype("datetime64[D]").astype("datetime64[M]").astype("datetime64[D]")
    ).astype(np.int64)
    clamped = (months > 0) & (anniversary_day != day_of_month)
    after = anniversary + cols.days
    term_days = after - cols.commenced
    term_end = after - 1
    return TermColumns(
        term_days=term_days,
        term_end=term_end,
        full_term_date=term_end - cols.prior_custody_days,
        clamped=clamped & ~cols.life,
        prior_exceeds=(cols.prior_custody_days >= term_days) & ~cols.life,
    )
