"""A record naming no business (or no one connected with it) gets ``not_applicable`` from every
SBA program whatever else it states, so the engine works that answer out once per decisive day
and question and gives each record its own copy. The copies must be the answer the program
gives when worked out afresh: same outcome, reason, findings (the version in force on the day
cited) and glance."""

from __future__ import annotations

from datetime import date

from secondchance.engine.evaluate import answer_program, evaluate_program
from secondchance.engine.rules import Context
from secondchance.law.sba import PROGRAMS
from secondchance.record.schema import Record

PRISONER = {
    "person": {"name": "A. Prisoner"},
    "convictions": [
        {
            "id": "c1",
            "jurisdiction": "federal",
            "conviction_date": "2019-03-01",
            "counts": [{"statute": "18 U.S.C. 1343", "felony": True}],
            "sentence": {"imposed_on": "2019-06-01", "imprisonment": "96 months"},
        }
    ],
    "custody": [{"kind": "designated_facility", "start": "2019-07-01", "conviction_id": "c1"}],
}
NOBODY = {"person": {"name": "B. Nobody"}}
EMPTY_BUSINESS = {"person": {"name": "C. Owner"}, "business": {"name": "Shop LLC", "people": []}}


def _same(a: object, b: object) -> bool:
    return a.model_dump() == b.model_dump()  # type: ignore[attr-defined]


def test_kept_answer_is_the_programs_own_on_each_day() -> None:
    # 2024-05-29: the rule before 89 FR 34094 is in force (its citation); 2026-01-01: the new
    # one. With an application date, that day decides and the glance speaks of the application.
    questions = [
        Context(as_of=date(2024, 5, 29)),
        Context(as_of=date(2026, 1, 1)),
        Context(as_of=date(2026, 1, 1), application_date=date(2024, 5, 1)),
    ]
    applied = {**NOBODY, "application_date": "2024-05-01"}  # its own day decides: the old rule
    for data in (PRISONER, NOBODY, applied, EMPTY_BUSINESS):
        record = Record.model_validate(data)
        for ctx in questions:
            for program in PROGRAMS:
                kept = evaluate_program(program, record, ctx)
                assert _same(kept, answer_program(program, record, ctx)), (program.id, ctx)
                assert kept.outcome.value == "not_applicable"


def test_each_record_gets_its_own_copy() -> None:
    program = PROGRAMS[0]
    ctx = Context(as_of=date(2026, 1, 1))
    first = evaluate_program(program, Record.model_validate(NOBODY), ctx)
    first.reason = "changed by a caller"
    first.headline = "changed"
    second = evaluate_program(program, Record.model_validate(PRISONER), ctx)
    assert second.reason is not None and second.reason.startswith("The record names no business")
    assert second.headline is not None and second.headline.startswith("NOT APPLICABLE")


def test_no_people_and_no_business_keep_their_own_reasons() -> None:
    program = PROGRAMS[0]
    ctx = Context(as_of=date(2026, 1, 1))
    nobody = evaluate_program(program, Record.model_validate(NOBODY), ctx)
    empty = evaluate_program(program, Record.model_validate(EMPTY_BUSINESS), ctx)
    assert nobody.reason is not None and "names no business" in nobody.reason
    assert empty.reason is not None and "no people connected" in empty.reason


def test_a_business_with_people_is_worked_out_for_itself() -> None:
    # The parole owner of examples/sba: not the no-business answer.
    owner = {
        "person": {"name": "D. Owner"},
        "business": {
            "name": "Owner Co",
            "people": [
                {
                    "name": "D. Owner",
                    "is_subject": True,
                    "roles": [{"role": "owner", "ownership_percent": 100, "start": "2020-01-01"}],
                }
            ],
        },
    }
    det = evaluate_program(
        PROGRAMS[0], Record.model_validate(owner), Context(as_of=date(2026, 1, 1))
    )
    assert det.outcome.value != "not_applicable"
