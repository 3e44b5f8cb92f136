"""SBA criminal-background rules for 7(a), 504, Microloan, Intermediary Lending Pilot, Surety
Bond Guarantee and Disaster loans, each before and from 2024-05-30 (89 FR 34094).

One path for all six: ``associates`` (who counts), ``status`` (a person's status on a day),
``decide`` (the determination); each program module says which people, which statuses and
which citation. The decisive day is the loan application date (``dates``).
"""

from secondchance.engine.rules import Program
from secondchance.law.sba import (
    business_loans,
    disaster,
    intermediary_lending,
    microloan,
    surety_bond,
)
from secondchance.law.sba.dates import change_points, decisive_date
from secondchance.law.sba.decide import RuleText, no_one


def _program(program_id: str, title: str, texts: tuple[RuleText, ...]) -> Program:
    return Program(
        id=program_id,
        title=title,
        versions=tuple(text.rule_version() for text in texts),
        decisive_date=decisive_date,
        change_points=change_points,
        by_application=True,
        no_facts_matter=no_one,
    )


PROGRAMS: tuple[Program, ...] = (
    _program("sba.7a", "SBA 7(a) loans: criminal background", business_loans.versions("sba.7a")),
    _program("sba.504", "SBA 504 loans: criminal background", business_loans.versions("sba.504")),
    _program("sba.microloan", "SBA Microloans: criminal background", microloan.versions()),
    _program(
        "sba.ilp",
        "SBA Intermediary Lending Pilot loans: criminal background",
        intermediary_lending.versions(),
    ),
    _program(
        "sba.surety_bond",
        "SBA Surety Bond Guarantees: character of the Principal's owners and officers",
        surety_bond.versions(),
    ),
    _program("sba.disaster", "SBA Disaster loans: criminal history", disaster.versions()),
)
