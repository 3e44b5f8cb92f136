"""A record's ``unknown`` list (format 1.1): parts the person could not state are never read as
empty (law/unstated.py)."""

from __future__ import annotations

from typing import Any

from secondchance.engine.determination import Outcome
from secondchance.record.schema import PersonRecord, RecordPart
from tests.foundation.test_format_1_1 import answer, report, serving
from tests.support import run_cli


def _unknown(*parts: str) -> dict[str, Any]:
    return serving() | {"unknown": list(parts)}


def test_the_parts_are_the_top_level_keys_of_a_person_record() -> None:
    keys = set(PersonRecord.model_fields) - {"unknown"}
    assert {part.value for part in RecordPart} == keys


def test_unknown_custody_keeps_clearing_answers_from_clearing() -> None:
    # The baseline (test_format_1_1.test_the_plain_case_clears): serving since 2019-01-02, the
    # commutation petition (28 CFR 1.3) and time credits (18 U.S.C. 3632(d)(4)) are eligible.
    # With "custody: not known" the record's custody period is only the one known; whether the
    # person is still serving, or served other terms, decides both -> insufficient_facts naming
    # custody, the finding citing each program's own rule.
    for program, cited in (
        ("clemency.commutation_petition", "28 CFR 1.3"),
        ("fsa.time_credits", "18 U.S.C. 3632(d)(4)"),
    ):
        det = answer(_unknown("custody"), program)
        assert det.outcome is Outcome.insufficient_facts, program
        assert "custody" in det.missing_facts
        assert det.date is None and det.eligible_from_date is None
        first = det.findings[0]
        assert first.facts == {"custody": "unknown"}
        assert cited in first.citation
        assert det.headline is not None and det.headline.startswith("INSUFFICIENT FACTS")
    block = report(_unknown("custody")).computation("sentence")
    assert block is not None
    assert any("(custody)" in note for note in block["needs_review"])


def test_a_part_no_program_reads_changes_nothing() -> None:
    # The time-credit rules (18 U.S.C. 3632(d)(4)) do not turn on pending charges, nor any answer
    # on the Bureau's own figures: time credits stay eligible. A pending charge can change the
    # clemency answers (the petition rules read pending charges): commutation is insufficient.
    assert answer(_unknown("pending_charges"), "fsa.time_credits").outcome is Outcome.eligible
    det = answer(_unknown("pending_charges"), "clemency.commutation_petition")
    assert det.outcome is Outcome.insufficient_facts
    assert det.missing_facts == ["pending_charges"]
    assert report(_unknown("bureau")).model_dump() == report(serving()).model_dump()


def test_a_part_listed_twice_is_named_once() -> None:
    det = answer(_unknown("custody", "custody"), "fsa.time_credits")
    assert det.missing_facts.count("custody") == 1


def test_a_part_not_of_the_record_is_an_input_error(tmp_path: Any) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("unknown: [pending_charge]\n", encoding="utf-8")
    done = run_cli("check", str(path), "--as-of", "2025-01-15")
    assert done.returncode == 2
    assert "unknown[0]" in done.stderr and "pending_charges" in done.stderr
