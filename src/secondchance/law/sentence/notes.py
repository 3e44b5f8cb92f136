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
