"""The headline (the report's glance, ``headline`` in JSON) always speaks for the outcome: a
guard that reviews an answer after it was evaluated rebuilds the whole determination
(``engine.overrule``), never the outcome alone (review s19a, D1)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from secondchance.api import evaluate
from secondchance.cases import case_files, read_cases
from secondchance.cases.run import answers
from secondchance.engine import Outcome
from secondchance.engine.determination import Determination
from secondchance.engine.overrule import overrule, unsettled_ahead
from secondchance.law.registry import all_programs
from secondchance.record import validate
from secondchance.report import render_report

CASES = Path(__file__).resolve().parents[2] / "cases"

# An SBA applicant's owner: 24 months from 2008-03-01, released 2010-01-01 onto 3 years of
# supervised release; revoked 2011-01-05: 12 months in custody (to 2012-01-04) and a new term of
# 10 years of supervised release (18 U.S.C. 3583(h)), so supervision may run to 2022-01-04. The
# SBA programs do not weigh a revocation yet (law/unweighed.py): on 2018-06-01 each answers
# needs_review, and nothing in its headline may read as a yes.
REVOKED_OWNER: dict[str, Any] = {
    "business": {
        "name": "Rev LLC",
        "child_care": False,
        "people": [
            {
                "name": "P",
                "roles": [{"role": "owner", "ownership_percent": 100, "start": "2010-01-01"}],
                "record": {
                    "person": {"status": [{"status": "us_citizen"}]},
                    "convictions": [
                        {
                            "id": "c1",
                            "jurisdiction": "federal",
                            "conviction_date": "2008-01-10",
                            "counts": [{"statute": "21 U.S.C. 841(a)(1)"}],
                            "sentence": {
                                "imposed_on": "2008-03-01",
                                "imprisonment": "24 months",
                                "supervised_release": "3 years",
                                "fine_owed": 0,
                                "revocations": [
                                    {
                                        "revoked_on": "2011-01-05",
                                        "imprisonment": "12 months",
                                        "supervised_release": "10 years",
                                    }
                                ],
                            },
                        }
                    ],
                    "custody": [
                        {
                            "kind": "designated_facility",
                            "conviction_id": "c1",
                            "start": "2008-03-01",
                            "end": "2010-01-01",
                        },
                        {
                            "kind": "designated_facility",
                            "conviction_id": "c1",
                            "start": "2011-01-05",
                            "end": "2012-01-04",
                        },
                    ],
                },
            }
        ],
    }
}
GUARDED = ("sba.7a", "sba.504", "sba.microloan", "sba.ilp", "sba.disaster")


def test_a_guarded_sba_answer_reads_needs_review_in_the_glance_and_the_json() -> None:
    report = evaluate(validate(REVOKED_OWNER, "test"), as_of=date(2018, 6, 1))
    dets = {d.program: d for d in report.determinations}
    data = json.loads(report.model_dump_json())
    headlines = {d["program"]: d["headline"] for d in data["determinations"]}
    glance = render_report(report).split("\n\n")[1]
    for program in GUARDED:
        assert dets[program].outcome is Outcome.needs_review
        assert headlines[program] == "NEEDS REVIEW"
        assert dets[program].next_change is None and dets[program].eligible_from_date is None
        line = next(x for x in glance.splitlines() if x.strip().startswith(program + " "))
        assert "NEEDS REVIEW" in line and "ELIGIBLE" not in line, line


def test_overrule_drops_every_field_worked_from_the_old_outcome() -> None:
    det = Determination(
        program="x",
        outcome=Outcome.eligible_from,
        date=date(2030, 1, 1),
        date_reason="five years after release",
        next_change=date(2030, 1, 1),
        next_change_outcome=Outcome.eligible,
        next_change_reason="five years after release",
        eligible_from_date=date(2030, 1, 1),
        eligible_from_reason="five years after release",
        pardoned_on=date(2020, 1, 1),
        headline="NOT YET ELIGIBLE — eligible from 2030-01-01 (five years after release)",
        missing_facts=["a"],
    )
    got = overrule(det, Outcome.insufficient_facts, "why", missing_facts=["b"])
    assert got.outcome is Outcome.insufficient_facts and got.reason == "why"
    assert got.missing_facts == ["a", "b"]
    assert got.headline == "INSUFFICIENT FACTS"
    assert (got.date, got.date_reason, got.next_change, got.next_change_outcome) == (None,) * 4
    assert (got.eligible_from_date, got.eligible_from_reason, got.pardoned_on) == (None,) * 3
    with pytest.raises(ValueError):
        overrule(det, Outcome.eligible, "never")


def _agrees(det: dict[str, Any], program: str = "") -> bool:
    """The headline's opening words for the outcome (engine/glance.py's ``_opening``); an
    eligible answer of a program with its own words (a categorical pardon) opens with those."""
    said, outcome = det["headline"], Outcome(det["outcome"])
    own = {p.id: p.eligible_words for p in all_programs()}.get(program)
    if outcome is Outcome.eligible and own is not None:
        day = date.fromisoformat(det["date"]) if det.get("date") else None
        words = own(Determination(program=program, outcome=outcome, date=day))
        return not said.startswith("ELIGIBLE") and said.startswith(words)
    if det.get("pardoned_on"):
        return outcome is Outcome.not_applicable and said.startswith("ALREADY PARDONED on ")
    if outcome is Outcome.eligible_from:
        return said.startswith(
            (f"NOT YET ELIGIBLE — eligible from {det['date']}", "NOT ELIGIBLE for an application")
        ) and (f"a new application from {det['date']}" in said or said.startswith("NOT YET"))
    opening = {
        Outcome.eligible: "ELIGIBLE",
        Outcome.not_eligible: "NOT ELIGIBLE",
        Outcome.needs_review: "NEEDS REVIEW",
        Outcome.insufficient_facts: "INSUFFICIENT FACTS",
        Outcome.not_applicable: "NOT APPLICABLE",
    }[outcome]
    rest = said.removeprefix(opening)
    if rest == said or "a new application from" in said:
        return False
    return rest == "" or rest.startswith((";", ":", " — ", " for an application on "))


@pytest.mark.parametrize("file", case_files([CASES]), ids=lambda f: str(f.relative_to(CASES)))
def test_every_headline_in_the_cases_agrees_with_its_outcome(file: Path) -> None:
    wrong = []
    for _, case in read_cases(file):
        if case.sentence is not None:
            continue
        for program, det in answers(case, file).items():
            if program != "sentence" and not _agrees(det, program):
                wrong.append(f"{case.title}: {program} {det['outcome']}: {det['headline']}")
    assert wrong == []


def test_a_guard_never_leaves_a_clearing_answer_foreseen() -> None:
    # Not eligible now, eligible from 2024-05-30 (the new SBA rule): with a fact the program does
    # not weigh yet, the answer on 2024-05-30 would itself be overruled to needs_review, so the
    # change foreseen is to needs_review, and no first eligible day is promised.
    det = Determination(
        program="sba.7a",
        outcome=Outcome.not_eligible,
        next_change=date(2024, 5, 30),
        next_change_outcome=Outcome.eligible,
        next_change_reason="the 2024 SBA rule takes effect",
        eligible_from_date=date(2024, 5, 30),
        eligible_from_reason="the 2024 SBA rule takes effect",
        headline="NOT ELIGIBLE; changes 2024-05-30 (the 2024 SBA rule takes effect): eligible",
    )
    got = unsettled_ahead(det, Outcome.needs_review)
    assert got.next_change_outcome is Outcome.needs_review
    assert got.eligible_from_date is None
    assert got.headline == (
        "NOT ELIGIBLE; changes 2024-05-30 (the 2024 SBA rule takes effect): needs review"
    )
    # Already needs_review: the foreseen answer is no change at all.
    same = unsettled_ahead(
        det.model_copy(
            update={
                "outcome": Outcome.needs_review,
                "headline": "NEEDS REVIEW; changes 2024-05-30 (the 2024 SBA rule takes effect): "
                "eligible",
            }
        ),
        Outcome.needs_review,
    )
    assert (same.next_change, same.next_change_outcome, same.headline) == (
        None,
        None,
        "NEEDS REVIEW",
    )
