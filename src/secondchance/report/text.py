"""Plain-text rendering of a report, for people: short, each finding with its citation."""

from __future__ import annotations

from typing import Any

from secondchance.engine.determination import Determination, Outcome, Report

_LABEL = {
    Outcome.eligible: "ELIGIBLE",
    Outcome.not_eligible: "NOT ELIGIBLE",
    Outcome.eligible_from: "ELIGIBLE FROM",
    Outcome.needs_review: "NEEDS REVIEW",
    Outcome.insufficient_facts: "INSUFFICIENT FACTS",
    Outcome.not_applicable: "NOT APPLICABLE",
}


def outcome_line(det: Determination) -> str:
    label = _LABEL[det.outcome]
    if det.date is not None:
        label += f" {det.date.isoformat()}"
    return f"{det.program}: {label}"


def render_determination(det: Determination) -> list[str]:
    lines = [outcome_line(det)]
    if det.reason:
        lines.append(f"  {det.reason}")
    for finding in det.findings:
        lines.append(f"  - {finding.finding} [{finding.citation}]")
    if det.missing_facts:
        lines.append("  Facts that would decide it: " + ", ".join(det.missing_facts))
    if det.next_change:
        lines.append(f"  Next change: {det.next_change.isoformat()}")
    return lines


def render_sentence(block: dict[str, Any]) -> list[str]:
    """The sentence block (``check`` and ``secondchance sentence``): dates, then findings."""
    lines = [f"Sentence computation as of {block['as_of']}: {block.get('status', 'computed')}"]
    if "reason" in block:
        return [*lines, f"  {block['reason']}"]
    fsa = block["fsa"]
    for label, key, where in (
        ("Term (days)", "term_days", block),
        ("Commenced", "commenced_on", block),
        ("Prior custody days", "prior_custody_days", block),
        ("Full term date", "full_term_date", block),
        ("Good conduct time (days)", "gct_days", block),
        ("GCT release date", "gct_release_date", block),
        ("Release on weekday", "release_weekday_date", block),
        ("FSA: may earn credits", "eligible", fsa),
        ("FSA: credits (days)", "credits_days", fsa),
        ("FSA: to supervised release", "supervised_release_credit_days", fsa),
        ("FSA: to prerelease custody", "prerelease_custody_credit_days", fsa),
        ("FSA: prerelease custody date", "prerelease_custody_date", fsa),
        ("FSA: release date", "release_date", fsa),
    ):
        shown = where.get(key)
        lines.append(f"  {label}: {'-' if shown is None else shown}")
    if fsa.get("projection"):
        lines.append(f"  Projection: {fsa['projection']}")
    for finding in block["findings"]:
        lines.append(f"  - {finding['finding']} [{finding['citation']}]")
    if block["missing_facts"]:
        lines.append("  Facts that would decide it: " + ", ".join(block["missing_facts"]))
    for why in block["needs_review"]:
        lines.append(f"  Needs review: {why}")
    return lines


def render_report(report: Report) -> str:
    who = report.subject.name or report.subject.bop_register_number or "(unnamed)"
    head = [f"secondchance report for {who}, as of {report.as_of.isoformat()}"]
    if report.subject.business:
        head.append(f"Business: {report.subject.business}")
    if report.application_date:
        head.append(f"Application date: {report.application_date.isoformat()}")
    body: list[str] = []
    for det in report.determinations:
        body.append("")
        body.extend(render_determination(det))
    if report.sentence is not None:
        body.append("")
        body.extend(render_sentence(report.sentence))
    return "\n".join(head + body) + "\n"
