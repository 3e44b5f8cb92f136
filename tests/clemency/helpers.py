"""Build records and ask one clemency program, through the engine (so next_change is filled)."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.engine.determination import Determination
from secondchance.engine.evaluate import evaluate_program
from secondchance.engine.rules import Context
from secondchance.law.registry import program
from secondchance.record.schema import Record

PARDON = "clemency.pardon_petition"
COMMUTATION = "clemency.commutation_petition"
MARIJUANA = "clemency.marijuana_pardon"

CITIZEN = [{"status": "us_citizen"}]


def ask(program_id: str, data: dict[str, Any], as_of: str) -> Determination:
    record = Record.model_validate(data)
    day = date.fromisoformat(as_of)
    return evaluate_program(program(program_id), record, Context(as_of=day))


def text(det: Determination) -> str:
    """All findings and the reason, for checking what an answer says."""
    return " ".join([det.reason or "", *(f.finding for f in det.findings)])


def served(
    release_day_before: str,
    *,
    conviction_date: str = "2010-01-04",
    supervision: tuple[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A federal prison sentence whose last day in custody is ``release_day_before``."""
    data: dict[str, Any] = {
        "person": {"status": CITIZEN},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "conviction_date": conviction_date,
                "counts": [{"statute": "18 U.S.C. 1343", "description": "Wire fraud"}],
                "sentence": {"imprisonment": "36 months", "supervised_release": "3 years"},
            }
        ],
        "custody": [
            {
                "kind": "designated_facility",
                "conviction_id": "c1",
                "start": "2010-03-01",
                "end": release_day_before,
            }
        ],
    }
    if supervision:
        data["supervision"] = [
            {
                "kind": "supervised_release",
                "conviction_id": "c1",
                "start": supervision[0],
                "end": supervision[1],
            }
        ]
    data.update(extra or {})
    return data
