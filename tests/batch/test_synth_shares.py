"""The synthetic population holds the documented shares of old possession convictions, their
status and certificates (docs/batch-format.md), so the marijuana campaign has people to find."""

from __future__ import annotations

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
