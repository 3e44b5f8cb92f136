"""The Spark runner (local mode) gives exactly the local engine's results."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from secondchance.batch.campaign import shipped
from secondchance.batch.run import Plan, failed_ids, run
from secondchance.batch.synth import synth_people

pytestmark = pytest.mark.spark

AS_OF = dt.date(2026, 1, 1)


def _rows(path: Path) -> list[tuple[object, ...]]:
    table = pq.read_table(path)
    return sorted(
        tuple(tuple(v) if isinstance(v, list) else v for v in row.values())
        for row in table.select(
            [
                "person_id",
                "program",
                "outcome",
                "date",
                "next_change",
                "reason_codes",
                "missing_facts",
            ]
        ).to_pylist()
    )


def test_spark_local_mode_equals_the_local_engine(tmp_path: Path) -> None:
    if shutil.which("java") is None:
        pytest.skip("no Java runtime (.ci/run installs one)")
    from secondchance.batch.spark import run_spark

    source = tmp_path / "in"
    synth_people(40, source, seed=5)
    local = run(Plan(source, tmp_path / "local", AS_OF, workers=1))
    spark = run_spark(Plan(source, tmp_path / "spark", AS_OF))
    assert spark.counts == local.counts
    assert (spark.screened, spark.failed) == (local.screened, local.failed) == (40, 0)
    assert _rows(tmp_path / "spark" / "results.parquet") == _rows(
        tmp_path / "local" / "results.parquet"
    )


def _people(path: Path) -> list[tuple[object, ...]]:
    return sorted(tuple(row.values()) for row in pq.read_table(path).to_pylist())


def _list(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        header, *rows = list(csv.reader(handle))
    return [header, *sorted(rows)]


def test_spark_writes_the_people_file_and_the_campaign_lists_of_the_local_run(
    tmp_path: Path,
) -> None:
    if shutil.which("java") is None:
        pytest.skip("no Java runtime (.ci/run installs one)")
    from secondchance.batch.spark import run_spark

    source = tmp_path / "in"
    synth_people(300, source, seed=7)
    campaigns = tuple(shipped().values())
    local = run(Plan(source, tmp_path / "local", AS_OF, campaigns=campaigns, workers=1))
    spark = run_spark(Plan(source, tmp_path / "spark", AS_OF, campaigns=campaigns))
    assert spark.campaigns == local.campaigns
    assert spark.campaign_reviews == local.campaign_reviews
    # The lists are not all empty (else this test could not fail).
    assert sum(local.campaigns.values()) + sum(local.campaign_reviews.values()) > 0
    for campaign in campaigns:
        for name in (campaign.id, f"{campaign.id}-review"):
            found = _list(tmp_path / "spark" / "campaigns" / f"{name}.csv")
            assert found == _list(tmp_path / "local" / "campaigns" / f"{name}.csv"), name
    assert _people(tmp_path / "spark" / "people.parquet") == _people(
        tmp_path / "local" / "people.parquet"
    )


def test_spark_reruns_only_the_failed_people(tmp_path: Path) -> None:
    if shutil.which("java") is None:
        pytest.skip("no Java runtime (.ci/run installs one)")
    from secondchance.batch.spark import run_spark

    source = tmp_path / "in"
    synth_people(20, source, seed=5)
    people_file = source / "people.parquet"
    table = pq.read_table(people_file)
    births = table["date_of_birth"].to_pylist()
    bad_id = table["person_id"][0].as_py()

    def write(first_birth: object) -> None:
        rest = [None if b is None else b.isoformat() for b in births[1:]]
        column = pa.array([first_birth, *rest], pa.string())  # dates as text: one is no day
        index = table.schema.get_field_index("date_of_birth")
        pq.write_table(table.set_column(index, "date_of_birth", column), people_file)

    write("1990-02-30")  # no such day: the person is not screened
    out = tmp_path / "out"
    first = run_spark(Plan(source, out, AS_OF))
    assert (first.screened, first.failed) == (19, 1)
    assert failed_ids(out) == frozenset({bad_id})
    write(births[0].isoformat())
    again = run_spark(Plan(source, out, AS_OF, only=failed_ids(out), part="-rerun1"))
    assert (again.screened, again.failed) == (1, 0)
    rows = pq.read_table(out / "results-rerun1.parquet").to_pylist()
    assert {r["person_id"] for r in rows} == {bad_id}


def test_spark_trims_ids_as_the_local_reader_and_refuses_csv(tmp_path: Path) -> None:
    if shutil.which("java") is None:
        pytest.skip("no Java runtime (.ci/run installs one)")
    from secondchance.batch.read import LayoutError
    from secondchance.batch.spark import run_spark

    source = tmp_path / "in"
    synth_people(6, source, seed=5)
    people_file = source / "people.parquet"
    table = pq.read_table(people_file)
    ids = table["person_id"].to_pylist()
    # "P... " in people and "P..." in the other tables are one person (ids are trimmed): the
    # person's convictions are theirs, never orphan rows leaving a record with no conviction.
    spaced = pa.array([f"{ids[0]} ", *ids[1:]])
    pq.write_table(table.set_column(0, "person_id", spaced), people_file)
    local = run(Plan(source, tmp_path / "local", AS_OF, workers=1))
    spark = run_spark(Plan(source, tmp_path / "spark", AS_OF))
    assert (
        (spark.screened, spark.failed, spark.problems)
        == (6, 0, 0)
        == (
            local.screened,
            local.failed,
            local.problems,
        )
    )
    assert _rows(tmp_path / "spark" / "results.parquet") == _rows(
        tmp_path / "local" / "results.parquet"
    )
    csv_source = tmp_path / "csv"
    synth_people(3, csv_source, seed=5, fmt="csv")
    with pytest.raises(LayoutError, match="Parquet tables only"):
        run_spark(Plan(csv_source, tmp_path / "out", AS_OF))


def test_spark_reads_and_writes_storage_urls_as_it_does_folders(tmp_path: Path) -> None:
    """``file://`` URLs go through the same Hadoop file system calls as ``s3a://`` or ``hdfs://``
    on a cluster: tables listed and checked, results written by Spark, the driver's files (errors,
    campaign lists, manifest) copied over, a rerun's manifest and errors file copied back. Every
    file equals the run on plain folders."""
    if shutil.which("java") is None:
        pytest.skip("no Java runtime (.ci/run installs one)")
    from typer.testing import CliRunner

    from secondchance.cli import app

    source = tmp_path / "in"
    synth_people(30, source, seed=5)
    table = pq.read_table(source / "people.parquet")
    bad_id = table["person_id"][0].as_py()
    births = [None if b is None else b.isoformat() for b in table["date_of_birth"].to_pylist()]
    column = pa.array(["1990-02-30", *births[1:]], pa.string())  # no such day: not screened
    index = table.schema.get_field_index("date_of_birth")
    pq.write_table(table.set_column(index, "date_of_birth", column), source / "people.parquet")

    def screen(where: str, out: str, *extra: str) -> int:
        args = ["screen", where, "--out", out, "--as-of", "2026-01-01", "--engine", "spark"]
        args += ["--campaign", "overdue", *extra]
        return CliRunner().invoke(app, args).exit_code

    assert screen(str(source), str(tmp_path / "plain")) == 3  # one person not screened
    out = tmp_path / "url"
    assert screen(source.as_uri(), out.as_uri()) == 3
    assert _rows(out / "results.parquet") == _rows(tmp_path / "plain" / "results.parquet")
    assert _people(out / "people.parquet") == _people(tmp_path / "plain" / "people.parquet")
    for name in ("errors.csv", "campaigns/overdue.csv", "campaigns/overdue-review.csv"):
        assert _list(out / name) == _list(tmp_path / "plain" / name), name
    assert failed_ids(out) == frozenset({bad_id})
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["source"] == source.as_uri()

    pq.write_table(table, source / "people.parquet")  # fixed: the rerun screens that person
    assert screen(source.as_uri(), out.as_uri(), "--rerun-errors") == 0
    rows = pq.read_table(out / "results-rerun1.parquet").to_pylist()
    assert {r["person_id"] for r in rows} == {bad_id}
    assert json.loads((out / "manifest.json").read_text())["parts"] == ["", "-rerun1"]

    # explain reads tables on this machine: named with --source for a run that read a URL.
    explained = CliRunner().invoke(app, ["explain", str(out), "--id", bad_id])
    assert explained.exit_code == 2 and "--source" in explained.output
    explained = CliRunner().invoke(
        app, ["explain", str(out), "--id", bad_id, "--source", str(source)]
    )
    assert explained.exit_code == 0 and "as of 2026-01-01" in explained.output


def test_a_storage_url_needs_the_spark_engine(tmp_path: Path) -> None:
    """The local engine reads and writes folders on this machine: a URL is bad input (exit 2,
    nothing written), never a folder named 's3a:'."""
    from typer.testing import CliRunner

    from secondchance.cli import app

    source = tmp_path / "in"
    synth_people(3, source, seed=5)
    for where, out in (("s3a://bucket/people", str(tmp_path / "o1")), (str(source), "s3a://b/o")):
        result = CliRunner().invoke(app, ["screen", where, "--out", out, "--as-of", "2026-01-01"])
        assert result.exit_code == 2
        assert "add --engine spark" in result.output
    assert not (tmp_path / "o1").exists() and not Path("s3a:").exists()
