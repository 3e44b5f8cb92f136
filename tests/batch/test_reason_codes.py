"""``reason_codes`` in the results: the citations of the decisive findings only (what applies
the rule to this person), never what is said to everyone or where to file
(docs/batch-format.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow.parquet as pq

from secondchance.batch.run import Plan, run
from tests.batch.tables import write_tables


def test_reason_codes_are_the_decisive_citations(tmp_path: Path) -> None:
    # 60 months imposed 2015-03-02, custody 2015-03-02 to 2019-07-01 (released), no supervised
    # release, no fine: on 2026-01-01 nothing is served, so the commutation petition is
    # not_eligible, decided by the release (28 CFR 1.3 and the Office's instructions). What a
    # commutation does (U.S. Const. art. II) and where to file (28 CFR 1.1) are said to everyone.
    tables = {
        "people": [{"person_id": "P1", "name": "Person P1"}],
        "convictions": [
            {
                "person_id": "P1",
                "conviction_id": "c1",
                "jurisdiction": "federal",
                "conviction_date": "2014-11-03",
                "imposed_on": "2015-03-02",
                "imprisonment": "60 months",
            }
        ],
        "custody": [
            {
                "person_id": "P1",
                "conviction_id": "c1",
                "kind": "designated_facility",
                "start": "2015-03-02",
                "end": "2019-07-01",
            }
        ],
    }
    source = write_tables(tmp_path / "in", tables)
    summary = run(Plan(source, tmp_path / "out", dt.date(2026, 1, 1), workers=1))
    assert summary.failed == 0
    rows = {
        r["program"]: r for r in pq.read_table(tmp_path / "out" / "results.parquet").to_pylist()
    }
    commutation = rows["clemency.commutation_petition"]
    assert commutation["outcome"] == "not_eligible"
    assert commutation["reason_codes"] == [
        "28 CFR 1.3; Office of the Pardon Attorney, Commutation Instructions"
    ]
    for row in rows.values():
        assert "28 CFR 1.1" not in row["reason_codes"]
        assert not any(code.startswith("U.S. Const.") for code in row["reason_codes"])
