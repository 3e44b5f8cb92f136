"""Benchmark: every date of 1,000,000 synthetic federal sentences with the vectorised kernel,
against a straightforward per-person day-by-day loop (the way public calculators step through
a sentence) measured on a sample in the same run.

    python benchmarks/run.py [--n 1000000] [--sample 2000] [--repeat 3]

Prints sentences/second for both and their ratio, and checks that the loop and the kernel agree
on every sampled sentence (every date, and where credits apply the credits earned by the
placement day and the days applied). Columns are built before timing (the kernel's input is
in memory).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from day_loop import LoopLaw, day_by_day
from secondchance.law.sentence.days import NO_DATE, to_day
from secondchance.law.sentence.kernel import KernelLaw, SentenceColumns, compute

AS_OF = date(2025, 6, 1)


def synthetic(n: int, seed: int = 7) -> SentenceColumns:
    rng = np.random.default_rng(seed)
    cols = SentenceColumns.of(n)
    cols.commenced[:] = rng.integers(to_day(date(2019, 1, 1)), to_day(date(2030, 12, 31)), n)
    cols.months[:] = rng.choice([6, 12, 13, 18, 24, 30, 37, 46, 60, 78, 87, 120, 151, 188, 240], n)
    cols.days[:] = np.where(rng.random(n) < 0.1, 1, 0)
    cols.prior_custody_days[:] = np.where(rng.random(n) < 0.5, rng.integers(0, 400, n), 0)
    cols.arrived[:] = cols.commenced + rng.integers(0, 90, n)
    cols.supervised_release[:] = rng.random(n) < 0.9
    cols.risk[:] = rng.choice(np.array([1, 2, 3, 4], dtype=np.int8), n, p=[0.3, 0.35, 0.2, 0.15])
    cols.fsa_ineligible[:] = rng.random(n) < 0.15
    cols.removal_order[:] = rng.random(n) < 0.03
    cols.non_earning_days[:] = np.where(rng.random(n) < 0.2, rng.integers(0, 120, n), 0)
    cols.gct_without_ged[:] = rng.random(n) < 0.05
    cols.gct_lost_days[:] = np.where(rng.random(n) < 0.05, rng.integers(0, 60, n), 0)
    cols.rdap[:] = rng.random(n) < 0.2  # the 3621(e) reduction; completion known for some
    done = rng.random(n) < 0.3
    cols.rdap_completed[:] = np.where(done, cols.commenced + rng.integers(200, 2000, n), NO_DATE)
    cols.fsa_credits_lost_days[:] = np.where(rng.random(n) < 0.05, rng.integers(0, 90, n), 0)
    known = rng.random(n) < 0.3  # risk history known: additional days from a given day
    cols.additional_from[:] = np.where(known, cols.arrived + rng.integers(0, 400, n), NO_DATE)
    return cols


def take(cols: SentenceColumns, index: np.ndarray) -> SentenceColumns:
    return SentenceColumns(**{k: v[index] for k, v in vars(cols).items()})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    law = KernelLaw.on(AS_OF)
    cols = synthetic(args.n)
    compute(take(cols, np.arange(10)), law)  # build the holiday table outside the timing

    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        result = compute(cols, law)
        times.append(time.perf_counter() - t0)
    best = min(times)
    kernel_rate = args.n / best

    sample_index = np.random.default_rng(1).choice(args.n, size=args.sample, replace=False)
    sample = take(cols, sample_index)
    loop_law = LoopLaw.from_kernel(law)
    t0 = time.perf_counter()
    loop_rows = [day_by_day(sample, i, loop_law) for i in range(args.sample)]
    loop_time = time.perf_counter() - t0
    loop_rate = args.sample / loop_time

    mismatches = 0
    for i, row in enumerate(loop_rows):
        k = int(sample_index[i])
        expected = (
            int(result.full_term_date[k]),
            int(result.gct_release_date[k]),
            int(result.fsa_release_date[k]),
            int(result.fsa_prerelease_custody_date[k]),
        )
        credited = (int(result.fsa_credits_days[k]), int(result.fsa_applied_days[k]))
        placed = (int(result.rdap_release_date[k]), int(result.sca_combined_placement_date[k]))
        differs = row[:4] != expected or (row[4] >= 0 and row[4:6] != credited)
        mismatches += differs or row[6:] != placed
    dated = int((result.fsa_release_date != NO_DATE).sum())

    print(
        f"kernel: {args.n:,} sentences in {best:.3f} s (best of {args.repeat}) "
        f"= {kernel_rate:,.0f} sentences/second; {dated:,} with an FSA release date"
    )
    print(
        f"day-by-day loop: {args.sample:,} sentences in {loop_time:.3f} s "
        f"= {loop_rate:,.0f} sentences/second"
    )
    print(f"ratio kernel / loop: {kernel_rate / loop_rate:,.0f}x")
    print(f"agreement on the sample: {args.sample - mismatches:,}/{args.sample:,}")
    if mismatches:
        sys.exit(1)


if __name__ == "__main__":
    main()
