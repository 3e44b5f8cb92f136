"""Facts clemency rules share: which convictions the President's clemency reaches, when a person
was released from confinement, whether a conviction is already pardoned, and the dates a
waiting period ends.

The President's clemency power reaches federal offenses, including D.C. Code offenses tried in
the Superior Court of the District of Columbia, and court-martial convictions (U.S. Const.
art. II, sec. 2; the Office of the Pardon Attorney's pardon and commutation pages). State
convictions are outside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Hashable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

from dateutil.relativedelta import relativedelta

from secondchance.law.clemency.revocation import (
    after_revocations,
    completed,
    ended_short,
    revocation_terms,
    unexplained,
)
from secondchance.law.parameters import value
from secondchance.record.schema import (
    ChallengeKind,
    ClemencyGrant,
    Commutation,
    Conviction,
    CustodyKind,
    CustodyPeriod,
    Jurisdiction,
    PersonRecord,
    Sentence,
    SentenceRelation,
    SupervisionKind,
)
from secondchance.record.terms import Term
from secondchance.record.timeline import SERVING, timeline
from secondchance.record.timeline import grant_covers as grant_covers
from secondchance.record.unrecorded import (
    unrecorded_supervised_release as shared_supervised_release,
)

FEDERAL = (Jurisdiction.federal, Jurisdiction.dc)
"""Offenses the Office of the Pardon Attorney handles (28 CFR 1.1; its commutation page)."""

T = TypeVar("T")


def per_conviction(
    record: PersonRecord, index: int, conviction: Conviction, key: Hashable, make: Callable[[], T]
) -> T:
    """``make()`` once per record for conviction ``index`` and ``key`` (several programs, or
    several days, ask for the same fact); computed afresh for an object that is not the record's
    conviction ``index`` (such as a charge read as a conviction). The value is shared: callers
    must not change it."""
    convictions = record.convictions
    if not 0 <= index < len(convictions) or convictions[index] is not conviction:
        return make()
    return timeline(record).remembered((key, index), make)


def per_conviction_found(
    record: PersonRecord, conviction: Conviction, key: Hashable, make: Callable[[], T]
) -> T:
    """:func:`per_conviction` for a conviction given without its index (found by identity;
    computed afresh for an object that is none of the record's convictions)."""
    shared = timeline(record)
    index = shared.conviction_index(conviction)
    if index is None:
        return make()
    return shared.remembered((key, index), make)


def add_years(day: date, years: int) -> date:
    """The anniversary ``years`` after ``day``; from February 29 the anniversary in a common year
    is March 1, so that at least the full number of years has passed."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def convicted_by(conviction: Conviction, day: date) -> bool:
    """A conviction exists on ``day`` unless its recorded date is later (an unknown date counts)."""
    return conviction.conviction_date is None or conviction.conviction_date <= day


def indexed(record: PersonRecord, day: date, *kinds: Jurisdiction) -> list[tuple[int, Conviction]]:
    """The convictions of the given jurisdictions entered by ``day``, with their index."""
    return [
        (i, c)
        for i, c in enumerate(record.convictions)
        if c.jurisdiction in kinds and (c.conviction_date is None or c.conviction_date <= day)
    ]  # convicted_by, written out: this is read many times per answer


def with_article(word: str | None) -> str:
    """The word with its indefinite article: 'an Ohio', 'a Texas' (by the first letter; 'an'
    before a vowel letter)."""
    text = word or "unnamed"
    return f"{'an' if text[:1].lower() in 'aeiou' else 'a'} {text}"


def label(index: int, conviction: Conviction) -> str:
    name = f"convictions[{index}]"
    return f"{name} ({conviction.id})" if conviction.id else name


# --- grants already in the record --------------------------------------------------------------


def grant_name(grant: ClemencyGrant) -> str:
    who = f" by {grant.by}" if grant.by else ""
    source = f" ({grant.proclamation})" if grant.proclamation else ""
    return f"{grant.kind.value} granted {grant.granted_on.isoformat()}{who}{source}"


def recorded_pardon(
    record: PersonRecord, conviction: Conviction, day: date
) -> ClemencyGrant | None:
    """The first individual pardon in ``record.clemency`` granted on or before ``day`` that covers
    the whole conviction (the shared reading, ``record.timeline``). A grant naming a proclamation
    covers only the counts that proclamation can cover (``certificates.grant_reaches``), so it
    is not one of these."""
    found = timeline(record).pardon_of(conviction, day)
    return found[1] if found else None


def contradicted_pardons(
    record: PersonRecord, convictions: list[tuple[int, Conviction]], day: date
) -> list[str]:
    """Each pardon granted by ``day`` that names one of ``convictions`` although the conviction,
    or an offense of it, is recorded after the grant (``record.timeline``): the record contradicts
    itself, since a pardon reaches only offenses committed before it; said for review."""
    shared = timeline(record)
    return [
        f"clemency[{k}] ({grant_name(grant)}) names {label(i, conviction)}, but the conviction or "
        f"an offense of it is recorded after the grant (convictions[{i}].conviction_date, "
        "offense_date): a pardon reaches only offenses committed before it, so the record "
        "contradicts itself and the pardon is not read as covering it"
        for i, conviction in convictions
        for k, grant in shared.contradicted(conviction, day)
    ]


@dataclass(frozen=True)
class ImposedSupervision:
    """A supervised release term the sentence imposed, with no supervision recorded for it,
    that may still run on the day asked."""

    text: str
    ends: date | None
    """The first day after the term, counted from the release (None: release not known)."""


def unrecorded_supervised_release(
    record: PersonRecord, i: int, conviction: Conviction, release: date | None, on: date
) -> ImposedSupervision | None:
    """The supervised release term the judgment imposed (``sentence.supervised_release``) when it
    may still run on ``on`` with no supervision period recorded for the conviction: the shared
    reading (:func:`secondchance.record.unrecorded.unrecorded_supervised_release`, the SBA's
    too), from ``release``. The term begins on release from imprisonment (18 U.S.C. 3624(e)), so
    it runs to ``release`` plus the term (extended by later imprisonment, 3624(e)), or the new
    term a revocation imposed (3583(h)), and may run on any day where the release is not known.
    One reading for both petitions."""
    found = shared_supervised_release(record, i, on, release)
    if found is None:
        return None
    ends = found.ends
    if ends:
        running = f"to {(ends - timedelta(days=1)).isoformat()}"
    else:
        running = "its end not known" if found.start else "from a release not known"
    why = f"; {found.why}" if found.why else ""
    term = found.term if found.term is not None else "a term not recorded"
    return ImposedSupervision(
        f"{label(i, conviction)}: the supervised release term imposed ({term}) runs from "
        f"release from imprisonment ({running}) unless ended early, and no supervision period is "
        f"recorded for it (supervision[]{why})",
        ends,
    )


def commutations(conviction: Conviction, day: date) -> list[Commutation]:
    """Commutations of this conviction's sentence granted on or before ``day``, oldest first."""
    if conviction.sentence is None or not conviction.sentence.commutations:
        return []
    return sorted(
        (c for c in conviction.sentence.commutations if c.granted_on <= day),
        key=lambda c: c.granted_on,
    )


@dataclass(frozen=True)
class Penalty:
    """A fine or restitution imposed on a conviction, and what is still owed (None: not
    recorded)."""

    kind: str
    """'fine' or 'restitution'."""
    imposed: float | None
    owed: float | None
    path: str
    """The record path of the amount owed, e.g. ``convictions[0].sentence.fine_owed``."""


def penalties(
    index: int, conviction: Conviction, day: date, stated: Collection[str] = frozenset()
) -> list[Penalty]:
    """The fine and restitution of a conviction's sentence, unless a commutation granted by
    ``day`` remitted them (``fine_restitution_kept: false``). An amount owed that the record
    states unknown (``stated``: the record's ``unknown`` field paths, format 1.2) is a penalty
    whose payment is not recorded, even where no amount imposed is recorded: the person was
    asked whether any is owed and does not know, so it is never read as none."""
    sentence = conviction.sentence
    if sentence is None:
        return []
    if any(c.fine_restitution_kept is False for c in commutations_of(sentence, day)):
        return []
    path = f"convictions[{index}].sentence"
    return [
        Penalty(kind, imposed, owed, f"{path}.{kind}_owed")
        for kind, imposed, owed in (
            ("fine", sentence.fine, sentence.fine_owed),
            ("restitution", sentence.restitution, sentence.restitution_owed),
        )
        if imposed or owed or f"{path}.{kind}_owed" in stated
    ]


def commutations_of(sentence: Sentence, day: date) -> list[Commutation]:
    return [c for c in sentence.commutations if c.granted_on <= day]


# --- confinement ---------------------------------------------------------------------------------


@dataclass
class Confinement:
    """What the record says about a conviction's prison sentence and release."""

    prison: bool | None
    """A prison sentence was imposed (None: the record does not say)."""
    release: date | None = None
    """The day of release from confinement (actual, or projected when in the future)."""
    source: str = ""
    confined_on_day: bool = False
    """Custody has started and the day is before the release."""
    not_begun: date | None = None
    """Custody for the sentence starts after the day asked: the sentence is not yet served."""
    missing: list[str] = field(default_factory=list)
    life: bool = False
    unsure: list[str] = field(default_factory=list)
    """Custody starts not recorded that leave open whether custody had begun by the day (the
    shared timeline's ``in_custody`` is unknown): in confinement, or not yet begun."""
    note: str | None = None
    """How the judgment's terms per count make its term (18 U.S.C. 3584(a)), when they do."""
    revocation: list[str] = field(default_factory=list)
    """What would date the release from a revocation term (its date, its custody's end)."""
    completed: bool = False
    """The record states the sentence completed, on a date not recorded."""
    contradiction: str | None = None
    """The record contradicts itself on the release (``missing``: the facts in conflict): a
    sentence without prison but custody serving a sentence recorded after it (a revocation not
    recorded, or a sentence recorded wrong); or a commutation releasing before its grant."""
    short: str | None = None
    """Why the last custody recorded cannot be the release from the term (it ends before the
    term could have ended): the release is not known."""


def _unlinked(record: PersonRecord, military: bool) -> list[tuple[int, CustodyPeriod]]:
    """Custody periods naming no conviction, of the kind a conviction of that kind serves
    (military custody for a court-martial; otherwise federal custody, not state custody).
    Pretrial detention is left out: it is not service of a sentence."""
    return [
        (i, p)
        for i, p in enumerate(record.custody)
        if p.conviction_id is None
        and p.kind is not CustodyKind.pretrial_detention
        and p.kind is not CustodyKind.state_custody
        and (p.kind is CustodyKind.military_custody) == military
    ]


def _group(conviction: Conviction) -> tuple[Jurisdiction, ...]:
    """The convictions whose custody is alike: federal and D.C. together (both served in the
    Bureau of Prisons' custody), court-martial apart, state apart."""
    return FEDERAL if conviction.jurisdiction in FEDERAL else (conviction.jurisdiction,)


def aggregate(record: PersonRecord, conviction: Conviction) -> list[Conviction]:
    """:func:`aggregate_uncached`, once per record and conviction."""
    return list(
        per_conviction_found(
            record, conviction, "aggregate", lambda: tuple(aggregate_uncached(record, conviction))
        )
    )


def aggregate_uncached(record: PersonRecord, conviction: Conviction) -> list[Conviction]:
    """The federal and D.C. convictions whose prison terms form one aggregate term with this
    one: those joined to it through ``sentence.relative_to`` (concurrent or consecutive), in
    either direction and transitively, the conviction itself first. Multiple terms ordered to
    run consecutively or concurrently "shall be treated for administrative purposes as a single,
    aggregate term of imprisonment" (18 U.S.C. 3584(c)), so custody and supervision recorded
    for one of them is the aggregate's. A court-martial or state conviction is not joined."""
    if conviction.id is None or conviction.jurisdiction not in FEDERAL:
        return [conviction]
    by_id = {c.id: c for c in record.convictions if c.id is not None and c.jurisdiction in FEDERAL}
    links: dict[str, set[str]] = {key: set() for key in by_id}
    for key, c in by_id.items():
        other = c.sentence.relative_to if c.sentence else None
        if other is not None and other in by_id and other != key:
            links[key].add(other)
            links[other].add(key)
    seen = [conviction.id]
    reached = {conviction.id}
    for key in seen:  # breadth first; ``reached`` keeps the walk linear
        fresh = sorted(links.get(key, set()) - reached)
        reached.update(fresh)
        seen += fresh
    return [by_id.get(key, conviction) for key in seen]


def aggregate_ids(record: PersonRecord, conviction: Conviction) -> set[str]:
    """The ids of :func:`aggregate` (empty for a conviction without an id)."""
    return {c.id for c in aggregate(record, conviction) if c.id is not None}


def only_of_kind(record: PersonRecord, conviction: Conviction) -> bool:
    """The conviction (with the convictions of its aggregate term, 18 U.S.C. 3584(c)) is the
    record's only one of its group (federal/D.C., or military); read once per record and
    conviction."""
    return per_conviction_found(
        record, conviction, "only_of_kind", lambda: _only_of_kind(record, conviction)
    )


def _only_of_kind(record: PersonRecord, conviction: Conviction) -> bool:
    group = _group(conviction)
    joined = {id(c) for c in aggregate(record, conviction)}
    return all(id(c) in joined for c in record.convictions if c.jurisdiction in group)


def custody_for(
    record: PersonRecord, conviction: Conviction, joined: bool = True
) -> list[tuple[int, CustodyPeriod]]:
    """:func:`custody_for_uncached`, once per record, conviction and ``joined``."""
    return list(
        per_conviction_found(
            record,
            conviction,
            ("custody_for", joined),
            lambda: tuple(custody_for_uncached(record, conviction, joined)),
        )
    )


def custody_for_uncached(
    record: PersonRecord, conviction: Conviction, joined: bool = True
) -> list[tuple[int, CustodyPeriod]]:
    """Custody periods that belong to a conviction: those naming it or (``joined``) a conviction
    of its aggregate term (18 U.S.C. 3584(c), :func:`aggregate`) and, when it (with its
    aggregate) is the record's only federal/D.C. conviction (or only court-martial conviction),
    those naming none (pretrial detention apart). A state conviction gets only the periods
    naming it."""
    ids = aggregate_ids(record, conviction) if joined else {conviction.id} - {None}
    named = [(i, p) for i, p in enumerate(record.custody) if p.conviction_id in ids]
    group = _group(conviction)
    alone = (
        only_of_kind(record, conviction)
        if joined
        else sum(1 for c in record.convictions if c.jurisdiction in group) == 1
    )
    if conviction.jurisdiction is Jurisdiction.state or not alone:
        return named
    unlinked = _unlinked(record, conviction.jurisdiction is Jurisdiction.military)
    return sorted(named + unlinked, key=lambda ip: ip[0])


def unattributed_custody(record: PersonRecord, day: date) -> list[tuple[int, CustodyPeriod]]:
    """Federal custody naming no conviction (pretrial detention apart), begun by ``day``, when
    the record has several federal/D.C. convictions not all of one aggregate term: which
    sentence it served is not recorded."""
    federal = [c for c in record.convictions if c.jurisdiction in FEDERAL]
    if not federal or only_of_kind(record, federal[0]):
        return []
    return [(i, p) for i, p in _unlinked(record, False) if p.start is None or p.start <= day]


def _not_begun(
    record: PersonRecord, periods: list[tuple[int, CustodyPeriod]], day: date
) -> date | None:
    """The first custody start, when every recorded custody period starts after ``day`` (the
    shared reading, ``Timeline.custody_begun``)."""
    begun = timeline(record).custody_begun([i for i, _ in periods], day)
    if begun.begun is not False or begun.first is None:
        return None
    return record.custody[begun.first].start


def _release_missing(record: PersonRecord, path: str, conviction: Conviction) -> list[str]:
    """What would date the release: a custody period for the conviction and its end, or a
    commutation's release date. A conviction with no id is named by its index; with several
    federal/D.C. convictions a period can name it only once it has an id."""
    joined = sorted(aggregate_ids(record, conviction) - {conviction.id or ""})
    if conviction.id is not None and joined:
        custody = [
            f"custody[] (a period with conviction_id {conviction.id} or {', '.join(joined)}, "
            "one aggregate term by sentence.relative_to, and its end)"
        ]
    elif conviction.id is not None:
        custody = [f"custody[] (a period with conviction_id {conviction.id}, and its end)"]
    elif only_of_kind(record, conviction):
        custody = [f"custody[] (a period for {path}, and its end)"]
    else:
        custody = [f"{path}.id", f"custody[] (a period naming {path} by its id, and its end)"]
    return [*custody, f"{path}.sentence.commutations[].new_release_date"]


def _whose(conviction: Conviction, period: CustodyPeriod) -> str:
    """Why a custody period naming another conviction, or none, is this conviction's."""
    if period.conviction_id is None:
        return (
            "; that period names no conviction and is taken as this one's, the record's only "
            "conviction (or aggregate term) of its kind"
        )
    if period.conviction_id != conviction.id:
        return (
            f"; that period names {period.conviction_id}, whose sentence is joined to this one's "
            "through sentence.relative_to: multiple terms are administered as a single, "
            "aggregate term of imprisonment (18 U.S.C. 3584(c))"
        )
    return ""


def unsure_text(paths: list[str], day: date) -> str:
    """The one wording, for every clemency program, of custody whose start is not recorded."""
    return (
        f"Whether custody had begun by {day.isoformat()} is not recorded ({', '.join(paths)}): "
        "the person is in confinement, or the prison sentence has not yet begun"
    )


def _began(
    record: PersonRecord, periods: list[tuple[int, CustodyPeriod]], day: date
) -> tuple[bool, list[str]]:
    """Whether custody for the sentence had begun by ``day`` (the shared reading,
    ``Timeline.custody_begun``: a period begun on or before it), and else the starts not
    recorded that leave it open."""
    begun = timeline(record).custody_begun([i for i, _ in periods], day)
    return begun.begun is True, list(begun.unsure)


def confinement(record: PersonRecord, index: int, conviction: Conviction, day: date) -> Confinement:
    """:func:`confinement_uncached`, once per record, conviction and day (the pardon and
    commutation petitions both read it); the value is shared and must not be changed."""
    return per_conviction(
        record,
        index,
        conviction,
        ("confinement", day),
        lambda: confinement_uncached(record, index, conviction, day),
    )


def confinement_uncached(
    record: PersonRecord, index: int, conviction: Conviction, day: date
) -> Confinement:
    """Whether a prison sentence was imposed and when the person was (or will be) released.

    The day of release is the release date a commutation set, or else the ``end`` of the last
    custody recorded for the conviction: the record format's ``end`` is the last day in custody,
    which for a release from prison is the day of release. Prerelease custody (a re-entry
    centre, home confinement) is part of the term of imprisonment and so still confinement. The
    person is confined on a day only once custody has started and before the day of release.
    """
    path = f"convictions[{index}]"
    stated = timeline(record).prison_term(index)
    sentence = conviction.sentence
    if sentence is None and stated.term is None:
        return Confinement(prison=None, missing=[f"{path}.sentence"])
    imprisonment = stated.term
    revoked = revocation_terms(conviction, day)
    no_term = imprisonment is None or imprisonment.is_zero
    if no_term and not stated.unknown_length and not revoked:
        assert sentence is not None
        other = sentence.probation or sentence.fine is not None or sentence.restitution is not None
        if imprisonment is not None or other:
            conf = _without_prison(record, path, conviction)
            short = ended_short(record, index, conviction, day)
            if short is not None and conf.contradiction is None:
                return Confinement(prison=None, missing=short[0], short=short[1])
            return conf
        return Confinement(prison=None, missing=[f"{path}.sentence.imprisonment"])
    conf = _served(record, path, conviction, day, imprisonment)
    conf.note = stated.note
    conf = after_revocations(record, index, conviction, day, conf)
    short = ended_short(record, index, conviction, day)
    if short is not None and conf.release is not None:
        conf = unexplained(conf, *short)
    if sentence is not None and sentence.completed:
        conf = completed(conf)
    return conf


def _without_prison(record: PersonRecord, path: str, conviction: Conviction) -> Confinement:
    """A sentence without a term of imprisonment. Custody that is service of a sentence
    (``record.timeline.SERVING``; court-martial confinement for a court-martial), recorded for
    the conviction and begun after it (or on a day not recorded), contradicts it: a revocation
    imposing prison that the record does not give (18 U.S.C. 3565), or a sentence recorded
    wrong. The wait then cannot be said to run from the conviction (28 CFR 1.2)."""
    kinds = (
        (CustodyKind.military_custody,)
        if conviction.jurisdiction is Jurisdiction.military
        else SERVING
    )
    convicted = conviction.conviction_date
    found = [
        k
        for k, p in custody_for(record, conviction)
        if p.kind in kinds and (p.start is None or convicted is None or p.start >= convicted)
    ]
    conf = Confinement(prison=False, source=f"{path}.sentence (no term of imprisonment)")
    if found:
        conf.contradiction = (
            f"{path}.sentence imposes no term of imprisonment, yet custody serving a sentence is "
            f"recorded for it after the conviction ({', '.join(f'custody[{k}]' for k in found)}): "
            "a revocation imposing prison that is not recorded "
            f"({path}.sentence.revocations), or a sentence recorded wrong. Which it is decides "
            "whether the wait runs from the conviction or from release from that confinement"
        )
        conf.missing = [f"{path}.sentence.revocations"]
    return conf


def _served(
    record: PersonRecord, path: str, conviction: Conviction, day: date, term: Term | None
) -> Confinement:
    """The release from a prison term, read from commutations and custody (``confinement``).

    Pretrial detention is not service of the sentence (it is at most credit toward it, 18
    U.S.C. 3585(b)): its end is never the release from confinement. Custody ending before the
    term could end (:func:`earliest_end`), or ending a life term (no good conduct time,
    3624(b)) with no commutation or parole recorded, is not the release: it is not known.
    Detention still open on the day keeps the person confined, the release not yet known.
    A commutation to a new prison term (:func:`commuted_term`) granted by the day replaces the
    term imposed for these checks; for a release already recorded, only one granted by that
    release (a later one cannot explain it)."""
    imposed_term = term
    term = commuted_term(conviction, day, term)
    life = term is not None and term.life
    commuted = [c for c in commutations(conviction, day) if c.new_release_date]
    every = custody_for(record, conviction)
    periods = [(i, p) for i, p in every if p.kind is not CustodyKind.pretrial_detention]
    detained = [
        i
        for i, p in every
        if p.kind is CustodyKind.pretrial_detention and timeline(record).in_custody(i, day)
    ]
    not_begun = _not_begun(record, periods, day)
    began, unsure = _began(record, periods, day)
    if commuted:
        last = commuted[-1]
        assert last.new_release_date is not None
        if last.new_release_date < last.granted_on:
            return _released_before_grant(path, conviction, last, life, not_begun)
        commuted_release = last.new_release_date
        held = [
            i
            for i, p in periods
            if p.end is None and (p.start is None or p.start <= commuted_release)
        ]
        if held and conditional(last.terms):
            return Confinement(
                prison=True,
                confined_on_day=began,
                unsure=unsure,
                not_begun=not_begun,
                missing=[f"custody[{i}].end" for i in held],
                short=f"the commutation's terms state a condition ({last.terms!r}), and custody "
                "begun before the commuted release has no recorded end: whether the condition "
                "was met and the commutation took effect is not recorded",
            )
        return _after_commutation(
            record, path, commuted_release, periods, day, began, unsure, not_begun
        )
    if not periods:
        return Confinement(
            prison=True,
            life=life,
            confined_on_day=bool(detained),
            missing=_release_missing(record, path, conviction),
        )
    open_ended = [i for i, p in periods if p.end is None]
    if open_ended:
        ends = [f"custody[{i}].end" for i in open_ended]
        return Confinement(
            prison=True,
            confined_on_day=began,
            unsure=unsure,
            not_begun=not_begun,
            life=life,
            missing=_life_release(path, conviction) + ends * _paroled_ever(conviction)
            if life
            else ends,
        )
    last_index, last_period = max(periods, key=lambda ip: ip[1].end or date.min)
    assert last_period.end is not None
    term = commuted_term(conviction, min(day, last_period.end), imposed_term)
    life = term is not None and term.life
    parole = _parole(record, path, conviction) if life else None
    if parole is not None and parole.contradiction:
        return Confinement(
            prison=True,
            life=True,
            not_begun=not_begun,
            missing=parole.missing,
            contradiction=parole.contradiction,
        )
    if parole is not None and not parole.paroled:
        return Confinement(
            prison=True,
            life=True,
            confined_on_day=began and day < last_period.end,
            unsure=unsure if day < last_period.end else [],
            not_begun=not_begun,
            missing=[
                f"custody[{last_index}].end",
                f"{path}.sentence.commutations",
                *parole.missing,
            ],
            short=f"the last custody recorded for it ends {last_period.end.isoformat()} "
            f"(custody[{last_index}]), yet the term is life imprisonment, which earns no good "
            "conduct time and has no end by serving it (18 U.S.C. 3624(b)); no commutation, "
            "sentence reduction or parole is recorded that would explain the release, so the "
            "release from confinement is not known" + parole.why,
        )
    earliest = per_conviction_found(
        record,
        conviction,
        ("earliest_end", term),
        lambda: earliest_end(
            conviction, term, [p for _, p in every], alone=_custody_bounds_apply(record, conviction)
        ),
    )
    if earliest is not None and last_period.end < earliest:
        return Confinement(
            prison=True,
            life=life,
            confined_on_day=began and day < last_period.end,
            unsure=unsure if day < last_period.end else [],
            not_begun=not_begun,
            missing=[f"custody[{last_index}].end", f"{path}.sentence.commutations"],
            short=f"the last custody recorded for it ends {last_period.end.isoformat()} "
            f"(custody[{last_index}]), before the term of {term} could have ended (not before "
            f"{earliest.isoformat()}, taking off the most good conduct time, First Step Act "
            "transfer to supervised release and drug-program reduction the law allows, "
            "no more than the time in custody could earn); "
            "no commutation or other release is recorded, so the release from confinement is "
            "not known (a court's sentence reduction under 18 U.S.C. 3582(c) amends the "
            "judgment: record the reduced term as the sentence's imprisonment)"
            + _reduction_sought(record, conviction, last_period.end),
        )
    return Confinement(
        prison=True,
        release=last_period.end,
        source=f"custody[{last_index}].end, the day of release" + _whose(conviction, last_period),
        confined_on_day=began and day < last_period.end,
        unsure=unsure if day < last_period.end else [],
        not_begun=not_begun,
    )


def _reduction_sought(record: PersonRecord, conviction: Conviction, end: date) -> str:
    """Words naming a motion to reduce the sentence (18 U.S.C. 3582(c)) recorded for the
    conviction and resolved by ``end``: a reduction granted may explain the early release, but
    the record does not say what the court ordered."""
    found = [
        k
        for k, c in enumerate(record.court_challenges)
        if c.kind is ChallengeKind.sentence_reduction
        and c.conviction_id is not None
        and c.conviction_id == conviction.id
        and c.resolved_on is not None
        and c.resolved_on <= end
    ]
    if not found:
        return ""
    named = ", ".join(f"court_challenges[{k}]" for k in found)
    return (
        f" (a motion to reduce the sentence was resolved by then, {named}: the reduced term it "
        "ordered, recorded as the sentence's imprisonment, would settle it)"
    )


def commuted_term(conviction: Conviction, day: date, term: Term | None) -> Term | None:
    """The prison term as the last commutation granted by ``day`` that sets a new term
    (``new_imprisonment``) left it: the commuted term replaces the one imposed (U.S. Const.
    art. II, sec. 2, cl. 1; as ``law.sentence`` computes it); else ``term``."""
    for grant in reversed(commutations(conviction, day)):
        if grant.new_imprisonment is not None and not grant.new_imprisonment.is_zero:
            return grant.new_imprisonment
    return term


@dataclass(frozen=True)
class Parole:
    """Whether a parole recorded for a conviction explains the release from a life term."""

    paroled: bool
    missing: list[str]
    why: str = ""
    """Added to the reason the release is not known (a parole period naming no conviction)."""
    contradiction: str | None = None


def _life_release(path: str, conviction: Conviction) -> list[str]:
    """What would end a life term being served: a commutation (or a sentence reduction recorded
    as one). Its custody has no end a person could state, projected or not (no good conduct
    time, 3624(b)(1))."""
    return [f"{path}.sentence.commutations"]


def _paroled_ever(conviction: Conviction) -> bool:
    """A life term could end by parole: an offense committed before federal parole was
    abolished (``sentence.parole.abolished_for_offenses_from``), or no offense date recorded."""
    known = [conviction.offense_date] + [c.offense_date for c in conviction.counts]
    dates = [d for d in known if d is not None]
    return not dates or min(dates) < value(
        "sentence.parole.abolished_for_offenses_from", on=min(dates)
    )


def _parole(record: PersonRecord, path: str, conviction: Conviction) -> Parole:
    """Parole ends a life term only for an offense committed before federal parole was abolished
    (``sentence.parole.abolished_for_offenses_from``: the Sentencing Reform Act of 1984), and
    only a parole period linked to the conviction by its id shows it. A parole period naming no
    conviction does not say whose it is; with no offense date recorded, whether parole was
    possible is not known; a linked parole on a later offense (the latest recorded) contradicts
    the law of the sentence (no parole for it), so the record is wrong somewhere."""
    parole = [k for k, p in enumerate(record.supervision) if p.kind is SupervisionKind.parole]
    linked = [
        k
        for k in parole
        if conviction.id is not None and record.supervision[k].conviction_id == conviction.id
    ]
    if not linked:
        unlinked = [k for k in parole if record.supervision[k].conviction_id is None]
        if not unlinked:
            return Parole(False, [])
        return Parole(
            False,
            [f"supervision[{k}].conviction_id" for k in unlinked],
            f" (parole recorded as {', '.join(f'supervision[{k}]' for k in unlinked)} names no "
            "conviction: whose parole it is is not recorded)",
        )
    offenses = [("offense_date", conviction.offense_date)] + [
        (f"counts[{i}].offense_date", c.offense_date) for i, c in enumerate(conviction.counts)
    ]
    known = [d for _, d in offenses if d is not None]
    if not known:
        return Parole(
            False,
            [f"{path}.offense_date"],
            " (parole is recorded for it, but federal parole exists only for an offense "
            "committed before the Sentencing Reform Act abolished it, and the offense date is "
            "not recorded)",
        )
    abolished = value("sentence.parole.abolished_for_offenses_from", on=max(known))
    if max(known) >= abolished:
        at = ", ".join(f"supervision[{k}]" for k in linked)
        return Parole(
            False,
            [f"supervision[{k}].kind" for k in linked] + [f"{path}.offense_date"],
            contradiction=f"parole is recorded for {path} ({at}), a life term for an offense "
            f"committed on {max(known).isoformat()}; federal parole was abolished for offenses "
            f"committed on or after {abolished.isoformat()} (Sentencing Reform Act of 1984), so "
            "the parole, the offense date or the term is recorded wrong, and which decides the "
            "release from confinement",
        )
    return Parole(True, [])


def served_on(record: PersonRecord, conviction: Conviction, day: date) -> Confinement:
    """The release from conviction's prison term on ``day`` read from its commutations granted
    by the day and its custody (:func:`_served`, before revocations): the one reading of the
    release the petitions and the SBA's status tests share. Read once per record, conviction
    and day; the value is shared and must not be changed."""
    shared = timeline(record)
    index = shared.conviction_index(conviction)
    path = f"convictions[{index}]"

    def make() -> Confinement:
        term = shared.prison_term(index).term if index is not None else None
        return _served(record, path, conviction, day, term)

    return per_conviction_found(record, conviction, ("served_on", day), make)


CONDITION_WORDS = re.compile(r"\bcondition(?:s|al|ed)?\b|\bprovided that\b|\bunless\b", re.I)
"""Words of a warrant's terms that state a condition (a conservative word check: any of them
makes the commutation's effect depend on a fact the record may not show)."""


def conditional(terms: str | None) -> bool:
    """The commutation's terms, as written, state a condition (``CONDITION_WORDS``)."""
    return bool(terms) and CONDITION_WORDS.search(terms or "") is not None


def _released_before_grant(
    path: str, conviction: Conviction, grant: Commutation, life: bool, not_begun: date | None
) -> Confinement:
    """A commutation whose new release date is before its own grant: a warrant acts from the day
    it is granted (U.S. Const. art. II, sec. 2, cl. 1), so it cannot have released the person
    earlier. One of the two dates is recorded wrong, and which decides the release: a release
    date mistyped early would put the release after the grant, a grant date mistyped late would
    put it before. Neither is taken; the release is unknown and the record contradicts itself."""
    assert conviction.sentence is not None and grant.new_release_date is not None
    k = conviction.sentence.commutations.index(grant)
    at = f"{path}.sentence.commutations[{k}]"
    return Confinement(
        prison=True,
        life=life,
        not_begun=not_begun,
        missing=[f"{at}.new_release_date", f"{at}.granted_on"],
        contradiction=f"{at} sets a new release date ({grant.new_release_date.isoformat()}) "
        f"before the commutation was granted ({grant.granted_on.isoformat()}): a commutation "
        "cannot release anyone before it is granted, so one of the two dates is recorded wrong, "
        "and which decides the release from confinement",
    )


def _after_commutation(
    record: PersonRecord,
    path: str,
    commuted: date,
    periods: list[tuple[int, CustodyPeriod]],
    day: date,
    began: bool,
    unsure: list[str],
    not_begun: date | None,
) -> Confinement:
    """The release from a term a commutation set to expire on ``commuted``. Custody recorded for
    the conviction that ends after that day, or begins after it and has no end, is confinement
    the commutation did not end (a later revocation, or a release that came late): the release
    from confinement is the later of the two, and custody begun after the commuted release and
    still open has no release yet. A period begun before the commuted release and recorded
    without an end is the one the commutation ended."""
    source = f"{path}.sentence.commutations (commuted to expire on {commuted.isoformat()})"
    after = [(i, p) for i, p in periods if p.start is not None and p.start > commuted]
    still_open = [i for i, p in after if p.end is None]
    if still_open:
        begun = timeline(record).custody_begun([i for i, _ in after], day)
        return Confinement(
            prison=True,
            confined_on_day=begun.begun is True,
            not_begun=not_begun,
            missing=[f"custody[{i}].end" for i in still_open],
            source=f"{source}; custody begun after it has no recorded end",
        )
    later = [(i, p) for i, p in periods if p.end is not None and p.end > commuted]
    if later:
        k, last = max(later, key=lambda ip: ip[1].end or date.min)
        assert last.end is not None
        return Confinement(
            prison=True,
            release=last.end,
            source=f"custody[{k}].end, the day of release, after the release the commutation "
            f"set ({source}): the later of the two",
            confined_on_day=began and day < last.end,
            unsure=unsure if day < last.end else [],
            not_begun=not_begun,
        )
    return Confinement(
        prison=True,
        release=commuted,
        source=source,
        confined_on_day=(began or not periods) and day < commuted,
        unsure=unsure if day < commuted else [],
        not_begun=not_begun,
    )


def earliest_end(
    conviction: Conviction, term: Term | None, periods: list[CustodyPeriod], *, alone: bool = False
) -> date | None:
    """The earliest day a prison term could end by serving it, absent a commutation, a sentence
    reduction or anything else the record would have to show; None where the term or any date
    to count from is not recorded.

    This is a bound, not the sentence computation (``law.sentence``; its projection is only for
    a term still being served, with no release recorded): it starts from the earliest of the
    imposition (else the conviction, which comes no later), the first custody recorded for the
    conviction (pretrial detention included, as credit, 18 U.S.C. 3585(b); not custody that is
    neither, :func:`_may_count`), counted from no earlier than the offense
    (:func:`_counted_from`), and the imposition less any prior custody credit recorded; it adds
    the term and takes off the most good conduct time (18 U.S.C. 3624(b), the most days a year
    for every year of the term, rounded up, for a term of more than a year), the longest
    transfer to supervised release by First Step Act time credits (18 U.S.C. 3624(g)(3)) and the
    longest Residential Drug Abuse Program reduction (18 U.S.C. 3621(e)(2)(B)). No lawful
    release by serving the term comes before it, so a custody end before it is not the release
    from confinement.

    Where the term is ``alone`` (:func:`_custody_bounds_apply`: no other prison term in the
    record it could be aggregated with, 18 U.S.C. 3584(c), and not under the parole law), the
    reductions are also
    bounded by the time in custody they need (:func:`_reductions_bound`): time credits are
    earned only by days after the term commences (no earlier than its imposition, 3585(a); 28
    CFR 523.42(a)) and after the First Step Act (3632(d)(4)(B)(i)), at most the base and
    additional days per period of participation (3632(d)(4)(A)), and the drug-program reduction
    follows a residential component of at least its least length (28 CFR 550.53(a)(1)). Credits
    beyond the transfer to supervised release go to prerelease custody, which is custody
    (3624(g)(2)): they do not end the term sooner."""
    if term is None or term.is_zero or term.life or conviction.sentence is None:
        return None
    sentence = conviction.sentence
    imposed = conviction.sentencing_date or sentence.imposed_on or conviction.conviction_date
    offense = _first_offense(conviction)
    starts = [
        _counted_from(p.start, p.kind, offense, imposed)
        for p in periods
        if p.start is not None and _may_count(conviction, p)
    ]
    if imposed is not None and sentence.relation is SentenceRelation.consecutive:
        # A term consecutive to another commences no earlier than its imposition (18 U.S.C.
        # 3585(a)); custody before it served the other term and is credited there (3585(b)).
        starts = [max(day, imposed) for day in starts]
    if imposed is not None:
        starts.append(imposed - timedelta(days=sentence.prior_custody_credit_days or 0))
    if not starts:
        return None
    start = min(starts)
    on = imposed or start
    full = start + relativedelta(months=term.total_months) + timedelta(days=term.days)
    length = (full - start).days
    gct = 0
    more_than = int(value("sentence.gct.minimum_term_more_than_years", on=on))
    if full > add_years(start, more_than):
        per_year = int(value("sentence.gct.days_per_year", on=on))
        days_in_year = int(value("sentence.gct.days_in_year", on=on))
        gct = -(-per_year * length // days_in_year)  # rounded up
    fsa = int(value("sentence.fsa.supervised_release_months", on=on))
    rdap = max(int(row[1]) for row in value("sentence.rdap.reduction_months", on=on))
    served = full - timedelta(days=gct)
    loosest = served - relativedelta(months=fsa + rdap)
    if not alone:
        return loosest
    return max(loosest, _reductions_bound(served, imposed or start, on, fsa, rdap))


def _reductions_bound(served: date, commenced: date, on: date, fsa: int, rdap: int) -> date:
    """The earliest release from a term whose good conduct time release is ``served`` and which
    commenced no earlier than ``commenced``, with the reductions bounded by the custody they
    need: the earlier of a release by time credits alone (at most ``fsa`` months, 18 U.S.C.
    3624(g)(3), and no more credits than the days in custody since earning began could earn,
    3632(d)(4)(A)) and one after the drug program too (``rdap`` months more, 3621(e)(2)(B),
    no sooner than the residential component's least length after commencement, 28 CFR
    550.53(a)(1))."""
    earning = max(commenced, value("sentence.fsa.enacted", on=on))
    credits = _credited(served, earning, on)
    plain = max(served - relativedelta(months=fsa), credits)
    program = commenced + relativedelta(
        months=int(value("sentence.rdap.unit_component_months", on=on))
    )
    drug = served - relativedelta(months=rdap)
    treated = max(program, served - relativedelta(months=fsa + rdap), _credited(drug, earning, on))
    return min(plain, treated)


def _credited(target: date, earning: date, on: date) -> date:
    """The earliest day ``E`` with ``E`` plus the most time credits earnable from ``earning`` to
    ``E`` reaching ``target``: the base and additional days for every period of participation
    (18 U.S.C. 3632(d)(4)(A)), counted for each day (a part period earns its share, rounded
    up: never fewer credits than the law allows)."""
    if target <= earning:
        return target
    period = int(value("sentence.fsa.period_days", on=on))
    rate = int(value("sentence.fsa.base_days_per_period", on=on)) + int(
        value("sentence.fsa.additional_days_per_period", on=on)
    )
    need = (target - earning).days
    low, high = 0, need  # the least days in custody whose days and credits reach ``need``
    while low < high:
        mid = (low + high) // 2
        if mid + -(-mid * rate // period) >= need:
            high = mid
        else:
            low = mid + 1
    return earning + timedelta(days=low)


def _custody_bounds_apply(record: PersonRecord, conviction: Conviction) -> bool:
    """Whether :func:`earliest_end` may bound the reductions by the custody they need: the
    conviction's prison term is the only one the record shows (no other conviction has a
    prison term, one of unknown length or a revocation, and the term is not consecutive to
    another). Terms served together are one
    aggregate for the Bureau (18 U.S.C. 3584(c)), whose time credits and drug program may have
    been earned before this term was imposed, so the custody-based bounds are not applied.
    Nor are they for a term that may be under the parole law (an offense recorded before
    parole was abolished, ``sentence.parole.abolished_for_offenses_from``, or, with none
    recorded, a conviction before that day): parole may release before them (18 U.S.C.
    4205, repealed)."""
    sentence = conviction.sentence
    if sentence is None or sentence.relation is SentenceRelation.consecutive:
        return False
    first = _first_offense(conviction) or conviction.conviction_date
    if first is None or first < value("sentence.parole.abolished_for_offenses_from", on=first):
        return False
    for other in record.convictions:
        if other is conviction or other.sentence is None:
            continue
        prison = other.sentence.imprisonment
        if (
            (prison is not None and not prison.is_zero)
            or other.sentence.imprisonment_length_unknown
            or other.sentence.revocations
        ):
            return False
    return True


def _may_count(conviction: Conviction, period: CustodyPeriod) -> bool:
    """Custody that may be service of, or credit toward, the conviction's term (for
    :func:`earliest_end`): not custody that ended before the offense was committed (no credit
    for it, 18 U.S.C. 3585(b)), nor custody other than pretrial detention that ended before the
    conviction (service of something else; credit for it is ``prior_custody_credit_days``),
    nor custody recorded as credited against another sentence (3585(b): only time "that has
    not been credited against another sentence")."""
    if period.credited_to_other_sentence:
        return False
    if period.end is None:
        return True
    offense = _first_offense(conviction)
    if offense is not None and period.end < offense:
        return False
    convicted = conviction.conviction_date
    return not (
        period.kind is not CustodyKind.pretrial_detention
        and convicted is not None
        and period.end < convicted
    )


def _counted_from(
    start: date, kind: CustodyKind, offense: date | None, imposed: date | None
) -> date:
    """The first day of a custody period that may count toward the term: custody before the
    offense earns no credit (18 U.S.C. 3585(b) credits only detention for the offense, or for
    another charge after it), so it counts from the offense. With no offense date recorded,
    custody that serves a sentence in a facility (not pretrial detention, nor federal custody,
    which may be detention from the arrest) begun before the sentencing is service of
    something else until the term commences (3585(a)): it counts from the sentencing (credit
    for it is ``prior_custody_credit_days``)."""
    if offense is not None:
        return max(start, offense)
    if kind not in _DETENTION and imposed is not None:
        return max(start, imposed)
    return start


_DETENTION = (CustodyKind.pretrial_detention, CustodyKind.federal_custody)


def _first_offense(conviction: Conviction) -> date | None:
    """The earliest offense date recorded for the conviction or its counts (None: none)."""
    offenses = [conviction.offense_date] + [c.offense_date for c in conviction.counts]
    known = [d for d in offenses if d is not None]
    return min(known) if known else None


def shared_change_points(record: PersonRecord) -> list[tuple[date, str]]:
    """Dates on which any clemency answer can change, with why: supervision ending, grants,
    convictions (read once per record: the pardon and commutation petitions both ask)."""
    shared = timeline(record)
    return list(
        shared.remembered("shared_change_points", lambda: tuple(_shared_change_points(record)))
    )


def _shared_change_points(record: PersonRecord) -> list[tuple[date, str]]:
    from secondchance.law.early_termination import too_soon_all

    points = [
        (p.end + timedelta(days=1), f"the day after the {p.kind.value.replace('_', ' ')} ends")
        for p in record.supervision
        if p.end
    ]
    points += [
        (d.until, "the term of supervision recorded as ended early too soon is out")
        for d in too_soon_all(record)
        if d.until is not None
    ]
    points += [(g.granted_on, f"the {g.kind.value} is granted") for g in record.clemency]
    points += [
        (c.conviction_date, "the conviction") for c in record.convictions if c.conviction_date
    ]
    return points
