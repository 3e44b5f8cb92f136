"""Command-line face: parse input, call the engine, render. No law here."""

from __future__ import annotations

from secondchance.cli import (  # noqa: F401  (register commands)
    admin,
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


def main() -> None:
    app()


__all__ = ["app", "main"]
