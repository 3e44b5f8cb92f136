"""The shipped register: every grant of the official lists, each with its White House page."""

from __future__ import annotations

import re
from collections import Counter

from secondchance.grants.register import shipped_grants


def test_counts_match_the_announced_counts() -> None:
    # Counts as each White House page announced them (data/PROVENANCE.md):
    # 2022-04-26: 3 pardons, 75 commutations; 2022-12-30: 6 pardons; 2023-04-28: 31
    # commutations; 2023-12-22: 11 commutations; 2024-04-24: 11 pardons, 5 commutations;
    # 2024-12-12: 39 pardons, 1,499 commutations; 2024-12-23: 37 commutations.
    # 3+75+6+31+11+11+5+39+1499+37 = 1,717.
    counts = Counter((g.date.isoformat(), g.type.value) for g in shipped_grants())
    assert counts == {
        ("2022-04-26", "pardon"): 3,
        ("2022-04-26", "commutation"): 75,
        ("2022-12-30", "pardon"): 6,
        ("2023-04-28", "commutation"): 31,
        ("2023-12-22", "commutation"): 11,
        ("2024-04-24", "pardon"): 11,
        ("2024-04-24", "commutation"): 5,
        ("2024-12-12", "pardon"): 39,
        ("2024-12-12", "commutation"): 1499,
        ("2024-12-23", "commutation"): 37,
    }
    assert len(shipped_grants()) == 1717


def test_every_grant_carries_its_official_source_and_well_formed_fields() -> None:
    for g in shipped_grants():
        assert g.source_url.startswith(
            "https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/"
            f"{g.date.year}/{g.date.month:02d}/{g.date.day:02d}/"
        ), g
        assert g.president == "Joseph R. Biden, Jr."
        assert g.name.strip() == g.name and g.name
        if g.bop_register_number:
            assert re.fullmatch(r"\d{5}-\d{3}", g.bop_register_number), g


def test_a_listed_commutation_keeps_its_printed_terms() -> None:
    # The 2022-04-26 list: Sergio Acosta, 97 months (Feb. 23, 2018), commuted to expire on
    # April 26, 2023 with the remainder in home confinement.
    (acosta,) = [g for g in shipped_grants() if g.name == "Sergio Acosta"]
    assert acosta.type.value == "commutation"
    assert "April 26, 2023" in acosta.details["grant_terms"]
    assert acosta.details["district"] == "Eastern District of Kentucky"
