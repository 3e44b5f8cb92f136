"""13 CFR 115.13(a)(2) — Surety Bond Guarantee: the Principal must have good character and
reputation, which it has if each owner of 20% or more of its equity and each officer, director
or general partner has it. Good character is presumed absent when the Person:

* until 2024-05-29: is under indictment for, or has been convicted of, a felony (or a final
  civil judgment found a breach of trust or a violation of a law protecting the integrity of
  business transactions);
* from 2024-05-30: is currently incarcerated, serving a sentence of imprisonment imposed upon
  adjudication of guilt, or under indictment for a felony.

The other grounds (civil judgments, revoked licences, bond-guarantee fraud) are outside the
record format and are not evaluated; this determination covers the criminal-history part.
"""

from __future__ import annotations

from functools import partial

from secondchance.law.sba import sources
from secondchance.law.sba.associates import surety_principal_person
from secondchance.law.sba.checks import Verdict
from secondchance.law.sba.decide import (
    RuleText,
    StatusTest,
    last_day_before_change,
    rule_change_day,
)
from secondchance.law.sba.status import (
    convicted_of_felony,
    in_custody,
    on_supervision,
    under_indictment,
)
from secondchance.law.sba.wording import NOT_NAMED
from secondchance.record.schema import SupervisionKind

PROGRAM = "sba.surety_bond"
CITATION = "13 CFR 115.13(a)(2)"
PEOPLE = "owner of 20% or more, officer, director or general partner"
OUT_OF_SCOPE = (
    "Civil judgments, revoked licences and bond-guarantee fraud (115.13(a)(2)(i)-(iii)) are not "
    "in the record format and are not evaluated."
)

OLD_TESTS: tuple[StatusTest, ...] = (
    partial(
        under_indictment,
        offenses=("felony",),
        rule="a Person under indictment for a felony: good character is presumed absent",
    ),
    partial(
        convicted_of_felony,
        rule="a Person convicted of a felony: good character is presumed absent",
    ),
)
NEW_TESTS: tuple[StatusTest, ...] = (
    partial(
        in_custody,
        rule="a Person currently incarcerated or serving a sentence of imprisonment: good "
        "character is presumed absent",
    ),
    partial(on_supervision, kinds={k: Verdict.clear for k in SupervisionKind}, say=NOT_NAMED),
    partial(
        under_indictment,
        offenses=("felony",),
        rule="a Person under indictment for a felony: good character is presumed absent",
    ),
)


def versions() -> tuple[RuleText, ...]:
    before = RuleText(
        program=PROGRAM,
        version=f"to-{last_day_before_change().isoformat()}",
        title="Surety bond guarantees: character of owners and officers (old 115.13(a)(2))",
        citation=CITATION,
        url=sources.SURETY_BEFORE,
        summary="Until 2024-05-29, 13 CFR 115.13(a)(2) presumed that a Principal's owner of 20% "
        "or more, officer, director or general partner lacked good character if under "
        "indictment for, or ever convicted of, a felony; probation and parole were not named. "
        "Tested on the day of the guarantee request.",
        who=surety_principal_person,
        tests=OLD_TESTS,
        people_word=PEOPLE,
        effective_to=last_day_before_change(),
        known_gaps=(
            "The copy of the old text is undated; it differs from the text amended by "
            "89 FR 34101, so it predates the rule.",
            OUT_OF_SCOPE,
        ),
        sources=(sources.SURETY_BEFORE,),
        notes=((OUT_OF_SCOPE, CITATION, sources.SURETY_BEFORE),),
    )
    after = RuleText(
        program=PROGRAM,
        version=f"from-{rule_change_day().isoformat()}",
        title="Surety bond guarantees: character of owners and officers (115.13(a)(2) as amended "
        "by 89 FR 34094)",
        citation=CITATION,
        url=sources.ECFR_EXPORT,
        summary="From 2024-05-30, 13 CFR 115.13(a)(2) presumes that a Principal's owner of 20% "
        "or more, officer, director or general partner lacks good character if currently "
        "incarcerated, serving a sentence of imprisonment, or under indictment for a felony; a "
        "past conviction alone no longer does. Tested on the day of the guarantee request.",
        who=surety_principal_person,
        tests=NEW_TESTS,
        people_word=PEOPLE,
        effective_from=rule_change_day(),
        known_gaps=(OUT_OF_SCOPE,),
        sources=(sources.ECFR_EXPORT, sources.FINAL_RULE),
        notes=((OUT_OF_SCOPE, CITATION, sources.ECFR_EXPORT),),
    )
    return before, after
