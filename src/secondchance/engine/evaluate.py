"""Evaluate a record under the law in force on a date, and find when the answer changes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from secondchance.engine.approximate import answer_key, merge, merge_blocks
from secondchance.engine.determination import Determination, Finding, Outcome, Report, Subject
from secondchance.engine.glance import headline
from secondchance.engine.rules import Computation, Context, Program, RuleVersion
from secondchance.record.approximate import Reading, readings
from secondchance.record.schema import Record

MAX_LOOK_AHEAD = 64
"""How many candidate change dates are tried when looking for the next change."""


def _cited(det: Determination, version: RuleVersion) -> Determination:
    """Every answer cites: an answer whose rule gave no cited finding states its reason as a
    finding under the rule version applied, with that version's citation. The determination is
    the rule's own, made for this call, so it is completed in place."""
    for f in det.findings:
        if f.citation.strip():
            return det
    finding = _reason_finding(
        det.reason or f"{version.title}.", version.citation, version.id, version.url
    )
    det.findings = [finding, *det.findings]
    return det


@lru_cache(maxsize=1024)
def _reason_finding(reason: str, citation: str, rule_version: str, url: str | None) -> Finding:
    """The finding stating an answer's reason under its rule version: a few reasons (no business
    named, no possession count) recur for most people, so each is made once and shared, as the
    rules share their fixed findings; findings are never changed in place."""
    return Finding(finding=reason, citation=citation, rule_version=rule_version, url=url)


def determine_on(program: Program, record: Record, day: date, ctx: Context) -> Determination:
    """The determination of the rule version in force on ``day``."""
    version = program.version_on(day)
    if version is None:
        reason = f"No rule version of {program.id} is encoded for {day.isoformat()}."
        cited = [
            Finding(
                finding=f"{reason} The versions encoded: "
                + "; ".join(_span(v) for v in program.versions)
                + ".",
                citation="; ".join(dict.fromkeys(v.citation for v in program.versions)),
                rule_version=f"{program.id}@none",
                url=program.versions[0].url if program.versions else None,
            )
        ]
        return Determination(
            program=program.id, outcome=Outcome.needs_review, reason=reason, findings=cited
        )
    return _cited(version.evaluate(record, day, ctx), version)


def _span(version: RuleVersion) -> str:
    start = version.effective_from.isoformat() if version.effective_from else "..."
    end = version.effective_to.isoformat() if version.effective_to else "..."
    return f"{version.id} ({start} to {end})"


def _reasons(
    program: Program, record: Record, ctx: Context, det: Determination, day: date
) -> dict[date, str | None]:
    """Candidate change dates after ``day``, each with why that day (where the law says)."""
    candidates: list[tuple[date | None, str | None]] = [
        (det.date, det.date_reason),
        (det.next_change, det.next_change_reason),
    ]
    for change in program.change_points(record, ctx):
        candidates.append(change if isinstance(change, tuple) else (change, None))
    candidates.extend(program.starts)
    reasons: dict[date, str | None] = {}
    for point, why in candidates:
        if point is not None and point > day and reasons.get(point) is None:
            reasons[point] = why
    return reasons


@dataclass
class _Ahead:
    """What looking ahead found: the first different answer and the first eligible one."""

    first: tuple[date, Determination] | None = None
    eligible: tuple[date, Determination] | None = None
    seen: dict[date, Determination] = field(default_factory=dict)


def _scan(
    program: Program, record: Record, ctx: Context, det: Determination, points: list[date]
) -> _Ahead:
    ahead = _Ahead()
    for point in points[:MAX_LOOK_AHEAD]:
        later = determine_on(program, record, point, ctx.on(point))
        ahead.seen[point] = later
        same = answer_key(later) == answer_key(det)
        differs = point == det.next_change if det.next_change else not same
        if ahead.first is None and differs:
            ahead.first = (point, later)
        if ahead.eligible is None and later.outcome is Outcome.eligible:
            ahead.eligible = (point, later)
        if ahead.first is not None and (
            ahead.eligible is not None or det.outcome is Outcome.eligible
        ):
            break
    return ahead


def _demote(det: Determination, on_date: Determination) -> Determination:
    """An ``eligible_from`` whose date is not eligible after all (supervision still running on
    the fifth anniversary, say) is not eligible now; the look-ahead says when it changes."""
    assert det.date is not None
    return det.model_copy(
        update={
            "outcome": Outcome.not_eligible,
            "date": None,
            "date_reason": None,
            "reason": f"{det.reason} On {det.date.isoformat()} the answer is "
            f"{on_date.outcome.value}: {on_date.reason}",
        }
    )


_SAME: dict[tuple[str, str, date, Context], tuple[Program, Determination]] = {}
"""Answers that turn on nothing the record states but the decisive date
(``Program.no_facts_matter``), by program, reason, decisive date and question."""
SAME_LIMIT = 4096
"""Answers kept at most (then forgotten all at once): bounds the memory."""


def evaluate_program(program: Program, record: Record, ctx: Context) -> Determination:
    """:func:`answer_program`, or the program's answer already worked out for a record whose
    answer turns on nothing it states but the decisive date (a copy of it)."""
    why = program.no_facts_matter(record) if program.no_facts_matter is not None else None
    if why is None:
        return answer_program(program, record, ctx)
    key = (program.id, why, program.decisive_date(record, ctx), ctx)
    kept = _SAME.get(key)
    if kept is None or kept[0] is not program:
        if len(_SAME) >= SAME_LIMIT:
            _SAME.clear()
        kept = _SAME[key] = (program, answer_program(program, record, ctx))
    return kept[1].model_copy()


def answer_program(program: Program, record: Record, ctx: Context) -> Determination:
    """Evaluate one program and fill in ``next_change`` (and ``eligible_from`` where a later
    candidate date turns a ``not_eligible`` into ``eligible``), what the answer is from then on,
    and the first date it becomes eligible, each with why that day.

    Candidate dates are those the program names from the facts (a supervision term ending, a
    waiting period running out) and the effective dates of later rule versions; the same rules
    are evaluated on each, so no date is a special case.
    """
    day = program.decisive_date(record, ctx)
    det = determine_on(program, record, day, ctx)
    if not program.look_ahead:  # ``det`` is this call's own (from determine_on)
        det.headline = headline(det, day, program.by_application, program.eligible_words)
        return det
    reasons = _reasons(program, record, ctx, det, day)
    ahead = _scan(program, record, ctx, det, sorted(reasons))
    when = det.date
    if det.outcome is Outcome.eligible_from and when is not None:
        if det.date_reason is None:
            det = det.model_copy(update={"date_reason": reasons.get(when)})
        on_date = ahead.seen.get(when) or determine_on(program, record, when, ctx.on(when))
        if on_date.outcome is not Outcome.eligible:
            if ahead.first is None:
                ahead.first = (when, on_date)
            det = _demote(det, on_date)
    update: dict[str, object] = {}
    if ahead.first is not None:
        point, later = ahead.first
        update.update(
            next_change=det.next_change or point,
            next_change_outcome=later.outcome,
            next_change_reason=det.next_change_reason or reasons.get(point),
        )
        if det.outcome is Outcome.not_eligible and later.outcome is Outcome.eligible:
            update.update(
                outcome=Outcome.eligible_from,
                date=point,
                date_reason=reasons.get(point),
                reason=f"{det.reason} Eligible from {point.isoformat()}."
                if det.reason
                else f"Eligible from {point.isoformat()}.",
            )
    if update:  # else ``det`` is this call's own (from determine_on), set in place below
        det = det.model_copy(update=update)
    if det.date is not None and det.date_reason is None:
        det.date_reason = reasons.get(det.date)
    if det.outcome is Outcome.eligible_from and det.date is not None:
        det.eligible_from_date, det.eligible_from_reason = det.date, det.date_reason
    elif det.outcome is not Outcome.eligible and ahead.eligible is not None:
        det.eligible_from_date = ahead.eligible[0]
        det.eligible_from_reason = reasons.get(ahead.eligible[0])
    det.headline = headline(det, day, program.by_application, program.eligible_words)
    return det


def evaluate(
    record: Record,
    as_of: date,
    application_date: date | None = None,
    *,
    programs: Sequence[Program],
    computations: Sequence[Computation] = (),
    landmarks: Iterable[date] = (),
) -> Report:
    """Evaluate ``programs`` for ``record`` as of ``as_of`` and run ``computations``.

    The law's own programs and computations are wired in by :func:`secondchance.api.evaluate`.
    A record with approximate dates is evaluated on each exact reading it may stand for (at the
    ends of each range and at the ``landmarks``, the days on which the law changes) and the
    answers merged (:mod:`secondchance.engine.approximate`).
    """
    exact = readings(record, landmarks)
    asked = [(r, _context(r.record, as_of, application_date)) for r in exact]
    determinations = [_merged(p, asked) for p in programs]
    if len(exact) > 1:  # the readings' figures computed together where a computation can
        for c in computations:
            if c.prepare is not None:
                c.prepare([r.record for r in exact], as_of)
    blocks = {
        c.id: merge_blocks([c.compute(r.record, as_of) for r in exact], exact[0].approx, as_of)
        for c in computations
    }
    subject = Subject(
        name=record.person.name,
        bop_register_number=record.person.bop_register_number,
        business=record.business.name if record.business else None,
    )
    return Report(
        as_of=as_of,
        application_date=application_date or record.application_date,
        subject=subject,
        determinations=determinations,
        computations=blocks,
    )


def _merged(program: Program, asked: Sequence[tuple[Reading, Context]]) -> Determination:
    """One program's answer over every exact reading of the record (each with the question
    asked of it), with its headline."""
    answers = [(r, evaluate_program(program, r.record, ctx)) for r, ctx in asked]
    det = merge(answers)
    if det.headline is None:
        first, ctx = asked[0]
        day = program.decisive_date(first.record, ctx)
        det.headline = headline(det, day, program.by_application, program.eligible_words)
    return det


def _context(record: Record, as_of: date, application_date: date | None) -> Context:
    return Context(
        as_of=as_of, application_date=application_date or record.application_date, asked_on=as_of
    )
