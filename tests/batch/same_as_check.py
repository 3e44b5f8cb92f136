"""Screen hand-made tables with ``screen`` and the equivalent record file with ``check``, and
compare: the tables must read as the same validated record and get the same answers."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import yaml
from typer.testing import CliRunner

from secondchance.batch.evaluate import record_of
from secondchance.batch.read import people_from_tables
from secondchance.cli import app
from secondchance.record import load_record
from tests.batch.tables import exit_code_for, write_tables

Answers = dict[str, tuple[Any, ...]]


def check(record: dict[str, Any], folder: Path, as_of: str) -> Answers:
    """What ``check`` answers for the record: per program (outcome, date, reason codes)."""
    path = folder / "record.yaml"
    path.write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--as-of", as_of, "--format", "json"])
    assert result.exit_code == 0, result.output
    return {
        d["program"]: (
            d["outcome"],
            d["date"],
            # reason codes: the decisive findings' citations, each once
            list(dict.fromkeys(f["citation"] for f in d["findings"] if f["role"] == "decisive")),
        )
        for d in json.loads(result.output)["determinations"]
    }


def screen(tables: dict[str, list[dict[str, Any]]], folder: Path, as_of: str) -> Path:
    """Screen the tables (one worker); the output folder."""
    source, out = write_tables(folder / "in", tables), folder / "out"
    result = CliRunner().invoke(
        app, ["screen", str(source), "--as-of", as_of, "--out", str(out), "--workers", "1"]
    )
    assert result.exit_code == exit_code_for(out), result.output  # 3 when errors.csv is not empty
    return out


def screened(out: Path) -> dict[str, Answers]:
    """Per person and program: (outcome, date, reason codes) as ``screen`` wrote them."""
    found: dict[str, Answers] = {}
    for row in pq.read_table(out / "results.parquet").to_pylist():
        found.setdefault(row["person_id"], {})[row["program"]] = (
            row["outcome"],
            None if row["date"] is None else row["date"].isoformat(),
            row["reason_codes"],
        )
    return found


def people(out: Path) -> dict[str, dict[str, Any]]:
    """people.parquet by person id (the computed sentence dates)."""
    return {r["person_id"]: r for r in pq.read_table(out / "people.parquet").to_pylist()}


def errors(out: Path) -> list[tuple[str, str, str, str]]:
    """errors.csv as (person_id, table, row, field)."""
    with (out / "errors.csv").open(newline="", encoding="utf-8") as handle:
        return [(e["person_id"], e["table"], e["row"], e["field"]) for e in csv.DictReader(handle)]


def same_as_check(
    tables: dict[str, list[dict[str, Any]]], record: dict[str, Any], folder: Path, as_of: str
) -> tuple[Answers, Path]:
    """The tables read as exactly the record, and ``screen`` answers what ``check`` answers for
    it; returns those answers and the screening's output folder."""
    out = screen(tables, folder, as_of)
    assert errors(out) == []
    expected = check(record, folder, as_of)
    found = list(people_from_tables(folder / "in", []))
    assert len(found) == 1
    read, problems = record_of(found[0])
    assert problems == [] and read is not None
    assert read == load_record(folder / "record.yaml")
    answers = screened(out)[found[0].person_id]
    assert answers == expected
    return answers, out
