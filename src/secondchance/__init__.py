"""secondchance: where a person with a US federal record stands under federal second-chance law.

Three bodies of law (SBA lending, clemency, federal sentence computation) are encoded in
``secondchance.law``; ``secondchance.engine`` evaluates a record as of a date; the CLI, reports
and later faces only parse input and render the engine's determinations.
"""

__version__ = "0.1.0"
