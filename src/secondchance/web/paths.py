"""Record field paths as the engine names them (``convictions[0].counts[1].felony``): split,
read, write, and find the field's type and description in the record schema."""

from __future__ import annotations

import re
import types
import typing
from datetime import date
from enum import Enum
from typing import Any

from pydantic import BaseModel

from secondchance.record.schema import Record
from secondchance.record.terms import Term

Token = str | int | None
"""A field name, a list index, or None for "a new entry at the end of the list"."""

_PART = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d*)\]")


def split_path(path: str) -> list[Token]:
    """``custody[] (a period for ...)`` → ``['custody', None]``; text after a space or ``=`` is
    the engine's comment and is dropped."""
    head = re.split(r"[ =]", path.strip(), maxsplit=1)[0]
    tokens: list[Token] = []
    for match in _PART.finditer(head):
        if match[1]:
            tokens.append(match[1])
        else:
            tokens.append(int(match[2]) if match[2] else None)
    return tokens


def pattern(path: str) -> str:
    """The path with list indexes blanked: ``convictions[0].felony`` → ``convictions[].felony``."""
    out = ""
    for token in split_path(path):
        if isinstance(token, str):
            out += f".{token}" if out else token
        else:
            out += "[]"
    return out


def get_path(record: Any, tokens: list[Token]) -> Any:
    node = record
    for token in tokens:
        if isinstance(token, str) and isinstance(node, dict):
            node = node.get(token)
        elif isinstance(token, int) and isinstance(node, list) and token < len(node):
            node = node[token]
        else:
            return None
    return node


def set_path(record: dict[str, Any], tokens: list[Token], value: Any) -> None:
    """Write ``value`` at the path, creating mappings and list entries on the way."""
    node: Any = record
    for position, token in enumerate(tokens):
        last = position == len(tokens) - 1
        following = None if last else tokens[position + 1]
        fresh: Any = {} if isinstance(following, str) else []
        if isinstance(token, str):
            if last:
                node[token] = value
                return
            node = node.setdefault(token, fresh)
        else:
            if token is None or token >= len(node):
                node.append(value if last else fresh)
                node = node[-1]
            elif last:
                node[token] = value
            else:
                node = node[token]


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation


def field_info(tokens: list[Token]) -> tuple[Any, str | None]:
    """The (unwrapped) type and the schema description of the field at the path."""
    model: Any = Record
    annotation: Any = Record
    description: str | None = None
    for token in tokens:
        if isinstance(token, str):
            if not (isinstance(model, type) and issubclass(model, BaseModel)):
                return None, None
            field = model.model_fields.get(token)
            if field is None:
                return None, None
            annotation, description = _unwrap(field.annotation), field.description
        elif typing.get_origin(annotation) is list:
            annotation = _unwrap(typing.get_args(annotation)[0])
        model = annotation
    return annotation, description


def kind_of(annotation: Any) -> str:
    """How the question is answered: date, bool, term, number, choice, text, or group."""
    if annotation is date:
        return "date"
    if annotation is bool:
        return "bool"
    if annotation is Term:
        return "term"
    if annotation in (int, float):
        return "number"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "choice"
    if annotation is str:
        return "text"
    return "group"
