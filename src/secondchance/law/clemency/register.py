"""The official register of grants, read beside a clemency determination.

A grant the White House listed for the record's person is stated with its source. Where the
record does not show that grant, or the name only resembles the listed one, the answer becomes
``needs_review`` naming the candidate: an unrecorded grant (a pardon, a commuted term) could
change when a petition may be filed, or whether one is needed at all, so it is never assumed
either way (28 CFR 1.1-1.3; U.S. Const. art. II, sec. 2, cl. 1)."""

from __future__ import annotations

from datetime import date

from secondchance.engine.determination import Determination, Outcome
from secondchance.engine.rules import Context, Evaluate
from secondchance.grants.link import link_record
from secondchance.record.schema import Record

_KEEP = (Outcome.needs_review, Outcome.insufficient_facts)


def with_register(evaluate: Evaluate, rule_version: str) -> Evaluate:
    """``evaluate`` followed by what the official register says about the record's person."""

    def linked(record: Record, day: date, ctx: Context) -> Determination:
        det = evaluate(record, day, ctx)
        link = link_record(record, day, rule_version)
        if not link.findings:
            return det
        findings = [*det.findings, *link.findings]
        if not link.review or det.outcome in _KEEP:
            return det.model_copy(update={"findings": findings})
        reason = "Confirm the official register first: " + "; ".join(link.review) + "."
        return det.model_copy(
            update={
                "outcome": Outcome.needs_review,
                "date": None,
                "reason": reason,
                "findings": findings,
            }
        )

    return linked
