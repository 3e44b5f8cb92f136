"""One reading of the record for every program: the shared facts (pardoned on D, released from
confinement on D, a term recorded or not) are read once, and no two programs disagree."""

from __future__ import annotations

import gc
import os
import weakref
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.api import evaluate
from secondchance.engine.determination import Determination, Outcome
from secondchance.record import load_record, validate
from secondchance.record.timeline import timeline

from .strategies import person_records

AS_OF = date(2021, 1, 1)
CLEARING = (Outcome.eligible, Outcome.eligible_from)
EXAMPLES = 200 if os.environ.get("SECONDCHANCE_NIGHTLY") == "1" else 25


def answers(data: dict[str, Any], as_of: date = AS_OF) -> dict[str, Determination]:
    report = evaluate(validate(data, "r.yaml"), as_of)
    return {d.program: d for d in report.determinations}


def fraud(**extra: Any) -> dict[str, Any]:
    """Wire fraud (not a listed offense), 60 months imposed 2019-01-02."""
    return {
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
        **extra,
    }


def test_pardon_mid_term_ends_the_credits_question() -> None:
    # Serving 60 months from 2019-01-02 (to 2024-01-01) and fully pardoned on 2020-06-01: the
    # pardon remits the rest of the term, so on 2021-01-01 there is nothing to commute, no
    # petition to file and no term for credits to shorten.
    got = answers(fraud(clemency=[{"kind": "pardon", "granted_on": "2020-06-01"}]))
    assert got["fsa.time_credits"].outcome is Outcome.not_applicable
    assert "2020-06-01" in (got["fsa.time_credits"].reason or "")
    assert got["clemency.commutation_petition"].outcome is Outcome.not_applicable
    assert got["clemency.pardon_petition"].outcome is Outcome.not_applicable
    # The day before the grant the credits question is still open (eligible, no listed count).
    before = answers(
        fraud(clemency=[{"kind": "pardon", "granted_on": "2020-06-01"}]), date(2020, 5, 31)
    )
    assert before["fsa.time_credits"].outcome is Outcome.eligible


def test_release_with_no_custody_start_counts_for_every_program() -> None:
    # Released on 2015-06-30 (start of custody not recorded). The pardon wait ends five years
    # later, on 2020-06-30 (28 CFR 1.2); the term ended before the First Step Act (2018-12-21),
    # so there are no credits to earn (28 CFR 523.42(b)(1)).
    data = fraud()
    data["convictions"][0]["conviction_date"] = "2010-01-04"
    data["convictions"][0]["sentence"]["imposed_on"] = "2010-01-04"
    data["custody"] = [{"kind": "designated_facility", "conviction_id": "a", "end": "2015-06-30"}]
    got = answers(data)
    assert got["clemency.pardon_petition"].outcome is Outcome.eligible
    credits = got["fsa.time_credits"]
    assert credits.outcome is Outcome.not_applicable
    assert "2015-06-30" in (credits.reason or "")


def test_custody_without_a_term_is_missing_for_every_program() -> None:
    # Custody recorded for the conviction, no sentence: neither program may read this as "no
    # prison sentence"; both name the missing sentence.
    data = fraud()
    del data["convictions"][0]["sentence"]
    got = answers(data)
    credits = got["fsa.time_credits"]
    assert credits.outcome is Outcome.insufficient_facts
    assert credits.missing_facts == ["convictions[0].sentence.imprisonment"]
    assert got["clemency.pardon_petition"].outcome is Outcome.insufficient_facts


@pytest.mark.parametrize("end", [None, "2023-06-30"])
def test_custody_start_unknown_is_one_unknown_fact_for_both_clemency_programs(
    end: str | None,
) -> None:
    # Custody for a 60-month term imposed 2019-01-02, its start not recorded and its end
    # after 2021-01-01 (or none): on 2021-01-01 the person is in confinement or has not yet
    # surrendered; the record does not say which. Neither program may assert either reading.
    # A commutation petition needs a sentence being served, so it waits on the start
    # (insufficient_facts); a pardon petition comes after the sentence, which on either reading
    # is not yet served (not_eligible), and names the same missing start.
    data = fraud()
    data["custody"] = [{"kind": "designated_facility", "conviction_id": "a"}]
    if end:
        data["custody"][0]["end"] = end
    got = answers(data)
    record = validate(data, "r.yaml")
    shared = timeline(record)
    assert shared.in_custody(0, AS_OF) is None
    pardon, commutation = got["clemency.pardon_petition"], got["clemency.commutation_petition"]
    assert commutation.outcome is Outcome.insufficient_facts
    assert commutation.missing_facts == ["custody[0].start"]
    assert pardon.outcome is Outcome.not_eligible
    assert "custody[0].start" in pardon.missing_facts
    assert "Still in confinement" not in (pardon.reason or "")
    said = "Whether custody had begun by 2021-01-01 is not recorded (custody[0].start)"
    assert said in (pardon.reason or "")
    assert any(said in f.finding for f in commutation.findings)


def test_custody_begun_is_confinement_for_both_programs() -> None:
    # Custody from 2019-01-02, no end: on 2021-01-01 in custody for both programs.
    got = answers(fraud())
    assert (got["clemency.pardon_petition"].reason or "").startswith("Still in confinement")
    assert got["clemency.commutation_petition"].outcome not in (
        Outcome.insufficient_facts,
        Outcome.not_applicable,
    )


def test_the_reading_is_made_once_per_record() -> None:
    record = validate(fraud(), "r.yaml")
    assert timeline(record) is timeline(record)


@st.composite
def pardoned_records(draw: st.DrawFn) -> tuple[dict[str, Any], date, date]:
    """A federal-only record with a full pardon of every conviction on a drawn day after the
    last conviction, and an as-of day on or after it."""
    data = draw(person_records())
    for conv in data["convictions"]:
        conv["jurisdiction"] = "federal"
        conv.pop("state", None)
    convicted = [date.fromisoformat(c["conviction_date"]) for c in data["convictions"]]
    first = max(convicted, default=date(1995, 1, 1))
    granted = first + timedelta(days=draw(st.integers(0, 3000)))
    data["clemency"] = [{"kind": "pardon", "granted_on": granted.isoformat()}]
    as_of = granted + timedelta(days=draw(st.integers(0, 3000)))
    return data, granted, as_of


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=pardoned_records())
def test_pardoned_on_d_no_program_says_otherwise(case: tuple[dict[str, Any], date, date]) -> None:
    # "Pardoned on D" is one fact: once every federal conviction is fully pardoned, no program
    # offers a petition, a commutation or time credits against the pardoned sentences.
    data, _, as_of = case
    got = answers(data, as_of)
    for program in (
        "clemency.pardon_petition",
        "clemency.commutation_petition",
        "fsa.time_credits",
    ):
        assert got[program].outcome not in CLEARING, (program, got[program].reason)


def test_terms_per_count_are_read_once_for_every_program() -> None:
    # The judgment's term from its counts is one shared reading (record.timeline), cached.
    data = fraud()
    del data["convictions"][0]["sentence"]["imprisonment"]
    data["convictions"][0]["counts"][0]["imprisonment"] = "60 months"
    record = validate(data, "r.yaml")
    first = timeline(record).prison_term(0)
    assert first is timeline(record).prison_term(0)
    assert str(first.term) == "60 months"
    assert first.path == "convictions[0].counts"


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    months=st.integers(min_value=13, max_value=240),
    shorter=st.integers(min_value=1, max_value=12),
    released=st.booleans(),
)
def test_a_term_per_count_answers_like_the_same_sentence_term(
    months: int, shorter: int, released: bool
) -> None:
    # A longest count term of N months beside a shorter concurrent one (3584(a)) is the
    # judgment's N months: every program gives the answer it gives for a sentence-level N.
    whole = fraud()
    whole["convictions"][0]["sentence"]["imprisonment"] = f"{months} months"
    if released:
        whole["custody"][0]["end"] = "2020-06-30"
    counts = fraud(custody=whole["custody"])
    del counts["convictions"][0]["sentence"]["imprisonment"]
    counts["convictions"][0]["counts"] = [
        {"statute": "18 U.S.C. 1343", "felony": True, "imprisonment": f"{months - shorter} months"},
        {"statute": "18 U.S.C. 1343", "felony": True, "imprisonment": f"{months} months"},
    ]
    one, other = answers(whole), answers(counts)
    assert one.keys() == other.keys()
    for program, det in one.items():
        assert (det.outcome, det.date) == (other[program].outcome, other[program].date), program


@pytest.mark.parametrize(
    "example",
    sorted(str(p) for p in Path("examples").rglob("*.yaml")),
)
def test_a_record_is_freed_as_soon_as_it_is_dropped(example: str) -> None:
    """Batch screening frees each record's objects as soon as it is done with them, without
    the cycle collector (whose passes cost it about 8% of its time): a record, its shared
    reading and every answer made from it hold no reference cycle and nothing keeps them."""
    record = load_record(Path(example))
    gc.collect()
    gc.disable()
    try:
        report = evaluate(record, AS_OF)
        assert report.determinations  # the whole law was read, the timeline filled in
        assert timeline(record).record is record
        kept = weakref.ref(record)
        del record, report
        assert kept() is None
    finally:
        gc.enable()


def test_a_record_with_approximate_dates_is_freed_as_soon_as_it_is_dropped() -> None:
    """The same for a record read at each end of its approximate dates (one exact record per
    reading, each with its own shared reading)."""
    data = fraud(
        custody=[
            {
                "kind": "designated_facility",
                "start": "2019-02",
                "end": "2023-05",
                "conviction_id": "a",
            }
        ]
    )
    evaluate(validate(data, "r.yaml"), AS_OF)  # the law's own tables built first
    record = validate(data, "r.yaml")
    gc.collect()
    gc.disable()
    try:
        report = evaluate(record, AS_OF)
        assert record._approximate  # read at both ends of each month
        kept = weakref.ref(record)
        del record, report
        assert kept() is None
        assert gc.collect() == 0
    finally:
        gc.enable()
