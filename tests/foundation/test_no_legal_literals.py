"""Legal dates live in the parameter files, once: no day written into the code of law/ or
engine/ (issue: one home for every legal fact).

A day in code — a ``date(2024, 5, 30)`` call or ``"2024-05-30"`` in a string the program uses —
would have to be changed beside its parameter whenever an effective date is corrected. Allowed:
docstrings and comments (prose about the code), the calendar's own constants (the Unix epoch),
and rule version ids, which are names. A proclamation's date inside its citation ("Proclamation
10780 of June 26, 2024") is part of its name and not an ISO date, so it is not matched.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "secondchance"
ISO_DAY = re.compile(r"\b(?:1[89]|20)\d\d-[01]\d-[0-3]\d\b")
CALENDAR_YEARS = {1970}
NAMES = {"VERSION", "_REFERENCE"}
"""Module constants that are rule version ids (names, not dates) or a calendar reference day
(``counts._REFERENCE``: terms compared from one day when no sentencing day is recorded)."""


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for before, stmt in zip([None, *body], body, strict=False):
            is_text = (
                isinstance(stmt, ast.Expr)
                and isinstance(stmt.value, ast.Constant)
                and isinstance(stmt.value.value, str)
            )
            first = before is None and isinstance(
                node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef
            )
            after_assignment = isinstance(before, ast.Assign | ast.AnnAssign)
            if is_text and (first or after_assignment):
                found.add(id(stmt.value))  # type: ignore[attr-defined]
    return found


def _named(tree: ast.AST) -> set[int]:
    """Constants that are version ids: assigned to NAMES or passed as ``version=``."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id in NAMES for t in node.targets
        ):
            found |= {id(n) for n in ast.walk(node.value)}
        if isinstance(node, ast.keyword) and node.arg == "version":
            found |= {id(n) for n in ast.walk(node.value)}
    return found


def literal_days(path: Path) -> list[str]:
    """Where ``path`` writes a legal day into its code."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree) | _named(tree)
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
        if is_text and ISO_DAY.search(node.value):  # type: ignore[attr-defined]
            found.append(f"{path.name}:{node.lineno}: {node.value[:60]!r}")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "date"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and node.args[0].value not in CALENDAR_YEARS
        ):
            found.append(f"{path.name}:{node.lineno}: date({node.args[0].value}, ...)")
    return found


FILES = sorted([*(SRC / "law").rglob("*.py"), *(SRC / "engine").rglob("*.py")])


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_legal_day_in_code(path: Path) -> None:
    assert literal_days(path) == []


def test_the_check_finds_a_day(tmp_path: Path) -> None:
    # The check itself: a day in a call, in a string and in an f-string is found; the same day
    # in a docstring, in a comment or as a version id is not.
    sample = tmp_path / "rule.py"
    sample.write_text(
        '"""From 2024-05-30 the rule reads..."""\n'
        "from datetime import date\n"
        'VERSION = "2023-12-22"\n'
        "FROM = date(2024, 5, 30)  # 2024-05-30\n"
        'TEXT = "Until 2024-05-29, the rule barred..."\n'
        'LATER = f"{FROM} and 2025-01-20"\n'
        "EPOCH = date(1970, 1, 1)\n"
        "def rule():\n"
        '    """Applies from 2024-05-30."""\n'
        '    return RuleVersion(version="2024-05-30")\n'
    )
    assert literal_days(sample) == [
        "rule.py:4: date(2024, ...)",
        "rule.py:5: 'Until 2024-05-29, the rule barred...'",
        "rule.py:6: ' and 2025-01-20'",
    ]
