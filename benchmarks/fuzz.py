"""Fuzz the record loader and the engine with valid, mutated and damaged records.

    python benchmarks/fuzz.py --cases 100000 [--seed 8] [--pool 2000] [--out fuzz-out]

Hypothesis draws a pool of records from the published JSON Schema and the hand-made strategies
(tests/hostile/generate.py); each case then picks one and mutates, writes and damages it with a
random generator seeded by the case number, so any case replays from its number alone.

Each case is run as ``secondchance check`` runs it (tests/hostile/fuzz_case.py): exit 0 or 2
only, no other exception, the JSON contract, the same answer twice, no raw control character in
the text, at most 5 s of processor time and 256 MiB of peak growth per input. Prints the cases,
the exit codes, the failures (each input kept under --out), the slowest input and the peak
memory; exits 1 when anything failed.
"""

from __future__ import annotations

import argparse
import random
import resource
import signal
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.hostile.fuzz_case import run_case
from tests.hostile.generate import VALID, make_case


class Tally:
    def __init__(self, out: Path, max_seconds: float | None) -> None:
        self.out = out
        self.max_seconds = max_seconds
        self.cases = 0
        self.codes: Counter[int] = Counter()
        self.kinds: Counter[str] = Counter()
        self.failures: list[str] = []
        self.slowest = (0.0, "", "")
        self.started = time.perf_counter()

    def add(self, kind: str, fmt: str, text: str) -> None:
        if self.max_seconds and time.perf_counter() - self.started > self.max_seconds:
            raise KeyboardInterrupt
        outcome = run_case(text, fmt)
        self.cases += 1
        self.codes[outcome.code] += 1
        self.kinds[kind] += 1
        if outcome.seconds > self.slowest[0]:
            self.slowest = (outcome.seconds, fmt, text)
        if outcome.failures:
            self.out.mkdir(parents=True, exist_ok=True)
            name = self.out / f"failure-{len(self.failures):04d}.{fmt}"
            name.write_text(text, encoding="utf-8", errors="replace")
            self.failures.append(f"{name}: {'; '.join(outcome.failures)}")
        if self.cases % 5000 == 0:
            print(
                f"  {self.cases:,} cases, {len(self.failures)} failures, "
                f"{time.perf_counter() - self.started:,.0f} s",
                flush=True,
            )

    def report(self) -> None:
        elapsed = time.perf_counter() - self.started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        seconds, fmt, text = self.slowest
        print(f"cases: {self.cases:,} in {elapsed:,.0f} s ({self.cases / elapsed:,.0f}/s)")
        print(f"kinds: {dict(self.kinds)}")
        print(f"exit codes: {dict(sorted(self.codes.items()))}")
        print(f"failures (crashes, contract, determinism, time, memory): {len(self.failures)}")
        for line in self.failures[:20]:
            print(f"  {line}")
        print(
            f"slowest input: {seconds * 1000:,.0f} ms of processor time "
            f"({fmt}, {len(text):,} characters)"
        )
        if self.out.exists() or self.failures:
            self.out.mkdir(parents=True, exist_ok=True)
            (self.out / f"slowest.{fmt or 'txt'}").write_text(
                text, encoding="utf-8", errors="replace"
            )
        print(f"peak memory (whole run): {peak:,.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--pool", type=int, default=2_000, help="records drawn by hypothesis")
    parser.add_argument("--out", type=Path, default=Path("fuzz-out"))
    parser.add_argument("--max-seconds", type=float, default=None, help="stop early, report")
    args = parser.parse_args()
    tally = Tally(args.out, args.max_seconds)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # report before stopping

    pool: list[Any] = []

    @seed(args.seed)
    @settings(
        max_examples=args.pool,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(VALID)
    def draw_pool(record: Any) -> None:
        pool.append(record)

    draw_pool()
    print(f"pool: {len(pool):,} records drawn from the schema and the hand-made strategies")
    try:
        for case in range(args.cases):
            rng = random.Random(args.seed * 1_000_003 + case)
            tally.add(*make_case(rng.choice(pool), rng))
    except KeyboardInterrupt:
        print("stopped before all cases ran")
    tally.report()
    sys.exit(1 if tally.failures else 0)


if __name__ == "__main__":
    main()
