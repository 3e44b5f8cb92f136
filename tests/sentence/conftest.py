from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.law.sentence.days import from_day, to_day
from secondchance.law.sentence.kernel import KernelLaw, Risk, SentenceColumns, compute


def one(
    *,
    commenced: date,
    months: int = 0,
    years: int = 0,
    days: int = 0,
    life: bool = False,
    arrived: date | None = None,
    prior: int = 0,
    sr: bool = True,
    risk: Risk = Risk.low,
    ineligible: bool = False,
    removal: bool = False,
    non_earning: int = 0,
    without_ged: bool = False,
    lost: int = 0,
    rdap: bool = False,
    rdap_completed: date | None = None,
    credits_lost: int = 0,
    as_of: date = date(2025, 6, 1),
) -> dict[str, Any]:
    """Run the kernel on a batch of one; dates come back as ``date`` (or None)."""
    cols = SentenceColumns.of(1)
    cols.commenced[0] = to_day(commenced)
    cols.arrived[0] = to_day(arrived or commenced)
    cols.years[0], cols.months[0], cols.days[0] = years, months, days
    cols.life[0] = life
    cols.prior_custody_days[0] = prior
    cols.supervised_release[0] = sr
    cols.risk[0] = risk
    cols.fsa_ineligible[0] = ineligible
    cols.removal_order[0] = removal
    cols.non_earning_days[0] = non_earning
    cols.gct_without_ged[0] = without_ged
    cols.gct_lost_days[0] = lost
    cols.rdap[0] = rdap
    if rdap_completed is not None:
        cols.rdap_completed[0] = to_day(rdap_completed)
    cols.fsa_credits_lost_days[0] = credits_lost
    row = compute(cols, KernelLaw.on(as_of)).row(0)
    out: dict[str, Any] = {}
    for key, value in row.items():
        dated = key.endswith(("_date", "_start", "term_end"))
        out[key] = from_day(value) if dated else value
    return out
