"""First Step Act time credits: earning (18 U.S.C. 3632(d)(4); 28 CFR 523.42) and application
(18 U.S.C. 3624(g); 28 CFR 523.44), projected in closed form.

Earning. An eligible prisoner earns 10 days for every 30 days of successful participation, and
5 more when at minimum or low risk kept over the two most recent assessments (the regulation's
test; the statute's "has not increased their risk" is wider). Nothing is earned before
2018-12-21, nor before the sentence commences, and nothing at all is computed for an as-of day
before the Act. Until 2026-09-30 earning begins on arrival at the designated facility
(523.42(a)); the interim rule reported as 91 FR 55740 (PROVISIONAL) moves it to commencement
from 2026-09-30. That day is ``earning_start``; days in a non-earning status are not counted
(the periods are counted from earning_start plus those days).

Projection (a stated assumption, from the Bureau's handout): credits post at the end of each
completed 30-day period counted from the start of earning, the first 7 periods at 10 days and
later ones at 15 for a minimum/low risk person; credits keep being earned until they are used.
When a record shows the day on which the two most recent assessments had both been minimum or
low, the periods completed after that day earn 15 instead (28 CFR 523.42(c)(2)); when it records
assessments without two consecutive minimum or low ones, every period earns 10 (no later
assessment is assumed). A non-earning status open on the as-of day stops the projection there:
the credits are those of the periods completed by then.

Application. Credits are applied once earned credits equal the rest of the term: the
conditional placement day is the first day D on which credits earned by D are at least the
days from D to the release date. ``credits`` are the credits earned by D (the handout's
"credits earned" column, 1,015 in its example 4); ``applied`` are the days from D to the
release date, never more: 3624(g)(1)(A) asks for credits "equal to the remainder of the
prisoner's imposed term", so credits beyond the days left are not needed and are not applied.
Where credits cannot be applied (medium or high risk, a final order of removal) ``credits``
are those earned by the release date if participation continues.

Of the credits applied, up to 12 months (the Bureau counts 365 days, also across a 29 February)
move the transfer to supervised release earlier when the court imposed a term of supervised
release (3624(g)(3)); the rest are served
in prerelease custody (residential re-entry centre or home confinement). Without supervised
release all credits go to prerelease custody. A final order of removal bars application
(3632(d)(4)(E)); a medium or high risk prisoner cannot be moved to supervised release and
reaches prerelease custody only on a warden's petition (3624(g)(1)(D)), so no date is
projected.

Closed form. With S the first day of earning, p periods are complete on S + 30p and hold C(p)
credits (C is piecewise linear). The conditional placement day is the smaller of S + 30p* and
R - C(p* - 1), where p* is the least p with 30p + C(p) >= R - S.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from secondchance.engine.determination import Finding
from secondchance.law.parameters import value
from secondchance.law.rule_book import text
from secondchance.law.sentence.days import NO_DATE, Days, from_day, to_day

if TYPE_CHECKING:
    from secondchance.law.sentence.kernel import KernelLaw, SentenceColumns

EARN_CITATION = "18 U.S.C. 3632(d)(4)(A)-(B); 28 CFR 523.42"
EARN_URL = text("sentence", "cfr_523_42")
APPLY_CITATION = "18 U.S.C. 3624(g); 28 CFR 523.44"
APPLY_URL = "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title18-section3624"
HANDOUT_CITATION = "BOP PS 5410.01; BOP FSA Time Credit handout (as reported)"
HANDOUT_URL = "https://www.bop.gov/policy/progstat/5410.01.pdf"

Ints = npt.NDArray[np.int64]


@dataclass
class CreditColumns:
    earning_start: Days
    periods: Ints
    credits: Ints
    applied: Ints
    supervised_release: Ints
    prerelease: Ints
    release_date: Days
    prerelease_date: Days
    codes: Ints


def _ceil_div(a: Ints, b: Ints | int) -> Ints:
    return -((-a) // b)


def credits_after(periods: Ints, additional: Ints, k0: Ints, law: KernelLaw) -> Ints:
    """Credits held after ``periods`` completed periods (C(p)), the first ``k0`` at the base
    rate."""
    later = np.maximum(periods - k0, 0)
    held: Ints = law.fsa_base_days * periods + additional * later
    return held


def first_day_of_earning(
    commenced: Days, arrived: Days, law: KernelLaw
) -> tuple[Days, npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """The first day of earning: arrival at the designated facility, or commencement for days
    from the day the rule starting earning at commencement takes effect; never before
    commencement nor before the Act's enactment. Also whether that rule moved it (earlier than
    arrival) and whether the enactment did."""
    basis = arrived
    under_rule = np.zeros(arrived.shape, dtype=np.bool_)
    if law.fsa_earning_starts_at == "commencement" and law.fsa_commencement_rule_day is not None:
        basis = np.minimum(arrived, np.maximum(commenced, law.fsa_commencement_rule_day))
        under_rule = basis < arrived
    basis = np.maximum(basis, commenced)
    at_enactment = basis < law.fsa_enacted
    start: Days = np.maximum(basis, law.fsa_enacted)
    return start, under_rule, at_enactment


def streak_day(run: list[date]) -> date | None:
    """The day of the assessment that completes the run of minimum or low risk assessments the
    additional days need (3632(d)(4)(A)(ii); 28 CFR 523.42(c)(2)(ii)), given the run's days in
    order; None while the run is shorter."""
    if not run:
        return None
    needed = int(value("sentence.fsa.additional_rate_consecutive_assessments", run[-1]))
    return run[needed - 1] if len(run) >= needed else None


def earning_start(commenced: date, arrived: date | None, law: KernelLaw) -> date:
    """:func:`first_day_of_earning` for one sentence (arrival unknown: commencement)."""
    start, _, _ = first_day_of_earning(
        np.array([to_day(commenced)], dtype=np.int64),
        np.array([to_day(arrived or commenced)], dtype=np.int64),
        law,
    )
    return from_day(int(start[0])) or commenced


def schedule_assumption(law: KernelLaw, version_id: str) -> Finding:
    """The rate schedule assumed when no assessment dates set the day from which the additional
    days are earned (a record's ``check`` reads them, which can move the dates by some days)."""
    k0 = law.fsa_periods_before_additional
    base = law.fsa_base_days
    high = base + law.fsa_additional_days
    period = law.fsa_period_days
    return Finding(
        finding=f"No risk assessment dates are given here: time credits are projected on the "
        f"Bureau's handout schedule, {base} days per {period} for the first {k0} periods "
        f"({k0 * period} days) and {high} after. With the assessments recorded in a record file "
        f"(fsa.risk_assessments, `secondchance check`), periods completed after the second of "
        f"two consecutive minimum or low assessments earn {high} (28 CFR 523.42(c)(2)), which "
        "may move the credits and the dates by some days.",
        facts={"--fsa-risk": "given without assessment dates"},
        citation="18 U.S.C. 3632(d)(4)(A); 28 CFR 523.42(c)",
        rule_version=version_id,
        url=EARN_URL,
    )


def project(cols: SentenceColumns, release: Days, law: KernelLaw) -> CreditColumns:
    """Time credits earned and applied for every sentence, before ``release`` (the release date
    credits are applied to, NO_DATE: none)."""
    # Lazy import: kernel imports this module.
    from secondchance.law.sentence.kernel import Code, Risk

    size = len(cols)
    if not law.fsa_in_force:
        # Before the Act (2018-12-21) there are no time credits and no FSA reason codes.
        none = np.full(size, NO_DATE, dtype=np.int64)
        zero = np.zeros(size, dtype=np.int64)
        return CreditColumns(none, zero, zero, zero, zero, zero, none, none.copy(), zero.copy())
    earning_start, start, codes = _start(cols, law)
    risk = cols.risk
    low = (risk == Risk.minimum) | (risk == Risk.low)
    # Recorded assessments without two consecutive minimum/low ones: the base rate throughout.
    additional = np.where(low & ~cols.base_rate_only, law.fsa_additional_days, 0).astype(np.int64)

    has_release = release != NO_DATE
    # Credits lost under 28 CFR 523.43 and not restored: the credits held are C(p) - lost, so
    # the placement day is that of a release date ``lost`` days later, never after the release.
    lost = cols.fsa_credits_lost_days
    target = np.where(has_release, release + lost, 0)
    span = np.where(has_release, target - start, 0)
    k0 = _periods_before_additional(cols.additional_from, start, law)
    placement, periods = _placement(start, target, release, span, additional, k0, law)
    cap = _periods_cap(cols.earning_stops, start, law)
    # An open non-earning status: only the periods completed by then are projected, so the
    # credits are those held then, applied on the day they equal the days left.
    stopped = periods > cap
    periods = np.where(stopped, cap, periods)
    placement = np.where(
        stopped, np.minimum(target - credits_after(cap, additional, k0, law), release), placement
    )
    credits = np.maximum(credits_after(periods, additional, k0, law) - lost, 0)
    need = release - placement
    # Only where credits are projected at all (not for an excluded offense, life, no date).
    projected = low & has_release & ~cols.fsa_ineligible & ~cols.life
    applies = projected & ~cols.removal_order
    codes |= np.where(applies & (credits > need), int(Code.FSA_CREDITS_EXCEED_NEED), 0)

    # Credits that cannot be applied (medium/high/unknown risk, a final order of removal): those
    # earned by the release date if participation continues, shown, not applied.
    full_periods = np.minimum(np.maximum(span // law.fsa_period_days, 0), cap)
    held = np.maximum(credits_after(full_periods, additional, k0, law) - lost, 0)
    credits = np.where(applies, credits, held)
    codes |= np.where(projected & (lost > 0), int(Code.FSA_CREDITS_LOST), 0)
    periods = np.where(applies, periods, full_periods)
    codes |= np.where(
        projected & (periods > k0) & (additional > 0), int(Code.FSA_ADDITIONAL_RATE_PROJECTED), 0
    )

    split = _split(applies, need, placement, release, cols.supervised_release, law)
    codes |= _application_codes(cols, applies, split.applied, law)
    ineligible = cols.fsa_ineligible | cols.life | ~has_release
    unknown = risk == Risk.unknown
    return CreditColumns(
        earning_start=np.where(cols.fsa_ineligible, NO_DATE, earning_start),
        periods=np.where(ineligible | unknown, 0, periods),
        credits=np.where(ineligible | unknown, 0, credits),
        applied=split.applied,
        supervised_release=split.supervised_release,
        prerelease=split.prerelease,
        release_date=split.release_date,
        prerelease_date=split.prerelease_date,
        codes=codes,
    )


def _start(cols: SentenceColumns, law: KernelLaw) -> tuple[Days, Days, Ints]:
    """The first day of earning, the day periods are counted from, and the codes of the
    start. Periods are counted from the start of earning shifted by the days in non-earning
    status (taken as falling before the placement day): the same projection as pausing the
    count."""
    from secondchance.law.sentence.kernel import Code

    earning_start, under_rule, at_enactment = first_day_of_earning(
        cols.commenced, cols.arrived, law
    )
    codes = np.zeros(len(cols), dtype=np.int64)
    codes |= np.where(under_rule, int(Code.FSA_START_UNDER_2026_RULE), 0)
    codes |= np.where(at_enactment, int(Code.FSA_START_AT_ENACTMENT), 0)
    return earning_start, earning_start + cols.non_earning_days, codes


def _periods_before_additional(additional_from: Days, start: Days, law: KernelLaw) -> Ints:
    """Periods earned at the base rate: those completed by the day the record shows two
    consecutive minimum or low assessments, else the projection's assumption."""
    known = additional_from != NO_DATE
    from_record = np.maximum(np.where(known, additional_from, start) - start, 0)
    k0: Ints = np.where(
        known, from_record // law.fsa_period_days, law.fsa_periods_before_additional
    ).astype(np.int64)
    return k0


def _periods_cap(stops: Days, start: Days, law: KernelLaw) -> Ints:
    """The most periods projected: those complete on the day earning stops (an open
    non-earning status on the as-of day), else no limit."""
    stopped = stops != NO_DATE
    complete = np.maximum(np.where(stopped, stops, start) - start, 0) // law.fsa_period_days
    cap: Ints = np.where(stopped, complete, np.iinfo(np.int64).max).astype(np.int64)
    return cap


def _placement(
    start: Days,
    target: Days,
    release: Days,
    span: Ints,
    additional: Ints,
    k0: Ints,
    law: KernelLaw,
) -> tuple[Days, Ints]:
    """The conditional placement day (never after the release date) and the periods complete
    by it: p* is the least p with 30p + C(p) >= R - S, the day the smaller of S + 30p* and
    R - C(p* - 1)."""
    period = law.fsa_period_days
    first_step = period + law.fsa_base_days
    later_step = first_step + additional
    p_star = np.where(
        span <= first_step * k0,
        _ceil_div(span, first_step),
        k0 + _ceil_div(span - first_step * k0, later_step),
    )
    p_star = np.maximum(p_star, 0)
    on_period = start + period * p_star
    before = target - credits_after(np.maximum(p_star - 1, 0), additional, k0, law)
    placement = np.where(p_star == 0, release, np.minimum(on_period, before))
    periods = np.where(p_star == 0, 0, np.where(placement == on_period, p_star, p_star - 1))
    late = placement > release
    placement = np.where(late, release, placement)
    periods = np.where(late, np.maximum((release - start) // period, 0), periods)
    return placement, periods


@dataclass
class CreditSplit:
    """The days applied (3624(g)), split between supervised release and prerelease custody,
    and the dates they give."""

    applied: Ints
    supervised_release: Ints
    prerelease: Ints
    release_date: Days
    prerelease_date: Days


def _split(
    applies: npt.NDArray[np.bool_],
    need: Ints,
    placement: Days,
    release: Days,
    supervised_release: npt.NDArray[np.bool_],
    law: KernelLaw,
) -> CreditSplit:
    """The days left at placement, applied: at most the Bureau's 365 days (parameter
    sentence.fsa.supervised_release_cap_days, also across a 29 February; the statute's "12
    months" is the contested point, see the block's finding) to supervised release, where one
    was imposed, the rest to prerelease custody."""
    applied = np.where(applies, need, 0)
    sr = np.where(supervised_release, np.minimum(applied, law.supervised_release_cap_days), 0)
    prerelease = applied - sr
    return CreditSplit(
        applied=applied,
        supervised_release=sr,
        prerelease=prerelease,
        release_date=np.where(applies, release - sr, NO_DATE),
        prerelease_date=np.where(applies & (prerelease > 0), placement, NO_DATE),
    )


def _application_codes(
    cols: SentenceColumns, applies: npt.NDArray[np.bool_], applied: Ints, law: KernelLaw
) -> Ints:
    """The reason codes of eligibility, risk and application."""
    from secondchance.law.sentence.kernel import Code, Risk

    risk = cols.risk
    sr_span = law.supervised_release_cap_days
    codes = np.where(cols.fsa_ineligible, int(Code.FSA_INELIGIBLE_OFFENSE), 0)
    codes |= np.where(cols.removal_order, int(Code.FSA_REMOVAL_ORDER), 0)
    codes |= np.where(risk == Risk.unknown, int(Code.FSA_RISK_UNKNOWN), 0)
    codes |= np.where(
        (risk == Risk.medium) | (risk == Risk.high), int(Code.FSA_RISK_BARS_APPLICATION), 0
    )
    codes |= np.where(applies & ~cols.supervised_release, int(Code.FSA_NO_SUPERVISED_RELEASE), 0)
    codes |= np.where(
        applies & cols.supervised_release & (applied >= sr_span),
        int(Code.FSA_SUPERVISED_RELEASE_CAP_REACHED),
        0,
    )
    codes |= np.where(applies & (applied == 0), int(Code.FSA_NO_CREDITS_BEFORE_RELEASE), 0)
    result: Ints = codes.astype(np.int64, copy=False)
    return result
