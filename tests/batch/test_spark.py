"""The Spark runner (local mode) gives exactly the local engine's results."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from secondchance.batch.run import Plan, run
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
