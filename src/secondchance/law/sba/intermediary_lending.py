"""13 CFR 109.400(b)(15) — Intermediary Lending Pilot: businesses with an Associate (13 CFR
109.20) in certain criminal-justice statuses may not borrow from an ILP Intermediary.

* From 2024-05-30: "Businesses with an Associate who is currently incarcerated, serving a
  sentence of imprisonment imposed upon adjudication of guilty, or is under indictment for a
  felony or a crime of moral turpitude" (the ILP text keeps "moral turpitude", unlike
  120.110(n)).
* Until 2024-05-29: the text was not found. Where no Associate is in custody, on any
  supervision or facing any pending charge on the application date, every reading found agrees
  the paragraph does not bar; otherwise the answer is needs review, naming the gap.
"""

from __future__ import annotations

from functools import partial

from secondchance.law.rule_book import rule_fields
from secondchance.law.sba import sources
from secondchance.law.sba.associates import OwnershipLookback
from secondchance.law.sba.charges import under_indictment
from secondchance.law.sba.decide import (
    RuleText,
    StatusTest,
    last_day_before_change,
)
from secondchance.law.sba.status import (
    NOT_NAMED_SUPERVISION,
    any_status_for_review,
    in_custody,
    on_supervision,
)
from secondchance.law.sba.wording import NOT_NAMED

PROGRAM = "sba.ilp"
CITATION = "13 CFR 109.400(b)(15)"
GAP = (
    f"the text of 13 CFR 109.400(b)(15) in force before {sources.FROM} was not found "
    f"(re-check {sources.ecfr_on(last_day_before_change(), '109.400')})"
)


OWNERSHIP_109_20 = OwnershipLookback(
    equity_param="sba.ilp.associate.equity_more_than_percent",
    months_param="sba.ilp.associate.lookback_months",
    definition="13 CFR 109.20",
)


associate_109_20 = OWNERSHIP_109_20.associate
"""The Associate of a small business for the Intermediary Lending Pilot (13 CFR 109.20)."""


NEW_TESTS: tuple[StatusTest, ...] = (
    partial(
        in_custody,
        rule="a business with an Associate who is currently incarcerated or serving a sentence "
        "of imprisonment",
    ),
    partial(on_supervision, kinds=NOT_NAMED_SUPERVISION, say=NOT_NAMED),
    partial(
        under_indictment,
        ownership=OWNERSHIP_109_20,
        offenses=("felony", "moral_turpitude"),
        rule="a business with an Associate under indictment for a felony or a crime of moral "
        "turpitude",
    ),
)
OLD_TESTS: tuple[StatusTest, ...] = (partial(any_status_for_review, gap=GAP),)


def versions() -> tuple[RuleText, ...]:
    before = RuleText(
        **rule_fields("sba.ilp/before"),
        summary=f"The text of 13 CFR 109.400(b)(15) before {sources.FROM} was not found. Every "
        "version of this paragraph found in SBA's business-loan rules concerns an Associate's "
        "current custody, supervision or pending charges, so a business none of whose "
        "Associates has any of these on the application date is eligible on this point; any "
        "such status needs review.",
        who=associate_109_20,
        tests=OLD_TESTS,
        unlisted=OWNERSHIP_109_20.unlisted,
    )
    after = RuleText(
        **rule_fields("sba.ilp/after"),
        summary=f"From {sources.FROM}, 13 CFR 109.400(b)(15) bars a business with an Associate "
        '(109.20) "who is currently incarcerated, serving a sentence of imprisonment imposed '
        "upon adjudication of guilty, or is under indictment for a felony or a crime of moral "
        'turpitude"; probation and parole are not named.',
        who=associate_109_20,
        tests=NEW_TESTS,
        unlisted=OWNERSHIP_109_20.unlisted,
    )
    return before, after
