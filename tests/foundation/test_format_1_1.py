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
    # Format 1.2 (field paths in `unknown`) is read too; a version not yet made is refused.
    assert report(serving() | {"schema_version": "1.2"}).model_dump() == report(new).model_dump()
    with pytest.raises(RecordError, match="schema_version"):
        validate(serving() | {"schema_version": "1.3"}, "r.yaml")


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
    with_bureau, without = report(data).model_dump(), report(serving()).model_dump()
    # The sentence block shows the Bureau's figures beside ours (its "bureau" key), and nothing
    # else in the answer moves.
    assert with_bureau["sentence"].pop("bureau")["comparisons"]
    assert "bureau" not in without["sentence"]
    assert with_bureau == without


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
        # A revocation term (18 U.S.C. 3583(e)(3)) is more prison time on the same judgment: the
        # time-credit program does not compute it yet.
        (
            lambda d: d["convictions"][0]["sentence"].update(
                revocations=[{"revoked_on": "2020-06-01", "imprisonment": "12 months"}]
            ),
            "convictions[0].sentence.revocations",
            "fsa.time_credits",
        ),
        # A revocation with neither date nor term recorded may have imposed prison all the same.
        (
            lambda d: d["convictions"][0]["sentence"].update(revocations=[{}]),
            "convictions[0].sentence.revocations",
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
    # The one-line answer (the report's glance, JSON ``headline``) says so too, never ELIGIBLE.
    assert det.headline == f"NEEDS REVIEW — not weighed yet: {path}"
    assert det.eligible_from_date is None


def test_awaiting_sentencing() -> None:
    # Convicted 2010-01-04 and not yet sentenced. 28 CFR 1.2 runs the pardon wait from release
    # from confinement or, with no prison sentence, from conviction; which applies is unknown
    # until sentence is imposed, and the wait comes after the sentence: not eligible. Nothing
    # to commute (no sentence), and no term for credits to be earned against
    # (18 U.S.C. 3632(d)(4)(B)(ii)).
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
    pardon = answer(data, "clemency.pardon_petition")
    assert pardon.outcome is Outcome.not_eligible
    assert "Sentence has not been imposed" in (pardon.reason or "")
    assert answer(data, "clemency.commutation_petition").outcome is Outcome.not_applicable
    credits = answer(data, "fsa.time_credits")
    assert credits.outcome is Outcome.not_applicable
    assert "3632(d)(4)(B)(ii)" in (credits.reason or "")
    data["convictions"][0]["sentencing_date"] = "2010-05-01"
    with pytest.raises(RecordError, match="awaiting_sentencing"):
        validate(data, "r.yaml")


def test_term_of_unknown_length() -> None:
    # A prison term of unknown length: the term is the missing fact for credits, never "no
    # sentence of imprisonment" — with custody recorded or without.
    data = serving()
    sentence = data["convictions"][0]["sentence"]
    del sentence["imprisonment"]
    sentence["imprisonment_length_unknown"] = True
    credits = answer(data, "fsa.time_credits")
    assert credits.outcome is Outcome.insufficient_facts
    assert credits.missing_facts == ["convictions[0].sentence.imprisonment"]
    data["custody"] = []
    credits = answer(data, "fsa.time_credits")
    assert credits.outcome is Outcome.insufficient_facts
    assert credits.missing_facts == ["convictions[0].sentence.imprisonment"]
    sentence["imprisonment"] = "60 months"
    with pytest.raises(RecordError, match="imprisonment_length_unknown"):
        validate(data, "r.yaml")


def test_sentence_block_names_what_it_does_not_weigh() -> None:
    data = _with(
        lambda d: d["convictions"][0]["sentence"].update(
            revocations=[{"revoked_on": "2020-06-01", "imprisonment": "12 months"}]
        )
    )
    block = report(data).computation("sentence")
    assert block is not None
    assert any("sentence.revocations" in note for note in block["needs_review"])


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
