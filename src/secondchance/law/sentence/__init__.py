"""Federal sentence computation: term and prior custody (18 U.S.C. 3585), good conduct time
(3624(b)), First Step Act time credits (3632(d)(4)) and their application (3624(g)), aggregate
terms (3584(c)). The programs of this body of law are listed in ``PROGRAMS``; the sentence block
of a report comes from :func:`sentence_block`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from secondchance.engine.rules import Computation, Program
from secondchance.law.sentence.program import PROGRAM as FSA_TIME_CREDITS
from secondchance.law.sentence.versions import EARNING_PROGRAM, GCT_PROGRAM

if TYPE_CHECKING:
    from secondchance.law.sentence.parts import SentenceOutcome

PROGRAMS: tuple[Program, ...] = (FSA_TIME_CREDITS,)

COMPUTATIONS: tuple[Program, ...] = (GCT_PROGRAM, EARNING_PROGRAM)
"""Dated rules applied inside the sentence computation rather than answered alone; listed by
``secondchance rules`` so their sources can be audited."""


def sentence_of(
    record: Any, as_of: date, *, explain_it: bool = True
) -> SentenceOutcome | str | None:
    """The computed sentence of a record, part by part (None: no federal prison sentence; text:
    why it cannot be computed), read as :func:`sentence_block` reads it; batch screening takes
    its dates from here without writing the JSON block (``explain_it=False``: the same parts
    without the findings that explain them, see ``block.sentence_outcome``)."""
    from secondchance.law.sentence.aggregate import facts_from_record
    from secondchance.law.sentence.block import sentence_outcome
    from secondchance.record.timeline import timeline

    ready = timeline(record).recall((PREPARED, as_of))
    facts, row = ready if ready is not None else (facts_from_record(record, as_of), None)
    if facts is None or isinstance(facts, str):
        return facts
    return sentence_outcome(facts, as_of, row, explain_it=explain_it)


def sentence_block(record: Any, as_of: date) -> dict[str, Any] | None:
    """The computed sentence block for a record with a federal prison sentence (else None)."""
    outcome = sentence_of(record, as_of)
    if outcome is None:
        return None
    if isinstance(outcome, str):
        unsettled: dict[str, Any] = {
            "as_of": as_of.isoformat(),
            "status": "needs_review",
            "reason": str(outcome),
        }
        missing = getattr(outcome, "missing", ())
        if missing:
            unsettled["missing_facts"] = list(missing)
        released = _released_on(record, as_of)
        if released is not None:
            unsettled["custody_ended_on"] = released.isoformat()
        return unsettled
    block = outcome.to_dict()
    stated = getattr(record, "bureau", None)
    if stated is not None:
        # The Bureau's own figures (record format 1.1), beside ours, never in their place.
        from secondchance.law.sentence.bureau import compare

        block["bureau"] = compare(_as_written(stated, record), outcome)
    return block


def _as_written(stated: Any, record: Any) -> Any:
    """The Bureau's figures with each date the record gives approximately as written (the model
    holds one day of its range): shown with its range, never compared as that day."""
    approx = getattr(record, "approximate_dates", None) or {}
    written = {
        path.removeprefix("bureau."): a for path, a in approx.items() if path.startswith("bureau.")
    }
    if not written:
        return stated
    from secondchance.law.sentence.bureau import FIELDS, figure

    return {name: written.get(name, figure(stated, name)) for name in FIELDS}


PREPARED = "sentence.prepared"
"""The timeline key of a record's sentence facts and kernel row computed ahead."""


def prepare_blocks(records: Sequence[Any], as_of: date) -> None:
    """Compute the sentence of many records at once (the kernel in one pass over all of them,
    as batch screening does), for :func:`sentence_block` to find ready; the answers are those
    of one record at a time."""
    from secondchance.law.sentence.aggregate import facts_from_record
    from secondchance.law.sentence.block import SentenceFacts, kernel_rows
    from secondchance.record.timeline import timeline

    facts = [facts_from_record(record, as_of) for record in records]
    computed = [(r, f) for r, f in zip(records, facts, strict=True) if isinstance(f, SentenceFacts)]
    rows = kernel_rows([f for _, f in computed], as_of)
    ready: dict[int, Any] = {id(r): (f, row) for (r, f), row in zip(computed, rows, strict=True)}
    for record, found in zip(records, facts, strict=True):
        timeline(record).remember((PREPARED, as_of), ready.get(id(record), (found, None)))


SENTENCE = Computation(
    id="sentence",
    title="Computed sentence: full term, good conduct time, time credits and release dates",
    compute=sentence_block,
    prepare=prepare_blocks,
)


def _released_on(record: Any, as_of: date) -> date | None:
    """The last day of federal custody when every custody period serving a sentence is recorded
    as ended by ``as_of`` (the person is out, whatever the computation could not settle), else
    None. Shown beside an unsettled computation (``custody_ended_on``, not the computation's
    own ``released_on``) so that a report does not offer a release date to someone already
    released; it decides no answer."""
    from secondchance.record.timeline import SERVING

    periods = [p for p in record.custody if p.kind in SERVING]
    if not periods or any(p.end is None or p.end > as_of for p in periods):
        return None
    ends: list[date] = [p.end for p in periods if p.end is not None]
    return max(ends)
