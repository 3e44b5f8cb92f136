"""Properties of the whole engine over any valid record."""

from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.api import evaluate
from secondchance.law.registry import all_programs
from secondchance.record import validate

from .strategies import person_records, records

AS_OF = st.integers(0, 365 * 45).map(lambda n: date(1990, 1, 1) + timedelta(days=n))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=records(), as_of=AS_OF)
def test_one_determination_per_program_and_never_raises(data: dict[str, Any], as_of: date) -> None:
    report = evaluate(validate(data, "generated"), as_of=as_of)
    assert [d.program for d in report.determinations] == [p.id for p in all_programs()]
    for det in report.determinations:
        if det.outcome == "eligible_from":
            assert det.date is not None
        if det.outcome == "insufficient_facts":
            assert det.missing_facts
        if det.next_change is not None:
            # The next change lies after the decisive day (application date or as-of date).
            assert det.next_change > min(as_of, report.application_date or as_of)


def _without_unmentioned_facts(data: dict[str, Any]) -> dict[str, Any]:
    """The same record with facts no rule reads changed: the name and register number (read
    only against the official grant register, which lists none of the names drawn here)."""
    changed = dict(data)
    changed["person"] = {**data["person"], "name": "Someone Else"}
    changed["person"]["bop_register_number"] = "99999-999"
    return changed


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=records(), as_of=AS_OF)
def test_outcome_ignores_facts_no_rule_mentions(data: dict[str, Any], as_of: date) -> None:
    first = evaluate(validate(data, "a"), as_of=as_of)
    second = evaluate(validate(_without_unmentioned_facts(data), "b"), as_of=as_of)
    for a, b in zip(first.determinations, second.determinations, strict=True):
        assert (a.outcome, a.date, a.next_change, a.missing_facts) == (
            b.outcome,
            b.date,
            b.next_change,
            b.missing_facts,
        )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=records(), as_of=AS_OF)
def test_person_programs_ignore_the_business(data: dict[str, Any], as_of: date) -> None:
    """Clemency and sentence answers are about the person: the business section never matters."""
    alone = {k: v for k, v in data.items() if k not in ("business", "application_date")}
    with_biz = evaluate(validate(data, "a"), as_of=as_of)
    without = evaluate(validate(alone, "b"), as_of=as_of)
    for a, b in zip(with_biz.determinations, without.determinations, strict=True):
        if not a.program.startswith("sba."):
            assert (a.outcome, a.date, a.next_change) == (b.outcome, b.date, b.next_change)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=records(), other=person_records(), as_of=AS_OF)
def test_sba_answers_rest_on_the_business_alone(
    data: dict[str, Any], other: dict[str, Any], as_of: date
) -> None:
    """SBA rules test the people of the business (13 CFR 120.10, 115.13, 123.101): swapping the
    top-level person's own history for another never changes an SBA answer."""
    swapped = {**data, **other}
    first = evaluate(validate(data, "a"), as_of=as_of)
    second = evaluate(validate(swapped, "b"), as_of=as_of)
    for a, b in zip(first.determinations, second.determinations, strict=True):
        if a.program.startswith("sba."):
            assert (a.outcome, a.date, a.next_change, a.missing_facts) == (
                b.outcome,
                b.date,
                b.next_change,
                b.missing_facts,
            )
