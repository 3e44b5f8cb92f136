"""The prison term a judgment imposed, read from the sentence or from its counts (format 1.1).

A judgment may give a term per count and none for the sentence. Terms imposed at the same time
run concurrently unless the court orders (or a statute mandates) otherwise (18 U.S.C. 3584(a)),
so the judgment's term is the longest of the concurrent terms, plus each term the record marks
consecutive. The shared reading of the record (``record.timeline``) calls this once per
conviction; every program reads the term from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from secondchance.record.schema import Conviction
from secondchance.record.terms import Term

CITATION = "18 U.S.C. 3584(a)"
URL = "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title18-section3584"
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
    concurrent = [(j, t) for j, t, consecutive in terms if not consecutive]
    consecutive = [(j, t) for j, t, is_consecutive in terms if is_consecutive]
    longest = max(concurrent, key=lambda jt: _end(start, jt[1]), default=None)
    parts = ([longest[1]] if longest else []) + [t for _, t in consecutive]
    total = _sum(parts)
    shown = "; ".join(
        f"counts[{j}] {t}{' consecutive' if is_consecutive else ''}"
        for j, t, is_consecutive in terms
    )
    note = f"The judgment gives its prison terms per count ({shown}): "
    if consecutive:
        note += (
            f"the longest concurrent term plus each term marked consecutive makes {total} "
            "(18 U.S.C. 3584(a), (c))."
        )
    else:
        note += f"run concurrently, they make {total}, the longest (18 U.S.C. 3584(a))."
    if len({_end(start, t) for _, t in concurrent}) > 1:
        note += (
            " The record does not mark any of them consecutive: terms imposed at the same time "
            "run concurrently unless the court orders otherwise (the default of 3584(a)); some "
            "statutes mandate a consecutive term (e.g. 18 U.S.C. 924(c), 1028A), so the "
            "judgment decides."
        )
    return JudgmentTerm(total, path, note=note)
