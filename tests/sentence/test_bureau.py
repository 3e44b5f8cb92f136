"""The Bureau's stated figures beside ours (law/sentence/bureau.compare), with the differences
worked by hand from the handout's example 2 (test_golden)."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.law.sentence.block import SentenceFacts, sentence_outcome
from secondchance.law.sentence.bureau import compare
from secondchance.law.sentence.parts import SentenceOutcome
from secondchance.record.schema import RiskLevel
from secondchance.record.terms import Term


def example_2() -> SentenceOutcome:
    facts = SentenceFacts(
        term=Term(months=60),
        commenced=date(2025, 1, 1),
        arrived=date(2025, 1, 1),
        supervised_release=Term(months=36),
        risk=RiskLevel.low,
    )
    return sentence_outcome(facts, date(2025, 6, 1))


def by_figure(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["figure"]: row for row in result["comparisons"]}


def test_the_bureau_states_the_gct_date_credits_not_applied() -> None:
    # Ours: FSA release 2028-04-05; the Bureau's data sheet shows the GCT date 2029-04-05 with
    # method fsa_release: 365 days later, the good conduct time release date.
    result = compare(
        {
            "stated_on": "2025-05-01",
            "projected_release_date": "2029-04-05",
            "release_method": "fsa_release",
            "fsa_credits_earned": 40,
            "fsa_eligible": True,
            "source": "sentence monitoring computation data",
        },
        example_2(),
    )
    rows = by_figure(result)
    release = rows["projected_release_date"]
    assert (release["bureau"], release["ours"], release["difference"]) == (
        "2029-04-05",
        "2028-04-05",
        365,
    )
    assert "good conduct time release date" in release["likely_reason"]
    # Credits earned by 2025-05-01: 4 periods x 10 = 40 (the Bureau), ours 490 projected to the
    # placement day: 40 - 490 = -450, the data sheet's date is the reason named.
    earned = rows["fsa_credits_earned"]
    assert earned["difference"] == -450
    assert "2025-05-01" in earned["likely_reason"]
    assert rows["fsa_eligible"]["difference"] is False
    assert result["source"] == "sentence monitoring computation data"


def test_the_same_date_has_no_reason_and_an_unknown_difference_says_so() -> None:
    same = compare({"projected_release_date": date(2028, 4, 5)}, example_2())
    assert by_figure(same)["projected_release_date"]["difference"] == 0
    assert by_figure(same)["projected_release_date"]["likely_reason"] is None
    # 2028-06-01 is 57 days after ours (25 + 31 + 1), within the 490 days we apply.
    later = by_figure(compare({"projected_release_date": "2028-06-01"}, example_2()))
    assert later["projected_release_date"]["difference"] == 57
    assert "fewer time credits" in later["projected_release_date"]["likely_reason"]
    # 2028-03-26 is 10 days before ours: no reason the engine can name.
    earlier = by_figure(compare({"projected_release_date": "2028-03-26"}, example_2()))
    assert earlier["projected_release_date"]["difference"] == -10
    assert earlier["projected_release_date"]["likely_reason"] == "unknown"


def test_an_approximate_bureau_date_is_not_compared_to_the_day() -> None:
    class Approximate:
        exact = None

    result = compare({"projected_release_date": Approximate()}, example_2())
    row = by_figure(result)["projected_release_date"]
    assert row["difference"] is None
    assert "approximate" in row["likely_reason"]


def test_one_day_earlier_names_the_twelve_months() -> None:
    # Ours 2028-04-05 with 365 days to supervised release; the Bureau one day earlier.
    result = compare({"projected_release_date": "2028-04-04"}, example_2())
    row = by_figure(result)["projected_release_date"]
    assert row["difference"] == -1
    assert "29 February" in row["likely_reason"]


def test_a_record_with_the_bureaus_figures_shows_them_beside_ours() -> None:
    # Any record object with a `bureau` attribute (record format 1.1) gets the comparison in its
    # sentence block; the handout's example 2 as a record gives FSA release 2028-04-05.
    from pathlib import Path

    from secondchance.law.sentence import sentence_block
    from secondchance.record.load import load_record

    example = Path(__file__).parents[2] / "examples/sentence/handout-60-months-low-risk.yaml"
    record = load_record(example)

    class WithBureau:
        def __init__(self) -> None:
            self.bureau = {"projected_release_date": "2028-04-05", "release_method": "fsa_release"}

        def __getattr__(self, name: str) -> Any:
            return getattr(record, name)

    block = sentence_block(WithBureau(), date(2025, 6, 1))
    assert block is not None
    assert by_figure(block["bureau"])["projected_release_date"]["difference"] == 0
    assert "bureau" not in (sentence_block(record, date(2025, 6, 1)) or {})
