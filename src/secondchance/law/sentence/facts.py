"""The facts of one (aggregate) term of imprisonment, as the sentence block reads them, and the
kernel's columns and rows for them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from secondchance.engine.determination import Finding
from secondchance.law.sentence import rdap
from secondchance.law.sentence.days import NO_DATE, to_day
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
    non_earning_after_additional: int = 0
    """Days in non-earning status on or after ``additional_from``: periods are counted from the
    start of earning shifted by all non-earning days, so the day of the additional days moves
    by these (the periods earned before it stay those the record shows)."""
    base_rate_only: bool = False
    """The record's risk assessments do not show two consecutive minimum or low ones: every
    period is projected at the base rate (no later assessment is assumed)."""
    earning_stops: date | None = None
    """A non-earning status is open on this day (the as-of day): no later credits projected."""
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


_DTYPES = {name: column.dtype for name, column in vars(SentenceColumns.of(0)).items()}
"""Each kernel column's element type (as :meth:`SentenceColumns.of` makes it)."""


def column_values(facts: SentenceFacts, with_rdap: bool | None = None) -> dict[str, object]:
    """One person's entry in each kernel column; ``with_rdap`` forces the 3621(e) reduction on
    (the dates it would give) where its eligibility is undecided."""
    claim = facts.rdap
    lost = facts.fsa_credits_lost_days - facts.fsa_credits_restored_days
    return {
        "commenced": to_day(facts.commenced),
        "years": facts.term.years,
        "months": facts.term.months,
        "days": facts.term.days,
        "life": facts.term.life,
        "prior_custody_days": facts.prior_custody_days,
        "arrived": to_day(facts.arrived or facts.commenced),
        "supervised_release": bool(
            facts.supervised_release and not facts.supervised_release.is_zero
        ),
        "risk": RISK_CODE[facts.risk],
        "fsa_ineligible": facts.fsa_ineligible is not False,
        "removal_order": facts.removal_order,
        "non_earning_days": facts.non_earning_days,
        "gct_without_ged": facts.gct_without_ged,
        "gct_lost_days": facts.gct_lost_days,
        "additional_from": NO_DATE
        if facts.additional_from is None
        else to_day(facts.additional_from) + facts.non_earning_after_additional,
        "base_rate_only": facts.base_rate_only,
        "earning_stops": NO_DATE if facts.earning_stops is None else to_day(facts.earning_stops),
        "rdap": claim is not None and (bool(with_rdap) or claim.decision()[0] is True),
        "rdap_completed": NO_DATE
        if claim is None or claim.completed_on is None
        else to_day(claim.completed_on),
        "fsa_credits_lost_days": max(lost, 0),
    }


def _stacked(entries: Sequence[dict[str, object]]) -> SentenceColumns:
    """The kernel's columns of many people's entries, one array per column."""
    return SentenceColumns(
        **{name: np.array([e[name] for e in entries], dtype=kind) for name, kind in _DTYPES.items()}
    )


def columns_of(facts: SentenceFacts, with_rdap: bool | None = None) -> SentenceColumns:
    """The kernel's columns of one person (``with_rdap`` as :func:`column_values`)."""
    return _stacked([column_values(facts, with_rdap)])


def law_for(facts: SentenceFacts, as_of: date) -> KernelLaw:
    """The law a person's term is computed under as of ``as_of``: the law of that day, or of
    the release day for a term the record shows ended before it (good conduct time and credits
    are earned in custody: a later change of method did not reach someone already released)."""
    released = facts.released_on
    return KernelLaw.on(released if released is not None and released < as_of else as_of)


def kernel_rows(many: Sequence[SentenceFacts], as_of: date) -> list[KernelRow]:
    """The kernel's row for each person's ``columns_of(facts)`` under :func:`law_for`, computed
    in one pass per law over all of them (each row is computed on its own; the kernel works
    column by column)."""
    groups: dict[KernelLaw, list[int]] = {}
    for i, facts in enumerate(many):
        groups.setdefault(law_for(facts, as_of), []).append(i)
    rows: list[KernelRow | None] = [None] * len(many)
    for law, members in groups.items():
        result = compute(_stacked([column_values(many[i]) for i in members]), law)
        for i, row in zip(members, KernelRow.rows(result), strict=True):
            rows[i] = row
    return [row for row in rows if row is not None]


def days_between(first: date, last: date) -> int:
    """Days from ``first`` to ``last``, both counted."""
    return (last - first + timedelta(days=1)).days


def row_of(cols: SentenceColumns, law: KernelLaw) -> KernelRow:
    """The kernel's row for a batch of one."""
    return KernelRow.of(compute(cols, law), 0)
