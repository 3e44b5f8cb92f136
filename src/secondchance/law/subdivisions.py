"""Subdivisions a cited section does not have. A count cited to a subdivision its section lacks
("21 U.S.C. 844(aa)", "844(d)", "18 U.S.C. 924(z)") names no provision of the Code: it is not
the bare section (which may answer more favourably: 844 is simple possession, which the
marijuana proclamations pardon), and it is not "not listed". Programs treat it as unreadable:
for review, quoting the text and naming the field.

The table (``subdivisions.yaml``, with its source) lists, for the sections the programs rely
on, the designations each level has; a level it does not list is not checked. In any section,
a lower-case letter right after a subsection's letter ("111(a)(b)") is no provision either: the
Code numbers the level below a subsection (1), (2), ...

A designation the section has may still state no offense (``not_offenses`` in the table: the
definitions of 21 U.S.C. 844(c), the special probation of 844(b), repealed in 1984): a count
cited to it names no offense, and is for review in the same way (:func:`no_offense`).
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from secondchance.record.statute import (
    Code,
    Provision,
    Unreadable,
    read_statute,
    unreadable_reason,
)

TABLE = "subdivisions.yaml"


@cache
def _raw() -> dict[str, Any]:
    text = resources.files(__package__).joinpath(TABLE).read_text(encoding="utf-8")
    raw: dict[str, Any] = yaml.safe_load(text)
    return raw


@cache
def _table() -> dict[str, dict[str, tuple[str, ...]]]:
    return {
        cite: {path.lower(): tuple(str(d).lower() for d in levels) for path, levels in spec.items()}
        for cite, spec in _raw()["sections"].items()
    }


@cache
def _not_offenses() -> dict[str, dict[str, str]]:
    return {
        cite: {path.lower(): str(why) for path, why in spec.items()}
        for cite, spec in (_raw().get("not_offenses") or {}).items()
    }


def not_an_offense(p: Provision) -> str | None:
    """Why ``p`` names a designation that states no offense (a definition, a repealed
    disposition), in words naming it; None otherwise. Designations compare without regard
    to case, as the reader's do."""
    spec = _not_offenses().get(_section_of(p))
    if not spec:
        return None
    path = ""
    for designation in p.subsections:
        path += f"({designation.lower()})"
        why = spec.get(path)
        if why is not None:
            return why
    return None


@lru_cache(maxsize=16384)
def no_offense(statute: str) -> str | None:
    """Why a count's citation names a provision that states no offense (the first such), or
    None (an unreadable text included)."""
    reading = read_statute(statute)
    if isinstance(reading, Unreadable):
        return None
    for p in reading.provisions:
        why = not_an_offense(p)
        if why is not None:
            return why
    return None


def _section_of(p: Provision) -> str:
    app = "App. " if p.appendix else ""
    return f"{p.title} {p.code.value} {app}{p.section}"


def missing_subdivision(p: Provision) -> str | None:
    """Why ``p`` names a subdivision its section does not have (None when it has it or the table
    does not describe the level)."""
    subs = p.subsections
    if (
        p.code is Code.usc
        and len(subs) > 1
        and len(subs[0]) == 1
        and subs[0].islower()
        and subs[1].isalpha()
        and subs[1].islower()
    ):
        # The Code's levels are subsection (a), paragraph (1), subparagraph (A), clause (i):
        # "(a)(b)" is no provision ("111(a)(b)" may mean 111(a) and (b)).
        return (
            f"{p}: a subsection ({subs[0]}) followed by ({subs[1]}) is not how the Code numbers "
            "its paragraphs (perhaps two subsections): which provision was meant cannot be read"
        )
    levels = _table().get(_section_of(p))
    if levels is None:
        return None
    path, shown = "", ""
    for designation in p.subsections:
        have = levels.get(path)
        if have is not None and designation.lower() not in have:
            kinds = ", ".join(f"({d})" for d in have) if have else "no subdivisions"
            return (
                f"{_section_of(p)}{shown}({designation}) is not a subdivision the Code has "
                f"({_section_of(p)}{shown} has {kinds}): which provision was meant cannot be read"
            )
        path += f"({designation.lower()})"
        shown += f"({designation})"
    return None


@lru_cache(maxsize=16384)
def impossible_subdivision(statute: str) -> str | None:
    """Why a count's citation names a subdivision the Code does not have (the first such
    provision), or None. An unreadable text is not this function's business (None)."""
    reading = read_statute(statute)
    if isinstance(reading, Unreadable):
        return None
    for p in reading.provisions:
        why = missing_subdivision(p)
        if why is not None:
            return why
    return None


def unread_reason(statute: str) -> str | None:
    """Why a program cannot decide a count from its citation section by section: unreadable, a
    range or "et seq." (:func:`~secondchance.record.statute.unreadable_reason`), a subdivision
    the Code does not have, or one that states no offense. None when each provision can be
    screened. A blank citation is one not recorded."""
    if not statute.strip():
        return "is not recorded"
    why = unreadable_reason(read_statute(statute))
    if why is not None:
        return why
    missing = impossible_subdivision(statute)
    if missing is not None:
        return f"could not be read ({missing})"
    none = no_offense(statute)
    return f"names no offense ({none})" if none is not None else None
