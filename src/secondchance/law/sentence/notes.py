"""What the explanation of one sentence collects, in order: findings with their citations and
rule versions, points for review and missing fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from secondchance.engine.determination import Finding


@dataclass
class Notes:
    """The findings, review points and missing fields of one sentence block, in order."""

    findings: list[Finding] = field(default_factory=list)
    needs_review: list[str] = field(default_factory=list)
    missing_facts: list[str] = field(default_factory=list)

    def add(self, text: str, citation: str, version: str, url: str | None, **used: Any) -> None:
        """A finding: ``text``, the rule's citation and version, and the facts ``used``."""
        self.findings.append(
            Finding(finding=text, facts=used, citation=citation, rule_version=version, url=url)
        )


class NotGathered(str):
    """Why the facts of a term cannot be gathered (the block's ``reason``), carrying the record
    fields collected so far that would let them be (the block's ``missing_facts``)."""

    missing: tuple[str, ...]

    def __new__(cls, reason: str, missing: list[str] | tuple[str, ...] = ()) -> NotGathered:
        made = super().__new__(cls, reason)
        made.missing = tuple(dict.fromkeys(missing))
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (NotGathered, (str(self), self.missing))
