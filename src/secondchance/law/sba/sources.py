"""Where the SBA rule texts were read (URLs recorded in every finding; see docs/law-sba.md).

The post-2024-05-30 texts of 13 CFR 109.20, 109.400, 115.13, 120.110, 120.707 and 123.101 come
from a markdown export of eCFR title 13 chapter I kept in a public repository (it carries the
amendment notes "89 FR 34101/34102, Apr. 30, 2024", so it postdates the rule). The official
point-in-time views are on ecfr.gov (``ecfr_on``).
"""

from __future__ import annotations

from datetime import date

FINAL_RULE = (
    "https://www.federalregister.gov/documents/2024/04/30/2024-09009/"
    "criminal-justice-reviews-for-the-sba-business-loan-programs-disaster-loan-programs-and-"
    "surety-bond"
)

ECFR_EXPORT = (
    "https://github.com/ConnorCallison/ecfr-opportunities/blob/"
    "762bf2799c45f2454037ad4941b3391982641e93/libs/ecfr-markdown/src/results/markdown/"
    "title-13/chapter-I.md"
)
"""eCFR title 13 chapter I as amended through Dec. 2024 (post-rule texts)."""

BUSINESS_LOANS_BEFORE = "http://www.law.cornell.edu/cfr/text/13/120.110"
MICROLOAN_BEFORE = "https://legalfix.com/CFR/2019/title-13/chapter-i/part-120/section-120%2E707"
SURETY_BEFORE = "https://www.law.cornell.edu/cfr/text/13/115.13"
UNDER_INDICTMENT_2014 = (
    "https://www.reginfo.gov/public/do/eAgendaViewRule?pubId=201504&RIN=3245-AG53"
)
"""SBA's own 2014 description of old 120.110(n): "currently under indictment"."""

SOP_50_10_7_1 = (
    "https://starfieldsmith.com/2024/05/"
    "best-practices-sba-implements-changes-to-the-criminal-background-review-process/"
)
"""A law firm's quotation of the lenders' SOP 50 10 7.1 wording before the rule."""

RULE_SUMMARY = (
    "https://colemanreport.com/new-criminal-justice-reviews-final-rule-goes-into-effect-today"
)
"""Trade report of the rule's effect: probation and parole removed as grounds of ineligibility."""

DISASTER_PARAPHRASES = "https://mcmullin.wpengine.com/you-must-alert-sba-of-every-like-recoveries/3"
"""A paraphrased (not verbatim) re-post of pre-2024 13 CFR 123.101, the best evidence found."""


def ecfr_on(day: date, section: str) -> str:
    """The official eCFR point-in-time view of a title 13 section (to re-check a gap)."""
    part = section.split(".")[0]
    return f"https://www.ecfr.gov/on/{day.isoformat()}/title-13/part-{part}/section-{section}"
