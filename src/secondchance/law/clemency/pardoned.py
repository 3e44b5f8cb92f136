"""Which convictions are already pardoned: by a grant recorded in ``record.clemency`` or, for
every count of the conviction, by a categorical proclamation. Someone already pardoned of a
conviction needs no petition for it."""

from __future__ import annotations

from datetime import date

from secondchance.law.clemency.facts import grant_name, recorded_pardon
from secondchance.law.clemency.proclamations import answer_count
from secondchance.record.schema import Conviction, PersonRecord


def pardoned_by(record: PersonRecord, index: int, conviction: Conviction, day: date) -> str | None:
    """The grant that pardons the whole conviction on ``day``, named; None if none does."""
    grant = recorded_pardon(record, index, conviction, day)
    if grant is not None:
        return grant_name(grant)
    if not conviction.counts:
        return None
    procs = []
    for j, count in enumerate(conviction.counts):
        answer = answer_count(record, index, conviction, j, count, day)
        if answer.covered_by is None:
            return None
        procs.append(f"{answer.covered_by.id} ({answer.covered_by.signed.isoformat()})")
    return "pardon by " + ", ".join(sorted(set(procs)))
