"""Dated legal parameters with citations (the numbers, lists and dates the law sets).

Each ``*.yaml`` file beside this module maps a dotted name to a parameter::

    sba.associate.equity_more_than_percent:
      description: Owners of more than this share of the equity are Associates.
      citation: 13 CFR 120.10 ("Associate", (2)(i))
      url: https://www.ecfr.gov/current/title-13/section-120.10
      values:
        - {from: null, value: 20}

``values`` are ordered by ``from`` (``null``: since before the period we encode); a value is in
force from its ``from`` until the next one starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class DatedValue:
    start: date | None
    value: Any


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    citation: str
    url: str
    values: tuple[DatedValue, ...]

    def on(self, day: date) -> Any:
        """The value in force on ``day``."""
        current: DatedValue | None = None
        for dated in self.values:
            if dated.start is None or dated.start <= day:
                current = dated
        if current is None:
            raise LookupError(f"parameter {self.name} has no value on {day.isoformat()}")
        return current.value


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def date_value(raw: Any) -> date:
    """A date inside a parameter's value (YAML reads an ISO date as a date; a quoted one is
    parsed)."""
    return raw if isinstance(raw, date) else date.fromisoformat(str(raw))


@cache
def _all() -> dict[str, Parameter]:
    table: dict[str, Parameter] = {}
    for entry in sorted(resources.files(__package__).iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        raw = yaml.safe_load(entry.read_text(encoding="utf-8")) or {}
        for name, spec in raw.items():
            values = tuple(DatedValue(_as_date(v.get("from")), v["value"]) for v in spec["values"])
            table[name] = Parameter(
                name=name,
                description=spec["description"],
                citation=spec["citation"],
                url=spec["url"],
                values=values,
            )
    return table


def parameter(name: str) -> Parameter:
    """The parameter called ``name`` (KeyError if none)."""
    return _all()[name]


def value(name: str, on: date) -> Any:
    """The value of parameter ``name`` in force on ``on``."""
    return parameter(name).on(on)


def all_parameters() -> dict[str, Parameter]:
    return dict(_all())
