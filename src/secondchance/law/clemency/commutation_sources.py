"""The commutation petition's program, rule version and texts."""

from __future__ import annotations

from secondchance.law.declarative import Citing

PROGRAM = "clemency.commutation_petition"
VERSION = "1993"
RULE_VERSION = f"{PROGRAM}@{VERSION}"
CITATION = "28 CFR 1.3; Office of the Pardon Attorney, Commutation Instructions"
URL = "https://www.justice.gov/pardon/apply-commutation"
INSTRUCTIONS_URL = URL
"""The Office's commutation page; the instructions were read from secondary copies (see gaps)."""
BOP_URL = "https://www.bop.gov/policy/progstat/1330_015.pdf"


say = Citing(RULE_VERSION, CITATION, URL)
"""This rule's findings (its citation and address unless a finding names another text)."""
