"""Supervision recorded as ended early, read once for every program (18 U.S.C. 3583(e)(1),
3564(c); 28 CFR 2.200(b)).

A court may end a term of supervised release early only "after the expiration of one year of
supervised release" (3583(e)(1)); a term of probation at any time for a misdemeanor or an
infraction, but for a felony only after one year of probation (3564(c)). The U.S. Parole
Commission holds the same powers over supervised release imposed by the D.C. Superior Court as
a district court holds under 3583(d)-(i) (28 CFR 2.200(b),
https://www.ecfr.gov/current/title-28/chapter-I/part-2/subpart-D/section-2.200), so the same
year applies to it. Time imprisoned for 30 consecutive days or more does not count towards that
year (3624(e), 3564(b); for D.C. supervised release 28 CFR 2.201(b)). A federal or D.C.
supervised release or federal felony probation period recorded as ended early (``ended_early``)
with less than that year in it is no early termination the law allows: the person may have been
discharged another way (a sentence reduction, the conviction vacated), or the end or the flag
may be recorded wrong, and the supervision may still run until its term is out. Such an end
clears no one and moves no date earlier: each program that reads when supervision ended asks
:func:`too_soon` (or :func:`still_running` for a day) and answers ``needs_review`` saying why.

* The period holds a full year when its last day is after the last day of the first year (the
  start plus one year, less a day, extended by imprisonment that tolls it). ``end`` is the last
  day supervised, and the law allows the order only "after the expiration" of the year: an end
  on the year's last day may be an order made that day, before the year had expired (too soon),
  or one made the next day and recorded from the day before; the record cannot tell, so that
  end is for review too. An end before it is too soon. A start not recorded leaves it open.
* Only federal supervised release and probation, and D.C. supervised release: a state's, D.C.
  probation's or a court-martial's follows its own law. A period naming no conviction (in a
  record of several) or one the record lacks may be for any of them. A period naming no
  conviction in a record with none may be a federal one; so may supervised release (the federal
  and D.C. form of supervision after prison) naming none in a record of only state or
  court-martial convictions: the conviction it belongs to would decide it.
* Probation for a conviction whose grade is not recorded (no count marked ``felony``, some
  not known) may be a felony's: the counts' ``felony`` decide it. All counts not felonies: no
  limit. A commutation recorded as not keeping supervised release explains the end.
* After the end, the supervision may still run until the first day after the term the sentence
  imposed (counted with :func:`~secondchance.record.unrecorded.tolled_end`); with that term not
  known, on any later day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from secondchance.law.parameters import value
from secondchance.record.query import conviction_by_id
from secondchance.record.schema import (
    Conviction,
    Jurisdiction,
    PersonRecord,
    SupervisionKind,
    SupervisionPeriod,
)
from secondchance.record.terms import Term
from secondchance.record.timeline import timeline
from secondchance.record.unrecorded import tolled_end

PARAMETER = "sentence.supervised_release.early_termination_after_years"

LIMITED = (SupervisionKind.supervised_release, SupervisionKind.probation)
"""The kinds a federal court may end early only after a year (probation: for a felony)."""


@dataclass(frozen=True)
class TooSoon:
    """Supervision period ``index`` recorded as ended early, on a day the law may not allow."""

    index: int
    period: SupervisionPeriod
    year_ends: date | None
    """The last day of its first year (None: its start is not recorded, or imprisonment with
    no recorded end leaves it open)."""
    until: date | None
    """The first day after the term imposed, to which it may still run; None: not known."""
    felony: bool | None
    """Probation only: whether the conviction is a felony (None: not recorded)."""
    deciding: tuple[str, ...]
    """The facts that would decide it, without the record's prefix."""
    dc: bool = False
    """It is, or may be, D.C. supervised release (the U.S. Parole Commission's, 28 CFR 2.200)."""
    unrecorded: bool = False
    """It names no conviction, and the record has no federal or D.C. one it may belong to: it may
    be for a conviction the record lacks."""

    def may_run_on(self, day: date) -> bool:
        """The supervision may still run on ``day``: after its recorded end, and before the
        term imposed is out (or that term is not known)."""
        assert self.period.end is not None
        return self.period.end < day and (self.until is None or day < self.until)

    def paths(self, prefix: str = "") -> list[str]:
        return [prefix + p for p in self.deciding]

    def why(self, prefix: str = "") -> str:
        """Why the recorded end is for review, in plain words."""
        k = f"{prefix}supervision[{self.index}]"
        kind = self.period.kind.value.replace("_", " ")
        assert self.period.end is not None
        start = self.period.start.isoformat() if self.period.start else "a day not recorded"
        if self.period.kind is SupervisionKind.supervised_release:
            rule = (
                "a court may end supervised release early only after one year of it "
                "(18 U.S.C. 3583(e)(1))"
            )
            if self.dc or self.unrecorded:
                rule += (
                    ", and the U.S. Parole Commission, which holds a court's powers over D.C. "
                    "supervised release (28 CFR 2.200(b)), only after the same year"
                )
        else:
            rule = (
                "a court may end probation for a felony early only after one year of it, for a "
                "misdemeanor or an infraction at any time (18 U.S.C. 3564(c))"
            )
            if self.felony is None and not self.unrecorded:
                rule += (
                    ", and whether the conviction is a felony is not recorded ("
                    + ", ".join(p for p in self.paths(prefix) if p.endswith("felony"))
                    + " would decide it)"
                )
        if self.unrecorded:
            rule += (
                f"; it names no conviction ({k}.conviction_id) and the record has no federal or "
                "D.C. one, so it may be for a conviction the record lacks"
            )
        if self.period.start is None:
            held = (
                f"its start ({k}.start) is not recorded, so whether a year had passed is not known"
            )
        elif self.year_ends is None:
            held = (
                "custody with no recorded end after its start leaves open how long imprisonment "
                "stopped it running (18 U.S.C. 3624(e), 3564(b)), so whether a year had passed "
                "is not known"
            )
        else:
            held = f"its first year ran through {self.year_ends.isoformat()} at the earliest"
            if self.period.end == self.year_ends:
                held += (
                    " (the law allows an order only after the year has expired, and an end on "
                    "its last day may be an order made that day, or one made the next day and "
                    "recorded from the day before)"
                )
        until = (
            "; if it was not ended then, it may have run through "
            + (self.until - timedelta(days=1)).isoformat()
            if self.until is not None
            else ""
        )
        return (
            f"{k} records {kind} from {start} ended early on {self.period.end.isoformat()}, "
            f"but {rule}, and {held}: the person may have been discharged another way (a "
            f"sentence reduction, the conviction vacated) or the record may be wrong, so when "
            f"it ended is for review{until}"
        )


def too_soon(record: PersonRecord, k: int) -> TooSoon | None:
    """Supervision period ``k`` when it is recorded as ended early before the law allows, or
    may be (see the module's notes); None when the end raises no such doubt."""
    period = record.supervision[k]
    if not period.ended_early or period.kind not in LIMITED or period.end is None:
        return None
    linked = conviction_by_id(record, period.conviction_id)
    candidates = [linked] if linked is not None else list(record.convictions)
    limited = [c for c in candidates if _limited(c, period.kind)]
    unrecorded = (
        linked is None
        and not limited
        and (not record.convictions or period.kind is SupervisionKind.supervised_release)
    )
    if not limited and not unrecorded:
        return None
    deciding: list[str] = []
    if linked is None and (len(record.convictions) > 1 or unrecorded):
        deciding.append(f"supervision[{k}].conviction_id")
    if unrecorded and not record.convictions:
        deciding.append("convictions")
    felony: bool | None = None
    if period.kind is SupervisionKind.probation:
        grades = [_felony(record, c) for c in limited]
        if grades and all(g is False for g, _ in grades):
            return None  # a misdemeanor or infraction: probation may end at any time
        felony = True if any(g is True for g, _ in grades) else None
        if felony is None:
            deciding += [p for _, paths in grades for p in paths]
    if linked is not None and any(
        c.supervised_release_kept is False and (c.granted_on <= period.end + timedelta(days=1))
        for c in (linked.sentence.commutations if linked.sentence else [])
    ):
        return None  # a commutation ended it
    year_ends: date | None = None
    if period.start is not None:
        years = int(value(PARAMETER, on=period.start))
        after = tolled_end(record, period.start, Term(years=years))
        if after is not None:
            year_ends = after - timedelta(days=1)
            if period.end > year_ends:
                return None  # ended after the year's last day: an order after it
    if period.start is None:
        deciding.append(f"supervision[{k}].start")
    deciding += [f"supervision[{k}].end", f"supervision[{k}].ended_early"]
    until = _term_out(record, period, linked)
    dc = any(c.jurisdiction is Jurisdiction.dc for c in limited)
    return TooSoon(
        k, period, year_ends, until, felony, tuple(dict.fromkeys(deciding)), dc, unrecorded
    )


def too_soon_all(record: PersonRecord) -> tuple[TooSoon, ...]:
    """Every period of the record :func:`too_soon` finds, read once per record."""
    return timeline(record).remembered(
        "early_termination_too_soon",
        lambda: tuple(
            d for d in (too_soon(record, k) for k in range(len(record.supervision))) if d
        ),
    )


def still_running(record: PersonRecord, k: int, day: date) -> TooSoon | None:
    """Period ``k`` when its recorded early end is too soon and it may still run on ``day``."""
    for doubt in too_soon_all(record):
        if doubt.index == k and doubt.may_run_on(day):
            return doubt
    return None


def _limited(conviction: Conviction, kind: SupervisionKind) -> bool:
    """The conviction's supervision of ``kind`` may be ended early only after a year: federal
    supervised release and probation (3583(e)(1), 3564(c)), D.C. supervised release (28 CFR
    2.200(b)); D.C. probation, a state's and a court-martial's follow their own law."""
    if conviction.jurisdiction is Jurisdiction.federal:
        return True
    return conviction.jurisdiction is Jurisdiction.dc and kind is SupervisionKind.supervised_release


def _felony(record: PersonRecord, conviction: Conviction) -> tuple[bool | None, list[str]]:
    """Whether the conviction is a felony (any count one), with the paths that would decide."""
    i = next(j for j, c in enumerate(record.convictions) if c is conviction)
    if not conviction.counts:
        return None, [f"convictions[{i}].counts"]
    grades = [c.felony for c in conviction.counts]
    if any(g is True for g in grades):
        return True, []
    if all(g is False for g in grades):
        return False, []
    return None, [f"convictions[{i}].counts[{c}].felony" for c, g in enumerate(grades) if g is None]


def _term_out(
    record: PersonRecord, period: SupervisionPeriod, linked: Conviction | None
) -> date | None:
    """The first day after the term the linked conviction's sentence imposed, counted from the
    period's start (tolled); None when not known."""
    if linked is None or linked.sentence is None or period.start is None:
        return None
    sentence = linked.sentence
    term = (
        sentence.supervised_release
        if period.kind is SupervisionKind.supervised_release
        else sentence.probation
    )
    if term is None or term.is_zero:
        return None
    return tolled_end(record, period.start, term)
