"""The baseline: one person at a time, one day at a time, as public calculators do it.

Walks the calendar: the term's last day by stepping months on a date object, good conduct time
by the same formula, then time credits by counting each day of participation, awarding at each
completed 30-day period and stopping on the first day the credits cover the days left (the
credits earned by then, and the days left, which are the days applied).
It serves as an independent check of the kernel's closed forms (the benchmark compares them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from secondchance.law.sentence.days import NO_DATE, from_day, to_day
from secondchance.law.sentence.kernel import KernelLaw, SentenceColumns


@dataclass(frozen=True)
class LoopLaw:
    enacted: date
    period: int
    base: int
    additional: int
    k0: int
    rate: int
    rate_no_ged: int
    sr_cap: int
    rdap_tiers: tuple[tuple[int, int], ...]
    sca_months: int

    @classmethod
    def from_kernel(cls, law: KernelLaw) -> LoopLaw:
        enacted = from_day(law.fsa_enacted)
        assert enacted is not None
        return cls(
            enacted,
            law.fsa_period_days,
            law.fsa_base_days,
            law.fsa_additional_days,
            law.fsa_periods_before_additional,
            law.gct_days_per_year,
            law.gct_days_per_year_without_ged,
            law.supervised_release_cap_days,
            law.rdap_tiers,
            law.sca_rrc_months,
        )


def rdap_date(cols: SentenceColumns, i: int, release: date, law: LoopLaw) -> date | None:
    """The 3621(e) release date: the tier's months before the release date, not before
    completion nor commencement (none for a term ending by commencement)."""
    start = from_day(int(cols.commenced[i]))
    assert start is not None
    if not cols.rdap[i] or release <= start:
        return None
    months = int(cols.years[i] * 12 + cols.months[i])
    end = start + relativedelta(months=months) + timedelta(days=int(cols.days[i]))
    tier = law.rdap_tiers[-1][1]
    for most, reduction in law.rdap_tiers[:-1]:
        if end <= start + relativedelta(months=most):  # the term runs no longer than `most`
            tier = reduction
            break
    reduced = release - relativedelta(months=tier)
    completed = from_day(int(cols.rdap_completed[i]))
    return min(max(reduced, completed or reduced, start), release)


Row = tuple[int, int, int, int, int, int, int, int]


def day_by_day(cols: SentenceColumns, i: int, law: LoopLaw) -> Row:
    """Full term date, release date, FSA release date, prerelease custody date, and (where
    credits apply; else -1) the credits held on the placement day and the days applied; then
    the 3621(e) date and the earliest Second Chance Act placement in a residential reentry
    centre (NO_DATE where none)."""
    start = from_day(int(cols.commenced[i]))
    assert start is not None
    after = start + relativedelta(months=int(cols.years[i] * 12 + cols.months[i]))
    after += timedelta(days=int(cols.days[i]))
    full = after - timedelta(days=1 + int(cols.prior_custody_days[i]))
    years = 0
    while start + relativedelta(months=12 * (years + 1)) <= after:
        years += 1
    partial = (after - (start + relativedelta(months=12 * years))).days
    rate = law.rate_no_ged if cols.gct_without_ged[i] else law.rate
    gct = 0 if years < 1 or (years == 1 and partial == 0) else rate * years + rate * partial // 365
    gct -= min(int(cols.gct_lost_days[i]), gct)
    gct_release = full - timedelta(days=gct)
    reduced = rdap_date(cols, i, gct_release, law)
    release = reduced or gct_release
    rdap = to_day(reduced) if reduced else int(NO_DATE)

    low = int(cols.risk[i]) in (1, 2)
    if cols.fsa_ineligible[i] or cols.removal_order[i] or not low:
        rrc = sca(release, start, law)
        return to_day(full), to_day(gct_release), int(NO_DATE), int(NO_DATE), -1, -1, rdap, rrc
    arrived = from_day(int(cols.arrived[i]))
    assert arrived is not None
    day = max(arrived, law.enacted)
    idle = int(cols.non_earning_days[i])
    first_day = day + timedelta(days=idle)
    credits = 0
    lost = int(cols.fsa_credits_lost_days[i])
    participated = 0
    periods = 0
    while day < release and (release - day).days > credits - lost:  # one day at a time
        if idle:
            idle -= 1
        else:
            participated += 1
            if participated == law.period:
                participated = 0
                periods += 1
                k0 = law.k0
                if cols.additional_from[i] != NO_DATE:
                    since = int(cols.additional_from[i]) - to_day(first_day)
                    k0 = max(since, 0) // law.period
                credits += law.base + (law.additional if periods > k0 else 0)
        day += timedelta(days=1)
        if participated == 0 and periods and (release - day).days <= credits - lost:
            break
    placement = min(day, release)
    applied = (release - placement).days
    sr = 0
    if cols.supervised_release[i]:
        sr = min(applied, law.sr_cap)  # the Bureau's 365 days, also across 29 February
    prerelease = applied - sr
    leave = release - timedelta(days=sr)
    rrc = sca(leave, start, law)
    if rrc != NO_DATE and prerelease > 0:
        rrc = max(rrc - prerelease, to_day(start))
    return (
        to_day(full),
        to_day(gct_release),
        to_day(leave),
        to_day(placement) if prerelease > 0 else int(NO_DATE),
        max(credits - lost, 0),
        applied,
        rdap,
        rrc,
    )


def sca(leave: date, start: date, law: LoopLaw) -> int:
    """Earliest residential reentry centre placement under 3624(c)(1): 12 months before
    leaving custody, not before commencement (none when custody ends by commencement)."""
    if leave <= start:
        return int(NO_DATE)
    return to_day(max(leave - relativedelta(months=law.sca_months), start))
