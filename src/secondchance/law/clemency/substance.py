"""What a count's substance text names: marijuana, a cannabis product, another drug, or nothing
recognised (``clemency.marijuana.substances``, read as whole words in any case). 21 U.S.C.
802(16) defines marihuana as the plant and its resin; the marijuana proclamations say only
"marijuana" and pardon no offense involving other controlled substances. So a text is marijuana
only when every word of it is a marijuana name or a harmless word (an amount, a unit); a
cannabis product, a synthetic cannabinoid, a negation, marijuana with any other word, or a name
not recognised is for review, quoting the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from secondchance.law.parameters import value
from secondchance.record.schema import Count

SUBSTANCES = "clemency.marijuana.substances"
MARIJUANA_SUBSTANCE = "marijuana"
REVIEW_SUBSTANCE = "review"
OTHER_SUBSTANCE = "other"


@dataclass(frozen=True)
class Substance:
    """How a count's substance text reads (``clemency.marijuana.substances``)."""

    kind: str | None
    """'marijuana', 'review', 'other', or None when no substance is recorded."""
    cannabis: bool = False
    """The text names marijuana or a cannabis product."""
    why: str = ""
    """For 'review': why the text leaves it open."""


def _names(text: str, names: list[str]) -> list[str]:
    """The names found in ``text`` as whole words, each also in its plural ("pills", "opiates");
    a name that is a mark ("&") is found wherever it stands."""
    found = []
    for n in names:
        word = re.escape(n.lower())
        pattern = rf"\b{word}(?:s|es)?\b" if n[-1:].isalnum() else word
        if re.search(pattern, text):
            found.append(n)
    return found


def substance_of(count: Count, day: date) -> Substance:
    """Marijuana when every word of the text is a marijuana name or a harmless word (e.g.
    'marijuana (12 grams)'); marijuana with any other word, a negation, a synthetic cannabinoid,
    a cannabis product (hashish, resin, THC) or a name not recognised is for review; another
    drug named without marijuana is not marijuana."""
    if count.substance is None:
        return Substance(kind=None)
    table = value(SUBSTANCES, on=day)
    key = (id(table), count.substance)
    known = _SUBSTANCES.get(key)
    if known is None or known[0] is not table:
        if len(_SUBSTANCES) >= 16384:
            _SUBSTANCES.clear()
        known = _SUBSTANCES[key] = (table, _substance(count.substance, table))
    return known[1]


_SUBSTANCES: dict[tuple[int, str], tuple[Any, Substance]] = {}
"""Readings of substance texts by the table read (by identity) and the text."""


_PIECES = re.compile(r"[a-z]+|[0-9]+(?:[.,][0-9]+)*|\S")
"""A lowered substance text in pieces: words, numbers (an amount, "12.5"), single marks."""
_HARMLESS_MARKS = frozenset("(),.")


def _unaccounted(text: str, table: Any) -> list[str]:
    """The pieces of ``text`` (lowered) that are neither a marijuana name, a harmless word or
    phrase, a number, nor one of the marks ( ) , . (in the order written, each once)."""
    for phrase in table["harmless_phrases"]:
        text = re.sub(rf"\b{re.escape(phrase.lower())}\b", " ", text)
    known = {w.lower() for w in (*table["marijuana"], *table["harmless_words"])}
    left: list[str] = []
    for piece in _PIECES.findall(text):
        if piece in known or piece[0].isdigit() or piece in _HARMLESS_MARKS:
            continue
        if piece not in left:
            left.append(piece)
    return left


def _substance(substance: str, table: Any) -> Substance:
    text = substance.lower()
    plant = _names(text, table["marijuana"])
    product = _names(text, table["cannabis_products"])
    other = _names(text, table["other_drugs"])
    negation = _names(text, table["negations"])
    synthetic = _names(text, table["synthetic"])
    cannabis = bool(plant or product)
    if negation:
        why = (
            f"the substance '{substance}' contains a negation ('{negation[0]}'): what it names "
            "cannot be read"
        )
        return Substance(kind=REVIEW_SUBSTANCE, cannabis=cannabis, why=why)
    if synthetic:
        why = (
            f"the substance '{substance}' may name a synthetic cannabinoid ('{synthetic[0]}'), "
            "which is not marihuana as 21 U.S.C. 802(16) defines it (the plant and its resin): "
            "the proclamations pardon no offense involving other controlled substances"
        )
        return Substance(kind=REVIEW_SUBSTANCE, cannabis=cannabis, why=why)
    if other and cannabis:
        why = (
            f"the substance '{substance}' names marijuana and another drug; the "
            "proclamations pardon no offense involving other controlled substances"
        )
        return Substance(kind=REVIEW_SUBSTANCE, cannabis=True, why=why)
    if other:
        return Substance(kind=OTHER_SUBSTANCE)
    if product:
        why = (
            f"the substance is '{substance}': 21 U.S.C. 802(16) defines marihuana to "
            "include its resin, but the proclamations say only 'marijuana' and do not say whether "
            "hashish, hash oil, resin or THC is covered"
        )
        return Substance(kind=REVIEW_SUBSTANCE, cannabis=True, why=why)
    if plant:
        left = _unaccounted(text, table)
        if not left:
            return Substance(kind=MARIJUANA_SUBSTANCE, cannabis=True)
        why = (
            f"the substance '{substance}' names marijuana with words that are not a marijuana "
            f"name or an amount ({', '.join(repr(w) for w in left)}): they may name another "
            "drug or a form of cannabis (oil, wax, concentrate, edibles) the proclamations do "
            "not name, and the proclamations pardon no offense involving other controlled "
            "substances"
        )
        return Substance(kind=REVIEW_SUBSTANCE, cannabis=True, why=why)
    why = f"the substance '{substance}' is not recognised as marijuana or another drug"
    return Substance(kind=REVIEW_SUBSTANCE, why=why)


def named_beside_marijuana(text: str, day: date) -> str | None:
    """What a count's free text (its description, or what is written after its statute's dash)
    names that is not marijuana, read with the same lists as the substance (None: nothing): another
    drug, a synthetic cannabinoid, a cannabis product, something that is no drug at all
    (paraphernalia, 21 U.S.C. 863; a counterfeit substance, 21 U.S.C. 802(7); prison
    contraband), or a controlled substance named only generically ("possession of a controlled
    substance") with no marijuana name beside it. The proclamations pardon no offense involving
    other controlled substances, so a text saying any of these leaves the count for review."""
    lowered = text.lower()
    if not lowered.strip():
        return None
    table = value(SUBSTANCES, on=day)
    for key, what in (
        ("other_drugs", "another drug"),
        ("synthetic", "a synthetic cannabinoid"),
        ("cannabis_products", "a cannabis product the proclamations do not name"),
        ("not_drugs", "something other than marijuana"),
    ):
        found = _names(lowered, table[key])
        if found:
            return f"{what} ('{found[0]}')"
    generic = _names(lowered, table["generic"])
    plant = _names(lowered, table["marijuana"])
    if generic and not plant:
        return f"a controlled substance named only generically ('{generic[0]}'), not marijuana"
    if not plant:
        return None
    others = _names(lowered, table["others"])
    if others:
        return f"something beside marijuana ('{others[0]}')"
    unphrased = lowered
    for phrase in table["harmless_phrases"]:
        unphrased = re.sub(rf"\b{re.escape(phrase.lower())}\b", " ", unphrased)
    joined = _names(unphrased, table["joining"])
    if generic and joined:
        return (
            f"a controlled substance named generically ('{generic[0]}') joined to marijuana "
            f"('{joined[0]}'), which may be another drug"
        )
    return None
