"""The First Step Act part of the sentence block: how far time credits are projected for one
person (3632(d)(4)(D)-(E) eligibility, the start of earning of 28 CFR 523.42, the risk level
for application under 3624(g)) and the credits earned and applied, from the kernel's row."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from secondchance.law.sentence.days import EPOCH, from_day, last_weekday_on_or_before, to_day
from secondchance.law.sentence.facts import SentenceFacts, columns_of, row_of
from secondchance.law.sentence.kernel import Code, KernelLaw
from secondchance.law.sentence.parts import FromCommencement, FsaPart, FsaStage
from secondchance.law.sentence.row import KernelRow, day_of
from secondchance.law.sentence.versions import EARNING_PROGRAM


def enacted_on(law: KernelLaw) -> date:
    """The First Step Act's enactment."""
    return date.fromordinal(law.fsa_enacted + EPOCH)


def rule_day(law: KernelLaw) -> date | None:
    """First day of the rule starting earning at commencement, when it is in force."""
    day = law.fsa_commencement_rule_day
    return from_day(day) if day is not None else None


def _eligible(facts: SentenceFacts) -> bool | None:
    return None if facts.fsa_ineligible is None else not facts.fsa_ineligible


def not_projected(facts: SentenceFacts, law: KernelLaw, commuted: bool) -> FsaPart:
    """No credits for a term served or commuted to a release date."""
    eligible = _eligible(facts)
    if facts.removal_order or not law.fsa_in_force:
        eligible = False if law.fsa_in_force else None
    if commuted:
        eligible = None if eligible else eligible
    risk = facts.risk.value if facts.risk else None
    return FsaPart(FsaStage.NOT_PROJECTED, eligible, risk, facts.non_earning_days)


def _stopped(facts: SentenceFacts, law: KernelLaw, row: KernelRow) -> FsaStage | None:
    """The condition that stops the projection before the start of earning, if any."""
    released = facts.released_on
    if released is not None and released < enacted_on(law):
        return FsaStage.RELEASED_BEFORE_ACT
    if not law.fsa_in_force:
        return FsaStage.NOT_IN_FORCE
    if facts.fsa_ineligible is None:
        return FsaStage.CONVICTION_UNDECIDED
    if facts.fsa_ineligible:
        return FsaStage.CONVICTION_LISTED
    if row.has(Code.LIFE):
        return FsaStage.LIFE
    start_rule = rule_day(law)
    if facts.arrived is None and not (start_rule and facts.commenced >= start_rule):
        return FsaStage.ARRIVAL_UNKNOWN
    return None


def stage_of(facts: SentenceFacts, row: KernelRow, law: KernelLaw) -> FsaStage:
    """How far the projection goes: the first condition that stops it, else whether the
    credits earned can be applied (risk level, final order of removal)."""
    stopped = _stopped(facts, law, row)
    if stopped is not None:
        return stopped
    if row.has(Code.FSA_RISK_UNKNOWN):
        return FsaStage.RISK_UNKNOWN
    if row.has(Code.FSA_RISK_BARS_APPLICATION):
        return FsaStage.RISK_BARS_APPLICATION
    return FsaStage.REMOVAL_ORDER if facts.removal_order else FsaStage.APPLIED


_BEFORE_ACT = (FsaStage.RELEASED_BEFORE_ACT, FsaStage.NOT_IN_FORCE)
_EARNING = (
    FsaStage.RISK_UNKNOWN,
    FsaStage.RISK_BARS_APPLICATION,
    FsaStage.REMOVAL_ORDER,
    FsaStage.APPLIED,
)
_COUNTED = _EARNING[1:]
_PROJECTED = _EARNING[2:]


def fsa_part(facts: SentenceFacts, row: KernelRow, law: KernelLaw, earn_id: str) -> FsaPart:
    """The FSA part: stopped at the first condition that bars the projection, else the credits
    earned, and applied unless the risk level or a final order of removal prevents it."""
    stage = stage_of(facts, row, law)
    risk = facts.risk.value if facts.risk else None
    if stage in _BEFORE_ACT:
        return FsaPart(stage, None, risk, None)
    life = stage is FsaStage.LIFE and _eligible(facts) is not None
    eligible = False if facts.removal_order or life else _eligible(facts)
    counted = stage in _COUNTED
    applied = stage is FsaStage.APPLIED
    release = day_of(row.fsa_release_date) if applied else None
    return FsaPart(
        stage,
        eligible,
        risk,
        facts.non_earning_days,
        earning_start=day_of(row.fsa_earning_start) if stage in _EARNING else None,
        credits_days=row.fsa_credits_days if counted else None,
        credits_applied_days=row.fsa_applied_days if applied else None,
        supervised_release_credit_days=(
            row.fsa_supervised_release_credit_days if applied else None
        ),
        prerelease_custody_credit_days=(
            row.fsa_prerelease_custody_credit_days if applied else None
        ),
        release_date=release,
        release_weekday_date=_weekday(release, law) if release is not None else None,
        prerelease_custody_date=day_of(row.fsa_prerelease_custody_date) if applied else None,
        projection=projection(facts, law) if stage in _PROJECTED else None,
        from_commencement=_from_commencement(facts, row, law) if counted else None,
        start_version=_start_version(facts, row, law, earn_id) if counted else None,
    )


def reaches_back(facts: SentenceFacts, row: KernelRow, law: KernelLaw) -> bool:
    """Earning runs from commencement under the interim rule, yet started later (from arrival,
    before the rule's day): whether the rule reaches back is open."""
    return law.fsa_earning_starts_at == "commencement" and row.fsa_earning_start > max(
        to_day(facts.commenced), law.fsa_enacted
    )


def _start_version(facts: SentenceFacts, row: KernelRow, law: KernelLaw, earn_id: str) -> str:
    """The rule version of the start of earning: the 2018 rule where earning ran from arrival
    before the interim rule's day."""
    start_rule = rule_day(law)
    earlier_rule = reaches_back(facts, row, law) and not row.has(Code.FSA_START_UNDER_2026_RULE)
    if earlier_rule and start_rule:
        earlier = EARNING_PROGRAM.version_on(start_rule - timedelta(days=1))
        return earlier.id if earlier else earn_id
    return earn_id


def _from_commencement(
    facts: SentenceFacts, row: KernelRow, law: KernelLaw
) -> FromCommencement | None:
    """The dates if the interim rule's start at commencement reached back (else None)."""
    if not reaches_back(facts, row, law):
        return None
    cols = columns_of(facts)
    cols.arrived[0] = cols.commenced[0]
    alt = row_of(cols, law)
    return FromCommencement(
        earning_start=day_of(alt.fsa_earning_start),
        credits_days=alt.fsa_credits_days,
        prerelease_custody_date=day_of(alt.fsa_prerelease_custody_date),
        release_date=day_of(alt.fsa_release_date),
    )


def projection(facts: SentenceFacts, law: KernelLaw) -> str:
    """The assumptions of the projection, with the rate schedule used."""
    if facts.base_rate_only:
        schedule = (
            f"{law.fsa_base_days} days per {law.fsa_period_days} for every period: the recorded "
            "assessments do not show two consecutive minimum or low ones (28 CFR 523.42(c)(2)), "
            "and none later is assumed"
        )
    elif facts.additional_from is not None:
        schedule = (
            f"{law.fsa_base_days + law.fsa_additional_days} days per {law.fsa_period_days} for "
            f"periods completed after {facts.additional_from.isoformat()}, when the two most "
            "recent assessments had both been minimum or low (28 CFR 523.42(c)(2)), "
            f"{law.fsa_base_days} before"
        )
    else:
        k0 = law.fsa_periods_before_additional
        schedule = (
            f"{law.fsa_base_days} days per {law.fsa_period_days} for the first {k0} periods and "
            f"{law.fsa_base_days + law.fsa_additional_days} after (the Bureau's handout)"
        )
    if facts.earning_stops is not None:
        return (
            f"A non-earning status is open on {facts.earning_stops.isoformat()}: only the credits "
            f"earned by then are counted ({schedule}), none later; resuming successful "
            "participation would move the dates earlier. Not a guarantee."
        )
    return (
        "Assumes successful participation without a break from the start of earning, "
        f"{schedule}, credits posting at the end of each period and being earned until "
        "applied. Not a guarantee."
    )


def _weekday(release: date, law: KernelLaw) -> date:
    """The last weekday on or before the transfer to supervised release (3624(a))."""
    column = np.array([to_day(release)], dtype=np.int64)
    day = int(last_weekday_on_or_before(column, law.holiday_country)[0])
    return from_day(day) or release
