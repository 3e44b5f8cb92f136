"""Neutral questions about a record's facts (what covers a day, which conviction has an id).

These say what the record holds, never what the law makes of it; that lives in ``law/``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import TypeVar

from secondchance.record.schema import BusinessPerson, Conviction, PersonRecord, _Span

S = TypeVar("S", bound=_Span)


def covering(periods: Iterable[S], day: date) -> Iterator[tuple[int, S]]:
    """The periods (with their index in the list) that cover ``day``."""
    for index, period in enumerate(periods):
        if period.covers(day):
            yield index, period


def covers(span: _Span, day: date) -> bool | None:
    """Whether a period that may lack dates covers ``day``: ``True`` or ``False`` when its dates
    settle it, ``None`` when its start is unknown and it may (an unknown end means still
    running, so only a known end before ``day`` rules it out without a start)."""
    if span.end is not None and span.end < day:
        return False
    if span.start is None:
        return None
    return span.start <= day


def conviction_by_id(record: PersonRecord, conviction_id: str | None) -> Conviction | None:
    if conviction_id is None:
        return None
    for conviction in record.convictions:
        if conviction.id == conviction_id:
            return conviction
    return None


def sentenced_on(conviction: Conviction) -> date | None:
    """The day sentence was imposed: ``sentence.imposed_on``, else ``sentencing_date``."""
    imposed = conviction.sentence.imposed_on if conviction.sentence is not None else None
    return imposed or conviction.sentencing_date


def awaiting_sentencing(conviction: Conviction, day: date) -> bool:
    """Convicted and not yet sentenced on ``day``: the record says so
    (``awaiting_sentencing``), or the conviction was entered on or before ``day`` (or on a day
    not recorded) and sentence was imposed after it. The flag is read whatever the day, as
    written; the schema forbids it once a sentencing date is recorded."""
    if conviction.awaiting_sentencing:
        return True
    imposed = sentenced_on(conviction)
    entered = conviction.conviction_date
    return imposed is not None and imposed > day and (entered is None or entered <= day)


def awaiting_path(conviction: Conviction, path: str) -> str:
    """The record path of the fact that shows ``conviction`` (at ``path``) awaiting
    sentencing: the flag, else the sentencing date after the day."""
    if conviction.awaiting_sentencing:
        return f"{path}.awaiting_sentencing"
    if conviction.sentence is not None and conviction.sentence.imposed_on is not None:
        return f"{path}.sentence.imposed_on"
    return f"{path}.sentencing_date"


def day_after(day: date) -> date:
    return date.fromordinal(day.toordinal() + 1)


def record_of(record: PersonRecord, person: BusinessPerson) -> PersonRecord:
    """The record of someone connected with a business: the top-level record when the person is
    marked ``is_subject``, else their own nested one."""
    return record if person.is_subject else person.record
