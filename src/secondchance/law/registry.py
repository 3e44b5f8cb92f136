"""Every program the engine answers, in the order reports show them."""

from __future__ import annotations

from functools import cache

from secondchance.engine.rules import Program


@cache
def all_programs() -> tuple[Program, ...]:
    from secondchance.law import clemency, sba, sentence

    return (*sba.PROGRAMS, *clemency.PROGRAMS, *sentence.PROGRAMS)


def program(program_id: str) -> Program:
    for candidate in all_programs():
        if candidate.id == program_id:
            return candidate
    raise KeyError(program_id)
