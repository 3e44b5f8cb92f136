"""Immigration status on a day, as the categorical pardons read it: ``person.status`` periods
read with ``StatusPeriod.covers``. A citizen's or national's period with no ``start`` has been
held since birth; a permanent resident's or other non-citizen's status was acquired (or lost)
on some day, so a period of theirs with no ``start`` says nothing of the days before the record
was written: it is not read as covering any earlier day, and its start is named as the missing
fact (``undated``). A U.S. citizen or lawful permanent resident is what the marijuana proclamations
require on their date. Periods that overlap on a day with statuses that answer the question
differently contradict each other: for review, never settled by the order they are listed in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from secondchance.record.schema import ImmigrationStatus, PersonRecord

LAWFUL_ON_DATE = (ImmigrationStatus.us_citizen, ImmigrationStatus.lawful_permanent_resident)
"""The statuses the marijuana proclamations pardon: U.S. citizens and lawful permanent
residents."""


@dataclass(frozen=True)
class Contradiction:
    """Status periods held on the same day that answer the question differently."""

    day: date
    statuses: tuple[ImmigrationStatus, ...]

    @property
    def why(self) -> str:
        named = " and ".join(s.value for s in self.statuses)
        return (
            f"person.status records overlapping periods on {self.day.isoformat()} with "
            f"different statuses ({named}): which held is for review"
        )


FROM_BIRTH = (ImmigrationStatus.us_citizen, ImmigrationStatus.us_national)
"""Statuses a person may hold from birth: a period of theirs with no start has held since."""


def statuses_on(record: PersonRecord, day: date) -> tuple[ImmigrationStatus, ...]:
    """Every status a period of ``person.status`` holds on ``day``, each once, as listed (a
    non-citizen's period with no start is not known to hold on any day: :func:`undated`)."""
    held: list[ImmigrationStatus] = []
    for period in record.person.status:
        if period.start is None and period.status not in FROM_BIRTH:
            continue
        if period.covers(day) and period.status not in held:
            held.append(period.status)
    return tuple(held)


def undated(record: PersonRecord, day: date) -> list[str]:
    """The ``start`` of each non-citizen status period with no start that has not ended before
    ``day``: the fact that would say whether it held on ``day``."""
    return [
        f"person.status[{i}].start"
        for i, p in enumerate(record.person.status)
        if p.start is None and p.status not in FROM_BIRTH and (p.end is None or p.end >= day)
    ]


def status_on(record: PersonRecord, day: date) -> ImmigrationStatus | None:
    held = statuses_on(record, day)
    if ImmigrationStatus.us_citizen in held:
        return ImmigrationStatus.us_citizen
    return held[0] if held else None


def lawful_on(record: PersonRecord, day: date) -> bool | Contradiction | None:
    """A U.S. citizen or lawful permanent resident on ``day`` (None: no status recorded); a
    contradiction when periods held that day disagree on it."""
    held = statuses_on(record, day)
    if not held:
        return None
    answers = {s in LAWFUL_ON_DATE for s in held}
    if answers == {False} and _may_hold(record, day, lambda s: s in LAWFUL_ON_DATE):
        return None  # a permanent residence of unknown start may have held that day
    return Contradiction(day, held) if len(answers) > 1 else answers.pop()


def unlawful_on(record: PersonRecord, day: date) -> bool | Contradiction | None:
    """A non-citizen not lawfully present on ``day`` (None: no status recorded); a
    contradiction when periods held that day disagree on it."""
    held = statuses_on(record, day)
    if not held:
        return None
    answers = {s is ImmigrationStatus.unlawfully_present for s in held}
    if answers == {False} and _may_hold(
        record, day, lambda s: s is ImmigrationStatus.unlawfully_present
    ):
        return None  # an unlawful presence of unknown start may have held that day
    return Contradiction(day, held) if len(answers) > 1 else answers.pop()


def _may_hold(record: PersonRecord, day: date, kind: Callable[[ImmigrationStatus], bool]) -> bool:
    """A non-citizen period of a ``kind`` status with no start, not ended before ``day``."""
    return any(
        p.start is None
        and p.status not in FROM_BIRTH
        and kind(p.status)
        and (p.end is None or p.end >= day)
        for p in record.person.status
    )
