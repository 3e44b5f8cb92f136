"""Split text into sentences, not at the full stop of an initial or a common abbreviation."""

from __future__ import annotations

import re

_END = re.compile(r"[.!?][\"”’)]*\s+|\n[ \t]*\n")
_ABBREVIATIONS = {
    "mr",
    "ms",
    "mrs",
    "dr",
    "jr",
    "sr",
    "st",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "no",
    "gov",
    "sen",
    "rep",
    "v",
    "vs",
    "inc",
    "gen",
    "lt",
    "col",
    "sgt",
    "d.c",
    "e.g",
    "i.e",
    "p.s",
    "art",
    "sec",
    "pub",
    "l",
}


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group(0)[0] == ".":
            last = re.search(r"(\S+)$", text[start : m.start()])
            token = last.group(1).casefold().lstrip('("“') if last else ""
            if token in _ABBREVIATIONS or len(token) == 1:
                continue
        if text[start : m.start()].strip():
            out.append((start, m.start() + 1))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out
