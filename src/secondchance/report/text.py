"""Plain-text rendering of a report, for people: short, each finding with its citation.

By default the report shows what decides each answer: the glance (each program's answer in one
sentence, the date it becomes eligible and why that day), the programs that do not concern the
record in one line each with their cited reason, and for each program that does, its reason and
the findings that apply the rule to this record. ``verbose`` adds everything: findings true for
everyone (what a pardon does), where to file, every step of the sentence computation.
"""

from __future__ import annotations

from typing import Any

from secondchance.engine.determination import Determination, FindingRole, Outcome, Report
from secondchance.engine.glance import LABEL, headline
from secondchance.safe_text import escape

_LABEL = LABEL
SHORT_FINDINGS = 2
"""Findings shown per program in the short report (the rest: ``--verbose``)."""

_FILING_OUTCOMES = (
    Outcome.eligible,
    Outcome.eligible_from,
    Outcome.needs_review,
    Outcome.insufficient_facts,
)


def _plain(value: Any) -> str:
    """A value as a person reads it: yes/no for booleans, '-' for nothing."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def outcome_line(det: Determination) -> str:
    label = _LABEL[det.outcome]
    if det.date is not None:
        label += f" {det.date.isoformat()}"
    return f"{det.program}: {label}"


def _shown(det: Determination, verbose: bool) -> tuple[list[str], int]:
    """The finding lines shown, and how many are left to ``--verbose``."""
    if verbose:
        return [f"  - {f.finding} [{f.citation}]" for f in det.findings], 0
    filing = det.outcome in _FILING_OUTCOMES
    decisive = [f for f in det.findings if f.role is FindingRole.decisive]
    decisive.sort(key=lambda f: not f.facts)  # this record's facts first, the rule's text after
    where = [f for f in det.findings if f.role is FindingRole.where_to_file and filing]
    kept = decisive[:SHORT_FINDINGS] + where
    lines = [f"  - {f.finding} [{f.citation}]" for f in kept]
    return lines, len(det.findings) - len(kept)


def render_determination(det: Determination, verbose: bool = True) -> list[str]:
    lines = [f"{det.program}: {det.headline}" if det.headline else outcome_line(det)]
    said = bool(det.headline and det.reason and det.reason in det.headline)
    if det.reason and not said:
        lines.append(f"  {det.reason}")
    shown, hidden = _shown(det, verbose)
    if said:
        # The headline already gives the reason (NOT APPLICABLE: ...): a finding saying only
        # the same words adds its citation to that line instead of repeating them.
        same = [f"  - {f.finding} [{f.citation}]" for f in det.findings if f.finding == det.reason]
        if same and same[0] in shown:
            lines[0] += same[0][len(f"  - {det.reason}") :]
            shown = [line for line in shown if line != same[0]]
    lines += shown
    if hidden:
        lines.append(f"  ({hidden} more finding{'s' if hidden > 1 else ''}: --verbose)")
    if det.missing_facts:
        lines.append("  Facts that would decide it: " + ", ".join(det.missing_facts))
    if det.next_change and (verbose or not det.headline):
        why = f" ({det.next_change_reason})" if det.next_change_reason else ""
        lines.append(f"  Next change: {det.next_change.isoformat()}{why}")
    return lines


_SENTENCE_ROWS = (
    ("Term (days)", "term_days", False),
    ("Commenced", "commenced_on", False),
    ("Prior custody days", "prior_custody_days", False),
    ("Full term date", "full_term_date", False),
    ("Good conduct time (days)", "gct_days", False),
    ("GCT release date", "gct_release_date", False),
    ("Release on weekday", "release_weekday_date", False),
    ("FSA: eligible for time credits", "eligible", True),
    ("FSA: credits earned (days)", "credits_days", True),
    ("FSA: credits applied (days)", "credits_applied_days", True),
    ("FSA: days not earning", "non_earning_days", True),
    ("FSA: to supervised release", "supervised_release_credit_days", True),
    ("FSA: to prerelease custody", "prerelease_custody_credit_days", True),
    ("FSA: prerelease custody date", "prerelease_custody_date", True),
    ("FSA: release date", "release_date", True),
    ("FSA: release on weekday", "release_weekday_date", True),
)


def render_sentence(block: dict[str, Any], verbose: bool = True) -> list[str]:
    """The sentence block (``check`` and ``secondchance sentence``): dates, then findings. Short
    (``verbose`` false): only the dates computed, no steps."""
    status = str(block.get("status", "computed")).replace("_", " ")
    lines = [f"Sentence computation as of {block['as_of']}: {status}"]
    if "reason" in block:
        lines.append(f"  {block['reason']}")
        if block.get("missing_facts"):
            lines.append("  Facts that would decide it: " + ", ".join(block["missing_facts"]))
        return [escape(line) for line in lines]
    fsa = block["fsa"]
    for label, key, in_fsa in _SENTENCE_ROWS:
        shown = (fsa if in_fsa else block).get(key)
        if verbose or shown is not None:
            lines.append(f"  {label}: {_plain(shown)}")
    if fsa.get("projection"):
        lines.append(f"  Projection: {fsa['projection']}")
    lines += _extra_sentence_rows(block, verbose)
    if verbose:
        for finding in block["findings"]:
            lines.append(f"  - {finding['finding']} [{finding['citation']}]")
    elif block["findings"]:
        lines.append(f"  ({len(block['findings'])} computation steps: --verbose)")
    if block["missing_facts"]:
        lines.append("  Facts that would decide it: " + ", ".join(block["missing_facts"]))
    for why in block["needs_review"]:
        lines.append(f"  Needs review: {why}")
    return [escape(line) for line in lines]


def _extra_sentence_rows(block: dict[str, Any], verbose: bool = True) -> list[str]:
    """Rows of the RDAP reduction (3621(e)) and the Second Chance Act window (3624(c))."""
    rows: list[tuple[str, str, dict[str, Any]]] = []
    rdap = block.get("rdap")
    if rdap:
        rows += [
            ("RDAP early release", "status", rdap),
            ("RDAP: reduction (months)", "reduction_months", rdap),
            ("RDAP: release date", "release_date", rdap),
        ]
        if rdap.get("if_eligible"):
            rows.append(("RDAP: release date if eligible", "release_date", rdap["if_eligible"]))
    placement = block.get("placement")
    if placement:
        rows += [
            ("Second Chance Act: RRC from (earliest)", "rrc_earliest_date", placement),
            (
                "Second Chance Act: home confinement from",
                "home_confinement_earliest_date",
                placement,
            ),
            (
                "Second Chance Act window and FSA prerelease credits together: from (earliest)",
                "combined_earliest_date",
                placement,
            ),
        ]
    return [
        f"  {label}: {_plain(where.get(key))}"
        for label, key, where in rows
        if verbose or where.get(key) is not None
    ]


def _summary_line(det: Determination, width: int, report: Report) -> str:
    said = det.headline or headline(det, report.application_date or report.as_of)
    return f"  {det.program.ljust(width)}  {said}"


def _not_applicable(report: Report) -> list[str]:
    """Programs that do not concern the record: one line per reason, with its citation."""
    groups: dict[str, tuple[list[str], dict[str, None]]] = {}
    for det in report.determinations:
        if det.outcome is Outcome.not_applicable and det.pardoned_on is None:
            why = det.reason or (det.findings[0].finding if det.findings else "")
            programs, cited = groups.setdefault(why, ([], {}))
            programs.append(det.program)
            cited.update((f.citation, None) for f in det.findings if f.role is FindingRole.decisive)
    lines = []
    for why, (programs, cited) in groups.items():
        cite = f" [{'; '.join(cited)}]" if cited else ""
        lines.append(f"  Not applicable ({', '.join(programs)}): {why}{cite}")
    return lines


def release_sentence(block: dict[str, Any]) -> str | None:
    """The projected release dates in one sentence, as the report's glance says them (the web
    pages say them in the same words): with good conduct time, with the RDAP reduction, with
    First Step Act time credits and the prerelease custody date; ``None`` when not computed."""
    release = block.get("gct_release_date")
    if release is None:
        return None
    if block.get("released_on"):
        line = (
            f"Released on {block['released_on']} (per the record); for comparison, release "
            f"with good conduct time computed: {release}"
        )
    else:
        line = f"Projected release with good conduct time: {release}"
    rdap = block.get("rdap") or {}
    if rdap.get("release_date"):
        line += f"; with the RDAP reduction: {rdap['release_date']}"
    fsa = block.get("fsa") or {}
    if fsa.get("release_date"):
        line += f"; with First Step Act time credits: {fsa['release_date']}"
        if fsa.get("prerelease_custody_date"):
            line += f" (prerelease custody from {fsa['prerelease_custody_date']})"
    return line


def review_count(block: dict[str, Any]) -> str | None:
    """ "NEEDS REVIEW (n points" when the computation lists points for review: its dates are
    then never to be read alone."""
    reviewed = block.get("needs_review") or []
    if not reviewed:
        return None
    return f"NEEDS REVIEW ({len(reviewed)} point{'s' if len(reviewed) > 1 else ''}"


def release_passed(block: dict[str, Any]) -> str | None:
    """A note when the earliest projected release has passed while the record shows none; else
    when the projected prerelease custody date has passed (the person may be overdue for a
    halfway house or home confinement, 18 U.S.C. 3624(g))."""
    release = block.get("gct_release_date")
    rdap, fsa = block.get("rdap") or {}, block.get("fsa") or {}
    if release is None or block.get("released_on"):
        return None
    as_of = str(block.get("as_of", ""))
    # a date the computation itself calls unsettled is never a reason to ask the Bureau alone
    unsettled = (
        " First settle the points for review: the date rests on them."
        if review_count(block)
        else ""
    )
    earliest = min(d for d in (release, rdap.get("release_date"), fsa.get("release_date")) if d)
    if earliest < as_of:
        return (
            f"{earliest} is already past and the record shows no release: ask the Bureau "
            f"why (a reduction or credits not applied, or a fact this record lacks).{unsettled}"
        )
    prerelease = fsa.get("prerelease_custody_date")
    if prerelease and prerelease < as_of:
        return (
            f"The prerelease custody date {prerelease} is already past: if the person is not "
            "yet in a residential reentry center (halfway house) or on home confinement, ask "
            f"the Bureau why (credits not applied, or a fact this record lacks).{unsettled}"
        )
    return None


def _release_glance(block: dict[str, Any], shown: bool = True) -> list[str]:
    """One line a family can read first: the projected release dates, and a note when the
    earliest of them has passed while the record shows no release."""
    if "reason" in block:
        if block.get("custody_ended_on"):
            return []  # already out: no release date to offer
        where = "see the sentence computation below" if shown else "the computation: --verbose"
        return [f"  Release date: not computed — needs review ({where})"]
    line = release_sentence(block)
    if line is None:
        return []
    where = "see the sentence computation below" if shown else "the computation: --verbose"
    review = review_count(block)
    # never a date read alone when the computation itself says it is unsettled
    lines = [f"  {line} — {review}: {where})" if review else f"  {line} ({where})"]
    passed = release_passed(block)
    if passed:
        lines.append(f"  {passed}")
    return lines


def _sentence_matters(block: dict[str, Any]) -> bool:
    """A released person's computation answers nothing they still face: short reports leave it
    to ``--verbose``. One that gives no date says why (the person needs to know it is not
    settled, and what would settle it)."""
    return not block.get("released_on") and not block.get("custody_ended_on")


def render_report(report: Report, verbose: bool = False) -> str:
    who = report.subject.name or report.subject.bop_register_number or "(unnamed)"
    lines = [f"secondchance report for {who}, as of {report.as_of.isoformat()}"]
    if report.subject.business:
        lines.append(f"Business: {report.subject.business}")
    if report.application_date:
        lines.append(f"Application date: {report.application_date.isoformat()}")
    applies = [
        d
        for d in report.determinations
        if d.outcome is not Outcome.not_applicable or d.pardoned_on is not None
    ]
    shown = report.determinations if verbose else applies
    width = max((len(det.program) for det in applies), default=0)
    lines += ["", "At a glance:"]
    lines += [_summary_line(det, width, report) for det in applies]
    lines += _not_applicable(report)
    block = report.computation("sentence")
    if block is not None:
        lines.extend(_release_glance(block, verbose or _sentence_matters(block)))
    for det in shown:
        lines.append("")
        lines.extend(render_determination(det, verbose))
    if block is not None and (verbose or _sentence_matters(block)):
        lines.append("")
        lines.extend(render_sentence(block, verbose))
    if not verbose:
        lines += ["", "Every finding, what each grant does, and each step: --verbose."]
    return "\n".join(escape(line) for line in lines) + "\n"
