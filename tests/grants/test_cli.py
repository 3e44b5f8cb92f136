"""The grants commands and ``check`` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from secondchance.cli import app

runner = CliRunner()


def test_search_text_shows_score_reason_and_source() -> None:
    result = runner.invoke(app, ["grants", "search", "Betty Bogan"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("FUZZY  92.5  2022-04-26  pardon      Betty Jo")
    assert "why: surname 'bogans' written 'bogan'" in result.stdout
    assert "2022/04/26/clemency-recipient-list/" in result.stdout


def test_search_json_and_no_match() -> None:
    result = runner.invoke(app, ["grants", "search", "kelsie lynn becklin", "--format", "json"])
    (match,) = json.loads(result.stdout)["matches"]
    assert (match["match"], match["score"], match["date"]) == ("exact", 100.0, "2024-12-12")
    none = runner.invoke(app, ["grants", "search", "Zebulon Quartermaine"])
    assert none.exit_code == 0 and "No grant in the register (1717 grants)" in none.stdout


def test_search_bad_options_exit_2() -> None:
    assert runner.invoke(app, ["grants", "search", "Smith", "--type", "parole"]).exit_code == 2
    assert runner.invoke(app, ["grants", "search", "Smith", "--from", "2024-13-01"]).exit_code == 2
    empty = runner.invoke(app, ["grants", "search", "  "])
    assert empty.exit_code == 2 and "NAME: empty" in empty.stderr


def test_list_filters() -> None:
    result = runner.invoke(
        app,
        [
            "grants",
            "list",
            "--type",
            "pardon",
            "--from",
            "2022-12-30",
            "--to",
            "2022-12-30",
            "--format",
            "json",
        ],
    )
    rows = json.loads(result.stdout)
    # The 2022-12-30 list: six pardons.
    assert len(rows) == 6 and {r["type"] for r in rows} == {"pardon"}


def test_check_names_the_listed_grant(tmp_path: Path) -> None:
    record = tmp_path / "davis.yaml"
    record.write_text(
        "person: {name: Gary Parks Davis}\n"
        "convictions:\n"
        "  - {id: c1, jurisdiction: federal, conviction_date: '2010-01-04',\n"
        "     sentencing_date: '2010-01-04',\n"
        "     sentence: {fine: 1000, fine_owed: 0}}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", str(record), "--as-of", "2024-01-02", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    (pardon,) = [d for d in report["determinations"] if d["program"] == "clemency.pardon_petition"]
    assert pardon["outcome"] == "needs_review"
    assert "pardon of Gary Parks Davis, granted 2022-12-30" in pardon["reason"]
