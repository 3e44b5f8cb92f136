"""13 CFR 123.101(a) and (i), applied to businesses by 123.201(a) and 123.301 — Disaster loans
(home, physical business and economic injury; not COVID-19 EIDL): the applicant is not eligible
if it "(or any principal of the business)" fits a category of 123.101, among them:

* (a) in both versions: convicted during the past year of a felony committed during and in
  connection with a riot, civil disorder or other declared disaster;
* (i) from 2024-05-30: the applicant or other principal owners are "currently incarcerated,
  serving a sentence of imprisonment imposed upon adjudication of guilty" (no indictment
  ground; the same words as 123.502(c) for Military Reservist EIDL);
* (i) until 2024-05-29: not found verbatim (paraphrased copies speak of principal owners
  incarcerated or on probation or parole following conviction of a serious criminal offense).
  Where no principal is in custody, on supervision or facing a pending charge, every reading
  agrees it does not bar; otherwise the answer is needs review, naming the gap.

Who counts: owners of 20% or more ("principal owners": 123.202(b)(2) "20% or greater ownership
interest", 123.300(b) "20% or more ownership interest", 123.500(d)); whether other roles are
principals is not defined, so a bar through them needs review.

Not encoded: the general character test of 13 CFR 123.6 (the applicant "must also have
satisfactory character"); every determination says so in a finding.
"""

from __future__ import annotations

from functools import partial

from secondchance.law.parameters import value
from secondchance.law.rule_book import rule_fields, text
from secondchance.law.sba import sources
from secondchance.law.sba.associates import disaster_principal, disaster_unlisted
from secondchance.law.sba.checks import Check, Subject
from secondchance.law.sba.convictions import riot_felony_within
from secondchance.law.sba.decide import (
    RuleText,
    StatusTest,
)
from secondchance.law.sba.status import (
    NOT_NAMED_SUPERVISION,
    any_status_for_review,
    in_custody,
    on_supervision,
)
from secondchance.law.sba.wording import NOT_NAMED

PROGRAM = "sba.disaster"
CITATION = "13 CFR 123.101(a), (i); 123.201(a); 123.301"
PEOPLE = "principal"
GAP = (
    f"the text of 13 CFR 123.101(i) in force before {sources.FROM} "
    "was not found verbatim (paraphrased "
    "copies speak of principal owners incarcerated or on probation or parole following "
    "conviction of a serious criminal offense)"
)
UNDEFINED_PRINCIPAL = text("sba", "undefined_principal")
CHARACTER = text("sba", "disaster_character")
CHARACTER_NOTE = (CHARACTER, "13 CFR 123.6", sources.ECFR_EXPORT)


def riot_felony(s: Subject) -> list[Check]:
    """123.101(a), with its one-year window from the parameters."""
    years = value("sba.disaster.riot_felony_lookback_years", s.day)
    return riot_felony_within(
        s, years=years, rule="an applicant whose principal has such a conviction (123.101(a))"
    )


NEW_TESTS: tuple[StatusTest, ...] = (
    riot_felony,
    partial(
        in_custody,
        rule="an applicant whose principal owners are currently incarcerated or serving a "
        "sentence of imprisonment (123.101(i))",
    ),
    partial(on_supervision, kinds=NOT_NAMED_SUPERVISION, say=NOT_NAMED),
)
OLD_TESTS: tuple[StatusTest, ...] = (riot_felony, partial(any_status_for_review, gap=GAP))


def versions() -> tuple[RuleText, ...]:
    before = RuleText(
        **rule_fields("sba.disaster/before"),
        summary=f"Until {sources.UNTIL}, "
        "13 CFR 123.101 (applied to businesses and their principals by "
        "123.201(a) and 123.301) barred a riot-related felony conviction in the past year "
        "(para. (a)); the text of the criminal-status paragraph (i) was not found. Every reading "
        "found concerns current custody, supervision or pending charges, so a business whose "
        "principals have none of these on the application date is eligible on that point.",
        who=disaster_principal,
        tests=OLD_TESTS,
        unlisted=disaster_unlisted,
        people_word=PEOPLE,
        notes=(CHARACTER_NOTE,),
    )
    after = RuleText(
        **rule_fields("sba.disaster/after"),
        summary=f"From {sources.FROM}, 13 CFR 123.101(i) bars a disaster loan if the applicant or "
        'other principal owners are "currently incarcerated, serving a sentence of '
        'imprisonment imposed upon adjudication of guilty" (probation, parole and pending '
        "charges are not named), and 123.101(a) still bars a riot-related felony conviction in "
        "the past year.",
        who=disaster_principal,
        tests=NEW_TESTS,
        unlisted=disaster_unlisted,
        people_word=PEOPLE,
        notes=(CHARACTER_NOTE,),
    )
    return before, after
