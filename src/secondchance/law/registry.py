"""Every program the engine answers, in the order reports show them."""

from __future__ import annotations

from functools import cache

from secondchance.engine.rules import Computation, Program


@cache
def all_programs() -> tuple[Program, ...]:
    from secondchance.law import clemency, sba, sentence

    return (*sba.PROGRAMS, *clemency.PROGRAMS, *sentence.PROGRAMS)


@cache
def all_computations() -> tuple[Computation, ...]:
    """The blocks of computed facts a report shows beside the determinations."""
    from secondchance.law import sentence

    return (sentence.SENTENCE,)


@cache
def all_rule_books() -> tuple[Program, ...]:
    """Every program plus the dated rules applied inside a computation (for ``rules``)."""
    from secondchance.law import sentence

    return (*all_programs(), *sentence.COMPUTATIONS)


def program(program_id: str) -> Program:
    for candidate in all_programs():
        if candidate.id == program_id:
            return candidate
    raise KeyError(program_id)
