"""The engine: evaluate a record as of a date into determinations with findings."""

from secondchance.engine.determination import Determination, Finding, Outcome, Report, Subject
from secondchance.engine.evaluate import determine_on, evaluate, evaluate_program
from secondchance.engine.rules import Computation, Context, Program, RuleVersion

__all__ = [
    "Computation",
    "Context",
    "Determination",
    "Finding",
    "Outcome",
    "Program",
    "Report",
    "RuleVersion",
    "Subject",
    "determine_on",
    "evaluate",
    "evaluate_program",
]
