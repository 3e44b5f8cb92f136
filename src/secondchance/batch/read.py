"""Stream people from a folder of tables (Parquet or CSV), JSON Lines or YAML records, in whole
people, in bounded memory: every table is read in batches and merged on ``person_id``, which
must ascend in the same order in every table (docs/batch-format.md shows how to sort with
DuckDB or polars)."""

from __future__ import annotations

import codecs
import csv
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from secondchance.batch.layout import SUFFIXES, TABLES
from secondchance.batch.mapping import ROW_PROBLEM, PersonRows, Problem, Row
from secondchance.record.load import RecordError, parse_text

BATCH_ROWS = 16_384


class LayoutError(Exception):
    """The input cannot be read as a whole (a missing file, an unknown column): nothing is
    screened and nothing written."""


@dataclass
class Whole:
    """A person given as a whole record (JSON Lines or a YAML file)."""

    person_id: str
    data: Any
    source: str
    bureau: dict[str, Any]


@dataclass(frozen=True)
class Unreadable:
    """A record file that could not be read or parsed: its problems, as plain text (it is sent
    to a worker process; an exception object may not survive the trip)."""

    problems: tuple[str, ...]


Item = PersonRows | Whole


def table_file(folder: Path, name: str) -> Path | None:
    for suffix in SUFFIXES:
        candidate = folder / f"{name}{suffix}"
        if candidate.exists():
            return candidate
    return None


def _columns(path: Path) -> list[str]:
    """The header of a table (a UTF-8 byte-order mark, as Excel writes, is skipped)."""
    if path.suffix == ".parquet":
        return list(pq.ParquetFile(path).schema_arrow.names)
    with path.open(newline="", encoding="utf-8-sig", errors="surrogateescape") as handle:
        header = next(csv.reader(handle), [])
    if any(_undecodable(c) for c in header):
        raise LayoutError(f"{path}: the header is not UTF-8 text ({_bad_byte(path)})")
    return header


def _undecodable(text: str) -> bool:
    """Whether text read with ``surrogateescape`` held bytes that are not UTF-8."""
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def _bad_byte(path: Path) -> str:
    """Where the first byte that is not UTF-8 is in the file (its offset from 0)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as exc:
                start = offset + exc.start - len(decoder.getstate()[0])
                return f"byte offset {max(start, 0):,}: {block[exc.start : exc.start + 1]!r}"
            offset += len(block)
    return "an unfinished character at the end"


def check_layout(folder: Path) -> dict[str, Path]:
    """The table files of the folder, after checking their columns against the layout."""
    if not folder.is_dir():
        raise LayoutError(f"{folder}: not a folder of tables")
    found = {name: p for name in TABLES if (p := table_file(folder, name)) is not None}
    if "people" not in found:
        raise LayoutError(f"{folder}: no people.parquet or people.csv (docs/batch-format.md)")
    for name, path in found.items():
        check_columns(name, str(path), _columns(path))
    return found


def check_columns(table: str, where: str, columns: list[str]) -> None:
    """``LayoutError`` naming ``where`` for a column given twice, one the layout does not have,
    or a required one missing from ``table``'s columns."""
    twice = [c for c, n in Counter(columns).items() if n > 1]
    if twice:
        raise LayoutError(f"{where}: column {twice[0]!r} appears twice (which one holds the fact?)")
    unknown = [c for c in columns if c not in TABLES[table].columns]
    if unknown:
        raise LayoutError(f"{where}: unknown column {unknown[0]!r} (docs/batch-format.md)")
    missing = [c for c in TABLES[table].required if c not in columns]
    if missing:
        raise LayoutError(f"{where}: required column {missing[0]!r} is missing")


_CSV_PARSE = pacsv.ParseOptions(newlines_in_values=True)
"""Quoted cells may hold line breaks (valid CSV, as spreadsheets write it)."""


def _csv_options(columns: list[str], include: list[str] | None = None) -> dict[str, Any]:
    return {
        "read_options": pacsv.ReadOptions(block_size=1 << 22),
        "parse_options": _CSV_PARSE,
        "convert_options": pacsv.ConvertOptions(
            column_types=dict.fromkeys(include or columns, pa.string()),
            include_columns=include,
            strings_can_be_null=True,
            null_values=[""],
        ),
    }


def _batches(path: Path) -> Iterator[pa.RecordBatch]:
    if path.suffix == ".parquet":
        # Without pre-buffering: the reader would otherwise keep every column chunk it has
        # read until the file is closed (about 160 MiB per table for 10,000,000 people).
        yield from pq.ParquetFile(path, pre_buffer=False).iter_batches(batch_size=BATCH_ROWS)
        return
    yield from pacsv.open_csv(path, **_csv_options(_columns(path)))


def _csv_rows(path: Path) -> Iterator[tuple[int, Row]]:
    """The rows of a CSV file read by Python's own reader, cell by cell: slower, but it reads
    what the fast reader stops at, and names the row: a row with too few or too many cells, a
    cell that is not UTF-8 text, a cell larger than a reading block."""
    columns = _columns(path)
    at = columns.index("person_id") if "person_id" in columns else None
    before = csv.field_size_limit()
    csv.field_size_limit(1 << 30)
    try:
        with path.open(newline="", encoding="utf-8-sig", errors="surrogateescape") as handle:
            reader = csv.reader(handle)
            next(reader, None)
            number = 0
            for cells in reader:
                if not cells:
                    continue  # a blank line: skipped and not counted, as the fast reader does
                number += 1
                pid = cells[at] if at is not None and at < len(cells) else None
                if pid is not None and _undecodable(pid):
                    raise LayoutError(
                        f"{path}: row {number}: person_id is not UTF-8 text, so the row cannot "
                        f"be placed ({_bad_byte(path)})"
                    )
                if len(cells) != len(columns):
                    problem = ("(row)", f"{len(cells)} cell(s) where the header has {len(columns)}")
                    yield number, {"person_id": pid, ROW_PROBLEM: problem}
                    continue
                bad = next(
                    (c for c, v in zip(columns, cells, strict=True) if _undecodable(v)), None
                )
                if bad is not None:
                    problem = (bad, "not UTF-8 text (save the file as UTF-8)")
                    yield number, {"person_id": pid, ROW_PROBLEM: problem}
                    continue
                yield number, {c: v or None for c, v in zip(columns, cells, strict=True)}
    finally:
        csv.field_size_limit(before)


def _ids(path: Path) -> Iterator[pa.Array]:
    if path.suffix == ".parquet":
        pf = pq.ParquetFile(path, pre_buffer=False)
        for batch in pf.iter_batches(BATCH_ROWS * 4, columns=["person_id"]):
            yield pc.cast(batch.column(0), pa.string())
        return
    done = 0
    try:
        for batch in pacsv.open_csv(path, **_csv_options([], ["person_id"])):
            done += batch.num_rows
            yield batch.column(0)
        return
    except pa.ArrowInvalid:
        pass  # read again by Python's reader, from the row after the last one given
    ids: list[str | None] = []
    seen = 0
    for _, row in _csv_rows(path):
        if ROW_PROBLEM in row:
            continue  # reported with its person, in place
        seen += 1
        if seen > done:
            ids.append(row.get("person_id"))
        if len(ids) >= BATCH_ROWS * 4:
            yield pa.array(ids, pa.string())
            ids = []
    yield pa.array(ids, pa.string())


def check_order(files: dict[str, Path]) -> None:
    """Every table lists its rows by ascending person_id (people: each id once), so people can be
    gathered while streaming; :class:`LayoutError` otherwise, before anything is screened."""
    for name, path in files.items():
        last: str | None = None
        for ids in _ids(path):
            ids = pc.utf8_trim_whitespace(ids.drop_null())
            if len(ids) == 0:
                continue
            if last is not None:
                ids = pa.concat_arrays([pa.array([last], pa.string()), ids])
            before, after = ids[:-1], ids[1:]
            wrong = pc.less_equal(after, before) if name == "people" else pc.less(after, before)
            if pc.any(wrong).as_py():
                raise LayoutError(
                    f"{path}: rows are not sorted by person_id"
                    + (" (or an id is used twice)" if name == "people" else "")
                    + "; sort every table by person_id first (docs/batch-format.md)"
                )
            last = ids[-1].as_py()


def _days_as_text(batch: pa.RecordBatch) -> pa.RecordBatch:
    """Date columns as YYYY-MM-DD text, as every cell is read (``mapping.read_cell``), done
    for the whole batch at once: text is also much quicker than dates to send to a worker."""
    dated = [i for i, f in enumerate(batch.schema) if pa.types.is_date(f.type)]
    if not dated:
        return batch
    columns = list(batch.columns)
    for i in dated:
        columns[i] = pc.cast(columns[i], pa.string())
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def rows(path: Path) -> Iterator[tuple[int, Row]]:
    """The rows of one table in file order, numbered from 1 (the first data row). A CSV file
    the fast reader cannot read to the end is read again by Python's reader from where it
    stopped (:func:`_csv_rows`), which names each row it cannot read."""
    number = 0
    try:
        for batch in _batches(path):
            for row in _days_as_text(batch).to_pylist():
                number += 1
                yield number, row
    except pa.ArrowInvalid:
        if path.suffix == ".parquet":
            raise
        for at, row in _csv_rows(path):
            if at > number:
                yield at, row


def count_people(folder: Path) -> int | None:
    path = table_file(folder, "people")
    if path is not None and path.suffix == ".parquet":
        return int(pq.ParquetFile(path).metadata.num_rows)
    return None


class _Cursor:
    """One table read ahead by a row, so rows can be taken while their person_id matches."""

    def __init__(self, name: str, path: Path) -> None:
        self.name = name
        self.rows = rows(path)
        self.head: tuple[int, Row] | None = next(self.rows, None)

    def take(self, person_id: str, into: PersonRows, problems: list[Problem]) -> None:
        while self.head is not None:
            number, row = self.head
            pid = _pid(row)
            if pid is None or pid < person_id:
                problems.append(_orphan(self.name, number, pid, row))
            elif pid == person_id:
                into.add(self.name, number, row)
            else:
                return
            self.head = next(self.rows, None)

    def rest(self, problems: list[Problem]) -> None:
        for number, row in ([self.head] if self.head else []) + list(self.rows):
            problems.append(_orphan(self.name, number, _pid(row), row))


def _pid(row: Row) -> str | None:
    value = row.get("person_id")
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _orphan(table: str, number: int, pid: str | None, row: Row) -> Problem:
    if ROW_PROBLEM in row:  # a row that could not be read, whose person is not known
        return Problem(pid or "", table, number, *row[ROW_PROBLEM])
    text = (
        "person_id is empty"
        if pid is None
        else "no person with this id in people, or the rows are not sorted by person_id like "
        "people (sort every table by person_id: docs/batch-format.md)"
    )
    return Problem(pid or "", table, number, "person_id", text)


def people_from_tables(folder: Path, problems: list[Problem]) -> Iterator[PersonRows]:
    """Whole people, in the order of the people table. Rows that fit no person go to
    ``problems``, as do people out of order (their rows could not be gathered)."""
    files = check_layout(folder)
    cursors = [_Cursor(n, p) for n, p in files.items() if n != "people"]
    last: str | None = None
    for number, row in rows(files["people"]):
        pid = _pid(row)
        if pid is None and ROW_PROBLEM in row:
            problems.append(_orphan("people", number, pid, row))
            continue
        if pid is None or (last is not None and pid <= last):
            problems.append(
                Problem(
                    pid or "",
                    "people",
                    number,
                    "person_id",
                    "person_id is empty"
                    if pid is None
                    else "not in ascending order or used twice (sort people and "
                    "every table by person_id: docs/batch-format.md)",
                )
            )
            continue
        last = pid
        person = PersonRows(pid)
        person.add("people", number, row)
        for cursor in cursors:
            cursor.take(pid, person, problems)
        yield person
    for cursor in cursors:
        cursor.rest(problems)


_USED_TWICE = "person id used twice (an earlier {} has it; that one is screened)"


def _given_id(data: dict[str, Any]) -> str | None:
    """The ``person_id`` a JSON line gives, trimmed as a table's are; ``""`` if unusable."""
    value = data.get("person_id")
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value.strip() if isinstance(value, str) else ""


def people_from_jsonl(path: Path, problems: list[Problem]) -> Iterator[Whole]:
    """One whole record a line: either the record itself, or ``{"person_id": ..., "record":
    {...}, "bureau": {...}}``. A line that is not UTF-8 or not JSON, and a person id used
    again, go to ``problems``."""
    seen: set[str] = set()
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                problem = f"not UTF-8 text (byte {exc.start + 1:,} of the line; save as UTF-8)"
                problems.append(Problem(f"line-{number}", path.name, number, "(line)", problem))
                continue
            if not line.strip():
                continue
            try:
                data = parse_text(line, f"{path.name} line {number}", "json")
            except RecordError as exc:
                problems.append(
                    Problem(f"line-{number}", path.name, number, "(line)", "; ".join(exc.problems))
                )
                continue
            pid, bureau = f"line-{number}", dict[str, Any]()
            if (
                isinstance(data, dict)
                and "record" in data
                and set(data) <= {"person_id", "record", "bureau"}
            ):
                given = _given_id(data)
                if given == "":
                    problems.append(
                        Problem(
                            f"line-{number}",
                            path.name,
                            number,
                            "person_id",
                            "person_id must be a text that is not empty",
                        )
                    )
                    continue
                pid = given or pid
                bureau = data.get("bureau") or {}
                data = data["record"]
            if pid in seen:
                problems.append(
                    Problem(pid, path.name, number, "person_id", _USED_TWICE.format("line"))
                )
                continue
            seen.add(pid)
            yield Whole(
                pid,
                data,
                f"{path.name} line {number}",
                {f"bureau_{k}": v for k, v in bureau.items()} if isinstance(bureau, dict) else {},
            )


def people_from_yaml(folder: Path, problems: list[Problem]) -> Iterator[Whole]:
    """A folder of YAML or JSON record files, one person each (the file name is the id; a
    second file of the same name, ``R1.yaml`` beside ``R1.json``, goes to ``problems``)."""
    seen: set[str] = set()
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in (".yaml", ".yml", ".json"):
            if path.stem in seen:
                problems.append(
                    Problem(path.stem, path.name, None, "(file)", _USED_TWICE.format("file"))
                )
                continue
            seen.add(path.stem)
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                problem = f"(file): not UTF-8 text (byte offset {exc.start:,}; save it as UTF-8)"
                yield Whole(path.stem, Unreadable((problem,)), path.name, {})
                continue
            except OSError as exc:
                problem = f"(file): cannot read file: {exc.strerror or type(exc).__name__}"
                yield Whole(path.stem, Unreadable((problem,)), path.name, {})
                continue
            fmt = "json" if path.suffix.lower() == ".json" else "yaml"
            try:
                data: Any = parse_text(text, path.name, fmt)
            except RecordError as exc:
                data = Unreadable(tuple(exc.problems))
            yield Whole(path.stem, data, path.name, {})


def kind_of(source: Path) -> str:
    """``tables``, ``jsonl`` or ``records`` (a folder of record files)."""
    if source.is_file() and source.suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if source.is_dir() and table_file(source, "people") is not None:
        return "tables"
    if source.is_dir():
        return "records"
    raise LayoutError(f"{source}: not a folder of tables, a .jsonl file or a folder of records")


def people(source: Path, problems: list[Problem]) -> Iterator[Item]:
    kind = kind_of(source)
    if kind == "jsonl":
        return people_from_jsonl(source, problems)
    if kind == "tables":
        return people_from_tables(source, problems)
    return people_from_yaml(source, problems)
