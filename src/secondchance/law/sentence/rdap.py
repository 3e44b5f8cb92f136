"""The Residential Drug Abuse Program early release (18 U.S.C. 3621(e)(2)(B); 28 CFR 550.55;
BOP Program Statement P5331.02).

A prisoner convicted of a nonviolent offense who completes the residential program may have
the time in custody reduced by the Bureau, by not more than one year. The Bureau's program
statement sets the most it gives by the length of the term imposed (parameter
``sentence.rdap.reduction_months``: up to 6 months for a term of 30 months or less, 9 for 31 to
36 months, 12 for longer terms). The reduction is counted in calendar months back from the
good conduct time release date; a prisoner who completes the program later than that day is
released on the day of completion at the earliest (our reading: the reduction follows
completion). The Bureau applies the reduction first and the First Step Act time credits on the
earlier date (PS 5410.01, as reported: "The 3621(e) benefit will be applied first").

The regulation excludes, at the Director's discretion, immigration detainees, pretrial
inmates, contractual boarders, prisoners with a prior conviction within ten years before
sentencing for homicide, forcible rape, robbery, aggravated assault, arson, kidnapping or sexual
abuse of minors, a current felony conviction with force as an element, involving a firearm,
other dangerous weapon or explosives, presenting a serious potential risk of force, or
involving sexual abuse of minors, an attempt, conspiracy or other offense involving one of
those, and prisoners who received the early release before (550.55(b)(1)-(7)). A fact missing
for one of them makes the reduction ``needs_review``; it is then not applied to the dates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from secondchance.law.sentence.days import NO_DATE, Days, add_months, months_back
from secondchance.law.units import MONTHS_PER_YEAR

if TYPE_CHECKING:
    from secondchance.law.sentence.kernel import KernelLaw, SentenceColumns

CITATION = "18 U.S.C. 3621(e)(2)(B); 28 CFR 550.55; BOP PS P5331.02"
URL = (
    "https://www.ecfr.gov/current/title-28/chapter-V/subchapter-C/part-550/subpart-F/section-550.55"
)
PS_URL = "https://www.bop.gov/policy/progstat/5331_002.pdf"
ORDER_CITATION = "BOP PS 5410.01 (CN-2), as reported"

EXCLUSIONS: tuple[tuple[str, str], ...] = (
    ("ice_detainee", "550.55(b)(1): an Immigration and Customs Enforcement detainee"),
    ("contractual_boarder", "550.55(b)(3): a contractual boarder (state or military)"),
    (
        "prior_disqualifying_conviction",
        "550.55(b)(4): a prior felony or misdemeanor conviction, within ten years before "
        "sentencing, for homicide, forcible rape, robbery, aggravated assault, arson, "
        "kidnapping or sexual abuse of minors",
    ),
    (
        "current_violent_or_weapon_offense",
        "550.55(b)(5): a current felony conviction with force as an element, involving a "
        "firearm, dangerous weapon or explosives, presenting a serious potential risk of "
        "force, or involving sexual abuse of minors",
    ),
    (
        "attempt_or_conspiracy_of_excluded_offense",
        "550.55(b)(6): an attempt, conspiracy or other offense involving an offense of (b)(4) "
        "or (b)(5)",
    ),
    (
        "previous_rdap_early_release",
        "550.55(b)(7): an early release under 18 U.S.C. 3621(e) received before",
    ),
)
"""The exclusions of 28 CFR 550.55(b) the record states (pretrial inmates, (b)(2), are not
serving a sentence), each as (fact name, the rule in our words)."""


@dataclass
class RdapColumns:
    months: npt.NDArray[np.int64]
    """Months of the reduction (0 where none applies)."""
    release_date: Days
    """The release date after the reduction (NO_DATE where none applies)."""
    limited: npt.NDArray[np.bool_]
    """Completion (or commencement) came after the day the full reduction gives."""


def tier_months(
    years: npt.NDArray[np.int64],
    months: npt.NDArray[np.int64],
    days: npt.NDArray[np.int64],
    commenced: Days,
    law: KernelLaw,
) -> npt.NDArray[np.int64]:
    """The most months of reduction for each term imposed (the program statement's tiers). A
    term with days ("1200 days", an aggregate counted in days) is set against the tier's months
    counted from commencement: 1200 days from 2025-01-01 runs past 36 months, so the 12-month
    tier. Without a commencement, whole months decide and any days push a term up one tier."""
    total = years * MONTHS_PER_YEAR + months
    known = commenced != NO_DATE
    start = np.where(known, commenced, 0)
    end = add_months(start, total) + days  # the day after the term imposed runs out
    result = np.full(total.shape, law.rdap_tiers[-1][1], dtype=np.int64)
    for most, reduction in reversed(law.rdap_tiers[:-1]):
        by_months = (total < most) | ((total == most) & (days == 0))
        by_days = end <= add_months(start, np.full(total.shape, most, dtype=np.int64))
        result = np.where(np.where(known, by_days, by_months), reduction, result)
    return result


def reduce(cols: SentenceColumns, release: Days, law: KernelLaw) -> RdapColumns:
    """The 3621(e) release date of every sentence with ``cols.rdap`` set: the release date less
    the tier's months, not before completion (when known) nor commencement."""
    size = len(cols)
    if not cols.rdap.any():
        zero = np.zeros(size, dtype=np.int64)
        no = np.zeros(size, dtype=np.bool_)
        return RdapColumns(zero, np.full(size, NO_DATE, dtype=np.int64), no)
    applies = cols.rdap & ~cols.life & (release != NO_DATE) & (release > cols.commenced)
    tier = np.zeros(size, dtype=np.int64)
    tier[applies] = tier_months(  # only where the reduction applies (a hot path)
        cols.years[applies], cols.months[applies], cols.days[applies], cols.commenced[applies], law
    )
    at = np.where(applies, release, cols.commenced)
    back = at.copy()
    for months in {reduction for _, reduction in law.rdap_tiers}:
        chosen = applies & (tier == months)
        if chosen.any():
            back[chosen] = months_back(at[chosen], months)
    completed = np.where(cols.rdap_completed != NO_DATE, cols.rdap_completed, back)
    floor = np.maximum(completed, cols.commenced)
    reduced = np.minimum(np.maximum(back, floor), release)
    return RdapColumns(tier, np.where(applies, reduced, NO_DATE), applies & (reduced > back))


def exclusion_status(facts: dict[str, bool | None]) -> tuple[bool | None, list[str], list[str]]:
    """Whether the early release is open under 550.55(b): True (no exclusion applies), False
    (one applies), None (a deciding fact is missing); with the exclusions found and the facts
    missing."""
    found = [rule for name, rule in EXCLUSIONS if facts.get(name) is True]
    missing = [name for name, _ in EXCLUSIONS if facts.get(name) is None]
    if found:
        return False, found, missing
    return (None if missing else True), found, missing


@dataclass
class RdapClaim:
    """What is known of one prisoner's Residential Drug Abuse Program: completed (with its
    day, when known) or expected, the Bureau's provisional eligibility decision and the facts of
    each exclusion of 550.55(b) (None: not stated)."""

    completed: bool
    completed_on: date | None = None
    bureau_eligible: bool | None = None
    exclusions: dict[str, bool | None] = field(default_factory=dict)
    source: str = "rdap"
    """Where the facts come from (a record path or the command line), for the findings."""
    missing_hint: str | None = None
    """What to name as missing instead of the exclusion facts (the command line has none)."""

    def decision(self) -> tuple[bool | None, list[str], list[str]]:
        """Whether the reduction applies (True), does not (False) or is undecided (None), with
        the exclusions found and the facts missing. The Bureau's decision settles a missing
        fact; an exclusion stated as found is never overridden."""
        open_, found, missing = exclusion_status(self.exclusions)
        if open_ is False or self.bureau_eligible is False:
            return False, found, missing
        if self.bureau_eligible is True:
            return True, found, []
        if open_ is None and self.missing_hint:
            return None, found, [self.missing_hint]
        return open_, found, [f"{self.source}.{name}" for name in missing]
