"""Choice fields (a fixed set of values) are read regardless of letter case and surrounding
spaces, and nothing looser; a value that is none of them is quoted with the values allowed."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import pytest

from secondchance.record import RecordError, load_record, schema
from secondchance.record.json_schema import record_json_schema
from secondchance.record.schema import (
    BusinessRoleKind,
    CustodyKind,
    Jurisdiction,
    RecordPart,
    RiskLevel,
    SentenceRelation,
)
from tests.hostile.helpers import run_main

_RECORD = (
    "convictions:\n"
    "  - {{id: a, jurisdiction: {jurisdiction}}}\n"
    "  - id: b\n"
    "    jurisdiction: federal\n"
    "    sentence: {{relation: {relation}, relative_to: a}}\n"
    "custody: [{{kind: {custody}, start: 2020-01-01}}]\n"
    "fsa: {{risk_assessments: [{{assessed_on: 2024-01-01, level: {level}}}]}}\n"
    "unknown: [{unknown}]\n"
    "business:\n"
    "  name: B\n"
    "  people: [{{name: X, roles: [{{role: {role}, ownership_percent: 50}}]}}]\n"
)
CANONICAL = {
    "jurisdiction": "federal",
    "relation": "consecutive",
    "custody": "designated_facility",
    "level": "low",
    "unknown": "pending_charges",
    "role": "owner",
}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _problems(path: Path) -> list[str]:
    with pytest.raises(RecordError) as info:
        load_record(path)
    return info.value.problems


def test_a_choice_differing_only_in_case_or_spaces_is_read_as_that_choice(tmp_path: Path) -> None:
    written = {
        "jurisdiction": "Federal",
        "relation": "' CONSECUTIVE '",  # quoted: YAML keeps the spaces
        "custody": "Designated_Facility",
        "level": "Low",
        "unknown": "' Pending_Charges'",
        "role": "OWNER",
    }
    record = load_record(_write(tmp_path, "r.yaml", _RECORD.format(**written)))
    assert record.convictions[0].jurisdiction is Jurisdiction.federal
    sentence = record.convictions[1].sentence
    assert sentence is not None and sentence.relation is SentenceRelation.consecutive
    assert record.custody[0].kind is CustodyKind.designated_facility
    assert record.fsa is not None and record.fsa.risk_assessments[0].level is RiskLevel.low
    assert record.unknown == [RecordPart.pending_charges]
    assert record.business is not None
    assert record.business.people[0].roles[0].role is BusinessRoleKind.owner
    # The same record as one written in the canonical spelling, in YAML and in JSON.
    assert record == load_record(_write(tmp_path, "c.yaml", _RECORD.format(**CANONICAL)))
    as_json = {"fsa": {"risk_assessments": [{"assessed_on": "2024-01-01", "level": " LOW "}]}}
    from_json = load_record(_write(tmp_path, "r.json", json.dumps(as_json)))
    assert from_json.fsa is not None and from_json.fsa.risk_assessments[0].level is RiskLevel.low


# The suggestion is difflib's closest allowed value at a ratio of 0.6 or more (2 x matching
# characters / both lengths): "lo"/"low" 2*2/5 = 0.8; "lowest"/"low" 2*3/9 = 0.67;
# "min"/"minimum" 2*3/10 = 0.6; "medium-low"/"medium" 2*6/16 = 0.75 (above "low", 2*3/13).
# "ｌｏｗ" (full-width letters) and "3" share no character with any value: no suggestion.
ALLOWED = "minimum, low, medium, high"


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("lo", f"'lo' is not one of: {ALLOWED}; did you mean 'low'?"),
        ("Lowest", f"'Lowest' is not one of: {ALLOWED}; did you mean 'low'?"),
        ("min", f"'min' is not one of: {ALLOWED}; did you mean 'minimum'?"),
        ("medium-low", f"'medium-low' is not one of: {ALLOWED}; did you mean 'medium'?"),
        ("ｌｏｗ", f"'ｌｏｗ' is not one of: {ALLOWED}"),
        ("3", f"3 is not one of: {ALLOWED}"),
    ],
)
def test_anything_looser_is_an_error_quoting_the_value_and_the_choices(
    tmp_path: Path, written: str, message: str
) -> None:
    text = f"fsa: {{risk_assessments: [{{assessed_on: 2024-01-01, level: {written}}}]}}\n"
    assert _problems(_write(tmp_path, "r.yaml", text)) == [
        f"fsa.risk_assessments[0].level: {message}"
    ]


def test_a_choice_inside_a_list_of_choices_and_an_associate_record_is_named(
    tmp_path: Path,
) -> None:
    text = (
        "unknown: [custody, custodie]\n"
        "business:\n  name: B\n  people:\n    - name: X\n      roles: [{role: owner}]\n"
        "      record: {convictions: [{jurisdiction: federl}]}\n"
    )
    assert sorted(_problems(_write(tmp_path, "r.yaml", text))) == [
        "business.people[0].record.convictions[0].jurisdiction: 'federl' is not one of: "
        "federal, dc, military, state; did you mean 'federal'?",
        "unknown[1]: 'custodie' is not one of: person, convictions, court_challenges, custody, "
        "supervision, pending_charges, clemency, fsa, bureau, rdap; did you mean 'custody'?",
    ]


def test_check_refuses_a_bad_choice_with_exit_2_and_no_traceback(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "r.yaml",
        "convictions: [{jurisdiction: federal, sentence: {relation: Consecutiv}}]\n",
    )
    result = run_main("check", str(path), "--as-of", "2025-01-01")
    assert result.code == 2
    assert "Traceback" not in result.err + result.out
    assert (
        "convictions[0].sentence.relation: 'Consecutiv' is not one of: concurrent, consecutive; "
        "did you mean 'consecutive'?"
    ) in result.err


def _record_enums() -> list[type[StrEnum]]:
    return [
        value
        for value in vars(schema).values()
        if isinstance(value, type)
        and issubclass(value, StrEnum)
        and value.__module__ == schema.__name__
        and value is not schema.Choice
    ]


def test_every_choice_of_the_record_is_read_the_same_way_and_none_differs_only_by_case() -> None:
    # Reading regardless of case is safe only while no two values of one field differ only by
    # case: every value is written in lower case, so none can.
    enums = _record_enums()
    assert len(enums) >= 16
    for enum in enums:
        assert issubclass(enum, schema.Choice), enum
        for member in enum:
            assert member.value == member.value.lower().strip(), (enum, member)


def test_the_json_schema_still_lists_the_canonical_values() -> None:
    definitions = record_json_schema()["$defs"]
    assert definitions["RiskLevel"]["enum"] == ["minimum", "low", "medium", "high"]
    assert definitions["SentenceRelation"]["enum"] == ["concurrent", "consecutive"]
