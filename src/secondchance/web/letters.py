"""Printable letters: one program's answer for one case, with dates, reasons, citations, what to
gather, and the notice that this is information, not legal advice. Checklists are stated in our
own words from the sources they cite."""

from __future__ import annotations

from datetime import date

from fastapi import Request

from secondchance.engine import Determination, Report
from secondchance.web.render import TEMPLATES

PARDON_CHECKLIST = (
    (
        "The pardon petition form of the Office of the Pardon Attorney, filled in completely "
        "and signed; it is addressed to the President and filed with the Pardon Attorney.",
        "28 CFR 1.1",
    ),
    (
        "For each federal (or D.C. Code) conviction: the judgment, the sentence, and any "
        "commutation or earlier clemency.",
        "28 CFR 1.1; justice.gov/pardon",
    ),
    (
        "The day of release from prison (or, if no prison sentence was imposed, the day of "
        "conviction): the five-year wait runs from it.",
        "28 CFR 1.2",
    ),
    (
        "Papers showing that probation, parole or supervised release has ended; petitions are "
        "generally not filed while it runs.",
        "28 CFR 1.2",
    ),
    (
        "Proof that fines and restitution are paid, or what is still owed, and the other "
        "documents and references the petition form itself asks for.",
        "justice.gov/pardon",
    ),
)
PARDON_SUBMIT = (
    "Send the petition to the Office of the Pardon Attorney, U.S. Department of Justice, "
    "950 Pennsylvania Avenue NW, Washington, DC 20530 (28 CFR 1.1). The Office also accepts "
    "petitions by email; its current address and instructions are at "
    "https://www.justice.gov/pardon. A military conviction goes to the Secretary of that branch."
)
SBA_QUESTIONS = (
    (
        "Is the applicant, or any owner of 20% or more, officer, director, key employee or "
        "general partner (an “Associate”), now incarcerated, serving a sentence of "
        "imprisonment, or under indictment for a felony or for a crime of financial misconduct "
        "or a false statement?",
        "SBA Form 1919 (revised after the rule of 89 FR 34094); 13 CFR 120.110(n) from "
        "2024-05-30. A “yes” makes the business ineligible; probation, parole and past "
        "convictions alone no longer do.",
    ),
    (
        "For a disaster loan: has the person, in the past year, been convicted of an offense "
        "committed during and in connection with a riot, civil disorder or declared disaster?",
        "13 CFR 123.101(a); SBA Form 912 (post-2024 wording not verified on sba.gov: a known gap)",
    ),
)


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
