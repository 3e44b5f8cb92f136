"""From a record to the facts of one aggregate term (18 U.S.C. 3584(c), 3585).

Several federal terms run as one aggregate term for administrative purposes (3584(c)). Unless
the judgment says otherwise, terms imposed at the same time run concurrently and terms imposed
at different times consecutively (3584(a)). The aggregate starts when the first term commenced;
a consecutive term starts the day after the aggregate so far ends; a concurrent term runs from
the later of that commencement and its own imposition, and the aggregate ends on the latest
end. A concurrent term imposed after the first commenced is computed so but also flagged for
review (the Bureau's aggregation chapter was not found), as is a term consecutive to one that
does not end the aggregate. A term of several whose relation the record does not give is computed
by that default but flagged for review naming ``convictions[i].sentence.relation``: a statute may
mandate a consecutive term (e.g. 18 U.S.C. 924(c), 1028A) and that list is not encoded. The
aggregate is released as one: a conviction whose supervised release has begun stays in its
aggregate; a term imposed on or after that day, or after the day the aggregate's own custody
closed, begins a new one (3584(a) joins only the terms of a person "already subject to an
undischarged term"; ``aggregates``).

Commencement (3585(a)): the day of sentencing when the person was then in custody, otherwise
the first day of federal custody after sentencing (voluntary surrender). Prior custody credit
(3585(b)): days of official detention before commencement not credited against another
sentence; a state custody period whose crediting is not recorded is left out and named.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from dateutil.relativedelta import relativedelta

from secondchance.engine.determination import Finding
from secondchance.law.clemency.revocation import revocation_terms
from secondchance.law.sentence import rdap as rdap_rules
from secondchance.law.sentence import term
from secondchance.law.sentence.block import SentenceFacts, days_between
from secondchance.law.sentence.rdap import RdapClaim
from secondchance.law.sentence.time_credits import streak_day
from secondchance.record.schema import (
    Commutation,
    Conviction,
    CustodyKind,
    CustodyPeriod,
    Jurisdiction,
    RdapStatus,
    Record,
    RiskAssessment,
    RiskLevel,
    SentenceRelation,
    SupervisionKind,
)
from secondchance.record.terms import Term
from secondchance.record.timeline import timeline

AGG_CITATION = "18 U.S.C. 3584(a), (c)"
AGG_URL = "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title18-section3584"
VERSION = "sentence.aggregate@3584"
_DETENTION = {CustodyKind.pretrial_detention, CustodyKind.federal_custody}
_SERVING = {CustodyKind.federal_custody, CustodyKind.designated_facility}


@dataclass
class Served:
    index: int
    conviction: Conviction
    term: Term
    imposed: date | None
    note: str | None = None
    """How the judgment's terms per count were combined (``law.sentence.counts``)."""
    path: str = ""
    review: tuple[str, ...] = ()
    """Why the judgment's combined term should be checked, and the fields that would settle it
    (``law.sentence.counts``)."""
    missing: tuple[str, ...] = ()


def rdap_claim(record: Record) -> RdapClaim | None:
    """The record's ``rdap`` facts as a claim to the 3621(e) reduction (none when the program
    is not claimed, or a completion day lies after the as-of day and it is not expected)."""
    facts = record.rdap
    if facts is None or facts.status in (None, RdapStatus.not_participating):
        return None
    done = facts.status is RdapStatus.completed
    completed_on = facts.completed_on if done else None
    return RdapClaim(
        completed=done,
        completed_on=completed_on,
        bureau_eligible=facts.bureau_provisionally_eligible,
        exclusions={name: getattr(facts, name) for name, _ in rdap_rules.EXCLUSIONS},
        source="rdap",
    )


def prison_sentences(record: Record) -> list[Served]:
    """Federal convictions with a term of imprisonment, with their index in the record: the
    sentence's term or the terms per count combined, as the shared reading gives them (read once
    per record: the sentence computation and ``fsa.time_credits`` on each day ask; the list is
    shared and must not be changed)."""
    return timeline(record).remembered(_SENTENCES, lambda: _prison_sentences(record))


_SENTENCES = "sentence.prison_sentences"
_AGGREGATES = "sentence.aggregates"


def _prison_sentences(record: Record) -> list[Served]:
    shared = timeline(record)
    found: list[Served] = []
    for index, conv in enumerate(record.convictions):
        if conv.jurisdiction is not Jurisdiction.federal:
            continue
        stated = shared.prison_term(index)
        if stated.term is None or stated.term.is_zero:
            continue
        sentence = conv.sentence
        imposed = (sentence.imposed_on if sentence else None) or conv.sentencing_date
        found.append(
            Served(
                index,
                conv,
                stated.term,
                imposed,
                stated.note,
                stated.path,
                stated.review,
                stated.missing,
            )
        )
    return found


_PRERELEASE = {CustodyKind.residential_reentry_center, CustodyKind.home_confinement}
_HELD = frozenset(_SERVING | _PRERELEASE)
"""Custody serving a term or prerelease custody."""


def commutation_in_force(served: Served, as_of: date) -> tuple[str, Commutation] | None:
    """The latest commutation of the sentence granted on or before ``as_of``, with its path."""
    sentence = served.conviction.sentence
    if sentence is None:
        return None
    granted = [(j, c) for j, c in enumerate(sentence.commutations) if c.granted_on <= as_of]
    if not granted:
        return None
    j, latest = max(granted, key=lambda item: item[1].granted_on)
    return f"convictions[{served.index}].sentence.commutations[{j}]", latest


def custody_ended(record: Record, current: list[Served], as_of: date) -> tuple[date, str] | None:
    """The day the record shows custody for the sentence ended (the latest end of its custody
    from imposition, every period of it closed on or before ``as_of``), with its path."""
    ids = {s.conviction.id for s in current}
    imposed = min((s.imposed for s in current if s.imposed), default=None)
    periods = [
        (i, p)
        for i, p in enumerate(record.custody)
        if (p.conviction_id is None or p.conviction_id in ids)
        and p.kind in _SERVING | _PRERELEASE
        and (p.start is not None or p.end is not None)
        and (imposed is None or p.end is None or p.end >= imposed)
    ]
    if not periods or any(p.end is None or p.end > as_of for _, p in periods):
        return None
    i, last = max(periods, key=lambda item: item[1].end or date.min)
    assert last.end is not None
    return last.end, f"custody[{i}].end"


@dataclass
class Aggregate:
    """The terms of one aggregate term of imprisonment (3584(c)) and its release, if recorded:
    the earlier of the first day of supervised release the record shows for any of its
    convictions and the day after its custody closed (``_custody_closed``)."""

    terms: list[Served]
    released: date | None = None
    """The first day out of prison on the aggregate (None: not released, or not recorded)."""
    released_path: str | None = None
    """``supervision[k].start``, or ``custody[i].end`` when the custody closing released it."""


def _release_of(
    record: Record, terms: list[Served], stray: frozenset[int] = frozenset()
) -> tuple[date, str] | None:
    """The first day out of prison on the terms: supervised release begun for one of their
    convictions, or their custody closed (the day after it), whichever is earlier; custody in
    ``stray`` is not service of them (``stray_custody``)."""
    ids = {s.conviction.id for s in terms if s.conviction.id is not None}
    found = [
        (p.start, f"supervision[{k}].start")
        for k, p in enumerate(record.supervision)
        if p.kind is SupervisionKind.supervised_release
        and p.start is not None
        and p.conviction_id is not None
        and p.conviction_id in ids
    ]
    closed = _custody_closed(record, ids, stray)
    if closed is not None:  # on the same day, the supervised release is named
        found.append((closed[0] + timedelta(days=1), closed[1]))
    return min(found, key=lambda item: (item[0], item[1].startswith("custody")), default=None)


def _custody_closed(
    record: Record, ids: set[str], stray: frozenset[int] = frozenset()
) -> tuple[date, str] | None:
    """The last day of custody on the convictions ``ids``, when the record shows it discharged:
    every serving or prerelease custody period linked to them by ``conviction_id`` is closed,
    and no serving or prerelease period naming no conviction runs on from it (one that starts
    by the day after and ends later, or never, may be the same custody: not discharged). A
    period in ``stray`` (``stray_custody``: not service of the term it names) is left out."""
    linked = [
        (i, p)
        for i, p in enumerate(record.custody)
        if p.conviction_id is not None
        and p.conviction_id in ids
        and p.kind in _HELD
        and i not in stray
    ]
    if not linked or any(p.end is None for _, p in linked):
        return None
    i, last = max(linked, key=lambda item: item[1].end or date.min)
    assert last.end is not None
    for p in record.custody:
        if p.conviction_id is not None or p.kind not in _HELD:
            continue
        starts_by = p.start is None or p.start <= last.end + timedelta(days=1)
        if starts_by and (p.end is None or p.end > last.end):
            return None
    return last.end, f"custody[{i}].end"


@dataclass(frozen=True)
class Stray:
    """A custody period (``custody[index]``) that cannot be service of the term it names."""

    index: int
    served: Served
    latest_end: date
    """The last day the term could run at the latest."""


def stray_custody(record: Record, sentences: list[Served]) -> list[Stray]:
    """Custody periods that cannot be service of the term of the conviction they name: serving
    or prerelease custody linked to the conviction by ``conviction_id`` that begins after a gap
    (an earlier period of the conviction's custody closed, and no custody for it or naming no
    conviction holds the person the day before) and after the last day the term could run at
    the latest (its full term from its latest possible commencement, 18 U.S.C. 3585(a): the
    first day of its custody on or after sentencing; no good conduct time, no prior custody
    credit), when no revocation of the conviction's release is recorded by the period's end
    (``sentence.revocations``: a term imposed on revoking supervised release, 18 U.S.C.
    3583(e)(3), is served after such a gap). Such custody is a revocation not recorded or
    custody for another conviction linked to this one: which, the record does not say."""
    shared = timeline(record)
    if sentences is shared.recall(_SENTENCES):
        return shared.remembered(_STRAY, lambda: _stray_custody(record, sentences))
    return _stray_custody(record, sentences)


_STRAY = "sentence.stray_custody"


def _stray_custody(record: Record, sentences: list[Served]) -> list[Stray]:
    found: list[Stray] = []
    for s in sentences:
        cid = s.conviction.id
        if cid is None or s.imposed is None or s.term.life:
            continue
        sentence = s.conviction.sentence
        revoked = [r.revoked_on for r in sentence.revocations] if sentence else []
        linked = [
            (k, p)
            for k, p in enumerate(record.custody)
            if p.conviction_id == cid and p.kind in _HELD and p.start is not None
        ]
        serving = [p.start for _, p in linked if p.start and (p.end is None or p.end >= s.imposed)]
        if not serving:
            continue
        latest_end = _after(max(min(serving), s.imposed), s.term) - timedelta(days=1)
        for k, p in linked:
            assert p.start is not None
            before = p.start - timedelta(days=1)
            if p.start <= latest_end or not _released_before(record, cid, p.start):
                continue
            if any(q.covers(before) for q in record.custody if _holds(q, cid)):
                continue
            if any(day is None or p.end is None or day <= p.end for day in revoked):
                continue
            found.append(Stray(k, s, latest_end))
    return found


def stray_bearing(record: Record, sentences: list[Served], current: list[Served]) -> list[Stray]:
    """The ``stray_custody`` that bears on the aggregate term of ``current``: linked to one of
    its convictions, or reaching the day its first term was imposed (read as service of the
    term it names, it alone would have kept that term undischarged and joined the two,
    18 U.S.C. 3584(a))."""
    ids = {s.conviction.id for s in current}
    first = min((s.imposed for s in current if s.imposed), default=None)
    return [
        stray
        for stray in stray_custody(record, sentences)
        if stray.served.conviction.id in ids
        or first is None
        or (end := record.custody[stray.index].end) is None
        or end >= first
    ]


@dataclass(frozen=True)
class Revoked:
    """A conviction of a joined aggregate term whose recorded revocation bears on it."""

    served: Served
    revocations: tuple[int, ...]
    """Indexes in ``sentence.revocations`` of the revocations that imposed, or may have
    imposed, prison."""
    custody: tuple[int, ...]
    """Indexes in ``custody`` of the custody read as service of a revocation term."""
    why: str


def revocation_custody(record: Record, served: Served, revoked: list[date | None]) -> list[int]:
    """Custody linked to the conviction that is service of a revocation term rather than of the
    term first imposed: serving or prerelease custody beginning after a gap (an earlier period
    of its custody closed, nothing linked to it or naming no conviction holding the person the
    day before) or on or after the day of a revocation (``revoked``: their dates)."""
    cid = served.conviction.id
    if cid is None:
        return []
    found: list[int] = []
    for k, p in enumerate(record.custody):
        if p.conviction_id != cid or p.kind not in _HELD or p.start is None:
            continue
        before = p.start - timedelta(days=1)
        after_gap = _released_before(record, cid, p.start) and not any(
            q.covers(before) for q in record.custody if _holds(q, cid)
        )
        if after_gap or any(day is not None and day <= p.start for day in revoked):
            found.append(k)
    return found


def revoked_joining(
    record: Record, sentences: list[Served], current: list[Served]
) -> list[Revoked]:
    """Convictions of the aggregate term ``current``, joined with another term, whose recorded
    revocation (one that imposed, or may have imposed, prison; 18 U.S.C. 3583(e)(3), 3565)
    bears on the joining: granted on or before the day another of its terms was imposed (or on
    a day not recorded), or served in custody (``revocation_custody``) that reaches that day,
    or whose revocation custody alone kept the conviction undischarged when that term was
    imposed (its release without that custody, ``_release_of``, came first). A term imposed
    while a revocation term is undischarged joins the revocation term (3584(a), (c)), not the
    term first imposed, which had been served; the revocation term is not computed, so no date
    of the aggregate can be taken from the original terms."""
    found: list[Revoked] = []
    for s in current:
        days = [t.imposed for t in current if t is not s]
        revoked = revocation_terms(s.conviction, date.max)
        if not days or not revoked:
            continue
        held = revocation_custody(record, s, [r.revoked_on for _, r in revoked])
        why: list[str] = []
        if any(
            r.revoked_on is None or any(d is None or r.revoked_on <= d for d in days)
            for _, r in revoked
        ):
            why.append(
                "revoked on or before the day another of its terms was imposed, or on a day not "
                "recorded"
            )
        reaching = [
            k
            for k in held
            if any(
                d is not None
                and (start := record.custody[k].start) is not None
                and start <= d
                and ((end := record.custody[k].end) is None or end >= d)
                for d in days
            )
        ]
        if reaching:
            why.append(
                "custody for a revocation term reaches the day another of its terms was imposed"
            )
        if held:
            left_out = frozenset(held) | frozenset(
                f.index for f in stray_custody(record, sentences)
            )
            alone = _release_of(record, [s], left_out)
            if alone is not None and any(d is None or alone[0] <= d for d in days):
                why.append(
                    "only custody for a revocation term kept it undischarged when another of its "
                    "terms was imposed"
                )
        if why:
            found.append(Revoked(s, tuple(k for k, _ in revoked), tuple(held), "; ".join(why)))
    return found


def _released_before(record: Record, cid: str, day: date) -> bool:
    """Whether a period of custody for conviction ``cid`` closed before ``day``."""
    return any(
        p.conviction_id == cid and p.kind in _HELD and p.end is not None and p.end < day
        for p in record.custody
    )


def _holds(period: CustodyPeriod, cid: str) -> bool:
    """Serving or prerelease custody for conviction ``cid`` or naming no conviction."""
    return period.kind in _HELD and period.conviction_id in (None, cid)


def aggregates(record: Record, sentences: list[Served]) -> list[Aggregate]:
    """The prison sentences grouped into aggregate terms (3584(c)), in order of imposition.

    A term imposed before the aggregate being served is released (the first day of supervised
    release the record shows for any of its convictions, or the day after its custody closed,
    ``_custody_closed``) is part of it: 3584(c) makes the terms one aggregate term, released as
    one, so supervised release recorded against one conviction never takes that conviction out
    of its aggregate. A term imposed on or after that day begins a new aggregate: 3584(a) joins
    a term only to an undischarged one. A term without an imposition date stays with the
    aggregate of the term it is ordered relative to, else with the latest. Custody that is not
    service of the term it names (``stray_custody``) never keeps a term undischarged."""
    stray = frozenset(found.index for found in stray_custody(record, sentences))
    groups: list[list[Served]] = []
    for s in sorted((s for s in sentences if s.imposed is not None), key=_imposed):
        if groups:
            release = _release_of(record, groups[-1], stray)
            assert s.imposed is not None
            if release is None or s.imposed < release[0]:
                groups[-1].append(s)
                continue
        groups.append([s])
    for s in sentences:
        if s.imposed is not None:
            continue
        target = s.conviction.sentence.relative_to if s.conviction.sentence else None
        home = next(
            (g for g in groups if target is not None and any(t.conviction.id == target for t in g)),
            None,
        )
        if home is None:
            if not groups:
                groups.append([])
            home = groups[-1]
        home.append(s)
    found: list[Aggregate] = []
    for group in groups:
        release = _release_of(record, group, stray)
        found.append(
            Aggregate(group, release[0] if release else None, release[1] if release else None)
        )
    return found


def grouped(record: Record, sentences: list[Served]) -> list[Aggregate]:
    """``aggregates``, grouped once per record for the record's own sentences."""
    shared = timeline(record)
    if sentences is shared.recall(_SENTENCES):
        return shared.remembered(_AGGREGATES, lambda: aggregates(record, sentences))
    return aggregates(record, sentences)


def current_aggregate(record: Record, sentences: list[Served], as_of: date) -> Aggregate:
    """The aggregate term being served on ``as_of``: the first not released by then, else the
    latest (released; its dates are shown for comparison)."""
    groups = grouped(record, sentences)
    for group in groups:
        if group.released is None or group.released > as_of:
            return group
    return groups[-1]


def _imposed(s: Served) -> date:
    return s.imposed or date.max


def _add_terms(first: Term, second: Term) -> Term:
    return Term(
        years=first.years + second.years,
        months=first.months + second.months,
        days=first.days + second.days,
    )


def _finding(
    text: str,
    citation: str = AGG_CITATION,
    url: str = AGG_URL,
    paths: dict[str, object] | None = None,
    **used: object,
) -> Finding:
    facts = {**(paths or {}), **used}
    return Finding(finding=text, facts=facts, citation=citation, rule_version=VERSION, url=url)


def _after(start: date, length: Term) -> date:
    """The first day after a term of ``length`` that starts on ``start``."""
    return start + relativedelta(months=length.total_months) + timedelta(days=length.days)


@dataclass
class _Running:
    """The aggregate term formed so far: its end (first day after it), the end reached after
    each conviction, its length in units when it is a sum of terms, and the steps taken."""

    commenced: date
    end: date
    ends: dict[str | None, date]
    units: Term | None
    steps: list[str]
    consecutive_seen: bool = False
    later_concurrent: bool = False


def _aggregate(
    terms: list[Served],
    commenced: date,
    facts_out: list[Finding],
    review: list[str],
    missing: list[str],
) -> Term | None:
    """One aggregate term from the first commencement (3584(a) defaults, 3584(c))."""
    ordered = sorted(terms, key=lambda s: s.imposed or date.max)
    if len(ordered) == 1:
        return ordered[0].term
    if any(s.term.life for s in ordered):
        facts_out.append(_finding("One of the aggregated terms is life: the aggregate is life."))
        return Term(life=True)
    if any(s.imposed is None for s in ordered):
        review.append("several terms, one without its imposition date")
        return None
    base = ordered[0]
    end = _after(commenced, base.term)
    run = _Running(
        commenced, end, {base.conviction.id: end}, base.term, [f"{base.term} from {commenced}"]
    )
    for previous, s in pairwise(ordered):
        sentence = s.conviction.sentence
        relation = sentence.relation if sentence else None
        if relation is None:  # 3584(a): same time -> concurrent; different times -> consecutive
            same_time = s.imposed == previous.imposed
            relation = SentenceRelation.concurrent if same_time else SentenceRelation.consecutive
            _relation_unrecorded(s, previous, relation, facts_out, review, missing)
        if relation is SentenceRelation.consecutive:
            if not _consecutive(run, s, review):
                return None
        else:
            _concurrent(run, s)
        run.ends[s.conviction.id] = run.end
    return _formed(run, len(ordered), facts_out, review)


def _consecutive(run: _Running, s: Served, review: list[str]) -> bool:
    """A consecutive term follows the aggregate so far (False: it names another term)."""
    target = s.conviction.sentence.relative_to if s.conviction.sentence else None
    if target is not None and run.ends.get(target) != run.end:
        review.append(
            f"convictions[{s.index}]: consecutive to a term that is not the end of the "
            "aggregate so far"
        )
        return False
    run.end = _after(run.end, s.term)
    run.units = _add_terms(run.units, s.term) if run.units is not None else None
    run.consecutive_seen = True
    run.steps.append(f"then {s.term} consecutively")
    return True


def _concurrent(run: _Running, s: Served) -> None:
    """A concurrent term runs from the later of commencement and its own imposition; the
    aggregate runs to the later end."""
    assert s.imposed is not None
    own_start = max(run.commenced, s.imposed)
    own_end = _after(own_start, s.term)
    run.steps.append(f"{s.term} concurrently from {own_start.isoformat()}")
    if own_end > run.end:
        if own_start == run.commenced and not run.consecutive_seen:
            run.units = s.term
        else:
            run.units = None
            run.later_concurrent = True
        run.end = own_end


def _formed(run: _Running, count: int, facts_out: list[Finding], review: list[str]) -> Term:
    """The aggregate's length, in units where it is a sum of terms, else in days."""
    total = run.units if run.units is not None else Term(days=(run.end - run.commenced).days)
    if run.units is not None and _after(run.commenced, run.units) < run.end:
        summed = _after(run.commenced, run.units) - timedelta(days=1)
        total = Term(days=(run.end - run.commenced).days)
        review.append(
            f"the terms added in units ({run.units}) end {summed.isoformat()} counted from "
            f"commencement, but {(run.end - timedelta(days=1)).isoformat()} counted term by "
            "term (months of different lengths): the later is used, so no date is too early "
            "(the Sentence Computation Manual's aggregation chapter was not found)"
        )
    facts_out.append(
        _finding(
            f"{count} terms are one aggregate term ({'; '.join(run.steps)}): {total}, "
            f"ending {(run.end - timedelta(days=1)).isoformat()} before prior custody credit."
        )
    )
    if run.later_concurrent:
        review.append(
            "a concurrent term imposed after the first commenced: the aggregate runs to the "
            "later end date and good conduct time is computed on it as one term (working "
            "description; the Sentence Computation Manual's aggregation chapter was not found)"
        )
    return total


def _relation_unrecorded(
    s: Served,
    previous: Served,
    relation: SentenceRelation,
    facts_out: list[Finding],
    review: list[str],
    missing: list[str],
) -> None:
    """Say that a term of several was run by the default of 3584(a), which a statute may
    override: the terms computed stand, but the block needs review."""
    path = f"convictions[{s.index}].sentence.relation"
    assert s.imposed is not None and previous.imposed is not None
    same_time = s.imposed == previous.imposed
    how = "concurrently" if relation is SentenceRelation.concurrent else "consecutively"
    facts_out.append(
        _finding(
            f"{path} is not recorded: the term of {s.term} imposed on {s.imposed.isoformat()} is "
            f"run {how} with the term imposed on {previous.imposed.isoformat()}, the default of "
            "18 U.S.C. 3584(a) for terms imposed "
            + ("at the same time" if same_time else "at different times")
            + " (unless the court orders otherwise"
            + (" or the statute mandates consecutive terms)" if same_time else ")")
            + ". Some statutes mandate a consecutive term (e.g. 18 U.S.C. 924(c), 1028A); "
            "that list is not encoded here, so the judgment and the statute of conviction "
            "decide. Record the relation to settle it.",
            paths={
                path: None,
                f"convictions[{s.index}].sentence.imposed_on": s.imposed.isoformat(),
            },
        )
    )
    review.append(
        f"{path} not recorded: run {how} by the 3584(a) default; some statutes mandate "
        "consecutive terms (e.g. 18 U.S.C. 924(c), 1028A; that list is not encoded)"
    )
    missing.append(path)


def _unknown_terms(record: Record) -> list[str]:
    """The federal prison terms of unknown length (``sentence.imprisonment_length_unknown``)."""
    shared = timeline(record)
    return [
        f"convictions[{i}].sentence.imprisonment is not recorded (a prison term of unknown length)"
        for i, conv in enumerate(record.convictions)
        if conv.jurisdiction is Jurisdiction.federal and shared.prison_term(i).unknown_length
    ]


Span = tuple[date, date]
"""Days from the first to the last, both counted."""


def _union(spans: list[Span]) -> list[Span]:
    """The days of ``spans``, each once, as sorted spans that neither overlap nor touch."""
    merged: list[Span] = []
    for first, last in sorted(spans):
        if merged and first <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def _minus(span: Span, cuts: list[Span]) -> list[Span]:
    """The days of ``span`` outside every one of ``cuts``."""
    left = [span]
    for cut_first, cut_last in cuts:
        kept: list[Span] = []
        for first, last in left:
            if cut_last < first or cut_first > last:
                kept.append((first, last))
                continue
            if first < cut_first:
                kept.append((first, cut_first - timedelta(days=1)))
            if last > cut_last:
                kept.append((cut_last + timedelta(days=1), last))
        left = kept
    return left


def _count(spans: list[Span]) -> int:
    return sum(days_between(first, last) for first, last in spans)


@dataclass
class _Credit:
    """What counting prior custody credit found besides the days: findings, review, missing."""

    findings: list[Finding]
    review: list[str]
    missing: list[str]


def _computed_prior(
    record: Record,
    commenced: date,
    mine: Callable[[str | None], bool],
    offense: tuple[date, str] | None,
    out: _Credit,
) -> int | None:
    """Days of official detention before commencement not credited against another sentence
    (3585(b)), from the custody periods, each day once however many periods hold it; None when
    the record has no such period to count. A day inside any period the record marks credited
    against another sentence is not counted. A period naming no conviction that ended before
    ``offense`` (the earliest offense date known of the aggregate's convictions) is not counted:
    it is neither detention for the offense nor for a charge arrested after its commission
    (3585(b)(1), (2)). A day inside a period of custody for a conviction outside the aggregate
    (a state sentence served meanwhile) is custody for that conviction: it is not counted, and
    the block needs review (only if that custody was not credited against its sentence could
    the day count)."""
    before = commenced - timedelta(days=1)
    elsewhere = [
        (k, p.start, min(p.end or before, before))
        for k, p in enumerate(record.custody)
        if p.credited_to_other_sentence and p.start is not None and p.start < commenced
    ]
    other_conviction = [
        (k, p.start, min(p.end or before, before))
        for k, p in enumerate(record.custody)
        if p.conviction_id is not None
        and not mine(p.conviction_id)
        and not p.credited_to_other_sentence
        and p.start is not None
        and p.start < commenced
    ]
    prior: int | None = None
    counted: list[Span] = []
    for i, period in enumerate(record.custody):
        if period.start is None or period.start >= commenced or not mine(period.conviction_id):
            continue
        if period.kind in _DETENTION:
            prior = prior or 0
            if period.credited_to_other_sentence:
                continue
        elif period.kind is CustodyKind.state_custody:
            prior = prior or 0
            if period.credited_to_other_sentence is None:
                out.missing.append(f"custody[{i}].credited_to_other_sentence")
                continue
            if period.credited_to_other_sentence:
                continue
        else:
            continue
        if _before_offense(i, period.conviction_id, period.end, offense, out):
            continue
        span = (period.start, min(period.end or before, before))
        cuts = [(first, last) for k, first, last in elsewhere if k != i and first <= last]
        kept = _minus(span, cuts)
        if _count(kept) < _count([span]):
            _credited_elsewhere(i, period.credited_to_other_sentence, span, kept, elsewhere, out)
        counted += _outside_other_custody(i, kept, other_conviction, record, out)
    if prior is None:
        return None
    days = _count(_union(counted))
    if days < _count(counted):
        out.findings.append(
            _finding(
                f"Custody periods before commencement overlap: {_count(counted)} days listed "
                f"are {days} days, each day counted once (credit is for the time spent in "
                "official detention, 18 U.S.C. 3585(b)).",
                citation="18 U.S.C. 3585(b)",
                url=term.URL,
            )
        )
    return prior + days


def _before_offense(
    i: int,
    conviction_id: str | None,
    end: date | None,
    offense: tuple[date, str] | None,
    out: _Credit,
) -> bool:
    """A period naming no conviction that ended before the earliest known offense date."""
    if conviction_id is not None or offense is None or end is None or end >= offense[0]:
        return False
    out.findings.append(
        _finding(
            f"custody[{i}] names no conviction and ended on {end.isoformat()}, before the "
            f"earliest offense date of the aggregate term's convictions ({offense[0].isoformat()}, "
            f"{offense[1]}): it is neither detention for that offense nor for a charge on which "
            "the person was arrested after its commission, so it is not credited "
            "(18 U.S.C. 3585(b)(1), (2)).",
            citation="18 U.S.C. 3585(b)",
            url=term.URL,
            paths={f"custody[{i}].end": end.isoformat(), offense[1]: offense[0].isoformat()},
        )
    )
    return True


def _credited_elsewhere(
    i: int,
    stated: bool | None,
    span: Span,
    kept: list[Span],
    elsewhere: list[tuple[int, date, date]],
    out: _Credit,
) -> None:
    """Say that days of custody period ``i`` lie in custody credited to another sentence."""
    dropped = _count([span]) - _count(kept)
    others = ", ".join(
        f"custody[{k}]"
        for k, first, last in elsewhere
        if k != i and _minus(span, [(first, last)]) != [span]
    )
    out.findings.append(
        _finding(
            f"{dropped} days of custody[{i}] lie within {others}, credited against another "
            'sentence: they are not credited again (18 U.S.C. 3585(b): only time "that has not '
            'been credited against another sentence").',
            citation="18 U.S.C. 3585(b)",
            url=term.URL,
            paths={f"custody[{i}].credited_to_other_sentence": stated},
        )
    )
    if stated is False:
        out.review.append(
            f"custody[{i}].credited_to_other_sentence is false, but {dropped} of its days lie "
            f"within {others}, credited against another sentence: those days are not credited; "
            "18 U.S.C. 3585(b)"
        )


def _outside_other_custody(
    i: int,
    kept: list[Span],
    other_conviction: list[tuple[int, date, date]],
    record: Record,
    out: _Credit,
) -> list[Span]:
    """The days of ``kept`` (of custody period ``i``) outside every period of custody for a
    conviction outside the aggregate; the days left out are said, and need review."""
    cuts = [(k, first, last) for k, first, last in other_conviction if k != i and first <= last]
    left: list[Span] = []
    for span in kept:
        left += _minus(span, [(first, last) for _, first, last in cuts])
    dropped = _count(kept) - _count(left)
    if dropped == 0:
        return left
    others = ", ".join(
        f"custody[{k}] ({record.custody[k].conviction_id})"
        for k, first, last in cuts
        if any(_minus(span, [(first, last)]) != [span] for span in kept)
    )
    out.findings.append(
        _finding(
            f"{dropped} days of custody[{i}] lie within {others}, custody for a conviction "
            "outside this term: they are taken as credited against that sentence and not "
            'credited again (18 U.S.C. 3585(b): only time "that has not been credited against '
            'another sentence").',
            citation="18 U.S.C. 3585(b)",
            url=term.URL,
            paths={f"custody[{i}].credited_to_other_sentence": None},
        )
    )
    out.review.append(
        f"{dropped} days of custody[{i}] lie within {others}, custody for another conviction: "
        "they are not counted as prior custody credit; if that sentence was not credited with "
        "them, the dates would be earlier; 18 U.S.C. 3585(b)"
    )
    out.missing.append(f"custody[{i}].credited_to_other_sentence")
    return left


def _earliest_offense(current: list[Served]) -> tuple[date, str] | None:
    """The earliest offense date recorded for the convictions of the aggregate, with its path."""
    found = [
        (day, f"convictions[{s.index}].{name}")
        for s in current
        for name, day in [
            ("offense_date", s.conviction.offense_date),
            *(
                (f"counts[{j}].offense_date", c.offense_date)
                for j, c in enumerate(s.conviction.counts)
            ),
        ]
        if day is not None
    ]
    return min(found) if found else None


def _prior_custody(
    record: Record,
    current: list[Served],
    commenced: date,
    mine: Callable[[str | None], bool],
    findings: list[Finding],
    review: list[str],
    missing: list[str],
) -> int:
    """Prior custody credit (3585(b)): counted from the custody periods; else the Bureau's
    stated figure (``sentence.prior_custody_credit_days``); both given and different, the
    counted figure is used and the block needs review."""
    out = _Credit(findings, review, missing)
    computed = _computed_prior(record, commenced, mine, _earliest_offense(current), out)
    stated = [
        (f"convictions[{s.index}].sentence.prior_custody_credit_days", days)
        for s in current
        if s.conviction.sentence is not None
        and (days := s.conviction.sentence.prior_custody_credit_days) is not None
    ]
    if computed:
        findings.append(
            _finding(
                f"{computed} days of official detention before commencement, not credited "
                "against another sentence, count as prior custody credit.",
                citation="18 U.S.C. 3585(b)",
                url=term.URL,
            )
        )
    if not stated:
        return computed or 0
    figures = {days for _, days in stated}
    paths: dict[str, object] = {path: days for path, days in stated}
    if computed is None and len(figures) == 1:
        days = figures.pop()
        findings.append(
            _finding(
                f"The Bureau of Prisons states {days} days of prior custody credit; the record "
                "gives no custody before commencement to count them from, so the stated figure "
                "is used (credit for official detention before the sentence commences, "
                "18 U.S.C. 3585(b)).",
                citation="18 U.S.C. 3585(b)",
                url=term.URL,
                paths=paths,
            )
        )
        return days
    if computed is not None and figures == {computed}:
        return computed
    shown = ", ".join(f"{days} days ({path})" for path, days in stated)
    review.append(
        f"prior custody credit: the Bureau states {shown}, but "
        + (
            f"the custody periods give {computed} days (the counted figure is used)"
            if computed is not None
            else "the stated figures differ (none is used)"
        )
        + "; 18 U.S.C. 3585(b)"
    )
    return computed or 0


def _streak_day(assessments: list[RiskAssessment]) -> date | None:
    """The day of the second assessment of the current run of minimum/low assessments (the
    day from which 28 CFR 523.42(c)(2) gives the additional days), or None."""
    low = {RiskLevel.minimum, RiskLevel.low}
    run: list[date] = []
    for item in sorted(assessments, key=lambda a: a.assessed_on):
        run = [*run, item.assessed_on] if item.level in low else []
    return streak_day(run)


def facts_from_record(record: Record, as_of: date) -> SentenceFacts | str | None:
    """The facts of the person's current aggregate term; None when the record has no federal
    prison sentence; a string naming why when they cannot be gathered (``gather.facts_of``)."""
    from secondchance.law.sentence.gather import facts_of

    return facts_of(record, as_of)
