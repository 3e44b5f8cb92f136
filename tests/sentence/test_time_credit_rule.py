"""``fsa.time_credits`` as a declarative rule: its versions from the rule book, and the tests
applied in the law's order (the first that holds decides; its exception beside it)."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.engine import Context, Outcome, evaluate_program
from secondchance.law.sentence.program import PROGRAM, RULES, TESTS
from secondchance.record import Record

AS_OF = date(2025, 6, 1)


def record(statute: str, **extra: Any) -> Record:
    """One federal conviction of 2025-01-01, 60 months, in custody since that day."""
    conviction: dict[str, Any] = {
        "id": "c1",
        "jurisdiction": "federal",
        "counts": [{"statute": statute}],
        "sentence": {"imposed_on": "2025-01-01", "imprisonment": "60 months"},
    }
    conviction["sentence"].update(extra.pop("sentence", {}))
    conviction.update(extra.pop("conviction", {}))
    return Record.model_validate(
        {
            "convictions": [conviction],
            "custody": [{"kind": "federal_custody", "start": "2025-01-01", "conviction_id": "c1"}],
            **extra,
        }
    )


REMOVAL = {"fsa": {"final_order_of_removal": "2025-03-01"}}
COMMUTED = {
    "sentence": {"commutations": [{"granted_on": "2025-04-01", "new_release_date": "2027-01-01"}]}
}


def answer(rec: Record) -> Any:
    return evaluate_program(PROGRAM, rec, Context(as_of=AS_OF))


def test_dated_versions_come_from_the_rule_book() -> None:
    # The Act was enacted 2018-12-21 (Pub. L. 115-391); earning moves to commencement on
    # 2026-09-30 (the interim rule), so the 2018 version ends the day before, 2026-09-29.
    ids = [v.id for v in PROGRAM.versions]
    assert ids == [
        "fsa.time_credits@before-act",
        "fsa.time_credits@2018",
        "fsa.time_credits@2026-interim",
    ]
    assert [r.id for r in RULES] == ids[1:]
    assert RULES[0].effective_from == date(2018, 12, 21)
    assert RULES[0].effective_to == date(2026, 9, 29)
    assert RULES[1].effective_from == date(2026, 9, 30) and RULES[1].provisional


def test_the_tests_are_in_the_laws_order() -> None:
    names = [step.name for step in TESTS]
    assert names.index("a count is listed in 3632(d)(4)(D)") < names.index(
        "a final order of removal (3632(d)(4)(E))"
    )
    assert names[-1] == "no count listed and no final order of removal"


def test_a_listed_count_bars_before_a_removal_order_or_commutation_is_read() -> None:
    # 18 U.S.C. 924(c) is listed (3632(d)(4)(D)(xxii)): the first test holds, so neither the
    # removal order (3632(d)(4)(E)) nor the commutation is shown.
    det = answer(record("18 U.S.C. 924(c)(1)(A)", **REMOVAL, **COMMUTED))
    assert det.outcome is Outcome.not_eligible
    assert det.reason == "Serving a sentence for a conviction listed in 18 U.S.C. 3632(d)(4)(D)."
    assert not any("removal" in f.finding or "commuted" in f.finding for f in det.findings)


def test_a_removal_order_bars_before_the_commutation_is_read() -> None:
    # Wire fraud (1343) is not listed; the final order of 2025-03-01 bars applying credits.
    det = answer(record("18 U.S.C. 1343", **REMOVAL, **COMMUTED))
    assert det.outcome is Outcome.not_eligible
    assert det.reason == "Subject to a final order of removal (18 U.S.C. 3632(d)(4)(E))."
    assert det.findings[-1].facts == {"fsa.final_order_of_removal": "2025-03-01"}
    assert not any("commuted" in f.finding for f in det.findings)


def test_eligible_unless_an_open_question_the_finding_then_the_question() -> None:
    # A treaty transfer (18 U.S.C. 4105) leaves an otherwise eligible answer for review: the
    # finding that no count is listed is shown, then the open question naming its field.
    det = answer(record("18 U.S.C. 1343", conviction={"treaty_transfer": {"country": "Canada"}}))
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts == ["convictions[0].treaty_transfer"]
    texts = [f.finding for f in det.findings]
    assert texts[-2].startswith("No count of conviction is listed")
    assert texts[-1].startswith("Convictions[0] is a foreign conviction")
