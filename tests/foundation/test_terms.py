"""Terms as courts write them (record/terms.py)."""

import pytest
from pydantic import ValidationError

from secondchance.record.terms import Term


@pytest.mark.parametrize(
    ("text", "years", "months", "days"),
    [
        ("60 months", 0, 60, 0),
        ("5 years 3 months", 5, 3, 0),
        ("12 months 1 day", 0, 12, 1),
        ("400 days", 0, 0, 400),
        ("1 year and 1 day", 1, 0, 1),
        ("2 Years, 6 Months", 2, 6, 0),
    ],
)
def test_court_units_are_kept(text: str, years: int, months: int, days: int) -> None:
    term = Term.model_validate(text)
    assert (term.years, term.months, term.days, term.life) == (years, months, days, False)


def test_life() -> None:
    assert Term.model_validate("life").life is True
    assert str(Term.model_validate("life")) == "life"


def test_mapping_form_and_total_months() -> None:
    # 5 years 3 months = 5 * 12 + 3 = 63 months.
    assert Term.model_validate({"years": 5, "months": 3}).total_months == 63


@pytest.mark.parametrize(
    "text", ["-5 months", "5 weeks", "60", "life and 5 years", "3 months 2 months", ""]
)
def test_unreadable_terms_are_rejected(text: str) -> None:
    with pytest.raises(ValidationError):
        Term.model_validate(text)


def test_negative_mapping_rejected() -> None:
    with pytest.raises(ValidationError):
        Term.model_validate({"months": -1})


def test_life_with_years_rejected() -> None:
    with pytest.raises(ValidationError):
        Term.model_validate({"life": True, "years": 2})


@pytest.mark.parametrize("text", ["1001 years", "9999999999999999999999 days", "12012 months"])
def test_terms_beyond_the_calendar_are_rejected(text: str) -> None:
    # 1001 years > 1000; 12,012 months = 1001 years; the day count is far beyond either.
    with pytest.raises(ValidationError, match="over 1000 years"):
        Term.model_validate(text)


def test_a_thousand_years_is_still_a_term() -> None:
    assert Term.model_validate("1000 years").years == 1000
