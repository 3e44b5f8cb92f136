"""Parity: every batch result equals what ``check`` answers for that person (outcome, date,
next change, reason codes, missing facts). The batch goes through the whole pipeline (tables
read in batches, shared fact patterns, worker processes, Parquet written); ``check`` runs the
command line on the person's record file."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import yaml
from typer.testing import CliRunner

from secondchance.batch.evaluate import record_of
from secondchance.batch.read import people_from_tables
from secondchance.batch.run import Plan, run
from secondchance.batch.synth import synth_people
from secondchance.cli import app

AS_OF = dt.date(2026, 1, 1)


def _check(record_file: Path) -> dict[str, tuple[Any, ...]]:
    result = CliRunner().invoke(
        app, ["check", str(record_file), "--as-of", AS_OF.isoformat(), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    return {
        d["program"]: (
            d["outcome"],
            d["date"],
            d["next_change"],
            # reason codes: the decisive findings' citations, each once
            list(dict.fromkeys(f["citation"] for f in d["findings"] if f["role"] == "decisive")),
            d["missing_facts"],
        )
        for d in report["determinations"]
    }


def _batch(out: Path) -> dict[str, dict[str, tuple[Any, ...]]]:
    found: dict[str, dict[str, tuple[Any, ...]]] = {}
    for row in pq.read_table(out / "results.parquet").to_pylist():
        found.setdefault(row["person_id"], {})[row["program"]] = (
            row["outcome"],
            None if row["date"] is None else row["date"].isoformat(),
            None if row["next_change"] is None else row["next_change"].isoformat(),
            row["reason_codes"],
            row["missing_facts"],
        )
    return found


def _parity(tmp_path: Path, people: int, seed: int, workers: int) -> None:
    tables, out = tmp_path / "in", tmp_path / "out"
    synth_people(people, tables, seed=seed)
    summary = run(Plan(tables, out, AS_OF, workers=workers))
    assert summary.screened == people
    batch = _batch(out)
    for person in people_from_tables(tables, []):
        record, problems = record_of(person)
        assert record is not None, problems
        path = tmp_path / f"{person.person_id}.yaml"
        data = record.model_dump(mode="json", exclude_defaults=True)
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
        assert batch[person.person_id] == _check(path), person.person_id


def test_batch_equals_check_for_synthetic_people(tmp_path: Path) -> None:
    _parity(tmp_path, people=60, seed=7, workers=2)


@pytest.mark.slow
def test_batch_equals_check_for_thousands(tmp_path: Path) -> None:
    people = 3000 if os.environ.get("SECONDCHANCE_NIGHTLY") == "1" else 150
    _parity(tmp_path, people=people, seed=11, workers=2)
