"""Real data end to end: the 181 people of the White House clemency register (59 pardons, 122
commutations; src/secondchance/grants/data/PROVENANCE.md) written as batch tables and
screened, with the counts checked by hand from the register."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

import secondchance
from secondchance.batch.run import Plan, run
from tests.batch.tables import write_tables

REGISTER = (
    Path(secondchance.__file__).parent / "grants" / "data" / "biden_whitehouse_clemency_grants.csv"
)
AS_OF = dt.date(2026, 1, 1)


def _term(months: str) -> str:
    if months == "LIFE":
        return "life"
    if months == "89 (+23 days)":  # the one sentence printed as "89 months and 23 days"
        return "89 months 23 days"
    return f"{months} months"


def _tables(rows: list[dict[str, str]]) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {
        "people": [], "grants": [], "convictions": [], "commutations": []
    }
    for i, row in enumerate(rows, start=1):
        pid = f"R{i:03d}"
        granted = row["announcement_date"]
        tables["people"].append({"person_id": pid, "name": row["name"]})
        if row["clemency_type"] == "pardon":
            tables["grants"].append({"person_id": pid, "kind": "pardon", "granted_on": granted,
                                     "by": row["president"]})
            continue
        imposed = row["derived_sentence_imposed_date_iso"].split(";")[0].strip()
        tables["convictions"].append({
            "person_id": pid, "conviction_id": "c1", "jurisdiction": "federal",
            # record format 1.0 holds exact dates only: a month alone is left out (unknown)
            "imposed_on": imposed if len(imposed) == 10 else None,
            "imprisonment": _term(row["derived_original_prison_months_first_count"]),
        })
        term = row["derived_commuted_term_months"]
        tables["commutations"].append({
            "person_id": pid, "conviction_id": "c1", "granted_on": granted,
            "new_release_date": row["derived_commuted_expiration_date"] or None,
            "new_imprisonment": f"{term} months" if term else None,
            "home_confinement_remainder": row["derived_home_confinement_remainder"],
            "terms": row["grant_terms"],
        })
        tables["grants"].append({"person_id": pid, "kind": "commutation", "granted_on": granted,
                                 "conviction_ids": "c1", "by": row["president"]})
    return tables


@pytest.fixture(scope="module")
def screened(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with REGISTER.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    folder = tmp_path_factory.mktemp("register")
    write_tables(folder / "in", _tables(rows))
    summary = run(Plan(folder / "in", folder / "out", AS_OF, workers=1))
    assert (summary.screened, summary.failed, summary.problems) == (181, 0, 0)
    return folder / "out"


def test_every_grant_is_screened(screened: Path) -> None:
    results = pq.read_table(screened / "results.parquet")
    assert results.num_rows == 181 * 10  # ten programs each
    people = pq.read_table(screened / "people.parquet").to_pylist()
    # The register: 116 sentences "commuted to expire on" a date, counted from the
    # derived_commuted_expiration_date column: 57 on 2023-04-26, 31 on 2023-06-30, 16 on
    # 2022-08-24, 6 on 2024-04-20, 3 on 2024-02-20, one each on 2023-10-26, 2024-04-26 and
    # 2024-08-22 (57 + 31 + 16 + 6 + 3 + 3 = 116).
    released = Counter(p["commuted_release_date"] for p in people if p["commuted_release_date"])
    assert released == {
        dt.date(2023, 4, 26): 57, dt.date(2023, 6, 30): 31, dt.date(2022, 8, 24): 16,
        dt.date(2024, 4, 20): 6, dt.date(2024, 2, 20): 3, dt.date(2023, 10, 26): 1,
        dt.date(2024, 4, 26): 1, dt.date(2024, 8, 22): 1,
    }


def test_no_commuted_person_may_yet_petition_for_a_pardon(screened: Path) -> None:
    """28 CFR 1.2: five years after release. The earliest commuted release, 2022-08-24, opens
    on 2027-08-24, after 2026-01-01: no one of the 122 is eligible yet, and where a date is
    given it is the fifth anniversary of the commuted release date."""
    people = {p["person_id"]: p for p in pq.read_table(screened / "people.parquet").to_pylist()}
    rows = pq.read_table(screened / "results.parquet").to_pylist()
    pardon = [r for r in rows if r["program"] == "clemency.pardon_petition"
              and people[r["person_id"]]["commuted_release_date"] is not None]
    assert len(pardon) == 116
    assert not [r for r in pardon if r["outcome"] == "eligible"]
    for r in pardon:
        if r["outcome"] == "eligible_from":
            released = people[r["person_id"]]["commuted_release_date"]
            assert r["date"] == released.replace(year=released.year + 5)
