"""13 CFR 120.110(n) — 7(a) and 504 loans ("SBA business loans"): businesses with an Associate
in certain criminal-justice statuses are ineligible.

* Until 2024-05-29: "Businesses with an Associate who is incarcerated, on probation, on parole,
  or has been indicted for a felony or a crime of moral turpitude". (The lenders' SOP 50 10 7.1
  said "a felony or any crime involving or relating to financial misconduct or a false
  statement"; the SOP binds 7(a) and 504 lenders as a Loan Program Requirement, so where the two
  differ for the facts the answer is needs review.) The text says only "incarcerated": prerelease
  custody (a re-entry centre or home confinement) needs review.
* From 2024-05-30 (89 FR 34094): "Businesses with an Associate who is currently incarcerated,
  serving a sentence of imprisonment imposed upon adjudication of guilty, or is under indictment
  for a felony or any crime involving or relating to financial misconduct or a false
  statement". Probation and parole are no longer grounds.

Who counts: the Associate of 13 CFR 120.10 with its six-month look-back (``associates``).
"""

from __future__ import annotations

from functools import partial

from secondchance.law.declarative import Verdict
from secondchance.law.rule_book import rule_fields, text
from secondchance.law.sba import sources
from secondchance.law.sba.associates import OwnershipLookback
from secondchance.law.sba.charges import Guidance, under_indictment
from secondchance.law.sba.decide import (
    RuleText,
    StatusTest,
)
from secondchance.law.sba.status import NOT_NAMED_SUPERVISION, in_custody, on_supervision
from secondchance.law.sba.wording import NO_LONGER_A_BAR, OLD_PROBATION_PAROLE
from secondchance.record.schema import SupervisionKind

CITATION = "13 CFR 120.110(n)"

OLD_OFFENSES = ("felony", "moral_turpitude")
NEW_OFFENSES = ("felony", "financial_misconduct", "false_statement")

SOP_GUIDANCE = Guidance(
    offenses=NEW_OFFENSES,
    name="the lenders' SOP 50 10 7.1",
    citation=f"SBA SOP 50 10 7.1 (as quoted) and 13 CFR 120.110(n) (before {sources.FROM})",
    url=sources.SOP_50_10_7_1,
    why="the SOP binds 7(a) and 504 lenders as a Loan Program Requirement (13 CFR 120.180), so "
    "where it is stricter than the regulation a lender would apply it",
)

PRERELEASE_GAP = text("sba", "prerelease_gap")

INDICTED_MEANS_PENDING = (
    "The old text says 'has been indicted'; SBA itself described the rule as barring an "
    "Associate 'currently under indictment', so an indictment counts while it is pending on the "
    "application date.",
    f"13 CFR 120.110(n) (before {sources.FROM}); SBA Unified Agenda, RIN 3245-AG53",
    sources.UNDER_INDICTMENT_2014,
)


OWNERSHIP_120_10 = OwnershipLookback(
    equity_param="sba.associate.equity_more_than_percent",
    months_param="sba.associate.lookback_months",
    definition="13 CFR 120.10",
)


associate_120_10 = OWNERSHIP_120_10.associate
"""The Associate of a small business (13 CFR 120.10)."""


OLD_SUPERVISION = {
    SupervisionKind.probation: Verdict.bars,
    SupervisionKind.parole: Verdict.bars,
    SupervisionKind.supervised_release: Verdict.review,
    SupervisionKind.deferred_prosecution: Verdict.review,
}

OLD_TESTS: tuple[StatusTest, ...] = (
    partial(
        in_custody,
        rule="a business with an Associate who is incarcerated",
        prerelease=Verdict.review,
        not_yet_in=Verdict.clear,
    ),
    partial(on_supervision, kinds=OLD_SUPERVISION, say=OLD_PROBATION_PAROLE),
    partial(
        under_indictment,
        ownership=OWNERSHIP_120_10,
        offenses=OLD_OFFENSES,
        rule="a business with an Associate indicted for a felony or a crime of moral turpitude",
        guidance=SOP_GUIDANCE,
    ),
)

NEW_TESTS: tuple[StatusTest, ...] = (
    partial(
        in_custody,
        rule="a business with an Associate who is currently incarcerated or serving a sentence "
        "of imprisonment",
    ),
    partial(on_supervision, kinds=NOT_NAMED_SUPERVISION, say=NO_LONGER_A_BAR),
    partial(
        under_indictment,
        ownership=OWNERSHIP_120_10,
        offenses=NEW_OFFENSES,
        rule="a business with an Associate under indictment for a felony or any crime involving "
        "or relating to financial misconduct or a false statement",
    ),
)

OLD_SUMMARY = (
    f"Until {sources.UNTIL}, 13 CFR 120.110(n) made a business ineligible if it had an Associate "
    '"who is incarcerated, on probation, on parole, or has been indicted for a felony or a crime '
    'of moral turpitude"; the statuses are tested on the application date.'
)
NEW_SUMMARY = (
    f"From {sources.FROM}, 13 CFR 120.110(n) makes a business ineligible if an Associate is "
    '"currently incarcerated, serving a sentence of imprisonment imposed upon adjudication of '
    "guilty, or is under indictment for a felony or any crime involving or relating to financial "
    'misconduct or a false statement"; probation and parole no longer bar. The statuses are '
    "tested on the application date."
)


def versions(program: str) -> tuple[RuleText, ...]:
    """The two versions of 120.110(n) for ``program`` (``sba.7a`` or ``sba.504``)."""
    before = RuleText(
        **rule_fields(f"{program}/before"),
        summary=OLD_SUMMARY,
        who=associate_120_10,
        tests=OLD_TESTS,
        unlisted=OWNERSHIP_120_10.unlisted,
        notes=(INDICTED_MEANS_PENDING,),
    )
    after = RuleText(
        **rule_fields(f"{program}/after"),
        summary=NEW_SUMMARY,
        who=associate_120_10,
        tests=NEW_TESTS,
        unlisted=OWNERSHIP_120_10.unlisted,
    )
    return before, after
