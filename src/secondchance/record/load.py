"""Load and validate a record file (YAML or JSON), with errors that name the field.

Only a regular file is read, and no more than the size limit of
:mod:`secondchance.record.limits`; its text is parsed by :mod:`secondchance.record.parse`
(bounded, strict) before the schema validates it. Messages name the record's fields and quote
values shortened and escaped, never the contents of a file that is not a record.
"""

from __future__ import annotations

import functools
import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from secondchance.record.approximate import LocatedDateError, approximate_dates, first_reading
from secondchance.record.approximate import field_path as field_path
from secondchance.record.limits import DEFAULT, Limits
from secondchance.record.parse import ParseProblem, check_values, parse_json, parse_yaml
from secondchance.record.schema import Record
from secondchance.record.spelling import did_you_mean
from secondchance.safe_text import escape, shown

_MAX_PROBLEM_CHARS = 300
SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


class RecordError(Exception):
    """Invalid input: the message names the file, the field path and the problem.

    At most ``limits.max_problems`` problems are kept, then one line "and N more problems";
    each is escaped and shortened so a hostile record cannot flood or drive the terminal.
    """

    def __init__(self, source: str, problems: list[str], limits: Limits = DEFAULT) -> None:
        self.source = escape(source)
        kept = [_short(p) for p in problems[: limits.max_problems]]
        if len(problems) > limits.max_problems:
            kept.append(f"and {len(problems) - limits.max_problems:,} more problems")
        self.problems = kept
        super().__init__("\n".join(f"{self.source}: {p}" for p in kept))


def _short(problem: str) -> str:
    problem = escape(problem)
    if len(problem) > _MAX_PROBLEM_CHARS:
        return problem[: _MAX_PROBLEM_CHARS - 1] + "…"
    return problem


def _problem(error: Any) -> str:
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    message = str(error["msg"]).removeprefix("Value error, ")
    if message.startswith("@"):
        # A record-level check names the field below loc itself: "@custody[2].conviction_id: ..."
        inner, _, message = message[1:].partition(": ")
        prefix = field_path(loc)
        return f"{inner if prefix == '(top level)' else prefix + '.' + inner}: {message}"
    if error["type"] == "extra_forbidden":
        message = "unknown field (check the spelling; see `secondchance schema`)"
        close = did_you_mean(str(loc[-1]), _fields_beside(loc)) if loc else ""
        if close:
            message = f"unknown field: {close} (see `secondchance schema`)"
    elif error["type"] == "enum":
        message = _not_a_choice(loc, error)
    return f"{field_path(loc)}: {message}"


def _not_a_choice(loc: tuple[Any, ...], error: Any) -> str:
    """A value that is none of a choice field's values: the value given, the values allowed,
    and the one it is close to, if any ("'lwo' is not one of: minimum, low, medium, high; did
    you mean 'low'?")."""
    allowed = [str(v) for v in _schema_at(loc).get("enum", [])]
    if not allowed:  # pydantic's own list: "'a', 'b' or 'c'"
        allowed = re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))
    given = error.get("input")
    message = f"{shown(given)} is not one of: {', '.join(allowed)}"
    if isinstance(given, str) and len(given) <= _MAX_PROBLEM_CHARS:
        close = did_you_mean(given.strip().lower(), allowed)
        if close:
            message += f"; {close}"
    return message


@functools.cache
def _record_schema() -> dict[str, Any]:
    return Record.model_json_schema()


def _fields_beside(loc: tuple[Any, ...]) -> list[str]:
    """The field names the schema allows where the unknown field ``loc[-1]`` was written."""
    return list(_schema_at(loc[:-1]).get("properties", {}))


def _schema_at(loc: tuple[Any, ...]) -> dict[str, Any]:
    """The record schema's node for the field at ``loc`` ({} where none is one node)."""
    schema = _record_schema()
    definitions = schema.get("$defs", {})

    def resolved(node: Any) -> dict[str, Any]:
        while isinstance(node, dict):
            if "$ref" in node:
                node = definitions.get(str(node["$ref"]).rsplit("/", 1)[-1])
            elif "anyOf" in node:
                options = [o for o in node["anyOf"] if o.get("type") != "null"]
                node = options[0] if len(options) == 1 else None
            else:
                return node
        return {}

    node = resolved(schema)
    for part in loc:
        node = resolved(
            node.get("items") if isinstance(part, int) else node.get("properties", {}).get(part)
        )
    return node


def parse_text(text: str, source: str, fmt: str, limits: Limits = DEFAULT) -> Any:
    """Parse record text (``fmt`` "yaml" or "json") within ``limits``."""
    if len(text) > limits.max_bytes:
        raise RecordError(source, [_too_large(len(text), limits)])
    try:
        return parse_json(text, limits) if fmt == "json" else parse_yaml(text, limits)
    except ParseProblem as exc:
        raise RecordError(source, [str(exc)]) from None
    except RecursionError:
        raise RecordError(source, ["(top level): nested too deeply to be a record"]) from None
    except ValueError as exc:  # json.JSONDecodeError
        line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
        where = f"line {line}, column {column}: " if line else ""
        raise RecordError(source, [f"{where}{getattr(exc, 'msg', 'not JSON')}"]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or "not YAML"
        raise RecordError(source, [f"{where}YAML syntax error: {problem}"]) from None


def _not_a_record(data: dict[str, Any]) -> bool:
    """A mapping none of whose keys is a record field: another kind of file, not a record."""
    return bool(data) and not any(key in Record.model_fields for key in data)


_NOT_A_RECORD = (
    "(top level): not a record (a record is a mapping of the fields `secondchance schema` lists)"
)


def validate(data: Any, source: str, limits: Limits = DEFAULT) -> Record:
    """Validate parsed data as a :class:`Record` (the limits first, then the schema)."""
    if not isinstance(data, dict) or _not_a_record(data):
        raise RecordError(source, [_NOT_A_RECORD])
    found = check_values(data, limits)
    if found:
        raise RecordError(source, [f"{field_path(path)}: {why}" for path, why in found], limits)
    try:
        locs = approximate_dates(Record, data)
        approximate = len(locs)
        if approximate > limits.max_approximate_dates:
            raise RecordError(
                source,
                [
                    f"(top level): {approximate} dates written approximately, more than the "
                    f"{limits.max_approximate_dates} a record may hold: write the days you know "
                    f"exactly ({', '.join(field_path(loc) for loc in list(locs)[:3])}, ...)"
                ],
            )
        record = first_reading(data, locs)
    except LocatedDateError as exc:
        raise RecordError(source, [f"{field_path(exc.loc)}: {exc}"]) from None
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        raise RecordError(source, [_problem(e) for e in errors], limits) from None
    people = record.business.people if record.business else []
    convictions = len(record.convictions) + sum(len(p.record.convictions) for p in people)
    if convictions > limits.max_convictions:
        raise RecordError(
            source,
            [
                f"convictions: {convictions:,} convictions in one record, more than the "
                f"{limits.max_convictions} a record may hold"
            ],
        )
    return record


def _too_large(size: int, limits: Limits) -> str:
    return (
        f"the record is {size:,} bytes, more than the limit of {limits.max_bytes:,} "
        "(raise it with --max-bytes; for many people use `screen`)"
    )


def read_bounded(path: str | Path, limits: Limits = DEFAULT) -> bytes:
    """The bytes of a regular file, refusing anything else (a FIFO, a device such as
    /dev/zero, a directory) and any file over ``limits.max_bytes``, without reading past it."""
    source = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise RecordError(source, ["file not found"]) from None
    except OSError as exc:
        raise RecordError(source, [f"cannot read file: {exc.strerror}"]) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > limits.max_bytes:
        os.close(fd)
        if not stat.S_ISREG(info.st_mode):
            raise RecordError(source, ["not a regular file; a record is a .yaml or .json file"])
        raise RecordError(source, [_too_large(info.st_size, limits)])
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read(limits.max_bytes + 1)
        except OSError as exc:
            raise RecordError(source, [f"cannot read file: {exc.strerror}"]) from None
    if len(data) > limits.max_bytes:
        raise RecordError(source, [_too_large(len(data), limits)])
    return data


def load_record(path: str | Path, limits: Limits = DEFAULT) -> Record:
    """Read a YAML (``.yaml``/``.yml``) or JSON (``.json``) record file within ``limits``."""
    source = str(path)
    fmt = SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise RecordError(source, ["a record file's name ends in .yaml, .yml or .json"])
    raw = read_bounded(path, limits)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RecordError(source, [f"byte {exc.start + 1:,}: not UTF-8 text"]) from None
    return validate(parse_text(text, source, fmt, limits), source, limits)
