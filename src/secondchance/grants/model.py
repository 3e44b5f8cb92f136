"""One clemency grant as an official list states it, with the page that states it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class GrantType(StrEnum):
    pardon = "pardon"
    commutation = "commutation"


@dataclass(frozen=True)
class Grant:
    """A grant named in an official list. ``date`` is the date of the list (the grant date the
    White House announced); ``origin`` is ``shipped`` (package data) or ``user`` (imported)."""

    name: str
    type: GrantType
    date: date
    president: str
    source_url: str
    residence: str = ""
    bop_register_number: str = ""
    details: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    origin: str = "shipped"

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "name": self.name,
            "type": self.type.value,
            "date": self.date.isoformat(),
            "president": self.president,
            "source": self.source_url,
            "origin": self.origin,
        }
        if self.residence:
            out["residence"] = self.residence
        if self.bop_register_number:
            out["bop_register_number"] = self.bop_register_number
        out.update({k: v for k, v in self.details.items() if v})
        return out
