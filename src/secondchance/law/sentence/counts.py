"""The prison term a judgment imposed, read from the sentence or from its counts (format 1.1).

A judgment may give a term per count and none for the sentence. Terms imposed at the same time
run concurrently unless the court orders (or a statute mandates) otherwise (18 U.S.C. 3584(a)),
so the judgment's term is the longest of the concurrent terms, plus each term the record marks
consecutive. A statute that forbids a concurrent term decides for a count not so marked: a
term under 18 U.S.C. 924(c) runs concurrently with no other term (924(c)(1)(D)(ii)), and one
under 18 U.S.C. 1028A with no term under another provision (1028A(b)(2)), though the court may
run it concurrently with another 1028A term imposed at the same time (1028A(b)(4)): such a term
is run consecutively, the longest of the 1028A terms counting once, and the judgment flagged
for review. The counts' statutes are read by ``record.statute``; one that cannot be read, or
may or may not name such a provision, leaves the 3584(a) default with a note (and review for
the latter). The shared reading of the record (``record.timeline``) calls this once per
conviction; every program reads the term from there.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from secondchance.law.subdivisions import missing_subdivision
from secondchance.record.schema import Conviction
from secondchance.record.statute import (
    Provision,
    Unreadable,
    broader,
    names_within,
    read_statute,
    unreadable_reason,
)
from secondchance.record.terms import Term

CITATION = "18 U.S.C. 3584(a)"
URL = "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title18-section3584"
MANDATED = {
    "18 U.S.C. 924(c)": "18 U.S.C. 924(c)(1)(D)(ii)",
    "18 U.S.C. 1028A": "18 U.S.C. 1028A(b)(2)",
}
"""Provisions whose term may not run concurrently with another term, and the clause saying so."""
_AMONG_THEMSELVES = "18 U.S.C. 1028A"
"""Its terms may run concurrently with each other (1028A(b)(4)), at the court's discretion."""
_REFERENCE = date(2000, 1, 1)
"""Where no sentencing day is recorded, terms are compared as if they began on this day."""


@dataclass(frozen=True)
class JudgmentTerm:
    """The term of imprisonment a conviction's judgment imposed, as the record gives it."""

    term: Term | None
    """The term (None: no term recorded, or its length unknown)."""
    path: str
    """Where the term comes from: ``convictions[i].sentence.imprisonment`` or ``...counts``."""
    unknown_length: bool = False
    """A prison term was imposed but its length is not recorded."""
    note: str | None = None
    """How terms given per count were combined, to be shown as a finding."""
    review: tuple[str, ...] = ()
    """Why the judgment should be checked (a statute overrode the record, or may have)."""
    missing: tuple[str, ...] = ()
    """The record fields that would settle it."""


def _end(start: date, term: Term) -> date:
    return start + relativedelta(months=term.total_months) + timedelta(days=term.days)


def _sum(terms: list[Term]) -> Term:
    return Term(
        years=sum(t.years for t in terms),
        months=sum(t.months for t in terms),
        days=sum(t.days for t in terms),
    )


def judgment_term(index: int, conviction: Conviction) -> JudgmentTerm:
    """The judgment's term: the sentence's own, else the terms on its counts combined."""
    path = f"convictions[{index}].sentence.imprisonment"
    sentence = conviction.sentence
    if sentence is not None and sentence.imprisonment is not None:
        return JudgmentTerm(sentence.imprisonment, path)
    if sentence is not None and sentence.imprisonment_length_unknown:
        return JudgmentTerm(None, path, unknown_length=True)
    if all(c.imprisonment is None for c in conviction.counts):
        return JudgmentTerm(None, path)
    return _from_counts(index, conviction)


def _bare_if_missing(named: Provision) -> str:
    """The provision as written, or its bare section when it names a subdivision the section
    does not have (:func:`~secondchance.law.subdivisions.missing_subdivision`): which
    subsection was meant is unknown."""
    if missing_subdivision(named) is not None:
        return str(replace(named, subsections=()))
    return str(named)


@lru_cache(maxsize=4096)
def mandate(statute: str) -> tuple[str, bool] | None:
    """The provision of ``MANDATED`` a count's statute names, and whether surely (False: the
    citation may or may not name it, e.g. "18 U.S.C. 924", "18 USC 1028a", or "18 U.S.C.
    924(z)", a subsection 924 does not have); None when it names none or cannot be read
    (``record.statute``)."""
    reading = read_statute(statute)
    if isinstance(reading, Unreadable) or unreadable_reason(reading) is not None:
        return None
    maybe: str | None = None
    for named in reading.provisions:
        readings = _readings(named)
        for provision in MANDATED:
            hits = [names_within(r, provision) for r in readings]
            if all(hits):
                return provision, True
            if any(hits) or broader(_bare_if_missing(named), provision):
                maybe = maybe or provision
    return (maybe, False) if maybe is not None else None


def _readings(named: Provision) -> list[Provision]:
    """A provision's readings, as the time credit exclusions read a letter joined to a section
    number: a capital ("1028A", "924C") is the lettered section when it is one of ``MANDATED``,
    else the subsection; a lower-case letter ("1028a") is the subsection, and also the lettered
    section when that is one of ``MANDATED``."""
    other = named.other_reading()
    if other is None:
        return [named]
    plain, lettered = (named, other) if named.joined_letter == "subsection" else (other, named)
    known = any(
        names_within(replace(lettered, subsections=()), provision) for provision in MANDATED
    )
    if named.joined_letter == "subsection":
        return [plain, lettered] if known else [plain]
    return [lettered] if known else [plain]


def _from_counts(index: int, conviction: Conviction) -> JudgmentTerm:
    """3584(a): concurrent terms give the longest; consecutive ones are added to it."""
    path = f"convictions[{index}].counts"
    terms = [
        (j, c.imprisonment, c.consecutive)
        for j, c in enumerate(conviction.counts)
        if c.imprisonment is not None
    ]
    if any(t.life for _, t, _ in terms):
        return JudgmentTerm(Term(life=True), path, note=f"A count carries a life term ({path}).")
    sentence = conviction.sentence
    start = (sentence.imposed_on if sentence else None) or conviction.sentencing_date or _REFERENCE
    forced = _forced(conviction, terms)
    concurrent = [(j, t) for j, t, marked in terms if not marked and j not in forced]
    consecutive = [(j, t) for j, t, is_consecutive in terms if is_consecutive]
    among = [(j, t) for j, t, _ in terms if forced.get(j) == _AMONG_THEMSELVES]
    forced_parts = [t for j, t, _ in terms if j in forced and forced[j] != _AMONG_THEMSELVES]
    longest = max(concurrent, key=lambda jt: _end(start, jt[1]), default=None)
    longest_among = max(among, key=lambda jt: _end(start, jt[1]), default=None)
    parts = (
        ([longest[1]] if longest else [])
        + ([longest_among[1]] if longest_among else [])
        + forced_parts
        + [t for _, t in consecutive]
    )
    total = _sum(parts)
    shown = "; ".join(
        f"counts[{j}] {t}{' consecutive' if is_consecutive else ''}"
        for j, t, is_consecutive in terms
    )
    note = f"The judgment gives its prison terms per count ({shown}): "
    if consecutive or forced:
        note += (
            "the longest concurrent term plus each term marked consecutive"
            + (" or that a statute makes consecutive" if forced else "")
            + f" makes {total} (18 U.S.C. 3584(a), (c))."
        )
    else:
        note += f"run concurrently, they make {total}, the longest (18 U.S.C. 3584(a))."
    review: list[str] = []
    missing: list[str] = []
    for j, provision in forced.items():
        field = f"{path}[{j}].consecutive"
        note += (
            f" counts[{j}] ({conviction.counts[j].statute}) is not marked consecutive, but "
            f"{MANDATED[provision]} forbids a term under {provision} to run concurrently with "
            + (
                "a term under another provision (the court may run it concurrently with another "
                f"{provision} term imposed at the same time, {provision}(b)(4)): it is run "
                "consecutively to the other counts"
                if provision == _AMONG_THEMSELVES
                else "any other term: it is run consecutively"
            )
            + "; the judgment should be checked."
        )
        review.append(
            f"{field} is not recorded, but {MANDATED[provision]} mandates a consecutive term: "
            "run consecutively; check the judgment"
        )
        missing.append(field)
    for j, provision in _maybe(conviction, terms).items():
        field = f"{path}[{j}].statute"
        note += (
            f" counts[{j}] ({conviction.counts[j].statute}) may be a count under {provision}, "
            f"whose term may not run concurrently ({MANDATED[provision]}): run concurrently by "
            "the 3584(a) default; the statute of conviction decides."
        )
        review.append(
            f"{field} may be {provision}, which mandates a consecutive term "
            f"({MANDATED[provision]}): run concurrently by the 3584(a) default"
        )
        missing.append(field)
    if len({_end(start, t) for _, t in concurrent}) > 1:
        note += (
            " The record does not mark any of them consecutive: terms imposed at the same time "
            "run concurrently unless the court orders otherwise (the default of 3584(a)); some "
            "statutes mandate a consecutive term (e.g. 18 U.S.C. 924(c), 1028A), so the "
            "judgment decides."
        )
    return JudgmentTerm(total, path, note=note, review=tuple(review), missing=tuple(missing))


def _forced(conviction: Conviction, terms: list[tuple[int, Term, bool]]) -> dict[int, str]:
    """The counts not marked consecutive whose statute surely forbids a concurrent term, with
    the provision, when the judgment has a term the statute forbids it to run with: any other
    for 924(c), one under another provision for 1028A."""
    found: dict[int, str] = {}
    for j, _, marked in terms:
        hit = mandate(conviction.counts[j].statute)
        if not marked and hit is not None and hit[1]:
            found[j] = hit[0]
    forced: dict[int, str] = {}
    for j, provision in found.items():
        others = [mandate(conviction.counts[k].statute) for k, _, _ in terms if k != j]
        if provision == _AMONG_THEMSELVES:
            others = [hit for hit in others if hit != (provision, True)]
        if others:
            forced[j] = provision
    return forced


def _maybe(conviction: Conviction, terms: list[tuple[int, Term, bool]]) -> dict[int, str]:
    """The counts not marked consecutive, with another term beside them, whose statute may or
    may not name a provision of ``MANDATED``."""
    if len(terms) <= 1:  # no other term beside it
        return {}
    found: dict[int, str] = {}
    for j, _, marked in terms:
        hit = mandate(conviction.counts[j].statute)
        if not marked and hit is not None and not hit[1]:
            found[j] = hit[0]
    return found
