"""Terms a sentence states with no period recorded for them: one reading for every program.

A conviction's ``sentence`` may state a prison term, probation or supervised release while the
record has no custody or supervision period for that conviction. Whether such a term could be
running on a day is a fact of the record, read here once (the SBA's status tests and the
clemency petitions both use it); what it means is the law's to say.

* Periods **for a conviction** are those linked to it by ``conviction_id``, or linked to none
  when it is the record's only conviction (a period naming no conviction in a record of several
  may be for another one). A deferred-prosecution period is no supervision a sentence imposes.
* A prison term and probation count from the sentencing (``imposed_on``, else
  ``sentencing_date``; probation "commences on the day that the sentence of probation is
  imposed", 18 U.S.C. 3564(a)); supervised release from the release from imprisonment (3624(e)).
* A term could be running unless it has not begun by the day or is clearly over (its start
  plus the term is on or before the day; a term of N months ends the day before the N-month
  anniversary). A term of unknown length, a life term or one from an unknown start is never
  clearly over.
* A sentence marked ``completed`` was completed on a date the record does not give, so it does
  not say a term was over on an earlier day: its terms are read from their dates like any
  other. A commutation granted by the day whose
  warrant does not keep supervised release (``supervised_release_kept: false``) ends it, and one
  whose new release date (on or after its grant) has passed ends the prison term.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from secondchance.record.schema import (
    Commutation,
    Conviction,
    CustodyKind,
    PersonRecord,
    SupervisionKind,
)
from secondchance.record.terms import Term
from secondchance.record.timeline import timeline

FROM_CUSTODY: Any = object()
"""``release`` for :func:`unrecorded_supervised_release`: the release the custody recorded for
the conviction gives (:func:`release_from_custody`)."""


@dataclass(frozen=True)
class UnrecordedTerm:
    """A term the sentence of conviction ``index`` states that could be running on the day, with
    no custody (``kind`` None) or supervision period recorded for that conviction."""

    index: int
    kind: SupervisionKind | None
    term: Term | None
    """None: a prison term of unknown length."""
    start: date | None
    """The day it counts from (the sentencing, or the release for supervised release); None:
    not recorded."""
    ends: date | None
    """The first day after the term; None: not known (no start, unknown length, life)."""
    path: str
    """The field stating it, e.g. ``convictions[0].sentence.supervised_release``."""


def term_end(start: date, term: Term) -> date | None:
    """The first day after a term counted from ``start`` (a term of N months ends on the day
    before the N-month anniversary); None for life or past the calendar."""
    if term.life:
        return None
    try:
        return start + relativedelta(months=term.total_months) + timedelta(days=term.days)
    except (ValueError, OverflowError):
        return None


def periods_for(periods: Sequence[Any], record: PersonRecord, conviction: Conviction) -> list[int]:
    """The periods that may be for ``conviction``: linked to it by id, or linked to none when it
    is the record's only conviction."""
    sole = len(record.convictions) == 1
    return [
        k
        for k, p in enumerate(periods)
        if (conviction.id is not None and p.conviction_id == conviction.id)
        or (p.conviction_id is None and sole)
    ]


def served(record: PersonRecord, conviction: Conviction) -> list[int]:
    """The custody periods that may serve ``conviction``'s sentence (not pretrial detention)."""
    return [
        k
        for k in periods_for(record.custody, record, conviction)
        if record.custody[k].kind is not CustodyKind.pretrial_detention
    ]


def supervision_recorded(record: PersonRecord, conviction: Conviction) -> bool:
    """A probation, parole or supervised-release period is recorded for ``conviction``."""
    return any(
        record.supervision[k].kind is not SupervisionKind.deferred_prosecution
        for k in periods_for(record.supervision, record, conviction)
    )


def release_from_custody(record: PersonRecord, conviction: Conviction) -> date | None:
    """The day of release from the custody recorded for ``conviction``: the last end, when every
    period serving it has one (None otherwise, or when none is recorded)."""
    ends = [record.custody[k].end for k in served(record, conviction)]
    known = [e for e in ends if e is not None]
    return max(known) if known and len(known) == len(ends) else None


def _imposed(conviction: Conviction) -> date | None:
    sentence = conviction.sentence
    return (sentence.imposed_on if sentence else None) or conviction.sentencing_date


def _running(start: date | None, term: Term | None, day: date) -> tuple[bool, date | None]:
    """Whether a term from ``start`` could be running on ``day``, and its first day after."""
    if start is None:
        return True, None
    if start > day:
        return False, None
    end = None if term is None else term_end(start, term)
    return (term is None or end is None or end > day), end


def _commuted_before(grant: Commutation, day: date) -> bool:
    """A commutation granted by ``day`` set a release before it. A grant after ``day`` had not
    acted, and a release date before the grant itself is a contradiction (a warrant cannot release
    anyone before it is granted): neither ends the term."""
    release = grant.new_release_date
    return release is not None and grant.granted_on <= release < day


def _stated(term: Term | None) -> bool:
    return term is not None and not term.is_zero


def _open(conviction: Conviction, day: date) -> bool:
    """The conviction has a sentence, entered by ``day``. A sentence marked ``completed`` counts:
    it was completed "on a date not known", perhaps after ``day``."""
    if conviction.sentence is None:
        return False
    return conviction.conviction_date is None or conviction.conviction_date <= day


def unrecorded_supervised_release(
    record: PersonRecord, index: int, day: date, release: Any = FROM_CUSTODY
) -> UnrecordedTerm | None:
    """The supervised release term conviction ``index``'s sentence states when it could be
    running on ``day`` with no supervision period recorded for the conviction. It runs from
    ``release`` (by default the release the custody recorded gives; None: not known, so it may
    run on any day once sentenced) to the release plus the term (18 U.S.C. 3624(e)); a
    commutation granted by ``day`` that does not keep it ends it."""
    conviction = record.convictions[index]
    if not _open(conviction, day):
        return None
    sentence = conviction.sentence
    assert sentence is not None
    term = sentence.supervised_release
    if term is None or not _stated(term) or supervision_recorded(record, conviction):
        return None
    if any(
        c.supervised_release_kept is False and c.granted_on <= day for c in sentence.commutations
    ):
        return None
    if release is FROM_CUSTODY:
        release = release_from_custody(record, conviction)
    imposed = _imposed(conviction)
    if release is None and imposed is not None and imposed > day:
        return None  # not yet sentenced on the day
    running, end = _running(release, term, day)
    if not running:
        return None
    path = f"convictions[{index}].sentence.supervised_release"
    return UnrecordedTerm(index, SupervisionKind.supervised_release, term, release, end, path)


def unrecorded_terms(record: PersonRecord, day: date) -> tuple[UnrecordedTerm, ...]:
    """Every prison, probation or supervised-release term the record's sentences state that could
    be running on ``day`` with no custody or supervision period recorded for its conviction (a
    conviction entered after the day is left out). Supervised release
    runs from the release the custody recorded gives. Read once per record and day."""
    return timeline(record).remembered(("unrecorded_terms", day), lambda: _terms(record, day))


def _terms(record: PersonRecord, day: date) -> tuple[UnrecordedTerm, ...]:
    found: list[UnrecordedTerm] = []
    for i, conviction in enumerate(record.convictions):
        if not _open(conviction, day):
            continue
        sentence = conviction.sentence
        assert sentence is not None
        imposed = _imposed(conviction)
        prison = timeline(record).prison_term(i)
        commuted = any(_commuted_before(c, day) for c in sentence.commutations)
        if (_stated(prison.term) or prison.unknown_length) and not served(record, conviction):
            running, end = _running(imposed, prison.term, day)
            if running and not commuted:
                found.append(UnrecordedTerm(i, None, prison.term, imposed, end, prison.path))
        if supervision_recorded(record, conviction):
            continue
        probation = sentence.probation
        if probation is not None and _stated(probation):
            running, end = _running(imposed, probation, day)
            if running:
                path = f"convictions[{i}].sentence.probation"
                found.append(
                    UnrecordedTerm(i, SupervisionKind.probation, probation, imposed, end, path)
                )
        supervised = unrecorded_supervised_release(record, i, day)
        if supervised is not None:
            found.append(supervised)
    return tuple(found)
