"""The screening output folder: results (one row per person and program), people (one row per
person: computed sentence dates beside what the Bureau states), errors, campaign lists and a
manifest. Written as it goes, in batches."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from secondchance.batch.evaluate import SENTENCE_FACTS, Screened
from secondchance.batch.layout import BUREAU_COLUMNS, TABLES, Kind
from secondchance.batch.mapping import Problem

RESULTS = pa.schema(
    [
        ("person_id", pa.string()),
        ("program", pa.string()),
        ("outcome", pa.string()),
        ("date", pa.date32()),
        ("next_change", pa.date32()),
        ("reason_codes", pa.list_(pa.string())),
        ("missing_facts", pa.list_(pa.string())),
    ]
)

_BUREAU_TYPES = {Kind.flag: pa.bool_(), Kind.whole: pa.int64(), Kind.text: pa.string()}
PEOPLE = pa.schema(
    [
        ("person_id", pa.string()),
        ("name", pa.string()),
        *[
            (
                n,
                pa.bool_()
                if n == "fsa_eligible"
                else pa.int64()
                if n == "fsa_credits_applied"
                else pa.date32(),
            )
            for n in SENTENCE_FACTS
        ],
        *[(n, _BUREAU_TYPES[k]) for n, k in BUREAU_COLUMNS.items()],
    ]
)

ERROR_COLUMNS = ("person_id", "table", "row", "field", "problem")
_OTHER_TABLES = frozenset(TABLES) - {"people"}


def _flat(table: pa.Table) -> pa.Table:
    """For CSV: list columns joined with '; '."""
    columns = []
    for name in table.column_names:
        col = table[name]
        if pa.types.is_list(col.type):
            col = pa.array(["; ".join(v or []) for v in col.to_pylist()], pa.string())
        columns.append(col)
    return pa.table(columns, names=table.column_names)


ROW_GROUP = 131_072
"""Rows gathered before they are written as one Parquet row group. A row group per chunk of
people (a few thousand rows) would leave the file's footer, which the writer keeps in memory
until it closes, growing with every chunk: about 200 MiB more for 10,000,000 people."""


class _Writer:
    def __init__(self, path: Path, schema: pa.Schema, fmt: str) -> None:
        self.path, self.schema, self.fmt = path, schema, fmt
        self.writer: pq.ParquetWriter | pacsv.CSVWriter | None = None
        self.pending: list[pa.Table] = []
        self.rows = 0

    def write(self, columns: dict[str, list[Any]]) -> None:
        table = pa.table(columns, schema=self.schema)
        self.pending.append(table)
        self.rows += table.num_rows
        if self.rows >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        table = pa.concat_tables(self.pending) if self.pending else self.schema.empty_table()
        self.pending, self.rows = [], 0
        if self.fmt == "csv":
            table = _flat(table)
            if self.writer is None:
                self.writer = pacsv.CSVWriter(self.path, table.schema)
            self.writer.write_table(table)
            return
        if self.writer is None:
            self.writer = pq.ParquetWriter(self.path, self.schema)
        assert isinstance(self.writer, pq.ParquetWriter)
        self.writer.write_table(table, row_group_size=max(table.num_rows, 1))

    def close(self) -> None:
        if self.pending or self.writer is None:
            self._flush()
        assert self.writer is not None
        self.writer.close()


def _bureau_value(kind: Kind, value: Any) -> Any:
    if value is None:
        return None
    if kind is Kind.text:
        return str(value)
    return value


def people_columns(screened: Sequence[Screened]) -> dict[str, list[Any]]:
    """The people file's columns (:data:`PEOPLE`) for people screened without problems."""
    people: dict[str, list[Any]] = {
        "person_id": [s.person_id for s in screened],
        "name": [s.name for s in screened],
    }
    for name in SENTENCE_FACTS:
        people[name] = [s.facts.get(name) for s in screened]
    for name, kind in BUREAU_COLUMNS.items():
        people[name] = [_bureau_value(kind, s.facts.get(name)) for s in screened]
    return people


class Sink:
    """Writes screened people as they come; counts outcomes per program for the summary."""

    def __init__(self, out: Path, fmt: str, part: str = "") -> None:
        out.mkdir(parents=True, exist_ok=True)
        suffix = "csv" if fmt == "csv" else "parquet"
        self.results = _Writer(out / f"results{part}.{suffix}", RESULTS, fmt)
        self.people = _Writer(out / f"people{part}.{suffix}", PEOPLE, fmt)
        self.errors_path = out / f"errors{part}.csv"
        self._errors = self.errors_path.open("w", newline="", encoding="utf-8")
        self._csv = csv.writer(self._errors)
        self._csv.writerow(ERROR_COLUMNS)
        self.counts: dict[tuple[str, str], int] = {}
        self.screened = 0
        self.failed = 0
        """People not screened: people rows, JSON lines and record files (not other rows)."""
        self.problems = 0

    def problem(self, problems: Sequence[Problem]) -> None:
        for p in problems:
            self._csv.writerow(
                (p.person_id, p.table, "" if p.row is None else p.row, p.field, p.problem)
            )
            self.problems += 1

    def unplaced(self, problems: Sequence[Problem]) -> None:
        """Problems found while reading, outside any person screened: a row of another table
        that fits no person is a problem; a people row, a JSON line or a record file that was
        not screened is also a person not screened (one problem each)."""
        self.problem(problems)
        self.failed += sum(1 for p in problems if p.table not in _OTHER_TABLES)

    def write(self, batch: Sequence[Screened]) -> None:
        screened = [s for s in batch if not s.problems]
        for s in batch:
            if s.problems:
                self.problem(s.problems)
                self.failed += 1
        self.screened += len(screened)
        answers = [a for s in screened for a in s.answers]
        # Each answer is a tuple in the order of the results' columns after person_id.
        columns = list(zip(*answers, strict=True)) if answers else [()] * 6
        results = dict(zip(RESULTS.names, [[], *columns], strict=True))
        results["person_id"] = [s.person_id for s in screened for _ in s.answers]
        for key in zip(results["program"], results["outcome"], strict=True):
            self.counts[key] = self.counts.get(key, 0) + 1
        self.results.write(results)
        self.people.write(people_columns(screened))

    def close(self) -> None:
        self.results.close()
        self.people.close()
        self._errors.close()


def forget_manifest(out: Path) -> None:
    """Remove an earlier run's manifest before a run starts writing into its folder: until the
    new one is written, ``explain`` and ``--rerun-errors`` find none rather than one that does
    not describe the files."""
    (out / "manifest.json").unlink(missing_ok=True)


def write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    (out / "manifest.json").write_text(
        json.dumps(manifest, indent=2, default=str) + "\n", encoding="utf-8"
    )


def read_manifest(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return data
