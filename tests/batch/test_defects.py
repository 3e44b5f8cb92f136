"""Inputs a review found mishandled: each bad row or input is reported (errors.csv, or exit 2
before anything is written), never read as something else."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from secondchance.cli import app
from tests.batch.tables import exit_code_for, write_tables

SRC = str(Path(__file__).resolve().parents[2] / "src")
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([SRC, os.environ.get("PYTHONPATH", "")])}
"""Subprocesses import this checkout's package."""

CONVICTION = {
    "conviction_id": "c1",
    "jurisdiction": "federal",
    "conviction_date": "2010-01-04",
    "imprisonment": "36 months",
}


def _screen(source: Path, out: Path, *extra: str, code: int | None = None) -> str:
    """``code`` left out: 0, or 3 when the run's errors file is not empty."""
    args = ["screen", str(source), "--as-of", "2026-01-01", "--out", str(out), "--workers", "1"]
    result = CliRunner().invoke(app, [*args, *extra])
    assert result.exit_code == (exit_code_for(out) if code is None else code), result.output
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
                "person_id": ["Q1", "Q2", "Q3"],
                "kind": ["pardon", "pardon", "pardon"],
                "granted_on": ["2021-01-19", "2021-01-19", "2021-01-19"],
                # Q3's typed empty list names no conviction: not "left out" (every conviction).
                "conviction_ids": pa.array([["c1"], [None, ""], []], pa.list_(pa.string())),
            }
        ),
        source / "grants.parquet",
    )
    people = source / "people.csv"
    people.write_text(people.read_text(encoding="utf-8") + "Q3,Q3\n", encoding="utf-8")
    for name in ("convictions", "counts"):
        table = source / f"{name}.csv"
        lines = table.read_text(encoding="utf-8").splitlines()
        table.write_text("\n".join([*lines, lines[-1].replace("Q2", "Q3")]) + "\n")
    _screen(source, tmp_path / "out")
    assert _screened(tmp_path / "out") == ["Q1"]
    assert _errors(tmp_path / "out") == [
        ("Q2", "grants", "2", "conviction_ids"),
        ("Q3", "grants", "3", "conviction_ids"),
    ]


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


def _one_count(tmp_path: Path, counts: bytes, people: bytes | None = None) -> Path:
    """Three people with one conviction each; counts.csv (and people.csv) written as bytes."""
    source = write_tables(
        tmp_path / "in",
        {
            "people": [{"person_id": p, "name": p} for p in ("B1", "B2", "B3")],
            "convictions": [{"person_id": p, **CONVICTION} for p in ("B1", "B2", "B3")],
        },
    )
    (source / "counts.csv").write_bytes(counts)
    if people is not None:
        (source / "people.csv").write_bytes(people)
    return source


def test_a_column_named_twice_stops_before_anything_is_written(tmp_path: Path) -> None:
    source = _one_count(
        tmp_path,
        b"person_id,conviction_id,statute,felony,felony\nB1,c1,18 U.S.C. 1343,true,false\n",
    )
    output = _screen(source, tmp_path / "out", code=2)
    assert "column 'felony' appears twice" in output
    assert not (tmp_path / "out").exists()
    (source / "counts.csv").unlink()
    pq.write_table(
        pa.Table.from_arrays(
            [pa.array(["B1"]), pa.array(["c1"]), pa.array(["x"]), pa.array(["y"])],
            names=["person_id", "conviction_id", "statute", "statute"],
        ),
        source / "counts.parquet",
    )
    assert "column 'statute' appears twice" in _screen(source, tmp_path / "out", code=2)
    assert not (tmp_path / "out").exists()


def test_rows_with_too_few_or_too_many_cells_are_row_problems(tmp_path: Path) -> None:
    source = _one_count(
        tmp_path,
        b"person_id,conviction_id,statute,felony\n"
        b"B1,c1,18 U.S.C. 1343,true\n"
        b"B2,c1,18 U.S.C. 1343\n"
        b"B3,c1,18 U.S.C. 1343,true,extra\n",
    )
    _screen(source, tmp_path / "out")
    assert _screened(tmp_path / "out") == ["B1"]
    assert _errors(tmp_path / "out") == [
        ("B2", "counts", "2", "(row)"),
        ("B3", "counts", "3", "(row)"),
    ]


def test_bytes_that_are_not_utf8_are_a_row_problem_or_stop_the_run(tmp_path: Path) -> None:
    # A Latin-1 'é' (byte 0xE9) in a cell: that row's person is not screened.
    counts = b"person_id,conviction_id,statute,felony,description\n"
    rows = [
        b"B1,c1,18 U.S.C. 1343,true,",
        b"B2,c1,18 U.S.C. 1343,true,fraude \xe9",
        b"B3,c1,18 U.S.C. 1343,true,",
    ]
    source = _one_count(tmp_path, counts + b"\n".join(rows) + b"\n")
    _screen(source, tmp_path / "out")
    assert _screened(tmp_path / "out") == ["B1", "B3"]
    assert _errors(tmp_path / "out") == [("B2", "counts", "2", "description")]
    # In the header, or in a person_id (the row cannot be placed on a person): exit 2, with
    # the byte's offset (the header "person_id,nam" is 13 bytes: offset 13).
    source = _one_count(tmp_path, counts, people=b"person_id,nam\xe9\nB1,x\n")
    output = _screen(source, tmp_path / "out2", code=2)
    assert "people.csv: the header is not UTF-8 text (byte offset 13" in output
    # "person_id,name\nB1,x\n" is 20 bytes, then "B" at 20: the 0xE9 at 21.
    source = _one_count(tmp_path, counts, people=b"person_id,name\nB1,x\nB\xe92,y\n")
    output = _screen(source, tmp_path / "out2", code=2)
    assert "row 2: person_id is not UTF-8 text" in output and "byte offset 21" in output
    assert not (tmp_path / "out2").exists()


def test_a_cell_larger_than_a_reading_block_is_read(tmp_path: Path) -> None:
    # 5,000,000 characters: over the reader's 4 MiB block, and over the 10,000 characters a
    # text may hold in a record (as check says): a row problem, not a stopped run.
    counts = b"person_id,conviction_id,statute,description\n" + b"\n".join(
        [
            b"B1,c1,18 U.S.C. 1343,",
            b"B2,c1,18 U.S.C. 1343," + b"x" * 5_000_000,
            b"B3,c1,18 U.S.C. 1343,",
        ]
    )
    source = _one_count(tmp_path, counts + b"\n")
    _screen(source, tmp_path / "out")
    assert _screened(tmp_path / "out") == ["B1", "B3"]
    assert _errors(tmp_path / "out") == [("B2", "counts", "2", "description")]


def test_quoted_cells_with_line_breaks_are_read_across_blocks(tmp_path: Path) -> None:
    from secondchance.batch.read import check_order, rows

    # 60,000 rows of about 90 bytes: over a 4 MiB reading block, each with a line break in a
    # quoted cell (valid CSV, as a spreadsheet writes it).
    path = tmp_path / "counts.csv"
    lines = [
        f'P{i:06d},c1,18 U.S.C. 1343,"wire fraud,\nfirst line {"x" * 50}"' for i in range(60_000)
    ]
    path.write_text("person_id,conviction_id,statute,description\n" + "\n".join(lines) + "\n")
    check_order({"counts": path})
    read = list(rows(path))
    assert len(read) == 60_000
    assert read[-1] == (
        60_000,
        {
            "person_id": "P059999",
            "conviction_id": "c1",
            "statute": "18 U.S.C. 1343",
            "description": "wire fraud,\nfirst line " + "x" * 50,
        },
    )


def test_a_byte_order_mark_is_skipped(tmp_path: Path) -> None:
    # Excel's "CSV UTF-8" starts the file with EF BB BF.
    counts = b"person_id,conviction_id,statute,felony\n" + b"".join(
        b"%s,c1,18 U.S.C. 1343,true\n" % p for p in (b"B1", b"B2", b"B3")
    )
    source = _one_count(
        tmp_path, b"\xef\xbb\xbf" + counts, b"\xef\xbb\xbfperson_id,name\nB1,x\nB2,y\nB3,z\n"
    )
    _screen(source, tmp_path / "out")
    plain = _one_count(tmp_path / "plain", counts)
    _screen(plain, tmp_path / "out-plain")
    assert _screened(tmp_path / "out") == ["B1", "B2", "B3"]
    assert pq.read_table(tmp_path / "out" / "results.parquet").equals(
        pq.read_table(tmp_path / "out-plain" / "results.parquet")
    )


def test_a_new_run_removes_the_manifest_of_the_last_one_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import secondchance.batch.run as run_module

    source = _one_count(tmp_path, b"person_id,conviction_id,statute\nB1,c1,18 U.S.C. 1343\n")
    _screen(source, tmp_path / "out")
    assert (tmp_path / "out" / "manifest.json").exists()

    def broken(*args: object) -> None:
        raise RuntimeError("stopped half-way")

    monkeypatch.setattr(run_module, "_consume", broken)
    plan = run_module.Plan(source, tmp_path / "out", dt.date(2026, 1, 1), workers=1)
    with pytest.raises(RuntimeError):
        run_module.run(plan)
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_record_files_that_cannot_be_read_are_reported_with_workers(tmp_path: Path) -> None:
    # With worker processes: a YAML syntax error and bytes that are not UTF-8 go to errors.csv
    # (the run once waited forever: the worker could not unpickle the error it was sent).
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "A.yaml").write_text("person: [unclosed\n", encoding="utf-8")
    (folder / "B.yaml").write_bytes(b"person:\n  name: Jos\xe9\n")
    out = tmp_path / "out"
    args = ["screen", str(folder), "--as-of", "2026-01-01", "--out", str(out), "--workers", "2"]
    done = subprocess.run(
        [sys.executable, "-m", "secondchance", *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=ENV,
    )
    assert done.returncode == 3, done.stderr  # finished, but A and B could not be screened
    assert [(e[0], e[1]) for e in _errors(out)] == [("A", "A.yaml"), ("B", "B.yaml")]


_UNPICKLABLE = """
import datetime as dt, sys
from pathlib import Path
from secondchance.batch import run
from secondchance.batch.read import Whole

def boom():
    raise TypeError("cannot be rebuilt")

class Unpicklable:
    def __reduce__(self):
        return (boom, ())

plan = run.Plan(Path("."), Path(sys.argv[1]), dt.date(2026, 1, 1), workers=2)
items = [Whole("X", Unpicklable(), "x", {})]
try:
    list(run._results(plan, items))
except run.WorkerError as exc:
    print("reported:", exc)
"""


def test_a_chunk_a_worker_cannot_unpickle_stops_the_run_instead_of_hanging(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _UNPICKLABLE, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=ENV,
    )
    assert "reported: a worker could not screen a chunk of people (TypeError)" in done.stdout, (
        done.stderr
    )


RECORD = {
    "convictions": [
        {
            "id": "c1",
            "jurisdiction": "federal",
            "conviction_date": "2010-01-04",
            "counts": [{"statute": "18 U.S.C. 1343"}],
            "sentence": {"imprisonment": "36 months"},
        }
    ]
}


def _line(pid: str, months: int = 36) -> bytes:
    record = json.loads(json.dumps(RECORD))
    record["convictions"][0]["sentence"]["imprisonment"] = f"{months} months"
    return json.dumps({"person_id": pid, "record": record}).encode() + b"\n"


def test_a_person_id_used_twice_in_json_lines_or_record_files_is_a_problem(
    tmp_path: Path,
) -> None:
    # The first J2 (36 months) is screened; the second (120 months) is reported, not screened
    # as well. " J1 " is trimmed, as a table's ids are, so it is J1 used twice.
    jsonl = tmp_path / "people.jsonl"
    jsonl.write_bytes(_line("J1") + _line("J2") + _line("J2", 120) + _line(" J1 "))
    _screen(jsonl, tmp_path / "out")
    assert _screened(tmp_path / "out") == ["J1", "J2"]
    assert _errors(tmp_path / "out") == [
        ("J2", "people.jsonl", "3", "person_id"),
        ("J1", "people.jsonl", "4", "person_id"),
    ]
    folder = tmp_path / "records"
    folder.mkdir()
    for name in ("R1.json", "R1.yaml", "R1.yml", "R2.yaml"):
        (folder / name).write_text(json.dumps(RECORD), encoding="utf-8")
    _screen(folder, tmp_path / "out-records")
    assert _screened(tmp_path / "out-records") == ["R1", "R2"]
    assert _errors(tmp_path / "out-records") == [
        ("R1", "R1.yaml", "", "(file)"),
        ("R1", "R1.yml", "", "(file)"),
    ]


def test_json_lines_with_a_byte_order_mark_or_a_line_not_utf8(tmp_path: Path) -> None:
    jsonl = tmp_path / "people.jsonl"
    jsonl.write_bytes(
        b"\xef\xbb\xbf" + _line("L1") + b'{"person_id": "L2", "x": "\xe9"}\n' + _line("L3")
    )
    _screen(jsonl, tmp_path / "out")
    assert _screened(tmp_path / "out") == ["L1", "L3"]
    assert _errors(tmp_path / "out") == [("line-2", "people.jsonl", "2", "(line)")]


def test_people_not_screened_are_people_and_orphan_rows_are_problems(tmp_path: Path) -> None:
    # People: B1 (screened), B2 (a bad count: not screened), B3 (screened). Two custody rows fit
    # no person (an empty id, and P9 who is not in people): two problems, no more people.
    source = _one_count(
        tmp_path,
        b"person_id,conviction_id,statute,felony\n"
        b"B1,c1,18 U.S.C. 1343,true\nB2,c1,18 U.S.C. 1343,maybe\nB3,c1,18 U.S.C. 1343,true\n",
    )
    (source / "custody.csv").write_text(
        "person_id,kind,start\n,designated_facility,2010-03-01\nB9,designated_facility,2010-03-01\n",
        encoding="utf-8",
    )
    output = _screen(source, tmp_path / "out")
    assert "1 people not screened, 3 problems" in " ".join(output.split())
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["screened"], manifest["failed"], manifest["problems"]) == (2, 1, 3)


def test_synth_writes_csv_that_screens_as_its_parquet(tmp_path: Path) -> None:
    # The same seed in both formats: the CSV (lists written as 'a;b') reads as the Parquet.
    runner = CliRunner()
    for fmt in ("csv", "parquet"):
        args = ["synth", "--people", "1000", "--seed", "3", "--format", fmt, str(tmp_path / fmt)]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        _screen(tmp_path / fmt, tmp_path / f"out-{fmt}")
    assert (tmp_path / "csv" / "grants.csv").exists()
    for name in ("results.parquet", "people.parquet"):
        csv_out = pq.read_table(tmp_path / "out-csv" / name)
        assert csv_out.num_rows > 0
        assert csv_out.equals(pq.read_table(tmp_path / "out-parquet" / name))
