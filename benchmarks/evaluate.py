"""Benchmark: milliseconds per ``evaluate`` (the function ``check``, ``/api/check`` and batch
screening call) for every record in examples/ and for synthetic people.

    python benchmarks/evaluate.py [--people 300] [--repeat 5] [--profile] [--dump answers.jsonl]

Prints the time per record for the examples and for ``--people`` synthetic people
(``secondchance synth``), best of ``--repeat`` rounds (the machine is shared), each round on
freshly built records (as in batch screening; no fact-pattern memory), the synthetic rounds each
on people not seen in an earlier round. Law tables are warmed first (once per process).
``--profile`` prints the functions where the time goes; ``--dump`` writes every report as JSON
(one line each, examples on three as-of dates and the synthetic people) so that two revisions
can be compared answer for answer.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import itertools
import json
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from secondchance.api import evaluate
from secondchance.batch.evaluate import record_of
from secondchance.batch.read import people_from_tables
from secondchance.batch.synth import synth_people
from secondchance.engine.determination import Report
from secondchance.record.load import load_record
from secondchance.record.schema import Record

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 1, 1)
DUMP_DATES = (dt.date(2021, 3, 1), dt.date(2024, 6, 1), AS_OF)


Build = Callable[[], Record]
"""Builds a fresh record (nothing cached on it from an earlier evaluation)."""


def examples() -> list[tuple[str, Build]]:
    return [
        (str(p.relative_to(ROOT)), partial(load_record, p))
        for p in sorted((ROOT / "examples").rglob("*.yaml"))
    ]


def _built(item: Any) -> Record:
    record = record_of(item)[0]
    assert record is not None
    return record


def synthetic(count: int, seed: int = 1) -> list[Build]:
    with tempfile.TemporaryDirectory(prefix="secondchance-eval-") as folder:
        synth_people(count, Path(folder), seed=seed)
        items = list(itertools.islice(people_from_tables(Path(folder), []), count))
    return [partial(_built, item) for item in items if record_of(item)[0] is not None]


def timed(builds: list[Build], repeat: int) -> float:
    """Milliseconds per evaluation in the best of ``repeat`` rounds (the machine is shared),
    each round on freshly built records."""
    best = float("inf")
    for _ in range(repeat):
        batch = [build() for build in builds]
        start = time.perf_counter()
        for record in batch:
            evaluate(record, as_of=AS_OF)
        best = min(best, time.perf_counter() - start)
    return 1000 * best / len(builds)


def dump(path: Path, named: list[tuple[str, Build]], people: list[Build]) -> None:
    with path.open("w") as out:
        for (name, build), day in itertools.product(named, DUMP_DATES):
            line = {"record": name, "as_of": str(day), **_plain(evaluate(build(), as_of=day))}
            out.write(json.dumps(line) + "\n")
        for i, build in enumerate(people):
            line = {"record": f"synth-{i}", **_plain(evaluate(build(), as_of=AS_OF))}
            out.write(json.dumps(line) + "\n")


def _plain(report: Report) -> dict[str, Any]:
    return report.model_dump(mode="json")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--dump", type=Path, default=None)
    args = parser.parse_args()
    named = examples()
    people = synthetic(args.people)
    timed([b for _, b in named] + people[:20], 1)  # warm the law's tables (once per process)
    if args.dump:
        dump(args.dump, named, people)
        print(f"wrote {len(named) * len(DUMP_DATES) + len(people)} reports to {args.dump}")
        return
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        timed([r for _, r in named], 1)
        timed(people, 1)
        profiler.disable()
        stats = pstats.Stats(profiler).sort_stats("cumulative")
        stats.print_stats(45)
        stats.sort_stats("tottime").print_stats(30)
        return
    ex = timed([r for _, r in named], args.repeat)
    # Each round on people not seen before (nothing remembered from an earlier round).
    rounds = synthetic(args.people * args.repeat, seed=2)
    syn = min(timed(rounds[i * args.people : (i + 1) * args.people], 1) for i in range(args.repeat))
    print(f"examples: {len(named)} records, best of {args.repeat}: {ex:.2f} ms per record")
    print(
        f"synthetic: {len(people)} people, best of {args.repeat}: {syn:.2f} ms per person "
        f"= {1000 / syn:,.0f} people/s"
    )


if __name__ == "__main__":
    sys.exit(main())
