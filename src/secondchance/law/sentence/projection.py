"""The projected release of a federal prison term still being served: the good-conduct-time
release date of the sentence computation (18 U.S.C. 3624(b)), no First Step Act time
credits assumed (they depend on the Bureau's risk findings, 18 U.S.C. 3632(d)(4)).

It is computed for the shared reading of the record (``record.timeline``), once per record and
day, and read from there by every program that needs it (the SBA custody test).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from secondchance.law.sentence.aggregate import facts_from_record
from secondchance.law.sentence.block import sentence_outcome
from secondchance.record.schema import PersonRecord, Record

CITATION = "18 U.S.C. 3624(b)"
URL = "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title18-section3624"


@dataclass(frozen=True)
class Projection:
    """The projected day of release from the term being served, and what it rests on."""

    release: date
    term: str
    commenced: date


def projected_release(record: PersonRecord, as_of: date) -> Projection | None:
    """The good-conduct-time release date of the term being served on ``as_of``, when the
    record gives the term and its commencement but no release; else None."""
    facts = facts_from_record(cast(Record, record), as_of)
    if facts is None or isinstance(facts, str) or facts.released_on is not None:
        return None
    if facts.commuted_release_date is not None or facts.term.life:
        return None
    release = sentence_outcome(facts, as_of).gct.release_date
    if release is None:
        return None
    return Projection(release, str(facts.term), facts.commenced)
