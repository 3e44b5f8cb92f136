"""Bounded, strict parsing of record text (YAML or JSON) into plain values.

What reaches the schema is made only of mappings with text keys, lists, text, booleans, finite
numbers of at most ``max_number_digits`` digits and null, within the size and shape bounds of
:mod:`secondchance.record.limits`. YAML is read with PyYAML's C parser where installed; in both
parsers dates stay text (the schema reads them), only decimal numbers are numbers, any tag
beyond the JSON types is refused, keys are unique, and aliases are counted and their expansion
sized before anything is built, so a small file cannot expand into millions of values.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import yaml

from secondchance.record.limits import DEFAULT, Limits
from secondchance.safe_text import shown

_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(
    r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9]+[eE][-+]?[0-9]+$"
)
_NOT_FINITE = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$")
_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_TAG + t for t in ("null", "bool", "int", "float", "str", "seq", "map")}


class ParseProblem(ValueError):
    """Text that is not a record: the one-line problem, with its line where known."""


def _decimal_int(loader: Any, node: yaml.ScalarNode) -> int:
    """YAML 1.1 reads ``010`` as octal 8; a record's numbers are decimal."""
    return int(loader.construct_scalar(node), 10)


def _strict(base: Any) -> Any:
    """``base`` (PyYAML's C or Python safe loader) reading only the JSON types, decimal numbers,
    and dates left as text."""
    loader: Any = type(f"Strict{base.__name__}", (base,), {})
    loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag in {_TAG + "null", _TAG + "bool"}]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    loader.add_implicit_resolver(_TAG + "int", _INT, list("-+0123456789"))
    loader.add_implicit_resolver(_TAG + "float", _FLOAT, list("-+.0123456789"))
    loader.add_implicit_resolver(_TAG + "float", _NOT_FINITE, list("-+."))
    loader.yaml_constructors = {
        tag: constructor
        for tag, constructor in yaml.SafeLoader.yaml_constructors.items()
        if tag in _ALLOWED_TAGS
    }
    loader.add_constructor(_TAG + "int", _decimal_int)
    return loader


STRICT_LOADERS: dict[str, Any] = {"python": _strict(yaml.SafeLoader)}
if hasattr(yaml, "CSafeLoader"):
    STRICT_LOADERS["libyaml"] = _strict(yaml.CSafeLoader)
_STRICT_LOADER = STRICT_LOADERS.get("libyaml", STRICT_LOADERS["python"])
"""PyYAML's libyaml-backed loader where installed (the same strictness; several times faster)."""


def _where(node: yaml.Node) -> str:
    mark = node.start_mark
    return f"line {mark.line + 1}, column {mark.column + 1}: "


def _check_scalar(node: yaml.ScalarNode, limits: Limits) -> None:
    if node.tag not in _ALLOWED_TAGS:
        raise ParseProblem(f"{_where(node)}the tag {shown(node.tag)} is not allowed in a record")
    value = node.value
    if len(value) > limits.max_string_chars:
        raise ParseProblem(
            f"{_where(node)}a value of {len(value):,} characters is longer than the "
            f"{limits.max_string_chars:,} a record may hold"
        )
    if node.tag in {_TAG + "int", _TAG + "float"}:
        if _NOT_FINITE.match(value):
            raise ParseProblem(f"{_where(node)}{shown(value)} is not a finite number")
        if sum(ch.isdigit() for ch in value) > limits.max_number_digits:
            raise ParseProblem(
                f"{_where(node)}a number of more than {limits.max_number_digits} digits"
            )


def _check_keys(node: yaml.MappingNode) -> None:
    seen: set[str] = set()
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.tag != _TAG + "str":
            raise ParseProblem(f"{_where(key)}a field name must be text")
        if key.value in seen:
            raise ParseProblem(f"{_where(key)}YAML: duplicate key {shown(key.value)}")
        seen.add(key.value)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def check_nodes(root: yaml.Node, limits: Limits = DEFAULT) -> None:
    """Refuse a YAML document whose aliases, expanded size, tags, keys or numbers break the
    limits, before any value is built. Linear in the document's distinct nodes."""
    expanded: dict[int, int] = {}  # node id -> values it holds, aliases expanded
    open_nodes: set[int] = set()
    aliases = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            open_nodes.discard(key)
            expanded[key] = 1 + sum(expanded[id(child)] for child in _children(node))
            if expanded[key] > limits.max_nodes:
                raise ParseProblem(
                    f"{_where(node)}the document expands to more than {limits.max_nodes:,} "
                    "values (YAML aliases)"
                )
            continue
        if key in expanded or key in open_nodes:
            aliases += 1
            if key in open_nodes:
                raise ParseProblem(f"{_where(node)}a YAML alias that contains itself")
            if aliases > limits.max_aliases:
                raise ParseProblem(
                    f"{_where(node)}more than {limits.max_aliases} YAML aliases in one record"
                )
            continue
        if isinstance(node, yaml.ScalarNode):
            _check_scalar(node, limits)
            expanded[key] = 1
            continue
        if node.tag not in _ALLOWED_TAGS:
            raise ParseProblem(f"{_where(node)}the tag {shown(node.tag)} is not allowed")
        if len(node.value) > limits.max_list_items:
            raise ParseProblem(
                f"{_where(node)}more than {limits.max_list_items:,} entries in one list or mapping"
            )
        if isinstance(node, yaml.MappingNode):
            _check_keys(node)
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(_children(node)))


_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def check_events(text: str, loader_class: Any, limits: Limits = DEFAULT) -> None:
    """Refuse nesting deeper than ``limits.max_depth`` and more aliases than allowed from the
    parser's flat stream of events, before libyaml's composer (which recurses in C and would
    crash the process on a deep enough document) builds anything."""
    loader = loader_class(text)
    depth = aliases = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, _OPEN):
                depth += 1
                if depth > limits.max_depth:
                    mark = event.start_mark
                    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
                    raise ParseProblem(
                        f"{where}nested too deeply to be a record (more than "
                        f"{limits.max_depth} levels)"
                    )
            elif isinstance(event, _CLOSE):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > limits.max_aliases:
                    raise ParseProblem(f"more than {limits.max_aliases} YAML aliases in one record")
    finally:
        loader.dispose()


def parse_yaml(text: str, limits: Limits = DEFAULT, loader_class: Any = None) -> Any:
    """The values of a YAML record (one document), checked by :func:`check_events` and
    :func:`check_nodes`."""
    check_events(text, loader_class or _STRICT_LOADER, limits)
    loader = (loader_class or _STRICT_LOADER)(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        check_nodes(root, limits)
        return loader.construct_document(root)
    finally:
        loader.dispose()


def _json_number(limits: Limits, kind: type) -> Any:
    def parse(text: str) -> Any:
        if sum(ch.isdigit() for ch in text) > limits.max_number_digits:
            raise ParseProblem(f"a number of more than {limits.max_number_digits} digits")
        return kind(text)

    return parse


def _not_a_number(text: str) -> Any:
    raise ParseProblem(f"{text} is not a finite number")


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ParseProblem(f"duplicate key {shown(key)}")
        seen[key] = value
    return seen


def parse_json(text: str, limits: Limits = DEFAULT) -> Any:
    """The values of a JSON record: no NaN or Infinity, unique keys, bounded numbers."""
    return json.loads(
        text,
        object_pairs_hook=_unique_pairs,
        parse_int=_json_number(limits, int),
        parse_float=_json_number(limits, float),
        parse_constant=_not_a_number,
    )


def _value_problem(value: Any, limits: Limits) -> str | None:
    kind = type(value)
    if value is None or kind is bool:  # the common kinds first, each with its one check
        return None
    if kind is str:
        if len(value) <= limits.max_string_chars:
            return None
    elif (kind is dict or kind is list) and len(value) <= limits.max_list_items:
        return None
    if isinstance(value, str) and len(value) > limits.max_string_chars:
        return f"a text of {len(value):,} characters; the limit is {limits.max_string_chars:,}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value} is not a finite number"
    big = isinstance(value, int) and abs(value) >= 10**limits.max_number_digits
    if big and not isinstance(value, bool):
        return f"a number of more than {limits.max_number_digits} digits"
    if isinstance(value, list | dict) and len(value) > limits.max_list_items:
        return f"more than {limits.max_list_items:,} entries"
    return None


def _plainly_within(data: Any, limits: Limits) -> bool:
    """True when :func:`check_values` finds nothing: every value of a common kind and within
    the limits (level by level, no field paths built). False when anything needs a closer look
    (the walk with paths then names the problems, or finds none)."""
    chars, items, depth = limits.max_string_chars, limits.max_list_items, 0
    biggest, nodes, level = 10**limits.max_number_digits, 0, [data]
    while level:
        nodes += len(level)
        if depth > limits.max_depth or nodes > limits.max_nodes:
            return False
        below: list[Any] = []
        for value in level:
            kind = type(value)
            if kind is str:
                if len(value) > chars:
                    return False
            elif kind is dict:
                if len(value) > items:
                    return False
                for key in value:
                    if type(key) is not str or len(key) > chars:
                        return False
                below.extend(value.values())
            elif kind is list:
                if len(value) > items:
                    return False
                below.extend(value)
            elif kind is int:
                if abs(value) >= biggest:
                    return False
            elif kind is float:
                if not math.isfinite(value):
                    return False
            elif value is not None and kind is not bool:
                return False
        level, depth = below, depth + 1
    return True


def check_values(data: Any, limits: Limits = DEFAULT) -> list[tuple[tuple[int | str, ...], str]]:
    """Problems of parsed values against the limits, each with its field path (depth, text
    length, list length, numbers; keys must be text). Visits at most ``max_nodes`` values."""
    if _plainly_within(data, limits):
        return []
    problems: list[tuple[tuple[int | str, ...], str]] = []
    stack: list[tuple[tuple[int | str, ...], Any]] = [((), data)]
    visited = 0
    while stack and len(problems) <= limits.max_problems:
        path, value = stack.pop()
        visited += 1
        if visited > limits.max_nodes:
            return [((), f"more than {limits.max_nodes:,} values in one record")]
        if len(path) > limits.max_depth:
            return [(path[: limits.max_depth], "nested too deeply to be a record")]
        problem = _value_problem(value, limits)
        if problem:
            problems.append((path, problem))
        elif isinstance(value, dict):
            for key, item in reversed(list(value.items())):
                if not isinstance(key, str) or len(key) > limits.max_string_chars:
                    problems.append((path, "a field name must be a short text"))
                    break
                stack.append(((*path, key), item))
        elif isinstance(value, list):
            stack.extend(((*path, i), item) for i, item in reversed(list(enumerate(value))))
    return problems
