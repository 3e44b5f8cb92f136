"""Facts of record format 1.1 that some programs do not weigh yet: never silently ignored.

A fact the record states but a program does not read could change its answer (a revocation term
adds prison time; a conviction awaiting sentencing, flagged or entered by the decisive day with
sentence imposed after it, ``record.query.awaiting_sentencing``, is not yet a sentence). Until a
program weighs it, an answer that would clear the person (``eligible``, ``eligible_from``, or a
clemency or credits program's ``not_applicable``) becomes ``needs_review`` naming the fact.
For a record with approximate dates the facts are read on each reading its answers were merged
from: one found on any reading applies (unknown is never false), said to hold on some of the
days the approximate dates allow.

Weighed through the shared reading of the record, and so not listed: terms per count, the
Bureau's prior custody credit, orders of removal and detainers (every program); a term of
unknown length, a conviction awaiting sentencing or transferred under a treaty (clemency and
time credits); a revocation term (clemency) and a sentence stated completed (clemency and time
credits). The sentence computation's block notes what it does not compute (``BLOCK``). Facts
that never change an answer (the Bureau's own figures, a certificate's issue date) are not
listed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from secondchance.engine.determination import Determination, Outcome, Report
from secondchance.engine.overrule import CLEARING_AHEAD, overrule, unsettled_ahead, was
from secondchance.law.sentence import SENTENCE
from secondchance.record.approximate import Reading
from secondchance.record.query import awaiting_path, awaiting_sentencing, sentenced_on
from secondchance.record.schema import PersonRecord, Record

SBA = ("sba.",)
BLOCK = "sentence."
"""The sentence computation's block (its notes, not a program's answer)."""


@dataclass(frozen=True)
class Unweighed:
    """A stated fact no program weighs yet, and the programs (by id prefix) it may change."""

    path: str
    fact: str
    programs: tuple[str, ...]


def _conviction_facts(record: PersonRecord, prefix: str, day: date) -> Iterator[Unweighed]:
    for i, conv in enumerate(record.convictions):
        path = f"{prefix}convictions[{i}]"
        if awaiting_sentencing(conv, day):
            if conv.awaiting_sentencing:
                fact = "a conviction awaiting sentencing"
            else:
                fact = (
                    f"a conviction entered {conv.conviction_date or 'on a day not recorded'} "
                    f"and sentenced {sentenced_on(conv)}, so awaiting sentencing on {day}"
                )
            yield Unweighed(awaiting_path(conv, path), fact, SBA)
        if conv.treaty_transfer is not None:
            yield Unweighed(
                f"{path}.treaty_transfer", "a conviction transferred from a foreign court", SBA
            )
        sentence = conv.sentence
        if sentence is None:
            continue
        if sentence.imprisonment_length_unknown:
            yield Unweighed(
                f"{path}.sentence.imprisonment_length_unknown",
                "a prison term of unknown length",
                SBA,
            )
        if sentence.revocations:
            yield Unweighed(
                f"{path}.sentence.revocations",
                "a revocation of supervision",
                ("fsa.", BLOCK, *SBA),
            )
        if sentence.completed:
            yield Unweighed(
                f"{path}.sentence.completed",
                "a sentence completed on an unknown date",
                (BLOCK, *SBA),
            )


def _person_facts(record: PersonRecord, prefix: str, day: date) -> Iterator[Unweighed]:
    yield from _conviction_facts(record, prefix, day)


def unweighed_facts(record: Record, day: date) -> list[Unweighed]:
    """The stated facts no program weighs yet, in the record and its business people's records
    (whose facts concern SBA alone), read on ``day`` (the SBA decisive day: a conviction is
    awaiting sentencing on it per :func:`~secondchance.record.query.awaiting_sentencing`)."""
    found = list(_person_facts(record, "", day))
    if record.business is not None:
        for i, person in enumerate(record.business.people):
            if not person.is_subject:
                nested = _person_facts(person.record, f"business.people[{i}].record.", day)
                found += [Unweighed(u.path, u.fact, ("sba.",)) for u in nested]
    return found


def clears(det: Determination) -> bool:
    """The answer clears the person: eligible (now or from a date), or a clemency or credits
    program not applicable."""
    if det.outcome in (Outcome.eligible, Outcome.eligible_from):
        return True
    # An SBA program with no business to judge is not applicable whatever the person's facts.
    return det.outcome is Outcome.not_applicable and not det.program.startswith("sba.")


def guard(det: Determination, facts: list[Unweighed]) -> Determination:
    """``det`` itself, or ``needs_review`` when it would clear the person while the record
    states a fact the program does not weigh yet (rebuilt by :func:`overrule`: no headline,
    date or next change of the cleared answer survives, since the fact stays)."""
    relevant = [f for f in facts if det.program.startswith(f.programs)]
    if not relevant:
        return det
    if not clears(det):
        return unsettled_ahead(det, Outcome.needs_review)
    named = "; ".join(f"{f.fact} ({f.path})" for f in relevant)
    before = was(det)
    return overrule(
        det,
        Outcome.needs_review,
        f"The record states {named}, which this program does not weigh yet; "
        f"without it the answer would be: {before}. {det.reason or ''}".strip(),
        missing_facts=[f.path for f in relevant],
        note="not weighed yet: " + ", ".join(f.path for f in relevant),
    )


def _noted(block: dict[str, Any] | None, facts: list[Unweighed]) -> dict[str, Any] | None:
    """The sentence block with a review note for each stated fact its computation does not
    weigh yet (the computation concerns the person's own federal prison term)."""
    relevant = [f for f in facts if BLOCK in f.programs and not f.path.startswith("business.")]
    if block is None or not relevant or not isinstance(block.get("needs_review"), list):
        return block
    notes = [
        f"The record states {f.fact} ({f.path}), which this computation does not weigh yet."
        for f in relevant
    ]
    return {**block, "needs_review": [*block["needs_review"], *notes]}


def on_some_days(found: Sequence[tuple[Reading, list[Unweighed]]]) -> list[Unweighed]:
    """The facts found on any of a record's exact readings (``found``: each reading with the
    facts found on it). A fact found on some readings only, or worded differently on them (its
    days differ), holds on some of the days the approximate dates allow: said so, quoting the
    fields as written. Unknown is never false: a fact on any reading stands."""
    if len(found) == 1:
        return found[0][1]
    hits: dict[str, list[tuple[Reading, Unweighed]]] = {}
    for reading, facts in found:
        for f in facts:
            hits.setdefault(f.path, []).append((reading, f))
    out: list[Unweighed] = []
    for on in hits.values():
        first = on[0][1]
        if len(on) == len(found) and len({f.fact for _, f in on}) == 1:
            out.append(first)
            continue
        out.append(replace(first, fact=f"{first.fact}{where(found, [r for r, _ in on])}"))
    return out


def where(found: Sequence[tuple[Reading, Any]], holds: Sequence[Reading]) -> str:
    """Words saying a fact holds on the readings ``holds`` of those in ``found``: on some of
    the days the approximate dates allow, naming the fields on which it turns as written (those
    where two readings differing in that field alone disagree; all of them when none does)."""
    inside = {id(r) for r in holds}
    approx = found[0][0].approx
    fields: set[str] = set()
    for a in holds:
        for b, _ in found:
            path = a.differs_only_in(b) if id(b) not in inside else None
            if path is not None:
                fields.add(path)
    said = "; ".join(f"{p} {approx[p].describe()}" for p in sorted(fields or approx))
    if len(holds) == len(found):
        return f" (its days as on one reading of the approximate dates: {said})"
    return (
        f", on some of the days the approximate dates allow ({said}; an exact date would decide it)"
    )


def review(report: Report, record: Record, exact: Sequence[Reading] = ()) -> Report:
    """``report`` with every answer guarded against the stated facts not weighed yet: on the
    record, or, for a record with approximate dates, on any of its exact readings ``exact``
    (those its answers were merged from)."""
    day = report.application_date or report.as_of
    read = list(exact) if len(exact) > 1 else [Reading({}, record, {})]
    facts = on_some_days([(r, unweighed_facts(r.record, day)) for r in read])
    if not facts and not any(_awaits_later(r.record, day) for r in read):
        return report
    return guarded(
        report,
        lambda det: guard(det, _on_days(det, read, day, facts)),
        lambda block: _noted(block, facts),
    )


def _awaits_later(record: Record, day: date) -> bool:
    """Some sentence in the record (or its business people's) is imposed after ``day``: a later
    day an answer foresees may find its conviction awaiting sentencing."""
    people = [record, *(p.record for p in (record.business.people if record.business else []))]
    imposed = (sentenced_on(c) for person in people for c in person.convictions)
    return any(d is not None and d > day for d in imposed)


def _on_days(
    det: Determination, read: Sequence[Reading], day: date, facts: list[Unweighed]
) -> list[Unweighed]:
    """The facts that bear on ``det``: those read on the SBA decisive ``day`` and, for an SBA
    answer, those read on the later day it foresees clearing the person (its eligible-from day
    or a next change to a clearing answer), on which a conviction may await sentencing (on any
    of the record's readings ``read``)."""
    if not det.program.startswith(SBA):
        return facts
    later = {det.eligible_from_date, det.date if det.outcome is Outcome.eligible_from else None}
    if det.next_change_outcome in CLEARING_AHEAD:
        later.add(det.next_change)
    found = {f.path: f for f in facts}
    for when in sorted(d for d in later if d is not None and d > day):
        for f in on_some_days([(r, unweighed_facts(r.record, when)) for r in read]):
            found.setdefault(f.path, f)
    return list(found.values())


def guarded(
    report: Report,
    guard: Callable[[Determination], Determination],
    note: Callable[[dict[str, Any] | None], dict[str, Any] | None],
) -> Report:
    """``report`` with every answer passed through ``guard`` and the sentence block through
    ``note`` (the shape of each guard that reviews a whole report)."""
    blocks = dict(report.computations)
    if SENTENCE.id in blocks:
        blocks[SENTENCE.id] = note(blocks[SENTENCE.id])
    return report.model_copy(
        update={
            "determinations": [guard(det) for det in report.determinations],
            "computations": blocks,
        }
    )
