"""Flags of ``secondchance sentence`` for what the law computes: RDAP, lost good conduct time,
lost and restored time credits, non-earning days, the GED rate; and one answer for prior
custody covering the term. Expected values worked by hand in the comments."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from secondchance.cli import app

BASE = ("--term", "60 months", "--commenced", "2025-01-01", "--as-of", "2025-06-01")
LOW = ("--fsa-risk", "low", "--supervised-release", "36 months")


def run(*args: str) -> Any:
    return CliRunner().invoke(app, ["sentence", *args])


def block(*args: str) -> dict[str, Any]:
    out = run(*args, "--format", "json")
    assert out.exit_code == 0, out.output
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def test_gct_disallowed_and_forfeited_days() -> None:
    # 270 - (20 + 7) = 243: release 2029-04-05 + 27 days = 2029-05-02.
    b = block(*BASE, "--gct-disallowed-days", "20", "--gct-forfeited-days", "7")
    assert b["gct_days"] == 243
    assert b["gct_release_date"] == "2029-05-02"


def test_the_ged_rate() -> None:
    # 42 x 5 = 210: 2029-12-31 - 210 = 2029-06-04 (31 + 30 + 31 + 30 + 31 + 31 = 184 to
    # 2029-06-30, 26 more).
    b = block(*BASE, "--gct-without-ged")
    assert b["gct_days"] == 210
    assert b["gct_release_date"] == "2029-06-04"


def test_non_earning_days_delay_each_period() -> None:
    # Periods counted from 2025-01-31 (30 days later): R - S' = 1525; p* = 7 + ceil(1245 / 45)
    # = 35 ending on S + 1080, when R - C(34) = S + 1555 - 475 = S + 1080 too: 2027-12-17.
    b = block(*BASE, *LOW, "--non-earning-days", "30")
    assert b["fsa"]["prerelease_custody_date"] == "2027-12-17"


def test_lost_and_restored_time_credits() -> None:
    # 40 lost, 10 restored = 30 lost: as test_rdap_placement, placement 2027-12-17, 475.
    b = block(*BASE, *LOW, "--fsa-credits-lost-days", "40", "--fsa-credits-restored-days", "10")
    assert b["fsa"]["prerelease_custody_date"] == "2027-12-17"
    assert b["fsa"]["credits_days"] == 475
    assert "28 CFR 523.43" in {f["citation"] for f in b["findings"]}


def test_rdap_flags() -> None:
    # Without the Bureau's decision the exclusions are unknown: not applied, needs_review.
    b = block(*BASE, *LOW, "--rdap")
    assert b["status"] == "needs_review"
    assert b["rdap"]["status"] == "needs_review"
    assert b["fsa"]["release_date"] == "2028-04-05"
    assert any("--rdap-eligible" in m for m in b["missing_facts"])
    # The handout's example 3 (test_golden): 2028-04-05, 370 credits, CPD 2027-04-01.
    b = block(*BASE, *LOW, "--rdap", "--rdap-eligible")
    assert b["rdap"]["release_date"] == "2028-04-05"
    assert b["fsa"]["credits_days"] == 370
    assert b["fsa"]["prerelease_custody_date"] == "2027-04-01"
    # Completed late (2028-06-01 after 2028-04-05): released no earlier than completion.
    b = block(*BASE, "--rdap-completed", "2028-06-01", "--rdap-eligible")
    assert b["rdap"]["release_date"] == "2028-06-01"


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (("--gct-disallowed-days", "-1"), "--gct-disallowed-days"),
        (("--fsa-credits-restored-days", "5"), "--fsa-credits-restored-days"),
        (("--non-earning-days", "9999999"), "--non-earning-days"),
        (("--rdap-eligible",), "--rdap-eligible"),
        (("--rdap-completed", "2028-02-30"), "--rdap-completed"),
        (("--rdap-completed", "2024-12-31"), "--rdap-completed"),
    ],
)
def test_bad_flags_exit_2_naming_the_flag(args: tuple[str, ...], flag: str) -> None:
    out = run(*BASE, *args)
    assert out.exit_code == 2
    assert flag in out.output
    assert "Traceback" not in out.output


def _gct_in_text(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"= (\d+) days; release date", text)}


@settings(max_examples=15, deadline=None)
@given(
    st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    st.integers(13, 120),
    st.integers(0, 200),
)
def test_prior_custody_covering_the_term_says_one_thing(
    start: date, months: int, beyond: int
) -> None:
    # Prior custody of the whole term and more: JSON and text give the same GCT days.
    # The term's months end before the first of the month after the anniversary: more days
    # than that cover it.
    year, month = divmod(start.month - 1 + months + 1, 12)
    prior = (date(start.year + year, month + 1, 1) - start).days + beyond
    args = ("--term", f"{months} months", "--commenced", start.isoformat())
    args += ("--as-of", "2025-06-01")
    as_json = block(*args, "--prior-custody-days", str(prior))
    text = run(*args, "--prior-custody-days", str(prior)).stdout
    assert as_json["status"] == "term_served"
    assert f"Good conduct time (days): {as_json['gct_days']}" in text
    assert _gct_in_text(text) == {as_json["gct_days"]}
    assert as_json["placement"] is None


def test_prior_custody_covering_the_term_worked() -> None:
    # 24 months from 2024-01-01 (731 days) and 900 days of prior custody: GCT 2 x 54 = 108,
    # in the JSON as in the text.
    args = ("--term", "24 months", "--commenced", "2024-01-01", "--prior-custody-days", "900")
    assert block(*args)["gct_days"] == 108
    assert "= 108 days" in run(*args).stdout
