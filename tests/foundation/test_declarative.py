"""The declarative rule form (law/declarative.py): the first test that holds decides, its
exceptions first; findings are those of the steps reached, in order."""

from __future__ import annotations

from datetime import date

from secondchance.engine.determination import Determination, Outcome
from secondchance.law.clemency import commutation_petition, marijuana_pardon, pardon_petition
from secondchance.law.declarative import Answer, Citing, Rule, Shown, Test, Verdict, always, decide
from secondchance.record.schema import Record

say = Citing("toy@1", "Toy Act 1", "https://example.invalid/toy")
DAY = date(2024, 1, 1)
EMPTY = Record.model_validate({})


def _rule(facts: dict[str, int] | Determination) -> Rule[dict[str, int]]:
    """A toy rule: owing bars unless a waiver is recorded; a wait not over clears from its end."""
    return Rule(
        program="toy",
        version="1",
        title="Toy",
        citation="Toy Act 1",
        url="https://example.invalid/toy",
        summary="A toy rule.",
        who=lambda record, day: facts,
        findings=lambda f: [say("who counts")],
        steps=(
            Test(
                "owing",
                Verdict.bars,
                holds=lambda f: f["owed"] > 0,
                answer=lambda f: Answer("owes", [say("owes")]),
                unless=(
                    Test(
                        "waived",
                        Verdict.review,
                        holds=lambda f: f["waived"] == 1,
                        answer=lambda f: Answer("waived", [say("waiver")], next_change=DAY),
                    ),
                ),
            ),
            Shown("the wait", lambda f: [say("wait shown")]),
            Test(
                "waiting",
                Verdict.clear,
                holds=lambda f: f["wait_ends"] > 0,
                answer=lambda f: Answer("waits", eligible_from=date(2030, 1, f["wait_ends"])),
            ),
            Test("done", Verdict.clear, holds=always, answer=lambda f: Answer("done", date=DAY)),
        ),
    )


def _texts(det: Determination) -> list[str]:
    return [f.finding for f in det.findings]


def test_the_first_test_that_holds_decides_and_later_steps_are_not_shown() -> None:
    det = decide(_rule({"owed": 5, "waived": 0, "wait_ends": 3}), EMPTY, DAY)
    assert det.outcome is Outcome.not_eligible
    assert det.reason == "owes"
    assert _texts(det) == ["who counts", "owes"]  # "wait shown" comes after: not reached


def test_an_exception_decides_when_it_holds_after_its_rule_is_explained() -> None:
    det = decide(_rule({"owed": 5, "waived": 1, "wait_ends": 0}), EMPTY, DAY)
    assert det.outcome is Outcome.needs_review
    assert (det.reason, det.next_change) == ("waived", DAY)
    assert _texts(det) == ["who counts", "owes", "waiver"]


def test_a_clear_answer_with_eligible_from_is_eligible_from_that_day() -> None:
    det = decide(_rule({"owed": 0, "waived": 1, "wait_ends": 3}), EMPTY, DAY)
    assert (det.outcome, det.date) == (Outcome.eligible_from, date(2030, 1, 3))
    assert _texts(det) == ["who counts", "wait shown"]  # the exception of an unheld test is not


def test_a_clear_answer_naming_a_date_stays_eligible() -> None:
    det = decide(_rule({"owed": 0, "waived": 0, "wait_ends": 0}), EMPTY, DAY)
    assert (det.outcome, det.date, det.reason) == (Outcome.eligible, DAY, "done")


def test_who_counts_answering_at_once_is_the_answer() -> None:
    none = Determination(program="toy", outcome=Outcome.not_applicable, reason="nobody")
    assert decide(_rule(none), EMPTY, DAY) is none


def test_the_clemency_programs_are_declarative_rules_ending_in_a_test_that_always_holds() -> None:
    for module in (pardon_petition, commutation_petition, marijuana_pardon):
        rule = module.RULE
        last = rule.steps[-1]
        assert isinstance(last, Test) and last.holds is always, rule.id
        assert rule.summary and rule.known_gaps and rule.sources, rule.id
        assert module.PROGRAM_DEF.versions[0].known_gaps == rule.known_gaps
