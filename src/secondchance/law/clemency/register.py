"""The official register of grants, read beside the pardon and commutation answers.

A grant the White House listed for the record's person is stated with its source. Where the
record does not show a listed grant in force on the day asked about, or the name only resembles
a listed one, the answer becomes ``needs_review`` naming the candidate: an unrecorded grant (a
pardon, a commuted term) could change when a petition may be filed, or whether one is needed at
all, so it is never assumed either way (28 CFR 1.1-1.3; U.S. Const. art. II, sec. 2, cl. 1).

The law does not search the register itself: the caller hands in a *lookup* (the matching lives
in ``secondchance.grants.link``; ``secondchance.api`` wires it in), and this module decides what
a match does to an answer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from secondchance.engine.determination import Determination, Finding, Outcome
from secondchance.engine.overrule import overrule
from secondchance.engine.rules import Context, Evaluate, Program, RuleVersion
from secondchance.record.schema import PersonRecord, Record

LINKED_PROGRAMS = ("clemency.pardon_petition", "clemency.commutation_petition")
_KEEP = (Outcome.needs_review, Outcome.insufficient_facts)


@dataclass(frozen=True)
class RegisterLink:
    """What the register says about the record's person: findings (with sources), and why the
    answer needs confirmation (empty: it does not), and the record's facts that would settle
    it (``person.bop_register_number`` where only the name links the person to a listed grant
    that gives a register number)."""

    findings: tuple[Finding, ...] = ()
    review: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


Lookup = Callable[[PersonRecord, date, str], RegisterLink]
"""The record, the day asked about, the rule version id -> what the register says."""


def with_register(det: Determination, link: RegisterLink) -> Determination:
    """``det`` with the register's findings; ``needs_review`` where the register asks for a
    confirmation (an answer already ``needs_review`` or ``insufficient_facts`` keeps it)."""
    if not link.findings:
        return det
    findings = [*det.findings, *link.findings]
    if not link.review or det.outcome in _KEEP:
        missing = list(dict.fromkeys([*det.missing_facts, *link.missing])) if link.review else []
        return det.model_copy(
            update={"findings": findings, "missing_facts": missing or det.missing_facts}
        )
    reason = "Confirm the official register first: " + "; ".join(link.review) + "."
    if link.missing:
        reason += f" The record's {', '.join(link.missing)} would settle who it is."
    return overrule(
        det, Outcome.needs_review, reason, findings=findings, missing_facts=link.missing
    )


def _linked_version(version: RuleVersion, lookup: Lookup) -> RuleVersion:
    evaluate: Evaluate = version.evaluate

    def linked(record: Record, day: date, ctx: Context) -> Determination:
        return with_register(evaluate(record, day, ctx), lookup(record, day, version.id))

    return replace(version, evaluate=linked)


def linked_programs(programs: Sequence[Program], lookup: Lookup) -> tuple[Program, ...]:
    """The programs, with the pardon and commutation answers reading the register."""
    return tuple(
        replace(p, versions=tuple(_linked_version(v, lookup) for v in p.versions))
        if p.id in LINKED_PROGRAMS
        else p
        for p in programs
    )
