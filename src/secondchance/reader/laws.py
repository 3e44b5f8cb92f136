"""The laws and programs a document refers to, found by a dictionary of patterns, each linked to
the rule registry (citation, source, effective dates) or to the dated parameter that records it.

Only what the project encodes is recognised; a law the dictionary does not know is not guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from secondchance.engine.rules import Program, RuleVersion
from secondchance.law.parameters import all_parameters
from secondchance.law.registry import all_rule_books


@dataclass(frozen=True)
class LawPattern:
    """A way of referring to an encoded rule. ``version`` picks the rule version the words name
    (None: the version in force on the document's date); ``parameter`` names a dated parameter
    holding the signing date(s) instead (categorical proclamations); ``needs`` is a pattern the
    same sentence must also hold."""

    key: str
    pattern: re.Pattern[str]
    program: str | None
    version: str | None = None
    parameter: str | None = None
    needs: re.Pattern[str] | None = None


def _p(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


_CLEMENCY = _p(r"\bpardon|\bcommut|proclamation|clemency")
_SBA_CONTEXT = _p(
    r"criminal|record|background|conviction|felon|arrest|probation|parole|incarcerat|justice-involved"
)
PATTERNS: tuple[LawPattern, ...] = (
    LawPattern(
        "marijuana",
        _p(r"\bmari[jh]uana\b|\bcannabis\b"),
        "clemency.marijuana_pardon",
        parameter="clemency.marijuana.proclamations",
        needs=_CLEMENCY,
    ),
    LawPattern(
        "article125",
        _p(r"\bArticle\s+125\b|\bUCMJ\b|Uniform Code of Military Justice"),
        None,
        parameter="clemency.article125.proclamation",
        needs=_CLEMENCY,
    ),
    LawPattern(
        "january6",
        _p(r"\bJan(?:uary|\.)?\s+6(?:th)?\b"),
        None,
        parameter="clemency.january6.proclamation",
        needs=_p(r"\bpardon|\bcommut"),
    ),
    LawPattern("pardon", _p(r"\bpardon(?:s|ed|ing)?\b"), "clemency.pardon_petition"),
    LawPattern(
        "commutation",
        _p(r"\bcommut(?:e|ed|es|ing|ation|ations)\b"),
        "clemency.commutation_petition",
    ),
    LawPattern("first_step_act", _p(r"\bFirst Step Act\b|\bFSA\b"), "fsa.time_credits", "2018"),
    LawPattern(
        "time_credits",
        _p(r"\b(?:earned\s+)?time credits?\b|\bFSA credits?\b"),
        "fsa.time_credits",
        "2018",
    ),
    LawPattern(
        "good_conduct_time",
        _p(r"\bgood[- ]conduct time\b|\bgood[- ]time credits?\b|\bGCT\b"),
        "sentence.good_conduct_time",
    ),
    LawPattern("sba_7a", _p(r"\b7\(a\)\s+loans?"), "sba.7a", "from-2024-05-30"),
    LawPattern("sba_504", _p(r"\b504\s+loans?"), "sba.504", "from-2024-05-30"),
    LawPattern(
        "sba_microloan",
        _p(r"\bmicroloans?\b"),
        "sba.microloan",
        "from-2024-05-30",
        needs=_p(r"\bSBA\b|Small Business Administration"),
    ),
    LawPattern("sba_disaster", _p(r"\bdisaster loans?\b"), "sba.disaster", "from-2024-05-30"),
    LawPattern("sba_surety", _p(r"\bsurety bonds?\b"), "sba.surety_bond", "from-2024-05-30"),
    LawPattern(
        "sba_rule",
        _p(r"\bSBA\b|\bSmall Business Administration\b"),
        "sba.7a",
        "from-2024-05-30",
        needs=_SBA_CONTEXT,
    ),
)


@dataclass(frozen=True)
class LawLink:
    """What the registry says about a rule the document refers to."""

    key: str
    mention: str
    program: str | None
    title: str
    citation: str
    effective_from: date | None
    effective_to: date | None
    source: str | None
    official_dates: tuple[date, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "mention": self.mention,
            "program": self.program,
            "title": self.title,
            "citation": self.citation,
            "effective_from": self.effective_from.isoformat() if self.effective_from else None,
            "effective_to": self.effective_to.isoformat() if self.effective_to else None,
            "source": self.source,
        }


def _programs() -> dict[str, Program]:
    return {p.id: p for p in all_rule_books()}


def _version(program: Program, wanted: str | None, on: date) -> RuleVersion:
    for v in program.versions:
        if wanted is not None and v.version == wanted:
            return v
    in_force = [v for v in program.versions if v.in_force(on)]
    return in_force[-1] if in_force else program.versions[-1]


def _proclamations(name: str) -> list[dict[str, Any]]:
    param = all_parameters().get(name)
    if param is None or not param.values:
        return []
    value = param.values[-1].value
    return list(value) if isinstance(value, list) else [value]


def link(entry: LawPattern, mention: str, on: date) -> LawLink | None:
    """Link a dictionary entry to the registry (None where the registry lacks the program)."""
    procs = _proclamations(entry.parameter) if entry.parameter else []
    signed = tuple(p["signed"] for p in procs if isinstance(p.get("signed"), date))
    if entry.program is None:
        if not procs:
            return None
        param = all_parameters()[entry.parameter or ""]
        return LawLink(
            entry.key,
            mention,
            None,
            str(procs[0].get("id")),
            param.citation,
            min(signed, default=None),
            None,
            param.url or procs[0].get("url"),
            signed,
        )
    program = _programs().get(entry.program)
    if program is None:
        return None
    v = _version(program, entry.version, on)
    start = min(signed, default=None) if signed else v.effective_from
    official = signed or ((v.effective_from,) if v.effective_from else ())
    return LawLink(
        entry.key,
        mention,
        program.id,
        program.title,
        v.citation,
        start,
        v.effective_to,
        v.url,
        official,
    )


def find_laws(sentence: str) -> list[tuple[LawPattern, str]]:
    """The dictionary entries a sentence refers to, with the words that refer to each."""
    out: list[tuple[LawPattern, str]] = []
    for entry in PATTERNS:
        found = entry.pattern.search(sentence)
        if found is None or (entry.needs is not None and not entry.needs.search(sentence)):
            continue
        out.append((entry, " ".join(found.group(0).split())))
    return out
