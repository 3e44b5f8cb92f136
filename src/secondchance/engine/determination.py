"""What the engine answers: determinations made of findings.

This is the stable JSON contract (``schema_version`` in :class:`Report`): later versions add
keys, never rename them.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field, SerializerFunctionWrapHandler, model_serializer

REPORT_SCHEMA_VERSION = "1.0"


class Outcome(StrEnum):
    """The honest outcomes. Never a guess: unclear law is ``needs_review``, missing facts are
    ``insufficient_facts``."""

    eligible = "eligible"
    not_eligible = "not_eligible"
    eligible_from = "eligible_from"
    needs_review = "needs_review"
    insufficient_facts = "insufficient_facts"
    not_applicable = "not_applicable"


class Finding(BaseModel):
    """One step of an explanation: the facts used, the rule in plain words, its citation."""

    finding: str = Field(description="The rule applied to the facts, in plain words.")
    facts: dict[str, Any] = Field(
        default_factory=dict, description="Record field paths and the values used."
    )
    citation: str = Field(description="E.g. '13 CFR 120.110(n)'.")
    rule_version: str = Field(description="Id of the rule version applied.")
    url: str | None = Field(None, description="Where the rule's text was found.")


class Determination(BaseModel):
    """The answer for one program."""

    program: str
    outcome: Outcome
    date: dt.date | None = Field(None, description="For eligible_from: the first eligible date.")
    reason: str | None = Field(None, description="Why, in one sentence.")
    findings: list[Finding] = Field(default_factory=list)
    missing_facts: list[str] = Field(
        default_factory=list, description="Record field paths that would decide the question."
    )
    next_change: dt.date | None = Field(
        None, description="The next date on which this answer would change, given the facts."
    )
    details: dict[str, Any] | None = Field(
        None, description="Program-specific block (e.g. computed sentence dates)."
    )


class Subject(BaseModel):
    name: str | None = None
    bop_register_number: str | None = None
    business: str | None = None


class Report(BaseModel):
    """Everything ``check`` answers for one record."""

    schema_version: str = REPORT_SCHEMA_VERSION
    as_of: dt.date
    application_date: dt.date | None = None
    subject: Subject
    determinations: list[Determination]
    computations: dict[str, dict[str, Any] | None] = Field(
        default_factory=dict,
        description="Blocks of computed facts by id (e.g. the computed sentence); each is a "
        "top-level key of the JSON.",
    )

    def computation(self, computation_id: str) -> dict[str, Any] | None:
        """The block computed under ``computation_id``, if any."""
        return self.computations.get(computation_id)

    @model_serializer(mode="wrap")
    def _flatten(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        data.update(data.pop("computations", None) or {})
        return data
