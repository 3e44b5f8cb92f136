"""What the SBA's own forms ask a business about its owners' records, and what the rule now
says about each answer (13 CFR 120.110(n), 123.101(a); 89 FR 34094), in our own words. The
printable letters show them."""

from __future__ import annotations

from secondchance.law.sba import sources

SBA_QUESTIONS = (
    (
        "Is the applicant, or any owner of 20% or more, officer, director, key employee or "
        "general partner (an “Associate”), now incarcerated, serving a sentence of "
        "imprisonment, or under indictment for a felony or for a crime of financial misconduct "
        "or a false statement?",
        "SBA Form 1919 (revised after the rule of 89 FR 34094); 13 CFR 120.110(n) from "
        f"{sources.FROM}. A “yes” makes the business ineligible; probation, parole and past "
        "convictions alone no longer do.",
    ),
    (
        "For a disaster loan: has the person, in the past year, been convicted of an offense "
        "committed during and in connection with a riot, civil disorder or declared disaster?",
        "13 CFR 123.101(a); SBA Form 912 (post-2024 wording not verified on sba.gov: a known gap)",
    ),
)
