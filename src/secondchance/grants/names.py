"""Names as reports write them: case, accents, punctuation, suffixes, initials, a maiden or
married name in parentheses. Also a small phonetic key (American Soundex) so that "Smyth" and
"Smith" meet."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

SUFFIXES = {"jr": "Jr.", "sr": "Sr.", "ii": "II", "iii": "III", "iv": "IV", "v": "V"}
PARTICLES = {"de", "del", "della", "la", "le", "da", "di", "van", "von", "st", "dos", "das"}
_PAREN = re.compile(r"\(([^()]*)\)")
_NEE = re.compile(r"\b(?:nee|née|born)\s+", re.IGNORECASE)
_APOSTROPHES = "'’‘`´"


def fold(text: str) -> str:
    """Lower case, accents dropped, apostrophes removed, other punctuation to spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold()
    for mark in _APOSTROPHES:
        text = text.replace(mark, "")
    text = re.sub(r"[^a-z0-9\s-]", " ", text)
    text = re.sub(r"\s*-\s*", "-", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Name:
    """A parsed personal name: given name, middle names, surname (and other surnames given in
    parentheses, with hyphenated surnames also split), suffix."""

    given: str
    middles: tuple[str, ...]
    surname: str
    other_surnames: tuple[str, ...]
    suffix: str

    @property
    def key(self) -> str:
        """The name folded, without the suffix: equal keys are the same written name."""
        return " ".join((self.given, *self.middles, self.surname)).strip()

    def surnames(self) -> tuple[str, ...]:
        forms = [self.surname, *self.other_surnames]
        for form in list(forms):
            for mark in ("-", " "):
                if mark in form:
                    forms.extend([form.replace(mark, ""), *form.split(mark)])
        return tuple(dict.fromkeys(f for f in forms if f))


_COMMA = re.compile(r"\s*,\s*")


def _surname_first(text: str) -> str:
    """A name written surname first ("Coonce, Wesley Paul, Jr.", "DAVIS, GARY PARKS") in the
    usual order ("Wesley Paul Coonce, Jr."); a comma before a suffix alone changes nothing."""
    parts = [p for p in _COMMA.split(text.strip()) if p]
    suffixes: list[str] = []
    while parts and fold(parts[-1]).rstrip(".") in SUFFIXES:
        suffixes.insert(0, parts.pop())
    if len(parts) != 2:
        return text
    return " ".join([parts[1], parts[0], *suffixes])


def parse_name(text: str) -> Name:
    """Read a name such as "WESLEY PAUL COONCE, JR.", "Coonce, Wesley Paul" or "Mary (Smith)
    Jones"."""
    text = _surname_first(text)
    others = [fold(m) for m in _PAREN.findall(text)]
    others = [_NEE.sub("", o).strip() for o in others if o.strip()]
    tokens = fold(_PAREN.sub(" ", text)).split()
    suffix = ""
    while tokens and tokens[-1].rstrip(".") in SUFFIXES and len(tokens) > 2:
        suffix = SUFFIXES[tokens.pop().rstrip(".")]
    if not tokens:
        return Name("", (), "", tuple(others), suffix)
    if len(tokens) == 1:
        return Name("", (), tokens[0], tuple(others), suffix)
    extra = tuple(t for o in others for t in o.split()[-1:])
    middles = tokens[1:-1]
    surname = tokens[-1]
    while middles and middles[-1] in PARTICLES:
        surname = f"{middles.pop()} {surname}"
    return Name(tokens[0], tuple(middles), surname, extra, suffix)


_CODES = {
    c: str(d)
    for d, letters in enumerate(("aeiouyhw", "bfpv", "cgjkqsxz", "dt", "l", "mn", "r"))
    for c in letters
}


@lru_cache(maxsize=16384)
def soundex(word: str) -> str:
    """American Soundex: first letter and three digits (h and w do not separate equal codes)."""
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return ""
    out = letters[0].upper()
    last = _CODES.get(letters[0], "")
    for c in letters[1:]:
        code = _CODES.get(c, "")
        if code and code != "0" and code != last:
            out += code
        if c not in "hw":
            last = code
    return (out + "000")[:4]
