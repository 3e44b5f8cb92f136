"""What to gather for a pardon petition and how to submit it (28 CFR 1.1-1.2; the Office of the
Pardon Attorney's instructions at https://www.justice.gov/pardon), in our own words, each item
with its source. The printable letters show them."""

from __future__ import annotations

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
