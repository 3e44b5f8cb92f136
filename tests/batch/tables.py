"""Write small hand-made batch tables (CSV) for the tests."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any


def write_tables(folder: Path, tables: dict[str, list[dict[str, Any]]]) -> Path:
    """One CSV per table; the header is the union of the rows' keys, in first-seen order."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        columns = list(dict.fromkeys(key for row in rows for key in row))
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, columns)
            writer.writeheader()
            for row in rows:
                writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return folder


def exit_code_for(out: Path) -> int:
    """The exit code ``screen`` gives for the run whose files are in ``out``: 3 when its errors
    file (of the last part, for a rerun) holds a problem, else 0 (docs/batch-format.md)."""
    import json

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    part = manifest.get("parts", [""])[-1]
    with (out / f"errors{part}.csv").open(newline="", encoding="utf-8") as handle:
        return 3 if len(list(csv.reader(handle))) > 1 else 0
