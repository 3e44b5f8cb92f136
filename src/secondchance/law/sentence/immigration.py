"""Orders of removal and immigration detainers, for applying time credits (18 U.S.C.
3632(d)(4)(E)).

"A prisoner is ineligible to apply time credits ... if the prisoner is the subject of a final
order of removal under any provision of the immigration laws." The record gives such an order as
``fsa.final_order_of_removal`` (a date) or, in format 1.1, as ``fsa.removal_orders`` (a kind,
and a date that may be unknown): any of them with a date on or before the day bars applying
credits; one whose date is unknown leaves the application to review (earning is unaffected). An
immigration detainer is not an order of removal; the Bureau is reported to have stopped treating
detainers as a bar (Program Statement 5410.01, change notice of 2023), but that text was not
found in an official copy, so a detainer leaves the application to review.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from secondchance.record.schema import PersonRecord

CITATION = "18 U.S.C. 3632(d)(4)(E)"
DETAINER_GAP = (
    "Immigration detainers: the Bureau's change to Program Statement 5410.01 (reported 2023) "
    "letting prisoners with detainers apply time credits was not found in an official copy; a "
    "detainer is needs_review."
)


@dataclass
class Removal:
    """What the record says about removal orders and detainers, as of a day."""

    ordered_on: date | None = None
    """The earliest order of removal dated on or before the day."""
    path: str | None = None
    undated: list[str] = field(default_factory=list)
    """Orders whose date is not recorded."""
    detainers: list[str] = field(default_factory=list)
    """Detainers lodged on or before the day (or on a date not recorded)."""
    later: list[date] = field(default_factory=list)
    """Dates of orders after the day (when the answer changes)."""


def removal(record: PersonRecord, day: date) -> Removal:
    """The orders of removal and detainers the record states, read as of ``day``."""
    found = Removal()
    fsa = record.fsa
    if fsa is None:
        return found
    dated = [("fsa.final_order_of_removal", fsa.final_order_of_removal)]
    for k, order in enumerate(fsa.removal_orders):
        path = f"fsa.removal_orders[{k}]"
        if order.issued_on is None:
            found.undated.append(f"{path}.issued_on")
        dated.append((f"{path}.issued_on", order.issued_on))
    past = [(on, path) for path, on in dated if on is not None and on <= day]
    if past:
        found.ordered_on, found.path = min(past)
    found.later = [on for _, on in dated if on is not None and on > day]
    found.detainers = [
        f"fsa.immigration_detainers[{k}]"
        for k, d in enumerate(fsa.immigration_detainers)
        if d.lodged_on is None or d.lodged_on <= day
    ]
    return found


def review_notes(found: Removal) -> list[str]:
    """The review notes an undated order or a detainer puts on applying credits."""
    notes = [
        f"an order of removal whose date is not recorded ({path}): if it is final, credits "
        f"cannot be applied ({CITATION}); earning is unaffected"
        for path in found.undated
    ]
    notes += [
        f"an immigration detainer ({path}): it is not an order of removal ({CITATION}); whether "
        "the Bureau lets credits be applied with it was not confirmed from an official source"
        for path in found.detainers
    ]
    return notes
