"""Record field paths in the engine's words (``custody[0].end``) written for the people the web
app serves ("custody period 1 (end)"). Only the page changes; the JSON keeps the paths."""

from __future__ import annotations

import re

_LISTS = {
    "convictions": "conviction",
    "counts": "count",
    "custody": "custody period",
    "supervision": "supervision period",
    "pending_charges": "pending charge",
    "clemency": "grant",
    "revocations": "revocation",
    "removal_orders": "removal order",
    "immigration_detainers": "immigration detainer",
    "risk_assessments": "risk assessment",
    "non_earning_periods": "period not earning",
    "people": "business person",
    "roles": "role",
    "status": "immigration status period",
}
_NAMED = {
    "person.status": "the person's immigration status",
    "convictions": "whether the person has convictions",
    "custody": "whether the person has been in custody",
    "supervision": "whether the person has been under supervision",
    "pending_charges": "whether the person has pending charges",
    "clemency": "whether the person has been granted clemency",
}
"""Paths without an index that the engine names as a whole fact (a missing fact, a part the
record says is not known), in words."""
_WHOLE = {
    "business.people": "whether anyone else owns 20% or more of the business or holds a role in it",
    "business.child_care": "whether the business is a child care business",
    "fsa": "whether there is an order of removal or an immigration detainer",
    "fsa.risk_assessments": "the person's PATTERN risk assessments",
}
"""Paths in words only where they stand as a fact of their own (a missing fact, a part the
record says is not known): in running text such a name is left as it is."""
_ROOTS = "business|convictions|custody|supervision|pending_charges|clemency|fsa|rdap|bureau|person"
_DAY = r"(?: \(on (?P<day>\d{4}-\d{2}-\d{2})\))?"
PATH = re.compile(
    rf"\b(?P<path>(?i:{_ROOTS})(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*)(?![\w(\[]){_DAY}"
)
_PART = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")
_ANY = re.compile(rf"\b({'|'.join(_LISTS)})\[\]")
"""A list named with empty brackets (``custody[] between sentencing and arrival``): an entry
not yet in the record."""


def plain_path(path: str) -> str:
    """``convictions[0].counts[1].statute`` → ``conviction 1, count 2 (statute)``;
    ``person.status`` → ``the person's immigration status``."""
    if path in _NAMED or path in _WHOLE:
        return _NAMED.get(path) or _WHOLE[path]
    places: list[str] = []
    fields: list[str] = []
    for name, index in _PART.findall(path):
        if index:
            places.append(f"{_LISTS.get(name, name.replace('_', ' '))} {int(index) + 1}")
            fields = []
        elif name not in ("record", "sentence", "business") or fields:
            fields.append(name.replace("_", " "))
    if not places:
        return " ".join(fields) or path
    said = ", ".join(places)
    return f"{said} ({' '.join(fields)})" if fields else said


def _said(found: re.Match[str], whole: bool) -> str:
    path = found.group("path")
    lower = path[0].lower() + path[1:]
    named = lower in _NAMED and (whole or "." in lower or _not_known(found))
    named = named or (lower in _WHOLE and (whole or _not_known(found)))
    if "[" not in lower and not named:
        return found.group(0)
    said = plain_path(lower)
    if found.group("day"):
        said += f" on {found.group('day')}"
    return said[0].upper() + said[1:] if path[0].isupper() else said


def _not_known(found: re.Match[str]) -> bool:
    """A bare part name is a path only where the record says it is not known."""
    return found.string.startswith(" is not known", found.end())


def plain_paths(text: str) -> str:
    """Every record field path in ``text`` written in plain words (a bare name like
    ``convictions`` only where it is a path: see :func:`plain_fact`)."""
    text = _ANY.sub(lambda m: f"a {_LISTS[m.group(1)]}", text)
    return PATH.sub(lambda m: _said(m, whole=False), text)


def plain_fact(text: str) -> str:
    """A missing fact's path (``convictions``, ``person.status (on 2022-10-06)``) in words."""
    whole = PATH.fullmatch(text)
    return _said(whole, whole=True) if whole else plain_paths(text)
