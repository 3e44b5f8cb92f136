"""Clause (li) of 18 U.S.C. 3632(d)(4)(D) read from the record's previous convictions.

(li): "An offense described in section 3559(c)(2)(F), for which the offender was sentenced to a
term of imprisonment of more than 1 year, if the offender has a previous conviction, for which the
offender served a term of imprisonment of more than 1 year, for a Federal or State offense, by
whatever designation and wherever committed, consisting of murder (as described in section 1111),
... kidnapping (as described in chapter 55) ...". 3559(c)(2)(F)(ii) adds "any other offense
punishable by a maximum term of imprisonment of 10 years or more that has as an element the use,
attempted use, or threatened use of physical force against the person of another": whether Hobbs
Act robbery (18 U.S.C. 1951, not named in (F)(i)) is one is a legal judgment, so with such a prior
conviction in the record the answer is needs_review, never eligible.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.api import evaluate
from secondchance.engine.determination import Determination, Outcome
from secondchance.record import validate

AS_OF = date(2026, 12, 7)
ROBBERY = "convictions[1].counts[0]"


def record(
    prior: dict[str, Any] | None = None, statute: str = "18 U.S.C. 1951(a)", term: str = "60 months"
) -> Any:
    """Hobbs Act robbery (18 U.S.C. 1951(a)), 60 months imposed 2024-11-15, in a prison from
    2025-01-01, low risk; ``prior`` (a conviction with id "p", and its custody) put first."""
    data: dict[str, Any] = {
        "person": {"status": [{"status": "us_citizen"}]},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "conviction_date": "2024-08-01",
                "counts": [{"statute": statute, "felony": True}],
                "sentence": {"imposed_on": "2024-11-15", "imprisonment": term},
            }
        ],
        "custody": [{"kind": "designated_facility", "conviction_id": "c1", "start": "2025-01-01"}],
        "fsa": {"risk_assessments": [{"assessed_on": "2025-02-15", "level": "low"}]},
    }
    if prior is not None:
        custody = prior.pop("custody", None)
        data["convictions"].insert(0, {"id": "p", "conviction_date": "1995-03-01", **prior})
        if custody is not None:
            data["custody"].insert(0, {"conviction_id": "p", **custody})
    return validate(data, "r.yaml")


def answer(data: Any) -> Determination:
    report = evaluate(data, AS_OF)
    return next(d for d in report.determinations if d.program == "fsa.time_credits")


def murder(term: str, start: str, end: str) -> dict[str, Any]:
    """A federal murder conviction (18 U.S.C. 1111) and the custody served on it."""
    return {
        "jurisdiction": "federal",
        "counts": [{"statute": "18 U.S.C. 1111(a)"}],
        "sentence": {"imposed_on": "1995-06-01", "imprisonment": term},
        "custody": {"kind": "federal_custody", "start": start, "end": end},
    }


def test_hobbs_act_robbery_without_a_prior_conviction_stays_eligible() -> None:
    # 1951 is named by no clause of 3632(d)(4)(D), and the record holds no previous conviction:
    # nothing (li) can reach, as before.
    det = answer(record())
    assert det.outcome is Outcome.eligible


def test_hobbs_act_robbery_after_murder_with_14_years_served_needs_review() -> None:
    # Custody on the murder conviction 1995-06-01 .. 2009-05-31: 14 years (5,114 days), more
    # than 1 year. The robbery count: 60 months > 1 year; 1951 is not named by (F)(i), and
    # whether it is a serious violent felony under (F)(ii) is for review: never eligible.
    det = answer(record(murder("20 years", "1995-06-01", "2009-05-31")))
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts == [f"{ROBBERY}.statute"]
    assert "3632(d)(4)(D)(li)" in det.reason and "3559(c)(2)(F)" in det.reason
    # The sentence block projects no credits past it.
    block = evaluate(record(murder("20 years", "1995-06-01", "2009-05-31")), AS_OF)
    computed = block.computation("sentence")
    assert computed is not None and computed["fsa"]["eligible"] is None


def test_a_prior_murder_with_10_months_served_does_not_meet_the_clause() -> None:
    # 10 months imposed (custody 1995-06-01 .. 1996-03-31, 305 days): no more than 1 year can
    # have been served on it, so (li)'s previous conviction is absent: eligible, as without it.
    det = answer(record(murder("10 months", "1995-06-01", "1996-03-31")))
    assert det.outcome is Outcome.eligible


def test_a_prior_state_kidnapping_with_time_served_unknown_names_its_custody() -> None:
    # A Texas conviction described as aggravated kidnapping ("by whatever designation": (li)'s
    # kidnapping), 15 years imposed, no custody recorded for it: whether more than 1 year was
    # served is not known, so both the robbery's statute and that custody are named.
    prior = {
        "jurisdiction": "state",
        "state": "Texas",
        "counts": [{"statute": "Tex. Penal Code 20.04", "description": "aggravated kidnapping"}],
        "sentence": {"imposed_on": "1995-06-01", "imprisonment": "15 years"},
    }
    det = answer(record(prior))
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts == [f"{ROBBERY}.statute", "custody[].conviction_id=p"]


def test_a_prior_conviction_of_another_kind_changes_nothing() -> None:
    # Wire fraud (18 U.S.C. 1343), 5 years served: not a kind (li) names.
    prior = {
        "jurisdiction": "federal",
        "counts": [{"statute": "18 U.S.C. 1343"}],
        "sentence": {"imposed_on": "1995-06-01", "imprisonment": "5 years"},
        "custody": {"kind": "federal_custody", "start": "1995-06-01", "end": "2000-05-31"},
    }
    assert answer(record(prior)).outcome is Outcome.eligible


def test_a_count_sentenced_to_a_year_or_less_is_outside_the_clause() -> None:
    # (li) needs the count "sentenced to a term of imprisonment of more than 1 year": 12 months is
    # not more than 1 year, so the clause cannot reach it, whatever the prior conviction.
    data = record(murder("20 years", "1995-06-01", "2009-05-31"), term="12 months")
    assert answer(data).outcome is Outcome.eligible


def test_robbery_named_by_F_i_stays_as_before() -> None:
    # 18 U.S.C. 2111 is named by (F)(i): the table's clause (li) row decides it, undecided on the
    # count's finding prior_serious_violent_felony_served_over_1_year, as before.
    det = answer(record(murder("20 years", "1995-06-01", "2009-05-31"), "18 U.S.C. 2111"))
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts == [f"{ROBBERY}.court_findings"]


def test_custody_recorded_over_a_year_settles_time_served_whatever_the_sentence_says() -> None:
    # The murder's 20-year term written on its count and the sentence stating only a $5,000
    # fine: the custody recorded on it, 1995-06-01 .. 2009-05-31 (5,114 days), is more than a
    # year served, so (li) may reach the robbery: review, never eligible.
    prior = murder("20 years", "1995-06-01", "2009-05-31")
    prior["counts"] = [{"statute": "18 U.S.C. 1111(a)", "imprisonment": "20 years"}]
    prior["sentence"] = {"imposed_on": "1995-06-01", "fine": 5000}
    det = answer(record(prior))
    assert det.outcome is Outcome.needs_review
    assert f"{ROBBERY}.statute" in det.missing_facts


def test_a_state_prior_whose_statute_is_not_read_and_has_no_description_is_for_review() -> None:
    # "Cal. Penal Code 187" (a state statute the engine does not read), no description, 14 years
    # in custody on it: (li) reaches a State offense "by whatever designation", so it may be
    # murder; the description would say. Review naming it, never eligible.
    prior = {
        "jurisdiction": "state",
        "state": "CA",
        "counts": [{"statute": "Cal. Penal Code 187"}],
        "sentence": {"imposed_on": "1995-06-01", "imprisonment": "25 years"},
        "custody": {"kind": "state_custody", "start": "1995-06-01", "end": "2009-05-31"},
    }
    det = answer(record(prior))
    assert det.outcome is Outcome.needs_review
    assert "convictions[0].counts[0].description" in det.missing_facts


def test_a_state_prior_described_as_another_offense_is_not_a_listed_kind() -> None:
    # The same state conviction described as "burglary": by its words not one of the kinds (li)
    # lists (murder, manslaughter, ..., terrorism), so (li) does not reach: eligible as before.
    prior = {
        "jurisdiction": "state",
        "state": "CA",
        "counts": [{"statute": "Cal. Penal Code 459", "description": "burglary"}],
        "sentence": {"imposed_on": "1995-06-01", "imprisonment": "25 years"},
        "custody": {"kind": "state_custody", "start": "1995-06-01", "end": "2009-05-31"},
    }
    assert answer(record(prior)).outcome is Outcome.eligible
