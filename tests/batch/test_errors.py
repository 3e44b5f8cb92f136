"""Bad rows never stop a run and are never dropped silently: each problem goes to errors.csv
with its table, row number, field and problem; the person is not screened (a dropped row could
clear them wrongly); ``--rerun-errors`` screens only them once the input is fixed."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from secondchance.cli import app
from tests.batch.tables import exit_code_for, write_tables


def _person(pid: str) -> dict[str, str]:
    return {"person_id": pid, "name": f"Person {pid}"}


def _conviction(pid: str) -> dict[str, str]:
    return {
        "person_id": pid,
        "conviction_id": "c1",
        "jurisdiction": "federal",
        "imposed_on": "2015-03-02",
        "imprisonment": "60 months",
    }


def _count(pid: str, felony: str = "true") -> dict[str, str]:
    return {"person_id": pid, "conviction_id": "c1", "statute": "18 U.S.C. 1343", "felony": felony}


def _tables(tmp_path: Path, felony_p2: str, start_p3: str) -> Path:
    return write_tables(
        tmp_path / "in",
        {
            "people": [_person("P1"), _person("P2"), _person("P3")],
            "convictions": [_conviction("P1"), _conviction("P2"), _conviction("P3")],
            "counts": [_count("P1"), _count("P2", felony_p2), _count("P3"), _count("P9")],
            "custody": [
                {"person_id": "P1", "kind": "designated_facility", "start": "2015-03-02"},
                {"person_id": "P3", "kind": "designated_facility", "start": start_p3},
            ],
        },
    )


def _errors(out: Path, name: str = "errors.csv") -> list[dict[str, str]]:
    with (out / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _screen(source: Path, out: Path, *extra: str) -> None:
    result = CliRunner().invoke(
        app,
        [
            "screen",
            str(source),
            "--as-of",
            "2026-01-01",
            "--out",
            str(out),
            "--workers",
            "1",
            *extra,
        ],
    )
    assert result.exit_code == exit_code_for(out), result.output  # 3 when errors.csv is not empty


def test_bad_rows_go_to_the_errors_file_and_a_rerun_takes_only_them(tmp_path: Path) -> None:
    source, out = _tables(tmp_path, felony_p2="maybe", start_p3="2023-02-30"), tmp_path / "out"
    _screen(source, out)
    errors = _errors(out)
    # counts rows: 1 P1, 2 P2 ('maybe' is no yes/no), 3 P3, 4 P9 (no such person);
    # custody rows: 1 P1, 2 P3 (February has no 30th day).
    where = sorted((e["person_id"], e["table"], e["row"], e["field"]) for e in errors)
    assert where == [
        ("P2", "counts", "2", "felony"),
        ("P3", "custody", "2", "start"),
        ("P9", "counts", "4", "person_id"),
    ]
    assert all(e["problem"] for e in errors)
    screened = set(pq.read_table(out / "results.parquet")["person_id"].to_pylist())
    assert screened == {"P1"}
    _tables(tmp_path, felony_p2="no", start_p3="2023-02-28")
    _screen(source, out, "--rerun-errors")
    again = set(pq.read_table(out / "results-rerun1.parquet")["person_id"].to_pylist())
    assert again == {"P2", "P3"}  # P9 has no person row: still an error
    assert [e["person_id"] for e in _errors(out, "errors-rerun1.csv")] == ["P9"]


def test_an_unknown_column_stops_before_anything_is_written(tmp_path: Path) -> None:
    source = write_tables(tmp_path / "in", {"people": [{"person_id": "P1", "nmae": "typo"}]})
    result = CliRunner().invoke(
        app, ["screen", str(source), "--as-of", "2026-01-01", "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 2
    assert "unknown column 'nmae'" in result.output
    assert not (tmp_path / "out").exists()


def test_rows_out_of_order_stop_before_anything_is_screened(tmp_path: Path) -> None:
    """P1's conviction after P2's: streaming would screen P1 without it, so the run refuses."""
    source = write_tables(
        tmp_path / "in",
        {
            "people": [_person("P1"), _person("P2")],
            "convictions": [_conviction("P2"), _conviction("P1")],
        },
    )
    result = CliRunner().invoke(
        app, ["screen", str(source), "--as-of", "2026-01-01", "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 2
    assert "convictions.csv: rows are not sorted by person_id" in result.output
    assert not (tmp_path / "out").exists()


def test_a_person_the_engine_cannot_evaluate_is_reported_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import secondchance.batch.evaluate as batch_evaluate

    real = batch_evaluate.evaluate_record

    def fails_for_p2(record, as_of, programs):  # type: ignore[no-untyped-def]
        if record.convictions[0].sentence.imprisonment.total_months == 61:
            raise RuntimeError("boom")
        return real(record, as_of, programs)

    monkeypatch.setattr(batch_evaluate, "evaluate_record", fails_for_p2)
    source = _tables(tmp_path, felony_p2="true", start_p3="2015-03-02")
    rows = (source / "convictions.csv").read_text(encoding="utf-8").splitlines()
    rows[2] = rows[2].replace("60 months", "61 months")  # P2's sentence
    (source / "convictions.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    _screen(source, out)
    errors = _errors(out)
    assert [(e["person_id"], e["table"]) for e in errors] == [
        ("P2", "(engine)"),
        ("P9", "counts"),
    ]
    assert "RuntimeError: boom" in errors[0]["problem"]
    screened = set(pq.read_table(out / "results.parquet")["person_id"].to_pylist())
    assert screened == {"P1", "P3"}


def test_results_are_written_in_large_row_groups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer gathers rows across chunks of people before writing a row group, so the
    file's footer (kept in memory until the file closes) does not grow with every chunk.
    1,200 people go to the worker in chunks of 512, 512 and 176; with 10 programs that is
    5,120 + 5,120 + 1,760 = 12,000 result rows, one row group when a group holds 12,000 rows
    (one group per chunk, three, before)."""
    import datetime as dt

    from secondchance.batch import output
    from secondchance.batch.run import Plan, run
    from secondchance.batch.synth import synth_people

    monkeypatch.setattr(output, "ROW_GROUP", 12_000)
    synth_people(1200, tmp_path / "in", seed=4)
    run(Plan(tmp_path / "in", tmp_path / "out", dt.date(2026, 1, 1), workers=1))
    results = pq.ParquetFile(tmp_path / "out" / "results.parquet").metadata
    people = pq.ParquetFile(tmp_path / "out" / "people.parquet").metadata
    assert (results.num_rows, results.num_row_groups) == (12_000, 1)
    assert (people.num_rows, people.num_row_groups) == (1200, 1)


def test_reading_a_table_holds_no_more_than_a_batch(tmp_path: Path) -> None:
    """Tables are streamed: the Arrow memory held while reading stays about one batch, however
    long the file. 200 row groups of 2,000 rows of 32 random hex characters are 12.8 MB of
    text; a batch of 16,384 rows is about 0.5 MB (pre-buffering kept every column chunk read,
    so memory grew towards the whole file)."""
    import secrets

    import pyarrow as pa

    from secondchance.batch.read import _batches

    path = tmp_path / "people.parquet"
    with pq.ParquetWriter(path, pa.schema([("person_id", pa.string())])) as writer:
        for _ in range(200):
            ids = [secrets.token_hex(16) for _ in range(2000)]
            writer.write_table(pa.table({"person_id": ids}))
    base, peak, rows = pa.total_allocated_bytes(), 0, 0
    for batch in _batches(path):
        rows += batch.num_rows
        peak = max(peak, pa.total_allocated_bytes() - base)
        del batch
    assert rows == 400_000
    assert peak < 4 * 2**20


def test_a_choice_cell_is_read_as_check_reads_it(tmp_path: Path) -> None:
    """A table's choice cell follows the record's one rule: letter case and spaces around it do
    not matter ("Low", " LOW " are low); anything else ("lo") is an error naming the value and
    the allowed values, and that person is not screened."""

    def risk(pid: str, level: str) -> dict[str, str]:
        return {"person_id": pid, "assessed_on": "2016-01-01", "level": level}

    source = write_tables(
        tmp_path / "in",
        {
            "people": [_person("P1"), _person("P2"), _person("P3")],
            "convictions": [_conviction("P1"), _conviction("P2"), _conviction("P3")],
            "risk_assessments": [risk("P1", "Low"), risk("P2", "lo"), risk("P3", " LOW ")],
        },
    )
    out = tmp_path / "out"
    _screen(source, out)
    assert [
        (e["person_id"], e["table"], e["row"], e["field"], e["problem"]) for e in _errors(out)
    ] == [
        (
            "P2",
            "risk_assessments",
            "2",
            "level",
            "'lo' is not one of: minimum, low, medium, high; did you mean 'low'?",
        )
    ]
    screened = set(pq.read_table(out / "results.parquet")["person_id"].to_pylist())
    assert screened == {"P1", "P3"}


def _invoke(source: Path, out: Path, *extra: str) -> Any:
    args = ["screen", str(source), "--as-of", "2026-01-01", "--out", str(out), "--workers", "1"]
    return CliRunner().invoke(app, [*args, *extra])


def test_screen_exits_3_while_someone_could_not_be_screened_and_0_once_all_are(
    tmp_path: Path,
) -> None:
    """P2's felony cell 'maybe' and P3's custody start 2023-02-30 are row errors: 2 people not
    screened, with P9's counts row (no person) 3 problems; every output is still written.
    Fixed and rerun, P2 and P3 are screened but P9's row still fits no one: 3 again. Without
    that row, a first run screens everyone: 0."""
    source, out = _tables(tmp_path, felony_p2="maybe", start_p3="2023-02-30"), tmp_path / "out"
    result = _invoke(source, out)
    assert result.exit_code == 3, result.output
    assert "Finished, but 2 people could not be screened: see errors.csv" in result.output
    for name in ("results.parquet", "people.parquet", "errors.csv", "manifest.json"):
        assert (out / name).exists(), name
    assert len(_errors(out)) == 3
    _tables(tmp_path, felony_p2="no", start_p3="2023-02-28")
    again = _invoke(source, out, "--rerun-errors")
    assert again.exit_code == 3, again.output  # P9's counts row: a row that fits no person
    assert "Finished, but 1 row fits no person screened: see errors-rerun1.csv" in (again.output)
    counts = source / "counts.csv"
    counts.write_text(
        "".join(
            line
            for line in counts.read_text(encoding="utf-8").splitlines(True)
            if not line.startswith("P9,")
        ),
        encoding="utf-8",
    )
    clean = _invoke(source, tmp_path / "clean")
    assert clean.exit_code == 0, clean.output
    assert "could not be screened" not in clean.output
    assert _errors(tmp_path / "clean") == []


def test_a_rerun_that_screens_everyone_left_exits_0(tmp_path: Path) -> None:
    """Only P2's cell is bad (no orphan row): the first run exits 3, the rerun after the fix
    screens P2 and exits 0."""
    source = write_tables(
        tmp_path / "in",
        {
            "people": [_person("P1"), _person("P2")],
            "convictions": [_conviction("P1"), _conviction("P2")],
            "counts": [_count("P1"), _count("P2", "maybe")],
        },
    )
    out = tmp_path / "out"
    first = _invoke(source, out)
    assert first.exit_code == 3, first.output
    assert "Finished, but 1 person could not be screened" in first.output
    write_tables(
        source,
        {"counts": [_count("P1"), _count("P2", "no")]},
    )
    again = _invoke(source, out, "--rerun-errors")
    assert again.exit_code == 0, again.output
    assert _errors(out, "errors-rerun1.csv") == []


@pytest.mark.spark
def test_screen_on_spark_exits_3_with_people_not_screened(tmp_path: Path) -> None:
    """The same rule on Spark (Parquet tables): P2's felony cell 'maybe' → 1 person not
    screened, exit 3; P1 screened."""
    import shutil

    if shutil.which("java") is None:
        pytest.skip("no Java runtime (.ci/run installs one)")
    import pyarrow as pa

    folder = tmp_path / "in"
    folder.mkdir()
    tables = {
        "people": [_person("P1"), _person("P2")],
        "convictions": [_conviction("P1"), _conviction("P2")],
        "counts": [_count("P1"), _count("P2", "maybe")],
    }
    for name, rows in tables.items():
        pq.write_table(pa.Table.from_pylist(rows), folder / f"{name}.parquet")
    result = _invoke(folder, tmp_path / "out", "--engine", "spark")
    assert result.exit_code == 3, result.output
    assert "Finished, but 1 person could not be screened: see errors.csv" in result.output
    assert [e["person_id"] for e in _errors(tmp_path / "out")] == ["P2"]


def test_screen_help_lists_its_exit_codes() -> None:
    result = CliRunner().invoke(app, ["screen", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for line in (
        "0: finished, and everyone was screened.",
        "3: finished, but some people (or rows) could not be screened: see errors.csv.",
        "2: bad input stopped the run before anything was written.",
        "130: interrupted (Ctrl-C).",
    ):
        assert line in text
