"""The same engine on Spark: each partition's people are screened by :class:`Screener` on Arrow
batches (``mapInArrow``); results are identical to the local run (tests/batch/test_spark.py).

Spark gathers each person's rows from every table (a ``groupBy`` on ``person_id``), so on a
cluster the input need not be sorted. docs/scale.md explains a real cluster.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa

from secondchance.batch.layout import TABLES
from secondchance.batch.mapping import PersonRows, Problem
from secondchance.batch.output import RESULTS, forget_manifest
from secondchance.batch.read import LayoutError, check_layout
from secondchance.batch.run import GC_THRESHOLDS, Plan, Summary

OUTPUT = pa.schema(
    [
        ("kind", pa.string()),  # result | problem
        *RESULTS,
        ("payload", pa.string()),  # a problem: table, row, field, problem (JSON)
    ]
)
SPARK_OUTPUT = (
    "kind string, person_id string, program string, outcome string, date date, "
    "next_change date, reason_codes array<string>, missing_facts array<string>, payload string"
)
"""The same schema as :data:`OUTPUT`, in Spark's words."""
_ORDER = {name: i for i, name in enumerate(TABLES)}


def _person(person_id: str, rows: list[dict[str, Any]]) -> PersonRows:
    """A person's rows as the local reader gives them: table by table, in file order."""
    person = PersonRows(person_id)
    for row in sorted(rows, key=lambda r: (_ORDER[r["table"]], r["row"])):
        person.add(row["table"], int(row["row"]), json.loads(row["cells"]))
    return person


def _emit(screened: list[Any], orphans: list[Problem]) -> pa.RecordBatch:
    out: dict[str, list[Any]] = {n: [] for n in OUTPUT.names}

    def problem(p: Problem) -> None:
        for name, value in (("kind", "problem"), ("person_id", p.person_id)):
            out[name].append(value)
        for name in ("program", "outcome", "date", "next_change"):
            out[name].append(None)
        out["reason_codes"].append([])
        out["missing_facts"].append([])
        out["payload"].append(
            json.dumps({"table": p.table, "row": p.row, "field": p.field, "problem": p.problem})
        )

    for p in orphans:
        problem(p)
    for s in screened:
        for p in s.problems:
            problem(p)
        for a in s.answers:
            values = (
                "result",
                s.person_id,
                a.program,
                a.outcome,
                a.date,
                a.next_change,
                list(a.reason_codes),
                list(a.missing_facts),
                None,
            )
            for name, value in zip(OUTPUT.names, values, strict=True):
                out[name].append(value)
    return pa.RecordBatch.from_pydict(out, schema=OUTPUT)


def screen_partition(
    batches: Iterator[pa.RecordBatch], as_of: dt.date, programs: tuple[str, ...]
) -> Iterator[pa.RecordBatch]:
    """What runs on each Spark partition: people in, result rows out, by the local engine."""
    from secondchance.batch.evaluate import Screener

    gc.set_threshold(*GC_THRESHOLDS)  # a Spark worker process, as the local workers
    screener = Screener(as_of, programs)
    for batch in batches:
        items, orphans = [], []
        for group in batch.to_pylist():
            person = _person(group["person_id"], group["rows"])
            if "people" not in person.rows:
                orphans += [
                    Problem(person.person_id, t, n, "person_id", "no person with this id in people")
                    for t, rows in person.rows.items()
                    for n, _ in rows
                ]
                continue
            if len(person.rows["people"]) > 1:
                orphans += [
                    Problem(person.person_id, "people", n, "person_id", "used twice")
                    for n, _ in person.rows["people"]
                ]
                continue
            items.append(person)
        yield _emit(screener.screen_many(items), orphans)


def _table_frame(spark: Any, name: str, path: Path) -> Any:
    from pyspark.sql import functions as F

    if path.suffix == ".parquet":
        frame = spark.read.parquet(str(path))
    else:
        frame = spark.read.option("header", True).csv(str(path))
    from pyspark.sql.types import LongType, StructField, StructType

    numbered = frame.rdd.zipWithIndex().map(lambda pair: (*pair[0], pair[1] + 1))
    schema = StructType([*frame.schema.fields, StructField("_row", LongType(), False)])
    frame = spark.createDataFrame(numbered, schema)
    return frame.select(
        F.col("person_id").cast("string").alias("person_id"),
        F.struct(
            F.lit(name).alias("table"),
            F.col("_row").alias("row"),
            F.to_json(F.struct(*[F.col(c) for c in frame.columns if c != "_row"])).alias("cells"),
        ).alias("row"),
    )


def session(app: str = "secondchance") -> Any:
    """A local Spark session (a cluster's when run under spark-submit)."""
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.appName(app)
        .config(
            "spark.sql.shuffle.partitions", os.environ.get("SECONDCHANCE_SPARK_PARTITIONS", "8")
        )
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )


def screen_frame(spark: Any, plan: Plan) -> Any:
    """The Spark DataFrame of result and problem rows for the plan's input tables."""
    from pyspark.sql import functions as F

    files = check_layout(plan.source)
    frames = [_table_frame(spark, name, path) for name, path in files.items()]
    union = frames[0]
    for frame in frames[1:]:
        union = union.unionByName(frame)
    grouped = union.groupBy("person_id").agg(F.collect_list("row").alias("rows"))
    as_of, programs = plan.as_of, plan.programs
    return grouped.mapInArrow(
        lambda batches: screen_partition(batches, as_of, programs), SPARK_OUTPUT
    )


def run_spark(plan: Plan) -> Summary:
    """Screen on Spark: results.parquet (a folder of parts) and errors.csv in ``plan.out``."""
    if plan.campaigns or plan.only is not None:
        raise LayoutError("--engine spark does not yet run campaigns or --rerun-errors")
    spark = session()
    frame = screen_frame(spark, plan).cache()
    plan.out.mkdir(parents=True, exist_ok=True)
    forget_manifest(plan.out)
    results = frame.filter("kind = 'result'").drop("kind", "payload")
    results.write.mode("overwrite").parquet(str(plan.out / "results.parquet"))
    summary = Summary()
    for row in results.groupBy("program", "outcome").count().collect():
        summary.counts[(row["program"], row["outcome"])] = int(row["count"])
    problems = frame.filter("kind = 'problem'").select("person_id", "payload").collect()
    _write_errors(plan.out, problems, summary)
    summary.screened = results.select("person_id").distinct().count()
    frame.unpersist()
    return summary


def _write_errors(out: Path, problems: list[Any], summary: Summary) -> None:
    import csv

    failed = set()
    with (out / "errors.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(("person_id", "table", "row", "field", "problem"))
        for row in problems:
            p = json.loads(row["payload"])
            writer.writerow((row["person_id"], p["table"], p["row"], p["field"], p["problem"]))
            failed.add(row["person_id"])
    summary.problems, summary.failed = len(problems), len(failed)
