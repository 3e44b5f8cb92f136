"""Where the SBA rule texts were read, and the official sources cited (see docs/law-sba.md).

Every URL here is an official source (Federal Register, eCFR, reginfo.gov, sba.gov). Where the
text was read from a secondary copy, the rule lists that as a known gap (the ``*_GAP`` strings):
the post-2024-05-30 texts of 13 CFR 109.20, 109.400, 115.13, 120.110, 120.707 and 123.101 were
read from a markdown export of eCFR title 13 chapter I kept in a public repository (it carries the
amendment notes "89 FR 34101/34102, Apr. 30, 2024", so it postdates the rule); the texts before
the rule from copies on other sites. The official point-in-time views are on ecfr.gov
(``ecfr_on``), cited in their place.
"""

from __future__ import annotations

from datetime import date

from secondchance.law.rule_book import text
from secondchance.law.sba.decide import last_day_before_change, rule_change_day


def ecfr_on(day: date, section: str) -> str:
    """The official eCFR point-in-time view of a title 13 section (to re-check a gap)."""
    part = section.split(".")[0]
    return f"https://www.ecfr.gov/on/{day.isoformat()}/title-13/part-{part}/section-{section}"


RULE_FROM = rule_change_day()
"""The day the 2024 rule (89 FR 34094) took effect, from the parameters."""
BEFORE_RULE = last_day_before_change()
"""The last day before the 2024 rule took effect: the point in time of the texts before it."""
FROM = RULE_FROM.isoformat()
UNTIL = BEFORE_RULE.isoformat()
"""The two days as prose writes them ("From 2024-05-30, ..."; "Until 2024-05-29, ...")."""

FINAL_RULE = text("sba", "final_rule")
ECFR_EXPORT = text("sba", "ecfr_export")
"""eCFR title 13 chapter I (official); the texts were read from a secondary export of it."""
EXPORT_GAP = text("sba", "export_gap")

BUSINESS_LOANS_BEFORE = text("sba", "business_loans_before")
MICROLOAN_BEFORE = text("sba", "microloan_before")
SURETY_BEFORE = text("sba", "surety_before")
BEFORE_GAP = text("sba", "before_gap")
UNDER_INDICTMENT_2014 = text("sba", "under_indictment_2014")
"""SBA's own 2014 description of old 120.110(n): "currently under indictment"."""

SOP_50_10_7_1 = text("sba", "sop_50_10_7_1")
"""SBA's 7(a) lender page, where the SOPs are published."""
SOP_GAP = text("sba", "sop_gap")

RULE_SUMMARY = FINAL_RULE
"""That the rule removed probation and parole as grounds of ineligibility is read from the final
rule itself (a trade report, colemanreport.com, said the same)."""

DISASTER_PARAPHRASES = text("sba", "disaster_before")
"""The eCFR point-in-time view of 13 CFR 123.101 before the rule (official)."""
DISASTER_GAP = text("sba", "disaster_gap")
