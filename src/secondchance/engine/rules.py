"""Programs and their dated rule versions.

A *program* is a question the law answers. It has one or more *rule versions*, each in force over
a range of days. The engine picks the version in force on the program's decisive date (which the
program itself names: the as-of date unless it says otherwise) and asks it for a determination.
A *computation* is a block of computed facts shown beside the determinations. The engine knows
no program by name: the law hands its programs and computations to :func:`evaluate`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Any

from secondchance.engine.determination import Determination
from secondchance.record.schema import Record


@dataclass(frozen=True)
class Context:
    """What the engine was asked: the as-of date and, where the question concerns an application
    made on a day, that day (a program that decides on it names it as its decisive date)."""

    as_of: date
    application_date: date | None = None
    asked_on: date | None = None
    """The as-of date first asked (kept when looking ahead): the day the record speaks for."""

    def on(self, day: date) -> Context:
        """The same question asked on another day (used to look ahead for the next change)."""
        return replace(self, as_of=day, application_date=day if self.application_date else None)


ChangePoint = date | tuple[date, str]
"""A day on which a program's answer may change, alone or with why that day (in plain words,
e.g. "five years after release from confinement"): the reason travels to the report's glance."""

Evaluate = Callable[[Record, date, Context], Determination]
"""A rule version's function: the record, the decisive day, the context → a determination."""


Compute = Callable[[Record, date], "dict[str, Any] | None"]
"""A computation's function: the record and the as-of day → a block of facts, or None."""


Prepare = Callable[[Sequence[Record], date], None]
"""A computation's batch step: the records and the as-of day."""


@dataclass(frozen=True)
class Computation:
    """A block of computed facts shown beside the determinations (its ``id`` is its key in the
    report's JSON)."""

    id: str
    title: str
    compute: Compute
    prepare: Prepare | None = None
    """Computes ahead for many records at once (batch screening); ``compute`` then finds each
    record's figures ready. The figures are the same either way."""


@dataclass(frozen=True)
class RuleVersion:
    """One version of a program's rule, in force from ``effective_from`` to ``effective_to``
    (both inclusive; ``None`` = open-ended, or start not researched)."""

    program: str
    version: str
    title: str
    citation: str
    url: str
    evaluate: Evaluate
    effective_from: date | None = None
    effective_to: date | None = None
    provisional: bool = False
    known_gaps: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    takes_effect: str | None = None
    """Why its first day matters, in plain words (e.g. "the 2024 rule takes effect")."""
    summary: str | None = None
    """The rule in plain words, where the rule states one (shown by ``secondchance rules``)."""

    @cached_property
    def id(self) -> str:
        return f"{self.program}@{self.version}"

    @cached_property
    def start_reason(self) -> str:
        return self.takes_effect or f"{self.title} takes effect ({self.citation})"

    def in_force(self, day: date) -> bool:
        starts = self.effective_from is None or self.effective_from <= day
        return starts and (self.effective_to is None or day <= self.effective_to)


def _as_of(record: Record, ctx: Context) -> date:
    return ctx.as_of


def _no_points(record: Record, ctx: Context) -> Iterable[ChangePoint]:
    return ()


@dataclass(frozen=True)
class Program:
    """A question the law answers, with its rule versions."""

    id: str
    title: str
    versions: tuple[RuleVersion, ...]
    decisive_date: Callable[[Record, Context], date] = _as_of
    change_points: Callable[[Record, Context], Iterable[ChangePoint]] = _no_points
    look_ahead: bool = field(default=True)
    by_application: bool = False
    """The decisive date is an application's: the glance speaks of an application."""
    eligible_words: Callable[[Determination], str] | None = None
    """What ``eligible`` means for this program, as the glance opens (in its capitals), where
    the general "ELIGIBLE" would mislead (a categorical pardon: the pardon already covers the
    person); written from the determination's own fields. The outcome itself is unchanged."""
    no_facts_matter: Callable[[Record], str | None] | None = None
    """Why the answer for this record turns on nothing it states but the decisive date (a loan
    program for a record naming no business), or None where it may: the engine then works the
    answer out once per reason, decisive date and question, and gives each record its copy."""

    @cached_property
    def starts(self) -> tuple[tuple[date, str], ...]:
        """The first day of each version that has one, with why that day matters."""
        return tuple((v.effective_from, v.start_reason) for v in self.versions if v.effective_from)

    def version_on(self, day: date) -> RuleVersion | None:
        for version in self.versions:
            if version.in_force(day):
                return version
        return None
