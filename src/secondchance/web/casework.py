"""What the case pages share: finding a case of the signed-in organisation, evaluating its
record with the engine, and the interview's memory of what was asked."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fastapi import HTTPException
from sqlalchemy.orm import Session

from secondchance.api import evaluate
from secondchance.engine import Determination, Report
from secondchance.record import RecordError
from secondchance.record.load import validate
from secondchance.store import cases as store_cases
from secondchance.store.models import Case
from secondchance.web.interview import GOALS, Question, next_question
from secondchance.web.security import Account


def find_case(session: Session, user: Account, case_id: str) -> Case:
    """The case if it is this organisation's; otherwise 404 (never saying whose it is)."""
    case = store_cases.get_case(session, user.org_id, case_id)
    if case is None:
        raise HTTPException(404, "No such case in your organisation.")
    return case


@dataclass
class Assessment:
    record: dict[str, Any]
    report: Report | None
    problems: list[str]
    goal: list[Determination] = field(default_factory=list)
    others: list[Determination] = field(default_factory=list)


def assess(goal: str, record: dict[str, Any], today: date | None = None) -> Assessment:
    """Evaluate the record with the engine (or say which fields it cannot read yet)."""
    if not record:
        return Assessment(record, None, [])
    try:
        valid = validate(record, "record")
    except RecordError as exc:
        return Assessment(record, None, [p.removeprefix("record: ") for p in exc.problems])
    report = evaluate(valid, as_of=today or date.today())
    wanted = GOALS[goal][1]
    mine = [d for d in report.determinations if d.program in wanted]
    rest = [d for d in report.determinations if d.program not in wanted]
    return Assessment(record, report, [], mine, rest)


def interview_memory(case: Case) -> dict[str, Any]:
    try:
        data = json.loads(case.unknown_facts or "{}")
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    at = data.get("unknown_at")
    again = data.get("again")
    return {
        "asked": list(data.get("asked", [])),
        "unknown": list(data.get("unknown", [])),
        "unknown_paths": list(data.get("unknown_paths", [])),
        "unknown_at": dict(at) if isinstance(at, dict) else {},
        "again": dict(again) if isinstance(again, dict) else {},
    }


def next_for(case: Case, assessment: Assessment) -> Question | None:
    memory = interview_memory(case)
    missing = [m for d in assessment.goal for m in d.missing_facts]
    missing += _words_of_marijuana_counts(assessment)
    missing += [m for m in _sentence_missing(case.goal, assessment) if m not in missing]
    asked = set(memory["asked"])
    return next_question(case.goal, assessment.record, missing, asked, memory["again"])


def _sentence_missing(goal: str, assessment: Assessment) -> list[str]:
    """The facts the sentence computation names as missing (its dates shown to a person who
    asks when they get out: "Would change the dates"), asked for that goal too."""
    if goal != "release" or assessment.report is None:
        return []
    block = assessment.report.computation("sentence") or {}
    listed = block.get("missing_facts") or []
    return [m for m in listed if isinstance(m, str)]


OPEN_OUTCOMES = ("eligible", "needs_review", "insufficient_facts")


def _words_of_marijuana_counts(assessment: Assessment) -> list[str]:
    """The descriptions of the counts a marijuana pardon answer may turn on: while that answer
    is open or clears (eligible, needs review, facts missing), each count's own words are asked
    (the engine reads them: "possession of marijuana while armed" is not simple possession),
    never left unasked so that the count reads as pardoned."""
    if not any(
        d.program == "clemency.marijuana_pardon" and d.outcome.value in OPEN_OUTCOMES
        for d in assessment.goal
    ):
        return []
    wanted = []
    for i, conviction in enumerate(assessment.record.get("convictions") or []):
        counts = conviction.get("counts") if isinstance(conviction, dict) else None
        for j, count in enumerate(counts if isinstance(counts, list) else []):
            if isinstance(count, dict) and not count.get("description"):
                wanted.append(f"convictions[{i}].counts[{j}].description")
    return wanted


def remember(case: Case, path: str, words: str, unknown: bool, again: str | None = None) -> str:
    """The interview's memory with ``path`` asked. Answered "I don't know" (``unknown``), the
    question's ``words`` are kept to show beside the answers, and its path, so that the unknown
    is never read as nothing to report (``interview.apply_none``, ``interview.carry_unknown``);
    answered otherwise, a question once answered "I don't know" is no longer unknown. A
    question asked again (a field the record held that the engine still named as missing)
    keeps the answer it holds now (``again``): not asked a third time while it holds that."""
    memory = interview_memory(case)
    if again is not None:
        memory["again"] = {**memory["again"], path: again}
    memory["asked"] = sorted({*memory["asked"], path})
    others = [u for u in memory["unknown"] if u != words]
    memory["unknown"] = [*others, words] if unknown else others
    paths = set(memory["unknown_paths"]) - {path}
    memory["unknown_paths"] = sorted(paths | {path} if unknown else paths)
    at = {w: p for w, p in memory["unknown_at"].items() if p != path and w != words}
    memory["unknown_at"] = {**at, words: path} if unknown else at
    return json.dumps(memory)


def reopen(case: Case, path: str) -> str:
    """The interview's memory with a question answered "I don't know" to (``path``) to be asked
    again, so that it can be answered now; the record keeps it unknown until it is."""
    memory = interview_memory(case)
    if path not in memory["unknown_at"].values():
        raise HTTPException(422, "That question was not answered “I don't know”.")
    memory["asked"] = [a for a in memory["asked"] if a != path]
    return json.dumps(memory)
