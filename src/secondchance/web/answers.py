"""Reading what a person typed into the record's forms: dates as people write them ("June
2018", "around 2015", "3/14/2021"), yes/no, terms, numbers. Dates come out in record format
1.1 ("YYYY-MM-DD", "YYYY-MM" or "YYYY")."""

from __future__ import annotations

import re
from datetime import date

from secondchance.record.terms import TermError, parse_term_text

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_HEDGES = re.compile(r"^(around|about|approximately|approx\.?|circa|ca\.?|c\.|early|late|mid)\s+")


class AnswerError(ValueError):
    """The answer cannot be read; the message says how to write it."""


def _checked(year: int, month: int | None = None, day: int | None = None) -> str:
    if not 1900 <= year <= 2200:
        raise AnswerError(f"{year} is not a year a record may hold (1900-2200)")
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        raise AnswerError(f"{month} is not a month")
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise AnswerError(f"{year}-{month:02d}-{day:02d} is not a day on the calendar") from None


def parse_date_answer(text: str) -> str:
    """A date as a person writes it → record form. Precision is never invented: "June 2018"
    stays a month ("2018-06"), "2015" stays a year."""
    value = _HEDGES.sub("", " ".join(text.strip().lower().replace(",", " ").split()))
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value):
        return _checked(int(match[1]), int(match[2]), int(match[3]))
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})", value):
        return _checked(int(match[1]), int(match[2]))
    if match := re.fullmatch(r"(\d{4})", value):
        return _checked(int(match[1]))
    if match := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value):
        return _checked(int(match[3]), int(match[1]), int(match[2]))
    if match := re.fullmatch(r"(\d{1,2})/(\d{4})", value):
        return _checked(int(match[2]), int(match[1]))
    match = re.fullmatch(r"([a-z]+)\.?\s+(\d{1,2})\s+(\d{4})", value)
    if match and match[1] in MONTHS:
        return _checked(int(match[3]), MONTHS[match[1]], int(match[2]))
    if (match := re.fullmatch(r"([a-z]+)\.?\s+(\d{4})", value)) and match[1] in MONTHS:
        return _checked(int(match[2]), MONTHS[match[1]])
    raise AnswerError(
        f"{text.strip()[:40]!r} is not a date we can read: write 2018-06-15, June 2018, or 2018"
    )


def parse_bool_answer(text: str) -> bool:
    value = text.strip().lower()
    if value in ("yes", "true", "y"):
        return True
    if value in ("no", "false", "n"):
        return False
    raise AnswerError("answer yes or no (or choose “I don't know”)")


def parse_term_answer(text: str) -> str:
    value = " ".join(text.strip().split())
    try:
        parse_term_text(value)
    except (TermError, ValueError) as exc:
        raise AnswerError(f"{value[:40]!r}: {exc}") from None
    return value


def parse_number_answer(text: str) -> float:
    value = text.strip().rstrip("%").strip()
    try:
        number = float(value)
    except ValueError:
        raise AnswerError(f"{text.strip()[:20]!r} is not a number") from None
    if not 0 <= number <= 100:
        raise AnswerError("a percentage is between 0 and 100")
    return number


def parse_money_answer(text: str) -> float:
    """An amount in dollars: "$1,250.50" → 1250.5."""
    value = text.strip().lstrip("$").replace(",", "").strip()
    try:
        number = float(value)
    except ValueError:
        raise AnswerError(f"{text.strip()[:20]!r} is not an amount in dollars") from None
    if not 0 <= number < 10**12:
        raise AnswerError("an amount is a number of dollars, 0 or more")
    return number
