"""Immigration status on a day, as the categorical pardons read it: ``person.status`` periods
read with ``StatusPeriod.covers`` (a period with no ``start`` has been held since before any
date asked). A U.S. citizen or lawful permanent resident is what the marijuana proclamations
require on their date.
"""

from __future__ import annotations

from datetime import date

from secondchance.record.schema import ImmigrationStatus, PersonRecord

LAWFUL_ON_DATE = (ImmigrationStatus.us_citizen, ImmigrationStatus.lawful_permanent_resident)
"""The statuses the marijuana proclamations pardon: U.S. citizens and lawful permanent
residents."""


def status_on(record: PersonRecord, day: date) -> ImmigrationStatus | None:
    held = [p.status for p in record.person.status if p.covers(day)]
    if ImmigrationStatus.us_citizen in held:
        return ImmigrationStatus.us_citizen
    return held[0] if held else None
