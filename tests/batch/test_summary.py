"""The summary printed at the end of a screening: every count whole, in a terminal of 80
columns, however large the population."""

from __future__ import annotations

import io

from rich.console import Console

from secondchance.batch.run import Summary
from secondchance.cli.batch import _summary_table

OUTCOMES = (
    "eligible",
    "eligible_from",
    "needs_review",
    "insufficient_facts",
    "not_applicable",
    "not_eligible",
)


def _shown(summary: Summary) -> str:
    console = Console(width=80, record=True, file=io.StringIO())
    _summary_table(summary, console)
    return console.export_text()


def test_ten_million_people_fit_in_80_columns_with_every_count_whole() -> None:
    summary = Summary()
    programs = ("sba.7a", "clemency.commutation_petition", "fsa.time_credits")
    for n, (program, outcome) in enumerate((p, o) for p in programs for o in OUTCOMES):
        summary.counts[(program, outcome)] = 10_000_000 - n  # 8 digits each, all different
    text = _shown(summary)
    for count in summary.counts.values():
        assert str(count) in text
    assert "…" not in text
    assert max(len(line) for line in text.splitlines()) <= 80
    for header in ("eligible", "from", "date", "review", "facts", "n/a", "not", "elig."):
        assert header in text


def test_only_the_outcomes_that_occur_are_columns() -> None:
    summary = Summary(counts={("sba.7a", "eligible"): 5, ("sba.7a", "not_eligible"): 12})
    text = _shown(summary)
    assert "review" not in text and "facts" not in text
    assert "5" in text and "12" in text


def test_each_campaign_names_both_of_its_files() -> None:
    summary = Summary(campaigns={"overdue": 1234}, campaign_reviews={"overdue": 5})
    shown = " ".join(_shown(summary).split())
    assert (
        "campaign overdue: 1,234 on the list (campaigns/overdue.csv), 5 for review "
        "(campaigns/overdue-review.csv)"
    ) in shown
