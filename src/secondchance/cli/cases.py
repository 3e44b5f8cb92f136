"""``secondchance test``: run the cases (records, dates, expected answers) in case files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from secondchance.cases import CaseFileError, case_files, run_file
from secondchance.cli.app import app, fail_input


@app.command("test")
def test_cases(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Case files or folders (default: cases/)."),
    ] = None,
) -> None:
    """Run the cases under PATHS and show, for each that fails, what it expected and got.

    Exits 0 when every case passes, 1 when one fails, 2 when a case file is invalid."""
    try:
        files = case_files(paths or [Path("cases")])
        results = [result for file in files for result in run_file(file)]
    except CaseFileError as exc:
        fail_input(str(exc))
    failed = [r for r in results if not r.passed]
    for result in failed:
        sys.stdout.write(f"FAIL {result.name}: {result.title}\n")
        for difference in result.differences:
            sys.stdout.write(f"  {difference}\n")
    checks = sum(r.checked for r in results)
    summary = f"{len(results)} cases ({checks} expected answers) in {len(files)} files"
    if failed:
        sys.stdout.write(f"{len(failed)} of {summary} failed\n")
        raise typer.Exit(code=1)
    sys.stdout.write(f"{summary}: all passed\n")
