"""Programs of this body of law (filled in by its modules)."""

from secondchance.engine.rules import Program

PROGRAMS: tuple[Program, ...] = ()
