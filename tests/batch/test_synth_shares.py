"""The synthetic population holds the documented shares of old possession convictions, their
status and certificates (docs/batch-format.md), so the marijuana campaign has people to find."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow.parquet as pq

from secondchance.batch.synth import synth_people


def test_old_possession_convictions_carry_status_and_some_certificates(tmp_path: Path) -> None:
    synth_people(20_000, tmp_path / "in", seed=11)
    counts = pq.read_table(tmp_path / "in" / "counts.parquet").to_pylist()
    possession = {c["person_id"] for c in counts if c["statute"] == "21 U.S.C. 844(a)"}
    # 2% of 20,000 = 400 expected; the binomial spread is about 20, so 300-500 is generous.
    assert 300 <= len(possession) <= 500
    status = pq.read_table(tmp_path / "in" / "status.parquet").to_pylist()
    stated = {s["person_id"] for s in status}
    assert stated <= possession
    # 90% of them have a status recorded (85% citizens, 5% lawful permanent residents).
    assert 0.85 <= len(stated) / len(possession) <= 0.95
    assert {s["status"] for s in status} == {"us_citizen", "lawful_permanent_resident"}
    grants = pq.read_table(tmp_path / "in" / "grants.parquet").to_pylist()
    certified = {g["person_id"] for g in grants if g["certificate_issued"]}
    assert certified <= stated
    # A quarter of those with a status hold the certificate: about 90 of 360.
    assert 0.15 <= len(certified) / len(stated) <= 0.35
    assert all(
        g["proclamation"] == "Proclamation 10467" and g["conviction_ids"] == ["c0"]
        for g in grants
        if g["certificate_issued"]
    )


def test_supervised_release_runs_the_term_the_sentence_imposed(tmp_path: Path) -> None:
    # A term of supervised release of N years from its start ends on the day before the N-th
    # anniversary (e.g. 3 years from 2012-06-27: through 2015-06-26) unless terminated early
    # or revoked (18 U.S.C. 3583(e)); the synthetic people record neither, so every period
    # runs its whole term (else the petitions rightly ask whether it ended early).
    synth_people(2_000, tmp_path / "in", seed=5)
    terms = {
        c["person_id"]: int(c["supervised_release"].split()[0])
        for c in pq.read_table(tmp_path / "in" / "convictions.parquet").to_pylist()
        if c["conviction_id"] == "c1"
    }
    periods = pq.read_table(tmp_path / "in" / "supervision.parquet").to_pylist()
    assert len(periods) > 500
    for p in periods:
        start, years = p["start"], terms[p["person_id"]]
        anniversary = (
            start.replace(year=start.year + years)
            if (start.month, start.day) != (2, 29)
            else start.replace(year=start.year + years, month=3, day=1)
        )
        assert (anniversary - p["end"]).days == 1, p


def test_no_synthetic_release_comes_before_the_law_allows(tmp_path: Path) -> None:
    # A term of a year or less earns no good conduct time (18 U.S.C. 3624(b)(1)): a 6-month
    # term is served whole (from arrival 2015-05-07, not before 2015-11-07). Time credits end a
    # term early only as far as days in custody since 2018-12-21 earned them. A synthetic
    # release before the earliest lawful end (law.clemency.facts.earliest_end) makes the
    # petitions and time credits ask for the custody's end: none may.
    from secondchance.batch.run import Plan, run

    synth_people(5_000, tmp_path / "in", seed=3)
    run(Plan(tmp_path / "in", tmp_path / "out", dt.date(2026, 12, 8), workers=1))
    rows = pq.read_table(tmp_path / "out" / "results.parquet").to_pylist()
    early = [
        r["person_id"]
        for r in rows
        if r["program"] == "fsa.time_credits" and r["outcome"] == "insufficient_facts"
    ]
    assert early == []
