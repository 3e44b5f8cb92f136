"""The Python API: evaluate a record under all the law this package encodes.

``secondchance.engine`` knows no program; this module hands it the law's programs and
computations (``secondchance.law.registry``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from secondchance import engine
from secondchance.engine.determination import Report
from secondchance.engine.rules import Program
from secondchance.law.registry import all_computations, all_programs
from secondchance.record.schema import Record


def evaluate(
    record: Record,
    as_of: date,
    application_date: date | None = None,
    programs: Sequence[Program] | None = None,
) -> Report:
    """Every program (or those given) for ``record`` as of ``as_of``, with the computed
    sentence; ``application_date`` is the day of a loan application (default: the record's)."""
    return engine.evaluate(
        record,
        as_of,
        application_date,
        programs=all_programs() if programs is None else programs,
        computations=all_computations(),
    )
