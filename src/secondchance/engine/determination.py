"""What the engine answers: determinations made of findings.

This is the stable JSON contract (``schema_version`` in :class:`Report`): later versions add
keys, never rename them.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field, SerializerFunctionWrapHandler, model_serializer

REPORT_SCHEMA_VERSION = "1.1"
"""1.1 added ``Finding.role`` and, on determinations, ``date_reason``, ``next_change_reason``,
``next_change_outcome``, ``eligible_from_date``, ``eligible_from_reason``, ``pardoned_on`` and
``headline``."""


class Outcome(StrEnum):
    """The honest outcomes. Never a guess: unclear law is ``needs_review``, missing facts are
    ``insufficient_facts``."""

    eligible = "eligible"
    not_eligible = "not_eligible"
    eligible_from = "eligible_from"
    needs_review = "needs_review"
    insufficient_facts = "insufficient_facts"
    not_applicable = "not_applicable"


class FindingRole(StrEnum):
    """What a finding does in the answer: ``decisive`` findings apply the rule to this record;
    ``background`` ones state what is true for everyone (what a pardon does, that a grant is
    discretionary); ``where_to_file`` says where a petition or application goes. Short reports
    show the decisive ones; ``--verbose`` shows all."""

    decisive = "decisive"
    background = "background"
    where_to_file = "where_to_file"


class Finding(BaseModel):
    """One step of an explanation: the facts used, the rule in plain words, its citation."""

    finding: str = Field(description="The rule applied to the facts, in plain words.")
    facts: dict[str, Any] = Field(
        default_factory=dict, description="Record field paths and the values used."
    )
    citation: str = Field(description="E.g. '13 CFR 120.110(n)'.")
    rule_version: str = Field(description="Id of the rule version applied.")
    url: str | None = Field(None, description="Where the rule's text was found.")
    role: FindingRole = Field(
        FindingRole.decisive, description="decisive, background or where_to_file (1.1)."
    )


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
    date_reason: str | None = Field(
        None, description="Why ``date`` is that day, from the rule that set it (1.1)."
    )
    next_change_reason: str | None = Field(
        None, description="Why the answer changes on ``next_change`` (1.1)."
    )
    next_change_outcome: Outcome | None = Field(
        None, description="The answer from ``next_change`` on (1.1)."
    )
    eligible_from_date: dt.date | None = Field(
        None,
        description="The first date on which the answer becomes eligible, given the facts, "
        "whatever the answer now; equal to ``date`` for eligible_from (1.1).",
    )
    eligible_from_reason: str | None = Field(
        None, description="Why ``eligible_from_date`` is that day (1.1)."
    )
    pardoned_on: dt.date | None = Field(
        None,
        description="Where a recorded pardon decided the answer: the day it was granted (1.1).",
    )
    headline: str | None = Field(
        None, description="The answer in one plain sentence, as the report's glance shows it (1.1)."
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
