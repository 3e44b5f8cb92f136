"""13 CFR 115.13(a)(2) — Surety Bond Guarantee: the Principal must have good character and
reputation, which it has if each owner of 20% or more of its equity and each officer, director
or general partner has it. Good character is presumed absent when:

* until 2024-05-29: "(i) The Person is under indictment for, or has been convicted of a felony,
  or a final civil judgment has been entered stating that such Person has committed a breach of
  trust or has violated a law or regulation protecting the integrity of business transactions or
  business relationships";
* from 2024-05-30: "(i) The Person is currently incarcerated, serving a sentence of imprisonment
  imposed upon adjudication of guilty, or under indictment for a felony" (civil judgments are no
  longer named).

In both, (ii) revoked licences and (iii) bond-guarantee fraud follow. Those grounds (and, before
2024-05-30, civil judgments) are outside the record format and are not evaluated; this
determination covers the criminal-history part. Under the old text, custody that the record
links to no conviction leaves open whether the Person "has been convicted of a felony".
"""

from __future__ import annotations

from datetime import date
from functools import partial

from secondchance.law.parameters import value
from secondchance.law.sba import sources
from secondchance.law.sba.associates import surety_principal_person
from secondchance.law.sba.charges import NOT_AN_INDICTMENT_GAP, under_indictment
from secondchance.law.sba.convictions import convicted_of_felony
from secondchance.law.sba.decide import (
    RuleText,
    StatusTest,
    last_day_before_change,
    rule_change_day,
)
from secondchance.law.sba.status import (
    NOT_NAMED_SUPERVISION,
    custody_without_conviction,
    in_custody,
    on_supervision,
)
from secondchance.law.sba.wording import NOT_NAMED

PROGRAM = "sba.surety_bond"
CITATION = "13 CFR 115.13(a)(2)"


def people(day: date) -> str:
    """Who the rule names (115.13(a)(2)), with the ownership share in force on ``day``."""
    share = value("sba.surety.owner_at_least_percent", day)
    return f"owner of {share}% or more, officer, director or general partner"


OLD_OUT_OF_SCOPE = (
    "Final civil judgments for a breach of trust or a violation of a law protecting the integrity "
    "of business transactions (115.13(a)(2)(i)), revoked licences ((ii)) and bond-guarantee "
    "fraud ((iii)) are not in the record format and are not evaluated."
)
NEW_OUT_OF_SCOPE = (
    "Revoked licences (115.13(a)(2)(ii)) and bond-guarantee fraud ((iii)) are not in the record "
    "format and are not evaluated; the amended (i) no longer names civil judgments."
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
    partial(
        custody_without_conviction,
        rule='good character is presumed absent (a Person who "has been convicted of a felony")',
    ),
)
NEW_TESTS: tuple[StatusTest, ...] = (
    partial(
        in_custody,
        rule="a Person currently incarcerated or serving a sentence of imprisonment: good "
        "character is presumed absent",
    ),
    partial(on_supervision, kinds=NOT_NAMED_SUPERVISION, say=NOT_NAMED),
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
        summary=f"Until {sources.UNTIL}, "
        f"13 CFR 115.13(a)(2) presumed that a Principal's {people(last_day_before_change())} "
        "lacked good character if the Person "
        '"is under indictment for, or has been convicted of a felony"; probation and parole '
        "were not named. "
        "Tested on the day of the guarantee request.",
        who=surety_principal_person,
        tests=OLD_TESTS,
        people_word=people(last_day_before_change()),
        effective_to=last_day_before_change(),
        known_gaps=(
            sources.BEFORE_GAP,
            "The copy of the old text is undated; it differs from the text amended by "
            "89 FR 34101, so it predates the rule.",
            OLD_OUT_OF_SCOPE,
            NOT_AN_INDICTMENT_GAP,
            "Custody (other than pretrial detention) that the record links to no conviction "
            "answers insufficient_facts: the conviction behind it may be a felony.",
        ),
        sources=(sources.SURETY_BEFORE,),
        notes=((OLD_OUT_OF_SCOPE, CITATION, sources.SURETY_BEFORE),),
    )
    after = RuleText(
        program=PROGRAM,
        version=f"from-{rule_change_day().isoformat()}",
        title="Surety bond guarantees: character of owners and officers (115.13(a)(2) as amended "
        "by 89 FR 34094)",
        citation=CITATION,
        url=sources.ECFR_EXPORT,
        summary=f"From {sources.FROM}, "
        f"13 CFR 115.13(a)(2) presumes that a Principal's {people(rule_change_day())} "
        'lacks good character if the Person "is '
        "currently incarcerated, serving a sentence of imprisonment imposed upon adjudication of "
        'guilty, or under indictment for a felony"; a past conviction alone no longer does. '
        "Tested on the day of the guarantee request.",
        who=surety_principal_person,
        tests=NEW_TESTS,
        people_word=people(rule_change_day()),
        effective_from=rule_change_day(),
        known_gaps=(sources.EXPORT_GAP, NEW_OUT_OF_SCOPE, NOT_AN_INDICTMENT_GAP),
        sources=(sources.ECFR_EXPORT, sources.FINAL_RULE),
        notes=((NEW_OUT_OF_SCOPE, CITATION, sources.ECFR_EXPORT),),
    )
    return before, after
