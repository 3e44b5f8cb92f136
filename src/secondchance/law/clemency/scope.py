"""Convictions a clemency petition cannot reach yet or at all (record format 1.1).

A foreign conviction served here under a transfer treaty (18 U.S.C. 4100-4115) is not an
offense against the United States: the President's power is to pardon "Offences against the
United States" (U.S. Const. art. II, sec. 2, cl. 1), and the Pardon Attorney's rules concern
federal offenses (28 CFR 1.1). A conviction awaiting sentencing has no sentence yet: 28 CFR 1.2
measures the pardon wait from release from confinement or, where no prison sentence was
imposed, from conviction, and which of the two applies is not known until sentence is imposed;
a commutation reduces a sentence, and there is none to reduce.
"""

from __future__ import annotations

from datetime import date

from secondchance.engine.determination import Determination, Finding, Outcome
from secondchance.law.clemency.facts import label
from secondchance.law.clemency.where_to_file import outside_scope
from secondchance.record.query import awaiting_path, sentenced_on
from secondchance.record.schema import Conviction, Record

CONSTITUTION = "U.S. Const. art. II, sec. 2, cl. 1; 18 U.S.C. 4100-4115; 28 CFR 1.1"
CONSTITUTION_URL = "https://www.ecfr.gov/current/title-28/chapter-I/part-1/section-1.1"


def split_treaty(
    convictions: list[tuple[int, Conviction]],
) -> tuple[list[tuple[int, Conviction]], list[tuple[int, Conviction]]]:
    """The convictions a presidential petition can reach, and those transferred from a
    foreign court under a treaty."""
    reached = [(i, c) for i, c in convictions if c.treaty_transfer is None]
    foreign = [(i, c) for i, c in convictions if c.treaty_transfer is not None]
    return reached, foreign


def treaty_finding(convictions: list[tuple[int, Conviction]], rule_version: str) -> Finding:
    """Why a conviction transferred from a foreign court is outside the petition."""
    names = ", ".join(label(i, c) for i, c in convictions)
    facts: dict[str, object] = {
        f"convictions[{i}].treaty_transfer.country": c.treaty_transfer.country
        for i, c in convictions
        if c.treaty_transfer is not None
    }
    return Finding(
        finding=f"{names}: a conviction by a foreign court, served in the United States under a "
        "transfer treaty (18 U.S.C. 4100-4115). The President's clemency power reaches "
        "offenses against the United States, and a foreign conviction is not one; the Pardon "
        "Attorney's rules concern federal offenses (28 CFR 1.1). Relief from it is for the "
        "sentencing country.",
        facts=facts,
        citation=CONSTITUTION,
        rule_version=rule_version,
        url=CONSTITUTION_URL,
    )


def awaiting_facts(convictions: list[tuple[int, Conviction]]) -> dict[str, object]:
    """The facts shown for convictions awaiting sentencing."""
    facts: dict[str, object] = {}
    for i, c in convictions:
        path = awaiting_path(c, f"convictions[{i}]")
        facts[path] = True if c.awaiting_sentencing else str(sentenced_on(c))
        if c.conviction_date is not None:
            facts[f"convictions[{i}].conviction_date"] = c.conviction_date.isoformat()
    return facts


def not_reached(
    program: str,
    record: Record,
    day: date,
    foreign: list[tuple[int, Conviction]],
    rule_version: str,
    petition: str,
) -> Determination:
    """``not_applicable``: no federal or D.C. conviction (a treaty transfer is not one)."""
    kind = petition.removeprefix("petition for ")
    return Determination(
        program=program,
        outcome=Outcome.not_applicable,
        reason=f"No federal or D.C. Code conviction: a presidential {kind} petition does not "
        "concern this record."
        + (" A conviction transferred from a foreign court is not one." if foreign else ""),
        findings=([treaty_finding(foreign, rule_version)] if foreign else [])
        + outside_scope(record, day, rule_version, petition),
    )
