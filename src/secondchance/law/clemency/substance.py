"""What a count's substance text names: marijuana, a cannabis product, another drug, or nothing
recognised (``clemency.marijuana.substances``, read as whole words in any case). 21 U.S.C.
802(16) defines marihuana to include its resin; the marijuana proclamations say only
"marijuana", so a cannabis product, a name not recognised, or marijuana with another drug is for
review.
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
    return [n for n in names if re.search(rf"\b{re.escape(n.lower())}\b", text)]


def substance_of(count: Count, day: date) -> Substance:
    """Marijuana when the text names marijuana (e.g. 'marijuana (12 grams)'); a cannabis product
    (hashish, resin, THC) or a name not recognised is for review; another drug is not marijuana."""
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


def _substance(substance: str, table: Any) -> Substance:
    text = substance.lower()
    plant = _names(text, table["marijuana"])
    product = _names(text, table["cannabis_products"])
    other = _names(text, table["other_drugs"])
    cannabis = bool(plant or product)
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
        return Substance(kind=MARIJUANA_SUBSTANCE, cannabis=True)
    why = f"the substance '{substance}' is not recognised as marijuana or another drug"
    return Substance(kind=REVIEW_SUBSTANCE, why=why)
