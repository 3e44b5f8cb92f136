"""The case file format: a record (or a sentence), the dates asked, the answers expected, and
where those answers come from.

A lawyer adds a case by writing one YAML file under ``cases/<body of law>/<rule>/``;
docs/cases.md explains every key. One file holds one case, or several under ``cases:`` that
share the keys given under ``defaults:``.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, model_validator

from secondchance.record.schema import RiskLevel


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceKind(StrEnum):
    """Where the expected answer comes from."""

    official_example = "official_example"
    """A worked example published by the agency or in the Federal Register."""
    court_decision = "court_decision"
    """A court's decision; ``citation`` names it."""
    worked_by_hand = "worked_by_hand"
    """Worked from the rule's text; ``working`` shows the steps."""


class Source(_Strict):
    kind: SourceKind
    citation: str | None = Field(None, description="The example, decision or rule relied on.")
    url: str | None = None
    working: str | None = Field(None, description="The arithmetic or reasoning, step by step.")

    @model_validator(mode="after")
    def _explained(self) -> Source:
        if self.kind is SourceKind.worked_by_hand and not self.working:
            raise ValueError("a case worked by hand shows its working under `working`")
        if self.kind is not SourceKind.worked_by_hand and not self.citation:
            kind = self.kind.value.replace("_", " ")
            raise ValueError(f"a case from a {kind} names its citation")
        return self


class SentenceInput(_Strict):
    """The facts ``secondchance sentence`` takes, for a case about one sentence's dates."""

    term: str
    commenced: date
    arrived: date | None = None
    prior_custody_days: StrictInt = Field(0, ge=0)
    supervised_release: str | None = None
    fsa_risk: RiskLevel | None = None
    fsa_ineligible: StrictBool = False


class Case(_Strict):
    """One question and its expected answers."""

    title: str
    source: Source
    record: str | dict[str, Any] | None = Field(
        None, description="A record file's path (relative to the case file) or the record inline."
    )
    sentence: SentenceInput | None = None
    as_of: date
    application_date: date | None = None
    expect: dict[str, dict[str, Any]] = Field(
        description="Per program id (e.g. `sba.7a`): outcome, date, next_change, missing_facts, "
        "reason_contains. Under `sentence`: fields of the computed sentence (dotted for nested)."
    )

    @model_validator(mode="after")
    def _one_subject(self) -> Case:
        if (self.record is None) == (self.sentence is None):
            raise ValueError("a case has either a `record` or a `sentence`, not both or neither")
        if self.sentence is not None and set(self.expect) - {"sentence"}:
            raise ValueError("a `sentence` case expects only `sentence` fields")
        if not self.expect:
            raise ValueError("`expect` names at least one answer")
        return self
