"""The commutation petition's program, rule version and texts."""

from __future__ import annotations

from secondchance.law.declarative import Citing
from secondchance.law.rule_book import rule_fields, text

PROGRAM = "clemency.commutation_petition"
BOOK_KEY = f"{PROGRAM}/1993"
"""The rule version's entry in the rule book (parameters/rules/clemency.yaml)."""
VERSION = rule_fields(BOOK_KEY)["version"]
RULE_VERSION = f"{PROGRAM}@{VERSION}"
CITATION = rule_fields(BOOK_KEY)["citation"]
URL = text("clemency", "commutation_office")
INSTRUCTIONS_URL = URL
"""The Office's commutation page; the instructions were read from secondary copies (see gaps)."""
BOP_URL = text("clemency", "bop_ps_1330_15")


say = Citing(RULE_VERSION, CITATION, URL)
"""This rule's findings (its citation and address unless a finding names another text)."""
