"""The same engine on Spark: each partition's people are screened by :class:`Screener` on Arrow
batches (``mapInArrow``); results are identical to the local run (tests/batch/test_spark.py).

Spark gathers each person's rows from every table (a ``groupBy`` on ``person_id``), so on a
cluster the input need not be sorted. Input and output may be storage URLs
(``batch/storage.py``). docs/scale.md explains a real cluster.
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

from secondchance.batch.campaign import Campaign, CampaignSink, placements
from secondchance.batch.layout import TABLES
from secondchance.batch.mapping import PersonRows, Problem
from secondchance.batch.output import PEOPLE, RESULTS, forget_manifest, people_columns
from secondchance.batch.read import LayoutError, check_columns, check_layout
from secondchance.batch.run import GC_THRESHOLDS, Plan, Summary
from secondchance.batch.storage import StorageFiles, join

OUTPUT = pa.schema(
    [
        ("kind", pa.string()),  # result | person | campaign | problem
        *RESULTS,
        *[f for f in PEOPLE if f.name != "person_id"],
        ("campaign", pa.int32()),  # a campaign row: the campaign's index in the plan
        ("review", pa.bool_()),  # a campaign row: on the campaign's review list
        ("payload", pa.string()),  # a problem (table, row, field, problem) or a campaign row
    ]
)
"""Every row a partition gives: a result, a person (the people file's row), a campaign
placement or a problem; the columns another kind uses are null."""
_SPARK_TYPES = {
    pa.string(): "string",
    pa.date32(): "date",
    pa.bool_(): "boolean",
    pa.int64(): "bigint",
    pa.int32(): "int",
    pa.list_(pa.string()): "array<string>",
}
SPARK_OUTPUT = ", ".join(f"`{f.name}` {_SPARK_TYPES[f.type]}" for f in OUTPUT)
"""The same schema as :data:`OUTPUT`, in Spark's words."""
_ORDER = {name: i for i, name in enumerate(TABLES)}


def _person(person_id: str, rows: list[dict[str, Any]]) -> PersonRows:
    """A person's rows as the local reader gives them: table by table, in file order."""
    person = PersonRows(person_id)
    for row in sorted(rows, key=lambda r: (_ORDER[r["table"]], r["row"])):
        person.add(row["table"], int(row["row"]), json.loads(row["cells"]))
    return person


def _emit(
    screened: list[Any],
    orphans: list[Problem],
    campaigns: tuple[Campaign, ...] = (),
    as_of: dt.date | None = None,
) -> pa.RecordBatch:
    out: dict[str, list[Any]] = {n: [] for n in OUTPUT.names}

    def row(kind: str, person_id: str, values: dict[str, Any]) -> None:
        for name in OUTPUT.names:
            out[name].append(values.get(name))
        out["kind"][-1], out["person_id"][-1] = kind, person_id
        for name in ("reason_codes", "missing_facts"):
            if out[name][-1] is None:
                out[name][-1] = []

    def problem(p: Problem, counted: str | None) -> None:
        payload = {"table": p.table, "row": p.row, "field": p.field, "problem": p.problem}
        payload["counted"] = counted  # how it counts among the people not screened
        row("problem", p.person_id, {"payload": json.dumps(payload)})

    # Counted as the local run counts them: a person not screened once, a people row that fits
    # no one person (an empty id, an id used twice) once each, a row of another table not.
    for p in orphans:
        problem(p, "row" if p.table == "people" else None)
    for s in screened:
        for p in s.problems:
            problem(p, "person")
        if s.problems:
            continue
        for a in s.answers:
            row("result", s.person_id, dict(zip(RESULTS.names[1:], a, strict=True)))
        person = people_columns([s])
        row("person", s.person_id, {name: values[0] for name, values in person.items()})
        if campaigns:
            assert as_of is not None
            for index, review, placed in placements(campaigns, s, as_of):
                placement = {"campaign": index, "review": review, "payload": json.dumps(placed)}
                row("campaign", s.person_id, placement)
    return pa.RecordBatch.from_pydict(out, schema=OUTPUT)


def screen_partition(
    batches: Iterator[pa.RecordBatch],
    as_of: dt.date,
    programs: tuple[str, ...],
    campaigns: tuple[Campaign, ...] = (),
) -> Iterator[pa.RecordBatch]:
    """What runs on each Spark partition: people in; result, people, campaign and problem rows
    out, by the local engine and the campaigns' own code."""
    from secondchance.batch.evaluate import Screener

    gc.set_threshold(*GC_THRESHOLDS)  # a Spark worker process, as the local workers
    screener = Screener(as_of, programs)
    for batch in batches:
        items, orphans = [], []
        for group in batch.to_pylist():
            person = _person(group["person_id"] or "", group["rows"])
            if not person.person_id:
                orphans += [
                    Problem("", t, n, "person_id", "person_id is empty")
                    for t, rows in person.rows.items()
                    for n, _ in rows
                ]
                continue
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
        yield _emit(screener.screen_many(items), orphans, campaigns, as_of)


def _table_frame(spark: Any, name: str, frame: Any) -> Any:
    from pyspark.sql import functions as F
    from pyspark.sql.types import LongType, StructField, StructType

    numbered = frame.rdd.zipWithIndex().map(lambda pair: (*pair[0], pair[1] + 1))
    schema = StructType([*frame.schema.fields, StructField("_row", LongType(), False)])
    frame = spark.createDataFrame(numbered, schema)
    trimmed = F.trim(F.col("person_id").cast("string"))  # as the local reader reads ids
    return frame.select(
        F.when(trimmed == "", None).otherwise(trimmed).alias("person_id"),
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

    if plan.source_url is not None:
        tables = _url_tables(spark, plan.source_url)
    else:
        files = check_layout(plan.source)
        _parquet_only([path.name for path in files.values() if path.suffix != ".parquet"])
        tables = {name: spark.read.parquet(str(path)) for name, path in files.items()}
    frames = [_table_frame(spark, name, table) for name, table in tables.items()]
    union = frames[0]
    for frame in frames[1:]:
        union = union.unionByName(frame)
    if plan.only is not None:  # a rerun: only the people of the last errors file
        union = union.filter(F.col("person_id").isin(sorted(plan.only)))
    grouped = union.groupBy("person_id").agg(F.collect_list("row").alias("rows"))
    as_of, programs, campaigns = plan.as_of, plan.programs, plan.campaigns
    return grouped.mapInArrow(
        lambda batches: screen_partition(batches, as_of, programs, campaigns), SPARK_OUTPUT
    )


def _parquet_only(text: list[str]) -> None:
    if text:
        raise LayoutError(
            f"--engine spark reads Parquet tables only ({', '.join(sorted(text))} is CSV, whose "
            "quoted line breaks and short rows Spark's reader does not read as the local one "
            "does): convert them to Parquet (docs/scale.md), or screen with the local engine"
        )


def _url_tables(spark: Any, url: str) -> dict[str, Any]:
    """The tables under the storage URL ``url`` (a Parquet file or folder of parts each) as
    Spark frames, their columns checked against the layout as the local reader checks them."""
    names = StorageFiles(spark, url).names(url)
    if names is None:
        raise LayoutError(f"{url}: not a folder of tables")
    _parquet_only([f"{t}.csv" for t in TABLES if f"{t}.csv" in names])
    found = {t: join(url, f"{t}.parquet") for t in TABLES if f"{t}.parquet" in names}
    if "people" not in found:
        raise LayoutError(f"{url}: no people.parquet (docs/batch-format.md)")
    tables = {name: spark.read.parquet(where) for name, where in found.items()}
    for name, frame in tables.items():
        check_columns(name, found[name], list(frame.columns))
    return tables


def run_spark(plan: Plan) -> Summary:
    """Screen on Spark: ``results.parquet`` and ``people.parquet`` (folders of parts),
    ``errors.csv`` and the campaign lists in ``plan.out``, as the local run names them (with
    ``plan.part`` for a rerun). With ``plan.out_url`` Spark writes the results and people there,
    and the rest goes to ``plan.out`` until :func:`publish` copies it."""
    spark = session()
    frame = screen_frame(spark, plan).cache()
    plan.out.mkdir(parents=True, exist_ok=True)
    forget_manifest(plan.out)
    if plan.out_url is not None:
        StorageFiles(spark, plan.out_url).delete(join(plan.out_url, "manifest.json"))

    def where(name: str) -> str:
        return str(plan.out / name) if plan.out_url is None else join(plan.out_url, name)

    results = frame.filter("kind = 'result'").select(*RESULTS.names)
    results.write.mode("overwrite").parquet(where(f"results{plan.part}.parquet"))
    people = frame.filter("kind = 'person'").select(*PEOPLE.names)
    people.write.mode("overwrite").parquet(where(f"people{plan.part}.parquet"))
    summary = Summary()
    for row in results.groupBy("program", "outcome").count().collect():
        summary.counts[(row["program"], row["outcome"])] = int(row["count"])
    problems = frame.filter("kind = 'problem'").select("person_id", "payload").collect()
    _write_errors(plan.out / f"errors{plan.part}.csv", problems, summary)
    summary.screened = people.count()
    lists = CampaignSink(plan.out, plan.campaigns, plan.as_of, plan.part)
    try:
        placed = frame.filter("kind = 'campaign'").select("campaign", "review", "payload")
        for row in placed.orderBy("campaign", "person_id").toLocalIterator():
            lists.add(int(row["campaign"]), bool(row["review"]), json.loads(row["payload"]))
    finally:
        lists.close()
    summary.campaigns, summary.campaign_reviews = lists.counts, lists.review_counts
    frame.unpersist()
    return summary


def _write_errors(path: Path, problems: list[Any], summary: Summary) -> None:
    import csv

    failed, people_rows = set(), 0  # as the local run counts: people rows, not other rows
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(("person_id", "table", "row", "field", "problem"))
        for row in problems:
            p = json.loads(row["payload"])
            writer.writerow((row["person_id"], p["table"], p["row"], p["field"], p["problem"]))
            if p.get("counted") == "row":
                people_rows += 1
            elif p.get("counted") == "person":
                failed.add(row["person_id"])
    summary.problems, summary.failed = len(problems), len(failed) + people_rows


def fetch(url: str, local: Path, name: str) -> bool:
    """Copy the file ``name`` of the output folder at the storage URL ``url`` into the local
    folder ``local`` (for a rerun); False when there is none."""
    files = StorageFiles(session(), url)
    if not files.exists(join(url, name)):
        return False
    files.get(join(url, name), local / name)
    return True


def publish(local: Path, url: str) -> None:
    """Copy every file the driver wrote in the local folder ``local`` (errors, campaign lists,
    manifest, last) to the same names under the storage URL ``url``."""
    files = StorageFiles(session(), url)
    written = sorted(p for p in local.rglob("*") if p.is_file() and not p.name.endswith(".crc"))
    manifest = local / "manifest.json"
    for path in [p for p in written if p != manifest] + [p for p in written if p == manifest]:
        files.put(path, join(url, *path.relative_to(local).parts))
