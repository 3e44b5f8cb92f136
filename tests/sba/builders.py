"""Small builders for SBA test records (plain dicts validated by the real schema)."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.api import evaluate
from secondchance.engine import Determination
from secondchance.law.registry import program
from secondchance.record.load import validate


def person(name: str, roles: list[dict[str, Any]], **record: Any) -> dict[str, Any]:
    return {"name": name, "roles": roles, "record": record}


def owner(
    percent: float | None, start: str = "2015-01-01", end: str | None = None
) -> dict[str, Any]:
    role: dict[str, Any] = {"role": "owner", "start": start, "end": end}
    if percent is not None:
        role["ownership_percent"] = percent
    return role


def role(kind: str, start: str = "2015-01-01", end: str | None = None) -> dict[str, Any]:
    return {"role": kind, "start": start, "end": end}


def custody(
    kind: str, start: str, end: str | None, conviction_id: str | None = None
) -> dict[str, Any]:
    return {"kind": kind, "start": start, "end": end, "conviction_id": conviction_id}


def supervision(
    kind: str, start: str, end: str | None, conviction_id: str | None = None
) -> dict[str, Any]:
    return {"kind": kind, "start": start, "end": end, "conviction_id": conviction_id}


def count(**attrs: Any) -> dict[str, Any]:
    return {"statute": "18 U.S.C. 1001", **attrs}


def charge(
    instrument: str, filed_on: str | None, resolved_on: str | None = None, **attrs: Any
) -> dict[str, Any]:
    return {
        "instrument": instrument,
        "filed_on": filed_on,
        "resolved_on": resolved_on,
        "counts": [count(**attrs)],
    }


def conviction(cid: str, conviction_date: str | None, **attrs: Any) -> dict[str, Any]:
    return {
        "id": cid,
        "jurisdiction": "federal",
        "conviction_date": conviction_date,
        "counts": [count(**attrs)],
    }


def record(*people: dict[str, Any], child_care: bool | None = False) -> dict[str, Any]:
    return {"business": {"name": "Test Co", "child_care": child_care, "people": list(people)}}


def determine(program_id: str, data: dict[str, Any], application_date: str) -> Determination:
    rec = validate(data, "test")
    day = date.fromisoformat(application_date)
    report = evaluate(rec, as_of=day, application_date=day, programs=[program(program_id)])
    return report.determinations[0]


def outcome(program_id: str, data: dict[str, Any], application_date: str) -> tuple[str, str | None]:
    det = determine(program_id, data, application_date)
    return det.outcome.value, det.date.isoformat() if det.date else None
