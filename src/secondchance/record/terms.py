"""Terms of imprisonment, probation and supervised release as courts write them.

A term is kept in the units the court used (years, months, days) because the law counts them
that way: a term of N months ends on the day before the N-month anniversary (18 U.S.C. 3585 and
the Bureau's computation practice), which a count of days cannot say.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StrictBool,
    StrictInt,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from secondchance.record.limits import MAX_NUMBER_DIGITS, MAX_TERM_CHARS
from secondchance.safe_text import shown

_TOKEN = re.compile(r"[0-9]+|[a-z]+|[^\sa-z0-9,]", re.ASCII)
"""A run of ASCII digits, a run of ASCII letters, or any other single visible character: each
match is one step forward, so reading a term is linear in its length."""
_UNITS = {
    "year": "years", "years": "years", "yr": "years", "yrs": "years",
    "month": "months", "months": "months", "mo": "months", "mos": "months",
    "day": "days", "days": "days",
}  # fmt: skip
_HOW = (
    "write it as courts do, e.g. '60 months', '5 years 3 months', '12 months 1 day', "
    "'400 days' or 'life'"
)


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

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """A term is written as text or as a mapping: the schema says both, as the loader reads."""
        mapping = handler.resolve_ref_schema(handler(core_schema))
        text = {
            "type": "string",
            "maxLength": MAX_TERM_CHARS,
            "description": "As courts write it: '60 months', '5 years 3 months', '12 months 1 "
            "day', '400 days' or 'life' (ASCII digits).",
        }
        return {"anyOf": [text, mapping], "title": "Term", "description": mapping["description"]}

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
    """Read "5 years 3 months", "12 months 1 day", "400 days" or "life" into Term fields.

    Only ASCII digits count as digits (a term in other scripts' digits is refused, not read),
    and a number has at most ``MAX_NUMBER_DIGITS`` digits.
    """
    if len(text) > MAX_TERM_CHARS:
        raise TermError(f"a term of {len(text):,} characters cannot be read; {_HOW}")
    return dict(_term_fields(text))


@lru_cache(maxsize=4096)
def _term_fields(text: str) -> tuple[tuple[str, Any], ...]:
    """:func:`parse_term_text` of a short text, remembered (the same terms recur across
    records); a text that cannot be read raises each time."""
    cleaned = " ".join(text.lower().split())
    if cleaned in {"life", "life imprisonment", "life without parole"}:
        return (("life", True),)
    tokens = [t for t in _TOKEN.findall(cleaned) if t != "and"]
    if "-" in tokens:
        raise TermError(f"a term cannot be negative: {shown(text)}")
    fields: dict[str, int] = {}
    for number, unit in zip(tokens[::2], tokens[1::2], strict=False):
        key = _UNITS.get(unit)
        if not number.isdigit() or not number.isascii() or key is None:
            raise TermError(f"cannot read term {shown(text)}: {_HOW}")
        if len(number.lstrip("0")) > MAX_NUMBER_DIGITS:
            raise TermError(
                f"a term over {MAX_TERM_YEARS} years cannot be computed (a number of more "
                f"than {MAX_NUMBER_DIGITS} digits); write 'life'"
            )
        if key in fields:
            raise TermError(f"term {shown(text)} names {key} twice")
        fields[key] = int(number)
    if not fields or len(tokens) % 2:
        raise TermError(f"cannot read term {shown(text)}: {_HOW}")
    return tuple(fields.items())
