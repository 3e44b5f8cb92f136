"""The rule versions as data: ``parameters/rules/<body of law>.yaml``.

Each file names the days its versions start and end (read from the dated parameters, so an
effective date is written once), the texts several versions share (sources, known gaps), and
each version: its program, id, title, citation, the URL the text was read from, first and last
day in force, whether it is provisional, its known gaps and further sources::

    days:
      rule_from: {param: sba.criminal_justice_rule.effective_from}
      before_rule: {param: sba.criminal_justice_rule.effective_from, day_before: true}
    texts:
      final_rule: https://www.federalregister.gov/...
    versions:
      sba.surety_bond/after:
        program: sba.surety_bond
        version: from-{rule_from}
        from: rule_from
        sources: ["{final_rule}"]

A ``{name}`` in any text is replaced by the day, number or text of that name (``{from}`` and
``{to}``: the version's own days); a number is a parameter's value (``numbers:
{gct_days: {param: sentence.gct.days_per_year, on: gct_final_rule_from}}``), so that prose
states the law's numbers from the parameters too. A day is ``{param: NAME}`` (a date
parameter's latest value) or
``{param: NAME, takes: VALUE}`` (the day that parameter takes ``VALUE``); ``item: N`` and
``field: NAME`` pick a day inside a structured value (a proclamation's ``signed``); and
``day_before: true`` gives the day before. Code builds a version from its entry with
:func:`rule_fields`; the law's own logic (who counts, what bars, the plain-language summary)
stays in the program's module.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

import yaml

from secondchance.law.parameters import parameter

_PLACE = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_FOLDER = "rules"


class RuleBookError(LookupError):
    """A rule book entry names a day, text or field that does not exist."""


@cache
def _book(body: str) -> dict[str, Any]:
    files = resources.files("secondchance.law.parameters").joinpath(_FOLDER)
    raw = yaml.safe_load(files.joinpath(f"{body}.yaml").read_text(encoding="utf-8")) or {}
    if not isinstance(raw, dict):  # pragma: no cover - the shipped files are mappings
        raise RuleBookError(f"rules/{body}.yaml is not a mapping")
    return raw


def bodies() -> tuple[str, ...]:
    """The bodies of law with a rule book (``clemency``, ``sba``, ``sentence``)."""
    files = resources.files("secondchance.law.parameters").joinpath(_FOLDER)
    return tuple(sorted(e.name[:-5] for e in files.iterdir() if e.name.endswith(".yaml")))


def _taken(name: str, takes: Any) -> date:
    for dated in parameter(name).values:
        if dated.value == takes and dated.start is not None:
            return dated.start
    raise RuleBookError(f"parameter {name} never takes the value {takes!r}")


@cache
def day(body: str, name: str) -> date:
    """The day called ``name`` in ``body``'s rule book."""
    spec = _book(body).get("days", {}).get(name)
    if not isinstance(spec, dict) or "param" not in spec:
        raise RuleBookError(f"rules/{body}.yaml: no day {name!r}")
    if "takes" in spec:
        found = _taken(spec["param"], spec["takes"])
    else:
        last = parameter(spec["param"]).values[-1].value
        if "item" in spec:
            last = last[spec["item"]]
        if "field" in spec:
            last = last[spec["field"]]
        found = last if isinstance(last, date) else date.fromisoformat(str(last))
    return found - timedelta(days=1) if spec.get("day_before") else found


@cache
def number(body: str, name: str) -> str:
    """The legal number called ``name`` in ``body``'s rule book, as prose writes it: a
    parameter's value on a named day (``{param: NAME, on: DAY}``), else its latest value."""
    spec = _book(body).get("numbers", {}).get(name)
    if not isinstance(spec, dict) or "param" not in spec:
        raise RuleBookError(f"rules/{body}.yaml: no number {name!r}")
    found = parameter(spec["param"])
    amount = found.on(day(body, spec["on"])) if "on" in spec else found.values[-1].value
    return str(amount)


def _render(
    body: str, value: str, own: dict[str, str], within: frozenset[str] = frozenset()
) -> str:
    """``value`` with each ``{name}`` filled in; ``within``: the texts being filled in."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in own:
            return own[name]
        if name in _book(body).get("days", {}):
            return day(body, name).isoformat()
        if name in _book(body).get("numbers", {}):
            return number(body, name)
        texts = _book(body).get("texts", {})
        if name in within:
            raise RuleBookError(f"rules/{body}.yaml: the text {name!r} names itself")
        if name in texts:
            return _render(body, str(texts[name]), own, within | {name})
        raise RuleBookError(f"rules/{body}.yaml: {{{name}}} names no day, number or text")

    return _PLACE.sub(one, value)


@cache
def text(body: str, name: str) -> str:
    """The shared text called ``name`` in ``body``'s rule book, its days filled in."""
    texts = _book(body).get("texts", {})
    if name not in texts:
        raise RuleBookError(f"rules/{body}.yaml: no text {name!r}")
    return _render(body, str(texts[name]), {})


def entries(body: str) -> tuple[str, ...]:
    """The keys of the versions in ``body``'s rule book."""
    return tuple(_book(body).get("versions", {}))


_FIELDS = {
    "program",
    "version",
    "title",
    "citation",
    "url",
    "from",
    "to",
    "provisional",
    "gaps",
    "sources",
    "takes_effect",
}


@cache
def _where() -> dict[str, str]:
    """Each version key, with the body of law whose book holds it."""
    return {key: body for body in bodies() for key in entries(body)}


def rule_fields(key: str) -> dict[str, Any]:
    """The fields of rule version ``key`` (``program/name``) as keyword arguments of
    ``RuleVersion`` (and of the SBA's ``RuleText``): program, version, title, citation, url,
    effective_from, effective_to, provisional, known_gaps, sources (and takes_effect)."""
    body = _where().get(key)
    if body is None:
        raise RuleBookError(f"no rule book holds version {key!r}")
    entry = _book(body)["versions"][key]
    unknown = set(entry) - _FIELDS
    if unknown:
        raise RuleBookError(f"rules/{body}.yaml: {key}: unknown fields {sorted(unknown)}")
    first = day(body, entry["from"]) if entry.get("from") else None
    last = day(body, entry["to"]) if entry.get("to") else None
    own = {"from": first.isoformat() if first else "", "to": last.isoformat() if last else ""}

    def render(value: str) -> str:
        return _render(body, str(value), own)

    fields: dict[str, Any] = {
        "program": entry["program"],
        "version": render(entry["version"]),
        "title": render(entry["title"]),
        "citation": render(entry["citation"]),
        "url": render(entry["url"]),
        "effective_from": first,
        "effective_to": last,
        "provisional": bool(entry.get("provisional", False)),
        "known_gaps": tuple(render(g) for g in entry.get("gaps", ())),
        "sources": tuple(render(s) for s in entry.get("sources", ())),
    }
    if entry.get("takes_effect"):
        fields["takes_effect"] = render(entry["takes_effect"])
    return fields
