"""``grants import``: add grants from an official list page (HTML or its text) or a CSV to the
user's register, each with its source URL. A grant already in the register (shipped or user) is
recognised and not added again. Bad input raises :class:`GrantInputError` and writes nothing."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from secondchance.grants.listpage import parse_list_page
from secondchance.grants.model import Grant, GrantType
from secondchance.grants.presidents import official_president
from secondchance.grants.register import Register, load_user_grants, write_user_grants
from secondchance.grants.search import parsed
from secondchance.textfile import TextFileError, read_text

_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
_COLUMNS = {
    "name": ("name",),
    "type": ("clemency_type", "type", "grant_type"),
    "date": ("announcement_date", "date", "grant_date", "granted_on"),
    "president": ("president",),
    "source": ("source_url", "source", "url"),
    "residence": ("residence",),
    "register": ("bop_register_number", "register_number", "reg_no"),
}


class GrantInputError(ValueError):
    """Input that cannot become grants; the message names the file, the field and the problem."""


@dataclass(frozen=True)
class Defaults:
    """What the command line supplies where the file does not say it."""

    source_url: str | None = None
    date: date | None = None
    president: str | None = None


@dataclass
class ImportResult:
    added: list[Grant] = field(default_factory=list)
    duplicates: list[Grant] = field(default_factory=list)
    register_path: Path | None = None


def grant_key(g: Grant) -> tuple[str, str, str]:
    """Two rows are the same grant when kind, date and person agree (the register number
    where the list gives one, else the written name, case and punctuation aside)."""
    name = parsed(g.name)
    who = g.bop_register_number or f"{name.key} {name.suffix}".strip()
    return g.type.value, g.date.isoformat(), who


def _source(value: str | None, where: str) -> str:
    if not value:
        raise GrantInputError(f"{where}: source_url: no source URL; pass --source URL")
    if not _URL.match(value.strip()):
        raise GrantInputError(f"{where}: source_url: {value!r} is not an http(s) URL")
    return value.strip()


def _page_grants(text: str, where: str, defaults: Defaults) -> list[Grant]:
    page = parse_list_page(text)
    if page.problem:
        raise GrantInputError(f"{where}: {page.problem}")
    if not page.entries:
        raise GrantInputError(
            f"{where}: no grants found: expected a clemency list page (a 'pardoning the "
            "following' or 'commuting the sentences of' section with one person per line) or a CSV"
        )
    day = page.date or defaults.date
    if day is None:
        raise GrantInputError(f"{where}: date: the page states no date; pass --date YYYY-MM-DD")
    president = official_president(defaults.president) or defaults.president or page.president
    if not president:
        raise GrantInputError(f"{where}: president: the page names none; pass --president NAME")
    source = _source(page.source_url or defaults.source_url, where)
    return [
        Grant(
            e.name,
            e.type,
            day,
            president,
            source,
            e.residence,
            e.bop_register_number,
            origin="user",
        )
        for e in page.entries
    ]


def _column(header: Sequence[str], field_name: str) -> str | None:
    lowered = {h.strip().casefold(): h for h in header}
    for alias in _COLUMNS[field_name]:
        if alias in lowered:
            return lowered[alias]
    return None


def _csv_row(
    row: dict[str, str], cols: dict[str, str | None], where: str, defaults: Defaults
) -> Grant:
    def cell(key: str) -> str:
        column = cols[key]
        return (row.get(column) or "").strip() if column else ""

    name = cell("name")
    if not name:
        raise GrantInputError(f"{where}: name: empty")
    kind = cell("type").casefold()
    if kind not in GrantType.__members__:
        raise GrantInputError(f"{where}: clemency_type: {kind!r} is not pardon or commutation")
    raw_day = cell("date")
    try:
        day = date.fromisoformat(raw_day) if raw_day else defaults.date
    except ValueError:
        raise GrantInputError(
            f"{where}: announcement_date: {raw_day!r} is not YYYY-MM-DD"
        ) from None
    if day is None:
        raise GrantInputError(f"{where}: announcement_date: empty; pass --date YYYY-MM-DD")
    president = official_president(cell("president")) or cell("president") or defaults.president
    if not president:
        raise GrantInputError(f"{where}: president: empty; pass --president NAME")
    regno = cell("register")
    if regno and not re.fullmatch(r"\d{5}-\d{3}", regno):
        raise GrantInputError(f"{where}: bop_register_number: {regno!r} is not NNNNN-NNN")
    source = _source(cell("source") or defaults.source_url, where)
    return Grant(
        name, GrantType(kind), day, president, source, cell("residence"), regno, origin="user"
    )


def _csv_grants(text: str, where: str, defaults: Defaults) -> list[Grant]:
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    cols = {key: _column(header, key) for key in _COLUMNS}
    for needed in ("name", "type"):
        if cols[needed] is None:
            raise GrantInputError(
                f"{where}: no {_COLUMNS[needed][0]} column (columns: {', '.join(header)})"
            )
    grants = [_csv_row(row, cols, f"{where} line {reader.line_num}", defaults) for row in reader]
    if not grants:
        raise GrantInputError(f"{where}: the CSV has a header but no rows")
    return grants


def read_grants(path: Path, defaults: Defaults) -> list[Grant]:
    """The grants stated in a list page or CSV file."""
    try:
        text = read_text(path)
    except TextFileError as exc:
        raise GrantInputError(str(exc)) from None
    first = text.lstrip().splitlines()[0] if text.strip() else ""
    if path.suffix.casefold() == ".csv" or ("," in first and "name" in first.casefold()):
        return _csv_grants(text, str(path), defaults)
    return _page_grants(text, str(path), defaults)


def import_grants(path: Path, register_path: Path, defaults: Defaults) -> ImportResult:
    """Read ``path`` and add its new grants to the user register at ``register_path``."""
    incoming = read_grants(path, defaults)
    try:
        existing = load_user_grants(register_path)
    except (OSError, ValueError, KeyError) as exc:
        raise GrantInputError(f"{register_path}: the register cannot be read ({exc})") from None
    known = {grant_key(g) for g in Register([*Register.load().grants, *existing])}
    result = ImportResult(register_path=register_path)
    for g in incoming:
        key = grant_key(g)
        (result.duplicates if key in known else result.added).append(g)
        known.add(key)
    if result.added:
        write_user_grants(register_path, [*existing, *result.added])
    return result
