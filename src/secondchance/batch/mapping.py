"""Rows of the batch tables → one :class:`Record` per person, through the same validation as
``check`` (one reading of the record). The only module that knows how tables map to records:
extend it (and :mod:`secondchance.batch.layout`) when the record format grows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from secondchance.batch.layout import BUREAU_COLUMNS, RDAP_COLUMNS, TABLES, Kind
from secondchance.record.load import RecordError, validate
from secondchance.record.schema import Record

Row = dict[str, Any]
ROW_PROBLEM = "\x00problem"
"""The key of a row that could not be read as a row of its table (too few or too many cells,
bytes that are not UTF-8): its value is ``(field, problem)``. The person whose id it carries is
not screened (the row may hold a fact that would change their answers)."""

_YES = {"true", "yes", "y", "1", "t"}
_NO = {"false", "no", "n", "0", "f"}
NOT_IN_KEY = ("name", "bop_register_number")
"""Fields of the person that never reach the law: they do not take part in the fact pattern
(:func:`pattern_key`), and are validated on their own for each person whose pattern's answers
are remembered (``evaluate._own_fields_valid``)."""
_NOT_IN_RECORD = ("person_id", *NOT_IN_KEY)


@dataclass(frozen=True)
class Problem:
    """One bad cell or row: where it is and what is wrong."""

    person_id: str
    table: str
    row: int | None
    field: str
    problem: str


@dataclass
class PersonRows:
    """Every row of one person, table by table, with its row number in its file (1 = first
    data row)."""

    person_id: str
    rows: dict[str, list[tuple[int, Row]]] = field(default_factory=dict)

    def add(self, table: str, number: int, row: Row) -> None:
        self.rows.setdefault(table, []).append((number, row))

    def people_row(self) -> Row:
        found = self.rows.get("people", [])
        return found[0][1] if found else {}


class CellError(ValueError):
    pass


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _flag(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellError(f"{value!r} is not a yes/no value (write true or false, or leave it empty)")


def _number(value: Any, whole: bool) -> int | float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError(f"{value!r} is not a number")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise CellError(f"{value!r} is not a number") from None
    if whole:
        if not number.is_integer():
            raise CellError(f"{value!r} is not a whole number")
        return int(number)
    return number


def _items(value: Any) -> list[str]:
    """A list cell's values (``;`` between them in text, or a Parquet list). A cell that holds
    only separators, or an empty part, is an error, never a list left out: an empty
    ``conviction_ids`` would mean every federal conviction (as ``check`` refuses ``[";"]``)."""
    if value is None:
        return []
    if isinstance(value, list) and not value:
        raise CellError("an empty list names no entry (leave the cell null to leave it out)")
    parts = value if isinstance(value, list) else str(value).split(";")
    items = [None if p is None else str(p).strip() for p in parts]
    if parts and not any(items):
        raise CellError(f"{_quoted(value)} names no entry (leave the cell empty to leave it out)")
    if not all(items):
        raise CellError(f"{_quoted(value)} has an empty entry (values are separated by ';')")
    return [p for p in items if p]


def _quoted(value: Any) -> str:
    text = repr(value if isinstance(value, str) else list(value))
    return text if len(text) <= 80 else text[:79] + "…"


def read_cell(kind: Kind, value: Any) -> Any:
    """One cell in the type its column holds; :class:`CellError` when it cannot be read."""
    if kind is Kind.text and type(value) is str:  # the common case first, as it comes
        return value.strip() or None
    if kind is Kind.flag:
        return _flag(value)
    if kind is Kind.whole or kind is Kind.amount:
        return _number(value, kind is Kind.whole)
    if kind is Kind.items:
        return _items(value)
    return _text(value)


def _cells(table: str, row: Row, columns: Iterable[str]) -> dict[str, Any]:
    kinds = TABLES[table].columns
    return {c: read_cell(kinds[c], row.get(c)) for c in columns}


def _set(target: dict[str, Any], values: Mapping[str, Any]) -> None:
    """Copy the values that are given (an empty cell is a fact left out)."""
    for key, value in values.items():
        if value is not None and value != []:
            target[key] = value


_EMPTY_CELLS = {
    name: dict.fromkeys(table.columns) for name, table in TABLES.items()
}  # a list column's cell is set to a new empty list, in its place
_LIST_COLUMNS = {
    name: tuple(c for c, kind in table.columns.items() if kind is Kind.items)
    for name, table in TABLES.items()
}


def _read_row(table: str, kinds: Mapping[str, Kind], row: Row) -> dict[str, Any]:
    """Every cell of a row in its column's type (an empty cell ``None``, or ``[]`` for a list),
    in the table's column order; :class:`CellError` at the first cell that cannot be read.
    Only the given cells are read."""
    cells = _EMPTY_CELLS[table].copy()
    for column in _LIST_COLUMNS[table]:
        cells[column] = []
    for column, value in row.items():
        kind = kinds.get(column)
        if value is not None and kind is not None:
            cells[column] = read_cell(kind, value)
    return cells


class _Builder:
    """Assembles one person's record dict and remembers which row each part came from."""

    def __init__(self, person: PersonRows) -> None:
        self.person = person
        self.origin: list[tuple[str, str, int]] = []  # (record path, table, row number)
        self.problems: list[Problem] = []
        self.records: dict[str | None, dict[str, Any]] = {None: {}}
        self.prefix: dict[str | None, str] = {None: ""}

    def problem(self, table: str, row: int | None, column: str, text: str) -> None:
        self.problems.append(Problem(self.person.person_id, table, row, column, text))

    def rows(self, table: str) -> list[tuple[int, dict[str, Any]]]:
        """The table's rows read cell by cell; a bad cell is a problem, its row left out."""
        read: list[tuple[int, dict[str, Any]]] = []
        found = self.person.rows.get(table)
        if not found:
            return read
        kinds = TABLES[table].columns
        for number, row in found:
            try:
                read.append((number, _read_row(table, kinds, row)))
                continue
            except CellError:  # read again cell by cell, to name every bad cell in column order
                pass
            cells: dict[str, Any] = {}  # each bad cell of the row, column by column
            for column, kind in kinds.items():
                value = row.get(column)
                if value is None:  # an empty cell: what read_cell makes of it, without reading
                    cells[column] = [] if kind is Kind.items else None
                    continue
                try:
                    cells[column] = read_cell(kind, value)
                except CellError as exc:
                    self.problem(table, number, column, str(exc))
            read.append((number, cells))
        return read

    def target(self, table: str, number: int, cells: Mapping[str, Any]) -> str | None:
        """Whose record the row belongs to (``None``: the person's own); ``"?"`` if unknown."""
        associate = cells.get("associate_id")
        if associate is not None and associate not in self.records:
            self.problem(
                table,
                number,
                "associate_id",
                f"{associate!r} names no associate in business_people for this person",
            )
            return "?"
        return associate

    def append(
        self,
        table: str,
        number: int,
        cells: Mapping[str, Any],
        section: str,
        values: Mapping[str, Any],
    ) -> dict[str, Any] | None:
        who = self.target(table, number, cells)
        if who == "?":
            return None
        entries = self.records[who].setdefault(section, [])
        entry: dict[str, Any] = {}
        _set(entry, values)
        entries.append(entry)
        self.origin.append((f"{self.prefix[who]}{section}[{len(entries) - 1}]", table, number))
        return entry


def _pick(cells: Mapping[str, Any], *names: str) -> dict[str, Any]:
    """The cells of ``names`` that are given (an empty cell is a fact left out), in order."""
    return {n: v for n in names if (v := cells.get(n)) is not None and v != []}


def _business(b: _Builder) -> None:
    rows = b.rows("businesses")
    for number, _cells in rows[1:]:
        b.problem("businesses", number, "person_id", "a person has at most one business")
    if not rows:
        for number, _ in b.rows("business_people"):
            b.problem(
                "business_people", number, "person_id", "no row in businesses for this person"
            )
        return
    number, cells = rows[0]
    business: dict[str, Any] = {"people": []}
    _set(business, _pick(cells, "name", "child_care", "no_other_owner_of_20_percent"))
    b.records[None]["business"] = business
    b.origin.append(("business", "businesses", number))
    index: dict[str, dict[str, Any]] = {}
    for number, cells in b.rows("business_people"):
        key = cells.get("associate_id") or f"row {number}"
        person = index.get(key)
        if person is None:
            person = {"roles": []}
            _set(person, _pick(cells, "name", "is_subject"))
            business["people"].append(person)
            index[key] = person
            at = f"business.people[{len(business['people']) - 1}]"
            b.origin.append((at, "business_people", number))
            if cells.get("associate_id") is not None and not cells.get("is_subject"):
                b.records[key] = person.setdefault("record", {})
                b.prefix[key] = f"{at}.record."
            elif cells.get("associate_id") is not None:
                b.records[key] = b.records[None]
                b.prefix[key] = ""
        role = _pick(cells, "role", "ownership_percent", "start", "end")
        person["roles"].append(role)
        at = f"business.people[{len(business['people']) - 1}]"
        b.origin.append((f"{at}.roles[{len(person['roles']) - 1}]", "business_people", number))
        _associate_unknown(b, number, cells, person)


def _associate_unknown(
    b: _Builder, number: int, cells: Mapping[str, Any], person: dict[str, Any]
) -> None:
    """A business_people row's ``unknown`` cell: the parts of that associate's own record not
    known (every row of the associate adds to the list). Only an associate with an id has a
    record here; without one the whole record is left out (unknown), and the subject's parts
    go on the people row."""
    parts = cells.get("unknown") or []
    if not parts:
        return
    if cells.get("associate_id") is None or cells.get("is_subject"):
        where = "the people row" if cells.get("is_subject") else "an associate with an id"
        b.problem("business_people", number, "unknown", f"belongs on {where}")
        return
    record = person.setdefault("record", {})
    before = record.get("unknown", [])
    record["unknown"] = list(dict.fromkeys([*before, *parts]))
    at = b.prefix[cells["associate_id"]]
    b.origin.append((f"{at}unknown", "business_people", number))
    for k in range(len(before), len(record["unknown"])):  # each entry: the row that added it
        b.origin.append((f"{at}unknown[{k}]", "business_people", number))


_EMPTY: tuple[None, list[Any]] = (None, [])  # an empty cell: a fact left out
_FSA_CELLS = tuple((c, c.removeprefix("fsa_")) for c in TABLES["people"].columns if c[:4] == "fsa_")
_BUREAU_CELLS = tuple(
    (c, c.removeprefix("bureau_")) for c in TABLES["people"].columns if c in BUREAU_COLUMNS
)
_RDAP_CELLS = tuple(
    (c, c.removeprefix("rdap_")) for c in TABLES["people"].columns if c in RDAP_COLUMNS
)
"""The people table's columns of the record's ``fsa``, ``bureau`` and ``rdap`` blocks, in column
order."""


def _person(b: _Builder) -> None:
    rows = b.rows("people")
    number, cells = rows[0]
    top = b.records[None]
    person = _pick(cells, "name", "date_of_birth", "bop_register_number")
    if person:
        top["person"] = person
        b.origin.append(("person", "people", number))
    _set(top, _pick(cells, "application_date", "unknown"))
    if "unknown" in top:
        b.origin.append(("unknown", "people", number))
    fsa = {name: v for column, name in _FSA_CELLS if (v := cells.get(column)) not in _EMPTY}
    if fsa:
        top["fsa"] = fsa
        b.origin.append(("fsa", "people", number))
    bureau = {name: v for column, name in _BUREAU_CELLS if (v := cells.get(column)) not in _EMPTY}
    if bureau:
        top["bureau"] = bureau
        b.origin.append(("bureau", "people", number))
    rdap = {name: v for column, name in _RDAP_CELLS if (v := cells.get(column)) not in _EMPTY}
    if rdap:
        top["rdap"] = rdap
        b.origin.append(("rdap", "people", number))


def _sections(b: _Builder) -> None:
    for number, cells in b.rows("status"):
        who = b.target("status", number, cells)
        if who == "?":
            continue
        person = b.records[who].setdefault("person", {})
        entries = person.setdefault("status", [])
        entry = _pick(cells, "status", "start", "end")
        entries.append(entry)
        b.origin.append((f"{b.prefix[who]}person.status[{len(entries) - 1}]", "status", number))
    sections: tuple[tuple[str, str, tuple[str, ...]], ...] = (
        (
            "court_challenges",
            "court_challenges",
            ("kind", "conviction_id", "filed_on", "resolved_on"),
        ),
        (
            "custody",
            "custody",
            ("kind", "start", "end", "conviction_id", "credited_to_other_sentence", "facility"),
        ),
        ("supervision", "supervision", ("kind", "start", "end", "conviction_id", "ended_early")),
        (
            "grants",
            "clemency",
            (
                "kind",
                "granted_on",
                "conviction_ids",
                "by",
                "proclamation",
                "certificate_issued",
                "certificate_issued_on",
            ),
        ),
    )
    for table, section, names in sections:
        for number, cells in b.rows(table):
            b.append(table, number, cells, section, _pick(cells, *names))
    _fsa_lists(b)


def _fsa_lists(b: _Builder) -> None:
    for table, names in (
        ("risk_assessments", ("assessed_on", "level")),
        ("non_earning_periods", ("start", "end", "reason")),
        ("removal_orders", ("kind", "issued_on")),
        ("immigration_detainers", ("lodged_on", "agency")),
    ):
        for number, cells in b.rows(table):
            who = b.target(table, number, cells)
            if who == "?":
                continue
            entries = b.records[who].setdefault("fsa", {}).setdefault(table, [])
            entry = _pick(cells, *names)
            entries.append(entry)
            b.origin.append((f"{b.prefix[who]}fsa.{table}[{len(entries) - 1}]", table, number))


_SENTENCE = (
    "imposed_on",
    "imprisonment",
    "probation",
    "supervised_release",
    "parole_eligible",
    "fine",
    "fine_owed",
    "restitution",
    "restitution_owed",
    "relation",
    "relative_to",
    "imprisonment_length_unknown",
    "prior_custody_credit_days",
    "completed",
)
_TREATY = (
    ("treaty_country", "country"),
    ("treaty_foreign_court", "foreign_court"),
    ("treaty_transferred_on", "transferred_on"),
)
"""The convictions columns of a conviction's ``treaty_transfer`` block (format 1.1)."""
_COUNT = tuple(
    c
    for c in TABLES["counts"].columns
    if c not in ("person_id", "associate_id", "conviction_id", "charge_id")
)


def _convictions(b: _Builder) -> None:
    owners: dict[tuple[str | None, str, str], tuple[dict[str, Any], str]] = {}
    for number, cells in b.rows("convictions"):
        values = _pick(
            cells,
            "jurisdiction",
            "state",
            "court",
            "case_number",
            "offense_date",
            "conviction_date",
            "sentencing_date",
            "awaiting_sentencing",
        )
        values["id"] = cells.get("conviction_id")
        entry = b.append("convictions", number, cells, "convictions", values)
        if entry is None:
            continue
        path = b.origin[-1][0]
        sentence = _pick(cells, *_SENTENCE)
        if sentence:
            entry["sentence"] = sentence
        _treaty(b, number, cells, entry, path)
        if entry.get("id"):
            owners[(cells.get("associate_id"), "conviction", entry["id"])] = (entry, path)
    for number, cells in b.rows("pending_charges"):
        entry = b.append(
            "pending_charges",
            number,
            cells,
            "pending_charges",
            _pick(cells, "instrument", "jurisdiction", "state", "court", "filed_on", "resolved_on"),
        )
        if entry is not None and cells.get("charge_id"):
            owners[(cells.get("associate_id"), "charge", cells["charge_id"])] = (
                entry,
                b.origin[-1][0],
            )
    _link(b, owners)


def _treaty(
    b: _Builder, number: int, cells: Mapping[str, Any], entry: dict[str, Any], path: str
) -> None:
    """A conviction's treaty transfer: ``treaty_transfer`` true, or any ``treaty_*`` detail
    given (a detail with ``treaty_transfer`` false is a problem: which one holds?)."""
    flag = cells.get("treaty_transfer")
    details = {name: v for column, name in _TREATY if (v := cells.get(column)) is not None}
    if flag is False and details:
        column = next(c for c, name in _TREATY if name in details)
        b.problem(
            "convictions",
            number,
            column,
            "a treaty transfer's detail is given, yet treaty_transfer is false",
        )
    elif flag or details:
        entry["treaty_transfer"] = details
        b.origin.append((f"{path}.treaty_transfer", "convictions", number))


def _link(
    b: _Builder, owners: Mapping[tuple[str | None, str, str], tuple[dict[str, Any], str]]
) -> None:
    for number, cells in b.rows("counts"):
        conviction, charge = cells.get("conviction_id"), cells.get("charge_id")
        if (conviction is None) == (charge is None):
            b.problem(
                "counts",
                number,
                "conviction_id",
                "a count names either a conviction_id "
                "or a charge_id (of a pending charge), not both or neither",
            )
            continue
        key: tuple[str | None, str, str] = (
            cells.get("associate_id"),
            "conviction" if conviction else "charge",
            str(conviction or charge),
        )
        column = "conviction_id" if conviction else "charge_id"
        if key not in owners:
            b.problem("counts", number, column, f"{key[2]!r} names no {key[1]} of this person")
            continue
        entry, path = owners[key]
        counts = entry.setdefault("counts", [])
        count = _pick(cells, *_COUNT)
        counts.append(count)
        b.origin.append((f"{path}.counts[{len(counts) - 1}]", "counts", number))
    for table, fields in (("commutations", _COMMUTATION), ("revocations", _REVOCATION)):
        for number, cells in b.rows(table):
            key = (cells.get("associate_id"), "conviction", str(cells.get("conviction_id") or ""))
            # (a commutation or a revocation always belongs to a conviction)
            if key not in owners:
                b.problem(
                    table, number, "conviction_id", f"{key[2]!r} names no conviction of this person"
                )
                continue
            entry, path = owners[key]
            found = entry.setdefault("sentence", {}).setdefault(table, [])
            found.append(_pick(cells, *fields))
            b.origin.append((f"{path}.sentence.{table}[{len(found) - 1}]", table, number))


_COMMUTATION = (
    "granted_on",
    "new_imprisonment",
    "new_release_date",
    "home_confinement_remainder",
    "supervised_release_kept",
    "fine_restitution_kept",
    "terms",
)
_REVOCATION = ("revoked_on", "imprisonment", "supervised_release")


def assemble(
    person: PersonRows,
) -> tuple[dict[str, Any], list[tuple[str, str, int]], list[Problem]]:
    """The record dict of one person, where each part came from, and the cells that could not
    be read."""
    b = _Builder(person)
    _business(b)
    _person(b)
    _sections(b)
    _convictions(b)
    return b.records[None], b.origin, b.problems


WHOLE_PERSON = "(person)"
"""The field of a problem that concerns a whole person, no one cell (too many convictions or
approximate dates in one record): it is named on the person's row of ``people``."""


def _locate(
    person: PersonRows, path: str, message: str, origin: list[tuple[str, str, int]]
) -> Problem:
    """A validation problem at a record path → the table, row and column it came from; one at
    no part of the rows (the whole record) → the person's row of ``people``, said so."""
    person_id = person.person_id
    best: tuple[str, str, int] | None = None
    for entry in origin:
        if (
            path == entry[0] or path.startswith(entry[0] + ".") or path.startswith(entry[0] + "[")
        ) and (best is None or len(entry[0]) > len(best[0])):
            best = entry
    if best is None:
        found = person.rows.get("people")
        row = found[0][0] if found else None
        where = "" if path == "(top level)" else f" ({path})"
        return Problem(
            person_id, "people", row, WHOLE_PERSON, f"the whole person{where}: {message}"
        )
    rest = path[len(best[0]) :].lstrip(".")
    column = rest.split(".")[-1].split("[")[0] if rest else "(row)"
    if rest.startswith("["):  # an item of a list cell (``unknown[0]``): that cell's column
        column = best[0].rsplit(".", 1)[-1]
    elif not rest and best[0].rsplit(".", 1)[-1].startswith("unknown["):  # one entry's row
        column = "unknown"
    if best[1] == "convictions" and column == "id":
        column = "conviction_id"
    if best[1] == "people" and best[0] in ("fsa", "bureau", "rdap"):
        column = f"{best[0]}_{column}"
    if best[0].endswith(".treaty_transfer") and rest:
        column = f"treaty_{column}"
    return Problem(person_id, best[1], best[2], column, message)


def to_record(person: PersonRows) -> tuple[Record | None, list[Problem]]:
    """One person's rows as a validated record, or the problems that stop it being one. A person
    with any bad row is not screened (a dropped conviction could clear them wrongly)."""
    unread = [
        Problem(person.person_id, table, number, *row[ROW_PROBLEM])
        for table, rows in person.rows.items()
        for number, row in rows
        if ROW_PROBLEM in row
    ]
    if unread:
        return None, unread
    data, origin, problems = assemble(person)
    if problems:
        return None, problems
    try:
        return validate(data, person.person_id), []
    except RecordError as exc:
        found = []
        for text in exc.problems:
            path, colon, message = text.partition(": ")
            if not colon:  # "and N more problems"
                path, message = "(top level)", text
            found.append(_locate(person, path, message, origin))
        return None, found


def stated(row: Mapping[str, Any]) -> dict[str, Any]:
    """What the Bureau states for a person (``bureau_*`` columns), read cell by cell; a cell
    that cannot be read is left empty (it is shown, never used by the law)."""
    out: dict[str, Any] = {}
    for column, kind in BUREAU_COLUMNS.items():
        try:
            out[column] = read_cell(kind, row.get(column))
        except CellError:
            out[column] = None
    return out


def pattern_key(person: PersonRows) -> tuple[Any, ...]:
    """Everything in the person's rows that reaches the law, in a fixed order: two people with
    the same key have the same record apart from their name and ids, so the same answers."""
    parts: list[Any] = []
    for table in TABLES:
        rows = person.rows.get(table)
        if not rows:
            parts.append(())
            continue
        skip = _NOT_IN_RECORD if table == "people" else ("person_id",)
        parts.append(
            tuple(
                [
                    tuple(
                        [
                            (k, tuple(v) if isinstance(v, list) else v)
                            for k, v in row.items()
                            if v is not None and k not in skip
                        ]
                    )
                    for _, row in rows
                ]
            )
        )
    return tuple(parts)
