"""13 CFR 120.707(a) — Microloans: an Intermediary may lend only to businesses eligible under
part 120 (so 120.110(n) applies), with the Microloan's own words on probation and parole.
Microloans follow the regulation only: the lenders' SOP 50 10 7.1 is guidance for 7(a) and 504
lenders, not for Microloan Intermediaries.

* Until 2024-05-29 (text of the 2019 CFR): part 120 eligibility, except that "an Intermediary
  may also make Microloans to businesses with an Associate who is currently on probation or
  parole; provided, however, that the Associate is not on probation or parole for an offense
  involving fraud or dishonesty or, in the case of a child care business, is not on probation
  or parole for an offense against children". Incarceration and a pending indictment still bar
  through old 120.110(n) ("incarcerated": prerelease custody needs review).
* From 2024-05-30: "An Intermediary may not make Microloans to businesses with an Associate who
  is currently incarcerated, serving a sentence of imprisonment imposed upon adjudication of
  guilty, or to childcare businesses with an Associate who is currently on probation or parole
  for an offense against children"; a pending indictment bars through 120.110(n) as amended.
  Supervised release or deferred prosecution for an offense against children, in a child care
  business, is not named: needs review.

Who counts: the Associate of 13 CFR 120.10.
"""

from __future__ import annotations

from functools import partial

from secondchance.law.declarative import Verdict
from secondchance.law.rule_book import rule_fields
from secondchance.law.sba import sources
from secondchance.law.sba.business_loans import (
    INDICTED_MEANS_PENDING,
    NEW_OFFENSES,
    OLD_OFFENSES,
    OWNERSHIP_120_10,
    associate_120_10,
)
from secondchance.law.sba.charges import under_indictment
from secondchance.law.sba.decide import (
    RuleText,
    StatusTest,
)
from secondchance.law.sba.status import (
    OffenseCondition,
    SupervisionRule,
    in_custody,
    on_supervision,
)
from secondchance.record.schema import SupervisionKind

PROGRAM = "sba.microloan"
CITATION = "13 CFR 120.707(a)"

OLD_EXCEPTION = OffenseCondition(
    any_of=("fraud_or_dishonesty",),
    child_care_any_of=("against_children",),
    description="the Microloan exception for probation and parole",
)
NEW_CHILD_CARE = OffenseCondition(
    child_care_any_of=("against_children",),
    description="a child care business and an offense against children",
)
NEW_CHILD_CARE_NOT_NAMED = OffenseCondition(
    child_care_any_of=("against_children",),
    description="a child care business and an offense against children; the rule names "
    "probation and parole only",
    verdict=Verdict.review,
)

OLD_SUPERVISION: dict[SupervisionKind, SupervisionRule] = {
    SupervisionKind.probation: OLD_EXCEPTION,
    SupervisionKind.parole: OLD_EXCEPTION,
    SupervisionKind.supervised_release: Verdict.review,
    SupervisionKind.deferred_prosecution: Verdict.review,
}
NEW_SUPERVISION: dict[SupervisionKind, SupervisionRule] = {
    SupervisionKind.probation: NEW_CHILD_CARE,
    SupervisionKind.parole: NEW_CHILD_CARE,
    SupervisionKind.supervised_release: NEW_CHILD_CARE_NOT_NAMED,
    SupervisionKind.deferred_prosecution: NEW_CHILD_CARE_NOT_NAMED,
}

OLD_SAY = {
    Verdict.bars: "an Intermediary may lend despite probation or parole only if the offense does "
    "not involve fraud or dishonesty (nor, for a child care business, harm children); this one "
    "does, so it bars.",
    Verdict.clear: "an Intermediary may lend to a business with an Associate on probation or "
    "parole for an offense not involving fraud or dishonesty (nor, for a child care business, "
    "against children), which is the case here.",
    Verdict.unknown: "whether the supervised offense involves fraud or dishonesty (or, for a "
    "child care business, is against children) is not recorded.",
    Verdict.review: "the rule names probation and parole only and does not say whether {kind} "
    "counts as either, so this needs review.",
}
NEW_SAY = {
    Verdict.bars: "no Microloan may go to a childcare business with an Associate currently on "
    "probation or parole for an offense against children.",
    Verdict.clear: "the rule reaches {kind} at most for a childcare business and an offense "
    "against children (it names probation and parole), which is not the case here.",
    Verdict.unknown: "whether this is a child care business and the offense is against children "
    "is not recorded.",
    Verdict.review: 'the rule bars a childcare business with an Associate "currently on '
    'probation or parole for an offense against children"; it does not say whether {kind} '
    "counts, so this needs review.",
}

OLD_TESTS: tuple[StatusTest, ...] = (
    partial(
        in_custody,
        rule="a business with an Associate who is incarcerated (120.110(n))",
        prerelease=Verdict.review,
        not_yet_in=Verdict.clear,
    ),
    partial(on_supervision, kinds=OLD_SUPERVISION, say=OLD_SAY),
    partial(
        under_indictment,
        ownership=OWNERSHIP_120_10,
        offenses=OLD_OFFENSES,
        rule="a business with an Associate indicted for a felony or a crime of moral turpitude "
        "(120.110(n))",
    ),
)
NEW_TESTS: tuple[StatusTest, ...] = (
    partial(
        in_custody,
        rule="a Microloan to a business with an Associate who is currently incarcerated or "
        "serving a sentence of imprisonment",
    ),
    partial(on_supervision, kinds=NEW_SUPERVISION, say=NEW_SAY),
    partial(
        under_indictment,
        ownership=OWNERSHIP_120_10,
        offenses=NEW_OFFENSES,
        rule="a business with an Associate under indictment for a felony or any crime involving "
        "or relating to financial misconduct or a false statement (120.110(n))",
    ),
)


def versions() -> tuple[RuleText, ...]:
    before = RuleText(
        **rule_fields("sba.microloan/before"),
        summary=f"Until {sources.UNTIL}, a Microloan Intermediary could lend only to businesses "
        "eligible under part 120 (old 120.110(n): no Associate incarcerated, on probation or "
        "parole, or indicted for a felony or a crime of moral turpitude), except that probation "
        "or parole did not bar unless the offense involved fraud or dishonesty or, for a child "
        "care business, was against children (120.707(a)).",
        who=associate_120_10,
        tests=OLD_TESTS,
        unlisted=OWNERSHIP_120_10.unlisted,
        notes=(INDICTED_MEANS_PENDING,),
    )
    after = RuleText(
        **rule_fields("sba.microloan/after"),
        summary=f"From {sources.FROM}, "
        'no Microloan may go to a business with an Associate "currently '
        'incarcerated, serving a sentence of imprisonment imposed upon adjudication of guilty", '
        'or to a childcare business with an Associate "currently on probation or parole for an '
        'offense against children" (120.707(a)); an Associate "under indictment for a felony '
        'or any crime involving or relating to financial misconduct or a false statement" bars '
        "through 120.110(n).",
        who=associate_120_10,
        tests=NEW_TESTS,
        unlisted=OWNERSHIP_120_10.unlisted,
    )
    return before, after
