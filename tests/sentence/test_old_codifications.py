"""Offenses 18 U.S.C. 3632(d)(4)(D) lists, cited under their codification before a revision of
the Code: listed where the revision is certain, otherwise undecided - never "not listed"."""

from __future__ import annotations

import pytest

from secondchance.engine.determination import Outcome
from tests.sentence.test_records import fsa, record

PRIOR = "prior_serious_violent_felony_served_over_1_year"


@pytest.mark.parametrize("statute", ["49 U.S.C. App. 1472(i)", "49 U.S.C. App. 1472(n)(1)"])
def test_aircraft_piracy_under_the_appendix_is_46502(statute: str) -> None:
    # Pub. L. 103-272 (1994) restated 49 App. 1472(i) as 49 U.S.C. 46502(a) and 1472(n) as
    # 46502(b); clause (li) lists 46502 with a prior serious violent felony (served over a
    # year). Found: not eligible (before: needs review, from the clause's catch-all); not
    # recorded: needs review naming court_findings, as 46502 (before: eligible).
    found, _ = fsa(record([{"statute": statute, "court_findings": [PRIOR]}]))
    assert found.outcome is Outcome.not_eligible
    unknown, _ = fsa(record([{"statute": statute}]))
    assert unknown.outcome is Outcome.needs_review
    assert "convictions[0].counts[0].court_findings" in unknown.missing_facts
    same, _ = fsa(record([{"statute": "49 U.S.C. 46502"}]))
    assert same.outcome is unknown.outcome
    assert sorted(same.missing_facts) == sorted(unknown.missing_facts)


@pytest.mark.parametrize(
    "statute",
    [
        # Section 902(i) of the Federal Aviation Act cited without "App." (no such section of
        # title 49 today).
        "49 U.S.C. 1472(i)",
        # The Maritime Drug Law Enforcement Act before Pub. L. 109-304 (2006) moved it to 46
        # U.S.C. 70503 (punished under 21 U.S.C. 960(b), clauses (lxv)-(lxviii)).
        "46 U.S.C. App. 1903(a)",
        # The same section cited without "App." (review s19a D6: it was "not listed").
        "46 U.S.C. 1903(a)",
        # Terrorist attacks against mass transportation systems, merged into 18 U.S.C. 1992
        # (clause (xxxii)) in 2006.
        "18 U.S.C. 1993",
    ],
)
def test_other_old_codifications_of_listed_offenses_are_undecided(statute: str) -> None:
    # Before: each was "not listed", eligible to earn time credits.
    det, block = fsa(record([{"statute": statute}]))
    assert det.outcome is Outcome.needs_review
    assert block["fsa"]["eligible"] is None


def test_other_subsections_of_1472_are_not_aircraft_piracy() -> None:
    # 49 App. 1472(k) (crimes aboard aircraft, now 46506) is no clause's offense.
    det, _ = fsa(record([{"statute": "49 U.S.C. App. 1472(k)"}]))
    assert det.outcome is Outcome.eligible
