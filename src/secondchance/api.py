"""The Python API: evaluate a record under all the law this package encodes.

``secondchance.engine`` knows no program; this module hands it the law's programs and
computations (``secondchance.law.registry``), the clemency petitions linked to the official
grant register (``secondchance.grants``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache

from secondchance import engine
from secondchance.engine.determination import Report
from secondchance.engine.rules import Program
from secondchance.law import contradicted, unstated, unweighed
from secondchance.law.landmarks import landmarks
from secondchance.law.registry import all_computations, all_programs
from secondchance.record.approximate import readings
from secondchance.record.schema import Record

_WARM_RECORD = {
    "person": {"name": "Warm Up"},
    "convictions": [
        {
            "id": "c1",
            "jurisdiction": "federal",
            "counts": [{"statute": "21 U.S.C. 844", "substance": "marijuana"}],
            "sentence": {
                "imposed_on": "2024-11-15",
                "imprisonment": "60 months",
                "supervised_release": "3 years",
            },
        }
    ],
    "custody": [{"kind": "designated_facility", "start": "2025-01-01", "conviction_id": "c1"}],
    "fsa": {"risk_assessments": [{"assessed_on": "2025-02-15", "level": "low"}]},
}
"""A record that reaches the tables the law builds on first use (the holiday calendar, the
grant register's index, the statute lists)."""


@cache
def law_programs() -> tuple[Program, ...]:
    """The law's programs, the clemency petitions reading the official grant register."""
    from secondchance.grants.link import link_record
    from secondchance.law.clemency.register import linked_programs

    return linked_programs(all_programs(), link_record)


def evaluate(
    record: Record,
    as_of: date,
    application_date: date | None = None,
    programs: Sequence[Program] | None = None,
    *,
    computations: bool = True,
) -> Report:
    """Every program (or those given) for ``record`` as of ``as_of``, with the computed
    sentence (unless ``computations`` is false: batch screening reads the sentence's dates
    itself); ``application_date`` is the day of a loan application (default: the record's)."""
    chosen = law_programs() if programs is None else programs
    marks = landmarks(chosen) if record.approximate_dates else ()
    report = engine.evaluate(
        record,
        as_of,
        application_date,
        programs=chosen,
        computations=all_computations() if computations else (),
        landmarks=marks,
    )
    report = unstated.review(report, record, chosen)
    # The guards read their facts on every reading the answers were merged from (cached: the
    # engine's own); an exact record is its one reading.
    exact = readings(record, marks) if record.approximate_dates else ()
    report = unweighed.review(report, record, exact)
    return contradicted.review(report, record, exact)


def prepare(records: Sequence[Record], as_of: date) -> None:
    """Compute ahead, in one pass, what the law's computations can compute for many exact
    records at once (batch screening); :func:`evaluate` of each then gives the same report,
    sooner. A record with approximate dates is evaluated on its readings and gains nothing."""
    exact = [r for r in records if not r.approximate_dates]
    for computation in all_computations():
        if computation.prepare is not None and exact:
            computation.prepare(exact, as_of)


@cache
def warm() -> None:
    """Build the law's tables now (once per process) rather than on the first request: a
    server calls this at start so that its first answers are as quick as the rest."""
    evaluate(Record.model_validate(_WARM_RECORD), as_of=date(2025, 6, 1))
