"""The other ways in (JSON Lines, a folder of record files) and ``explain``, which prints what
``check`` prints for the person."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import yaml
from typer.testing import CliRunner

from secondchance.cli import app
from tests.batch.test_mapping import EXAMPLES

EXAMPLE = EXAMPLES / "sba" / "parole-owner.yaml"


def _invoke(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.stdout


def test_explain_prints_what_check_prints(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "ortiz.yaml")
    out = tmp_path / "out"
    _invoke("screen", str(folder), "--as-of", "2024-06-01", "--out", str(out), "--workers", "1")
    explained = _invoke("explain", str(out), "--id", "ortiz")
    assert explained == _invoke("check", str(EXAMPLE), "--as-of", "2024-06-01")
    verbose = _invoke("explain", str(out), "--id", "ortiz", "--verbose")
    assert verbose == _invoke("check", str(EXAMPLE), "--as-of", "2024-06-01", "--verbose")


def test_explain_prints_several_people_in_one_pass(tmp_path: Path) -> None:
    """Several --id, or a campaign list's person_id column: each person's report as check
    prints it, in the order asked, separated by a rule; an id not screened is exit 2 with
    nothing printed."""
    folder = tmp_path / "records"
    folder.mkdir()
    other = EXAMPLES / "clemency" / "marijuana-844-2015.yaml"
    for name, example in (("ortiz", EXAMPLE), ("lane", other)):
        shutil.copy(example, folder / f"{name}.yaml")
    out = tmp_path / "out"
    _invoke("screen", str(folder), "--as-of", "2024-06-01", "--out", str(out), "--workers", "1")
    ortiz = _invoke("check", str(EXAMPLE), "--as-of", "2024-06-01")
    lane = _invoke("check", str(other), "--as-of", "2024-06-01")
    rule = "\n" + "=" * 78 + "\n\n"
    assert _invoke("explain", str(out), "--id", "lane", "--id", "ortiz") == lane + rule + ortiz
    listed = tmp_path / "list.csv"
    listed.write_text("person_id,reason\nortiz,a\n,blank\nlane,b\nortiz,again\n", "utf-8")
    assert _invoke("explain", str(out), "--ids-from", str(listed)) == ortiz + rule + lane
    result = CliRunner().invoke(app, ["explain", str(out), "--id", "ortiz", "--id", "nobody"])
    assert result.exit_code == 2 and result.stdout == ""
    assert "no person 'nobody'" in result.output
    no_column = tmp_path / "bad.csv"
    no_column.write_text("id\nortiz\n", "utf-8")
    result = CliRunner().invoke(app, ["explain", str(out), "--ids-from", str(no_column)])
    assert result.exit_code == 2 and "has no person_id column" in result.output


def test_json_lines_and_record_folders_give_the_same_results(tmp_path: Path) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    lines = tmp_path / "people.jsonl"
    lines.write_text(
        json.dumps({"person_id": "ortiz", "record": data}, default=str) + "\n" + "{not json\n",
        encoding="utf-8",
    )
    folder = tmp_path / "records"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "ortiz.yaml")
    for source, out in ((lines, tmp_path / "a"), (folder, tmp_path / "b")):
        # The JSON line "{not json" (in a) is not screened: exit code 3; the folder (b): 0.
        code = 3 if source == lines else 0
        _invoke(
            "screen",
            str(source),
            "--as-of",
            "2024-06-01",
            "--out",
            str(out),
            "--workers",
            "1",
            code=code,
        )
    a = pq.read_table(tmp_path / "a" / "results.parquet").to_pylist()
    b = pq.read_table(tmp_path / "b" / "results.parquet").to_pylist()
    assert a == b
    # The example's own expectations (application 2024-05-30, the new rule): every SBA
    # program eligible.
    assert {r["program"]: r["outcome"] for r in a if r["program"].startswith("sba.")} == {
        "sba.7a": "eligible",
        "sba.504": "eligible",
        "sba.microloan": "eligible",
        "sba.ilp": "eligible",
        "sba.surety_bond": "eligible",
        "sba.disaster": "eligible",
    }
    errors = (tmp_path / "a" / "errors.csv").read_text(encoding="utf-8").splitlines()
    assert len(errors) == 2 and errors[1].startswith("line-2,people.jsonl,2,")


def test_synth_patterns_repeat_the_facts_of_the_first_people(tmp_path: Path) -> None:
    """25 people over 10 patterns: person i has the facts of person i mod 10 under their own id,
    so there are exactly 10 fact patterns, and the 13th person (P000000012) reads as the 3rd
    (P000000002)."""
    from secondchance.batch.mapping import pattern_key
    from secondchance.batch.read import people_from_tables

    out = tmp_path / "tables"
    _invoke("synth", str(out), "--people", "25", "--seed", "3", "--patterns", "10")
    people = {p.person_id: p for p in people_from_tables(out, [])}
    assert len(people) == 25
    keys = {pattern_key(p) for p in people.values()}  # type: ignore[arg-type]
    assert len(keys) == 10
    third, thirteenth = people["P000000002"], people["P000000012"]
    assert pattern_key(third) == pattern_key(thirteenth)  # type: ignore[arg-type]
    assert third.rows.keys() == thirteenth.rows.keys()  # type: ignore[union-attr]
