"""Jinja2 templates (autoescaped) and the values every page needs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

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
TEMPLATES.env.globals.update(outcome_words=OUTCOME_WORDS, program_words=PROGRAM_WORDS)
TEMPLATES.env.filters["plain"] = plain_paths


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    context = {"account": signed_in(request), "csrf": csrf_token(request), **context}
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status)
