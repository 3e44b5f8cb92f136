"""Legal numbers live in the parameter files, once: no number the law sets (54 days a year, 365,
10 or 15 days per 30, 12 months, 20 percent, 5 years ...) written into the code of law/ or
engine/ (issue: one home for every legal fact; the sibling of test_no_legal_literals for days).

The allow-rule. A number literal in that code is allowed only
  * if it is 0 or 1 (-1 is ``-(1)``): counting, not law;
  * in a docstring or comment (prose about the code, not read by the program);
  * where the code's shape says it is not law: a ``maxsize=`` (cache size), an index or slice
    (``text[:80]``, a width), the shift of a bit flag (``1 << n``), an argument of
    ``date(...)`` (the day check covers its year), a comparison with ``.month`` or ``.day``
    (the calendar: 29 February), a comparison with ``.title`` (a U.S. Code title is a name,
    like a section number), the members of an enum (column codes);
  * inside one of the named module constants or functions of ``ALLOWED``, each with its reason.
Anything else is a legal number and is read from law/parameters/*.yaml. A comparison with
``len(...)`` is not allowed by its shape: "2 consecutive assessments" is law written that way.

Text the program shows counts too: a number with a unit ("12 months", "20%", "10 percent",
"54 days per year") in a string of that code, outside a docstring and outside a quotation
("...", “...”: a source's words), must be written from the parameter ("{months} months"),
unless the string is inside an ``ALLOWED`` name. ``PENDING`` lists the texts not yet written
from the parameters, each with what blocks it; the test fails on any other.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.foundation.test_no_legal_literals import FILES, SRC, _docstrings

COUNTING = {0, 1}

ALLOWED: dict[str, str] = {
    "law/units.py::MONTHS_PER_YEAR": "calendar: months in a year",
    "law/units.py::MOST_DAYS_IN_A_YEAR": "calendar: days in a leap year",
    "law/units.py::DAYS_PER_WEEK": "calendar: days in a week",
    "law/units.py::PER_MILLE": "unit of a parameter written in thousandths",
    "law/units.py::PERCENT": "unit of a parameter written in percent",
    "law/sentence/days.py::TABLE_FIRST_YEAR": "code: first year of the weekday table",
    "law/sentence/days.py::TABLE_LAST_YEAR": "code: last year of the weekday table",
    "law/sentence/days.py::EPOCH_WEEKDAY": "calendar: 1970-01-01 was a Thursday",
    "law/sentence/days.py::SATURDAY": "calendar: the first day of the weekend",
    "law/sentence/good_conduct.py::_SETTLE_STEPS": "code: rounds of a closed-form correction",
    "law/sba/associates.py::_RANK": "code: the order of four standings",
    "law/sba/associates.py::STATED_SHARE": "record format: the share that "
    "business.no_other_owner_of_20_percent names (its name says it)",
    "law/sentence/exclusions.py::GENERAL_INCHOATE": "citation: (title, section) of 846, 963, 371",
    "law/sentence/exclusions.py::_inchoate_kind": "citation: 18 U.S.C. 371 as (title, section)",
    "law/sentence/exclusions.py::OBJECT_NAMED_ELSEWHERE": "citation: 18 U.S.C. 371, 2",
    "law/sentence/exclusions.py::SPECIFIC_INCHOATE": "citation: 924(o), 844(m), (n), 1030(b)",
    "law/sentence/exclusions.py::_aiding": "citation: 18 U.S.C. 2 as (title, section)",
    "law/sentence/exclusions.py::_strength": "code: the order of three match strengths",
    "law/sentence/exclusions.py::screen_count": "code: the size of its cache",
    "law/clemency/substance.py::substance_of": "code: the size of its cache",
    "law/sba/charges.py::_offense_list": "wording: 'a or b' up to two names, then 'a, b or c'",
    "law/sentence/explain.py::cap_finding": "text: the Bureau handout's own figures, described",
    "law/clemency/facts.py::_credited": "code: halving the range of a bisection search",
    "law/sba/forms.py::SBA_QUESTIONS": "text: what SBA Form 1919 asks (the form's threshold)",
    "engine/evaluate.py::MAX_LOOK_AHEAD": "code: how many candidate change days are tried",
    "engine/evaluate.py::SAME_LIMIT": "code: the size of a memory of answers",
}
"""``path::name`` of a module constant or function whose numbers are not law, and why."""

PENDING: dict[str, str] = {}
"""Texts that still state a legal number, and why they are not yet written from the YAML."""

NUMBER_IN_TEXT = re.compile(
    r"\b\d[\d,]*(?:\.\d+)?[ -](?:calendar )?(?:days?|months?|years?|percent|periods?)\b"
    r"|\b\d+(?:\.\d+)?\s?%"
)
QUOTED = re.compile(r'"[^"]*"|“[^”]*”')

_NAMED_ATTRIBUTES = {"month", "day", "title"}


def _defined(tree: ast.Module) -> dict[str, ast.AST]:
    """Module constants, functions and classes by name."""
    found: dict[str, ast.AST] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.FunctionDef | ast.ClassDef):
            found[stmt.name] = stmt
        targets = stmt.targets if isinstance(stmt, ast.Assign) else []
        if isinstance(stmt, ast.AnnAssign):
            targets = [stmt.target]
        for target in targets:
            if isinstance(target, ast.Name):
                found[target.id] = stmt
    return found


def _under(node: ast.AST) -> set[int]:
    return {id(n) for n in ast.walk(node)}


def _is_enum(node: ast.AST) -> bool:
    bases = getattr(node, "bases", [])
    return any(isinstance(b, ast.Name) and b.id.endswith(("Enum", "Flag")) for b in bases)


def _compared_to_shape(node: ast.Compare) -> bool:
    """A comparison with a ``.month``, ``.day`` or ``.title``."""
    sides = [node.left, *node.comparators]
    return any(isinstance(s, ast.Attribute) and s.attr in _NAMED_ATTRIBUTES for s in sides)


def _shaped(tree: ast.AST) -> set[int]:
    """Numbers whose place in the code says they are not law (see the module docstring)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "maxsize":
            found |= _under(node.value)
        elif isinstance(node, ast.Subscript):
            found |= _under(node.slice)
        elif isinstance(node, ast.Compare) and _compared_to_shape(node):
            found |= _under(node)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.LShift):
            found |= _under(node.right)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "date":
            found |= {id(n) for a in node.args for n in ast.walk(a)}
        elif isinstance(node, ast.ClassDef) and _is_enum(node):
            found |= _under(node)
    return found


def _allowed(tree: ast.Module, relative: str, table: dict[str, str] = ALLOWED) -> set[int]:
    defined = _defined(tree)
    found: set[int] = set()
    for key in table:
        where, name = key.split("::")
        if where == relative and name in defined:
            found |= _under(defined[name])
    return found


def literal_numbers(path: Path, relative: str | None = None) -> list[str]:
    """Where ``path`` writes a number into its code that the allow-rule does not allow."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree) | _shaped(tree) | _allowed(tree, relative or path.name)
    found = []
    for node in ast.walk(tree):
        if id(node) in skip or not isinstance(node, ast.Constant):
            continue
        number = node.value
        is_number = isinstance(number, int | float) and not isinstance(number, bool)
        if is_number and number not in COUNTING:
            found.append(f"{path.name}:{node.lineno}: {number!r}")
    return sorted(found, key=lambda s: int(s.split(":")[1]))


def numbers_in_text(path: Path, relative: str | None = None) -> list[str]:
    """Where ``path`` states a number with its unit in a text of its code (not quoted)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = relative or path.name
    skip = _docstrings(tree) | _allowed(tree, where) | _allowed(tree, where, PENDING)
    found = []
    for node in ast.walk(tree):
        if id(node) in skip or not isinstance(node, ast.Constant):
            continue
        if isinstance(node.value, str):
            hit = NUMBER_IN_TEXT.search(QUOTED.sub("", node.value))
            if hit:
                found.append(f"{path.name}:{node.lineno}: {hit.group(0)!r}")
    return sorted(found, key=lambda s: int(s.split(":")[1]))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_legal_number_in_code(path: Path) -> None:
    assert literal_numbers(path, str(path.relative_to(SRC))) == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_legal_number_in_text(path: Path) -> None:
    assert numbers_in_text(path, str(path.relative_to(SRC))) == []


def test_every_allowance_names_something_that_exists() -> None:
    # A stale entry would let a later literal of the same name through unseen.
    for key in [*ALLOWED, *PENDING]:
        where, name = key.split("::")
        tree = ast.parse((SRC / where).read_text(encoding="utf-8"))
        assert name in _defined(tree), key


def test_the_check_finds_a_number(tmp_path: Path) -> None:
    # The check itself: a legal number in a constant, in arithmetic, in a default argument and
    # in a comparison is found; the same numbers in a docstring, a comment, an index, a cache
    # size, a date, a calendar comparison, an enum or a bit flag are not; a len() test is.
    sample = tmp_path / "rule.py"
    sample.write_text(
        '"""Up to 54 days a year."""\n'
        "from datetime import date\n"
        "from enum import IntEnum\n"
        "GCT_DAYS = 54  # 54 days\n"
        "def credits(days, per=30):\n"
        '    """10 days per 30."""\n'
        "    return days // per * 10 + 0 - 1\n"
        "def waited(years):\n"
        "    return years >= 5.0\n"
        "class Risk(IntEnum):\n"
        "    high = 4\n"
        "FLAG = 1 << 7\n"
        "@lru_cache(maxsize=4096)\n"
        "def shown(text, day, names):\n"
        "    leap = day.month == 2 and day.day == 29\n"
        "    return text[:80], date(1970, 12, 31), len(names) >= 2, leap\n"
    )
    assert literal_numbers(sample) == [
        "rule.py:4: 54",
        "rule.py:5: 30",
        "rule.py:7: 10",
        "rule.py:9: 5.0",
        "rule.py:16: 2",
    ]


def test_the_check_finds_a_number_in_text(tmp_path: Path) -> None:
    # A number with its unit in a message is found (in a plain string and in an f-string); the
    # same in a docstring, in a quotation of a source, or written from a parameter is not.
    sample = tmp_path / "rule.py"
    sample.write_text(
        '"""Up to 12 months."""\n'
        'WHO = "an owner of 20% or more"\n'
        "def text(months, cap):\n"
        '    """For up to 12 months."""\n'
        '    a = f"for up to the final 12 months before {cap}"\n'
        "    b = 'the handout: \"the first 365 days\"'\n"
        '    c = f"for up to {months} months, 1 step"\n'
        '    return a, b, c, "the shorter of 10 percent of the term or 6-month"\n'
    )
    assert numbers_in_text(sample) == [
        "rule.py:2: '20%'",
        "rule.py:5: '12 months'",
        "rule.py:8: '10 percent'",
    ]


def test_every_pending_text_still_states_a_number() -> None:
    # Once a pending text is written from the parameters, its entry must go (or it would hide
    # the next number written there).
    for key in PENDING:
        where, name = key.split("::")
        path = SRC / where
        others = {k: v for k, v in PENDING.items() if k != key}
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree) | _allowed(tree, where) | _allowed(tree, where, others)
        node = _defined(tree)[name]
        texts = [
            n.value
            for n in ast.walk(node)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip
        ]
        assert any(NUMBER_IN_TEXT.search(QUOTED.sub("", t)) for t in texts), key
