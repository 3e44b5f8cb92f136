"""The command line through a real process: exit codes, messages, no traceback."""

import json
import subprocess
from pathlib import Path

import pytest

from tests.support import run_cli


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


BAD_RECORDS = {
    "syntax.yaml": ("person: {name: [unclosed\n", "YAML syntax error"),
    "type.yaml": ("convictions: 7\n", "convictions:"),
    "date.yaml": (
        "convictions:\n  - jurisdiction: federal\n    conviction_date: 2021-02-29\n",
        "convictions[0].conviction_date:",
    ),
    "unknown.yaml": ("person: {name: A, shoe_size: 9}\n", "person.shoe_size: unknown field"),
    "negative.yaml": (
        "convictions:\n  - jurisdiction: federal\n    sentence: {imprisonment: '-3 years'}\n",
        "convictions[0].sentence.imprisonment:",
    ),
    "bad.json": ('{"person": ', "line 1"),
    "finding.yaml": (
        "convictions:\n  - jurisdiction: federal\n    counts:\n"
        "      - {statute: 21 U.S.C. 848(a), court_findings: [leader_organizr]}\n",
        "convictions[0].counts[0].court_findings[0]: unknown court finding 'leader_organizr': "
        "did you mean 'leader_organizer'?",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_RECORDS))
def test_invalid_input_exits_2_naming_file_and_field(tmp_path: Path, name: str) -> None:
    text, expected = BAD_RECORDS[name]
    path = write(tmp_path, name, text)
    result = run("check", str(path), "--as-of", "2025-01-01")
    assert result.returncode == 2
    assert str(path) in result.stderr
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""


def test_bad_as_of_names_the_flag(tmp_path: Path) -> None:
    path = write(tmp_path, "ok.yaml", "person: {name: A}\n")
    result = run("check", str(path), "--as-of", "2025-13-01")
    assert result.returncode == 2
    assert "--as-of" in result.stderr
    assert "Traceback" not in result.stderr


def test_as_of_beyond_the_calendar_names_the_flag(tmp_path: Path) -> None:
    path = write(tmp_path, "ok.yaml", "person: {name: A}\n")
    result = run("check", str(path), "--as-of", "9999-01-01")
    assert result.returncode == 2
    assert "--as-of" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "absent.yaml"))
    assert result.returncode == 2
    assert "file not found" in result.stderr


def test_valid_record_json_contract(tmp_path: Path) -> None:
    path = write(tmp_path, "ok.yaml", "person: {name: A, bop_register_number: 12345-678}\n")
    result = run("check", str(path), "--as-of", "2025-01-01", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) >= {"schema_version", "as_of", "subject", "determinations"}
    assert report["as_of"] == "2025-01-01"
    assert report["subject"]["bop_register_number"] == "12345-678"
    for det in report["determinations"]:
        assert set(det) >= {
            "program",
            "outcome",
            "date",
            "reason",
            "findings",
            "missing_facts",
            "next_change",
        }


def test_schema_is_json_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Record"
    assert "convictions" in schema["properties"]


def test_rules_json_lists_versions_with_citations() -> None:
    result = run("rules", "--format", "json")
    assert result.returncode == 0
    table = json.loads(result.stdout)["programs"]
    for program in table:
        for version in program["versions"]:
            assert version["citation"]
            assert version["url"].startswith("http")


def test_rules_json_lists_parameters_with_their_sources() -> None:
    result = run("rules", "--format", "json")
    parameters = json.loads(result.stdout)["parameters"]
    assert parameters
    for parameter in parameters:
        assert parameter["citation"]
        assert parameter["url"].startswith("http")
        assert parameter["values"]
