"""An answer that would clear the person while the record contradicts itself on custody.

Supervised release begins on the day the person is released from imprisonment and does not run
while the person is imprisoned (18 U.S.C. 3624(e)). A record that states supervised release
begun while custody serving the same (or an aggregate, 3584(c)) term is still open
(``record.timeline.open_custody_at_release``) leaves unknown whether the person is in custody on
any day from that start: the programs that read custody on the day (a commutation petition for
a sentence being served, time credits earned in custody) cannot clear the person on it. From
the supervised release's start, an answer that would clear the person (``eligible``,
``eligible_from``, or a clemency or credits program's ``not_applicable``) becomes
``needs_review`` naming both facts; an answer that does not clear stands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from secondchance.engine.determination import Determination, Outcome, Report
from secondchance.engine.overrule import overrule, unsettled_ahead, unsettled_from, was
from secondchance.law.unweighed import SBA, clears, where
from secondchance.record.approximate import Reading
from secondchance.record.schema import PersonRecord, Record
from secondchance.record.timeline import OpenCustodyAtRelease, open_custody_at_release


def _on(record: PersonRecord, prefix: str) -> list[tuple[str, OpenCustodyAtRelease]]:
    return [
        (prefix, replace(c, custody=prefix + c.custody, supervision=prefix + c.supervision))
        for c in open_custody_at_release(record)
    ]


def contradictions(record: Record, business: bool) -> list[tuple[str, OpenCustodyAtRelease]]:
    """The record's contradictions on custody, each bearing on the days from its supervised
    release's recorded start: the person's own (``business`` false), or those of the people of
    the business, whose facts are what SBA reads (the person's own where marked the subject),
    with the path prefix of the record stating each."""
    if not business:
        return _on(record, "")
    found: list[tuple[str, OpenCustodyAtRelease]] = []
    for i, person in enumerate(record.business.people if record.business else []):
        if person.is_subject:
            found += _on(record, "")
        else:
            found += _on(person.record, f"business.people[{i}].record.")
    return found


def guard(
    det: Determination, found: list[tuple[str, OpenCustodyAtRelease]], day: date
) -> Determination:
    """``det`` itself, or ``needs_review`` when it would clear the person on ``day`` although
    the record leaves unknown whether the person is in custody; for a contradiction from a later
    day, no clearing answer from that day is foreseen (the answer changes to ``needs_review``
    then)."""
    now = [(p, c) for p, c in found if c.supervision_start <= day]
    later = [c.supervision_start for _, c in found if c.supervision_start > day]
    if not now:
        if not later:
            return det
        start = min(later)
        promised = det.date if det.outcome is Outcome.eligible_from else None
        if promised is None or promised < start:
            return unsettled_from(
                det,
                start,
                Outcome.needs_review,
                "supervised release recorded as begun while custody is still open",
            )
        # Eligible from a day the contradiction has begun by: that promise cannot be made.
        now = [(p, c) for p, c in found if c.supervision_start <= promised]
    if not clears(det):
        return unsettled_ahead(det, Outcome.needs_review)
    said = "; ".join(c.describe() for _, c in now)
    before = was(det)
    return overrule(
        det,
        Outcome.needs_review,
        f"The record contradicts itself on custody: {said}. Supervised release begins on "
        "release from imprisonment and does not run while the person is imprisoned (18 U.S.C. "
        "3624(e)), so whether the person is in custody is unknown; the custody's end or the "
        f"supervised release's start decides it. Without the contradiction the answer would "
        f"be: {before}. {det.reason or ''}".strip(),
        missing_facts=[f"{c.custody}.end" for _, c in now]
        + [f"{c.supervision}.start" for _, c in now],
    )


def on_some_days(
    found: Sequence[tuple[Reading, list[tuple[str, OpenCustodyAtRelease]]]],
) -> list[tuple[str, OpenCustodyAtRelease]]:
    """The contradictions found on any of a record's exact readings (``found``: each reading
    with those found on it), each from the earliest day its supervised release is recorded to
    begin on a reading that has it; one found on some readings only, or from different days,
    is said to hold on some of the days the approximate dates allow (unknown is never false)."""
    if len(found) == 1:
        return found[0][1]
    hits: dict[tuple[str, str], list[tuple[Reading, str, OpenCustodyAtRelease]]] = {}
    for reading, on in found:
        for prefix, c in on:
            hits.setdefault((c.custody, c.supervision), []).append((reading, prefix, c))
    out: list[tuple[str, OpenCustodyAtRelease]] = []
    for seen in hits.values():
        _, prefix, first = min(seen, key=lambda hit: hit[2].supervision_start)
        days = {(c.custody_start, c.supervision_start) for _, _, c in seen}
        if len(seen) < len(found) or len(days) > 1:
            first = replace(first, note=where(found, [r for r, _, _ in seen]))
        out.append((prefix, first))
    return out


def review(report: Report, record: Record, exact: Sequence[Reading] = ()) -> Report:
    """``report`` with every answer guarded against the record's contradictions on custody on
    the day asked about (for SBA, the application's day where one is given) and after it: on
    the record, or, for a record with approximate dates, on any of its exact readings ``exact``
    (those its answers were merged from)."""
    read = list(exact) if len(exact) > 1 else [Reading({}, record, {})]
    person = on_some_days([(r, contradictions(r.record, business=False)) for r in read])
    sba = on_some_days([(r, contradictions(r.record, business=True)) for r in read])
    if not person and not sba:
        return report
    sba_day = report.application_date or report.as_of
    guarded = [
        guard(det, sba, sba_day)
        if det.program.startswith(SBA)
        else guard(det, person, report.as_of)
        for det in report.determinations
    ]
    return report.model_copy(update={"determinations": guarded})
