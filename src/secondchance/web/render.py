"""Jinja2 templates (autoescaped) and the values every page needs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from secondchance.engine import Determination, Report
from secondchance.engine.determination import Outcome
from secondchance.engine.glance import label
from secondchance.law.registry import all_programs
from secondchance.report.text import release_passed, release_sentence, review_count
from secondchance.web.plain import plain_fact, plain_paths
from secondchance.web.security import csrf_token, signed_in

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")

OUTCOME_WORDS = {
    "eligible": "Eligible",
    "not_eligible": "Not eligible",
    "eligible_from": "Eligible from a date",
    "needs_review": "Needs a closer look",
    "insufficient_facts": "More facts needed",
    "not_applicable": "Does not apply",
}
PROGRAM_WORDS = {
    "sba.7a": "SBA 7(a) loan",
    "sba.504": "SBA 504 loan",
    "sba.microloan": "SBA Microloan",
    "sba.ilp": "SBA Intermediary Lending Pilot",
    "sba.surety_bond": "SBA surety bond guarantee",
    "sba.disaster": "SBA disaster loan",
    "clemency.pardon_petition": "Petition for a presidential pardon",
    "clemency.commutation_petition": "Petition for commutation of sentence",
    "clemency.marijuana_pardon": "Marijuana pardon proclamations",
    "fsa.time_credits": "First Step Act time credits",
}


def own_words(program: str, outcome: str) -> bool:
    """Whether the program says this outcome in its own words (``Program.eligible_words``)."""
    return outcome == Outcome.eligible.value and _eligible_words(program) is not None


def _eligible_words(program: str) -> Any:
    return {p.id: p.eligible_words for p in all_programs()}.get(program)


def outcome_label(program: str, outcome: str, on: Any = None) -> str:
    """An answer's words, with its date: the program's own words for ``eligible`` where it has
    them (the marijuana proclamations: already pardoned, the certificate to be had), as the
    report's glance says them (:func:`secondchance.engine.glance.label`), else the general ones."""
    words = _eligible_words(program)
    if own_words(program, outcome):
        day = on if on is None or isinstance(on, dt.date) else dt.date.fromisoformat(str(on))
        return label(Determination(program=program, outcome=Outcome.eligible, date=day), words)
    said = OUTCOME_WORDS.get(outcome, outcome)
    return f"{said} {on}" if on else said


def without_label(reason: str | None, said: str) -> str:
    """The card's reason without a clause its label already says (the marijuana pardon's
    "may apply for the certificate of pardon", said in both)."""
    text = reason or ""
    for clause in said.split(" — ")[1:]:
        text = text.replace(f"; {clause}", "")
    return text


def next_change_words(det: Determination, report: Report | None) -> str | None:
    """The next change in a sentence: when, to what, and why. For an application the change is
    for an application made on or after that day (it may be past today); otherwise it is from
    that day on. Not said when it is the answer's own date (already in its label)."""
    if det.next_change is None or det.next_change == det.date:
        return None
    day = det.next_change.isoformat()
    by_application = report is not None and report.application_date is not None
    when = (
        f"For an application made on or after {day}, the answer would be"
        if by_application
        else f"From {day}, the answer becomes"
    )
    then = det.next_change_outcome
    said = f"{when}: {outcome_label(det.program, then.value)}" if then else f"{when} different"
    return f"{said} — {det.next_change_reason}." if det.next_change_reason else f"{said}."


def release_summary(report: Report | None) -> dict[str, Any] | None:
    """The sentence computation's dates for a family to read first, in the words of the text
    report's glance (``report.text.release_sentence``): release with good conduct time, with
    time credits and the prerelease custody date; on what the credit dates rest; the points
    for review; a release date already past; or why the dates are not computed."""
    block = report.computation("sentence") if report is not None else None
    if block is None:
        return None
    fsa = block.get("fsa") or {}
    review = review_count(block)
    return {
        "sentence": release_sentence(block),
        "review": f"{review}, listed below)" if review else None,
        "points": [plain_paths(p) for p in block.get("needs_review") or []],
        "projection": fsa.get("projection") if fsa.get("release_date") else None,
        "prerelease": bool(fsa.get("prerelease_custody_date")),
        "passed": release_passed(block),
        "reason": block.get("reason"),
        "missing": [plain_fact(m) for m in block.get("missing_facts") or []],
    }


TEMPLATES.env.globals.update(
    outcome_words=OUTCOME_WORDS,
    program_words=PROGRAM_WORDS,
    outcome_label=outcome_label,
    own_words=own_words,
    without_label=without_label,
    next_change_words=next_change_words,
    release_summary=release_summary,
)
TEMPLATES.env.filters["plain"] = plain_paths
TEMPLATES.env.filters["fact"] = plain_fact


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    context = {"account": signed_in(request), "csrf": csrf_token(request), **context}
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status)
