"""The layers keep their places: the engine knows no program and imports nothing of the law;
the law imports no face (command line, reports, web, batch, store)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "secondchance"
FACES = ("cli", "report", "web", "batch", "store", "api", "cases", "grants", "reader")


def imports(folder: str) -> list[tuple[str, str]]:
    """(file, imported module) for every ``secondchance`` import under ``folder``."""
    found = []
    for file in sorted((PACKAGE / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            found += [(file.name, n) for n in names if n.startswith("secondchance")]
    return found


def test_the_engine_imports_nothing_of_the_law() -> None:
    assert [i for i in imports("engine") if i[1].startswith("secondchance.law")] == []


@pytest.mark.parametrize(
    "pattern",
    [r"\bsba\b", r"\bclemency\b", r"[\"'.]sentence\b|\bsentence_\w", r"\bfsa\b"],
)
def test_the_engine_names_no_program(pattern: str) -> None:
    for file in (PACKAGE / "engine").rglob("*.py"):
        hits = re.findall(pattern, file.read_text(encoding="utf-8"), flags=re.IGNORECASE)
        assert hits == [], (file.name, hits)


def test_the_law_imports_no_face() -> None:
    faces = tuple(f"secondchance.{face}" for face in FACES)
    assert [i for i in imports("law") if i[1].startswith(faces)] == []
