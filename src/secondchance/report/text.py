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
        ("FSA: eligible for time credits", "eligible", fsa),
        ("FSA: credits earned (days)", "credits_days", fsa),
        ("FSA: credits applied (days)", "credits_applied_days", fsa),
        ("FSA: days not earning", "non_earning_days", fsa),
        ("FSA: to supervised release", "supervised_release_credit_days", fsa),
        ("FSA: to prerelease custody", "prerelease_custody_credit_days", fsa),
        ("FSA: prerelease custody date", "prerelease_custody_date", fsa),
        ("FSA: release date", "release_date", fsa),
        ("FSA: release on weekday", "release_weekday_date", fsa),
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


def _summary_line(det: Determination, width: int) -> str:
    label = _LABEL[det.outcome]
    if det.date is not None:
        label += f" {det.date.isoformat()}"
    if det.next_change is not None and det.next_change != det.date:
        label += f" (changes {det.next_change.isoformat()})"
    return f"  {det.program.ljust(width)}  {label}"


def _grouped_not_applicable(report: Report) -> dict[str, list[str]]:
    """Programs that do not concern the record, grouped by their shared reason."""
    groups: dict[str, list[str]] = {}
    for det in report.determinations:
        if det.outcome is Outcome.not_applicable and not det.findings and det.reason:
            groups.setdefault(det.reason, []).append(det.program)
    return {reason: programs for reason, programs in groups.items() if len(programs) > 1}


def _release_glance(block: dict[str, Any]) -> list[str]:
    """One line a family can read first: the projected release dates."""
    release = block.get("gct_release_date")
    if release is None:
        return []
    if block.get("released_on"):
        line = (
            f"  Released on {block['released_on']} (per the record); for comparison, release "
            f"with good conduct time computed: {release}"
        )
    else:
        line = f"  Projected release with good conduct time: {release}"
    fsa = block.get("fsa") or {}
    if fsa.get("release_date"):
        line += f"; with First Step Act time credits: {fsa['release_date']}"
        if fsa.get("prerelease_custody_date"):
            line += f" (prerelease custody from {fsa['prerelease_custody_date']})"
    return [line + " (see the sentence computation below)"]


def render_report(report: Report) -> str:
    who = report.subject.name or report.subject.bop_register_number or "(unnamed)"
    lines = [f"secondchance report for {who}, as of {report.as_of.isoformat()}"]
    if report.subject.business:
        lines.append(f"Business: {report.subject.business}")
    if report.application_date:
        lines.append(f"Application date: {report.application_date.isoformat()}")
    grouped = _grouped_not_applicable(report)
    folded = {program for programs in grouped.values() for program in programs}
    shown = [det for det in report.determinations if det.program not in folded]
    width = max((len(det.program) for det in shown), default=0)
    lines += ["", "At a glance:"]
    lines += [_summary_line(det, width) for det in shown]
    for reason, programs in grouped.items():
        lines.append(f"  Not applicable ({', '.join(programs)}): {reason}")
    sentence = report.computation("sentence")
    if sentence is not None:
        lines.extend(_release_glance(sentence))
    for det in shown:
        lines.append("")
        lines.extend(render_determination(det))
    if sentence is not None:
        lines.append("")
        lines.extend(render_sentence(sentence))
    return "\n".join(lines) + "\n"
