"""The pardon petition's program, rule version, texts and the gaps in how they were read."""

from __future__ import annotations

from secondchance.law.declarative import Citing
from secondchance.law.rule_book import rule_fields, text

PROGRAM = "clemency.pardon_petition"
BOOK_KEY = f"{PROGRAM}/1993"
"""The rule version's entry in the rule book (parameters/rules/clemency.yaml)."""
VERSION = rule_fields(BOOK_KEY)["version"]
RULE_VERSION = f"{PROGRAM}@{VERSION}"
CITATION = rule_fields(BOOK_KEY)["citation"]
URL = text("clemency", "cfr_1_2")
OFFICE_URL = text("clemency", "pardon_office")
FORM_URL = text("clemency", "pardon_form")
"""The application form's information collection (OMB 1123-0016) on reginfo.gov."""
WAIVER_URL = OFFICE_URL
"""The Office's pardon page; the waiver wording was read from a web-archive copy (see gaps)."""
ADVISORY_URL = "https://www.ecfr.gov/current/title-28/chapter-I/part-1/section-1.11"
SOURCE_GAPS = (text("clemency", "pardon_form_gap"), text("clemency", "pardon_waiver_gap"))


say = Citing(RULE_VERSION, CITATION, URL)
"""This rule's findings (its citation and address unless a finding names another text)."""
"""This rule's findings (its citation and address unless a finding names another text)."""
