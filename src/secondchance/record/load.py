"""Load and validate a record file (YAML or JSON), with errors that name the field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from secondchance.record.approximate import LocatedDateError, first_reading
from secondchance.record.approximate import field_path as field_path
from secondchance.record.schema import Record


class RecordError(Exception):
    """Invalid input: the message names the file, the field path and the problem."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__("\n".join(f"{source}: {p}" for p in problems))


class _NoDatesLoader(yaml.SafeLoader):
    """YAML loader that leaves dates as text so the schema validates them (an impossible date
    like 2023-02-30 becomes a field error, not a crash)."""


_NoDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


def _unique_keys_mapping(loader: _NoDatesLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)  # type: ignore[no-untyped-call]
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


_NoDatesLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_keys_mapping)


class _DuplicateKeyError(ValueError):
    pass


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKeyError(f"duplicate key {key!r}")
        seen[key] = value
    return seen


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
    return f"{field_path(loc)}: {message}"


def parse_text(text: str, source: str, fmt: str) -> Any:
    try:
        if fmt == "json":
            return json.loads(text, object_pairs_hook=_unique_pairs)
        return yaml.load(text, Loader=_NoDatesLoader)
    except _DuplicateKeyError as exc:
        raise RecordError(source, [str(exc)]) from None
    except RecursionError:
        raise RecordError(source, ["(top level): nested too deeply to be a record"]) from None
    except json.JSONDecodeError as exc:
        raise RecordError(source, [f"line {exc.lineno}, column {exc.colno}: {exc.msg}"]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        kind = "YAML" if "duplicate key" in str(problem) else "YAML syntax error"
        raise RecordError(source, [f"{where}{kind}: {problem}"]) from None


def validate(data: Any, source: str) -> Record:
    """Validate parsed data as a :class:`Record`."""
    if not isinstance(data, dict):
        raise RecordError(source, ["(top level): a record must be a mapping of fields"])
    try:
        return first_reading(data)
    except LocatedDateError as exc:
        raise RecordError(source, [f"{field_path(exc.loc)}: {exc}"]) from None
    except ValidationError as exc:
        raise RecordError(source, [_problem(e) for e in exc.errors()]) from None


def load_record(path: str | Path) -> Record:
    """Read a YAML (``.yaml``/``.yml``) or JSON (``.json``) record file."""
    file = Path(path)
    source = str(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RecordError(source, ["file not found"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RecordError(source, [f"cannot read file: {exc}"]) from None
    fmt = "json" if file.suffix.lower() == ".json" else "yaml"
    return validate(parse_text(text, source, fmt), source)
