"""``secondchance sentence`` through a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import check_json

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "sentence"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "secondchance", "sentence", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_json_contract_handout_example_2() -> None:
    out = run(
        "--term",
        "60 months",
        "--commenced",
        "2025-01-01",
        "--as-of",
        "2025-06-01",
        "--fsa-risk",
        "low",
        "--supervised-release",
        "36 months",
        "--format",
        "json",
    )
    assert out.returncode == 0, out.stderr
    block = json.loads(out.stdout)
    assert block["term_days"] == 1826
    assert block["commenced_on"] == "2025-01-01"
    assert block["prior_custody_days"] == 0
    assert block["full_term_date"] == "2029-12-31"
    assert block["gct_days"] == 270
    assert block["gct_release_date"] == "2029-04-05"
    assert block["release_weekday_date"] == "2029-04-05"
    fsa = block["fsa"]
    assert fsa["eligible"] is True
    assert fsa["credits_days"] == 490
    assert fsa["supervised_release_credit_days"] == 365
    assert fsa["prerelease_custody_credit_days"] == 125
    assert fsa["release_date"] == "2028-04-05"
    assert fsa["prerelease_custody_date"] == "2027-12-02"
    assert all(f["citation"] and f["rule_version"] for f in block["findings"])


def test_risk_level_is_read_regardless_of_letter_case() -> None:
    # The record format reads "Low" as low; the command's option reads it the same way: the
    # handout's example 2 again (60 months from 2025-01-01, low risk), 490 days of credits.
    out = run(
        "--term", "60 months", "--commenced", "2025-01-01", "--as-of", "2025-06-01",
        "--fsa-risk", "LOW", "--supervised-release", "36 months", "--format", "json",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["fsa"]["credits_days"] == 490


def test_text_output() -> None:
    out = run("--term", "24 months", "--commenced", "2020-01-01", "--as-of", "2022-06-01")
    assert out.returncode == 0
    assert "GCT release date: 2021-09-14" in out.stdout


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["--term", "60 mnths", "--commenced", "2025-01-01"], "--term"),
        (["--term", "60 months", "--commenced", "2025-02-30"], "--commenced"),
        (
            ["--term", "60 months", "--commenced", "2025-01-01", "--arrived", "2024-12-01"],
            "--arrived",
        ),
        (
            ["--term", "60 months", "--commenced", "2025-01-01", "--prior-custody-days", "-3"],
            "--prior-custody-days",
        ),
        (
            ["--term", "60 months", "--commenced", "2025-01-01", "--supervised-release", "x"],
            "--supervised-release",
        ),
        (["--term", "60 months", "--commenced", "2025-01-01", "--fsa-risk", "tiny"], "--fsa-risk"),
        (["--term", "60 months", "--commenced", "2025-01-01", "--as-of", "soon"], "--as-of"),
    ],
)
def test_input_errors_exit_2_naming_the_flag(args: list[str], flag: str) -> None:
    out = run(*args)
    assert out.returncode == 2
    assert flag in out.stderr
    assert "Traceback" not in out.stderr


def test_before_the_act_no_time_credits() -> None:
    out = run(
        "--term",
        "300 months",
        "--commenced",
        "2000-01-01",
        "--as-of",
        "2010-01-01",
        "--fsa-risk",
        "low",
        "--format",
        "json",
    )
    block = json.loads(out.stdout)
    assert block["gct_method"] == "time_served"
    assert block["fsa"]["eligible"] is None
    assert block["fsa"]["credits_days"] is None


@pytest.mark.parametrize("term", ["400 days", "life", "5 years 3 months", "12 months 1 day"])
def test_terms_as_courts_write_them(term: str) -> None:
    out = run(
        "--term",
        term,
        "--commenced",
        "2025-01-01",
        "--prior-custody-days",
        "5000",
        "--fsa-risk",
        "low",
        "--format",
        "json",
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["term"] in {term, "12 months 1 day"}


def test_credits_beyond_the_days_left_are_explained() -> None:
    # 400 days, arrival 2025-01-20 (worked in test_cases): 85 earned by 2025-09-17, 81 days left.
    out = run(
        "--term", "400 days", "--commenced", "2025-01-01", "--arrived", "2025-01-20",
        "--as-of", "2025-06-01", "--fsa-risk", "low", "--supervised-release", "36 months",
        "--format", "json",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    fsa = json.loads(out.stdout)["fsa"]
    assert (fsa["credits_days"], fsa["credits_applied_days"]) == (85, 81)
    texts = [f["finding"] for f in json.loads(out.stdout)["findings"]]
    assert any("4 are not needed and are not applied" in t for t in texts)


def check(name: str, as_of: str) -> dict[str, object]:
    return check_json(EXAMPLES / name, as_of)


def fsa_of(report: dict[str, object]) -> dict[str, object]:
    dets = report["determinations"]
    assert isinstance(dets, list)
    found: dict[str, object] = next(d for d in dets if d["program"] == "fsa.time_credits")
    return found


def test_example_removal_order() -> None:
    # Worked in the example's comment: eligible before 2026-01-15 (next change that day), not
    # eligible after, with 510 credits shown (51 periods at 10: one low assessment recorded, the
    # 5 more days need two consecutive ones, 28 CFR 523.42(c)(2)) and none applied.
    before = check("removal-order.yaml", "2025-12-01")
    assert (fsa_of(before)["outcome"], fsa_of(before)["next_change"]) == ("eligible", "2026-01-15")
    after = check("removal-order.yaml", "2026-02-01")
    assert fsa_of(after)["outcome"] == "not_eligible"
    block = after["sentence"]
    assert isinstance(block, dict)
    assert block["fsa"]["eligible"] is False
    assert block["fsa"]["credits_days"] == 510
    assert block["gct_release_date"] == "2029-04-05"
    assert "by None" not in json.dumps(block)


def test_example_drug_conspiracy_object_offense() -> None:
    report = check("drug-conspiracy-object-offense.yaml", "2025-06-01")
    det = fsa_of(report)
    assert det["outcome"] == "needs_review"
    missing = det["missing_facts"]
    assert isinstance(missing, list)
    assert "convictions[0].counts[0].object_offense" in missing
    assert "convictions[0].counts[0].court_findings" in missing


def test_example_commuted_life() -> None:
    # Worked in the example's comment: the warrant's date from the grant on, needs_review.
    before = check("commuted-life.yaml", "2025-01-16")
    assert before["sentence"]["full_term_date"] is None  # type: ignore[index]
    assert fsa_of(before)["next_change"] == "2025-01-17"
    after = check("commuted-life.yaml", "2025-06-01")
    assert fsa_of(after)["outcome"] == "needs_review"
    block = after["sentence"]
    assert isinstance(block, dict)
    assert block["commuted_release_date"] == "2027-01-16"
    assert block["gct_release_date"] is None
