"""``secondchance check``: evaluate a record file under every program."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from secondchance.api import evaluate
from secondchance.cli.app import OutputFormat, app, fail_input, parse_date
from secondchance.record import RecordError, load_record
from secondchance.report import render_json, render_report


@app.command()
def check(
    record: Annotated[Path, typer.Argument(help="A record file (.yaml, .yml or .json).")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Evaluate as of this date (default: today).")
    ] = None,
    application_date: Annotated[
        str | None,
        typer.Option(
            "--application-date",
            help="SBA loan application date (default: the record's, else the as-of date).",
        ),
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = (
        OutputFormat.text
    ),
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "-v",
            help="Text: every finding, what each grant does, where to file, each step of the "
            "sentence computation (JSON always carries everything).",
        ),
    ] = False,
) -> None:
    """Evaluate RECORD under every program and explain each answer with its citations."""
    day = parse_date(as_of, "--as-of") or date.today()
    applied = parse_date(application_date, "--application-date")
    try:
        loaded = load_record(record)
    except RecordError as exc:
        fail_input(str(exc))
    report = evaluate(loaded, as_of=day, application_date=applied)
    out = (
        render_json(report) if fmt is OutputFormat.json else render_report(report, verbose=verbose)
    )
    sys.stdout.write(out)
