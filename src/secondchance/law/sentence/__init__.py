"""Federal sentence computation: term and prior custody (18 U.S.C. 3585), good conduct time
(3624(b)), First Step Act time credits (3632(d)(4)) and their application (3624(g)), aggregate
terms (3584(c)). The programs of this body of law are listed in ``PROGRAMS``; the sentence block
of a report comes from :func:`sentence_block`."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.engine.rules import Computation, Program
from secondchance.law.sentence.program import PROGRAM as FSA_TIME_CREDITS
from secondchance.law.sentence.versions import EARNING_PROGRAM, GCT_PROGRAM

PROGRAMS: tuple[Program, ...] = (FSA_TIME_CREDITS,)

COMPUTATIONS: tuple[Program, ...] = (GCT_PROGRAM, EARNING_PROGRAM)
"""Dated rules applied inside the sentence computation rather than answered alone; listed by
``secondchance rules`` so their sources can be audited."""


def sentence_block(record: Any, as_of: date) -> dict[str, Any] | None:
    """The computed sentence block for a record with a federal prison sentence (else None)."""
    from secondchance.law.sentence.aggregate import facts_from_record
    from secondchance.law.sentence.block import compute_block

    facts = facts_from_record(record, as_of)
    if facts is None:
        return None
    if isinstance(facts, str):
        return {"as_of": as_of.isoformat(), "status": "needs_review", "reason": facts}
    return compute_block(facts, as_of)


SENTENCE = Computation(
    id="sentence",
    title="Computed sentence: full term, good conduct time, time credits and release dates",
    compute=sentence_block,
)
