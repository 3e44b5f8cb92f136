"""Benchmark: screen a synthetic population end to end (Parquet in, every program, results and
people written), against the per-record path (``evaluate`` on each person's record) measured on
a sample in the same run; the processor time per person of the main process and of the
workers; peak memory; optionally Spark local mode on the same input, its JVM
start-up reported apart.

    python benchmarks/screen.py [--people 1000000] [--workers 2] [--sample 2000] [--spark]
                                [--patterns K] [--input TABLES]

``--patterns K`` makes the people repeat the facts of K people (each under their own id), so
the engine works out only K answers per worker and the run measures the streaming (reading,
grouping, writing) and the memory of a very large population apart from the engine's speed
(``--people 10000000 --patterns 10000``: the 10,000,000-people memory check). ``--input``
screens tables already written, so that two revisions can be timed on the same people.

Goal: at least 20,000 people/s on 2 cores for 1,000,000 people, at least 50x the
per-record path, Spark within 3x of the local engine, under 2 GiB resident.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import itertools
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

from secondchance.api import evaluate
from secondchance.batch.evaluate import record_of
from secondchance.batch.read import people_from_tables
from secondchance.batch.run import Plan, run
from secondchance.batch.synth import synth_people

AS_OF = dt.date(2026, 1, 1)


def _peak_mib() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child (MiB): the
    synthesis runs first in a child of its own, so the largest child may be it (it is reported
    when it is larger than every screening worker)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def _cpu() -> tuple[float, float]:
    """Processor seconds so far of this process, and of its children that have ended (the
    workers, once a run has joined them)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime


def per_record(source: Path, sample: int) -> float:
    """People per second of the per-record path: build each record, then ``evaluate`` it."""
    items = list(itertools.islice(people_from_tables(source, []), sample))
    records = [record_of(item)[0] for item in items]
    evaluate(records[0], as_of=AS_OF)  # warm caches (law values, weekday table)
    start = time.perf_counter()
    for record in records:
        assert record is not None
        evaluate(record, as_of=AS_OF)
    return len(records) / (time.perf_counter() - start)


def spark_run(source: Path, out: Path) -> tuple[float, float]:
    """Seconds for the JVM start-up, and for the screening itself."""
    from secondchance.batch.spark import run_spark, session

    start = time.perf_counter()
    session()
    started = time.perf_counter()
    run_spark(Plan(source, out, AS_OF))
    return started - start, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sample", type=int, default=2000)
    parser.add_argument("--spark", action="store_true")
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--patterns", type=int, default=None)
    parser.add_argument(
        "--input",
        type=Path,
        default=None,
        help="Screen these tables instead of synthesising (to compare two revisions on the "
        "same people).",
    )
    args = parser.parse_args()
    root = args.dir or Path(tempfile.mkdtemp(prefix="secondchance-bench-"))
    source = args.input or root / "in"
    start = time.perf_counter()
    if args.input is None:
        # In a child process, so that this process's peak memory is the screening's alone.
        child = multiprocessing.get_context("spawn").Process(
            target=synth_people, args=(args.people, source, 1, "parquet", args.patterns)
        )
        child.start()
        child.join()
        shared = f", repeating {args.patterns:,} fact patterns" if args.patterns else ""
        print(f"synth: {args.people:,} people{shared} in {time.perf_counter() - start:.1f} s")
    synth_peak = _peak_mib()[1]
    # Also in a child process: it loads the law's tables, which the screening's main process
    # (reading and writing only) does not need.
    with concurrent.futures.ProcessPoolExecutor(1, multiprocessing.get_context("spawn")) as pool:
        baseline = pool.submit(per_record, source, args.sample).result()
    print(f"per-record path (evaluate per person, sample {args.sample}): {baseline:,.0f} people/s")
    start = time.perf_counter()
    cpu_before = _cpu()
    summary = run(Plan(source, root / "out", AS_OF, workers=args.workers))
    seconds = time.perf_counter() - start
    cpu_after = _cpu()
    main_cpu, workers_cpu = cpu_after[0] - cpu_before[0], cpu_after[1] - cpu_before[1]
    rate = summary.screened / seconds
    print(
        f"screen: {summary.screened:,} people, all programs, Parquet in and out, "
        f"{args.workers} workers: {seconds:.1f} s = {rate:,.0f} people/s "
        f"({rate / baseline:.1f}x the per-record path); {summary.evaluated:,} distinct fact "
        f"patterns evaluated; {summary.failed} people with errors"
    )
    per = 1e6 / max(summary.screened, 1)
    print(
        f"processor time per person: main process {main_cpu * per:,.0f} us, workers "
        f"{workers_cpu * per:,.0f} us ({(main_cpu + workers_cpu) * per:,.0f} us in all; the "
        "workers' start-up, building the law's tables, included)"
    )
    own, largest = _peak_mib()
    worker = f"{largest:,.0f} MiB" if largest > synth_peak else f"at most {synth_peak:,.0f} MiB"
    print(f"peak resident memory: main process {own:,.0f} MiB, largest worker {worker}")
    if args.spark:
        jvm, work = spark_run(source, root / "spark")
        print(
            f"spark local mode: JVM start-up {jvm:.1f} s (apart); screening {work:.1f} s = "
            f"{summary.screened / work:,.0f} people/s ({work / seconds:.1f}x the local time)"
        )
    print(f"files in {root}")


if __name__ == "__main__":
    sys.exit(main())
