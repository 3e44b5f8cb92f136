"""The examples in examples/clemency, through the real command line
(`secondchance check FILE --as-of D --format json`). Expected outcomes are those written in each
example's comments, worked from the public facts and 28 CFR 1.2 / the proclamations."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support import EXAMPLES as EXAMPLES_ROOT
from tests.support import check_json

EXAMPLES = EXAMPLES_ROOT / "clemency"


def check(name: str, as_of: str) -> dict[str, dict[str, Any]]:
    report = check_json(EXAMPLES / name, as_of)
    return {d["program"]: d for d in report["determinations"]}


CASES = [
    # Alice Marie Johnson: released 2018-06-06 (commutation) → 2018-06-06 + 5 years = 2023-06-06.
    (
        "alice-marie-johnson.yaml",
        "2019-01-01",
        "clemency.pardon_petition",
        "not_eligible",
        None,
    ),
    (
        "alice-marie-johnson.yaml",
        "2019-01-01",
        "clemency.commutation_petition",
        "not_eligible",
        None,
    ),
    # Pardoned 2020-08-28 → nothing to petition for.
    ("alice-marie-johnson.yaml", "2021-01-01", "clemency.pardon_petition", "not_applicable", None),
    (
        "alice-marie-johnson.yaml",
        "2021-01-01",
        "clemency.commutation_petition",
        "not_applicable",
        None,
    ),
    # Jason Hernandez: release date (2015) not stated to the day → insufficient facts.
    ("jason-hernandez.yaml", "2020-06-01", "clemency.pardon_petition", "insufficient_facts", None),
    ("jason-hernandez.yaml", "2020-06-01", "clemency.marijuana_pardon", "not_applicable", None),
    # Pardoned 2024-04-24.
    ("jason-hernandez.yaml", "2024-06-01", "clemency.pardon_petition", "not_applicable", None),
    ("jason-hernandez.yaml", "2024-06-01", "clemency.commutation_petition", "not_applicable", None),
    # 21 U.S.C. 844, offense 2015-03-14, citizen → Proclamation 10467 (2022-10-06).
    (
        "marijuana-844-2015.yaml",
        "2024-06-01",
        "clemency.marijuana_pardon",
        "eligible",
        "2022-10-06",
    ),
    ("marijuana-844-2015.yaml", "2024-06-01", "clemency.pardon_petition", "not_applicable", None),
    (
        "marijuana-844-2015.yaml",
        "2022-10-05",
        "clemency.marijuana_pardon",
        "eligible_from",
        "2022-10-06",
    ),
    # 21 U.S.C. 846 attempt convicted 2023-06-01 → only Proclamation 10688 (2023-12-22).
    (
        "marijuana-846-attempt-2023.yaml",
        "2024-06-01",
        "clemency.marijuana_pardon",
        "eligible",
        "2023-12-22",
    ),
    (
        "marijuana-846-attempt-2023.yaml",
        "2023-07-01",
        "clemency.marijuana_pardon",
        "eligible_from",
        "2023-12-22",
    ),
    # Convicted 2023-06-01, probation only → 2028-06-01 (until pardoned on 2023-12-22).
    (
        "marijuana-846-attempt-2023.yaml",
        "2023-07-01",
        "clemency.pardon_petition",
        "not_eligible",
        None,
    ),
    (
        "marijuana-846-attempt-2023.yaml",
        "2024-06-01",
        "clemency.pardon_petition",
        "not_applicable",
        None,
    ),
    # 21 U.S.C. 841(a)(1) possession with intent → not covered; custody end 2021-01-01 is the day
    # of release → fifth anniversary 2026-01-01.
    ("marijuana-841-intent.yaml", "2024-06-01", "clemency.marijuana_pardon", "not_eligible", None),
    (
        "marijuana-841-intent.yaml",
        "2024-06-01",
        "clemency.pardon_petition",
        "eligible_from",
        "2026-01-01",
    ),
    (
        "marijuana-841-intent.yaml",
        "2024-06-01",
        "clemency.commutation_petition",
        "not_eligible",
        None,
    ),
    # B consecutive to A: one aggregate term (18 U.S.C. 3584(c)); custody recorded for A ends
    # 2029-05-18 (the day of release) for both → 2034-05-18. Supervised release 2029-05-19 to
    # 2032-05-18 is all that remains on 2030-01-01; nothing remains on 2035-01-01.
    (
        "aggregate-consecutive.yaml",
        "2030-01-01",
        "clemency.pardon_petition",
        "eligible_from",
        "2034-05-18",
    ),
    (
        "aggregate-consecutive.yaml",
        "2030-01-01",
        "clemency.commutation_petition",
        "needs_review",
        None,
    ),
    ("aggregate-consecutive.yaml", "2035-01-01", "clemency.pardon_petition", "eligible", None),
    (
        "aggregate-consecutive.yaml",
        "2035-01-01",
        "clemency.commutation_petition",
        "not_eligible",
        None,
    ),
    # Pending 844 charge, offense 2022-08-01, citizen → pardoned by 10467 though only charged.
    (
        "marijuana-844-pending-charge.yaml",
        "2022-10-20",
        "clemency.marijuana_pardon",
        "eligible",
        "2022-10-06",
    ),
    (
        "marijuana-844-pending-charge.yaml",
        "2022-10-01",
        "clemency.marijuana_pardon",
        "eligible_from",
        "2022-10-06",
    ),
    (
        "marijuana-844-pending-charge.yaml",
        "2022-10-20",
        "clemency.pardon_petition",
        "not_applicable",
        None,
    ),
]


@pytest.mark.parametrize(("name", "as_of", "program", "outcome", "day"), CASES)
def test_example(name: str, as_of: str, program: str, outcome: str, day: str | None) -> None:
    det = check(name, as_of)[program]
    assert det["outcome"] == outcome
    assert det["date"] == day


def test_alice_next_change_is_her_pardon() -> None:
    # The wait would end 2023-06-06 (five years after the 2018-06-06 release), but the record's
    # pardon of 2020-08-28 comes first: the petition never becomes possible, so the answer is not
    # "eligible from 2023-06-06" but not eligible, changing on 2020-08-28 to not_applicable.
    det = check("alice-marie-johnson.yaml", "2019-01-01")["clemency.pardon_petition"]
    assert det["next_change"] == "2020-08-28"
    assert det["next_change_outcome"] == "not_applicable"
    assert det["eligible_from_date"] is None


def test_hernandez_answer_names_the_missing_release() -> None:
    det = check("jason-hernandez.yaml", "2020-06-01")["clemency.pardon_petition"]
    assert any(m.startswith("custody[]") for m in det["missing_facts"])


def test_841_example_says_why_it_is_not_covered() -> None:
    # 21 U.S.C. 841(a)(1) is a current title-21 section, neither 844 nor 846; 10688 names
    # "possession of marijuana with intent to distribute" as outside it.
    det = check("marijuana-841-intent.yaml", "2024-06-01")["clemency.marijuana_pardon"]
    body = " ".join(f["finding"] for f in det["findings"])
    assert "21 U.S.C. 841(a)(1) is not simple possession" in body
    assert "possession with intent to distribute" in body


def test_841_example_wait_starts_on_the_day_of_release() -> None:
    det = check("marijuana-841-intent.yaml", "2024-06-01")["clemency.pardon_petition"]
    assert det["details"]["waiting_period_starts"] == "2021-01-01"


def test_every_example_is_tested() -> None:
    assert {p.name for p in EXAMPLES.glob("*.yaml")} == {c[0] for c in CASES}
