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
}
_ROOTS = "business|convictions|custody|supervision|pending_charges|clemency|fsa|rdap|bureau|person"
PATH = re.compile(rf"\b(?:{_ROOTS})(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*(?![\w(])")
_PART = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def plain_path(path: str) -> str:
    """``convictions[0].counts[1].statute`` → ``conviction 1, count 2 (statute)``."""
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


def plain_paths(text: str) -> str:
    """Every record field path in ``text`` written in plain words."""
    return PATH.sub(lambda m: plain_path(m.group(0)) if "[" in m.group(0) else m.group(0), text)
