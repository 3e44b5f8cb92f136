"""Benchmark: ``secondchance read`` on a 5,000-word report and ``grants search`` on the shipped
register (1,717 grants), each against a straightforward baseline measured in the same run.

    python benchmarks/reader.py [--words 5000] [--names 150] [--searches 500] [--repeat 5]

The report is synthetic: filler prose, ``--names`` people of the register (every third one
misspelled by a dropped letter), dates and references to the encoded programs. Baselines: for
search, scoring the query against every grant (no surname index); for the reader, the same
report with every capitalised run scored against every grant. Prints seconds and ratios; the
register index is built before timing (its cold cost is printed apart).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from secondchance.grants.register import Register, shipped_grants
from secondchance.grants.search import FUZZY_THRESHOLD, score_name, search
from secondchance.reader import read_document
from secondchance.reader.document import parse_document
from secondchance.reader.people import _spans

FILLER_TEXT = (
    "the family said the decision came after years of letters and hearings and that the "
    "community had waited for news while lawyers reviewed the record with care and patience "
    "before the office answered"
)
FILLER = FILLER_TEXT.split(" ")
LAWS = [
    "The First Step Act took effect on December 21, 2018.",
    "The SBA rule on criminal records took effect on May 30, 2024.",
    "Good conduct time is counted by the Bureau of Prisons.",
    "The marijuana pardon proclamation was signed on October 6, 2022.",
]


def misspell(name: str) -> str:
    words = name.split()
    last = words[-1]
    if len(last) > 4:
        words[-1] = last[:2] + last[3:]
    return " ".join(words)


def report(words: int, names: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    people = rng.sample([g for g in shipped_grants() if len(g.name.split()) >= 2], names)
    sentences: list[str] = ["Clemency report", "Published: December 13, 2024", ""]
    count = 0
    i = 0
    while count < words:
        filler = " ".join(rng.choice(FILLER) for _ in range(rng.randint(8, 20)))
        if i < len(people):
            g = people[i]
            name = misspell(g.name.title()) if i % 3 == 0 else g.name.title()
            verb = "pardoned" if rng.random() < 0.5 else "commuted the sentence of"
            sentence = f"President Biden {verb} {name} on December 13, 2024, and {filler}."
        elif i % 7 == 0:
            sentence = rng.choice(LAWS)
        else:
            sentence = filler.capitalize() + "."
        sentences.append(sentence)
        count += len(sentence.split())
        i += 1
    return "\n".join(sentences)


def best_of(repeat: int, fn: object) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times)


def linear_search(grants: list, name: str) -> list:  # type: ignore[type-arg]
    """Baseline: score the query against every grant."""
    found = []
    for g in grants:
        score, exact, _ = score_name(name, g.name)
        if exact or score >= FUZZY_THRESHOLD:
            found.append((score, g))
    return sorted(found, key=lambda x: -x[0])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--names", type=int, default=150)
    parser.add_argument("--searches", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    t0 = time.perf_counter()
    register = Register.load()
    register.index  # noqa: B018  (build the surname index)
    register.given_names  # noqa: B018
    print(
        f"register: {len(register)} grants, loaded and indexed in "
        f"{time.perf_counter() - t0:.3f} s (once per process)"
    )

    rng = random.Random(11)
    queries = [misspell(g.name.title()) for g in rng.sample(register.grants, args.searches)]
    search(register.index, queries[0])
    t_index = best_of(args.repeat, lambda: [search(register.index, q) for q in queries])
    sample = queries[: max(1, args.searches // 10)]
    t_linear = best_of(1, lambda: [linear_search(register.grants, q) for q in sample])
    per_index = t_index / len(queries) * 1000
    per_linear = t_linear / len(sample) * 1000
    print(
        f"search: {per_index:.3f} ms per name (indexed), {per_linear:.3f} ms (every grant "
        f"scored); ratio {per_linear / per_index:.1f}x"
    )

    text = report(args.words, args.names)
    doc = parse_document(text, "benchmark")
    read_document(doc, register)
    t_read = best_of(args.repeat, lambda: read_document(doc, register))
    spans = [s.text for s in _spans(text)]
    t_naive = best_of(1, lambda: [linear_search(register.grants, s) for s in spans])
    sheet = read_document(doc, register)
    print(
        f"read: {len(text.split())} words, {len(sheet['people'])} people, "
        f"{len(sheet['differences'])} differences in {t_read:.3f} s; every capitalised run "
        f"scored against every grant: {t_naive:.3f} s (people only); ratio "
        f"{t_naive / t_read:.1f}x"
    )


if __name__ == "__main__":
    main()
