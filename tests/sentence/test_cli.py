"""``secondchance sentence`` through a real process."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


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
