"""Terms of imprisonment, probation and supervised release as courts write them.

A term is kept in the units the court used (years, months, days) because the law counts them
that way: a term of N months ends on the day before the N-month anniversary (18 U.S.C. 3585 and
the Bureau's computation practice), which a count of days cannot say.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, model_validator

_UNIT = re.compile(r"(\d+)\s*(years?|yrs?|months?|mos?|days?)\b", re.IGNORECASE)
_UNIT_KEY = {"y": "years", "m": "months", "d": "days"}


MAX_TERM_YEARS = 1000
"""The longest term the calendar can carry from the latest date a record may hold (2200)."""


class TermError(ValueError):
    """A term that cannot be read."""


class Term(BaseModel):
    """A length of time in court units, or life.

    Written in a record as a string ("60 months", "5 years 3 months", "12 months 1 day",
    "400 days", "life") or as a mapping (``{years: 5, months: 3}``).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    years: StrictInt = Field(0, ge=0, description="Whole years.")
    months: StrictInt = Field(0, ge=0, description="Whole months.")
    days: StrictInt = Field(0, ge=0, description="Days.")
    life: StrictBool = Field(False, description="A term of life.")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            return parse_term_text(value)
        return value

    @model_validator(mode="after")
    def _life_alone(self) -> Term:
        if self.life and (self.years or self.months or self.days):
            raise ValueError("a life term cannot also have years, months or days")
        return self

    @model_validator(mode="after")
    def _on_the_calendar(self) -> Term:
        # About 365.25 days a year: a longer term would run past any calendar a date can hold.
        if self.total_months / 12 + self.days / 365.25 > MAX_TERM_YEARS:
            raise ValueError(f"a term over {MAX_TERM_YEARS} years cannot be computed; write 'life'")
        return self

    @property
    def is_zero(self) -> bool:
        return not self.life and not (self.years or self.months or self.days)

    @property
    def total_months(self) -> int:
        """Years and months as months (days not included)."""
        return self.years * 12 + self.months

    def __str__(self) -> str:
        if self.life:
            return "life"
        parts = []
        for n, unit in ((self.years, "year"), (self.months, "month"), (self.days, "day")):
            if n:
                parts.append(f"{n} {unit}{'s' if n != 1 else ''}")
        return " ".join(parts) or "0 days"


def parse_term_text(text: str) -> dict[str, Any]:
    """Read "5 years 3 months", "12 months 1 day", "400 days" or "life" into Term fields."""
    cleaned = text.strip().lower().replace(",", " ").replace(" and ", " ")
    if cleaned in {"life", "life imprisonment", "life without parole"}:
        return {"life": True}
    if re.search(r"-\s*\d", cleaned):
        raise TermError(f"a term cannot be negative: {text!r}")
    fields: dict[str, int] = {}
    position = 0
    for match in _UNIT.finditer(cleaned):
        if cleaned[position : match.start()].strip():
            raise TermError(f"cannot read term {text!r}")
        key = _UNIT_KEY[match.group(2)[0]]
        if key in fields:
            raise TermError(f"term {text!r} names {key} twice")
        fields[key] = int(match.group(1))
        position = match.end()
    if not fields or cleaned[position:].strip():
        raise TermError(
            f"cannot read term {text!r}: write it as courts do, e.g. '60 months', "
            "'5 years 3 months', '12 months 1 day', '400 days' or 'life'"
        )
    return fields
