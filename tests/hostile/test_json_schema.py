"""The published JSON Schema (``secondchance schema``) accepts what the loader accepts: every
shipped example and case file passes both, and a set of invalid records fails both."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from secondchance.record import RecordError, validate
from secondchance.record.json_schema import record_json_schema
from secondchance.record.parse import parse_json, parse_yaml
from tests.hostile.helpers import run_main

ROOT = Path(__file__).parents[2]
RECORD_FILES = sorted(
    p
    for folder in ("examples", "cases")
    for p in (ROOT / folder).rglob("*")
    if p.suffix in {".yaml", ".yml", ".json"}
)
VALIDATOR = jsonschema.Draft202012Validator(
    record_json_schema(), format_checker=jsonschema.FormatChecker()
)


def _record_of(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    data = parse_json(text) if path.suffix == ".json" else parse_yaml(text)
    # A case file holds its record under ``record``; an example is the record itself.
    return data["record"] if isinstance(data, dict) and "expect" in data else data


def test_the_command_prints_this_schema() -> None:
    result = run_main("schema")
    assert result.code == 0
    assert json.loads(result.out) == record_json_schema()


def test_there_are_files_to_check() -> None:
    assert len(RECORD_FILES) >= 20


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_record_passes_schema_and_loader(path: Path) -> None:
    data = _record_of(path)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(data)]
    assert errors == []
    validate(data, str(path))


def test_terms_are_text_or_mappings_in_the_schema() -> None:
    term = record_json_schema()["$defs"]["Term"]
    assert [branch["type"] for branch in term["anyOf"]] == ["string", "object"]


INVALID: dict[str, Any] = {
    "date as a number": {"convictions": [{"jurisdiction": "federal", "conviction_date": 0}]},
    "date without dashes": {
        "convictions": [{"jurisdiction": "federal", "conviction_date": "20240101"}]
    },
    "impossible date": {
        "convictions": [{"jurisdiction": "federal", "conviction_date": "2023-02-30"}]
    },
    "term as a number": {
        "convictions": [{"jurisdiction": "federal", "sentence": {"imprisonment": 60}}]
    },
    "term text too long": {
        "convictions": [{"jurisdiction": "federal", "sentence": {"imprisonment": "1" * 201}}]
    },
    "unknown field": {"person": {"name": "A", "shoe_size": 9}},
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
