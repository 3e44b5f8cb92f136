"""Records for fuzzing: valid ones drawn from the published JSON Schema (and from the hand-made
strategies of tests/foundation), then mutated the way a hostile or careless writer would, and
written out as YAML or JSON text, sometimes damaged. Used by tests/hostile/test_fuzz.py (a small
budget) and ``python benchmarks/fuzz.py --cases 100000`` (a large one)."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from typing import Any

import yaml
from hypothesis import strategies as st

from secondchance.record.json_schema import record_json_schema
from tests.foundation.strategies import records as hand_made_records

_FIRST = date(1985, 1, 1)
DATES = st.integers(0, 365 * 45).map(lambda n: (_FIRST + timedelta(days=n)).isoformat())
TERM_TEXT = st.sampled_from(
    ["60 months", "5 years 3 months", "12 months 1 day", "400 days", "life", "1 year and 1 day"]
)
TEXT_BY_FIELD: dict[str, st.SearchStrategy[str]] = {
    "statute": st.sampled_from(
        [
            *("21 U.S.C. 841(a)(1)", "21 U.S.C. 844(a)", "18 U.S.C. 924(c)", "21 U.S.C. 846"),
            *("18 U.S.C. 1343", "D.C. Code 48-904.01(d)(1)", "UCMJ art. 112a", "8 U.S.C. 1326"),
        ]
    ),
    "object_offense": st.sampled_from(["21 U.S.C. 844", "21 U.S.C. 841(a)(1)"]),
    "substance": st.sampled_from(["marijuana", "cocaine", "methamphetamine"]),
    "bop_register_number": st.sampled_from(["12345-678", "00001-000"]),
    "schema_version": st.sampled_from(["1.0", "1.1"]),
    "id": st.sampled_from(["a", "b", "c"]),
    "relative_to": st.sampled_from(["a", "b", "c"]),
    "conviction_id": st.sampled_from(["a", "b", "c"]),
    "court_findings": st.sampled_from(["leader_organizer", "death_or_serious_bodily_injury"]),
}
PLAIN_TEXT = st.sampled_from(["A", "Jane Roe", "W.D. Tenn.", "Ohio", "x"])

DEEP: Any = "deep"
for _ in range(40):
    DEEP = [DEEP]

HOSTILE: list[Any] = [
    10**30,
    -1,
    2**63,
    float("nan"),
    float("inf"),
    1.5,
    "",
    "\x1b]0;title\x07\x1b[2J",
    "\u202eevil",
    "٥ years",
    "9" * 300 + " days",
    "1" * 25 + " months",
    "2023-02-30",
    "20240101",
    "0001-01-01",
    "life",
    "-5 months",
    "x" * 10_001,
    [],
    {},
    DEEP,
    True,
    None,
    0,
    "federal",
    "a",
]


def _text(name: str) -> st.SearchStrategy[str]:
    return TEXT_BY_FIELD.get(name, PLAIN_TEXT)


def _from_schema(node: dict[str, Any], defs: dict[str, Any], name: str, depth: int) -> Any:
    """A strategy for values of one JSON Schema node (shallow lists, realistic text)."""
    if "$ref" in node:
        ref = node["$ref"].rsplit("/", 1)[-1]
        if ref == "PersonRecord" and depth > 1:
            return st.just({})
        return st.deferred(lambda: _from_schema(defs[ref], defs, name, depth + 1))
    if "anyOf" in node:
        return st.one_of([_from_schema(b, defs, name, depth) for b in node["anyOf"]])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    kind = node.get("type")
    if kind == "string":
        if node.get("format") == "date":
            return DATES
        return (
            TERM_TEXT if node.get("maxLength") == 200 and name not in TEXT_BY_FIELD else _text(name)
        )
    if kind == "integer":
        return st.integers(0, 400)
    if kind == "number":
        return st.sampled_from([0, 5, 19.99, 20, 20.01, 33.33, 100, 2500.5])
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "array":
        return st.lists(_from_schema(node["items"], defs, name, depth + 1), max_size=2)
    if kind == "object":
        props = node.get("properties", {})
        required = set(node.get("required", []))
        return st.fixed_dictionaries(
            {k: _from_schema(v, defs, k, depth + 1) for k, v in props.items() if k in required},
            optional={
                k: _from_schema(v, defs, k, depth + 1)
                for k, v in props.items()
                if k not in required
            },
        )
    return st.none()


_SCHEMA = record_json_schema()
SCHEMA_RECORDS = _from_schema(
    {k: v for k, v in _SCHEMA.items() if k != "$defs"}, _SCHEMA["$defs"], "", 0
)
VALID = st.one_of(hand_made_records(), SCHEMA_RECORDS)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def _replace(data: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {**data, head: _replace(data[head], rest, new)}
    copy = list(data)
    copy[head] = _replace(copy[head], rest, new)
    return copy


def mutate(data: Any, rng: random.Random) -> Any:
    """``data`` with one to three values replaced by hostile ones, keys dropped or added, or
    lists grown (``rng`` decides, so a seed replays a case)."""
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(_paths(data))
        how = rng.choice(["hostile", "unknown_key", "drop", "grow"])
        target: Any = data
        for part in path:
            target = target[part]
        if how == "hostile":
            data = _replace(data, path, rng.choice(HOSTILE))
        elif how == "unknown_key" and isinstance(target, dict):
            data = _replace(data, path, {**target, rng.choice(["nick", "\x1b", "a\tb"]): 1})
        elif how == "drop" and isinstance(target, dict) and target:
            key = rng.choice(sorted(target))
            data = _replace(data, path, {k: v for k, v in target.items() if k != key})
        elif how == "grow" and isinstance(target, list) and target:
            data = _replace(data, path, target * rng.choice([2, 50, 400]))
    return data


def serialise(data: Any, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(data)
    return yaml.safe_dump(data, default_flow_style=None, allow_unicode=True, width=100)


def damage(text: str, rng: random.Random) -> str:
    """``text`` cut, or with a character changed or inserted."""
    at = rng.randrange(len(text)) if text else 0
    char = rng.choice(["", "{", "[", ":", "&a ", "*a", "!!", "\x00", "\t", "'"])
    return text[:at] + char + text[at + rng.randint(0, 1) :]


def make_case(data: Any, rng: random.Random) -> tuple[str, str, str]:
    """(kind, format, text) from a valid record: kept valid, mutated (twice as often), and in
    one case in eight damaged as text; written as YAML or JSON."""
    kind = rng.choice(["valid", "mutated", "mutated"])
    if kind == "mutated":
        data = mutate(data, rng)
    fmt = rng.choice(["yaml", "json"])
    text = serialise(data, fmt)
    if rng.randrange(8) == 0:
        kind, text = "damaged", damage(text, rng)
    return kind, fmt, text


def record_texts() -> st.SearchStrategy[tuple[str, str, str]]:
    """Hypothesis strategy of :func:`make_case` over records drawn from :data:`VALID`."""
    return st.builds(make_case, VALID, st.randoms(use_true_random=False))
