"""What the clemency examples' answers say, through the real command line
(`secondchance check FILE --as-of D --format json`). Their outcomes and dates are cases
(cases/clemency/examples/); these tests check the findings and details beside them."""

from __future__ import annotations

from typing import Any

from tests.support import EXAMPLES as EXAMPLES_ROOT
from tests.support import check_json

EXAMPLES = EXAMPLES_ROOT / "clemency"


def check(name: str, as_of: str) -> dict[str, dict[str, Any]]:
    report = check_json(EXAMPLES / name, as_of)
    return {d["program"]: d for d in report["determinations"]}


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


def test_alice_pardon_comes_before_the_wait_ends() -> None:
    # The wait would end 2023-06-06 (five years after the 2018-06-06 release), but the record's
    # pardon of 2020-08-28 comes first: the petition never becomes possible, so the answer is not
    # "eligible from 2023-06-06" but not eligible, changing on 2020-08-28 to not_applicable.
    det = check("alice-marie-johnson.yaml", "2019-01-01")["clemency.pardon_petition"]
    assert det["outcome"] == "not_eligible"
    assert det["next_change"] == "2020-08-28"
    assert det["next_change_outcome"] == "not_applicable"
    assert det["eligible_from_date"] is None
