"""The term part of the sentence block: the term, its full term date (18 U.S.C. 3585), whether
prior custody credit and good conduct time serve it, and a commutation fixing its end; with
their findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from secondchance.law.sentence import good_conduct, term
from secondchance.law.sentence.days import NO_DATE, to_day
from secondchance.law.sentence.kernel import Code
from secondchance.law.sentence.notes import Notes
from secondchance.law.sentence.parts import TermPart
from secondchance.law.sentence.row import KernelRow, day_of, iso

if TYPE_CHECKING:
    from secondchance.law.sentence.block import SentenceFacts

COMMUTATION_VERSION = "sentence.commutation@warrant"
COMMUTATION_CITATION = "U.S. Const. art. II, sec. 2, cl. 1 (the commutation warrant)"


def term_part(facts: SentenceFacts, row: KernelRow) -> TermPart:
    """The term as computed, a commutation's release date in its place."""
    life = row.has(Code.LIFE)
    commuted = facts.commuted_release_date
    before_commencement = row.gct_release_date != NO_DATE and row.gct_release_date < to_day(
        facts.commenced
    )
    served = (
        not life
        and commuted is None
        and (row.has(Code.PRIOR_CUSTODY_EXCEEDS_TERM) or before_commencement)
    )
    hidden = served or commuted is not None
    return TermPart(
        term=str(facts.term),
        term_days=None if life or commuted is not None else row.term_days,
        commenced_on=facts.commenced,
        arrived_on=facts.arrived or facts.commenced,
        prior_custody_days=facts.prior_custody_days,
        full_term_date=commuted if commuted else (None if hidden else day_of(row.full_term_date)),
        commuted_release_date=commuted,
        served=served,
        released_on=facts.released_on,
        supervised_release=str(facts.supervised_release) if facts.supervised_release else None,
        life=life,
    )


def commutation_findings(facts: SentenceFacts, part: TermPart, notes: Notes) -> None:
    """A commutation to a release date: that day is the release date (for review)."""
    commuted = part.commuted_release_date
    assert commuted is not None
    granted = facts.commuted_on.isoformat() if facts.commuted_on else "(date not recorded)"
    notes.add(
        f"The sentence ({facts.term}) was commuted on {granted} to expire on "
        f"{commuted.isoformat()} ({facts.commutation_path}): that day is the release date. "
        "The term as imposed, good conduct time and time credits do not compute it.",
        COMMUTATION_CITATION,
        COMMUTATION_VERSION,
        None,
        granted_on=granted,
        new_release_date=commuted.isoformat(),
    )
    notes.needs_review.append(
        "commuted to a release date: whether time credits can move a release date fixed "
        "by the commutation warrant (see fsa)"
    )


def life_finding(part: TermPart, gct_id: str, notes: Notes) -> None:
    notes.add(
        "A term of life has no full term date, earns no good conduct time and has no "
        "release date to compute.",
        "18 U.S.C. 3624(b)(1)",
        gct_id,
        good_conduct.URL,
        term=part.term,
    )


def term_findings(part: TermPart, row: KernelRow, gct_id: str, notes: Notes) -> None:
    """The term's days and full term date, the month-end convention, prior custody credit."""
    notes.add(
        f"The sentence commenced on {part.commenced_on.isoformat()}; a term of {part.term} "
        f"runs {row.term_days} days, to {iso(row.term_end)} (the day before the "
        f"anniversary, plus any days), less {part.prior_custody_days} days of prior "
        f"custody credit: full term date {iso(row.full_term_date)}.",
        term.CITATION,
        gct_id,
        term.URL,
        commenced_on=part.commenced_on.isoformat(),
        term=part.term,
        prior_custody_days=part.prior_custody_days,
    )
    if row.has(Code.MONTH_END_CLAMPED):
        notes.add(
            "The anniversary day does not exist in the term's last month; the last day of "
            "that month was taken as the anniversary (a convention, to be checked against "
            "the Bureau's computation).",
            term.CITATION,
            gct_id,
            term.URL,
        )
    if row.has(Code.PRIOR_CUSTODY_EXCEEDS_TERM):
        notes.add(
            "Prior custody credit is as long as the term or longer: the term is served.",
            term.CITATION,
            gct_id,
            term.URL,
        )


def served_finding(part: TermPart, row: KernelRow, gct_id: str, notes: Notes) -> None:
    """Prior custody credit (and good conduct time) cover the term: release on commencement."""
    days = part.prior_custody_days
    on = part.commenced_on.isoformat()
    notes.add(
        f"Prior custody credit ({days} days) and good conduct time "
        f"cover the whole term ({row.term_days} days from commencement on "
        f"{on}): the term is served, and release is due on "
        "commencement. No full term date, release date or time credit is shown (the dates "
        "computed would fall before commencement); credit beyond the term is not carried "
        "to anything here."
        if not row.has(Code.PRIOR_CUSTODY_EXCEEDS_TERM)
        else f"Prior custody credit ({days} days) is at least the term "
        f"({row.term_days} days from commencement on {on}): "
        "the term is served by credit for time before commencement, and release is due on "
        "commencement. No full term date, release date or time credit is shown (the dates "
        "computed would fall before commencement); credit beyond the term is not carried "
        "to anything here.",
        "18 U.S.C. 3585(b); 3624(a)",
        gct_id,
        term.URL,
        prior_custody_days=days,
        term_days=row.term_days,
    )


def released_finding(part: TermPart, path: str | None, gct_id: str, notes: Notes) -> None:
    """Custody already ended: the dates are for comparison."""
    assert part.released_on is not None
    notes.add(
        f"Released on {part.released_on.isoformat()} per {path}: the "
        "computed dates are what the law gives, for comparison, not a release to come.",
        term.CITATION,
        gct_id,
        term.URL,
        released_on=part.released_on.isoformat(),
    )
