"""Printable letters: one program's answer for one case, with dates, reasons, citations, what to
gather, and the notice that this is information, not legal advice. The checklists come from
the law (``law.clemency.checklist``, ``law.sba.forms``)."""

from __future__ import annotations

from datetime import date

from fastapi import Request

from secondchance.engine import Determination, Report
from secondchance.law.clemency.checklist import PARDON_CHECKLIST, PARDON_SUBMIT
from secondchance.law.sba.forms import SBA_QUESTIONS
from secondchance.web.render import TEMPLATES


def letter_html(
    request: Request,
    report: Report,
    found: Determination,
    today: date,
    unknown: list[str] | None = None,
) -> str:
    kind = (
        "pardon"
        if found.program == "clemency.pardon_petition"
        else ("sba" if found.program.startswith("sba.") else "other")
    )
    template = TEMPLATES.get_template("letter.html")
    return template.render(
        determination=found,
        report=report,
        today=today,
        kind=kind,
        pardon_checklist=PARDON_CHECKLIST,
        pardon_submit=PARDON_SUBMIT,
        sba_questions=SBA_QUESTIONS,
        unknown=unknown or [],
    )


def to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    pdf: bytes = HTML(string=html, base_url=None).write_pdf()
    return pdf
