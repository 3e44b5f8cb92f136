"""Every program reads counts through the one statute reader: a spelling it accepts answers as
the canonical citation does, and a statute it cannot read is unknown, never "not listed"."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from secondchance.engine.determination import Outcome
from tests.clemency.helpers import MARIJUANA, ask, text
from tests.clemency.test_marijuana_pardon import record as marijuana_record
from tests.sentence.test_records import fsa, record
from tests.statute.test_reader import SPELLINGS_924C

PATH = "convictions[0].counts[0]"


def summary(statute: str, **count: Any) -> tuple[Any, ...]:
    """What fsa.time_credits and the sentence block answer for one count."""
    det, block = fsa(record([{"statute": statute, **count}]))
    return (
        det.outcome,
        det.reason,
        sorted(det.missing_facts),
        block["fsa"]["eligible"],
        block["fsa"]["release_date"],
        block["fsa"]["prerelease_custody_date"],
        block["status"],
        block["needs_review"],
    )


@pytest.mark.parametrize("spelling", SPELLINGS_924C)
def test_each_spelling_of_924c_answers_as_the_canonical_citation(spelling: str) -> None:
    # 18 U.S.C. 924(c) is clause (xxii) of 3632(d)(4)(D): not eligible, no early release from
    # credits, release at the good conduct time date.
    canonical = summary("18 U.S.C. 924(c)")
    assert canonical[0] is Outcome.not_eligible
    assert canonical[3] is False and canonical[4] is None
    assert summary(spelling) == canonical


@pytest.mark.parametrize(
    "statute",
    [
        "18 U.S.C. 924(c) or (j)",
        "924(c)",
        "Title 18 Sec 924 C",
        "18 U.S.C. " + "9" * 150,  # longer texts are refused by the loader (limits)
        "18 U.S.C. 2241-2248",
        "21 U.S.C. 801 et seq.",
    ],
)
def test_an_unreadable_statute_is_unknown_and_projects_no_early_release(statute: str) -> None:
    det, block = fsa(record([{"statute": statute}]))
    assert det.outcome is Outcome.needs_review
    assert f"{PATH}.statute" in det.missing_facts
    # The count path and the text it could not read are quoted.
    assert any(PATH in f.finding and statute[:40] in f.finding for f in det.findings)
    assert "No count of conviction is listed" not in text(det)
    # No credits are projected: the release is the good conduct time date (as for 924(c)).
    assert block["fsa"]["eligible"] is None
    assert block["fsa"]["release_date"] is None
    assert block["gct_release_date"] == "2029-04-05"  # same term as the eligible handout case
    # The sentence block says so itself: needs_review, naming the field and quoting the text.
    assert block["status"] == "needs_review"
    assert f"{PATH}.statute" in block["missing_facts"]
    assert any(PATH in r and statute[:40] in r for r in block["needs_review"])


def test_an_unreadable_object_offense_is_unknown() -> None:
    det, _ = fsa(
        record([{"statute": "21 U.S.C. 846", "conspiracy": True, "object_offense": "drugs"}])
    )
    assert det.outcome is Outcome.needs_review
    assert f"{PATH}.object_offense" in det.missing_facts


def test_an_unreadable_count_beside_a_listed_one_is_still_not_eligible() -> None:
    det, _ = fsa(record([{"statute": "see judgment"}, {"statute": "18 U.S.C. 924(c)"}]))
    assert det.outcome is Outcome.not_eligible


@pytest.mark.parametrize(
    ("statute", "outcome"),
    [
        # 2340A (torture) is listed, clause (xlviii); 2340(a) is a definition, not listed: the
        # joined letter reads both ways and the answers differ.
        ("18 U.S.C. 2340a", Outcome.needs_review),
        # 1593A lies inside "sections 1593 through 1596" (xxvii): for review; 1593(a) excepted.
        ("18 U.S.C. 1593a", Outcome.needs_review),
        # 2252A and 2252(a) are both listed ((xlii), (xli)): no doubt either way.
        ("18 USC 2252A", Outcome.not_eligible),
        ("18 U.S.C. 2252a", Outcome.not_eligible),
        # 1343 (wire fraud) is not listed; a joined "a" changes nothing.
        ("18 U.S.C. 1343a", Outcome.eligible),
    ],
)
def test_joined_letters_read_both_ways(statute: str, outcome: Outcome) -> None:
    det, _ = fsa(record([{"statute": statute}]))
    assert det.outcome is outcome


def test_a_wire_fraud_count_stays_eligible_in_every_spelling() -> None:
    # Unlisted offenses keep their answer: the reader must not make everything needs_review.
    canonical = summary("18 U.S.C. 1343")
    assert canonical[0] is Outcome.eligible
    for spelling in ("18 USC 1343", "18:1343", "Title 18, United States Code, Section 1343"):
        assert summary(spelling) == canonical


# --- the marijuana proclamations -------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    [
        "21 USC 844",
        "21 U.S.C. § 844(a)",
        "21:844",
        "Title 21, United States Code, Section 844(a)",
    ],
)
def test_844_spellings_are_pardoned_as_the_canonical_citation(spelling: str) -> None:
    canonical = ask(MARIJUANA, marijuana_record("21 U.S.C. 844"), "2024-06-01")
    det = ask(MARIJUANA, marijuana_record(spelling), "2024-06-01")
    assert canonical.outcome is Outcome.eligible
    assert (det.outcome, det.date) == (canonical.outcome, canonical.date)


@pytest.mark.parametrize("statute", ["possession of marijuana", "21 U.S.C. 801 et seq."])
def test_an_unreadable_marijuana_count_is_for_review_not_unlisted(statute: str) -> None:
    det = ask(MARIJUANA, marijuana_record(statute), "2024-06-01")
    assert det.outcome in (Outcome.needs_review, Outcome.insufficient_facts)
    assert f"{PATH}.statute" in det.missing_facts
    assert "is not simple possession" not in text(det)


def test_day_constant() -> None:
    # The records above are asked on 2025-06-01 (sentence) and 2024-06-01 (proclamations).
    assert date(2024, 6, 1) > date(2023, 12, 22)
