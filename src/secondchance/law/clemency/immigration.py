"""Immigration status on a day, as the categorical pardons read it: ``person.status`` periods
read with ``StatusPeriod.covers`` (a period with no ``start`` has been held since before any
date asked). A U.S. citizen or lawful permanent resident is what the marijuana proclamations
require on their date. Periods that overlap on a day with statuses that answer the question
differently contradict each other: for review, never settled by the order they are listed in.
"""

from __future__ import annotations

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


def statuses_on(record: PersonRecord, day: date) -> tuple[ImmigrationStatus, ...]:
    """Every status a period of ``person.status`` holds on ``day``, each once, as listed."""
    held: list[ImmigrationStatus] = []
    for period in record.person.status:
        if period.covers(day) and period.status not in held:
            held.append(period.status)
    return tuple(held)


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
    return Contradiction(day, held) if len(answers) > 1 else answers.pop()


def unlawful_on(record: PersonRecord, day: date) -> bool | Contradiction | None:
    """A non-citizen not lawfully present on ``day`` (None: no status recorded); a
    contradiction when periods held that day disagree on it."""
    held = statuses_on(record, day)
    if not held:
        return None
    answers = {s is ImmigrationStatus.unlawfully_present for s in held}
    return Contradiction(day, held) if len(answers) > 1 else answers.pop()
