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
