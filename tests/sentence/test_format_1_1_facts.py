"""Record format 1.1 facts the sentence computation and the time-credit program weigh: terms per
count, the Bureau's prior custody credit, a term of unknown length, orders of removal, detainers,
a conviction awaiting sentencing and a treaty transfer. Expected dates are worked by hand."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from secondchance.api import evaluate
from secondchance.engine.determination import Determination, Outcome
from secondchance.record import validate

AS_OF = date(2021, 1, 1)


def serving() -> dict[str, Any]:
    """Wire fraud (18 U.S.C. 1343, not listed in 3632(d)(4)(D)), 60 months imposed 2019-01-02,
    in a prison from that day, low risk."""
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


def per_count(second: dict[str, Any]) -> dict[str, Any]:
    """The same judgment with its terms given per count: 60 months on count 1, ``second`` added."""
    data = copy.deepcopy(serving())
    conviction = data["convictions"][0]
    del conviction["sentence"]["imprisonment"]
    conviction["counts"][0]["imprisonment"] = "60 months"
    conviction["counts"].append({"statute": "18 U.S.C. 1349", **second})
    return data


def block(data: dict[str, Any]) -> dict[str, Any]:
    found = evaluate(validate(data, "r.yaml"), AS_OF).computation("sentence")
    assert found is not None
    return found


def answer(data: dict[str, Any], program: str = "fsa.time_credits") -> Determination:
    report = evaluate(validate(data, "r.yaml"), AS_OF)
    return next(d for d in report.determinations if d.program == program)


# --- terms per count ------------------------------------------------------------------------------


def test_concurrent_terms_per_count_make_the_longest() -> None:
    # 60 and 24 months imposed together, neither marked consecutive: concurrent (3584(a)), so
    # the judgment's term is 60 months. From 2019-01-02 it runs to the day before the fifth
    # anniversary: 2024-01-01; 2019-01-02..2024-01-01 is 5 x 365 + 1 (2020-02-29) = 1826 days.
    computed = block(per_count({"imprisonment": "24 months"}))
    assert computed["term"] == "60 months"
    assert computed["term_days"] == 1826
    assert computed["full_term_date"] == "2024-01-01"
    assert computed["status"] == "computed"
    # The finding says the default of 3584(a) was followed because the terms differ.
    texts = [f["finding"] for f in computed["findings"]]
    assert any("per count" in t and "3584(a)" in t and "default" in t for t in texts)
    # The whole computation is the same as for a sentence-level term of 60 months.
    same = block(serving())
    for key in ("term_days", "full_term_date", "gct_days", "gct_release_date"):
        assert computed[key] == same[key], key
    # Time credits and the commutation petition read the term like a sentence-level one.
    assert answer(per_count({"imprisonment": "24 months"})).outcome is Outcome.eligible
    petition = answer(per_count({"imprisonment": "24 months"}), "clemency.commutation_petition")
    assert petition.outcome is Outcome.eligible


def test_terms_per_count_without_a_sentence_block() -> None:
    # The counts carry the terms and the record has no sentence block at all (imposed on the
    # sentencing date): the same 60 months, full term 2024-01-01, credits eligible.
    data = per_count({"imprisonment": "24 months"})
    del data["convictions"][0]["sentence"]
    data["convictions"][0]["sentencing_date"] = "2019-01-02"
    assert block(data)["full_term_date"] == "2024-01-01"
    assert answer(data).outcome is Outcome.eligible


def test_a_count_marked_consecutive_is_added() -> None:
    # 60 months, then 24 months consecutive: 84 months. 2019-01-02 + 84 months = 2026-01-02, so
    # the full term ends 2026-01-01; 7 x 365 + 2 (2020, 2024 leap days) = 2557 days.
    computed = block(per_count({"imprisonment": "24 months", "consecutive": True}))
    assert computed["term"] == "84 months"
    assert computed["term_days"] == 2557
    assert computed["full_term_date"] == "2026-01-01"


def test_equal_terms_per_count_need_no_default() -> None:
    # 60 and 60 months: the longest is 60 months whichever way they run concurrently; the note
    # of the 3584(a) default is for terms that differ.
    computed = block(per_count({"imprisonment": "60 months"}))
    assert computed["full_term_date"] == "2024-01-01"
    texts = [f["finding"] for f in computed["findings"] if "per count" in f["finding"]]
    assert texts and not any("default" in t for t in texts)


# --- the Bureau's prior custody credit --------------------------------------------------------


def test_stated_prior_custody_credit_is_used_when_no_custody_counts_it() -> None:
    # No custody before commencement in the record; the Bureau states 120 days (3585(b)).
    # Full term 2024-01-01 less 120 days: back 31 (Dec) to 2023-12-01, 30 (Nov) to 2023-11-01,
    # 31 (Oct) to 2023-10-01 = 92 days; 28 more is 2023-09-03.
    data = serving()
    data["convictions"][0]["sentence"]["prior_custody_credit_days"] = 120
    computed = block(data)
    assert computed["prior_custody_days"] == 120
    assert computed["full_term_date"] == "2023-09-03"
    assert computed["status"] == "computed"


def test_stated_and_counted_prior_custody_credit() -> None:
    # Pretrial detention 2018-12-01..2019-01-01: 31 + 1 = 32 days before commencement.
    data = serving()
    data["custody"].insert(
        0,
        {
            "kind": "pretrial_detention",
            "conviction_id": "a",
            "start": "2018-12-01",
            "end": "2019-01-01",
        },
    )
    data["convictions"][0]["sentence"]["prior_custody_credit_days"] = 32
    agreed = block(data)
    # The same 32 days: 2024-01-01 less 32 days = 2023-11-30 (31 days back is 2023-12-01).
    assert agreed["prior_custody_days"] == 32
    assert agreed["full_term_date"] == "2023-11-30"
    assert agreed["status"] == "computed"
    data["convictions"][0]["sentence"]["prior_custody_credit_days"] = 120
    differs = block(data)
    assert differs["status"] == "needs_review"
    assert differs["prior_custody_days"] == 32
    assert any("prior_custody_credit_days" in note for note in differs["needs_review"])


# --- a term of unknown length -----------------------------------------------------------------


def test_term_of_unknown_length_is_missing_never_no_prison() -> None:
    data = serving()
    sentence = data["convictions"][0]["sentence"]
    del sentence["imprisonment"]
    sentence["imprisonment_length_unknown"] = True
    data["custody"] = []
    credits = answer(data)
    assert credits.outcome is Outcome.insufficient_facts
    assert credits.missing_facts == ["convictions[0].sentence.imprisonment"]
    assert "no federal sentence" not in (credits.reason or "")
    # The sentence block says the term cannot be computed, naming the field.
    computed = block(data)
    assert computed["status"] == "needs_review"
    assert "convictions[0].sentence.imprisonment" in computed["reason"]


# --- orders of removal and detainers (18 U.S.C. 3632(d)(4)(E)) --------------------------------


def test_a_dated_removal_order_of_any_kind_bars_applying_credits() -> None:
    data = serving()
    data["fsa"]["removal_orders"] = [{"kind": "expedited", "issued_on": "2020-03-01"}]
    det = answer(data)
    assert det.outcome is Outcome.not_eligible
    assert "3632(d)(4)(E)" in (det.reason or "")
    # Before the order (2020-03-01) the answer is the plain one.
    before = evaluate(validate(data, "r.yaml"), date(2020, 2, 1))
    credits = next(d for d in before.determinations if d.program == "fsa.time_credits")
    assert credits.outcome is Outcome.eligible


def test_an_undated_removal_order_or_a_detainer_needs_review() -> None:
    data = serving()
    data["fsa"]["removal_orders"] = [{"kind": "reinstated"}]
    det = answer(data)
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts == ["fsa.removal_orders[0].issued_on"]
    assert any("fsa.removal_orders[0]" in n for n in block(data)["needs_review"])
    data = serving()
    data["fsa"]["immigration_detainers"] = [{"lodged_on": "2019-05-01", "agency": "ICE"}]
    det = answer(data)
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts == ["fsa.immigration_detainers[0]"]


# --- awaiting sentencing, treaty transfer ------------------------------------------------------


def test_awaiting_sentencing_beside_a_term_being_served_needs_review() -> None:
    # The coming sentence may join the aggregate (3584(c)) and its offense may bar credits.
    data = serving()
    data["convictions"].append(
        {
            "id": "b",
            "jurisdiction": "federal",
            "conviction_date": "2020-10-01",
            "awaiting_sentencing": True,
            "counts": [{"statute": "18 U.S.C. 1343"}],
        }
    )
    det = answer(data)
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts == ["convictions[1].awaiting_sentencing"]


def test_awaiting_sentencing_shown_by_dates_beside_a_term_being_served_needs_review() -> None:
    # Convicted 2020-10-01 <= 2021-01-01 (as of) < sentence imposed 2021-03-01: awaiting
    # sentencing on the day as with the flag (the schema forbids the flag beside a date): the
    # coming sentence may join the aggregate (3584(c)) and its offense may bar credits.
    data = serving()
    data["convictions"].append(
        {
            "id": "b",
            "jurisdiction": "federal",
            "conviction_date": "2020-10-01",
            "sentence": {"imposed_on": "2021-03-01", "imprisonment": "12 months"},
            "counts": [{"statute": "18 U.S.C. 1343"}],
        }
    )
    det = answer(data)
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts == ["convictions[1].sentence.imposed_on"]


def _second(**fields: Any) -> dict[str, Any]:
    """The serving record with a second federal conviction (carjacking, 18 U.S.C. 2119, listed in
    3632(d)(4)(D)(xxxv)), ``fields`` added to it."""
    data = serving()
    conviction = {"jurisdiction": "federal", "conviction_date": "2020-10-01"}
    conviction["counts"] = [{"statute": "18 U.S.C. 2119(1)"}]
    data["convictions"].append({**conviction, **fields})
    return data


def test_a_listed_conviction_with_no_sentence_recorded_needs_review() -> None:
    # Carjacking is listed (3632(d)(4)(D)(xxxv)); with no sentence recorded, whether a term for it
    # is part of the aggregate being served (3584(c)) is unknown: never eligible. With an id or
    # without, and with custody naming no conviction, the fact is the same.
    for data in (_second(), _second(id="b")):
        det = answer(data)
        assert det.outcome is Outcome.needs_review
        assert det.missing_facts == ["convictions[1].sentence.imprisonment"]
    data = _second(id="b")
    del data["custody"][0]["conviction_id"]
    assert answer(data).outcome is Outcome.needs_review


def test_the_sentence_block_projects_no_credits_past_such_a_conviction() -> None:
    # The block reads the same convictions as the program: with the carjacking conviction's
    # sentence unknown (or awaiting sentencing) whether credits may be earned is open, so no
    # credit date is projected and the computation needs review. Without it, wire fraud alone:
    # eligible, and a credit release is projected.
    assert block(serving())["fsa"]["eligible"] is True
    for data in (_second(id="b"), _second(id="b", awaiting_sentencing=True)):
        computed = block(data)
        assert computed["fsa"]["eligible"] is None
        assert computed["fsa"]["release_date"] is None
        assert computed["status"] == "needs_review"


def test_a_listed_conviction_with_a_sentence_stating_no_term_needs_review() -> None:
    # A sentence dated but giving no prison term, probation, fine or restitution: unknown.
    det = answer(_second(id="b", sentence={"imposed_on": "2020-12-01"}))
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts == ["convictions[1].sentence.imprisonment"]


def test_a_conviction_without_sentence_that_no_clause_can_reach_leaves_credits_eligible() -> None:
    # Wire fraud (1343) is not listed: whatever its sentence, it cannot bar credits. A listed
    # conviction sentenced to probation only is not a sentence of imprisonment being served.
    data = _second(counts=[{"statute": "18 U.S.C. 1343"}])
    assert answer(data).outcome is Outcome.eligible
    data = _second(sentence={"imposed_on": "2020-12-01", "probation": "3 years"})
    assert answer(data).outcome is Outcome.eligible


def test_treaty_transfer_leaves_credits_to_review() -> None:
    data = serving()
    data["convictions"][0]["treaty_transfer"] = {"country": "Mexico"}
    det = answer(data)
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts == ["convictions[0].treaty_transfer"]
    assert block(data)["status"] == "needs_review"


def test_a_sentence_stated_completed_leaves_no_credits_question() -> None:
    # Every part of the sentence completed (day unknown): no term remains for credits to be
    # applied to (3632(d)(4)(C)); the plain record would be "eligible". The computed block,
    # which cannot date the completion, says it does not weigh it.
    data = serving()
    data["convictions"][0]["sentence"]["completed"] = True
    det = answer(data)
    assert det.outcome is Outcome.not_applicable
    assert "completed" in (det.reason or "")
    assert any("sentence.completed" in note for note in block(data)["needs_review"])


def test_a_371_count_without_its_object_offense_is_insufficient_facts() -> None:
    # 18 U.S.C. 371 alone: the object offense decides whether a clause may list it; not recorded,
    # the answer is unknown, naming it (never eligible), and no credits are projected.
    data = serving()
    data["convictions"][0]["counts"] = [{"statute": "18 U.S.C. 371", "felony": True}]
    det = answer(data)
    assert det.outcome is Outcome.insufficient_facts
    assert det.missing_facts == ["convictions[0].counts[0].object_offense"]
    assert block(data)["fsa"]["release_date"] is None
    # Its object recorded, wire fraud (not listed): eligible.
    data["convictions"][0]["counts"][0]["object_offense"] = "18 U.S.C. 1343"
    assert answer(data).outcome is Outcome.eligible


# --- a federal conviction with no sentence recorded at all ----------------------------------------


def test_a_federal_conviction_with_no_sentence_is_no_proof_of_no_prison_term() -> None:
    # Wire fraud (18 U.S.C. 1343, up to 20 years), convicted 2020-10-01, no sentence, no custody
    # recorded: credits are earned against a sentence of imprisonment (3632(d)(4)) and the
    # record does not show there is none -> insufficient_facts naming the sentence, never
    # "no federal sentence of imprisonment" (not_applicable).
    data = {
        "person": {"status": [{"status": "us_citizen"}]},
        "convictions": [
            {
                "id": "a",
                "jurisdiction": "federal",
                "conviction_date": "2020-10-01",
                "counts": [{"statute": "18 U.S.C. 1343", "felony": True}],
            }
        ],
    }
    det = answer(data)
    assert det.outcome is Outcome.insufficient_facts
    assert det.missing_facts == ["convictions[0].sentence"]
    # Awaiting sentencing (the flag): no term imposed yet -> not applicable, as before.
    data["convictions"][0]["awaiting_sentencing"] = True
    assert answer(data).outcome is Outcome.not_applicable


def test_an_unlisted_conviction_with_no_sentence_stops_the_projection() -> None:
    # Beside the 60-month wire-fraud term being served, a second wire-fraud conviction of
    # 2020-10-01 with no sentence: it cannot bar credits (not listed in 3632(d)(4)(D)), so the
    # program's answer stays eligible, but a prison term for it may be consecutive (3584(a)) and
    # lengthen the aggregate (3584(c)): the block needs review naming its sentence and projects
    # no credit release (one from the 60 months alone could be too early).
    data = _second(counts=[{"statute": "18 U.S.C. 1343"}])
    assert answer(data).outcome is Outcome.eligible
    computed = block(data)
    assert computed["status"] == "needs_review"
    assert "convictions[1].sentence" in computed["missing_facts"]
    assert computed["fsa"]["release_date"] is None


def test_a_term_ended_before_the_act_is_not_the_answer_beside_a_conviction_with_no_sentence() -> (
    None
):
    # Wire fraud, 36 months imposed 2010-06-01, served 2010-06-01 to 2012-12-01: ended before
    # the Act (2018-12-21), alone not_applicable (28 CFR 523.42(b)(1)). A second federal
    # conviction of 2019-03-01 (18 U.S.C. 1001) with no sentence recorded may carry a prison
    # term served after the Act -> insufficient_facts naming its sentence.
    data = {
        "person": {"status": [{"status": "us_citizen"}]},
        "convictions": [
            {
                "id": "a",
                "jurisdiction": "federal",
                "conviction_date": "2010-03-01",
                "counts": [{"statute": "18 U.S.C. 1343", "felony": True}],
                "sentence": {"imposed_on": "2010-06-01", "imprisonment": "36 months"},
            },
            {
                "id": "b",
                "jurisdiction": "federal",
                "conviction_date": "2019-03-01",
                "counts": [{"statute": "18 U.S.C. 1001", "felony": True}],
            },
        ],
        "custody": [
            {
                "kind": "designated_facility",
                "conviction_id": "a",
                "start": "2010-06-01",
                "end": "2012-12-01",
            }
        ],
    }
    det = answer(data)
    assert det.outcome is Outcome.insufficient_facts
    assert det.missing_facts == ["convictions[1].sentence"]
    # Its sentence stated (a fine alone, nothing to serve): the recorded term decides it.
    data["convictions"][1]["sentence"] = {"imposed_on": "2019-06-01", "fine": 1000}
    assert answer(data).outcome is Outcome.not_applicable
