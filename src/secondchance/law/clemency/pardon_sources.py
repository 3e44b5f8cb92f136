"""The pardon petition's program, rule version, texts and the gaps in how they were read."""

from __future__ import annotations

from secondchance.law.declarative import Citing

PROGRAM = "clemency.pardon_petition"
VERSION = "1993"
RULE_VERSION = f"{PROGRAM}@{VERSION}"
CITATION = "28 CFR 1.2"
URL = "https://www.ecfr.gov/current/title-28/chapter-I/part-1/section-1.2"
OFFICE_URL = "https://www.justice.gov/pardon/apply-pardon"
FORM_URL = "https://www.reginfo.gov/public/do/PRAViewICR?ref_nbr=202407-1123-001"
"""The application form's information collection (OMB 1123-0016) on reginfo.gov."""
WAIVER_URL = OFFICE_URL
"""The Office's pardon page; the waiver wording was read from a web-archive copy (see gaps)."""
ADVISORY_URL = "https://www.ecfr.gov/current/title-28/chapter-I/part-1/section-1.11"
SOURCE_GAPS = (
    "Source: the application form was read from a secondary copy of the information collection "
    "(omb.report); reginfo.gov's record of it is cited.",
    "Source: the waiver of the waiting period was read from a 2009 web-archive copy (University "
    "of North Texas) of the Office's former page (usdoj.gov/pardon/pardon_petition.htm); the "
    "Office's current pardon page is cited.",
)


say = Citing(RULE_VERSION, CITATION, URL)
"""This rule's findings (its citation and address unless a finding names another text)."""
"""This rule's findings (its citation and address unless a finding names another text)."""
