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
        "people": [],
        "grants": [],
        "convictions": [],
        "commutations": [],
    }
    for i, row in enumerate(rows, start=1):
        pid = f"R{i:03d}"
        granted = row["announcement_date"]
        tables["people"].append({"person_id": pid, "name": row["name"]})
        if row["clemency_type"] == "pardon":
            tables["grants"].append(
                {"person_id": pid, "kind": "pardon", "granted_on": granted, "by": row["president"]}
            )
            continue
        imposed = row["derived_sentence_imposed_date_iso"].split(";")[0].strip()
        tables["convictions"].append(
            {
                "person_id": pid,
                "conviction_id": "c1",
                "jurisdiction": "federal",
                # record format 1.0 holds exact dates only: a month alone is left out (unknown)
                "imposed_on": imposed if len(imposed) == 10 else None,
                "imprisonment": _term(row["derived_original_prison_months_first_count"]),
            }
        )
        term = row["derived_commuted_term_months"]
        tables["commutations"].append(
            {
                "person_id": pid,
                "conviction_id": "c1",
                "granted_on": granted,
                "new_release_date": row["derived_commuted_expiration_date"] or None,
                "new_imprisonment": f"{term} months" if term else None,
                "home_confinement_remainder": row["derived_home_confinement_remainder"],
                "terms": row["grant_terms"],
            }
        )
        tables["grants"].append(
            {
                "person_id": pid,
                "kind": "commutation",
                "granted_on": granted,
                "conviction_ids": "c1",
                "by": row["president"],
            }
        )
    return tables


@pytest.fixture(scope="module")
def screened(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = _register()
    folder = tmp_path_factory.mktemp("register")
    write_tables(folder / "in", _tables(rows))
    summary = run(Plan(folder / "in", folder / "out", AS_OF, workers=1))
    assert (summary.screened, summary.failed, summary.problems) == (181, 0, 0)
    return folder / "out"


def _expired(rows: list[dict[str, str]]) -> dict[str, dt.date]:
    """Person id -> the date the sentence was "commuted to expire on"."""
    return {
        f"R{i:03d}": dt.date.fromisoformat(row["derived_commuted_expiration_date"])
        for i, row in enumerate(rows, start=1)
        if row["derived_commuted_expiration_date"]
    }


def _register() -> list[dict[str, str]]:
    with REGISTER.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_grant_is_screened(screened: Path) -> None:
    results = pq.read_table(screened / "results.parquet")
    assert results.num_rows == 181 * 10  # ten programs each
    assert pq.read_table(screened / "people.parquet").num_rows == 181


def test_pardon_petitions_open_five_years_after_the_commuted_release(screened: Path) -> None:
    """28 CFR 1.2: a pardon petition may be filed five years after release from confinement.
    The register has 116 sentences "commuted to expire on" a date (derived_commuted_expiration
    _date), counted by hand: 57 on 2023-04-26, 31 on 2023-06-30, 16 on 2022-08-24, 6 on
    2024-04-20, 3 on 2024-02-20, one each on 2023-10-26, 2024-04-26 and 2024-08-22
    (57 + 31 + 16 + 6 + 3 + 3 = 116). As of 2026-01-01 none has waited five years (the
    earliest anniversary is 2027-08-24), so each is eligible from the day after the fifth
    anniversary (the anniversary itself is for review), except the one
    expiring 2024-08-22 (Margaret Ann Vandyke, sentenced "January 2022"): her register gives
    no offense date and only the month of sentence, which record format 1.0 cannot hold, so
    nothing rules out an offense of 2021-01-06, which the proclamation of 2025-01-20 pardons:
    needs review, never a date. Nor may any of the 116 petition for a commutation of the prison
    term: none is being served (28 CFR 1.3)."""
    expired = _expired(_register())
    assert len(expired) == 116
    rows = pq.read_table(screened / "results.parquet").to_pylist()
    pardon = Counter(
        (r["outcome"], r["date"])
        for r in rows
        if r["program"] == "clemency.pardon_petition" and r["person_id"] in expired
    )
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert pardon == {
        ("eligible_from", dt.date(2028, 4, 27)): 57,
        ("eligible_from", dt.date(2028, 7, 1)): 31,
        ("eligible_from", dt.date(2027, 8, 25)): 16,
        ("eligible_from", dt.date(2029, 4, 21)): 6,
        ("eligible_from", dt.date(2029, 2, 21)): 3,
        ("eligible_from", dt.date(2028, 10, 27)): 1,
        ("eligible_from", dt.date(2029, 4, 27)): 1,
        ("needs_review", None): 1,
    }
    commutation = Counter(
        r["outcome"]
        for r in rows
        if r["program"] == "clemency.commutation_petition" and r["person_id"] in expired
    )
    assert commutation == {"not_eligible": 116}
