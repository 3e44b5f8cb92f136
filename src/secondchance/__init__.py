"""secondchance: where a person with a US federal record stands under federal second-chance law.

Three bodies of law (SBA lending, clemency, federal sentence computation) are encoded in
``secondchance.law``; ``secondchance.engine`` evaluates a record as of a date; the CLI, reports
and later faces only parse input and render the engine's determinations.
"""

from typing import Any

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``secondchance.evaluate`` is :func:`secondchance.api.evaluate`, imported on first use."""
    if name == "evaluate":
        from secondchance.api import evaluate

        return evaluate
    raise AttributeError(name)
