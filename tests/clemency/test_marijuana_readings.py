"""clemency.marijuana_pardon: texts that only look like simple possession of marijuana.

Every record here is a federal count, offense 2015-03-14, conviction 2015-07-20, a U.S. citizen,
asked on 2024-06-01: were the count simple possession of marijuana under 21 U.S.C. 844, it would
be pardoned by Proclamation 10467 (2015-03-14 <= 2022-10-06). Each text below leaves that open
or rules it out, so none may answer ``eligible``.
"""

from __future__ import annotations

from typing import Any

import pytest

from secondchance.engine.determination import Outcome
from tests.clemency.helpers import MARIJUANA, ask, text
from tests.clemency.test_marijuana_pardon import P10467, record

AS_OF = "2024-06-01"
PATH = "convictions[0].counts[0]"


def with_substance(substance: str, statute: str = "21 U.S.C. 844(a)") -> dict[str, Any]:
    data = record(statute)
    data["convictions"][0]["counts"][0]["substance"] = substance
    return data


# --- 1. the substance: marijuana only when every word is accounted for ---------------------------


@pytest.mark.parametrize(
    "substance",
    [
        # Another drug beside marijuana (the proclamations pardon "not any other offenses
        # involving other controlled substances"), spelled in ways the drug list does not know.
        "marijuana and meth",
        "marijuana and a controlled substance",
        "marijuana and other controlled substances",
        "marijuana and Xanax",
        "marijuana and oxycontin",
        "Marijuana & pills",
        "marijuana/ecstacy",
        # Synthetic cannabinoids are not marihuana as 21 U.S.C. 802(16) defines it.
        "synthetic marijuana",
        "marijuana and K2",
        "spice (synthetic cannabis)",
        "K2",
        # A negation: the text cannot be read as naming marijuana.
        "not marijuana",
        "non-marijuana",
        "no marijuana; cocaine",
        # Forms of cannabis the proclamations do not name (resin and its concentrates).
        "dipped marijuana",
        "cannabis oil",
        "marijuana wax",
        "dab",
        "edibles",
        "marijuana edibles",
        "marijuana vape cartridge",
    ],
)
def test_a_substance_text_with_anything_beside_marijuana_is_for_review(substance: str) -> None:
    det = ask(MARIJUANA, with_substance(substance), AS_OF)
    assert det.outcome is Outcome.needs_review
    assert f"'{substance}'" in text(det)  # the text is quoted


@pytest.mark.parametrize(
    "substance",
    [
        # Marijuana names and amounts only: simple possession of marijuana, 10467 (2022-10-06).
        "marijuana",
        "MARIJUANA",
        "marijuana (12 grams)",
        "approximately 12.5 grams of marijuana",
        "less than 1 oz. of marihuana",
        "a mixture or substance containing a detectable amount of marijuana",
        "cannabis, 3 g",
    ],
)
def test_marijuana_with_an_amount_stays_marijuana(substance: str) -> None:
    det = ask(MARIJUANA, with_substance(substance), AS_OF)
    assert det.outcome is Outcome.eligible
    assert det.date == P10467
