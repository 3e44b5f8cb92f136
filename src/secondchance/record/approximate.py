"""Records with approximate dates: where they are, and the exact records they may stand for.

The law reads exact days only. A record holding approximate dates ("released 2018-06") is
answered by evaluating the exact records it may stand for — each approximate date at the ends
of its range (every combination when there are few, else each date moved alone), at the
legal landmark days that fall inside the range (a proclamation's date, a rule's effective
date) with the day before each, and, for a date whose order among its list's entries the law
reads (:data:`SEQUENCED`), on each other entry's exact day inside the range with the days
before and after it. An answer that is the same on all of them is given; one that
is not depends on the unknown day (see ``secondchance.engine.approximate``).
"""

from __future__ import annotations

import copy
import itertools
import re
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError

from secondchance.record.dates import ApproxDate, is_approximate_form, parse_date
from secondchance.record.schema import Record

Loc = tuple[int | str, ...]

ALL_CORNERS_UP_TO = 3
"""With this many approximate dates or fewer, every combination of range ends is evaluated."""

SHOWN_ONLY = frozenset({"bureau"})
"""Parts of a record that are shown beside the law's answers and never read by it (the Bureau of
Prisons' own figures, record format 1.1): an approximate date in one is not a reading to
evaluate; it is quoted as written (``Record.approximate_dates`` of each reading)."""


SEQUENCED = frozenset({"fsa.risk_assessments[].assessed_on"})
"""Date fields of list entries whose order among themselves the law reads: the run of
consecutive minimum or low risk assessments (18 U.S.C. 3632(d)(4)(A)(ii); 28 CFR 523.42(c)(2))
turns on whether one assessment comes before, after or on the same day as another. An
approximate one is also read on the exact day of each other entry of its list inside its range,
and on the days before and after it (:func:`_sequence_days`): the ends of its range alone put
it before or after all of them, never between or beside one."""


def sequence_field(path: str) -> str:
    """``fsa.risk_assessments[2].assessed_on`` → ``fsa.risk_assessments[].assessed_on``."""
    return re.sub(r"\[\d+\]", "[]", path)


def shown_only(path: str) -> bool:
    """Whether the field path lies in a part of the record the law never reads."""
    return path.partition(".")[0] in SHOWN_ONLY


def field_path(loc: Loc) -> str:
    """``('convictions', 0, 'sentence')`` → ``convictions[0].sentence``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "(top level)"


def _leaves(annotation: Any) -> Iterator[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from _leaves(typing.get_args(annotation)[0])
    elif origin in (typing.Union, types.UnionType, list):
        for arg in typing.get_args(annotation):
            yield from _leaves(arg)
    else:
        yield annotation


def _field_kind(annotation: Any) -> type[BaseModel] | type[date] | None:
    for leaf in _leaves(annotation):
        if leaf is date:
            return date
        if isinstance(leaf, type) and issubclass(leaf, BaseModel):
            return leaf
    return None


@cache
def _field_kinds(model: type[BaseModel]) -> tuple[frozenset[str], dict[str, type[BaseModel]]]:
    """The date fields of ``model`` and its fields that hold models (read once per class)."""
    kinds = {name: _field_kind(f.annotation) for name, f in model.model_fields.items()}
    dates = frozenset(name for name, kind in kinds.items() if kind is date)
    parts = {
        name: kind
        for name, kind in kinds.items()
        if isinstance(kind, type) and issubclass(kind, BaseModel)
    }
    return dates, parts


def date_values(model: type[BaseModel], data: Any, loc: Loc = ()) -> list[tuple[Loc, Any]]:
    """Every value written in a date field of ``data`` (raw parsed input for ``model``), in the
    order of the data."""
    found: list[tuple[Loc, Any]] = []
    if isinstance(data, dict):
        _date_values_into(found, model, data, loc)
    return found


def _date_values_into(
    found: list[tuple[Loc, Any]], model: type[BaseModel], data: dict[Any, Any], loc: Loc
) -> None:
    dates, parts = _field_kinds(model)
    for name, value in data.items():
        if value is None:
            continue
        if name in dates:
            found.append(((*loc, name), value))
            continue
        part = parts.get(name)
        if part is None:
            continue
        if isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    _date_values_into(found, part, item, (*loc, name, i))
        elif isinstance(value, dict):
            _date_values_into(found, part, value, (*loc, name))


def approximate_dates(model: type[BaseModel], data: Any) -> dict[Loc, ApproxDate]:
    """The approximate dates of raw ``data`` by location (``DateFormError`` names the first
    that cannot be read, with its location in ``args[1]``)."""
    found: dict[Loc, ApproxDate] = {}
    for loc, value in date_values(model, data):
        if is_approximate_form(value):
            try:
                found[loc] = parse_date(value)
            except ValueError as exc:
                raise LocatedDateError(loc, str(exc)) from None
    return found


class LocatedDateError(ValueError):
    """A date that cannot be read, and where it is."""

    def __init__(self, loc: Loc, message: str) -> None:
        self.loc = loc
        super().__init__(message)


def substitute(data: Any, days: dict[Loc, date]) -> Any:
    """A deep copy of raw ``data`` with each location set to an exact day."""
    out = copy.deepcopy(data)
    for loc, day in days.items():
        parent = out
        for part in loc[:-1]:
            parent = parent[part]
        parent[loc[-1]] = day.isoformat()
    return out


@dataclass(frozen=True)
class Variant:
    """One exact reading of a record: the day chosen for each approximate date."""

    days: dict[Loc, date]


def _landmark_days(approx: ApproxDate, landmarks: Iterable[date]) -> set[date]:
    days: set[date] = set()
    for mark in landmarks:
        for day in (mark - timedelta(days=1), mark):
            if approx.earliest < day < approx.latest:
                days.add(day)
    return days


def _beside_days(approx: ApproxDate, others: Iterable[date]) -> set[date]:
    """Each of ``others`` inside the range (the ends are read already), with the days before
    and after it."""
    step = timedelta(days=1)
    near = {day + shift for day in others for shift in (-step, timedelta(0), step)}
    return {day for day in near if approx.earliest < day < approx.latest}


def _sequence_days(source: Any, varied: dict[Loc, ApproxDate]) -> dict[Loc, set[date]]:
    """For each approximate date of a :data:`SEQUENCED` field, the exact days of the other
    entries of its list in that field."""
    wanted = {loc for loc in varied if sequence_field(field_path(loc)) in SEQUENCED}
    if not wanted:
        return {}
    exact: list[tuple[Loc, date]] = []
    for loc, value in date_values(Record, source):
        if sequence_field(field_path(loc)) not in SEQUENCED or is_approximate_form(value):
            continue
        try:
            day = value if isinstance(value, date) else parse_date(value).exact
        except ValueError:
            continue
        if day is not None:
            exact.append((loc, day))
    return {
        loc: {day for other, day in exact if other[:-2] == loc[:-2] and other[-1] == loc[-1]}
        for loc in wanted
    }


def variants(
    approx: dict[Loc, ApproxDate],
    landmarks: Iterable[date] = (),
    beside: dict[Loc, set[date]] | None = None,
) -> list[Variant]:
    """The exact readings to evaluate: all-earliest first (the representative reading).
    ``beside``: for a date, other days of the record inside its range on which it is read too,
    with the days before and after each (:data:`SEQUENCED`)."""
    locs = list(approx)
    low = {loc: approx[loc].earliest for loc in locs}
    out = [Variant(low)]
    if len(locs) <= ALL_CORNERS_UP_TO:
        for ends in itertools.product((False, True), repeat=len(locs)):
            if any(ends):
                out.append(
                    Variant(
                        {
                            loc: approx[loc].latest if e else low[loc]
                            for loc, e in zip(locs, ends, strict=True)
                        }
                    )
                )
    else:
        out += [Variant({**low, loc: approx[loc].latest}) for loc in locs]
        out.append(Variant({loc: approx[loc].latest for loc in locs}))
    marks = sorted(set(landmarks))
    for loc in locs:
        days = _landmark_days(approx[loc], marks)
        days |= _beside_days(approx[loc], (beside or {}).get(loc, ()))
        for day in sorted(days):
            out.append(Variant({**low, loc: day}))
    return out


@dataclass(frozen=True)
class Reading:
    """An exact record a record with approximate dates may stand for, with the day chosen for
    each approximate date (by field path)."""

    days: dict[str, date]
    record: Record
    approx: dict[str, ApproxDate]
    """Each approximate date of the record that the law reads, by field path (empty for an exact
    record)."""

    def differs_only_in(self, other: Reading) -> str | None:
        """The one field path whose day differs between the two readings, if exactly one."""
        diff = [path for path in self.days if self.days[path] != other.days.get(path)]
        return diff[0] if len(diff) == 1 else None


def first_reading(data: dict[str, Any], locs: dict[Loc, ApproxDate] | None = None) -> Record:
    """Validate raw ``data`` holding approximate dates: the first exact reading that is a valid
    record stands for it (``ValidationError`` of the all-earliest reading when none is).
    ``locs``: its approximate dates when the caller has found them already."""
    if locs is None:
        locs = approximate_dates(Record, data)
    if not locs:
        return Record.model_validate(data)
    first_error: ValidationError | None = None
    for variant in variants(locs):
        try:
            record = Record.model_validate(substitute(data, variant.days))
        except ValidationError as exc:
            first_error = first_error or exc
            continue
        record._approximate = {field_path(loc): approx for loc, approx in locs.items()}
        record._source = data
        return record
    assert first_error is not None
    raise first_error


def readings(record: Record, landmarks: Iterable[date] = ()) -> list[Reading]:
    """The exact readings of ``record`` to evaluate (itself alone when all its dates are exact);
    a reading that would break the record's own rules (an end before its start) is read at the
    nearest valid days instead (:func:`_valid`), or left out when there are none.
    Approximate dates in a part the law never reads (:data:`SHOWN_ONLY`) are not varied: each
    reading keeps them in its ``approximate_dates``, and ``Reading.approx`` leaves them out."""
    if record._source is None:
        return [Reading({}, record, {})]
    marks = tuple(sorted(set(landmarks)))
    cached = record._readings.get(marks)
    if cached is not None:
        return cached
    locs = approximate_dates(Record, record._source)
    # A date the law never reads gives no readings: each reading holds its earliest day, and
    # keeps the date as written for what shows it.
    held = {loc: a for loc, a in locs.items() if shown_only(field_path(loc))}
    varied = {loc: a for loc, a in locs.items() if loc not in held}
    written = {field_path(loc): a for loc, a in held.items()}
    approx = {p: a for p, a in record.approximate_dates.items() if p not in written}
    out: list[Reading] = []
    seen: set[tuple[tuple[Loc, date], ...]] = set()
    for variant in variants(varied, marks, _sequence_days(record._source, varied)):
        for days_chosen, exact in _valid(record._source, variant.days, varied, held):
            key = tuple(sorted(days_chosen.items(), key=repr))
            if key in seen:
                continue
            seen.add(key)
            exact._approximate = dict(written)
            days = {field_path(loc): d for loc, d in days_chosen.items()}
            out.append(Reading(days, exact, approx))
    record._readings[marks] = out
    return out


def _valid(
    source: Any,
    days: dict[Loc, date],
    varied: dict[Loc, ApproxDate],
    held: dict[Loc, ApproxDate],
) -> list[tuple[dict[Loc, date], Record]]:
    """The reading ``days`` as a valid record, or, when it breaks the record's own rules (a start
    after its end), the nearest valid readings instead: each approximate date at that end of its
    range moved back to the last day on which the record is valid (a start of some day of 2013
    before an end of 2013-06-30 is read on 2013-06-30 too, not only on 2013-01-01), the other
    dates kept. Dropping the reading alone would leave the days between unread."""

    def check(chosen: dict[Loc, date]) -> Record | None:
        try:
            fixed = {loc: a.earliest for loc, a in held.items()}
            return Record.model_validate(substitute(source, {**chosen, **fixed}))
        except ValidationError:
            return None

    exact = check(days)
    if exact is not None:
        return [(days, exact)]
    found: list[tuple[dict[Loc, date], Record]] = []
    for loc, day in days.items():
        rng = varied[loc]
        if rng.earliest == rng.latest:
            continue
        other = rng.earliest if day == rng.latest else rng.latest
        if check({**days, loc: other}) is None:
            continue
        good, bad = other, day  # valid at ``good``, not at ``bad``: the last valid day between
        while abs((bad - good).days) > 1:
            mid = good + timedelta(days=(bad - good).days // 2)
            if check({**days, loc: mid}) is None:
                bad = mid
            else:
                good = mid
        moved = {**days, loc: good}
        record = check(moved)
        if record is not None:
            found.append((moved, record))
    return found
