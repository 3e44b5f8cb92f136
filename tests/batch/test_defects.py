"""Inputs a review found mishandled: each bad row or input is reported (errors.csv, or exit 2
before anything is written), never read as something else."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from typer.testing import CliRunner

from secondchance.cli import app
from tests.batch.tables import write_tables

CONVICTION = {
    "conviction_id": "c1",
    "jurisdiction": "federal",
    "conviction_date": "2010-01-04",
    "imprisonment": "36 months",
}


def _screen(source: Path, out: Path, *extra: str, code: int = 0) -> str:
    args = ["screen", str(source), "--as-of", "2026-01-01", "--out", str(out), "--workers", "1"]
    result = CliRunner().invoke(app, [*args, *extra])
    assert result.exit_code == code, result.output
    return result.output


def _errors(out: Path) -> list[tuple[str, str, str, str]]:
    with (out / "errors.csv").open(newline="", encoding="utf-8") as handle:
        return [(e["person_id"], e["table"], e["row"], e["field"]) for e in csv.DictReader(handle)]


def _screened(out: Path) -> list[str]:
    return sorted(set(pq.read_table(out / "results.parquet")["person_id"].to_pylist()))


def _pardoned(pids: list[str], cells: list[object]) -> dict[str, list[dict[str, object]]]:
    return {
        "people": [{"person_id": p, "name": p} for p in pids],
        "convictions": [{"person_id": p, **CONVICTION} for p in pids],
        "counts": [
            {"person_id": p, "conviction_id": "c1", "statute": "18 U.S.C. 1343"} for p in pids
        ],
        "grants": [
            {"person_id": p, "kind": "pardon", "granted_on": "2021-01-19", "conviction_ids": c}
            for p, c in zip(pids, cells, strict=True)
        ],
    }


def test_a_list_cell_naming_no_conviction_is_a_row_problem(tmp_path: Path) -> None:
    # An empty conviction_ids means "every federal conviction": a cell of separators only, or
    # with an empty part, must not be read as that (check refuses conviction_ids [";"]).
    source = write_tables(
        tmp_path / "in", _pardoned(["G1", "G2", "G3", "G4"], ["c1", ";", " ; ; ", "c1;"])
    )
    _screen(source, tmp_path / "out")
    assert _screened(tmp_path / "out") == ["G1"]
    assert _errors(tmp_path / "out") == [
        ("G2", "grants", "2", "conviction_ids"),
        ("G3", "grants", "3", "conviction_ids"),
        ("G4", "grants", "4", "conviction_ids"),
    ]


def test_a_parquet_list_of_empty_entries_is_a_row_problem(tmp_path: Path) -> None:
    source = write_tables(tmp_path / "in", _pardoned(["Q1", "Q2"], ["c1", "x"]))
    (source / "grants.csv").unlink()
    pq.write_table(
        pa.table(
            {
                "person_id": ["Q1", "Q2"],
                "kind": ["pardon", "pardon"],
                "granted_on": ["2021-01-19", "2021-01-19"],
                "conviction_ids": pa.array([["c1"], [None, ""]], pa.list_(pa.string())),
            }
        ),
        source / "grants.parquet",
    )
    _screen(source, tmp_path / "out")
    assert _screened(tmp_path / "out") == ["Q1"]
    assert _errors(tmp_path / "out") == [("Q2", "grants", "2", "conviction_ids")]


def _same_facts(people: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    pids = [p["person_id"] for p in people]
    return {
        "people": people,
        "convictions": [{"person_id": p, **CONVICTION} for p in pids],
        "counts": [
            {"person_id": p, "conviction_id": "c1", "statute": "18 U.S.C. 1343"} for p in pids
        ],
    }


def test_a_remembered_fact_pattern_does_not_skip_the_persons_own_fields(tmp_path: Path) -> None:
    # K2 and K3 share K1's facts; their register number (not NNNNN-NNN) and name (over the
    # 10,000-character limit of a text) are invalid, as check says: they are not screened.
    people = [
        {"person_id": "K1", "name": "Good", "bop_register_number": "12345-678"},
        {"person_id": "K2", "name": "Bad", "bop_register_number": "not-a-number"},
        {"person_id": "K3", "name": "x" * 20_000, "bop_register_number": ""},
        {"person_id": "K4", "name": "Also good", "bop_register_number": "12345-679"},
    ]
    source = write_tables(tmp_path / "in", _same_facts(people))
    _screen(source, tmp_path / "out")
    assert _screened(tmp_path / "out") == ["K1", "K4"]
    assert _errors(tmp_path / "out") == [
        ("K2", "people", "2", "bop_register_number"),
        ("K3", "people", "3", "name"),
    ]
    lines = [
        {
            "person_id": p["person_id"],
            "record": {
                "person": {"name": p["name"], "bop_register_number": p["bop_register_number"]},
                "convictions": [
                    {
                        "id": "c1",
                        "jurisdiction": "federal",
                        "conviction_date": "2010-01-04",
                        "counts": [{"statute": "18 U.S.C. 1343"}],
                        "sentence": {"imprisonment": "36 months"},
                    }
                ],
            },
        }
        for p in people[:2]
    ]
    jsonl = tmp_path / "people.jsonl"
    jsonl.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    _screen(jsonl, tmp_path / "out-jsonl")
    assert _screened(tmp_path / "out-jsonl") == ["K1"]
    assert [e[0] for e in _errors(tmp_path / "out-jsonl")] == ["K2"]
