"""The words a count's free text may use and still be read as simple possession, attempted simple
possession or use of marijuana: its description, and the text after the dash of its statute or of
its attempt's object.

Proclamation 10467 pardons "simple possession of marijuana"; Proclamation 10688 also "attempted
simple possession of marijuana, or use of marijuana", and neither pardons "any other offenses
involving other controlled substances" or "activity beyond simple possession of marijuana,
attempted simple possession of marijuana, or use of marijuana". A description saying anything
more ("while armed", "in prison", "2nd offense", "by a prisoner", a drug by a name no list knows)
may say that the count was more. So a description is read by what it may say, not by what it may
not: every word must be in :data:`VOCABULARY` (or be a number the vocabulary reads, below), else
the count is for review, quoting the words not read. The lists of words that speak of other drugs
or of activity beyond simple possession (``clemency.marijuana.substances``,
``clemency.marijuana.beyond_possession_words``) are read first, for their clearer reasons.
"""

from __future__ import annotations

import functools
import re
from functools import lru_cache

VOCABULARY: dict[str, tuple[str, ...]] = {
    # What was done: possessed, used, or attempted (an attempt word contradicting a possession
    # provision is caught first, by ``beyond_possession_words``).
    "act": (
        "possession",
        "possess",
        "possessed",
        "possessing",
        "poss",
        "simple",
        "use",
        "used",
        "using",
        "personal",
        "attempt",
        "attempts",
        "attempted",
        "attempting",
    ),
    # Marijuana, by its names (the Controlled Substances Act spells it "marihuana") and the two
    # common words for it.
    "marijuana": ("marijuana", "marihuana", "cannabis", "pot", "weed"),
    # How much: an amount of any size is still simple possession under 21 U.S.C. 844.
    "amount": (
        "less",
        "than",
        "under",
        "approximately",
        "approx",
        "about",
        "net",
        "gross",
        "weight",
        "small",
        "amount",
        "quantity",
    ),
    # Units: a number is read as an amount only when one of these follows it.
    "units": (
        "gram",
        "grams",
        "g",
        "gm",
        "gms",
        "kilogram",
        "kilograms",
        "kg",
        "kgs",
        "milligram",
        "milligrams",
        "mg",
        "ounce",
        "ounces",
        "oz",
        "pound",
        "pounds",
        "lb",
        "lbs",
    ),
    # What the marijuana is classed as ("a Schedule I controlled substance"); a generic drug word
    # with no marijuana name, or joined to one, is caught first (``clemency.marijuana.substances``).
    "classing": ("controlled", "substance"),
    # The grade of a first 844 offense.
    "grade": ("misdemeanor",),
    "function": ("of", "a", "an", "the", "for"),
    # A reference to the count or to a listed provision ("Count 1", "21 U.S.C. 844(a)"): the
    # numbers and letters of the provisions the proclamations list are read too.
    "citation": ("count", "counts", "ct", "section", "sec", "title", "usc", "cfr", "code"),
}
"""The vocabulary of a plain description of simple possession, attempted simple possession or use
of marijuana (Proclamations 10467 and 10688), by group. Any word outside it leaves the count for
review."""

PHRASES: tuple[str, ...] = (
    "mixture or substance containing a detectable amount of",
    "mixture and substance containing a detectable amount of",
    "to wit",
    "schedule i",
)
"""Phrases read whole (their words are not read alone): the statutory amount phrase, "to wit",
and the schedule marijuana is in ("a Schedule I controlled substance")."""

ABBREVIATIONS: dict[str, str] = {
    "u.s.c.": "usc",
    "u.s.c": "usc",
    "c.f.r.": "cfr",
    "c.f.r": "cfr",
    "d.c.": "code",
}
"""A code's name written with dots, read as the word it abbreviates (in :data:`VOCABULARY`)."""

WORDS = frozenset(w for group in VOCABULARY.values() for w in group)
UNITS = frozenset(VOCABULARY["units"])
COUNTS = frozenset(("count", "counts", "ct"))
FUNCTION = frozenset(VOCABULARY["function"])
CITATION = frozenset(VOCABULARY["citation"])
_CITATION_MARKS = frozenset("().-§")
MARKS = frozenset("(),.:;-§")
"""Marks read as harmless (a list, a parenthesis, a citation's dots); any other ("&", "/", "+")
is not read."""

_PIECES = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*|\S")
"""A lowered text in pieces: words, numbers ("12.5", "1,000"), single marks. Letters and digits
written together are one piece ("2nd", "x2"), read as neither a word nor a number."""
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*")


def pieces(text: str) -> list[str]:
    return _PIECES.findall(text.lower())


def is_vocabulary(word: str) -> bool:
    """Whether a word (lowered) is read alone: in :data:`VOCABULARY`."""
    return word.lower() in WORDS


def unread_words(text: str, cited: frozenset[str] = frozenset()) -> list[str]:
    """The runs of words in ``text`` not read as a plain description of simple possession,
    attempted simple possession or use of marijuana (empty: every word is read), in the order
    written, each once. ``cited``: the pieces of the provisions the proclamations list
    ("21", "u", "s", "c", "844"), read only where written as a citation of them. A number is
    read when a unit follows it (an amount) or when it follows "count"."""
    return list(_unread(text, cited))


@lru_cache(maxsize=4096)
def _unread(text: str, cited: frozenset[str]) -> tuple[str, ...]:
    lowered = text.lower()
    # Quoted from the text as written, where lowering kept its length (it almost always does).
    source = text if len(lowered) == len(text) else lowered
    for phrase in PHRASES:
        lowered = re.sub(rf"\b{re.escape(phrase)}\b", lambda m: ";".ljust(len(m[0])), lowered)
    for written, word in ABBREVIATIONS.items():
        pattern = rf"(?<![a-z0-9]){re.escape(written)}(?![a-z0-9])"
        lowered = re.sub(pattern, functools.partial(_padded, word), lowered)
    found = list(_PIECES.finditer(lowered))
    runs: list[str] = []
    first: re.Match[str] | None = None
    last: re.Match[str] | None = None
    for i, m in enumerate(found):
        if not _read(m.group(0), i, found, cited):
            first, last = first or m, m
            continue
        if m.group(0) in FUNCTION:
            continue  # within a run: 'after a prior conviction' is quoted whole
        if first is not None and last is not None:
            runs.append(source[first.start() : last.end()])
        first = last = None
    if first is not None and last is not None:
        runs.append(source[first.start() : last.end()])
    return tuple(dict.fromkeys(runs))


def _padded(word: str, m: re.Match[str]) -> str:
    """``word`` in the room of the text it stands for (so the text's places stay as written)."""
    return word.ljust(len(m[0]))


def _read(piece: str, i: int, found: list[re.Match[str]], cited: frozenset[str]) -> bool:
    """Whether the piece at ``i`` is read: a vocabulary word or a harmless mark; a number of an
    amount or of a count; or a piece of a listed provision written as a citation (a letter of an
    abbreviation, "U.S.C.", or of a subsection, "(a)"; a number beside the rest of a citation)."""
    if piece in WORDS or piece in MARKS:
        return True
    after = found[i + 1].group(0) if i + 1 < len(found) else ""
    before = found[i - 1].group(0) if i > 0 else ""
    if _NUMBER.fullmatch(piece):
        if after in UNITS or before in COUNTS:
            return True
        beside = cited | CITATION | _CITATION_MARKS
        return piece in cited and (before in beside or after in beside)
    if piece in cited:
        return after == "." or (before == "(" and after == ")")
    return False
