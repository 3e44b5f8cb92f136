"""Tables → records: hand-made tables that hold exactly what an example record file holds read
as the same record (the same pydantic validation as ``check``)."""

from __future__ import annotations

from pathlib import Path

from secondchance.batch.evaluate import record_of
from secondchance.batch.read import people_from_tables
from secondchance.record import load_record
from secondchance.record.schema import Record
from tests.batch.tables import write_tables

EXAMPLES = Path(__file__).parents[2] / "examples"


def _only_record(folder: Path) -> Record:
    problems: list = []  # type: ignore[type-arg]
    found = list(people_from_tables(folder, problems))
    assert problems == []
    assert len(found) == 1
    record, bad = record_of(found[0])
    assert bad == []
    return record


def _same(read: Record, expected: Record) -> None:
    """The same record, whichever format version the example file names (tables are read in
    the current one)."""
    assert read == expected.model_copy(update={"schema_version": read.schema_version})


def test_business_with_associates_reads_as_the_example(tmp_path: Path) -> None:
    """examples/sba/parole-owner.yaml written as tables: Maria Ortiz (30%, on parole) and Luis
    Ortiz (70% owner and officer), each an associate with their own rows."""
    folder = write_tables(
        tmp_path,
        {
            "people": [
                {"person_id": "P1", "name": "Maria Ortiz", "application_date": "2024-05-30"}
            ],
            "businesses": [{"person_id": "P1", "name": "Ortiz Bakery LLC", "child_care": "no"}],
            "business_people": [
                {
                    "person_id": "P1",
                    "associate_id": "maria",
                    "name": "Maria Ortiz",
                    "role": "owner",
                    "ownership_percent": "30",
                    "start": "2019-04-01",
                },
                {
                    "person_id": "P1",
                    "associate_id": "luis",
                    "name": "Luis Ortiz",
                    "role": "owner",
                    "ownership_percent": "70",
                    "start": "2019-04-01",
                },
                {
                    "person_id": "P1",
                    "associate_id": "luis",
                    "name": "Luis Ortiz",
                    "role": "officer",
                    "start": "2019-04-01",
                },
            ],
            "convictions": [
                {
                    "person_id": "P1",
                    "associate_id": "maria",
                    "conviction_id": "burglary",
                    "jurisdiction": "state",
                    "state": "TX",
                    "conviction_date": "2020-02-10",
                },
            ],
            "counts": [
                {
                    "person_id": "P1",
                    "associate_id": "maria",
                    "conviction_id": "burglary",
                    "statute": "Tex. Penal Code 30.02",
                    "description": "burglary of a building",
                    "felony": "true",
                    "moral_turpitude": "yes",
                    "fraud_or_dishonesty": "false",
                    "financial_misconduct": "no",
                    "false_statement": "0",
                },
            ],
            "custody": [
                {
                    "person_id": "P1",
                    "associate_id": "maria",
                    "kind": "state_custody",
                    "conviction_id": "burglary",
                    "start": "2020-02-10",
                    "end": "2023-09-14",
                },
            ],
            "supervision": [
                {
                    "person_id": "P1",
                    "associate_id": "maria",
                    "kind": "parole",
                    "conviction_id": "burglary",
                    "start": "2023-09-15",
                    "end": "2026-03-14",
                },
            ],
        },
    )
    _same(_only_record(folder), load_record(EXAMPLES / "sba" / "parole-owner.yaml"))


def test_sentence_record_reads_as_the_example(tmp_path: Path) -> None:
    """examples/sentence/handout-60-months-low-risk.yaml written as tables."""
    folder = write_tables(
        tmp_path,
        {
            "people": [{"person_id": "P1", "name": "Handout Example Two"}],
            "convictions": [
                {
                    "person_id": "P1",
                    "conviction_id": "c1",
                    "jurisdiction": "federal",
                    "court": "D. Mass.",
                    "sentencing_date": "2024-11-15",
                    "imposed_on": "2024-11-15",
                    "imprisonment": "60 months",
                    "supervised_release": "3 years",
                },
            ],
            "counts": [
                {
                    "person_id": "P1",
                    "conviction_id": "c1",
                    "statute": "18 U.S.C. 1343",
                    "description": "wire fraud",
                    "offense_date": "2022-03-01",
                },
            ],
            "custody": [
                {
                    "person_id": "P1",
                    "kind": "designated_facility",
                    "start": "2025-01-01",
                    "conviction_id": "c1",
                    "facility": "FPC Example",
                },
            ],
            "risk_assessments": [
                {"person_id": "P1", "assessed_on": "2025-02-15", "level": "low"},
                {"person_id": "P1", "assessed_on": "2025-07-30", "level": "low"},
            ],
        },
    )
    expected = load_record(EXAMPLES / "sentence" / "handout-60-months-low-risk.yaml")
    _same(_only_record(folder), expected)
