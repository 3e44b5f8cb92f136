"""One reading of a person's record, shared by every program.

Facts that several programs need — which grant pardoned a conviction and when, which custody
periods have closed, which convictions show custody but no recorded term — are read here once
per record (the reading is cached on the record) so that no two programs read them differently.
These are the record's facts, not the law's conclusions; the law decides what they mean.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from secondchance.record.query import covers
from secondchance.record.schema import (
    ClemencyGrant,
    ClemencyKind,
    Conviction,
    CustodyKind,
    Jurisdiction,
    PersonRecord,
    SupervisionKind,
)

T = TypeVar("T")

FEDERAL = (Jurisdiction.federal, Jurisdiction.dc)
"""Convictions a grant naming no conviction covers (the record format's rule)."""

SERVING = (
    CustodyKind.federal_custody,
    CustodyKind.designated_facility,
    CustodyKind.residential_reentry_center,
    CustodyKind.home_confinement,
)
"""Custody that is service of a federal term (prerelease custody included, 18 U.S.C. 3624(c))."""


def days_in_custody(record: PersonRecord, start: date, end: date) -> int | None:
    """The days from ``start`` to ``end`` that custody serving a federal term (prerelease custody
    included) covers, each once: a break in custody is not time served. None when a period's
    start is not recorded."""
    spans: list[tuple[date, date]] = []
    for period in record.custody:
        if period.kind not in SERVING:
            continue
        if period.start is None:
            return None
        first, last = max(period.start, start), min(period.end or end, end)
        if first < last:
            spans.append((first, last))
    days, reached = 0, start
    for first, last in sorted(spans):
        first = max(first, reached)
        if first < last:
            days += (last - first).days
            reached = last
    return days


@dataclass(frozen=True)
class OpenCustodyAtRelease:
    """Supervised release recorded as begun (``supervision``) while a custody period serving a
    federal term that had begun by then has no end (``custody``): the record contradicts itself,
    since supervised release begins on the day a person is released from imprisonment."""

    custody: str
    custody_start: date
    supervision: str
    supervision_start: date
    note: str = ""
    """Where the record's dates are approximate: on which of the days they allow it holds."""

    def describe(self) -> str:
        return (
            f"{self.supervision}.start records supervised release begun on "
            f"{self.supervision_start.isoformat()} while {self.custody} (from "
            f"{self.custody_start.isoformat()}) has no end{self.note}"
        )


def _may_be_for(periods: Sequence[Any], k: int, record: PersonRecord) -> list[Conviction] | None:
    """The convictions period ``k`` may be for, by the record format's rule
    (``unrecorded.periods_for``: linked by id, or linked to none on a record of one conviction);
    None when it could be for any (it names none, or a conviction the record does not hold)."""
    from secondchance.record.unrecorded import periods_for  # (that module reads the timeline)

    found = [c for c in record.convictions if k in periods_for(periods, record, c)]
    return found or None


def _one_term(record: PersonRecord, custody: int, supervision: int) -> bool:
    """Custody period ``custody`` and supervision period ``supervision`` may concern the same
    federal term: the same conviction, or two federal or D.C. convictions. A term being served
    in custody that had begun by the day another's supervised release is recorded to begin was
    then undischarged beside it, so the two are one aggregate term (18 U.S.C. 3584(c)), released
    as one; and were they not, supervised release does not run while the person is imprisoned
    for another crime (3624(e)). Either way the release cannot be taken as begun."""
    held = _may_be_for(record.custody, custody, record)
    released = _may_be_for(record.supervision, supervision, record)
    if held is None or released is None:
        return True
    if any(c in released for c in held):
        return True
    return any(c.jurisdiction in FEDERAL for c in held) and any(
        c.jurisdiction in FEDERAL for c in released
    )


def open_custody_at_release(record: PersonRecord) -> list[OpenCustodyAtRelease]:
    """Each supervised release period whose start falls inside a serving custody period with no
    end that may be for the same term (:func:`_one_term`: the same conviction, one the record
    format links either period to, or an aggregate partner): neither the release nor the custody
    still open can be taken as the record's word. Read once per record (the sentence block and
    the guard after evaluation both ask)."""
    return timeline(record).remembered("open_custody_at_release", lambda: _open_custody(record))


def _open_custody(record: PersonRecord) -> list[OpenCustodyAtRelease]:
    found: list[OpenCustodyAtRelease] = []
    for k, sup in enumerate(record.supervision):
        if sup.kind is not SupervisionKind.supervised_release or sup.start is None:
            continue
        for i, period in enumerate(record.custody):
            if period.kind not in SERVING or period.end is not None or period.start is None:
                continue
            if period.start <= sup.start and _one_term(record, i, k):
                found.append(
                    OpenCustodyAtRelease(
                        f"custody[{i}]", period.start, f"supervision[{k}]", sup.start
                    )
                )
    return found


def dated_after(grant: ClemencyGrant, conviction: Conviction) -> bool:
    """The conviction, or an offense of it, is recorded on a day after the grant. A pardon
    reaches only offenses committed before it is granted (Ex parte Garland, 71 U.S. 333, 380
    (1866): it "extends to every offence known to the law, and may be exercised at any time
    after its commission"); a conviction entered after the grant is not one it was granted for."""
    days = [conviction.conviction_date, conviction.offense_date]
    days += [count.offense_date for count in conviction.counts]
    return any(day is not None and day > grant.granted_on for day in days)


def names(grant: ClemencyGrant, conviction: Conviction) -> bool:
    """The grant names the conviction by id."""
    return conviction.id is not None and conviction.id in grant.conviction_ids


def grant_covers(grant: ClemencyGrant, conviction: Conviction) -> bool:
    """A grant covers a conviction it names by id; one naming none covers every federal and
    D.C. conviction (not a foreign one served here under a transfer treaty). Neither covers a
    conviction or offense recorded after the grant (:func:`dated_after`): one naming none was
    not granted for it, and one naming it contradicts the record (:meth:`Timeline.contradicted`)."""
    if dated_after(grant, conviction):
        return False
    if grant.conviction_ids:
        return names(grant, conviction)
    return conviction.jurisdiction in FEDERAL and conviction.treaty_transfer is None


@dataclass(frozen=True)
class Begun:
    """Whether custody serving a term had begun by a day (:meth:`Timeline.custody_begun`)."""

    begun: bool | None
    """True: a period began on or before the day; False: none did (every period has a recorded
    start after the day, or none is recorded); None: a start not recorded leaves it open."""
    first: int | None = None
    """When not begun: the period (index in ``custody``) that begins first; None when no period
    is recorded."""
    unsure: tuple[str, ...] = ()
    """When open: the starts not recorded (``custody[k].start``) that would decide it."""


@dataclass(frozen=True)
class Unsentenced:
    """A federal conviction with custody recorded for it but no prison term and no statement
    that none was imposed, or one whose prison term is of unknown length."""

    index: int
    custody: tuple[int, ...]


@dataclass
class Timeline:
    """The shared reading of one record. It refers back to its record weakly: the record keeps
    its timeline, and a cycle between them would leave both to the cycle collector, whose
    passes over a batch's many records cost more than the reading itself."""

    _record: weakref.ReferenceType[PersonRecord] = field(repr=False)
    pardons: list[tuple[int, ClemencyGrant]] = field(default_factory=list)
    """Individual pardons (no proclamation), oldest first, with their index in ``clemency``."""
    _projected: dict[date, Any] = field(default_factory=dict)
    _terms: dict[int, Any] = field(default_factory=dict)
    _remembered: dict[Hashable, Any] = field(default_factory=dict)

    @property
    def record(self) -> PersonRecord:
        record = self._record()
        assert record is not None, "a timeline is read only while its record is held"
        return record

    def __post_init__(self) -> None:
        grants = [
            (i, g)
            for i, g in enumerate(self.record.clemency)
            if g.kind is ClemencyKind.pardon and not g.proclamation
        ]
        self.pardons = sorted(grants, key=lambda ig: ig[1].granted_on)

    def pardon_of(self, conviction: Conviction, day: date) -> tuple[int, ClemencyGrant] | None:
        """The first individual pardon granted on or before ``day`` that covers the whole
        conviction, with its index in ``clemency`` (one naming no conviction not where the
        conviction may have been entered after it, :meth:`entered_unsure`)."""
        for i, grant in self.pardons:
            if grant.granted_on <= day and grant_covers(grant, conviction):
                if not grant.conviction_ids and self.entered_unsure(grant, conviction):
                    continue
                return i, grant
        return None

    def entered_unsure(self, grant: ClemencyGrant, conviction: Conviction) -> list[str]:
        """Where the conviction's date is not recorded but its sentencing, the sentence's
        imposition or custody for it is recorded after the grant: the paths (of this
        conviction) that would decide whether it was entered before the grant. A pardon reaches
        an offense committed before it, even one convicted later (Ex parte Garland), but one
        naming no conviction is read as granted for convictions entered by then
        (:func:`dated_after`), so such a conviction is neither covered nor ruled out. Empty
        otherwise."""
        if conviction.conviction_date is not None or dated_after(grant, conviction):
            return []
        sentence = conviction.sentence
        later = [conviction.sentencing_date, sentence.imposed_on if sentence else None]
        if conviction.id is not None:
            later += [p.start for p in self.record.custody if p.conviction_id == conviction.id]
        if not any(d is not None and d > grant.granted_on for d in later):
            return []
        k = self.conviction_index(conviction)
        at = "convictions" if k is None else f"convictions[{k}]"
        paths = [f"{at}.conviction_date"]
        if conviction.offense_date is None and all(
            c.offense_date is None for c in conviction.counts
        ):
            paths.append(f"{at}.offense_date")
        return paths

    def unsure(
        self, conviction: Conviction, day: date
    ) -> list[tuple[int, ClemencyGrant, list[str]]]:
        """Individual pardons naming no conviction, granted on or before ``day``, whose reach over
        ``conviction`` the record leaves open (:meth:`entered_unsure`), with the deciding paths."""
        found = []
        for i, grant in self.pardons:
            if grant.granted_on <= day and not grant.conviction_ids:
                paths = self.entered_unsure(grant, conviction)
                if paths:
                    found.append((i, grant, paths))
        return found

    def contradicted(self, conviction: Conviction, day: date) -> list[tuple[int, ClemencyGrant]]:
        """Individual pardons granted on or before ``day`` that name the conviction by id although
        it, or one of its offenses, is recorded after the grant: the record contradicts itself
        (a pardon reaches only offenses committed before it), and the pardon is not read as
        covering it."""
        return [
            (i, grant)
            for i, grant in self.pardons
            if grant.granted_on <= day
            and names(grant, conviction)
            and dated_after(grant, conviction)
        ]

    def remembered(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, computed once per record for ``key``: for a pure function of the record
        that several programs (or several days) ask for. Callers must not change the value."""
        if key not in self._remembered:
            self._remembered[key] = make()
        value: T = self._remembered[key]
        return value

    def remember(self, key: Hashable, value: Any) -> None:
        """Keep ``value`` for ``key`` (a figure computed ahead, for :meth:`recall`)."""
        self._remembered[key] = value

    def recall(self, key: Hashable) -> Any:
        """What was remembered for ``key``, else None (nothing is computed)."""
        return self._remembered.get(key)

    def conviction_index(self, conviction: Conviction) -> int | None:
        """The index of ``conviction`` in the record (by identity; None for another object,
        such as a charge read as a conviction)."""
        for k, c in enumerate(self.record.convictions):
            if c is conviction:
                return k
        return None

    def projected_release(self, day: date) -> Any:
        """The projected release (``law.sentence.projection.Projection``) of the federal term
        being served on ``day`` whose custody end is not recorded, or None: the sentence
        computation's good-conduct-time release, computed once per record and day."""
        if day not in self._projected:
            from secondchance.law.sentence.projection import projected_release

            self._projected[day] = projected_release(self.record, day)
        return self._projected[day]

    def prison_term(self, index: int) -> Any:
        """The term of imprisonment conviction ``index``'s judgment imposed
        (``law.sentence.counts.JudgmentTerm``): the sentence's own term, else the terms given per
        count combined (18 U.S.C. 3584(a)), or a term of unknown length; read once per record."""
        if index not in self._terms:
            from secondchance.law.sentence.counts import judgment_term

            self._terms[index] = judgment_term(index, self.record.convictions[index])
        return self._terms[index]

    def in_custody(self, k: int, day: date) -> bool | None:
        """Whether custody period ``k`` covers ``day``: None when its start is not recorded and
        its end (or the lack of one) leaves ``day`` possibly inside it."""
        return covers(self.record.custody[k], day)

    def custody_begun(self, periods: Sequence[int], day: date) -> Begun:
        """Whether the custody periods ``periods`` (those serving one term) had begun by ``day``.
        A term of imprisonment commences on the day the person is received in custody to serve
        it (18 U.S.C. 3585(a)), so a voluntary surrender or a release pending appeal leaves a
        term imposed but not begun. Begun: a period starts on or before the day, or ends by it
        (so began before it). Not begun: every period has a recorded start after the day (or
        none is recorded). Otherwise a start not recorded, with no end or one after the day,
        leaves it open: unknown, never "not begun". An approximate start is one of these on each
        exact reading of the record (``record.approximate``): a range straddling the day is
        begun on some readings and not on others, and the answer turns on it."""
        custody = self.record.custody
        unsure: list[str] = []
        for k in periods:
            period = custody[k]
            if period.start is not None and period.start <= day:
                return Begun(True)
            if period.start is None:
                if period.end is not None and period.end <= day:
                    return Begun(True)
                unsure.append(f"custody[{k}].start")
        if unsure:
            return Begun(None, unsure=tuple(unsure))
        first = min(periods, key=lambda k: custody[k].start or day, default=None)
        return Begun(False, first)

    def term_begun(self, index: int, day: date) -> Begun:
        """Whether custody serving conviction ``index``'s prison term had begun by ``day``
        (:meth:`custody_begun` of the custody that may serve it, pretrial detention apart:
        ``record.unrecorded.served``); read once per record, conviction and day. With no
        custody recorded serving it, not begun with ``first`` None: what decides is the custody
        not recorded (``record.unrecorded.unrecorded_terms``)."""
        from secondchance.record.unrecorded import served  # (that module reads the timeline)

        conviction = self.record.convictions[index]
        return self.remembered(
            ("term_begun", index, day),
            lambda: self.custody_begun(served(self.record, conviction), day),
        )

    def released_on(self, k: int, day: date) -> bool | None:
        """Whether custody period ``k`` has ended by ``day`` (its end is the day of release):
        None when it has no recorded end."""
        end = self.record.custody[k].end
        return None if end is None else end <= day

    def unsentenced(self) -> list[Unsentenced]:
        """Federal convictions with custody naming them but no term of imprisonment recorded
        (nor probation, a fine or restitution to show a sentence without prison), and those whose
        prison term is of unknown length (custody or none)."""
        found: list[Unsentenced] = []
        for index, conv in enumerate(self.record.convictions):
            sentence = conv.sentence
            if conv.jurisdiction is not Jurisdiction.federal:
                continue
            stated = self.prison_term(index)
            if stated.unknown_length:  # a prison term was imposed: its length is what is missing
                found.append(Unsentenced(index, self._serving(conv.id)))
                continue
            if conv.id is None or stated.term is not None:
                continue
            if sentence is not None and (
                sentence.probation is not None
                or sentence.fine is not None
                or sentence.restitution is not None
            ):
                continue
            custody = self._serving(conv.id)
            if custody:
                found.append(Unsentenced(index, custody))
        return found

    def _serving(self, conviction_id: str | None) -> tuple[int, ...]:
        """The custody periods naming the conviction that are service of a federal term."""
        if conviction_id is None:
            return ()
        return tuple(
            i
            for i, p in enumerate(self.record.custody)
            if p.conviction_id == conviction_id and p.kind in SERVING
        )


def timeline(record: PersonRecord) -> Timeline:
    """The shared reading of ``record``, computed once per record."""
    private = record.__pydantic_private__  # read directly: quicker than the attribute
    cached = private.get("_timeline") if private else None
    if not isinstance(cached, Timeline):
        cached = Timeline(weakref.ref(record))
        record._timeline = cached
    return cached
