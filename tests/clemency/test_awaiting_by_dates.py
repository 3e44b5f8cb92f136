"""A conviction awaiting sentencing on the day asked, shown by its dates (entered on or before
the day, sentence imposed after it) rather than by the ``awaiting_sentencing`` flag, which the
schema forbids once a sentencing date is recorded: read as the flag is
(``record.query.awaiting_sentencing``)."""

from __future__ import annotations

from typing import Any

from tests.clemency.helpers import COMMUTATION, PARDON, ask, text


def _record() -> dict[str, Any]:
    """Wire fraud, convicted 2024-06-01, 24 months imposed 2024-10-01."""
    return {
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "offense_date": "2023-01-10",
                "conviction_date": "2024-06-01",
                "counts": [{"statute": "18 U.S.C. 1343", "felony": True}],
                "sentence": {"imposed_on": "2024-10-01", "imprisonment": "24 months"},
            }
        ]
    }


def test_pardon_petition_waits_for_the_sentence() -> None:
    # As of 2024-09-03: convicted 2024-06-01, sentence imposed 2024-10-01, after the day. 28 CFR
    # 1.2's five years run from release or (no prison sentence) from conviction, which one is
    # not known until sentence is imposed: not_eligible, saying it awaits sentencing.
    det = ask(PARDON, _record(), "2024-09-03")
    assert det.outcome.value == "not_eligible"
    assert "awaiting sentencing" in text(det)


def test_no_sentence_to_commute_before_it_is_imposed() -> None:
    # As of 2024-09-03 no sentence has been imposed (2024-10-01 is later): nothing to commute
    # (a commutation reduces a sentence imposed), as with the flag.
    det = ask(COMMUTATION, _record(), "2024-09-03")
    assert det.outcome.value == "not_applicable"
    assert "awaits sentencing" in text(det)
