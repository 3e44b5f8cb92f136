"""The typer application and the helpers every command shares (date options, input errors)."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from typing import NoReturn

import typer

from secondchance.record.schema import FIRST_YEAR, LAST_YEAR, read_iso_date
from secondchance.safe_text import escape

app = typer.Typer(
    name="secondchance",
    help="Where a person with a US federal record stands under federal second-chance law.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def parse_date(value: str | None, flag: str) -> date | None:
    """Read an ISO date given on the command line, naming the flag when it is wrong."""
    if value is None:
        return None
    try:
        day = read_iso_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=flag) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise typer.BadParameter(
            f"{value} is outside the years {FIRST_YEAR}-{LAST_YEAR}", param_hint=flag
        )
    return day


def fail_input(message: str) -> NoReturn:
    """Invalid input: one clear message on stderr and exit code 2, never a traceback."""
    sys.stderr.write("\n".join(f"error: {escape(line)}" for line in message.split("\n")) + "\n")
    raise typer.Exit(code=2)
