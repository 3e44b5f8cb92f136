"""Cases: record versions with an optimistic version check, determination history, notes, the
audit log. Every function works inside the caller's transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from secondchance.engine import Report
from secondchance.store.models import (
    AuditEntry,
    Case,
    DeterminationRow,
    Note,
    RecordVersion,
    now,
)

GOALS = ("pardon", "release", "sba")


class VersionConflict(Exception):
    """Someone saved the case since this edit began; nothing was written."""

    def __init__(self, expected: int, actual: int) -> None:
        self.expected, self.actual = expected, actual
        super().__init__(
            f"This case was changed by someone else since you opened it (you edited version "
            f"{expected}, it is now version {actual}). Your change was not saved: reload the "
            "case, look at their change, and make yours again."
        )


def create_case(session: Session, org_id: int, label: str, goal: str) -> Case:
    if goal not in GOALS:
        raise ValueError(f"goal: one of {', '.join(GOALS)}")
    case = Case(org_id=org_id, label=label.strip()[:200] or "Untitled case", goal=goal)
    session.add(case)
    session.flush()
    return case


def get_case(session: Session, org_id: int, case_id: str) -> Case | None:
    """The case, only if it belongs to this organisation."""
    if len(case_id) > 32:
        return None
    return session.scalar(select(Case).where(Case.id == case_id, Case.org_id == org_id))


def current_record(session: Session, case: Case) -> dict[str, Any]:
    if case.version == 0:
        return {}
    row = session.scalar(
        select(RecordVersion).where(
            RecordVersion.case_id == case.id, RecordVersion.version == case.version
        )
    )
    return json.loads(row.record_json) if row else {}


def save_record(
    session: Session,
    case: Case,
    record: dict[str, Any],
    expected_version: int,
    author_id: int | None,
    interview_memory: str | None = None,
) -> int:
    """Store a new version of the case's record, unless the case moved past
    ``expected_version`` (then :class:`VersionConflict`). Returns the new version."""
    values: dict[str, Any] = {"version": expected_version + 1, "updated_at": now()}
    if interview_memory is not None:
        values["unknown_facts"] = interview_memory
    moved = session.execute(
        update(Case)
        .where(Case.id == case.id, Case.version == expected_version)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if moved.rowcount != 1:  # type: ignore[attr-defined]
        actual = session.scalar(select(Case.version).where(Case.id == case.id)) or 0
        raise VersionConflict(expected_version, actual)
    session.add(
        RecordVersion(
            case_id=case.id,
            version=expected_version + 1,
            record_json=json.dumps(record, ensure_ascii=False, sort_keys=True),
            author_id=author_id,
        )
    )
    set_committed_value(case, "version", expected_version + 1)
    return expected_version + 1


def record_versions(session: Session, case: Case) -> list[RecordVersion]:
    return list(
        session.scalars(
            select(RecordVersion)
            .where(RecordVersion.case_id == case.id)
            .order_by(RecordVersion.version.desc())
        )
    )


def _key(row: DeterminationRow) -> tuple[str, str, date | None, date | None]:
    return row.program, row.outcome, row.on_date, row.next_change


def store_report(session: Session, case: Case, report: Report) -> bool:
    """Add the report's determinations to the case's history when they differ from the current
    ones (new facts, or the law or the calendar moved). Returns True when something changed."""
    current = list(
        session.scalars(
            select(DeterminationRow).where(
                DeterminationRow.case_id == case.id, DeterminationRow.current == 1
            )
        )
    )
    fresh = [
        DeterminationRow(
            case_id=case.id,
            record_version=case.version,
            as_of=report.as_of,
            program=d.program,
            outcome=d.outcome.value,
            on_date=d.date,
            next_change=d.next_change,
            reason=d.reason,
            current=1,
        )
        for d in report.determinations
    ]
    same = {_key(r) for r in current} == {_key(r) for r in fresh}
    if same and all(r.record_version == case.version for r in current):
        return False
    for row in current:
        row.current = 0
    session.add_all(fresh)
    session.flush()
    return True


def determination_history(session: Session, case: Case) -> list[DeterminationRow]:
    return list(
        session.scalars(
            select(DeterminationRow)
            .where(DeterminationRow.case_id == case.id)
            .order_by(DeterminationRow.evaluated_at.desc(), DeterminationRow.id)
        )
    )


@dataclass(frozen=True)
class CaseFilter:
    text: str = ""
    program: str = ""
    outcome: str = ""
    changes_within_days: int | None = None


def list_cases(session: Session, org_id: int, wanted: CaseFilter, today: date) -> list[Case]:
    """The organisation's cases matching the filter, most recently changed first."""
    query = select(Case).where(Case.org_id == org_id)
    if wanted.text:
        query = query.where(func.lower(Case.label).contains(wanted.text.lower()))
    rows = select(DeterminationRow.case_id).where(DeterminationRow.current == 1)
    filtered = False
    if wanted.program:
        rows, filtered = rows.where(DeterminationRow.program == wanted.program), True
    if wanted.outcome:
        rows, filtered = rows.where(DeterminationRow.outcome == wanted.outcome), True
    if wanted.changes_within_days is not None:
        until = today + timedelta(days=wanted.changes_within_days)
        rows = rows.where(
            DeterminationRow.next_change.is_not(None), DeterminationRow.next_change <= until
        )
        filtered = True
    if filtered:
        query = query.where(Case.id.in_(rows))
    return list(session.scalars(query.order_by(Case.updated_at.desc()).limit(500)))


def current_determinations(
    session: Session, case_ids: list[str]
) -> dict[str, list[DeterminationRow]]:
    found: dict[str, list[DeterminationRow]] = {c: [] for c in case_ids}
    if not case_ids:
        return found
    for row in session.scalars(
        select(DeterminationRow).where(
            DeterminationRow.case_id.in_(case_ids), DeterminationRow.current == 1
        )
    ):
        found[row.case_id].append(row)
    return found


def add_note(session: Session, case: Case, author_id: int, body: str) -> Note:
    note = Note(case_id=case.id, author_id=author_id, body=body.strip()[:10_000])
    session.add(note)
    session.flush()
    return note


def notes(session: Session, case: Case) -> list[Note]:
    return list(
        session.scalars(select(Note).where(Note.case_id == case.id).order_by(Note.id.desc()))
    )


def audit(
    session: Session, org_id: int | None, user_id: int | None, action: str, case_id: str | None
) -> None:
    """Note who did what to which case (ids and action names only, never record content)."""
    session.add(AuditEntry(org_id=org_id, user_id=user_id, action=action, case_id=case_id))


def audit_entries(session: Session, org_id: int, limit: int = 500) -> list[AuditEntry]:
    return list(
        session.scalars(
            select(AuditEntry)
            .where(AuditEntry.org_id == org_id)
            .order_by(AuditEntry.id.desc())
            .limit(limit)
        )
    )
