"""Benchmark: the statute reader on realistic and hostile citations.

    python benchmarks/statutes.py [--n 20000] [--repeat 3]

1. Throughput: reads ``n`` distinct citations (the spellings of tests/statute, over many section
   numbers) with the reader's cache bypassed, against a baseline measured in the same run: one
   search with the single regular expression the programs used before (title, "U.S.C.", section;
   it reads far fewer spellings and says nothing of what it cannot read).
2. Linearity: hostile texts of growing length up to the reader's limit (long runs of
   subsections, list separators, digits, section signs, parentheses); prints microseconds per
   character for each length and the ratio of the largest to the smallest, which stays near 1
   for a linear reader (a backtracking one grows with the length).
3. A 20,000-digit section: refused on its length.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable

from secondchance.record.statute import MAX_LENGTH, read_uncached

read = read_uncached  # bypass the cache: every text is read afresh

OLD_USC = re.compile(
    r"(\d+)\s*U\.?\s*S\.?\s*C\.?\s*(?:A\.?\s*)?(App(?:endix)?\.?\s*)?(?:§+\s*)?"
    r"(\d+[A-Za-z]?(?:-\d+)?)",
    re.I,
)

FORMS = (
    "18 U.S.C. {s}(c)(1)(A)",
    "18 U.S.C. Sec. {s}(c)",
    "18 U.S.C. section {s}(a)(1)",
    "Title 18, United States Code, Section {s}(b)",
    "18:{s}(c)",
    "18 USC {s}c",
    "21 U.S.C. §§ {s}(a)(1) and 846",
    "21 U.S.C. {s}(a)(1), (b)(1)(C)",
    "Section {s}(a) of Title 18, United States Code",
    "D.C. Code § 48-{s}.01(d)(1)",
)


def citations(n: int) -> list[str]:
    return [FORMS[i % len(FORMS)].format(s=100 + i // len(FORMS)) for i in range(n)]


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


HOSTILE: dict[str, Callable[[int], str]] = {
    "subsections": lambda k: "18 U.S.C. 924" + "(1)" * k,
    "list": lambda k: "18 U.S.C. 1" + ", 2" * k,
    "digits": lambda k: "18 U.S.C. " + "9" * k,
    "section signs": lambda k: "18 U.S.C. " + "§" * k + " 924",
    "open parens": lambda k: "18 U.S.C. 924" + "(" * k,
    "dots": lambda k: "U." * k,
}


def linearity(repeat: int) -> None:
    print("hostile texts (microseconds per character, by length):")
    for name, make in HOSTILE.items():
        per_char = []
        for length in (50, 100, 200, MAX_LENGTH):
            text = make(length)[:length]
            seconds = best(lambda text=text: [read(text) for _ in range(200)], repeat) / 200
            per_char.append(seconds / length * 1e6)
        cells = "  ".join(f"{v:.3f}" for v in per_char)
        print(f"  {name:14} {cells}   max/min {max(per_char) / min(per_char):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = citations(args.n)
    reader = best(lambda: [read(t) for t in texts], args.repeat)
    baseline = best(lambda: [OLD_USC.search(t) for t in texts], args.repeat)
    unreadable = sum(1 for t in texts if not hasattr(read(t), "provisions"))
    print(f"reader:   {args.n / reader:12,.0f} citations/s ({unreadable} unreadable)")
    print(f"baseline: {args.n / baseline:12,.0f} citations/s (one regular-expression search)")
    print(f"ratio baseline/reader: {reader / baseline:.1f}x")
    linearity(args.repeat)
    huge = "18 U.S.C. " + "9" * 20_000
    seconds = best(lambda: read(huge), args.repeat)
    print(f"20,000-digit section: {seconds * 1e6:.1f} microseconds ({read(huge).reason})")


if __name__ == "__main__":
    main()
