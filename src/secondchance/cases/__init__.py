"""Cases as data: records, dates and expected answers that anyone can read, add and run
(``secondchance test``)."""

from secondchance.cases.model import Case, Source, SourceKind
from secondchance.cases.run import CaseFileError, CaseResult, case_files, read_cases, run_file

__all__ = [
    "Case",
    "CaseFileError",
    "CaseResult",
    "Source",
    "SourceKind",
    "case_files",
    "read_cases",
    "run_file",
]
