"""The vocabulary the SBA rules share: who counts (:class:`Membership`) and what a status test
found (:class:`Check`, with the :class:`~secondchance.law.declarative.Verdict` every
declarative rule uses), each with its facts, in three-valued logic (``None`` = not known)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from secondchance.law.declarative import Verdict
from secondchance.record.query import record_of
from secondchance.record.schema import Business, BusinessPerson, Count, PersonRecord


class Standing(StrEnum):
    """Whether the rule's 'who counts' reaches a person."""

    counts = "counts"
    unclear = "unclear"  # the law does not say: a bar through this person needs review
    unknown = "unknown"  # a fact is missing (e.g. the ownership share)
    excluded = "excluded"


@dataclass(frozen=True)
class Check:
    """One status test applied to one person: its verdict, the plain words and the facts."""

    verdict: Verdict
    finding: str
    facts: Mapping[str, Any] = field(default_factory=dict)
    missing: tuple[str, ...] = ()
    citation: str | None = None  # when another text than the program's decides it
    url: str | None = None
    notes: tuple[str, ...] = ()  # further findings: how long the status lasts, what lifts it


@dataclass(frozen=True)
class Membership:
    """Whether one person counts under the program's 'who counts' rule, and why."""

    standing: Standing
    finding: str
    facts: Mapping[str, Any] = field(default_factory=dict)
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class Subject:
    """One person connected with the business, seen on the decisive day. ``top`` is the
    top-level record: the person's own when they are marked ``is_subject``."""

    index: int
    person: BusinessPerson
    business: Business
    day: date
    top: PersonRecord
    asked_on: date | None = None  # the day the record speaks for (the as-of date first asked)

    @property
    def path(self) -> str:
        return f"business.people[{self.index}]"

    @property
    def prefix(self) -> str:
        """What goes before a field path of this person's record: ``business.people[i].record.``,
        or nothing when their record is the top-level one (``is_subject``)."""
        return "" if self.person.is_subject else f"{self.path}.record."

    @property
    def record(self) -> PersonRecord:
        return record_of(self.top, self.person)

    @property
    def name(self) -> str:
        return self.person.name


def any3(values: Iterable[bool | None]) -> bool | None:
    """Three-valued OR: True if any is True, else None if any is unknown, else False."""
    unknown = False
    for v in values:
        if v is True:
            return True
        if v is None:
            unknown = True
    return None if unknown else False


def and3(a: bool | None, b: bool | None) -> bool | None:
    """Three-valued AND."""
    if a is False or b is False:
        return False
    if a is None or b is None:
        return None
    return True


def words(value: object) -> str:
    """An enum value or field name as words ('supervised_release' → 'supervised release')."""
    return str(getattr(value, "value", value)).replace("_", " ")


def counts_have(
    counts: Sequence[Count], attrs: Sequence[str], path: str
) -> tuple[bool | None, list[str]]:
    """Whether any count has any of ``attrs`` set, with the paths of unknown attributes."""
    if not attrs:
        return False, []
    if not counts:
        return None, [f"{path}.counts"]
    values: list[bool | None] = []
    unknown: list[str] = []
    for c, count in enumerate(counts):
        for attr in attrs:
            v = getattr(count, attr)
            values.append(v)
            if v is None:
                unknown.append(f"{path}.counts[{c}].{attr}")
    result = any3(values)
    return result, (unknown if result is None else [])
