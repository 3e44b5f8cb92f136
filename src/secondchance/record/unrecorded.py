"""Terms a sentence states with no period recorded for them: one reading for every program.

A conviction's ``sentence`` may state a prison term, probation or supervised release while the
record has no custody or supervision period for that conviction. Whether such a term could be
running on a day is a fact of the record, read here once (the SBA's status tests and the
clemency petitions both use it); what it means is the law's to say.

* Periods **for a conviction** are those linked to it by ``conviction_id``, or linked to none
  when it is the record's only conviction (a period naming no conviction in a record of several
  may be for another one). A deferred-prosecution period is no supervision a sentence imposes.
* Probation counts from the sentencing (``imposed_on``, else ``sentencing_date``; it
  "commences on the day that the sentence of probation is imposed", 18 U.S.C. 3564(a));
  supervised release from the release from imprisonment (3624(e)).
* A prison term commences only when the person is received in custody to serve it (3585(a)):
  after a voluntary surrender, or custody elsewhere, that may be long after the sentencing, and
  credits (good conduct time, First Step Act credits, prior custody) move its end earlier. With
  no custody recorded serving it, it is not running before the sentencing, and on any day from
  the sentencing it could be running with no known end (never counted from the sentencing):
  the custody serving the conviction, with its end, decides it.
* Any other term could be running unless it has not begun by the day or is clearly over (its
  start plus the term is on or before the day; a term of N months ends the day before the
  N-month anniversary). A term of unknown length, a life term or one from an unknown start is
  never clearly over.
* A sentence marked ``completed`` was completed on a date the record does not give, so it does
  not say a term was over on an earlier day: its terms are read from their dates like any
  other (a prison term with no custody recorded has no end). A commutation granted by the day
  whose warrant does not keep supervised release (``supervised_release_kept: false``) ends it,
  and one whose new release date (on or after its grant) has passed ends the prison term.
* A conviction entered by the day (or on a day not recorded) with no ``sentence`` recorded,
  not awaiting sentencing, and with no custody or supervision period for it, could have a
  sentence of any kind running on the day: it is read as a term of unknown kind (``kind`` and
  ``term`` None, path ``convictions[i].sentence``), never as nothing being served. With custody
  recorded serving it but no supervision period, supervised release (or parole) of unknown
  length could follow the release from that custody (``kind`` ``supervised_release``).
* The custody serving a conviction, and the release from it, are the clemency petitions'
  reading (``law.clemency.facts``: ``custody_for``, ``served_on``), so both programs read one
  release.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from secondchance.record.query import awaiting_sentencing
from secondchance.record.schema import (
    Commutation,
    Conviction,
    CustodyKind,
    PersonRecord,
    Revocation,
    SentenceRelation,
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
    no custody (``kind`` None) or supervision period recorded for that conviction; or, with
    ``kind`` and ``term`` None and ``path`` ``convictions[i].sentence``, a conviction with no
    sentence recorded at all (a sentence of unknown kind)."""

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
    why: str | None = None
    """Why its start or end is not known, when the record leaves it open for a reason of its
    own (custody ending short of the term, a consecutive term, a revocation)."""
    missing: tuple[str, ...] = ()
    """The facts that would decide it, beyond the period not recorded."""


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
    """The custody periods that may serve ``conviction``'s sentence: the petitions' reading
    (:func:`secondchance.law.clemency.facts.custody_for`: linked to it or its aggregate term,
    or naming none of a kind that serves it when it is the only conviction of its kind; not
    state custody naming no conviction), pretrial detention apart."""
    from secondchance.law.clemency.facts import custody_for

    return [k for k, p in custody_for(record, conviction) if p.kind is not _PRETRIAL]


_PRETRIAL = CustodyKind.pretrial_detention


def supervision_recorded(record: PersonRecord, conviction: Conviction) -> bool:
    """A probation, parole or supervised-release period is recorded for ``conviction``."""
    return any(
        record.supervision[k].kind is not SupervisionKind.deferred_prosecution
        for k in periods_for(record.supervision, record, conviction)
    )


def release_from_custody(record: PersonRecord, conviction: Conviction, day: date) -> date | None:
    """The day of release from ``conviction``'s prison term as read on ``day``: the petitions'
    reading (:func:`secondchance.law.clemency.facts.served_on`): the release a commutation
    granted by the day sets (on or after its grant), or the last end of the custody serving it;
    None when not known (custody open, short of the term, :func:`short_custody`, or none)."""
    from secondchance.law.clemency.facts import served_on

    return served_on(record, conviction, day).release


@dataclass(frozen=True)
class Short:
    """The custody recorded for a conviction has ended (the last, ``custody[index]``, on
    ``end``), yet it cannot be the release from the term (``why``): the release is not known."""

    index: int
    end: date
    why: str
    missing: tuple[str, ...]


def short_custody(record: PersonRecord, conviction: Conviction, day: date) -> Short | None:
    """The custody recorded for ``conviction`` when it all has ends and cannot be the release
    from its prison term as read on ``day`` (the petitions' reading,
    :func:`secondchance.law.clemency.facts.served_on`): it ends before the earliest day the term
    could end by serving it (:func:`secondchance.law.clemency.facts.earliest_end`), a life term,
    with no commutation granted by the day setting a release, or a commutation whose release
    date is before its own grant."""
    from secondchance.law.clemency.facts import served_on

    conf = served_on(record, conviction, day)
    why = conf.short or conf.contradiction
    ends = [(k, record.custody[k].end) for k in served(record, conviction)]
    if why is None or not ends or any(e is None for _, e in ends):
        return None
    k, last = max(((k, e) for k, e in ends if e is not None), key=lambda ke: ke[1])
    return Short(k, last, why, tuple(conf.missing))


def _imposed(conviction: Conviction) -> date | None:
    sentence = conviction.sentence
    return (sentence.imposed_on if sentence else None) or conviction.sentencing_date


def _running(
    start: date | None, term: Term | None, day: date, tolled: PersonRecord | None = None
) -> tuple[bool, date | None]:
    """Whether a term from ``start`` could be running on ``day``, and its first day after
    (a supervised release or probation term, ``tolled`` by the record's later imprisonment:
    :func:`tolled_end`)."""
    if start is None:
        return True, None
    if start > day:
        return False, None
    if term is None:
        end = None
    elif tolled is not None:
        end = tolled_end(tolled, start, term)
    else:
        end = term_end(start, term)
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
    run on any day once sentenced) to the release plus the term, extended by later
    imprisonment (:func:`supervised_release_end`, 18 U.S.C. 3624(e)); a commutation granted by
    ``day`` that does not keep it ends it. After a revocation by ``day``, the term is the new
    one it imposed (:func:`_after_revocation`); a revocation after ``day`` shows supervision
    was (or may have been) running on it."""
    conviction = record.convictions[index]
    if not _open(conviction, day):
        return None
    sentence = conviction.sentence
    assert sentence is not None
    if any(
        c.supervised_release_kept is False and c.granted_on <= day for c in sentence.commutations
    ):
        return None
    if release is FROM_CUSTODY:
        release = release_from_custody(record, conviction, day)
    imposed = _imposed(conviction)
    if release is None and imposed is not None and imposed > day:
        return None  # not yet sentenced on the day
    path = f"convictions[{index}].sentence"
    revoked = [
        (k, r)
        for k, r in enumerate(sentence.revocations)
        if r.revoked_on is not None and r.revoked_on <= day
    ]
    if revoked:
        return _after_revocation(record, index, day, release, revoked)
    term = sentence.supervised_release
    if term is None or not _stated(term) or supervision_recorded(record, conviction):
        return None
    running, end = _running(release, term, day, record)
    if not running:
        return _revoked_later(record, index, day, release, term, end)
    return UnrecordedTerm(
        index, SupervisionKind.supervised_release, term, release, end, f"{path}.supervised_release"
    )


def _revoked_later(
    record: PersonRecord,
    index: int,
    day: date,
    release: date | None,
    term: Term,
    end: date | None,
) -> UnrecordedTerm | None:
    """A term read as over on ``day`` that a revocation dated after ``day`` revoked: supervision
    cannot be revoked unless it was running, or a warrant or summons was issued before it
    expired (18 U.S.C. 3583(e)(3), (i)), so on ``day`` it was (or may have been) running; its
    end is not known."""
    sentence = record.convictions[index].sentence
    assert sentence is not None
    later = [
        (k, r)
        for k, r in enumerate(sentence.revocations)
        if r.revoked_on is not None and r.revoked_on > day
    ]
    if end is None or end > day or release is None or not later:
        return None
    k, first = min(later, key=lambda kr: kr[1].revoked_on or date.max)
    assert first.revoked_on is not None
    at = f"convictions[{index}].sentence.revocations[{k}]"
    return UnrecordedTerm(
        index,
        SupervisionKind.supervised_release,
        term,
        release,
        None,
        f"convictions[{index}].sentence.supervised_release",
        f"it is revoked on {first.revoked_on.isoformat()} ({at}), after {day.isoformat()}: "
        "supervised release is revoked only while it runs or on a warrant or summons issued "
        "before it expired (18 U.S.C. 3583(e)(3), (i)), so it was, or may have been, running",
        (f"{at}.revoked_on",),
    )


def _after_revocation(
    record: PersonRecord,
    index: int,
    day: date,
    release: date | None,
    revoked: list[tuple[int, Revocation]],
) -> UnrecordedTerm | None:
    """The supervised release term in force after the latest revocation by ``day``: the new term
    it imposed (18 U.S.C. 3583(h)), from the release from the revocation's prison term (the
    revocation itself when it imposed none; not known when the custody for it is not
    recorded). A new term not recorded may have been imposed: its end is not known. A new term
    recorded as zero, or one a supervision period recorded since the revocation shows, is none
    to add."""
    conviction = record.convictions[index]
    k, last = max(revoked, key=lambda kr: kr[1].revoked_on or date.min)
    on = last.revoked_on
    assert on is not None
    at = f"convictions[{index}].sentence.revocations[{k}]"
    periods = [record.supervision[j] for j in periods_for(record.supervision, record, conviction)]
    since = [
        p
        for p in periods
        if p.kind is not SupervisionKind.deferred_prosecution and (p.start is None or p.start >= on)
    ]
    term = last.supervised_release
    if since or (term is not None and term.is_zero):
        return None
    start = release if release is not None and release >= on else None
    if start is None and last.imprisonment is not None and last.imprisonment.is_zero:
        start = on  # no prison imposed: the new term follows the revocation itself
    if term is None:
        return UnrecordedTerm(
            index,
            SupervisionKind.supervised_release,
            None,
            start,
            None,
            f"{at}.supervised_release",
            f"the revocation of {on.isoformat()} ({at}) may have imposed a new term of "
            "supervised release to follow its prison term (18 U.S.C. 3583(h)), and the record "
            "does not say",
            (f"{at}.supervised_release",),
        )
    if start is not None and start > day:
        return None  # in custody on the revocation term: not yet begun
    running, end = _running(start, term, day, record)
    if not running:
        return None
    missing = () if start is not None else (f"custody[] (custody for the revocation of {on})",)
    return UnrecordedTerm(
        index,
        SupervisionKind.supervised_release,
        term,
        start,
        end,
        f"{at}.supervised_release",
        f"the new term imposed on the revocation of {on.isoformat()} ({at}, 18 U.S.C. 3583(h))",
        missing,
    )


def supervised_release_end(record: PersonRecord, release: date, term: Term) -> date | None:
    """The first day after a supervised release term from ``release``: :func:`tolled_end`
    (18 U.S.C. 3624(e): the term "does not run during any period in which the person is
    imprisoned in connection with a conviction" for 30 consecutive days or more)."""
    return tolled_end(record, release, term)


def tolled_end(record: PersonRecord, start: date, term: Term) -> date | None:
    """The first day after a supervised release or probation term counted from ``start``: the
    start plus the term, extended by every later imprisonment of at least the days the law names
    (18 U.S.C. 3624(e) for supervised release, 3564(b) for probation: neither runs while the
    person is imprisoned in connection with a conviction for 30 consecutive days or more). Every
    day after ``start`` inside a custody period counts (of any kind and conviction: a detention
    that led to no conviction would not toll, so counting it errs late); periods that overlap or
    adjoin make one imprisonment, whose days (the first and the last counted) are weighed
    against the threshold. None when such a period has no end, or has no start and ends after
    ``start`` (whether, and how long, it tolled the term is not recorded)."""
    from secondchance.law.parameters import value

    end = term_end(start, term)
    if end is None:
        return None
    least = int(value("sentence.supervised_release.tolling_min_days", on=start))
    first = start + timedelta(days=1)
    spans: list[tuple[date, date | None]] = []
    for p in record.custody:
        if p.end is not None and p.end < first:
            continue
        if p.start is None:
            return None
        spans.append((max(p.start, first), p.end))
    merged: list[tuple[date, date | None]] = []
    for a, b in sorted(spans, key=lambda ab: ab[0]):
        if merged:
            ma, mb = merged[-1]
            if mb is None or a <= mb + timedelta(days=1):
                merged[-1] = (ma, None if mb is None or b is None else max(mb, b))
                continue
        merged.append((a, b))
    for a, b in merged:
        if a >= end:
            break
        if b is None:
            return None
        days = (b - a).days + 1
        if days >= least:
            end += timedelta(days=days)
    return end


def unrecorded_terms(record: PersonRecord, day: date) -> tuple[UnrecordedTerm, ...]:
    """Every prison, probation or supervised-release term the record's sentences state that could
    be running on ``day`` with no custody or supervision period recorded for its conviction,
    and every conviction with no sentence recorded at all (:func:`_no_sentence`; a conviction
    entered after the day is left out). Supervised release
    runs from the release the custody recorded gives. Read once per record and day."""
    return timeline(record).remembered(("unrecorded_terms", day), lambda: _terms(record, day))


def _terms(record: PersonRecord, day: date) -> tuple[UnrecordedTerm, ...]:
    found: list[UnrecordedTerm] = []
    for i, conviction in enumerate(record.convictions):
        unsentenced = _no_sentence(record, i, day)
        if unsentenced is not None:
            found.append(unsentenced)
        if not _open(conviction, day):
            continue
        sentence = conviction.sentence
        assert sentence is not None
        imposed = _imposed(conviction)
        prison = timeline(record).prison_term(i)
        commuted = any(_commuted_before(c, day) for c in sentence.commutations)
        if (_stated(prison.term) or prison.unknown_length) and not commuted:
            term = _prison(record, i, prison, imposed, day)
            if term is not None:
                found.append(term)
        if supervision_recorded(record, conviction):
            continue
        probation = sentence.probation
        if probation is not None and _stated(probation):
            running, end = _running(imposed, probation, day, record)
            if running:
                path = f"convictions[{i}].sentence.probation"
                found.append(
                    UnrecordedTerm(i, SupervisionKind.probation, probation, imposed, end, path)
                )
        supervised = unrecorded_supervised_release(record, i, day)
        if supervised is not None:
            found.append(supervised)
    return tuple(found)


def _no_sentence(record: PersonRecord, i: int, day: date) -> UnrecordedTerm | None:
    """Conviction ``i`` entered by ``day`` (or on a day not recorded) with no ``sentence``
    recorded and no custody or supervision period for it: a sentence of unknown kind (prison,
    probation, supervised release) could be running on the day, with no known start or end. A
    conviction awaiting sentencing on the day (the flag, or a sentencing after the day:
    :func:`secondchance.record.query.awaiting_sentencing`) has none yet, and is left to the
    programs' own reading of it. With custody recorded serving it (and no supervision period),
    the custody decides custody, and from the release (on or before the day) a term of
    supervised release or parole of unknown length could be running: ``kind``
    ``supervised_release``, ``term`` and ``ends`` None."""
    conviction = record.convictions[i]
    if conviction.sentence is not None or awaiting_sentencing(conviction, day):
        return None
    if conviction.conviction_date is not None and conviction.conviction_date > day:
        return None
    if supervision_recorded(record, conviction):
        return None
    path = f"convictions[{i}].sentence"
    if served(record, conviction):
        # the custody recorded decides custody; supervision after it is not recorded
        release = release_from_custody(record, conviction, day)
        if release is None or release > day:
            return None
        return UnrecordedTerm(
            i,
            SupervisionKind.supervised_release,
            None,
            release,
            None,
            path,
            "no sentence is recorded for this conviction, so whether a term of supervised "
            "release (or parole) follows the release from the custody recorded is not recorded",
            (path,),
        )
    return UnrecordedTerm(
        i,
        None,
        None,
        None,
        None,
        path,
        "no sentence is recorded for this conviction, so whether the person is in custody or "
        "under supervision (probation, parole or supervised release) for it on the day is not "
        "recorded",
        (path,),
    )


def _prison(
    record: PersonRecord, i: int, prison: Any, imposed: date | None, day: date
) -> UnrecordedTerm | None:
    """Conviction ``i``'s prison term when it could be running on ``day`` with no custody
    recorded for the rest of it: none recorded at all (on any day from the sentencing, with no
    known end: it commences on receipt in custody, 18 U.S.C. 3585(a), :func:`_commences_later`,
    :func:`_not_received`), or custody that ends short of the term (:func:`short_custody`),
    after that custody ends."""
    conviction = record.convictions[i]
    mine = served(record, conviction)
    if mine:
        short = short_custody(record, conviction, day)
        if short is not None:
            if day < short.end:
                return None
            return UnrecordedTerm(
                i, None, prison.term, imposed, None, prison.path, short.why, short.missing
            )
        ends = [record.custody[k].end for k in mine]
        release = release_from_custody(record, conviction, day)
        last = max((e for e in ends if e is not None), default=None)
        if release is None or last is None or None in ends or not last < day <= release:
            return None
        return UnrecordedTerm(
            i,
            None,
            prison.term,
            imposed,
            None,
            prison.path,
            f"a commutation sets the release on {release.isoformat()}, and the custody recorded "
            f"for it ends {last.isoformat()}: the custody in between is not recorded",
        )
    if imposed is not None and imposed > day:
        return None  # not yet sentenced on the day
    later = _commences_later(record, conviction, imposed, prison.term)
    if later is None:
        later = _not_received(i)
    return UnrecordedTerm(i, None, prison.term, None, None, prison.path, later)


def _not_received(i: int) -> str:
    """Why a prison term with no custody recorded serving it has no known end: it commences only
    when the person is received in custody to serve it (18 U.S.C. 3585(a)), which may be after
    the sentencing (a voluntary surrender, or custody elsewhere first), and its end turns on that
    day and on the credits against it (good conduct time, 3624(b); First Step Act credits,
    3632(d)(4); prior custody, 3585(b)). Counted from the sentencing it is a guess, early or
    late: the custody period serving it, with its end, decides."""
    return (
        "a prison term starts only when the person is taken into custody to serve it (18 U.S.C. "
        "3585(a)), which may be after the sentencing, and credits move its end (3624(b), "
        f"3632(d)(4), 3585(b)), so the sentencing does not say when it ends; the custody serving "
        f"convictions[{i}], with its start and end, does"
    )


def _commences_later(
    record: PersonRecord, conviction: Conviction, imposed: date | None, term: Term | None
) -> str | None:
    """Why a prison term with no custody recorded may not have commenced at its sentencing (it
    commences when the person is received in custody to serve it, 18 U.S.C. 3585(a)): it is
    ordered consecutive to another term (3584(a)), or the person was held in custody recorded
    for something else on the day of sentencing (another sovereign's, or another sentence's,
    which may have kept them first). None: none of these (the term still commences on a day
    not recorded, :func:`_not_received`)."""
    sentence = conviction.sentence
    assert sentence is not None
    if sentence.relation is SentenceRelation.consecutive:
        other = f"the term of {sentence.relative_to}" if sentence.relative_to else "another term"
        return (
            f"it is ordered consecutive to {other} (sentence.relation): it commences only when "
            "the person is received in custody to serve it, after that term (18 U.S.C. "
            "3584(a), 3585(a)), on a day the record does not give"
        )
    if imposed is None or sentence.relation is SentenceRelation.concurrent:
        return None
    from secondchance.law.clemency.facts import custody_for

    mine = {k for k, _ in custody_for(record, conviction)}
    over = term_end(imposed, term) if term is not None else None
    for k, p in enumerate(record.custody):
        if k in mine or (p.end is not None and p.end <= imposed):
            continue
        if p.start is None or p.start <= imposed:
            return (
                f"the person was held in other custody (custody[{k}]) when it was imposed: it "
                "commences only when they are received in custody to serve it (18 U.S.C. "
                "3585(a)), on a day the record does not give"
            )
        if over is None or p.start < over:
            return (
                f"the person was held in other custody (custody[{k}]) from "
                f"{p.start.isoformat()}, after it was imposed and before it could have ended "
                "counted from the sentencing: it commences only when they are received in "
                "custody to serve it (18 U.S.C. 3585(a)), and no custody serving it is "
                "recorded, so whether it ran before that custody is not recorded"
            )
    return None
