"""One person → result rows, through the engine's own ``evaluate`` (the function ``check``
calls), so batch answers cannot drift from ``check``. People whose facts reaching the law are
the same share one evaluation (their records differ only in name and ids)."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from secondchance.api import evaluate, prepare
from secondchance.batch.layout import Kind
from secondchance.batch.mapping import (
    NOT_IN_KEY,
    PersonRows,
    Problem,
    pattern_key,
    read_cell,
    stated,
    to_record,
)
from secondchance.batch.read import Item, Unreadable, Whole
from secondchance.engine import Determination
from secondchance.engine.determination import FindingRole
from secondchance.engine.rules import Program
from secondchance.law.registry import all_programs
from secondchance.law.sentence import sentence_of
from secondchance.law.sentence.parts import SentenceOutcome
from secondchance.record.load import RecordError, validate
from secondchance.record.schema import Record
from secondchance.record.timeline import days_in_custody, open_custody_at_release

CACHE_LIMIT = 20_000
"""Fact patterns remembered per worker before the memory is cleared (bounds memory)."""

SENTENCE_FACTS = {
    "commenced_on": ("commenced_on",),
    "released_on": ("released_on",),
    "full_term_date": ("full_term_date",),
    "commuted_release_date": ("commuted_release_date",),
    "gct_release_date": ("gct_release_date",),
    "fsa_eligible": ("fsa", "eligible"),
    "fsa_credits_applied": ("fsa", "credits_applied_days"),
    "fsa_prerelease_date": ("fsa", "prerelease_custody_date"),
    "fsa_release_date": ("fsa", "release_date"),
}
"""Computed sentence dates carried into the per-person results (from the sentence block)."""


def reason_codes(det: Determination) -> list[str]:
    """Compact reason codes: the citations of the determination's decisive findings (those that
    apply the rule to this person), each once, in the order the explanation gives them. What is
    true for everyone (background) and where to file are left to ``explain``."""
    return list(dict.fromkeys(f.citation for f in det.findings if f.role is FindingRole.decisive))


class Answer(NamedTuple):
    """What the batch keeps of one program's determination (a tuple: cheap to send back from
    a worker)."""

    program: str
    outcome: str
    date: dt.date | None
    next_change: dt.date | None
    reason_codes: tuple[str, ...]
    missing_facts: tuple[str, ...]


def answer_of(det: Determination) -> Answer:
    return Answer(
        det.program,
        det.outcome.value,
        det.date,
        det.next_change,
        tuple(reason_codes(det)),
        tuple(det.missing_facts),
    )


@dataclass
class Screened:
    """One person's answers, computed facts and the Bureau's stated facts, or the problems."""

    person_id: str
    name: str | None
    answers: tuple[Answer, ...] = ()
    facts: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def __reduce__(self) -> tuple[Any, ...]:
        """Sent between processes as plain tuples (a worker's chunk is read back by the main
        process about twice as fast as with the dataclasses' own pickling)."""
        raw = tuple(map(tuple, self.answers))
        return (_screened, (self.person_id, self.name, raw, self.facts, self.problems))


def _screened(
    person_id: str,
    name: str | None,
    raw: tuple[tuple[Any, ...], ...],
    facts: dict[str, Any],
    problems: list[Problem],
) -> Screened:
    return Screened(person_id, name, tuple([_as_answer(Answer, r) for r in raw]), facts, problems)


_as_answer = tuple.__new__


def _sentence_facts(block: dict[str, Any] | None) -> dict[str, Any]:
    out: dict[str, Any] = dict.fromkeys(SENTENCE_FACTS)
    for name, path in SENTENCE_FACTS.items():
        value: Any = block
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, str) and name != "fsa_eligible":
            value = dt.date.fromisoformat(value)
        out[name] = value
    return out


def _any(values: list[bool | None]) -> bool | None:
    """True if any is true, False if all are known false, None (unknown) otherwise."""
    if any(v is True for v in values):
        return True
    return False if values and all(v is False for v in values) else None


def record_facts(record: Record, computed: dict[str, Any], as_of: dt.date) -> dict[str, Any]:
    """What campaigns read from the record itself (what it says, not what the law makes of it):
    violence and weapons on any count (unknown when a count leaves it open), how many
    convictions, whether a proclamation's certificate is recorded, and the days since the
    computed commencement of the sentence (to the release, or to the as-of date), the PATTERN
    risk levels recorded (what a time-credit projection rests on), and the record's
    contradictions about release (supervised release begun while custody is still open)."""
    counts = [c for conviction in record.convictions for c in conviction.counts]
    start, end = computed.get("commenced_on"), computed.get("released_on") or as_of
    certified = [g.certificate_issued for g in record.clemency]
    risks = record.fsa.risk_assessments if record.fsa else []
    contradictions = [c.describe() for c in open_custody_at_release(record)]
    return {
        "risk_levels": "; ".join(f"{r.level.value} on {r.assessed_on.isoformat()}" for r in risks)
        or None,
        "contradictions": "; ".join(contradictions) or None,
        "any_violence": _any([c.violence for c in counts]) if counts else None,
        "any_weapon": _any([c.weapon for c in counts]) if counts else None,
        "convictions": len(record.convictions),
        "certificate_issued": _any(certified) if certified else False,
        "days_served": days_in_custody(record, start, end) if isinstance(start, dt.date) else None,
    }


def evaluate_record(
    record: Record, as_of: dt.date, programs: Sequence[Program]
) -> tuple[tuple[Answer, ...], dict[str, Any]]:
    """The engine's report for the record, kept as answers and facts. An exact record's
    sentence dates are read from its computed sentence without writing the JSON block; a record
    with approximate dates takes them from the report's block, merged over its readings."""
    exact = not record.approximate_dates
    report = evaluate(record, as_of=as_of, programs=programs, computations=not exact)
    if exact:
        computed = sentence_of(record, as_of, explain_it=False)  # dates() reads no finding
        facts = computed.dates() if isinstance(computed, SentenceOutcome) else _sentence_facts(None)
    else:
        block = report.computation("sentence")
        facts = _sentence_facts(block)
        if isinstance(block, dict) and block.get("reason") and not block.get("commenced_on"):
            # the readings of the approximate dates give different dates: none is the record's
            facts["dates_undecided"] = str(block["reason"])
        facts["approximate_dates"] = tuple(
            f"{path} {approx.describe()}" for path, approx in record.approximate_dates.items()
        )
    facts.update(record_facts(record, facts, as_of))
    return tuple(answer_of(d) for d in report.determinations), facts


def _whole_record(item: Whole) -> tuple[Record | None, list[Problem]]:
    if isinstance(item.data, Unreadable):
        return None, [
            Problem(
                item.person_id, item.source, None, p.partition(": ")[0], p.partition(": ")[2] or p
            )
            for p in item.data.problems
        ]
    try:
        return validate(item.data, item.source), []
    except RecordError as exc:
        return None, [
            Problem(
                item.person_id, item.source, None, p.partition(": ")[0], p.partition(": ")[2] or p
            )
            for p in exc.problems
        ]


def record_of(item: Item) -> tuple[Record | None, list[Problem]]:
    """The validated record of a person from any input, or the problems with it."""
    if isinstance(item, PersonRows):
        return to_record(item)
    return _whole_record(item)


def _key(item: Item) -> Any:
    if isinstance(item, PersonRows):
        return pattern_key(item)
    if isinstance(item.data, dict):
        data = dict(item.data)
        person = dict(data.get("person") or {}) if isinstance(data.get("person"), dict) else None
        if person is not None:
            for name in NOT_IN_KEY:
                person.pop(name, None)
            data["person"] = person
        try:
            import json

            return json.dumps(data, sort_keys=True, default=str)
        except (TypeError, ValueError):
            return None
    return None


def _own_fields_valid(item: Item) -> bool:
    """Whether the fields left out of the fact-pattern key are valid for this person: a
    remembered answer is only theirs once the whole of their record is known to be valid (the
    rest of it is the same as the remembered pattern's, which was)."""
    if isinstance(item, PersonRows):
        row = item.people_row()
        person = {n: read_cell(Kind.text, row.get(n)) for n in NOT_IN_KEY}
    else:
        given = item.data.get("person") if isinstance(item.data, dict) else None
        person = {n: given.get(n) for n in NOT_IN_KEY} if isinstance(given, dict) else {}
    person = {n: v for n, v in person.items() if v is not None}
    if not person:
        return True
    try:
        validate({"person": person}, item.source if isinstance(item, Whole) else item.person_id)
    except RecordError:
        return False
    return True


def _bureau_of(item: Whole) -> dict[str, Any]:
    """The Bureau's figures of a whole record: its ``bureau:`` block, or those given beside it."""
    block = item.data.get("bureau") if isinstance(item.data, dict) else None
    if isinstance(block, dict) and not item.bureau:
        return {f"bureau_{k}": v for k, v in block.items()}
    return item.bureau


def _name(item: Item) -> str | None:
    if isinstance(item, PersonRows):
        value = item.people_row().get("name")
        return None if value is None else str(value)
    person = item.data.get("person") if isinstance(item.data, dict) else None
    name = person.get("name") if isinstance(person, dict) else None
    return None if name is None else str(name)


class Screener:
    """Screens people one by one as of a date, remembering each fact pattern's answers."""

    def __init__(self, as_of: dt.date, program_ids: Sequence[str] | None = None) -> None:
        self.as_of = as_of
        chosen = all_programs()
        if program_ids:
            chosen = tuple(p for p in chosen if p.id in set(program_ids))
        self.programs = chosen
        self.cache: dict[Any, tuple[tuple[Answer, ...], dict[str, Any]]] = {}
        self.evaluated = 0

    def screen(self, item: Item, ready: Ready | None = None) -> Screened:
        """One person; ``ready``: their fact-pattern key and record, built ahead."""
        bureau = stated(item.people_row() if isinstance(item, PersonRows) else _bureau_of(item))
        done = Screened(item.person_id, _name(item))
        key = _key(item) if ready is None else ready[0]
        hit = self.cache.get(key) if key is not None else None
        if hit is not None and not _own_fields_valid(item):
            hit = None  # the person's own record is read in full, to name its problems
            ready = None
        if hit is None:
            record, problems = record_of(item) if ready is None or ready[1] is None else ready[1]
            if record is None:
                done.problems = problems
                return done
            try:
                hit = evaluate_record(record, self.as_of, self.programs)
            except Exception as exc:  # a defect must not stop the run: the person is reported
                done.problems = [
                    Problem(
                        item.person_id,
                        "(engine)",
                        None,
                        "(evaluation)",
                        f"could not be evaluated ({type(exc).__name__}: {exc}); please report this",
                    )
                ]
                return done
            self.evaluated += 1
            if key is not None:
                if len(self.cache) >= CACHE_LIMIT:
                    self.cache.clear()
                self.cache[key] = hit
        done.answers, facts = hit
        done.facts = {**facts, **bureau}
        return done

    def screen_many(self, items: Sequence[Item]) -> list[Screened]:
        return [
            self.screen(item, ready) for item, ready in zip(items, self._ready(items), strict=True)
        ]

    def _ready(self, items: Sequence[Item]) -> list[Ready]:
        """Each person's key, and the record of the first person of each fact pattern not yet
        remembered, with the law's computations made for all those records in one pass."""
        ready: list[Ready] = []
        seen: set[Any] = set()
        for item in items:
            key = _key(item)
            if key is not None and (key in self.cache or key in seen):
                ready.append((key, None))
                continue
            if key is not None:
                seen.add(key)
            ready.append((key, record_of(item)))
        records = [built[0] for _, built in ready if built is not None and built[0] is not None]
        # A defect here must not stop the run: each person is then evaluated alone, and a
        # defect in their evaluation is reported for them.
        with contextlib.suppress(Exception):
            prepare(records, self.as_of)
        return ready


Ready = tuple[Any, tuple[Record | None, list[Problem]] | None]
"""A person's fact-pattern key, and their record (or its problems) where built ahead."""
