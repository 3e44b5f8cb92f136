"""Record format 1.1: the new facts load, 1.0 files answer the same, and a stated fact that no
program weighs yet never leaves an answer that clears the person."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import pytest

from secondchance.api import evaluate
from secondchance.engine.determination import Determination, Outcome, Report
from secondchance.record import RecordError, validate
from tests.support import run_cli

AS_OF = date(2021, 1, 1)


def serving() -> dict[str, Any]:
    """Wire fraud (18 U.S.C. 1343, not a listed offense), 60 months imposed 2019-01-02, in a
    prison since that day, low risk: serving a federal sentence on 2021-01-01."""
    return {
        "person": {"status": [{"status": "us_citizen"}]},
        "convictions": [
            {
                "id": "a",
                "jurisdiction": "federal",
                "conviction_date": "2019-01-02",
                "counts": [{"statute": "18 U.S.C. 1343", "felony": True}],
                "sentence": {"imposed_on": "2019-01-02", "imprisonment": "60 months"},
            }
        ],
        "custody": [{"kind": "designated_facility", "conviction_id": "a", "start": "2019-01-02"}],
        "fsa": {"risk_assessments": [{"assessed_on": "2019-03-01", "level": "low"}]},
    }


def report(data: dict[str, Any], as_of: date = AS_OF) -> Report:
    return evaluate(validate(data, "r.yaml"), as_of)


def answer(data: dict[str, Any], program: str, as_of: date = AS_OF) -> Determination:
    return next(d for d in report(data, as_of).determinations if d.program == program)


def test_the_plain_case_clears() -> None:
    # The baseline the guarded cases below depart from: a serving prisoner may petition for
    # commutation (28 CFR 1.3) and, convicted of no listed offense and with no removal order,
    # is eligible for time credits (18 U.S.C. 3632(d)(4)(D), (E)).
    assert answer(serving(), "clemency.commutation_petition").outcome is Outcome.eligible
    assert answer(serving(), "fsa.time_credits").outcome is Outcome.eligible


def test_version_1_0_answers_the_same() -> None:
    old = serving() | {"schema_version": "1.0"}
    new = serving() | {"schema_version": "1.1"}
    assert report(old).model_dump() == report(new).model_dump()
    with pytest.raises(RecordError, match="schema_version"):
        validate(serving() | {"schema_version": "1.2"}, "r.yaml")


def test_bureau_figures_are_kept_never_used() -> None:
    # The Bureau states a release date two years earlier than 60 months from 2019-01-02 could
    # give; our computation and every answer stay exactly what they are without the block.
    data = serving()
    data["bureau"] = {
        "stated_on": "2020-12-01",
        "projected_release_date": "2021-06-01",
        "release_method": "fsa_release",
        "fsa_credits_earned": 200,
        "fsa_credits_applied": 365,
        "fsa_eligible": True,
        "custody_status": "in_custody",
        "prerelease_date": "2021-01-15",
        "source": "sentence monitoring computation data",
    }
    record = validate(data, "r.yaml")
    assert record.bureau is not None and record.bureau.projected_release_date == date(2021, 6, 1)
    assert report(data).model_dump() == report(serving()).model_dump()


def test_certificate_issue_date_loads() -> None:
    data = serving()
    data["clemency"] = [
        {"kind": "commutation", "granted_on": "2020-11-02", "certificate_issued_on": "2020-11-09"}
    ]
    assert validate(data, "r.yaml").clemency[0].certificate_issued_on == date(2020, 11, 9)


def _with(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(serving())
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "path", "program"),
    [
        # A removal order whose date is unknown: credits cannot be applied to a prisoner subject
        # to a final order of removal (18 U.S.C. 3632(d)(4)(E)); the order's kind and finality
        # must be read before "eligible" can stand.
        (
            lambda d: d["fsa"].update(removal_orders=[{"kind": "expedited"}]),
            "fsa.removal_orders",
            "fsa.time_credits",
        ),
        (
            lambda d: d["fsa"].update(immigration_detainers=[{"lodged_on": "2019-05-01"}]),
            "fsa.immigration_detainers",
            "fsa.time_credits",
        ),
        # The Bureau's prior custody credit (18 U.S.C. 3585(b)) moves every projected date.
        (
            lambda d: d["convictions"][0]["sentence"].update(prior_custody_credit_days=120),
            "convictions[0].sentence.prior_custody_credit_days",
            "fsa.time_credits",
        ),
        # A revocation term (18 U.S.C. 3583(e)(3)) is more prison time on the same judgment.
        (
            lambda d: d["convictions"][0]["sentence"].update(
                revocations=[{"revoked_on": "2020-06-01", "imprisonment": "12 months"}]
            ),
            "convictions[0].sentence.revocations",
            "clemency.commutation_petition",
        ),
        # A foreign conviction served here under a treaty (18 U.S.C. 4100 ff.): whether the
        # President's clemency reaches it needs a lawyer's reading.
        (
            lambda d: d["convictions"][0].update(treaty_transfer={"country": "Mexico"}),
            "convictions[0].treaty_transfer",
            "clemency.commutation_petition",
        ),
        (
            lambda d: d["convictions"][0]["sentence"].update(completed=True),
            "convictions[0].sentence.completed",
            "fsa.time_credits",
        ),
    ],
)
def test_unweighed_fact_turns_a_clearing_answer_to_review(
    change: Any, path: str, program: str
) -> None:
    det = answer(_with(change), program)
    assert det.outcome is Outcome.needs_review
    assert path in det.missing_facts
    assert "does not weigh yet" in (det.reason or "")
    assert "would be: eligible" in (det.reason or "")


def test_awaiting_sentencing() -> None:
    # Convicted 2010-01-04 and not yet sentenced: no sentence, so no pardon wait can be
    # measured (28 CFR 1.2 runs it from release, or from sentencing without prison) and the
    # time-credit program, which has nothing to compute, must not say "not applicable" as if
    # there were no prison term to come.
    data: dict[str, Any] = {
        "convictions": [
            {
                "id": "a",
                "jurisdiction": "federal",
                "conviction_date": "2010-01-04",
                "awaiting_sentencing": True,
                "counts": [{"statute": "18 U.S.C. 1343", "felony": True}],
            }
        ]
    }
    assert answer(data, "clemency.pardon_petition").outcome is Outcome.insufficient_facts
    credits = answer(data, "fsa.time_credits")
    assert credits.outcome is Outcome.needs_review
    assert credits.missing_facts == ["convictions[0].awaiting_sentencing"]
    data["convictions"][0]["sentencing_date"] = "2010-05-01"
    with pytest.raises(RecordError, match="awaiting_sentencing"):
        validate(data, "r.yaml")


def test_term_of_unknown_length_and_per_count_terms() -> None:
    # A prison term of unknown length, or terms only per count: the judgment's term is not
    # known to the computation, so "eligible" for credits cannot stand.
    data = serving()
    sentence = data["convictions"][0]["sentence"]
    del sentence["imprisonment"]
    sentence["imprisonment_length_unknown"] = True
    # Custody for a term whose length is not recorded: the term is the missing fact.
    credits = answer(data, "fsa.time_credits")
    assert credits.outcome is Outcome.insufficient_facts
    assert credits.missing_facts == ["convictions[0].sentence.imprisonment"]
    sentence["imprisonment"] = "60 months"
    with pytest.raises(RecordError, match="imprisonment_length_unknown"):
        validate(data, "r.yaml")
    data = serving()
    del data["convictions"][0]["sentence"]["imprisonment"]
    data["convictions"][0]["counts"][0]["imprisonment"] = "60 months"
    data["convictions"][0]["counts"].append(
        {"statute": "18 U.S.C. 1349", "imprisonment": "24 months"}
    )
    det = answer(data, "clemency.commutation_petition")
    assert det.outcome is Outcome.needs_review
    assert "convictions[0].counts" in det.missing_facts


def test_sentence_block_names_what_it_does_not_weigh() -> None:
    data = _with(lambda d: d["convictions"][0]["sentence"].update(prior_custody_credit_days=120))
    block = report(data).computation("sentence")
    assert block is not None
    assert any("prior_custody_credit_days" in note for note in block["needs_review"])


def test_schema_describes_format_1_1() -> None:
    out = run_cli("schema")
    schema = json.loads(out.stdout)
    text = json.dumps(schema)
    for name in (
        "bureau",
        "revocations",
        "treaty_transfer",
        "removal_orders",
        "immigration_detainers",
        "imprisonment_length_unknown",
        "prior_custody_credit_days",
        "awaiting_sentencing",
        "certificate_issued_on",
        "not_before",
    ):
        assert name in text, name
