"""Plain-text rendering of a report, for people: short, each finding with its citation."""

from __future__ import annotations

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
    return "\n".join(head + body) + "\n"
