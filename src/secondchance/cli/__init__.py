"""Command-line face: parse input, call the engine, render. No law here.

Every way a run can fail ends in one short message and an exit code, never a traceback: invalid
input or flags exit 2 with ``FILE: field: problem`` or ``--flag: problem``; anything else is an
internal error, exit 1, with how to report it and nothing of the record's content.
"""

from __future__ import annotations

import os
import sys

import typer

try:  # typer carries its own copy of click from 0.20 on
    from typer._click import exceptions as click
except ImportError:  # pragma: no cover - older typer, plain click
    from click import exceptions as click  # type: ignore[no-redef]

from secondchance.cli import (  # noqa: F401  (register commands)
    admin,
    batch,
    cases,
    check,
    grants,
    read,
    rules,
    schema,
    sentence,
    serve,
)
from secondchance.cli.app import app
from secondchance.safe_text import escape

REPORT_HOW = (
    "please report it to the secondchance maintainers (an issue in the project's tracker) "
    "with the command you ran and `pip show secondchance`; do not send the record itself, "
    "it holds personal data. SECONDCHANCE_DEBUG=1 shows the traceback."
)


def usage_problem(error: click.UsageError) -> str:
    """A flag error in the one-line form: ``--term: problem``."""
    if isinstance(error, click.BadParameter | click.MissingParameter):
        hint = error.param_hint or (error.param.opts[0] if error.param else None)
        if isinstance(hint, list | tuple):
            hint = " / ".join(hint)
        message = (error.message or "missing (required)").removeprefix("Value error, ")
        return f"{hint}: {message}" if hint else message
    if isinstance(error, click.NoSuchOption):
        return f"{error.option_name}: no such option (see --help)"
    return error.format_message()


def main() -> None:
    """Run the command line; exit 0 (done), 2 (invalid input or flags) or 1 (internal error)."""
    try:
        code = app(standalone_mode=False)
    except click.NoArgsIsHelpError:
        code = 2  # the help was shown
    except click.UsageError as error:
        sys.stderr.write(f"error: {escape(usage_problem(error))}\n")
        code = 2
    except typer.Abort:
        sys.stderr.write("aborted\n")
        code = 130
    except Exception as error:  # every failure ends in a message, never a traceback
        if os.environ.get("SECONDCHANCE_DEBUG") == "1":
            raise
        sys.stderr.write(f"secondchance: internal error ({type(error).__name__}); {REPORT_HOW}\n")
        code = 1
    sys.exit(code if isinstance(code, int) else 0)


__all__ = ["app", "main"]
