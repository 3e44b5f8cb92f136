"""Dates as reports write them: "December 12, 2024", "Dec. 12, 2024", "12 December 2024",
"2024-12-12", "12/12/2024"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = (
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
    re.compile(r"\b(?P<mnum>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
)


@dataclass(frozen=True)
class StatedDate:
    day: date
    text: str
    start: int
    end: int


def _month(found: re.Match[str]) -> int:
    groups = found.groupdict()
    if groups.get("mnum"):
        return int(groups["mnum"])
    return MONTHS[groups["month"].casefold().rstrip(".")]


def find_dates(text: str) -> list[StatedDate]:
    """Every full date the text states, in order (impossible dates such as Feb. 30 skipped)."""
    found: dict[int, StatedDate] = {}
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s.start <= m.start() < s.end for s in found.values()):
                continue
            try:
                day = date(int(m.group("year")), _month(m), int(m.group("day")))
            except ValueError:
                continue
            found[m.start()] = StatedDate(day, m.group(0), m.start(), m.end())
    return [found[k] for k in sorted(found)]
