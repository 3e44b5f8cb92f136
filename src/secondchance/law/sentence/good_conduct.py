"""Good conduct time (18 U.S.C. 3624(b); 28 CFR 523.20).

A prisoner serving more than one year, other than life, may receive good conduct time; none for
a term of one year or less or for life. The method follows the law of the as-of date (of the
release day, for a term the record shows ended before it):

* from 2019-07-19 (First Step Act 102(b), in force once the risk and needs assessment system was
  released; applied by the Bureau from that day by the method of its proposed rule 84 FR 72274,
  which 87 FR 7938 adopted unchanged, effective 2022-03-14): up to 54 days for each year of the
  sentence imposed, counted in anniversaries from commencement, and for the last partial year
  54 x (days beyond the last anniversary) / 365 rounded down (87 FR 7938, Table 1);
* before 2019-07-19 (Sentence Computation Manual, PS 5880.28; Barber v. Thomas, 560 U.S. 474
  (2010)): 54 days at the end of each year actually served, so each whole year consumes 365 + 54
  days of the term, and for the remainder the fewest days d whose .148 fraction (dropped)
  covers it: d + floor(0.148 d) >= remainder; 10 years (3,650 days) earn 470 days.

42 replaces 54 where the GED rule of 28 CFR 523.20 applies (offense on or after 1996-04-26, no
GED credential and no satisfactory progress toward one). Disallowed and forfeited days are
subtracted. The release date is the full term date less good conduct time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from secondchance.law.rule_book import text
from secondchance.law.sentence.days import add_months
from secondchance.law.units import MONTHS_PER_YEAR, MOST_DAYS_IN_A_YEAR, PER_MILLE

if TYPE_CHECKING:
    from secondchance.law.sentence.kernel import KernelLaw, SentenceColumns
    from secondchance.law.sentence.term import TermColumns

CITATION = "18 U.S.C. 3624(b); 28 CFR 523.20"
URL = text("sentence", "gct_final_rule")
PS_5880_URL = text("sentence", "ps_5880_28")

Ints = npt.NDArray[np.int64]


@dataclass
class GctColumns:
    days: Ints
    whole_years: Ints
    partial_days: Ints
    term_too_short: npt.NDArray[np.bool_]
    lost: Ints


def whole_years(commenced: Ints, after_term: Ints) -> tuple[Ints, Ints]:
    """Whole years of the term (anniversaries of commencement within it) and the days beyond."""
    span = after_term - commenced
    years = span // MOST_DAYS_IN_A_YEAR  # a lower bound
    while True:
        nxt = add_months(commenced, (years + 1) * MONTHS_PER_YEAR)
        more = nxt <= after_term
        if not more.any():
            break
        years = years + more
    return years, after_term - add_months(commenced, years * MONTHS_PER_YEAR)


_SETTLE_STEPS = 3
"""Rounds of one-day corrections to the closed-form estimate of days served (code, not law)."""


def _time_served(term_days: Ints, rate: Ints, per_mille: Ints, days_in_year: int) -> Ints:
    """Good conduct time earned on time served (PS 5880.28), closed form: each whole year
    served consumes a year's days plus the year's good conduct time."""
    cycle = days_in_year + rate
    full = term_days // cycle
    rest = term_days - full * cycle
    served = (rest * PER_MILLE + (PER_MILLE + per_mille) - 1) // (PER_MILLE + per_mille)
    for _ in range(_SETTLE_STEPS):  # settle on the fewest days served that cover the remainder
        fewer = served - 1
        served = np.where(
            (fewer >= 0) & (fewer + fewer * per_mille // PER_MILLE >= rest), fewer, served
        )
        served = np.where(served + served * per_mille // PER_MILLE < rest, served + 1, served)
    earned: Ints = full * rate + (rest - served)
    return earned


def gct(cols: SentenceColumns, t: TermColumns, law: KernelLaw) -> GctColumns:
    after = t.term_end + 1
    years, partial = whole_years(cols.commenced, after)
    minimum = law.gct_more_than_years
    too_short = (years < minimum) | ((years == minimum) & (partial == 0))
    rate = np.where(cols.gct_without_ged, law.gct_days_per_year_without_ged, law.gct_days_per_year)
    if law.gct_method == "sentence_imposed":
        earned = rate * years + (rate * partial) // law.gct_days_in_year
    elif law.gct_method == "time_served":
        # .148 is 54/365 to three places; the 42-day rate uses 42/365 to three places (.115).
        per_mille = np.where(
            cols.gct_without_ged,
            round(law.gct_days_per_year_without_ged * PER_MILLE / law.gct_days_in_year),
            law.gct_time_served_per_mille,
        ).astype(np.int64)
        earned = _time_served(t.term_days, rate.astype(np.int64), per_mille, law.gct_days_in_year)
    else:  # pragma: no cover - a parameter value the code does not know
        raise ValueError(f"unknown good conduct time method {law.gct_method!r}")
    none = too_short | cols.life
    lost = np.where(none, 0, np.minimum(cols.gct_lost_days, earned))
    days = np.where(none, 0, earned - lost)
    return GctColumns(
        days=days.astype(np.int64),
        whole_years=years,
        partial_days=partial,
        term_too_short=too_short & ~cols.life,
        lost=lost.astype(np.int64),
    )
