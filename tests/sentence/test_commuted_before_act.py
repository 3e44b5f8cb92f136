"""A sentence commuted to end before the First Step Act earns no time credits."""

from datetime import date

from secondchance.engine import Context, Outcome, evaluate_program
from secondchance.law.sentence.program import PROGRAM
from secondchance.record import Record


def commuted_life(release: str) -> Record:
    return Record.model_validate(
        {
            "convictions": [
                {
                    "id": "c1",
                    "jurisdiction": "federal",
                    "counts": [{"statute": "18 U.S.C. 1343"}],
                    "sentence": {
                        "imprisonment": "life",
                        "commutations": [{"granted_on": release, "new_release_date": release}],
                    },
                }
            ]
        }
    )


def test_commuted_to_end_before_the_act_is_not_applicable() -> None:
    # Released 2018-06-06 by commutation; 28 CFR 523.42(b)(1): no credits before 2018-12-21.
    det = evaluate_program(PROGRAM, commuted_life("2018-06-06"), Context(as_of=date(2019, 1, 1)))
    assert det.outcome is Outcome.not_applicable
    assert "2018-06-06" in (det.reason or "")


def test_commuted_to_end_after_the_act_still_needs_review() -> None:
    # Released 2020-06-06: whether credits could move a date the warrant fixed depends on its
    # terms (the rule this program states for a commuted release date).
    det = evaluate_program(PROGRAM, commuted_life("2020-06-06"), Context(as_of=date(2021, 1, 1)))
    assert det.outcome is Outcome.needs_review
