"""The engine: picks the rule version in force on the decisive day and finds the next change.

A toy program stands in for the law here so the engine's own behaviour is tested alone: a person
is 'eligible' unless on parole on the day, under a first version; a second version from
2024-05-30 no longer bars parole.
"""

from datetime import date

from secondchance.engine import (
    Context,
    Determination,
    Outcome,
    Program,
    RuleVersion,
    evaluate_program,
)
from secondchance.engine.rules import Evaluate
from secondchance.record import Record
from secondchance.record.query import covering, day_after


def _old(record: Record, day: date, ctx: Context) -> Determination:
    on_parole = any(p.kind == "parole" for _, p in covering(record.supervision, day))
    return Determination(
        program="toy",
        outcome=Outcome.not_eligible if on_parole else Outcome.eligible,
        reason="on parole" if on_parole else "not on parole",
    )


def _new(record: Record, day: date, ctx: Context) -> Determination:
    return Determination(program="toy", outcome=Outcome.eligible, reason="parole no bar")


def _points(record: Record, ctx: Context) -> list[date]:
    return [day_after(p.end) for p in record.supervision if p.end]


def _version(version: str, evaluate: Evaluate, **dates: date) -> RuleVersion:
    return RuleVersion(
        program="toy",
        version=version,
        title=version,
        citation="Toy 1(a)",
        url=f"https://example.invalid/{version}",
        evaluate=evaluate,
        **dates,
    )


def toy(with_new_version: bool = True) -> Program:
    if with_new_version:
        versions = (
            _version("old", _old, effective_to=date(2024, 5, 29)),
            _version("2024-05-30", _new, effective_from=date(2024, 5, 30)),
        )
    else:
        versions = (_version("only", _old),)
    return Program(id="toy", title="Toy", versions=versions, change_points=_points)


def parolee(end: str) -> Record:
    return Record.model_validate(
        {"supervision": [{"kind": "parole", "start": "2020-01-01", "end": end}]}
    )


def test_version_by_date() -> None:
    program = toy()
    assert program.version_on(date(2024, 5, 29)) is program.versions[0]
    assert program.version_on(date(2024, 5, 30)) is program.versions[1]


def test_new_rule_effective_date_is_the_next_change() -> None:
    # Parole runs to 2030, so only the 2024-05-30 version can change the answer.
    det = evaluate_program(toy(), parolee("2030-01-01"), Context(as_of=date(2024, 5, 29)))
    assert det.outcome is Outcome.eligible_from
    assert det.date == date(2024, 5, 30)
    assert det.next_change == date(2024, 5, 30)


def test_end_of_parole_is_the_next_change_under_one_version() -> None:
    # Parole ends 2025-03-31: the day after, 2025-04-01, the person is no longer on parole.
    det = evaluate_program(
        toy(with_new_version=False), parolee("2025-03-31"), Context(as_of=date(2025, 1, 1))
    )
    assert det.outcome is Outcome.eligible_from
    assert det.date == date(2025, 4, 1)


def test_no_change_ahead() -> None:
    det = evaluate_program(toy(), parolee("2021-01-01"), Context(as_of=date(2024, 6, 1)))
    assert det.outcome is Outcome.eligible
    assert det.next_change is None


def test_no_version_for_the_day_is_needs_review() -> None:
    only_new = Program(id="toy", title="Toy", versions=(toy().versions[1],))
    det = evaluate_program(only_new, parolee("2030-01-01"), Context(as_of=date(2020, 1, 1)))
    assert det.outcome is Outcome.needs_review
    assert "2020-01-01" in (det.reason or "")
