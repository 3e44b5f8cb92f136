"""Running the command line in this process (fast enough for hundreds of hostile inputs)."""

from __future__ import annotations

import contextlib
import io
import sys
from dataclasses import dataclass

from secondchance.cli import main


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_main(*args: str) -> Result:
    """``secondchance ARGS`` through :func:`secondchance.cli.main`, its exit code and output."""
    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["secondchance", *args]
    code: int | str | None = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as done:
        code = done.code
    finally:
        sys.argv = argv
    return Result(code if isinstance(code, int) else 1, out.getvalue(), err.getvalue())
