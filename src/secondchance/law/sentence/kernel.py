"""The sentence computation kernel: every date of a federal sentence over columns.

One call computes, for a whole batch of sentences held as numpy columns, the term and its full
term date (18 U.S.C. 3585), good conduct time and the release date (3624(b), 3624(a)), and the
projected First Step Act time credits with their application to supervised release and
prerelease custody (3632(d)(4), 3624(g)). A single person is a batch of one; the explanation of
one person's dates reads the same results as a typed row (``row.KernelRow``, read by the parts
of ``law/sentence/block.py``).

Every step is a closed form; there is no loop over days. The law of each step, in our words,
is in the module named after it: ``term`` (3585), ``good_conduct`` (3624(b)),
``time_credits`` (3632(d)(4) and 3624(g)).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from enum import IntEnum, IntFlag
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from secondchance.law.parameters import parameter, value
from secondchance.law.sentence import good_conduct, placement, rdap, term, time_credits
from secondchance.law.sentence.days import NO_DATE, Days, last_weekday_on_or_before, to_day

Flags = npt.NDArray[np.bool_]


class Risk(IntEnum):
    """PATTERN risk level as a column code."""

    unknown = 0
    minimum = 1
    low = 2
    medium = 3
    high = 4


class Code(IntFlag):
    """Reason codes, one bit each, returned per sentence."""

    LIFE = 1 << 0
    NO_GCT_TERM_ONE_YEAR_OR_LESS = 1 << 1
    GCT_WITHOUT_GED_RATE = 1 << 2
    GCT_DISALLOWED_OR_FORFEITED = 1 << 3
    PRIOR_CUSTODY_EXCEEDS_TERM = 1 << 4
    RELEASE_ON_WEEKEND_OR_HOLIDAY = 1 << 5
    FSA_INELIGIBLE_OFFENSE = 1 << 6
    FSA_REMOVAL_ORDER = 1 << 7
    FSA_RISK_UNKNOWN = 1 << 8
    FSA_RISK_BARS_APPLICATION = 1 << 9
    FSA_NO_SUPERVISED_RELEASE = 1 << 10
    FSA_SUPERVISED_RELEASE_CAP_REACHED = 1 << 11
    FSA_NO_CREDITS_BEFORE_RELEASE = 1 << 12
    FSA_ADDITIONAL_RATE_PROJECTED = 1 << 13
    FSA_START_AT_ENACTMENT = 1 << 14
    FSA_START_UNDER_2026_RULE = 1 << 15
    MONTH_END_CLAMPED = 1 << 16
    FSA_CREDITS_EXCEED_NEED = 1 << 17
    RDAP_REDUCTION = 1 << 18
    RDAP_LIMITED_BY_COMPLETION = 1 << 19
    FSA_CREDITS_LOST = 1 << 20


@dataclass
class SentenceColumns:
    """The inputs, one entry per sentence. Days are int64 days since 1970-01-01."""

    commenced: Days
    years: npt.NDArray[np.int64]
    months: npt.NDArray[np.int64]
    days: npt.NDArray[np.int64]
    life: Flags
    prior_custody_days: npt.NDArray[np.int64]
    arrived: Days
    supervised_release: Flags
    risk: npt.NDArray[np.int8]
    fsa_ineligible: Flags
    removal_order: Flags
    non_earning_days: npt.NDArray[np.int64]
    gct_without_ged: Flags
    gct_lost_days: npt.NDArray[np.int64]
    additional_from: Days
    """Day from which periods completed earn the additional days (two consecutive minimum/low
    assessments, from the record); NO_DATE: the projection assumption of the parameters."""
    base_rate_only: Flags
    """Risk assessments are recorded but do not show two consecutive minimum or low ones: every
    period is projected at the base rate (28 CFR 523.42(c)(2)), no later assessment assumed."""
    earning_stops: Days
    """Day on which a non-earning status is open (the as-of day): no period completed after it
    is projected; NO_DATE: earning is assumed to go on."""
    rdap: Flags
    """The 3621(e) early release applies (eligible, program completed or expected to be)."""
    rdap_completed: Days
    """Day the residential program was completed; NO_DATE: expected in time."""
    fsa_credits_lost_days: npt.NDArray[np.int64]
    """Time credits lost under 28 CFR 523.43 and not restored."""

    def __len__(self) -> int:
        return int(self.commenced.size)

    @classmethod
    def of(cls, size: int) -> SentenceColumns:
        """Columns of ``size`` default values (no prior custody, arrival to be set, no SR)."""
        zeros = np.zeros(size, dtype=np.int64)
        no = np.zeros(size, dtype=np.bool_)
        return cls(
            commenced=zeros.copy(),
            years=zeros.copy(),
            months=zeros.copy(),
            days=zeros.copy(),
            life=no.copy(),
            prior_custody_days=zeros.copy(),
            arrived=zeros.copy(),
            supervised_release=no.copy(),
            risk=np.zeros(size, dtype=np.int8),
            fsa_ineligible=no.copy(),
            removal_order=no.copy(),
            non_earning_days=zeros.copy(),
            gct_without_ged=no.copy(),
            gct_lost_days=zeros.copy(),
            additional_from=np.full(size, NO_DATE, dtype=np.int64),
            base_rate_only=no.copy(),
            earning_stops=np.full(size, NO_DATE, dtype=np.int64),
            rdap=no.copy(),
            rdap_completed=np.full(size, NO_DATE, dtype=np.int64),
            fsa_credits_lost_days=zeros.copy(),
        )


@dataclass
class SentenceResult:
    """All dates (int64 days, :data:`NO_DATE` for none), counts and reason codes."""

    term_days: npt.NDArray[np.int64]
    term_end: Days
    full_term_date: Days
    whole_years: npt.NDArray[np.int64]
    partial_year_days: npt.NDArray[np.int64]
    gct_days: npt.NDArray[np.int64]
    gct_release_date: Days
    release_weekday_date: Days
    fsa_earning_start: Days
    fsa_periods: npt.NDArray[np.int64]
    fsa_credits_days: npt.NDArray[np.int64]
    fsa_applied_days: npt.NDArray[np.int64]
    fsa_supervised_release_credit_days: npt.NDArray[np.int64]
    fsa_prerelease_custody_credit_days: npt.NDArray[np.int64]
    fsa_release_date: Days
    fsa_prerelease_custody_date: Days
    rdap_months: npt.NDArray[np.int64]
    rdap_release_date: Days
    sca_rrc_date: Days
    sca_home_confinement_date: Days
    sca_home_confinement_days: npt.NDArray[np.int64]
    sca_combined_placement_date: Days
    codes: npt.NDArray[np.int64]

    def row(self, index: int) -> dict[str, int]:
        return {f.name: int(getattr(self, f.name)[index]) for f in fields(self)}


@dataclass(frozen=True)
class KernelLaw:
    """The scalar law of one as-of date, read from the dated parameters."""

    gct_method: str
    gct_days_per_year: int
    gct_days_per_year_without_ged: int
    gct_days_in_year: int
    gct_time_served_per_mille: int
    gct_more_than_years: int
    fsa_enacted: int
    fsa_in_force: bool
    """The as-of day is on or after the Act's enactment: no time credit or FSA code before."""
    fsa_earning_starts_at: str
    fsa_commencement_rule_day: int | None
    """First day of the rule starting earning at commencement, when it is in force."""
    fsa_period_days: int
    fsa_base_days: int
    fsa_additional_days: int
    fsa_periods_before_additional: int
    supervised_release_months: int
    supervised_release_cap_days: int
    rdap_tiers: tuple[tuple[int, int], ...]
    """(most months of the term, months of reduction); the last row's bound is unused."""
    sca_rrc_months: int
    sca_home_percent: int
    sca_home_months: int
    holiday_country: str

    @classmethod
    def on(cls, day: date) -> KernelLaw:
        """The law of ``day`` (built once per day: the parameters do not change in a run)."""
        return _law_on(day)


def change_day(name: str, to: Any) -> date | None:
    """The first day from which parameter ``name`` takes the value ``to`` (None if never)."""
    days = [d.start for d in parameter(name).values if d.value == to and d.start is not None]
    return min(days) if days else None


def fsa_enactment() -> date:
    """The First Step Act's enactment (``sentence.fsa.enacted``): no time credits before it."""
    enacted: date = parameter("sentence.fsa.enacted").values[0].value
    return enacted


@cache
def _law_on(day: date) -> KernelLaw:
    starts_at = value("sentence.fsa.earning_starts_at", day)
    rule_day: int | None = None
    if starts_at == "commencement":
        changed = change_day("sentence.fsa.earning_starts_at", "commencement")
        rule_day = to_day(changed) if changed else None
    enacted = to_day(value("sentence.fsa.enacted", day))
    return KernelLaw(
        gct_method=value("sentence.gct.method", day),
        gct_days_per_year=value("sentence.gct.days_per_year", day),
        gct_days_per_year_without_ged=value("sentence.gct.days_per_year_without_ged", day),
        gct_days_in_year=value("sentence.gct.days_in_year", day),
        gct_time_served_per_mille=value("sentence.gct.time_served_fraction_per_mille", day),
        gct_more_than_years=value("sentence.gct.minimum_term_more_than_years", day),
        fsa_enacted=enacted,
        fsa_in_force=to_day(day) >= enacted,
        fsa_earning_starts_at=starts_at,
        fsa_commencement_rule_day=rule_day,
        fsa_period_days=value("sentence.fsa.period_days", day),
        fsa_base_days=value("sentence.fsa.base_days_per_period", day),
        fsa_additional_days=value("sentence.fsa.additional_days_per_period", day),
        fsa_periods_before_additional=value(
            "sentence.fsa.projection.periods_before_additional", day
        ),
        supervised_release_months=value("sentence.fsa.supervised_release_months", day),
        supervised_release_cap_days=value("sentence.fsa.supervised_release_cap_days", day),
        rdap_tiers=tuple(
            (int(most) if most is not None else 0, int(months))
            for most, months in value("sentence.rdap.reduction_months", day)
        ),
        sca_rrc_months=value("sentence.sca.rrc_months", day),
        sca_home_percent=value("sentence.sca.home_confinement", day)["percent"],
        sca_home_months=value("sentence.sca.home_confinement", day)["months"],
        holiday_country=value("sentence.holidays.country", day),
    )


def compute(cols: SentenceColumns, law: KernelLaw) -> SentenceResult:
    """Every date of every sentence in ``cols`` under ``law``."""
    codes = np.zeros(len(cols), dtype=np.int64)

    t = term.full_term(cols)
    codes |= np.where(t.clamped, int(Code.MONTH_END_CLAMPED), 0)
    codes |= np.where(t.prior_exceeds, int(Code.PRIOR_CUSTODY_EXCEEDS_TERM), 0)
    codes |= np.where(cols.life, int(Code.LIFE), 0)

    g = good_conduct.gct(cols, t, law)
    codes |= np.where(g.term_too_short, int(Code.NO_GCT_TERM_ONE_YEAR_OR_LESS), 0)
    codes |= np.where(cols.gct_without_ged & ~cols.life, int(Code.GCT_WITHOUT_GED_RATE), 0)
    codes |= np.where(g.lost > 0, int(Code.GCT_DISALLOWED_OR_FORFEITED), 0)

    release = np.where(cols.life, NO_DATE, t.full_term_date - g.days)
    weekday = last_weekday_on_or_before(release, law.holiday_country)
    codes |= np.where((weekday != release) & ~cols.life, int(Code.RELEASE_ON_WEEKEND_OR_HOLIDAY), 0)

    r = rdap.reduce(cols, release, law)
    reduced = r.release_date != NO_DATE
    codes |= np.where(reduced, int(Code.RDAP_REDUCTION), 0)
    codes |= np.where(r.limited, int(Code.RDAP_LIMITED_BY_COMPLETION), 0)
    credit_release = np.where(reduced, r.release_date, release)

    f = time_credits.project(cols, credit_release, law)
    codes |= f.codes

    leave = np.where(f.release_date != NO_DATE, f.release_date, credit_release)
    prerelease = np.where(f.prerelease_date != NO_DATE, f.prerelease, 0)
    p = placement.window(leave, cols.commenced, t.term_days, prerelease, law)

    return SentenceResult(
        term_days=np.where(cols.life, 0, t.term_days),
        term_end=np.where(cols.life, NO_DATE, t.term_end),
        full_term_date=np.where(cols.life, NO_DATE, t.full_term_date),
        whole_years=g.whole_years,
        partial_year_days=g.partial_days,
        gct_days=g.days,
        gct_release_date=release,
        release_weekday_date=weekday,
        fsa_earning_start=f.earning_start,
        fsa_periods=f.periods,
        fsa_credits_days=f.credits,
        fsa_applied_days=f.applied,
        fsa_supervised_release_credit_days=f.supervised_release,
        fsa_prerelease_custody_credit_days=f.prerelease,
        fsa_release_date=f.release_date,
        fsa_prerelease_custody_date=f.prerelease_date,
        rdap_months=r.months,
        rdap_release_date=r.release_date,
        sca_rrc_date=p.rrc_date,
        sca_home_confinement_date=p.home_confinement_date,
        sca_home_confinement_days=p.home_confinement_days,
        sca_combined_placement_date=p.combined_date,
        codes=codes,
    )
