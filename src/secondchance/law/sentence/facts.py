"""The facts of one (aggregate) term of imprisonment, as the sentence block reads them, and the
kernel's columns and rows for them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from secondchance.engine.determination import Finding
from secondchance.law.sentence import rdap
from secondchance.law.sentence.days import to_day
from secondchance.law.sentence.kernel import KernelLaw, Risk, SentenceColumns, compute
from secondchance.law.sentence.row import KernelRow
from secondchance.record.schema import RiskLevel
from secondchance.record.terms import Term

RISK_CODE = {
    None: Risk.unknown,
    RiskLevel.minimum: Risk.minimum,
    RiskLevel.low: Risk.low,
    RiskLevel.medium: Risk.medium,
    RiskLevel.high: Risk.high,
}


@dataclass
class SentenceFacts:
    """The facts of one (aggregate) term of imprisonment."""

    term: Term
    commenced: date
    arrived: date | None = None
    prior_custody_days: int = 0
    supervised_release: Term | None = None
    risk: RiskLevel | None = None
    fsa_ineligible: bool | None = False
    removal_order: bool = False
    removal_ordered_on: date | None = None
    """The day of the final order of removal (for the findings), when known."""
    non_earning_days: int = 0
    gct_without_ged: bool = False
    gct_lost_days: int = 0
    fsa_credits_lost_days: int = 0
    """Time credits lost under 28 CFR 523.43 (before restoration)."""
    fsa_credits_restored_days: int = 0
    rdap: rdap.RdapClaim | None = None
    """The Residential Drug Abuse Program, when claimed (18 U.S.C. 3621(e))."""
    additional_from: date | None = None
    """Day on which the two most recent risk assessments had both been minimum or low (from
    the record), when known; else the projection assumption applies."""
    commuted_release_date: date | None = None
    """The day a commutation in force fixed as the sentence's expiry ("commuted to expire on")."""
    commuted_on: date | None = None
    commutation_path: str | None = None
    """Where the commutation in force is in the record (convictions[i].sentence.commutations[j])."""
    commutation_terms: str | None = None
    released_on: date | None = None
    """The record shows custody for the sentence ended on this day (on or before the as-of day)."""
    released_path: str | None = None
    risk_without_dates: bool = False
    """The risk level was given without assessment dates (the command line): the projection
    assumes the handout's rate schedule, and a finding says so."""
    findings: list[Finding] = field(default_factory=list)
    """Findings made while gathering the facts (aggregation, exclusions, prior custody)."""
    missing_facts: list[str] = field(default_factory=list)
    needs_review: list[str] = field(default_factory=list)


def columns_of(facts: SentenceFacts, with_rdap: bool | None = None) -> SentenceColumns:
    """The kernel's columns of one person; ``with_rdap`` forces the 3621(e) reduction on (the
    dates it would give) where its eligibility is undecided."""
    cols = SentenceColumns.of(1)
    cols.commenced[0] = to_day(facts.commenced)
    cols.years[0] = facts.term.years
    cols.months[0] = facts.term.months
    cols.days[0] = facts.term.days
    cols.life[0] = facts.term.life
    cols.prior_custody_days[0] = facts.prior_custody_days
    cols.arrived[0] = to_day(facts.arrived or facts.commenced)
    cols.supervised_release[0] = bool(
        facts.supervised_release and not facts.supervised_release.is_zero
    )
    cols.risk[0] = RISK_CODE[facts.risk]
    cols.fsa_ineligible[0] = facts.fsa_ineligible is not False
    cols.removal_order[0] = facts.removal_order
    cols.non_earning_days[0] = facts.non_earning_days
    cols.gct_without_ged[0] = facts.gct_without_ged
    cols.gct_lost_days[0] = facts.gct_lost_days
    if facts.additional_from is not None:
        cols.additional_from[0] = to_day(facts.additional_from)
    claim = facts.rdap
    if claim is not None:
        cols.rdap[0] = bool(with_rdap) or claim.decision()[0] is True
        if claim.completed_on is not None:
            cols.rdap_completed[0] = to_day(claim.completed_on)
    lost = facts.fsa_credits_lost_days - facts.fsa_credits_restored_days
    cols.fsa_credits_lost_days[0] = max(lost, 0)
    return cols


def kernel_rows(many: Sequence[SentenceFacts], as_of: date) -> list[KernelRow]:
    """The kernel's row for each person's ``columns_of(facts)``, computed in one pass over all
    of them (each row is computed on its own; the kernel works column by column)."""
    if not many:
        return []
    columns = [columns_of(facts) for facts in many]
    stacked = SentenceColumns(
        **{name: np.concatenate([vars(c)[name] for c in columns]) for name in vars(columns[0])}
    )
    result = compute(stacked, KernelLaw.on(as_of))
    return [KernelRow.of(result, i) for i in range(len(many))]


def days_between(first: date, last: date) -> int:
    """Days from ``first`` to ``last``, both counted."""
    return (last - first + timedelta(days=1)).days


def row_of(cols: SentenceColumns, law: KernelLaw) -> KernelRow:
    """The kernel's row for a batch of one."""
    return KernelRow.of(compute(cols, law), 0)
