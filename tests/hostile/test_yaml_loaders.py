"""libyaml's loader (used where installed, for speed) and PyYAML's own read records alike: the
same values, or the same problem, for every shipped example and every hostile YAML file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from secondchance.record.parse import STRICT_LOADERS, ParseProblem, parse_yaml

ROOT = Path(__file__).parents[2]
FILES = sorted((ROOT / "examples").rglob("*.yaml")) + sorted(
    (ROOT / "tests" / "hostile" / "corpus").glob("*.yaml")
)


def _read(path: Path, loader: Any) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return "not UTF-8"
    try:
        return parse_yaml(text, loader_class=loader)
    except ParseProblem as exc:
        return f"problem: {exc}"
    except Exception as exc:  # a syntax error's wording differs between the two parsers
        return f"error: {type(exc).__name__}"


@pytest.mark.skipif("libyaml" not in STRICT_LOADERS, reason="PyYAML built without libyaml")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_both_loaders_agree(path: Path) -> None:
    assert _read(path, STRICT_LOADERS["libyaml"]) == _read(path, STRICT_LOADERS["python"])


def test_dates_stay_text_and_numbers_are_decimal() -> None:
    for loader in STRICT_LOADERS.values():
        data = parse_yaml(
            "a: 2024-01-31\nb: 010\nc: 0x10\nd: 1:30\ne: 1.5\nf: yes\n", loader_class=loader
        )
        # 010 is ten (not octal eight); 0x10 and 1:30 stay text for the schema to refuse.
        assert data == {"a": "2024-01-31", "b": 10, "c": "0x10", "d": "1:30", "e": 1.5, "f": True}
