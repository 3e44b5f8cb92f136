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
determination covers the criminal-history part. Under the old text, custody or supervision that
the record links to no conviction leaves open whether the Person "has been convicted of a
felony". In both texts, pretrial detention with no charge recorded, and a conviction entered
after the day for an offense committed by it, leave open whether the Person is "under
indictment for ... a felony" (``charges.unrecorded_charges``); so does a deferred-prosecution
(pretrial diversion) agreement running with no charge recorded: the agreement defers a
charge, often filed and held in abeyance while it runs.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from secondchance.law.parameters import value
from secondchance.law.rule_book import rule_fields, text
from secondchance.law.sba import sources
from secondchance.law.sba.associates import surety_principal_person, surety_unlisted
from secondchance.law.sba.charges import under_indictment
from secondchance.law.sba.convictions import convicted_of_felony
from secondchance.law.sba.decide import (
    RuleText,
    StatusTest,
)
from secondchance.law.sba.status import (
    NOT_NAMED_SUPERVISION,
    custody_without_conviction,
    deferral_without_charge,
    in_custody,
    on_supervision,
    supervision_without_conviction,
)
from secondchance.law.sba.wording import NOT_NAMED

PROGRAM = "sba.surety_bond"
CITATION = "13 CFR 115.13(a)(2)"


def people(day: date) -> str:
    """Who the rule names (115.13(a)(2)), with the ownership share in force on ``day``."""
    share = value("sba.surety.owner_at_least_percent", day)
    return f"owner of {share}% or more, officer, director or general partner"


OLD_OUT_OF_SCOPE = text("sba", "surety_old_out_of_scope")
NEW_OUT_OF_SCOPE = text("sba", "surety_new_out_of_scope")

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
    partial(
        supervision_without_conviction,
        rule='good character is presumed absent (a Person who "has been convicted of a felony")',
    ),
    partial(
        deferral_without_charge,
        rule='good character is presumed absent (a Person "under indictment for ... a felony")',
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
    partial(
        deferral_without_charge,
        rule='good character is presumed absent (a Person "under indictment for a felony")',
    ),
)


def versions() -> tuple[RuleText, ...]:
    before = RuleText(
        **rule_fields("sba.surety_bond/before"),
        summary=f"Until {sources.UNTIL}, "
        f"13 CFR 115.13(a)(2) presumed that a Principal's {people(sources.BEFORE_RULE)} "
        "lacked good character if the Person "
        '"is under indictment for, or has been convicted of a felony"; probation and parole '
        "were not named. "
        "Tested on the day of the guarantee request.",
        who=surety_principal_person,
        tests=OLD_TESTS,
        unlisted=surety_unlisted,
        people_word=people(sources.BEFORE_RULE),
        notes=((OLD_OUT_OF_SCOPE, CITATION, sources.SURETY_BEFORE),),
    )
    after = RuleText(
        **rule_fields("sba.surety_bond/after"),
        summary=f"From {sources.FROM}, "
        f"13 CFR 115.13(a)(2) presumes that a Principal's {people(sources.RULE_FROM)} "
        'lacks good character if the Person "is '
        "currently incarcerated, serving a sentence of imprisonment imposed upon adjudication of "
        'guilty, or under indictment for a felony"; a past conviction alone no longer does. '
        "Tested on the day of the guarantee request.",
        who=surety_principal_person,
        tests=NEW_TESTS,
        unlisted=surety_unlisted,
        people_word=people(sources.RULE_FROM),
        notes=((NEW_OUT_OF_SCOPE, CITATION, sources.ECFR_EXPORT),),
    )
    return before, after
