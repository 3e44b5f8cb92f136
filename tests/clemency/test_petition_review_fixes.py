"""Fixes from the petitions review (records under review r01-r26): each test's expected answer is
worked by hand from 28 CFR 1.2 (five years after release from confinement, or after conviction
where no prison sentence was imposed; generally not while on probation, parole or supervised
release) and the Office of the Pardon Attorney's instructions, as the comments say."""

from __future__ import annotations

from typing import Any

from secondchance.engine.determination import Outcome
from tests.clemency.helpers import CITIZEN, COMMUTATION, PARDON, ask


def _one(sentence: dict[str, Any], custody: list[dict[str, Any]], **conv: Any) -> dict[str, Any]:
    """One federal wire-fraud conviction c1 (convicted 2010-01-04 unless given)."""
    conviction: dict[str, Any] = {
        "id": "c1",
        "jurisdiction": "federal",
        "conviction_date": "2010-01-04",
        "counts": [{"statute": "18 U.S.C. 1343"}],
        "sentence": sentence,
        **conv,
    }
    return {"person": {"status": CITIZEN}, "convictions": [conviction], "custody": custody}


# --- r20: pretrial detention is not release from confinement ------------------------------------


def test_pretrial_detention_alone_is_not_the_release_from_a_prison_term() -> None:
    # 120 months imposed 2010-04-01; the only custody is pretrial detention 2009-06-01 to
    # 2010-03-31, before sentence. Detention before sentence is not service of the sentence (at
    # most credit, 18 U.S.C. 3585(b)), so its end is not "release from confinement" (28 CFR
    # 1.2): the release is not recorded. Before the fix: eligible, the wait counted from
    # 2010-03-31 (ended 2015-03-31).
    data = _one(
        {"imprisonment": "120 months"},
        [
            {
                "kind": "pretrial_detention",
                "conviction_id": "c1",
                "start": "2009-06-01",
                "end": "2010-03-31",
            }
        ],
        sentencing_date="2010-04-01",
    )
    for program in (PARDON, COMMUTATION):
        det = ask(program, data, "2026-06-01")
        assert det.outcome is Outcome.insufficient_facts
        assert "custody[] (a period with conviction_id c1, and its end)" in det.missing_facts
