"""No date with time credits before the residential drug abuse program's recorded completion:
its unit-based part is served in a unit set apart from the general population (28 CFR
550.53(a)(1)), so the Bureau does not move the prisoner out before it ends. Such dates are not
projected (left out, with the computed ones in the finding) and the block needs review."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from secondchance.law.sentence.facts import SentenceFacts
from secondchance.law.sentence.notes import Notes
from secondchance.law.sentence.parts import FsaPart, PlacementPart

RDAP_UNIT_CITATION = "28 CFR 550.53(a)(1); 18 U.S.C. 3621(e)(2)(B); 18 U.S.C. 3624(g)"
RDAP_UNIT_URL = (
    "https://www.ecfr.gov/current/title-28/chapter-V/subchapter-C/part-550/subpart-F/section-550.53"
)
FSA_DATES = ("prerelease_custody_date", "release_date", "release_weekday_date")
WINDOW_DATES = ("rrc_earliest_date", "home_confinement_earliest_date", "combined_earliest_date")


def _early(
    part: FsaPart | PlacementPart | None, names: tuple[str, ...], done: date
) -> dict[str, date]:
    """The dates of ``part`` named in ``names`` that fall before ``done``."""
    if part is None:
        return {}
    dates: dict[str, date] = {}
    for name in names:
        day: date | None = getattr(part, name)
        if day is not None and day < done:
            dates[name] = day
    return dates


def before_completion(
    facts: SentenceFacts,
    fsa: FsaPart,
    placed: PlacementPart | None,
    notes: Notes,
    version: str,
) -> tuple[FsaPart, PlacementPart | None]:
    """``fsa`` and ``placed`` without the dates before the program's completion."""
    done = facts.rdap.completed_on if facts.rdap else None
    if done is None:
        return fsa, placed
    early_fsa = _early(fsa, FSA_DATES, done)
    early_window = _early(placed, WINDOW_DATES, done)
    if not early_fsa and not early_window:
        return fsa, placed
    cleared: dict[str, Any] = dict.fromkeys(early_fsa)
    fsa = replace(fsa, **cleared)
    if placed is not None:
        cleared = dict.fromkeys(early_window)
        placed = replace(placed, **cleared)
    early = early_fsa | early_window
    shown = ", ".join(f"{k.replace('_', ' ')} {v.isoformat()}" for k, v in early.items())
    notes.add(
        f"The residential drug abuse program was completed on {done.isoformat()}; time credits "
        f"would give {shown}, earlier. The program's unit-based part is served apart from the "
        "general population, so no move to prerelease custody or release comes before it ends: "
        "those dates are not projected, and how the Bureau then applies the credits and the "
        "3621(e) reduction is for review.",
        RDAP_UNIT_CITATION,
        version,
        RDAP_UNIT_URL,
        completed_on=done.isoformat(),
    )
    notes.needs_review.append(
        f"rdap: time credits would move the prisoner before the program's completion on "
        f"{done.isoformat()} ({shown})"
    )
    return fsa, placed
