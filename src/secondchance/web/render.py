"""Jinja2 templates (autoescaped) and the values every page needs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from secondchance.engine import Determination
from secondchance.engine.determination import Outcome
from secondchance.engine.glance import label
from secondchance.law.registry import all_programs
from secondchance.web.plain import plain_paths
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


TEMPLATES.env.globals.update(
    outcome_words=OUTCOME_WORDS,
    program_words=PROGRAM_WORDS,
    outcome_label=outcome_label,
    own_words=own_words,
)
TEMPLATES.env.filters["plain"] = plain_paths


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    context = {"account": signed_in(request), "csrf": csrf_token(request), **context}
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status)
