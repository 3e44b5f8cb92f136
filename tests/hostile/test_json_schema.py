"""The published JSON Schema (``secondchance schema``) accepts what the loader accepts: every
shipped example and case file passes both, and a set of invalid records fails both."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from secondchance.cases.run import read_cases
from secondchance.record import RecordError, validate
from secondchance.record.json_schema import record_json_schema
from secondchance.record.parse import parse_json, parse_yaml
from tests.hostile.helpers import run_main

ROOT = Path(__file__).parents[2]
VALIDATOR = jsonschema.Draft202012Validator(
    record_json_schema(), format_checker=jsonschema.FormatChecker()
)


def _shipped_records() -> dict[str, Any]:
    """Every record shipped: each example file, and each record written inside a case file."""
    found: dict[str, Any] = {}
    for path in sorted((ROOT / "examples").rglob("*.y*ml")) + sorted(
        (ROOT / "examples").rglob("*.json")
    ):
        text = path.read_text(encoding="utf-8")
        data = parse_json(text) if path.suffix == ".json" else parse_yaml(text)
        found[str(path.relative_to(ROOT))] = data
    for path in sorted((ROOT / "cases").rglob("*.y*ml")):
        for index, case in read_cases(path):
            if isinstance(case.record, dict):
                found[f"{path.relative_to(ROOT)}[{index}]"] = case.record
    return found


RECORDS = _shipped_records()


def test_the_command_prints_this_schema() -> None:
    result = run_main("schema")
    assert result.code == 0
    assert json.loads(result.out) == record_json_schema()


def test_there_are_records_to_check() -> None:
    # Case files name example files (checked as examples) or hold their record inline.
    assert sum(name.startswith("examples") for name in RECORDS) >= 20


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_every_shipped_record_passes_schema_and_loader(name: str) -> None:
    data = RECORDS[name]
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(data)]
    assert errors == []
    validate(data, name)


def test_terms_are_text_or_mappings_in_the_schema() -> None:
    term = record_json_schema()["$defs"]["Term"]
    assert [branch["type"] for branch in term["anyOf"]] == ["string", "object"]


INVALID: dict[str, Any] = {
    "date as a number": {"convictions": [{"jurisdiction": "federal", "conviction_date": 0}]},
    "date without dashes": {
        "convictions": [{"jurisdiction": "federal", "conviction_date": "20240101"}]
    },
    "term as a number": {
        "convictions": [{"jurisdiction": "federal", "sentence": {"imprisonment": 60}}]
    },
    "term text too long": {
        "convictions": [{"jurisdiction": "federal", "sentence": {"imprisonment": "1" * 201}}]
    },
    "unknown field": {"person": {"name": "A", "shoe_size": 9}},
    "unknown part not a record part": {"unknown": ["pending_charge"]},
    "unknown part of a business person not a record part": {
        "business": {
            "name": "B",
            "people": [{"name": "A", "roles": [{"role": "owner"}], "record": {"unknown": ["x"]}}],
        }
    },
    "negative fine": {"convictions": [{"jurisdiction": "federal", "sentence": {"fine": -1}}]},
    "number of 21 digits": {"fsa": {"gct_disallowed_days": 10**20}},
    "boolean as text": {
        "convictions": [
            {"jurisdiction": "federal", "counts": [{"statute": "18 U.S.C. 1343", "felony": "yes"}]}
        ]
    },
    "register number in other digits": {"person": {"bop_register_number": "١٢٣٤٥-١٢٣"}},
    "name too long": {"person": {"name": "A" * 10_001}},
    "too many court findings": {
        "convictions": [
            {
                "jurisdiction": "federal",
                "counts": [{"statute": "x", "court_findings": ["f"] * 1001}],
            }
        ]
    },
    "statute too long": {
        "convictions": [{"jurisdiction": "federal", "counts": [{"statute": "1" * 201}]}]
    },
}


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_records_fail_schema_and_loader(name: str) -> None:
    data = INVALID[name]
    assert not VALIDATOR.is_valid(data)
    with pytest.raises(RecordError):
        validate(data, "record.json")


def test_what_only_the_loader_checks() -> None:
    # JSON Schema cannot say which days the calendar has (docs/record-format.md, "Limits").
    data = {"convictions": [{"jurisdiction": "federal", "conviction_date": "2023-02-30"}]}
    assert VALIDATOR.is_valid(data)
    with pytest.raises(RecordError):
        validate(data, "record.json")
