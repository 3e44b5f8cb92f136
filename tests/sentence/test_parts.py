"""The typed parts of the sentence computation (law/sentence/parts.py), worked by hand from the
Bureau's FSA Time Credit handout example 2 (60 months from 2025-01-01, low risk, supervised
release imposed), and the JSON block they serialise to."""

from __future__ import annotations

from datetime import date

from secondchance.law.sentence.block import SentenceFacts, compute_block, sentence_outcome
from secondchance.law.sentence.parts import FsaStage
from secondchance.record.schema import RiskLevel
from secondchance.record.terms import Term

AS_OF = date(2025, 6, 1)


def example_2(**changes: object) -> SentenceFacts:
    facts = SentenceFacts(
        term=Term(months=60),
        commenced=date(2025, 1, 1),
        arrived=date(2025, 1, 1),
        supervised_release=Term(months=36),
        risk=RiskLevel.low,
    )
    for name, value in changes.items():
        setattr(facts, name, value)
    return facts


def test_term_and_good_conduct_parts() -> None:
    out = sentence_outcome(example_2(), AS_OF)
    # 60 months from 2025-01-01 end the day before the anniversary: 2029-12-31.
    assert out.term.full_term_date == date(2029, 12, 31)
    assert out.term.term_days == 1826  # 2025-01-01 to 2029-12-31: 365 * 5 + 1 (2028-02-29)
    assert not out.term.served and not out.term.commuted and not out.term.life
    # 54 days for each of 5 whole years = 270; 2029-12-31 less 270 days = 2029-04-05.
    assert out.gct.days == 270
    assert out.gct.release_date == date(2029, 4, 5)


def test_credits_applied_part() -> None:
    fsa = sentence_outcome(example_2(), AS_OF).fsa
    assert fsa.stage is FsaStage.APPLIED
    assert fsa.eligible is True
    assert fsa.earning_start == date(2025, 1, 1)
    # The Bureau's 365 days move the transfer to supervised release: 2029-04-05 less 365 days
    # (2028-04-05 to 2029-04-05 holds no 29 February) = 2028-04-05, a Wednesday.
    assert fsa.supervised_release_credit_days == 365
    assert fsa.release_date == date(2028, 4, 5)
    assert fsa.release_weekday_date == date(2028, 4, 5)


def test_stages_where_credits_are_not_applied() -> None:
    medium = sentence_outcome(example_2(risk=RiskLevel.medium), AS_OF).fsa
    assert medium.stage is FsaStage.RISK_BARS_APPLICATION
    assert medium.release_date is None and medium.credits_applied_days is None
    listed = sentence_outcome(example_2(fsa_ineligible=True), AS_OF).fsa
    assert listed.stage is FsaStage.CONVICTION_LISTED and listed.eligible is False
    undecided = sentence_outcome(example_2(fsa_ineligible=None), AS_OF).fsa
    assert undecided.stage is FsaStage.CONVICTION_UNDECIDED and undecided.eligible is None
    removal = sentence_outcome(example_2(removal_order=True), AS_OF).fsa
    assert removal.stage is FsaStage.REMOVAL_ORDER and removal.eligible is False
    assert removal.projection is not None and removal.release_date is None
    # Before the Act's enactment (2018-12-21) there were no time credits at all.
    early = example_2(commenced=date(2017, 1, 1), arrived=date(2017, 1, 1))
    before = sentence_outcome(early, date(2018, 6, 1)).fsa
    assert before.stage is FsaStage.NOT_IN_FORCE
    assert before.eligible is None and before.non_earning_days is None


def test_commuted_and_served_terms_show_no_computed_dates() -> None:
    commuted = sentence_outcome(example_2(commuted_release_date=date(2026, 2, 2)), AS_OF)
    assert commuted.term.commuted and commuted.term.full_term_date == date(2026, 2, 2)
    assert commuted.gct.release_date is None and commuted.gct.days == 0
    assert commuted.fsa.stage is FsaStage.NOT_PROJECTED and commuted.placement is None
    # 60 months run 1826 days; 1826 days of prior custody credit serve the whole term.
    served = sentence_outcome(example_2(prior_custody_days=1826), AS_OF)
    assert served.term.served and served.status == "term_served"
    assert served.term.full_term_date is None and served.gct.release_date is None


def test_the_json_block_keeps_its_keys_in_order() -> None:
    # The keys of the block as docs/law-sentence.md lists them, in the order they are written.
    block = compute_block(example_2(), AS_OF)
    assert list(block) == [
        "as_of",
        "status",
        "term",
        "term_days",
        "commenced_on",
        "arrived_on",
        "prior_custody_days",
        "full_term_date",
        "gct_method",
        "gct_days",
        "gct_release_date",
        "release_weekday_date",
        "commuted_release_date",
        "term_served",
        "released_on",
        "supervised_release",
        "fsa",
        "rdap",
        "placement",
        "codes",
        "needs_review",
        "missing_facts",
        "findings",
    ]
    assert block["fsa"]["release_date"] == "2028-04-05"
    assert block["gct_release_date"] == "2029-04-05"
    assert list(block["placement"])[-1] == "discretionary"
