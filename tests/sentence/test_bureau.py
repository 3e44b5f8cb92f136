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


def _bureau_record(bureau: dict[str, Any], custody_start: str = "2025-01-01") -> Any:
    from secondchance.record.load import validate

    return validate(
        {
            "person": {"name": "X2"},
            "convictions": [
                {
                    "id": "c1",
                    "jurisdiction": "federal",
                    "counts": [{"statute": "18 U.S.C. 1343"}],
                    "sentence": {"imposed_on": "2024-11-15", "imprisonment": "60 months"},
                }
            ],
            "custody": [
                {"kind": "designated_facility", "start": custody_start, "conviction_id": "c1"}
            ],
            "fsa": {"risk_assessments": [{"assessed_on": "2025-02-15", "level": "low"}]},
            "bureau": bureau,
        },
        "test",
    )


def test_an_approximate_bureau_date_leaves_our_computation_whole() -> None:
    # The Bureau's figures never feed the law: an approximate stated_on, projected release or
    # prerelease date is shown as written, and our dates are computed as for an exact record.
    # 60 months from 2025-01-01: full term ends 2029-12-31 (3585(a)); good conduct time
    # 54 x 5 = 270 days (3624(b)): day 365 - 270 = day 95 of 2029 = 2029-04-05 (31+28+31 = 90,
    # +5). The Bureau's 2029-12-15 less ours: 25 (April) + 31+30+31+31+30+31+30 + 15 = 254.
    from secondchance.api import evaluate

    record = _bureau_record(
        {
            "stated_on": "2026-02",
            "custody_status": "in_custody",
            "release_method": "good_conduct_time",
            "projected_release_date": "2029-12-15",
        }
    )
    block = evaluate(record, as_of=date(2026, 3, 15)).computation("sentence")
    assert isinstance(block, dict)
    assert block["status"] == "computed"
    assert (block["full_term_date"], block["gct_release_date"]) == ("2029-12-31", "2029-04-05")
    assert block["bureau"]["stated_on"] == "2026-02"
    release = by_figure(block["bureau"])["projected_release_date"]
    assert (release["bureau"], release["ours"], release["difference"]) == (
        "2029-12-15",
        "2029-04-05",
        254,
    )

    approx = _bureau_record(
        {
            "stated_on": "2026-02-20",
            "projected_release_date": "2029-12",
            "prerelease_date": "2029",
        }
    )
    block = evaluate(approx, as_of=date(2026, 3, 15)).computation("sentence")
    assert isinstance(block, dict)
    assert block["gct_release_date"] == "2029-04-05"
    rows = by_figure(block["bureau"])
    assert rows["projected_release_date"]["bureau"] == "2029-12"
    assert rows["projected_release_date"]["difference"] is None
    assert "2029-12-01 and 2029-12-31" in rows["projected_release_date"]["likely_reason"]
    assert rows["prerelease_date"]["bureau"] == "2029"
    assert rows["prerelease_date"]["difference"] is None
    assert "2029-01-01 and 2029-12-31" in rows["prerelease_date"]["likely_reason"]


def test_an_approximate_fact_the_law_reads_still_leaves_the_dates_undecided() -> None:
    # Custody began some day of 2025-01: the full term ends between 2029-12-31 (from the 1st)
    # and 2030-01-30 (from the 31st), so the computed dates depend on that day; the Bureau's
    # approximate stated_on is not named among the reasons.
    from secondchance.api import evaluate

    record = _bureau_record({"stated_on": "2026-02"}, custody_start="2025-01")
    block = evaluate(record, as_of=date(2026, 3, 15)).computation("sentence")
    assert isinstance(block, dict)
    assert block["status"] == "needs_review"
    assert "custody[0].start" in block["reason"]
    assert "bureau.stated_on" not in block["reason"]
