"""Benchmark: processor time per person of each stage of a screening worker, in one process.

    python benchmarks/stages.py [--people 3000] [--input TABLES]

Synthesises the people (or reads ``--input``), sets up the process as a screening worker is set
up (the law's tables built, the garbage collector as ``batch/run.py`` sets it), then times, per
person: the fact-pattern key, building the validated record from the rows, the sentence
computation for the whole chunk (``prepare``), ``evaluate`` with each program timed apart, and
the whole worker path (``Screener.screen_many`` on chunks of 512) on fresh records. Processor
time, not wall time, so another process on the machine disturbs it less; still, run two
revisions interleaved, several times each, to compare them.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gc
import importlib
import itertools
import tempfile
import time
from pathlib import Path
from typing import Any

import secondchance.api as api
from secondchance.batch.evaluate import Screener, record_of
from secondchance.batch.mapping import pattern_key
from secondchance.batch.read import people
from secondchance.batch.synth import synth_people

AS_OF = dt.date(2026, 1, 1)
WARM = 200


def _worker_like(screener: Screener, warm: list[Any]) -> None:
    screener.screen_many(warm)
    api.warm()
    gc.collect()
    gc.freeze()
    try:
        from secondchance.batch.run import GC_THRESHOLDS
    except ImportError:  # an older revision: the collector as it left it
        return
    gc.set_threshold(*GC_THRESHOLDS)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--input", type=Path, default=None)
    args = parser.parse_args()
    source = args.input
    if source is None:
        source = Path(tempfile.mkdtemp(prefix="secondchance-stages-")) / "in"
        synth_people(args.people + WARM, source, seed=1)
    items = list(itertools.islice(people(source, []), args.people + WARM))
    warm, items = items[:WARM], items[WARM:]
    screener = Screener(AS_OF)
    _worker_like(screener, warm)
    clock = time.process_time
    engine = importlib.import_module("secondchance.engine.evaluate")
    per: collections.Counter[str] = collections.Counter()
    plain = engine.evaluate_program

    def timed(program: Any, record: Any, ctx: Any) -> Any:
        start = clock()
        answer = plain(program, record, ctx)
        per[program.id] += clock() - start
        return answer

    start = clock()
    for item in items:
        pattern_key(item)
    key = clock() - start
    start = clock()
    records = [record_of(item)[0] for item in items]
    built = clock() - start
    start = clock()
    api.prepare(records, AS_OF)
    prepared = clock() - start
    engine.evaluate_program = timed
    start = clock()
    for record in records:
        api.evaluate(record, as_of=AS_OF, programs=screener.programs)
    evaluated = clock() - start
    engine.evaluate_program = plain
    del records
    fresh = Screener(AS_OF)
    fresh.screen_many(warm)
    start = clock()
    for i in range(0, len(items), 512):
        fresh.screen_many(items[i : i + 512])
    whole = clock() - start

    def us(seconds: float) -> str:
        return f"{seconds / len(items) * 1e6:7.1f} us"

    print(f"{len(items):,} people, processor time per person")
    print(f"fact-pattern key        {us(key)}")
    print(f"rows -> record          {us(built)}")
    print(f"prepare (sentences)     {us(prepared)}")
    print(f"evaluate                {us(evaluated)}")
    for program, seconds in per.most_common():
        print(f"  {program:30s}{us(seconds)}")
    print(f"  (the ten programs {us(sum(per.values()))}; the rest is the sentence block, report)")
    print(f"whole worker path       {us(whole)}")


if __name__ == "__main__":
    main()
