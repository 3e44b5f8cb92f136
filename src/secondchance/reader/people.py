"""People a document names, matched to the grant register.

Candidate names are runs of capitalised words (with initials, particles such as "de", a name in
parentheses and a suffix). A run is kept when it matches the register, or when it reads as a
person's name: after a title (Mr., Ms., Dr.) or starting with a given name the register knows.
Runs naming institutions (courts, agencies, acts) and Presidents are not people here: a
President by the name as written (given names or initials with the surname,
``grants.presidents.WRITTEN``), or as the grantor in "I, NAME, President of the United States";
never by the surname alone ("Michael Ford", "Robert Hunter Biden" are grantees)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from secondchance.grants.names import PARTICLES, SUFFIXES, fold
from secondchance.grants.presidents import SIGNS_AFTER, SIGNS_BEFORE, names_president
from secondchance.grants.register import Register
from secondchance.grants.search import Match, search

_TOKEN = re.compile(
    r"\((?:née\s+|nee\s+)?[A-Z][\w'’-]+\)|[A-Z][a-z]*\.(?=\s)|[A-Z][\w'’-]*[\w]|[A-Z]|,(?=\s+(?:Jr|Sr|II|III|IV)\b)"
    r"|\b(?:" + "|".join(sorted(PARTICLES)) + r")\b"
)
TITLES = {"mr", "ms", "mrs", "miss", "dr"}
_NOT_NAME = {
    "act",
    "administration",
    "agency",
    "article",
    "attorney",
    "bureau",
    "capitol",
    "circuit",
    "clemency",
    "code",
    "commission",
    "committee",
    "congress",
    "court",
    "department",
    "district",
    "division",
    "federal",
    "fbi",
    "first",
    "general",
    "government",
    "house",
    "justice",
    "law",
    "loan",
    "loans",
    "news",
    "office",
    "pardon",
    "pardons",
    "prison",
    "prisons",
    "proclamation",
    "program",
    "republican",
    "democrat",
    "reserve",
    "rule",
    "senate",
    "service",
    "small",
    "state",
    "states",
    "step",
    "street",
    "supreme",
    "united",
    "university",
    "white",
    "county",
    "city",
    "press",
    "times",
    "post",
    "journal",
    "today",
    "president",
    "secretary",
    "governor",
    "senator",
    "judge",
    "rep",
    "sen",
    "gov",
    "commutation",
    "commutations",
    "american",
    "america",
    "national",
    "association",
    "center",
    "foundation",
    "institute",
    "inc",
    "llc",
    "corp",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "as",
    "but",
    "and",
    "after",
    "before",
    "when",
    "while",
    "his",
    "her",
    "their",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "for",
    "of",
    "by",
    "with",
    "from",
    "to",
    "yesterday",
    "last",
    "next",
    "under",
    "since",
    "until",
    "also",
    "meanwhile",
    "however",
    "according",
    "marijuana",
    "cannabis",
    "ucmj",
    "sba",
    "fsa",
    "gct",
    "bop",
    "doj",
    "cares",
    "covid",
}
FUZZY_FOR_PEOPLE = 85.0
_PERSON_AFTER = re.compile(r",\s+(?:\d{1,3},|an?\s|who\s)|\s+said\b")
_MIDDLE_INITIAL = re.compile(r"^[A-Z][a-z]+\s+[A-Z]\.\s+[A-Z][a-z]+")


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int
    titled: bool


@dataclass(frozen=True)
class PersonMention:
    mention: str
    start: int
    end: int
    best: Match | None
    matches: tuple[Match, ...]

    @property
    def kind(self) -> str:
        return "none" if self.best is None else self.best.kind


def _spans(text: str) -> list[Span]:
    """Runs of name-like tokens separated only by spaces (one line break allowed)."""
    spans: list[Span] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        while run and (run[-1].group(0).islower() or run[-1].group(0) == ","):
            run.pop()
        if run:
            start, end = run[0].start(), run[-1].end()
            if text[end - 2 : end] in ("'s", "’s"):
                end -= 2  # a possessive
            before = text[max(0, start - 6) : start]
            after = text[end : end + 16]
            titled = bool(re.search(r"\b(?:Mr|Ms|Mrs|Dr|Miss)\.?\s+$", before)) or bool(
                _PERSON_AFTER.match(after)
            )
            spans.append(Span(text[start:end], start, end, titled))
        run.clear()

    for m in _TOKEN.finditer(text):
        if run:
            gap = text[run[-1].end() : m.start()]
            if not re.fullmatch(r" ?\n? ?| +", gap) and not (gap == " " or gap == ""):
                close()
        if m.group(0).rstrip(".").casefold() in TITLES:
            close()
            continue
        if not run and (m.group(0).islower() or m.group(0) == ","):
            continue
        run.append(m)
    close()
    return spans


def _words(span: str) -> list[str]:
    return [w for w in fold(span).replace("-", " ").split() if w]


def _candidates(span: Span) -> list[str]:
    """The span and the same span without its first one or two words (a sentence may open with
    a capitalised word that is not part of the name)."""
    words = span.text.split()
    out = [span.text]
    for drop in (1, 2):
        if len(words) - drop >= 2:
            out.append(" ".join(words[drop:]))
    return out


def _is_institution(words: list[str]) -> bool:
    return any(w in _NOT_NAME for w in words)


def _signs(text: str, span: Span) -> bool:
    """The name in "I, NAME, President of the United States" (a warrant's or proclamation's
    grantor), whoever the President is."""
    return bool(
        SIGNS_BEFORE.search(text[max(0, span.start - 8) : span.start])
        and SIGNS_AFTER.match(text[span.end : span.end + 80])
    )


def _match(register: Register, text: str, seen: dict[str, tuple[Match, ...]]) -> tuple[Match, ...]:
    if text not in seen:
        found = search(register.index, text, threshold=FUZZY_FOR_PEOPLE, limit=5)
        seen[text] = tuple(m for m in found if m.exact or m.reason != "surname only")
    return seen[text]


def _person(
    register: Register, span: Span, given: frozenset[str], seen: dict[str, tuple[Match, ...]]
) -> PersonMention | None:
    for text in _candidates(span):
        words = _words(text)
        if names_president(words):
            return None  # a shorter candidate is part of his name ("R. Biden, Jr")
        if len(words) < 2:
            continue
        bare = [w for w in words if w not in SUFFIXES]
        if _is_institution(bare):
            continue
        matches = _match(register, text, seen)
        offset = span.text.find(text)
        if matches:
            return PersonMention(text, span.start + offset, span.end, matches[0], matches)
        if span.titled or _MIDDLE_INITIAL.match(text) or (bare[0] in given and not text.isupper()):
            return PersonMention(text, span.start + offset, span.end, None, ())
    return None


def _surname_first(
    register: Register, text: str, first: Span, rest: Span, seen: dict[str, tuple[Match, ...]]
) -> PersonMention | None:
    """A name written surname first inside a sentence ("a pardon to Davis, Gary Parks, of
    Yuma"): a one-word span, a comma, then the given names. Taken as one name only where the
    register lists it exactly so (a comma also parts a place from a name: "In Yuma, Gary
    Parks Davis said")."""
    words = _words(first.text)
    if len(words) != 1 or words[0] in _NOT_NAME or text[first.end : rest.start] != ", ":
        return None
    written = text[first.start : rest.end]
    matches = _match(register, written, seen)
    if not matches or not matches[0].exact:
        return None
    return PersonMention(written, first.start, rest.end, matches[0], matches)


def find_people(text: str, register: Register) -> list[PersonMention]:
    """Every person the text names, in order, each with its register match (or none)."""
    given = register.given_names
    out: list[PersonMention] = []
    seen: dict[str, tuple[Match, ...]] = {}
    spans = _spans(text)
    skip = False
    for span, after in zip(spans, [*spans[1:], None], strict=True):
        if skip:
            skip = False
            continue
        if after is not None:
            inverted = _surname_first(register, text, span, after, seen)
            if inverted is not None:
                out.append(inverted)
                skip = True
                continue
        person = None if _signs(text, span) else _person(register, span, given, seen)
        if person is not None:
            out.append(person)
    return out
