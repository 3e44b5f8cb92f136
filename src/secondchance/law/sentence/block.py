"""One person's sentence: the kernel run on a batch of one, explained finding by finding.

``sentence_outcome`` takes the facts of one (aggregate) term and returns the typed result
(``parts.SentenceOutcome``): the term (``term_part``), good conduct time (``gct_part``), time
credits (``fsa_part``, with ``fsa_findings``), the 3621(e) reduction and the Second Chance Act
window (``explain``), each built from the kernel's row (``row.KernelRow``) and explained by
reading those typed parts. ``compute_block`` gives its JSON block, which both
``secondchance sentence`` and ``check`` show.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.engine.rules import RuleVersion
from secondchance.law.sentence import explain, time_credits
from secondchance.law.sentence.completion import before_completion
from secondchance.law.sentence.facts import (
    RISK_CODE,
    SentenceFacts,
    columns_of,
    days_between,
    kernel_rows,
    law_for,
    row_of,
)
from secondchance.law.sentence.fsa_findings import commuted_finding, fsa_findings
from secondchance.law.sentence.fsa_part import fsa_part, not_projected
from secondchance.law.sentence.gct_part import gct_findings, gct_part
from secondchance.law.sentence.kernel import KernelLaw
from secondchance.law.sentence.notes import Notes
from secondchance.law.sentence.parts import (
    FsaPart,
    PlacementPart,
    RdapPart,
    SentenceOutcome,
    TermPart,
)
from secondchance.law.sentence.row import KernelRow
from secondchance.law.sentence.term_part import (
    commutation_findings,
    life_finding,
    released_finding,
    served_finding,
    term_findings,
    term_part,
)
from secondchance.law.sentence.versions import EARNING_PROGRAM, GCT_PROGRAM
from secondchance.record.schema import RiskLevel

__all__ = [
    "RISK_CODE",
    "SentenceFacts",
    "columns_of",
    "compute_block",
    "days_between",
    "kernel_rows",
    "sentence_outcome",
]


def compute_block(
    facts: SentenceFacts, as_of: date, computed: KernelRow | None = None
) -> dict[str, Any]:
    """The sentence block (JSON) for one person as of ``as_of``; ``computed``: the kernel's row
    for ``columns_of(facts)`` where it was computed ahead with others (:func:`kernel_rows`)."""
    return sentence_outcome(facts, as_of, computed).to_dict()


def sentence_outcome(
    facts: SentenceFacts, as_of: date, computed: KernelRow | None = None, *, explain_it: bool = True
) -> SentenceOutcome:
    """The computed sentence of one person as of ``as_of``, part by part, with its findings.
    A term the record shows ended before ``as_of`` is computed under the law of its release day
    (good conduct time and credits are earned while in custody: a later change of method, such
    as 54 days per year of the term imposed from 2019-07-19, did not reach someone already
    released), so its comparison dates are the law's of that time.

    ``explain_it=False`` computes the same parts without writing the findings that only explain
    them (for :meth:`SentenceOutcome.dates`, all batch screening reads): that outcome's
    findings, review points and missing facts are incomplete and are not shown anywhere."""
    released = facts.released_on
    law_day = released if released is not None and released < as_of else as_of
    law = law_for(facts, as_of)  # the law of law_day; rows computed ahead use it too
    row = computed if computed is not None else row_of(columns_of(facts), law)
    gct_version = GCT_PROGRAM.version_on(law_day)
    earn_version = EARNING_PROGRAM.version_on(law_day)
    gct_id = gct_version.id if gct_version else "sentence.good_conduct_time@none"
    earn_id = earn_version.id if earn_version else "sentence.fsa_earning@none"
    notes = _opening(facts, row, law, earn_id, explain_it)
    term = term_part(facts, row)
    gct = gct_part(term, row, law)
    if explain_it:
        _term_findings(facts, term, row, law, gct_version, gct_id, law_day, notes)
    if term.hidden:
        fsa = not_projected(facts, law, term.commuted)
        if term.commuted and explain_it:
            commuted_finding(facts, notes)
    else:
        fsa = fsa_part(facts, row, law, earn_id)
        if explain_it:
            fsa_findings(fsa, facts, row, law, as_of, earn_id, notes)
    rdap = _rdap(facts, term, row, law, notes, gct_id, explain_it)
    fsa, placement = _credits_after(facts, term, fsa, row, law, notes, gct_id, earn_id, explain_it)
    return SentenceOutcome(
        as_of=as_of,
        term=term,
        gct=gct,
        fsa=fsa,
        rdap=rdap,
        placement=placement,
        codes=_codes(row, facts),
        needs_review=tuple(notes.needs_review),
        missing_facts=tuple(sorted(set(notes.missing_facts))),
        findings=tuple(notes.findings),
    )


def _codes(row: KernelRow, facts: SentenceFacts) -> tuple[str, ...]:
    """The kernel's reason codes, said as the facts decide them: an offense whose listing under
    18 U.S.C. 3632(d)(4)(D) is undecided is computed as barring (no credits projected) but
    named ``FSA_ELIGIBILITY_UNDECIDED``, never ``FSA_INELIGIBLE_OFFENSE``."""
    if facts.fsa_ineligible is not None:
        return row.code_names
    return tuple(
        "FSA_ELIGIBILITY_UNDECIDED" if c == "FSA_INELIGIBLE_OFFENSE" else c for c in row.code_names
    )


def _opening(
    facts: SentenceFacts, row: KernelRow, law: KernelLaw, earn_id: str, explain_it: bool = True
) -> Notes:
    """The findings and review points of the facts, the rate schedule assumed, and the dates
    the calendar cannot hold."""
    notes = Notes(list(facts.findings), list(facts.needs_review), list(facts.missing_facts))
    if (
        explain_it
        and facts.risk_without_dates
        and facts.additional_from is None
        and facts.risk in (RiskLevel.minimum, RiskLevel.low)
        and facts.fsa_ineligible is False
        and law.fsa_in_force
    ):
        notes.findings.append(time_credits.schedule_assumption(law, earn_id))
    beyond = row.beyond_calendar()
    if beyond:
        notes.needs_review.append(
            "a computed date falls outside the calendar (years 1-9999): "
            + ", ".join(beyond)
            + " not shown"
        )
    return notes


def _term_findings(
    facts: SentenceFacts,
    term: TermPart,
    row: KernelRow,
    law: KernelLaw,
    gct_version: RuleVersion | None,
    gct_id: str,
    law_day: date,
    notes: Notes,
) -> None:
    """The term's and good conduct time's findings, under the law of ``law_day`` (the day
    asked, or the day of a release recorded before it)."""
    if term.commuted:
        commutation_findings(facts, term, notes)
    elif term.life:
        life_finding(term, gct_id, notes)
    else:
        term_findings(term, row, gct_id, notes)
        lost, without_ged = facts.gct_lost_days, facts.gct_without_ged
        released = law_day == facts.released_on
        gct_findings(row, law, gct_version, gct_id, law_day, lost, without_ged, notes, released)
    if term.served:
        served_finding(term, row, gct_id, notes)
    if term.released_on is not None:
        released_finding(term, facts.released_path, gct_id, notes)


def _rdap(
    facts: SentenceFacts,
    term: TermPart,
    row: KernelRow,
    law: KernelLaw,
    notes: Notes,
    version: str,
    explain_it: bool = True,
) -> RdapPart | None:
    """The ``rdap`` part, with the reduction's dates computed on the side when undecided."""
    claim = facts.rdap
    if claim is None or term.hidden or term.life:
        return None
    applies, _, missing = claim.decision()
    alt = None
    if applies is None:
        alt = row_of(columns_of(facts, with_rdap=True), law)
        notes.needs_review.append(
            "rdap: whether an exclusion of 28 CFR 550.55(b) applies (" + ", ".join(missing) + ")"
        )
    part = explain.rdap_part(claim, row, alt)
    if explain_it:
        explain.rdap_finding(claim, part, row, alt, str(facts.term), notes, version)
    notes.missing_facts.extend(part.missing_facts)
    return part


def _credits_after(
    facts: SentenceFacts,
    term: TermPart,
    fsa: FsaPart,
    row: KernelRow,
    law: KernelLaw,
    notes: Notes,
    gct_id: str,
    earn_id: str,
    explain_it: bool = True,
) -> tuple[FsaPart, PlacementPart | None]:
    """Credits lost, the cap on credit to supervised release, the Second Chance Act window,
    and no date before the residential program's completion."""
    if term.hidden or term.life:
        return fsa, None
    if explain_it:
        explain.loss_finding(
            facts.fsa_credits_lost_days, facts.fsa_credits_restored_days, notes, earn_id
        )
        explain.cap_finding(row, law, notes, earn_id)
    placement = explain.placement_part(row)
    if placement is not None and explain.before_second_chance_act(placement):
        if explain_it:
            explain.before_act_finding(placement, law, notes, gct_id)
        placement = None
    if placement is not None and explain_it:
        explain.placement_finding(placement, law, notes, gct_id)
    return before_completion(facts, fsa, placement, notes, gct_id)
