"""The 68 clauses of 18 U.S.C. 3632(d)(4)(D) as one table: each clause's text and the
provisions (and conditions) a count is matched against, read from
``data/fsa_ineligible_offenses_18usc3632d4D.yaml`` (its header explains every key; provenance in
``data/PROVENANCE.md``). The matching itself is in :mod:`exclusions`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

TABLE = "data/fsa_ineligible_offenses_18usc3632d4D.yaml"


@dataclass(frozen=True)
class Provision:
    """A provision named by a clause: title, section (or a range of sections), and the
    subsection prefixes it is limited to (empty: the whole section)."""

    title: int
    section: str = ""
    subsections: tuple[tuple[str, ...], ...] = ()
    section_range: tuple[int, int] | None = None
    except_sections: tuple[str, ...] = ()
    review_sections: tuple[tuple[int, int], ...] = ()
    """Sub-ranges (by section number) that the clause's words may or may not reach: a count under
    one of them, other than an excepted section, is undecided."""
    review: str = ""
    """A reason the whole provision is undecided (its reach is not settled by a verified text)."""
    any_section: bool = False
    """Every count (any title and section): used with ``when_found``."""
    when_found: str = ""
    """The provision is tried only when the court found this (named in ``court_findings``)."""
    appendix: bool = False
    """The provision is in the Appendix of its title (a count cited there matches no other)."""
    penalty: bool = False
    """The subsections named are penalty paragraphs that a count often leaves unwritten
    (21 U.S.C. 841(b), 960(b); 8 U.S.C. 1326(b)): a count silent on them is undecided."""
    penalty_in: tuple[int, str, str] | None = None
    """(title, section, subsection): the offense is punished under another section's subsection
    that the clause names (21 U.S.C. 952 under 960(b), by 960(a)): a count is undecided unless it
    also cites that subsection, whose citation then decides."""


@dataclass(frozen=True)
class Clause:
    number: int
    label: str
    """The clause as the statute numbers it: "3632(d)(4)(D)(xxii)"."""
    provisions: tuple[Provision, ...]
    requires: tuple[str, ...] = ()
    """Findings the clause needs beyond the statute (all of them)."""
    unless: dict[str, str] = field(default_factory=dict)
    """Section -> a finding that takes that section out of the clause."""
    substance: str | None = None
    """The controlled substance the clause's subparagraphs name (heroin, fentanyl, meth)."""
    prior_kinds: tuple[tuple[str, tuple[Provision, ...]], ...] = ()
    """(li) only: each kind of previous conviction the clause names, with its federal sections."""


def _subsections(written: list[str]) -> tuple[tuple[str, ...], ...]:
    """ "(a)(1)" -> ("a", "1")."""
    return tuple(tuple(re.findall(r"[0-9A-Za-z]+", s)) for s in written)


def _pair(pair: list[int]) -> tuple[int, int]:
    first, last = pair
    return int(first), int(last)


MATCH_KEYS = frozenset(
    {"title", "section", "subsections", "penalty", "sections", "except", "review_between"}
    | {"appendix", "any_section", "when_found", "review", "penalty_in"}
)
CLAUSE_KEYS = frozenset(
    {"clause", "number", "cited_provision", "other_usc_refs", "relating_to", "full_text"}
    | {"match", "requires", "unless", "substance", "prior_kinds"}
)


def _known(keys: Any, allowed: frozenset[str], where: str) -> None:
    """A key the table does not define is an error (a misspelt condition would be ignored)."""
    unknown = sorted(set(keys) - allowed)
    if unknown:
        raise ValueError(f"{TABLE}: {where}: unknown key(s) {', '.join(unknown)}")


def _provision(spec: dict[str, Any], where: str) -> Provision:
    """One ``match`` entry of the table (keys as in its header)."""
    _known(spec, MATCH_KEYS, where)
    sections = spec.get("sections")
    return Provision(
        title=int(spec.get("title", 0)),
        section=str(spec.get("section", "")).upper(),
        subsections=_subsections(spec.get("subsections", [])),
        section_range=_pair(sections) if sections else None,
        except_sections=tuple(str(s) for s in spec.get("except", [])),
        review_sections=tuple(_pair(r) for r in spec.get("review_between", [])),
        review=str(spec.get("review", "")),
        any_section=bool(spec.get("any_section", False)),
        when_found=str(spec.get("when_found", "")),
        appendix=bool(spec.get("appendix", False)),
        penalty=bool(spec.get("penalty", False)),
        penalty_in=_penalty_in(spec.get("penalty_in")),
    )


def _penalty_in(spec: dict[str, Any] | None) -> tuple[int, str, str] | None:
    """``{title, section, subsection}`` -> (title, section, the subsection's first letter)."""
    if spec is None:
        return None
    first = _subsections([str(spec["subsection"])])[0]
    return int(spec["title"]), str(spec["section"]).upper(), first[0]


def clause(row: dict[str, Any]) -> Clause:
    """One row of the table as a clause (ValueError on a key the table does not define)."""
    _known(row, CLAUSE_KEYS, str(row.get("clause")))
    return Clause(
        number=int(row["number"]),
        label=str(row["clause"]),
        provisions=tuple(_provision(spec, str(row["clause"])) for spec in row["match"]),
        requires=tuple(str(r) for r in row.get("requires", [])),
        unless={str(k): str(v) for k, v in row.get("unless", {}).items()},
        substance=row.get("substance"),
        prior_kinds=tuple(
            (str(kind), tuple(_provision(spec, str(row["clause"])) for spec in specs))
            for kind, specs in row.get("prior_kinds", {}).items()
        ),
    )


@cache
def table() -> tuple[dict[str, Any], ...]:
    """The rows of the table, in clause order."""
    text = resources.files(__package__).joinpath(TABLE).read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return tuple(yaml.load(text, Loader=loader)["clauses"])


@cache
def clause_texts() -> dict[int, str]:
    """Clause number -> the statute's text of the clause."""
    return {int(row["number"]): str(row["full_text"]) for row in table()}


CLAUSES: tuple[Clause, ...] = tuple(clause(row) for row in table())
"""Every clause with its matcher, in the statute's order."""


NEGATED = "not:"
"""A court finding written ``not:<name>``: the court found the condition absent."""


@cache
def finding_names() -> frozenset[str]:
    """Every court finding the clauses read (``Count.court_findings``): the conditions they need
    (``requires``), the findings that take a section out (``unless``) and those that make every
    count a candidate (``when_found``). The one list of them: a record naming another is
    refused (a misspelt finding would otherwise be silently unread)."""
    names: set[str] = set()
    for c in CLAUSES:
        names.update(c.requires, c.unless.values())
        names.update(p.when_found for p in c.provisions if p.when_found)
    return frozenset(names)
