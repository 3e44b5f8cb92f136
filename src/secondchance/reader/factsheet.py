"""The fact sheet: what the document says, what the official record says, where they differ.

Claims are read sentence by sentence: a person named near "pardoned" or "commuted" is said to
have received that kind of grant; a date in the same sentence is said to be its date; a date in
a sentence saying a law "took effect" (or was signed, enacted) is said to be its effective date.
Each difference names the official source that decides it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from secondchance.grants.model import Grant
from secondchance.grants.names import SUFFIXES, fold
from secondchance.grants.register import Register
from secondchance.reader.dates import StatedDate, find_dates
from secondchance.reader.document import Document
from secondchance.reader.laws import LawLink, find_laws, link
from secondchance.reader.people import PersonMention, find_people
from secondchance.reader.sentences import sentences

_KIND = re.compile(r"\bpardon(?:s|ed|ing)?\b|\bcommut(?:e|ed|es|ing|ation|ations)\b", re.I)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_EXPIRES = re.compile(
    r"\b(?:expire[sd]?|expiring|expiration|release[sd]?|releasing)\b[^.;,]{0,20}$", re.I
)
"""Words just before a date that make it the day a (commuted) sentence ends, not a grant's."""
_NEGATED = re.compile(
    r"\b(?:not|never|denied|denies|deny|denying|declined|declines|refused|refuses)\b"
    r"[^.;,]{0,12}$|n[’']t\s+(?:\w+\s+){0,2}$",
    re.I,
)
"""Words just before "pardon"/"commuted" that say it was not granted."""
_EFFECTIVE = re.compile(
    r"took effect|takes effect|take effect|went into effect|goes into effect|in effect|"
    r"effective|became law|enacted|signed|issued|in force",
    re.I,
)


@dataclass
class Person:
    """One person the document names, with everything it says about them."""

    mention: PersonMention
    grants: list[Grant]
    mentions: list[str] = field(default_factory=list)
    claimed_types: list[tuple[str, str]] = field(default_factory=list)
    claimed_dates: list[StatedDate] = field(default_factory=list)

    surname: str = ""
    """The surname as the document writes it, folded (to find later references)."""

    def __post_init__(self) -> None:
        words = [
            w
            for w in self.mention.mention.replace(",", " ").split()
            if w.rstrip(".").casefold() not in SUFFIXES
        ]
        self.surname = words[-1].casefold() if len(words) > 1 else ""
        head, comma, tail = self.mention.mention.partition(",")
        given = [w.rstrip(".").casefold() for w in tail.split()]
        if comma and len(head.split()) == 1 and given and given[0] not in SUFFIXES:
            self.surname = head.strip().casefold()  # written surname first: "Davis, Gary Parks"

    @property
    def key(self) -> str:
        best = self.mention.best
        return best.grant.name if best is not None else fold(self.mention.mention)


@dataclass
class Reading:
    doc: Document
    people: dict[str, Person] = field(default_factory=dict)
    laws: dict[str, LawLink] = field(default_factory=dict)
    dates: list[dict[str, Any]] = field(default_factory=list)
    differences: list[dict[str, Any]] = field(default_factory=list)


def _grants_of(m: PersonMention) -> list[Grant]:
    """The grants of the best match, and of equally good matches (two people, same name)."""
    if m.best is None:
        return []
    return [x.grant for x in m.matches if x.score == m.best.score and x.exact == m.best.exact]


def _nearest(items: list[tuple[int, Any]], at: int) -> Any:
    return min(items, key=lambda item: abs(item[0] - at))[1] if items else None


def _kind_word(word: str) -> str:
    return "pardon" if word.casefold().startswith("pardon") else "commutation"


def _in_sentence(
    reading: Reading, mentions: list[PersonMention], start: int, end: int, text: str
) -> list[tuple[Person, int]]:
    """The people a sentence names: by a full mention, or by the surname of one named before."""
    found: list[tuple[Person, int]] = []
    for m in mentions:
        if start <= m.start < end:
            person = Person(m, _grants_of(m))
            person = reading.people.setdefault(person.key, person)
            if m.mention not in person.mentions:
                person.mentions.append(m.mention)
            found.append((person, m.start))
    named = {id(p) for p, _ in found}
    # A surname inside a full mention of this sentence is that person's ("José Acosta" does
    # not refer back to a Sergio Acosta named before).
    inside = [(m.start - start, m.end - start) for m in mentions if start <= m.start < end]
    words: dict[str, int] = {}
    for w in _WORD.finditer(text):
        if any(a <= w.start() < b for a, b in inside):
            continue
        word = w.group(0).casefold()
        words.setdefault(word[:-2] if word.endswith(("'s", "’s")) else word, w.start())
    for person in reading.people.values():
        at = words.get(person.surname) if len(person.surname) > 2 else None
        if at is not None and id(person) not in named:
            found.append((person, start + at))
    return found


def _granted(text: str) -> list[re.Match[str]]:
    """The words of a sentence saying a pardon or commutation was granted: not those denied
    ("did not pardon", "denied a commutation", "declined to commute")."""
    return [k for k in _KIND.finditer(text) if not _NEGATED.search(text[: k.start()])]


def _claims(
    found: list[tuple[Person, int]], text: str, start: int, stated: list[StatedDate]
) -> None:
    kinds = [(start + k.start(), k.group(0)) for k in _granted(text)]
    if not kinds:
        return
    for person, at in found:
        word = _nearest(kinds, at)
        person.claimed_types.append((_kind_word(word), text.strip()))
        day = _nearest([(d.start, d) for d in stated], at)
        if day is not None:
            person.claimed_dates.append(day)


def _law_claims(reading: Reading, text: str, stated: list[StatedDate], on: date) -> set[int]:
    """Link the laws a sentence refers to; a date stated as one's effective date is compared
    with the official date. Returns the positions of the dates used."""
    used: set[int] = set()
    for entry, words in find_laws(text):
        key = entry.program or entry.key
        linked = reading.laws.get(key) or link(entry, words, on)
        if linked is None:
            continue
        reading.laws.setdefault(key, linked)
        if not (_EFFECTIVE.search(text) and linked.official_dates and stated):
            continue
        for d in stated:
            if d.start in used:
                continue
            used.add(d.start)
            role = "effective" if linked.program else "signed"
            reading.dates.append(
                {
                    "mention": d.text,
                    "date": d.day.isoformat(),
                    "role": role,
                    "about": linked.program or linked.title,
                    "official": [x.isoformat() for x in linked.official_dates],
                    "source": linked.source,
                }
            )
            if d.day not in linked.official_dates:
                reading.differences.append(_effective_difference(linked, d, reading.doc))
    return used


def _note_publication(day: date, doc: Document) -> str | None:
    if doc.published is not None and day == doc.published:
        return "the date stated is the document's own publication date, not the official one"
    return None


def _effective_difference(law: LawLink, d: StatedDate, doc: Document) -> dict[str, Any]:
    official = ", ".join(x.isoformat() for x in law.official_dates)
    return {
        "kind": "effective_date",
        "subject": law.program or law.title,
        "document": d.day.isoformat(),
        "official": official,
        "citation": law.citation,
        "source": law.source,
        "note": _note_publication(d.day, doc)
        or f"in force or signed from {official} ({law.citation})",
    }


def _person_differences(person: Person, doc: Document) -> list[dict[str, Any]]:
    best = person.mention.best
    if best is None:
        return []
    out: list[dict[str, Any]] = []
    source = best.grant.source_url
    if not best.exact:
        out.append(
            {
                "kind": "name_spelling",
                "subject": best.grant.name,
                "document": person.mention.mention,
                "official": best.grant.name,
                "source": source,
                "note": f"{best.reason}; confirm it is the same person",
            }
        )
    types = {g.type.value for g in person.grants}
    for claimed, sentence in dict(person.claimed_types).items():
        if claimed not in types:
            out.append(
                {
                    "kind": "grant_type",
                    "subject": best.grant.name,
                    "document": claimed,
                    "official": ", ".join(sorted(types)),
                    "source": source,
                    "note": f"the document says: {sentence[:200]}",
                }
            )
    dates = {g.date for g in person.grants}
    for d in person.claimed_dates:
        if d.day not in dates:
            official = ", ".join(sorted(x.isoformat() for x in dates))
            out.append(
                {
                    "kind": "grant_date",
                    "subject": best.grant.name,
                    "document": d.day.isoformat(),
                    "official": official,
                    "source": source,
                    "note": _note_publication(d.day, doc) or f"the document writes {d.text!r}",
                }
            )
    return _unique(out)


def _unique(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[str, ...]] = set()
    out = []
    for item in items:
        key = (item["kind"], item["subject"], item["document"])
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _person_row(person: Person) -> dict[str, Any]:
    best = person.mention.best
    row: dict[str, Any] = {
        "mention": person.mention.mention,
        "matched_name": best.grant.name if best else None,
        "match": person.mention.kind,
        "score": best.score if best else None,
        "reason": best.reason if best else "no grant in the register matches this name",
        "grants": [
            {
                "type": g.type.value,
                "date": g.date.isoformat(),
                "president": g.president,
                "source": g.source_url,
            }
            for g in person.grants
        ],
        "document_says": {
            "names": person.mentions,
            "types": sorted({t for t, _ in person.claimed_types}),
            "dates": sorted({d.day.isoformat() for d in person.claimed_dates}),
        },
    }
    return row


def _publication_line(reading: Reading, d: StatedDate) -> bool:
    """The date of the publication line itself (listed first, never a claim)."""
    return d.start == reading.doc.published_at


def _read_sentences(reading: Reading, register: Register, on: date) -> None:
    text = reading.doc.text
    mentions = find_people(text, register)
    for start, end in sentences(text):
        chunk = text[start:end]
        stated = [
            StatedDate(d.day, d.text, start + d.start, start + d.end) for d in find_dates(chunk)
        ]
        found = _in_sentence(reading, mentions, start, end, chunk)
        used = _law_claims(reading, chunk, stated, on)
        rest = [d for d in stated if d.start not in used and not _publication_line(reading, d)]
        ends = {d.start for d in rest if _EXPIRES.search(text[start : d.start])}
        _claims(found, chunk, start, [d for d in rest if d.start not in ends])
        for d in rest:
            role = "grant" if found and _granted(chunk) else "event"
            if d.start in ends:
                role = "expiration" if found else "event"
            about = [p.key for p, _ in found] if role in ("grant", "expiration") else []
            reading.dates.append(
                {
                    "mention": d.text,
                    "date": d.day.isoformat(),
                    "role": role,
                    "about": ", ".join(about) or None,
                }
            )


def read_document(doc: Document, register: Register, today: date | None = None) -> dict[str, Any]:
    """The fact sheet of ``doc`` (JSON-ready): people, laws, dates, differences."""
    on = doc.published or today or date.today()
    reading = Reading(doc)
    if doc.published is not None:
        reading.dates.append(
            {
                "mention": doc.published.isoformat(),
                "date": doc.published.isoformat(),
                "role": "publication",
                "about": None,
                "source": doc.published_source,
            }
        )
    _read_sentences(reading, register, on)
    for person in reading.people.values():
        reading.differences.extend(_person_differences(person, doc))
    return {
        "document": {
            "title": doc.title,
            "url": doc.url,
            "published": doc.published.isoformat() if doc.published else None,
        },
        "people": [_person_row(p) for p in reading.people.values()],
        "laws": [law.as_dict() for law in reading.laws.values()],
        "dates": reading.dates,
        "differences": _unique(reading.differences),
        "register": {"grants": len(register), "provenance": "grants/data/PROVENANCE.md"},
    }
