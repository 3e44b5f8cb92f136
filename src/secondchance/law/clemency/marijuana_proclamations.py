"""The marijuana proclamations: their terms, read from ``clemency.marijuana.proclamations``.

Proclamation 10467 (Oct. 6, 2022) pardons simple possession of marijuana under 21 U.S.C. 844 (and
"as previously codified elsewhere in the United States Code") or D.C. Code 48-904.01(d)(1).
Proclamation 10688 (Dec. 22, 2023) adds attempted simple possession (21 U.S.C. 846, D.C. Code
48-904.09), "previous provisions" of the U.S. Code and the D.C. Code that prohibited simple
possession (or attempt), and CFR provisions that prohibit only simple possession or use of
marijuana, and reaches offenses up to its own date. Both pardon only people who were U.S.
citizens or lawful permanent residents on the proclamation's date, and not people who were
non-citizens unlawfully present at the time of the offense; the offense must have been committed
(or the person convicted) on or before the proclamation's date. Distribution, possession with
intent to distribute, conspiracy, other substances and driving under the influence are not
covered, nor is any other offense: 10467 says no language "shall be construed to pardon any person
for any other offense". The pardon takes effect by the proclamation; the Office of the Pardon
Attorney issues a certificate on application.

The two differ only in their terms (the dated parameter lists both); the count test they share
is :mod:`~secondchance.law.clemency.marijuana_count`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from secondchance.law.parameters import date_value, value

MARIJUANA = "clemency.marijuana.proclamations"

CFR_CLAUSE = (
    'para. (4), CFR provisions that "prohibit only the simple possession or use of marijuana", '
    '"including but not limited to" those named'
)
"""Proclamation 10688's open clause for CFR provisions (``cfr_open_list``)."""


@dataclass(frozen=True)
class Proclamation:
    id: str
    signed: date
    url: str
    possession: tuple[str, ...]
    attempt: tuple[str, ...]
    attempt_objects: tuple[str, ...]
    inchoate: tuple[str, ...]
    """The general attempt and conspiracy provisions (21 U.S.C. 846, D.C. Code 48-904.09): a
    count citing one is not simple possession, whatever object it names beside."""
    cfr: tuple[str, ...]
    cfr_open_list: bool
    earlier_us_code: str | None
    """The clause reaching earlier codifications in the U.S. Code (None: none)."""
    earlier_dc_code: str | None
    """The clause reaching earlier D.C. Code provisions (None: none)."""


def marijuana_proclamations(day: date) -> tuple[Proclamation, ...]:
    """The marijuana proclamations (all of them; the caller compares ``signed`` with its day),
    built once for each dated value of the parameter."""
    raw = value(MARIJUANA, on=day)
    built = _BUILT.get(id(raw))
    if built is None or built[0] is not raw:
        built = _BUILT[id(raw)] = (raw, _proclamations(raw))
    return built[1]


_BUILT: dict[int, tuple[Any, tuple[Proclamation, ...]]] = {}
"""The proclamations built from each dated value (by identity: the values live as long as the
parameters)."""


def _proclamations(raw: Any) -> tuple[Proclamation, ...]:
    return tuple(
        Proclamation(
            id=p["id"],
            signed=date_value(p["signed"]),
            url=p["url"],
            possession=tuple(p["possession"]),
            attempt=tuple(p["attempt"]),
            attempt_objects=tuple(p["attempt_objects"]),
            inchoate=tuple(p["inchoate"]),
            cfr=tuple(p["cfr"]),
            cfr_open_list=bool(p["cfr_open_list"]),
            earlier_us_code=p.get("earlier_us_code"),
            earlier_dc_code=p.get("earlier_dc_code"),
        )
        for p in raw
    )


def proclamation_dates(day: date) -> list[date]:
    return [p.signed for p in marijuana_proclamations(day)]


@dataclass
class CountAnswer:
    """What the marijuana proclamations make of one count."""

    path: str
    covered_by: Proclamation | None = None
    not_covered: str | None = None
    review: str | None = None
    missing: list[str] = field(default_factory=list)
    relevant: bool = True
    notes: list[str] = field(default_factory=list)
    pending: Proclamation | None = None
    """A proclamation that covers the count but is not yet signed on the day asked."""
    unsigned: Proclamation | None = None
    """The first proclamation, not yet signed on the day asked, that may reach the count (for
    review from its signing day): the count is not pardoned yet, but not ruled out either."""
    certified: bool = False
    """Covered because a recorded grant (a certificate) names the proclamation."""
    charged: bool = False
    """A count of a pending charge, not of a conviction."""
    brief: str = ""
    """Why it is not covered, in a few words (for the summary reason)."""

    @property
    def owner(self) -> str:
        """The conviction or pending charge the count belongs to: 'convictions[0]'."""
        return self.path.rsplit(".counts[", 1)[0]
