"""Batch screening reads an exact record's sentence dates from the computed sentence without
writing its JSON block: the dates must be the block's own, for every example record and for
synthetic people (in custody, released, commuted, barred from credits). Screening computes them
without the findings that only explain them (``explain_it=False``): the dates are the same."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from secondchance.batch.evaluate import _sentence_facts, record_of
from secondchance.batch.read import people
from secondchance.batch.synth import synth_people
from secondchance.law.sentence import sentence_block, sentence_of
from secondchance.law.sentence.parts import SentenceOutcome
from secondchance.record.load import load_record

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _same(record: object, as_of: dt.date) -> bool:
    computed = sentence_of(record, as_of)
    lean = sentence_of(record, as_of, explain_it=False)
    block = _sentence_facts(sentence_block(record, as_of))
    if not isinstance(computed, SentenceOutcome):
        return lean == computed and all(value is None for value in block.values())
    assert isinstance(lean, SentenceOutcome)
    return computed.dates() == block == lean.dates()


def test_dates_are_the_blocks_for_every_example() -> None:
    checked = 0
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        record = load_record(path)
        for as_of in (dt.date(2019, 6, 1), dt.date(2026, 1, 1), dt.date(2040, 1, 1)):
            assert _same(record, as_of), (path.name, as_of)
            checked += 1
    assert checked > 30


def test_dates_are_the_blocks_for_synthetic_people(tmp_path: Path) -> None:
    synth_people(400, tmp_path / "in", seed=4)
    computed = 0
    for item in itertools.islice(people(tmp_path / "in", []), 400):
        record, problems = record_of(item)
        assert record is not None, problems
        assert _same(record, dt.date(2026, 1, 1)), item.person_id
        computed += isinstance(sentence_of(record, dt.date(2026, 1, 1)), SentenceOutcome)
    assert computed > 300  # most synthetic people have a computed sentence
