"""The days on which the law itself changes, for reading approximate dates.

A record date known only to a range is evaluated at the ends of the range and at each of these
days inside it (and the day before each), so an answer that changes on a legal landmark (a
proclamation's date, an offense-date window, a rule's effective date) is not missed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from secondchance.engine.rules import Program
from secondchance.law.parameters import all_parameters


def _dates_in(value: Any) -> Iterator[date]:
    if isinstance(value, date):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _dates_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _dates_in(item)


def landmarks(programs: Iterable[Program]) -> tuple[date, ...]:
    """Rule versions' effective dates and every date the law's parameters hold."""
    days: set[date] = set()
    for program in programs:
        for version in program.versions:
            days |= {d for d in (version.effective_from, version.effective_to) if d}
    for param in all_parameters().values():
        for dated in param.values:
            days |= {dated.start} if dated.start else set()
            days |= set(_dates_in(dated.value))
    return tuple(sorted(days))
