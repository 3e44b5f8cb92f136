"""13 CFR 120.707(a) — Microloans: an Intermediary may lend only to businesses eligible under
part 120 (so 120.110(n) applies), with the Microloan's own words on probation and parole.

* Until 2024-05-29 (text of the 2019 CFR): part 120 eligibility, except that an Intermediary
  may also lend to a business with an Associate on probation or parole, unless the offense
  involves fraud or dishonesty or, for a child care business, is an offense against children.
  Incarceration and a pending indictment still bar through old 120.110(n).
* From 2024-05-30: no Microloan to a business with an Associate currently incarcerated or
  serving a sentence of imprisonment, nor to a child care business with an Associate currently
  on probation or parole for an offense against children; a pending indictment bars through
  120.110(n) as amended.

Who counts: the Associate of 13 CFR 120.10.
"""

from __future__ import annotations

from functools import partial

from secondchance.law.sba import sources
from secondchance.law.sba.business_loans import (
    INDICTED_MEANS_PENDING,
    NEW_OFFENSES,
    OLD_OFFENSES,
    SOP_GUIDANCE,
    associate_120_10,
)
from secondchance.law.sba.checks import Verdict
from secondchance.law.sba.decide import (
    RuleText,
    StatusTest,
    last_day_before_change,
    rule_change_day,
)
from secondchance.law.sba.status import (
    OffenseCondition,
    SupervisionRule,
    in_custody,
    on_supervision,
    under_indictment,
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

OLD_SUPERVISION: dict[SupervisionKind, SupervisionRule] = {
    SupervisionKind.probation: OLD_EXCEPTION,
    SupervisionKind.parole: OLD_EXCEPTION,
    SupervisionKind.supervised_release: Verdict.review,
    SupervisionKind.deferred_prosecution: Verdict.review,
}
NEW_SUPERVISION: dict[SupervisionKind, SupervisionRule] = {
    SupervisionKind.probation: NEW_CHILD_CARE,
    SupervisionKind.parole: NEW_CHILD_CARE,
    SupervisionKind.supervised_release: Verdict.clear,
    SupervisionKind.deferred_prosecution: Verdict.clear,
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
    Verdict.bars: "no Microloan may go to a child care business with an Associate on probation or "
    "parole for an offense against children.",
    Verdict.clear: "{kind} bars a Microloan only for a child care business and an offense "
    "against children, which is not the case here.",
    Verdict.unknown: "whether this is a child care business and the offense is against children "
    "is not recorded.",
    Verdict.review: "whether {kind} counts needs review.",
}

OLD_TESTS: tuple[StatusTest, ...] = (
    partial(in_custody, rule="a business with an Associate who is incarcerated (120.110(n))"),
    partial(on_supervision, kinds=OLD_SUPERVISION, say=OLD_SAY),
    partial(
        under_indictment,
        offenses=OLD_OFFENSES,
        rule="a business with an Associate indicted for a felony or a crime of moral turpitude "
        "(120.110(n))",
        guidance=SOP_GUIDANCE,
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
        offenses=NEW_OFFENSES,
        rule="a business with an Associate under indictment for a felony or any crime involving "
        "or relating to financial misconduct or a false statement (120.110(n))",
    ),
)


def versions() -> tuple[RuleText, ...]:
    before = RuleText(
        program=PROGRAM,
        version=f"to-{last_day_before_change().isoformat()}",
        title="Microloans: Associates' criminal-justice status (old 120.707(a) with 120.110(n))",
        citation=CITATION,
        url=sources.MICROLOAN_BEFORE,
        summary="Until 2024-05-29, a Microloan Intermediary could lend only to businesses "
        "eligible under part 120 (old 120.110(n): no Associate incarcerated, on probation or "
        "parole, or indicted for a felony or a crime of moral turpitude), except that probation "
        "or parole did not bar unless the offense involved fraud or dishonesty or, for a child "
        "care business, was against children (120.707(a)).",
        who=associate_120_10,
        tests=OLD_TESTS,
        effective_to=last_day_before_change(),
        provisional=True,
        known_gaps=(
            "Text of 120.707(a) taken from the 2019 CFR; amendments to 120.707 between 2019 and "
            "the rule (85 FR 7651, 85 FR 80588, 87 FR 38909) were not checked for paragraph (a). "
            f"Re-check: {sources.ecfr_on('2024-05-29', '120.707')}",
            "Supervised release and deferred prosecution are not named: needs_review.",
        ),
        sources=(sources.MICROLOAN_BEFORE, sources.BUSINESS_LOANS_BEFORE),
        notes=(INDICTED_MEANS_PENDING,),
    )
    after = RuleText(
        program=PROGRAM,
        version=f"from-{rule_change_day().isoformat()}",
        title="Microloans: Associates' criminal-justice status (120.707(a) as amended by "
        "89 FR 34094)",
        citation=CITATION,
        url=sources.ECFR_EXPORT,
        summary="From 2024-05-30, no Microloan may go to a business with an Associate currently "
        "incarcerated or serving a sentence of imprisonment, or to a child care business with "
        "an Associate on probation or parole for an offense against children; a pending "
        "indictment for a felony or a financial-misconduct or false-statement crime bars through "
        "120.110(n).",
        who=associate_120_10,
        tests=NEW_TESTS,
        effective_from=rule_change_day(),
        sources=(sources.ECFR_EXPORT, sources.FINAL_RULE),
    )
    return before, after
