"""Command-line face: parse input, call the engine, render. No law here."""

from __future__ import annotations

from secondchance.cli import batch, check, rules, schema, sentence  # noqa: F401  (register commands)
from secondchance.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
