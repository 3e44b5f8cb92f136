"""One reading of a person's record, shared by every program.

Facts that several programs need — which grant pardoned a conviction and when, which custody
periods have closed, which convictions show custody but no recorded term — are read here once
per record (the reading is cached on the record) so that no two programs read them differently.
These are the record's facts, not the law's conclusions; the law decides what they mean.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from secondchance.record.schema import (
    ClemencyGrant,
    ClemencyKind,
    Conviction,
    CustodyKind,
    Jurisdiction,
    PersonRecord,
)

FEDERAL = (Jurisdiction.federal, Jurisdiction.dc)
"""Convictions a grant naming no conviction covers (the record format's rule)."""

SERVING = (
    CustodyKind.federal_custody,
    CustodyKind.designated_facility,
    CustodyKind.residential_reentry_center,
    CustodyKind.home_confinement,
)
"""Custody that is service of a federal term (prerelease custody included, 18 U.S.C. 3624(c))."""


def grant_covers(grant: ClemencyGrant, conviction: Conviction) -> bool:
    """A grant covers a conviction it names by id; one naming none covers every federal and
    D.C. conviction."""
    if grant.conviction_ids:
        return conviction.id is not None and conviction.id in grant.conviction_ids
    return conviction.jurisdiction in FEDERAL


@dataclass(frozen=True)
class Unsentenced:
    """A federal conviction with custody recorded for it but no prison term and no statement
    that none was imposed."""

    index: int
    custody: tuple[int, ...]


@dataclass
class Timeline:
    """The shared reading of one record."""

    record: PersonRecord
    pardons: list[tuple[int, ClemencyGrant]] = field(default_factory=list)
    """Individual pardons (no proclamation), oldest first, with their index in ``clemency``."""

    def __post_init__(self) -> None:
        grants = [
            (i, g)
            for i, g in enumerate(self.record.clemency)
            if g.kind is ClemencyKind.pardon and not g.proclamation
        ]
        self.pardons = sorted(grants, key=lambda ig: ig[1].granted_on)

    def pardon_of(self, conviction: Conviction, day: date) -> tuple[int, ClemencyGrant] | None:
        """The first individual pardon granted on or before ``day`` that covers the whole
        conviction, with its index in ``clemency``."""
        for i, grant in self.pardons:
            if grant.granted_on <= day and grant_covers(grant, conviction):
                return i, grant
        return None

    def unsentenced(self) -> list[Unsentenced]:
        """Federal convictions with custody naming them but no term of imprisonment recorded
        (nor probation, a fine or restitution to show a sentence without prison)."""
        found: list[Unsentenced] = []
        for index, conv in enumerate(self.record.convictions):
            sentence = conv.sentence
            if conv.jurisdiction is not Jurisdiction.federal or conv.id is None:
                continue
            if sentence is not None and (
                sentence.imprisonment is not None
                or sentence.probation is not None
                or sentence.fine is not None
                or sentence.restitution is not None
            ):
                continue
            custody = tuple(
                i
                for i, p in enumerate(self.record.custody)
                if p.conviction_id == conv.id and p.kind in SERVING
            )
            if custody:
                found.append(Unsentenced(index, custody))
        return found


def timeline(record: PersonRecord) -> Timeline:
    """The shared reading of ``record``, computed once per record."""
    cached = record._timeline
    if not isinstance(cached, Timeline):
        cached = Timeline(record)
        record._timeline = cached
    return cached
