"""Find grants by a name as a report writes it: exact matches first, then close ones, each with
its score (0-100) and the reason it matched."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio
from rapidfuzz.process import extract

from secondchance.grants.model import Grant, GrantType
from secondchance.grants.names import Name, fold, parse_name, soundex

FUZZY_THRESHOLD = 85.0
SOUNDS_ALIKE = 88.0
INITIAL = 85.0
PART_MINIMUM = 80.0


@dataclass(frozen=True)
class Match:
    grant: Grant
    score: float
    exact: bool
    reason: str

    @property
    def kind(self) -> str:
        return "exact" if self.exact else "fuzzy"

    def as_dict(self) -> dict[str, object]:
        return {
            "match": self.kind,
            "score": self.score,
            "reason": self.reason,
            **self.grant.as_dict(),
        }


@lru_cache(maxsize=8192)
def parsed(text: str) -> Name:
    return parse_name(text)


def _word_score(query: str, candidate: str, what: str) -> tuple[float, str]:
    """Similarity of two words and why: equal, one letter apart, sounding alike, or close."""
    if query == candidate:
        return 100.0, ""
    score = ratio(query, candidate)
    why = f"{what} {candidate!r} written {query!r}"
    if Levenshtein.distance(query, candidate) == 1:
        change = "a dropped or added letter" if len(query) != len(candidate) else "one letter"
        if len(query) != len(candidate) and set(query) == set(candidate):
            change = "a doubled or single letter"
        why += f" ({change})"
    alike = min(len(query), len(candidate)) >= 3 and soundex(query) == soundex(candidate)
    if alike and query[:1] == candidate[:1]:
        if score < SOUNDS_ALIKE:
            why += f" (sounds alike, Soundex {soundex(query)})"
        score = max(score, SOUNDS_ALIKE)
    return score, why


def _given_score(query: Name, cand: Name) -> tuple[float, str]:
    q, c = query.given, cand.given
    if not q:
        return 90.0, "surname only"
    if q == c:
        return 100.0, ""
    if min(len(q), len(c)) == 1 and q[0] == c[:1]:
        return INITIAL, f"given name as the initial {q[0].upper()}."
    if q in cand.middles:
        return INITIAL, f"goes by the middle name {q!r}"
    return _word_score(q, c, "given name")


def _surname_score(query: Name, cand: Name) -> tuple[float, str]:
    best = (-1.0, "")
    for q in query.surnames():
        for c in cand.surnames():
            found = _word_score(q, c, "surname")
            if found[0] > best[0]:
                best = found
    if best[0] == 100.0 and query.surname != cand.surname:
        if query.other_surnames or cand.other_surnames:
            return 100.0, "surname matches a maiden or married name given in parentheses"
        return 100.0, f"compound surname {cand.surname!r} written {query.surname!r}"
    return best


def _middle_penalty(query: Name, cand: Name) -> tuple[float, str]:
    q = [m for m in query.middles if m not in cand.surnames() and m != cand.given]
    c = [m for m in cand.middles if m not in query.surnames() and m != query.given]
    if not q and not c:
        return 0.0, ""
    if not q or not c:
        return 2.0, "middle name omitted" if c else "middle name not in the register"
    for a, b in zip(q, c, strict=False):
        if a == b or (min(len(a), len(b)) == 1 and a[0] == b[0]):
            continue
        if ratio(a, b) >= 80:
            return 3.0, f"middle name {b!r} written {a!r}"
        return 15.0, f"middle name {b!r} written {a!r}"
    return (1.0, "middle initial") if any(len(m) == 1 for m in (*q, *c)) else (0.0, "")


def _suffix(query: Name, cand: Name) -> tuple[float, str]:
    if query.suffix == cand.suffix:
        return 0.0, ""
    if query.suffix and cand.suffix:
        return 30.0, f"suffix {cand.suffix} written {query.suffix} (perhaps another person)"
    return 2.0, f"suffix {cand.suffix or query.suffix} omitted"


def score_name(query_text: str, candidate_text: str) -> tuple[float, bool, str]:
    """Score, whether the names are the same written name, and the reason."""
    query, cand = parsed(query_text), parsed(candidate_text)
    if not query.surname or not cand.surname:
        return 0.0, False, "no name"
    if query.key == cand.key and query.suffix == cand.suffix:
        same_case = query_text.strip() == candidate_text.strip()
        return 100.0, True, "same name" if same_case else "same name (case or punctuation differ)"
    given, why_given = _given_score(query, cand)
    surname, why_surname = _surname_score(query, cand)
    middle, why_middle = _middle_penalty(query, cand)
    suffix, why_suffix = _suffix(query, cand)
    score = round(max(0.0, 0.4 * given + 0.6 * surname - middle - suffix), 1)
    if min(given, surname) < PART_MINIMUM:
        score = min(score, PART_MINIMUM - 1)  # a different given name or surname: not a variant
    reasons = [w for w in (why_given, why_surname, why_middle, why_suffix) if w]
    return min(score, 99.0), False, "; ".join(reasons) or "close spelling"


def matches_filters(
    g: Grant, president: str | None, kind: GrantType | None, start: date | None, end: date | None
) -> bool:
    if kind is not None and g.type is not kind:
        return False
    if president and fold(president) not in fold(g.president):
        return False
    return (start is None or g.date >= start) and (end is None or g.date <= end)


class NameIndex:
    """Surname forms of every grant, so a search scores only plausible candidates: those whose
    surname sounds alike (Soundex) or is spelled close (edit similarity of at least 70)."""

    def __init__(self, grants: Sequence[Grant]) -> None:
        self.grants = list(grants)
        self.by_form: dict[str, list[int]] = defaultdict(list)
        self.by_sound: dict[str, list[int]] = defaultdict(list)
        for i, g in enumerate(self.grants):
            for form in parsed(g.name).surnames():
                self.by_form[form].append(i)
                self.by_sound[soundex(form)].append(i)
        self.forms = list(self.by_form)

    def candidates(self, query: Name) -> list[int]:
        found: set[int] = set()
        for form in query.surnames():
            found.update(self.by_sound.get(soundex(form), ()))
            for close, _, _ in extract(form, self.forms, scorer=ratio, score_cutoff=70, limit=None):
                found.update(self.by_form[close])
        return sorted(found)


def search(
    index: NameIndex,
    name: str,
    *,
    president: str | None = None,
    kind: GrantType | None = None,
    start: date | None = None,
    end: date | None = None,
    threshold: float = FUZZY_THRESHOLD,
    limit: int = 25,
) -> list[Match]:
    """Grants whose name matches ``name``: exact matches first, then by score, then by date."""
    found: list[Match] = []
    for i in index.candidates(parsed(name)):
        g = index.grants[i]
        if not matches_filters(g, president, kind, start, end):
            continue
        score, exact, reason = score_name(name, g.name)
        if exact or score >= threshold:
            found.append(Match(g, score, exact, reason))
    found.sort(key=lambda m: (not m.exact, -m.score, m.grant.date, m.grant.name))
    return found[:limit]
