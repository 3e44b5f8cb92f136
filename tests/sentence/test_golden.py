"""Official examples the computation must reproduce to the day (see PROVENANCE.md)."""

from __future__ import annotations

from datetime import date

import pytest

from secondchance.law.sentence.block import SentenceFacts, compute_block
from secondchance.law.sentence.kernel import Risk
from secondchance.law.sentence.rdap import RdapClaim
from secondchance.record.schema import RiskLevel
from secondchance.record.terms import Term

from .conftest import one

# 87 FR 7938 Table 1: term starting 2020-01-01 -> (GCT days, release date).
TABLE_1 = [
    ((24, 0), 108, date(2021, 9, 14)),
    ((24, 1), 108, date(2021, 9, 15)),
    ((25, 0), 112, date(2021, 10, 11)),
    ((26, 0), 116, date(2021, 11, 4)),
    ((32, 0), 143, date(2022, 4, 10)),
    ((36, 0), 162, date(2022, 7, 22)),
    ((37, 0), 166, date(2022, 8, 18)),
]


@pytest.mark.parametrize(("term", "gct", "release"), TABLE_1)
def test_87_fr_7938_table_1(term: tuple[int, int], gct: int, release: date) -> None:
    months, days = term
    row = one(commenced=date(2020, 1, 1), months=months, days=days, as_of=date(2022, 6, 1))
    assert row["gct_days"] == gct
    assert row["gct_release_date"] == release


def test_exactly_twelve_months_earns_no_gct() -> None:
    # "more than 1 year": 12 months from 2020-01-01 ends 2020-12-31 and earns nothing.
    row = one(commenced=date(2020, 1, 1), months=12, as_of=date(2022, 6, 1))
    assert row["gct_days"] == 0
    assert row["gct_release_date"] == date(2020, 12, 31)


def test_twelve_months_and_one_day_earns_54() -> None:
    # One whole year (54) + floor(54 x 1 / 365) = 54; full term 2021-01-01, less 54 days:
    # 2021-01-01 - 1 = 2020-12-31, - 30 more = 2020-12-01, - 23 more = 2020-11-08.
    row = one(commenced=date(2020, 1, 1), months=12, days=1, as_of=date(2022, 6, 1))
    assert row["gct_days"] == 54
    assert row["gct_release_date"] == date(2020, 11, 8)


def test_handout_example_1_twenty_four_months() -> None:
    row = one(commenced=date(2025, 1, 1), months=24, risk=Risk.low)
    assert row["full_term_date"] == date(2026, 12, 31)
    assert row["gct_days"] == 108
    assert row["gct_release_date"] == date(2026, 9, 14)
    assert row["fsa_credits_days"] == 175
    assert row["fsa_supervised_release_credit_days"] == 175
    assert row["fsa_prerelease_custody_credit_days"] == 0
    assert row["fsa_prerelease_custody_date"] is None
    assert row["fsa_release_date"] == date(2026, 3, 23)


def test_handout_example_2_sixty_months() -> None:
    row = one(commenced=date(2025, 1, 1), months=60, risk=Risk.low)
    assert row["full_term_date"] == date(2029, 12, 31)
    assert row["gct_days"] == 270
    assert row["gct_release_date"] == date(2029, 4, 5)
    assert row["fsa_credits_days"] == 490
    assert row["fsa_supervised_release_credit_days"] == 365
    assert row["fsa_prerelease_custody_credit_days"] == 125
    assert row["fsa_prerelease_custody_date"] == date(2027, 12, 2)
    assert row["fsa_release_date"] == date(2028, 4, 5)


def test_handout_example_4_one_hundred_twenty_months() -> None:
    row = one(commenced=date(2025, 1, 1), months=120, risk=Risk.minimum)
    assert row["full_term_date"] == date(2034, 12, 31)
    assert row["gct_days"] == 540
    assert row["gct_release_date"] == date(2033, 7, 9)
    assert row["fsa_credits_days"] == 1015
    assert row["fsa_release_date"] == date(2032, 7, 9)
    # Model date (the handout prints 2030-09-28 = release - 1015): 70 periods complete on
    # 2025-01-01 + 70 x 30 = + 2100 days = 2030-01-01 (+1826) + 274 days = 2030-10-02, holding
    # 7 x 10 + 63 x 15 = 1015 credits; 69 periods (1000) fall short of the days left before.
    assert row["fsa_prerelease_custody_date"] == date(2030, 10, 2)
    # Days applied: release - placement = 1015 - (2030-10-02 - 2030-09-28 = 4) = 1011;
    # 365 to supervised release (2032-07-09..2033-07-09 holds no 29 February), 646 to RRC/HC.
    assert row["fsa_applied_days"] == 1011
    assert row["fsa_supervised_release_credit_days"] == 365
    assert row["fsa_prerelease_custody_credit_days"] == 646
    # 2033-07-09 is a Saturday: the Bureau may release on Friday 2033-07-08.
    assert row["release_weekday_date"] == date(2033, 7, 8)


def test_barber_v_thomas_ten_years_time_served_method() -> None:
    # Before 2019-07-19: 3,650 days; 8 cycles of 365 + 54 = 3,352 days earn 432; 298 days
    # remain; the fewest d with d + floor(.148 d) >= 298 is 260 (260 + 38 = 298): 38 more.
    # 432 + 38 = 470.
    row = one(commenced=date(2010, 1, 1), days=3650, as_of=date(2018, 1, 1))
    assert row["gct_days"] == 470


@pytest.mark.parametrize(
    ("days", "gct"),
    [
        # Time-served method (before 2019-07-19), worked by hand:
        # 366: no full cycle (< 419); fewest d with d + floor(.148 d) >= 366 is 319
        #      (319 + 47 = 366; 318 + 47 = 365): 47.
        (366, 47),
        # 730: one cycle of 419 (54); 311 left: d = 271 (271 + 40 = 311; 270 + 39 = 309): 40.
        (730, 94),
        # 1825: four cycles (1676, 216); 149 left: d = 130 (130 + 19 = 149): 19 -> 235.
        (1825, 235),
    ],
)
def test_time_served_method_by_hand(days: int, gct: int) -> None:
    row = one(commenced=date(2015, 1, 1), days=days, as_of=date(2018, 1, 1))
    assert row["gct_days"] == gct


def test_handout_example_3_sixty_months_with_rdap() -> None:
    # The handout's RDAP example (PROVENANCE.md): example 2 with a 12-month 3621(e) reduction.
    # RDAP date: GCT release 2029-04-05 less 12 months = 2028-04-05 (printed).
    # Credits on the earlier date: R - S = 1095 (2025-2027) + 95 (31 + 29 + 31 + 4) = 1190;
    # p* = 7 + ceil((1190 - 280) / 45) = 28; C(27) = 70 + 20 x 15 = 370; R - 370 = S + 820
    # < S + 840: placement S + 820 = 2027-01-01 (S + 730) + 90 = 2027-04-01 with 370 credits
    # (printed: 370, CPD 2027-04-01).
    row = one(commenced=date(2025, 1, 1), months=60, risk=Risk.low, rdap=True)
    assert row["gct_release_date"] == date(2029, 4, 5)
    assert row["rdap_months"] == 12
    assert row["rdap_release_date"] == date(2028, 4, 5)
    assert row["fsa_credits_days"] == 370
    assert row["fsa_applied_days"] == 370
    assert row["fsa_prerelease_custody_date"] == date(2027, 4, 1)
    # The Bureau's 365 days to supervised release: 2028-04-05 - 365 = 2027-04-06, 5 days to
    # RRC/HC. The handout prints 2027-04-05 and 4 days: 12 calendar months back across
    # 2028-02-29 (366 days) - the contested point, given in the block's finding (test below).
    assert row["fsa_supervised_release_credit_days"] == 365
    assert row["fsa_prerelease_custody_credit_days"] == 5
    assert row["fsa_release_date"] == date(2027, 4, 6)


def test_handout_example_3_printed_dates_in_the_finding() -> None:
    facts = SentenceFacts(
        term=Term(months=60),
        commenced=date(2025, 1, 1),
        arrived=date(2025, 1, 1),
        supervised_release=Term(months=36),
        risk=RiskLevel.low,
        rdap=RdapClaim(completed=False, bureau_eligible=True),
    )
    block = compute_block(facts, date(2025, 6, 1))
    assert block["rdap"]["status"] == "applied"
    assert block["rdap"]["release_date"] == "2028-04-05"
    assert block["fsa"]["prerelease_custody_date"] == "2027-04-01"
    cap = next(f["finding"] for f in block["findings"] if "contested point" in f["finding"])
    # The handout's printed conditional release date and RRC/HC days (12 calendar months).
    assert "would be 2027-04-05" in cap
    assert "with 4 days to prerelease custody" in cap
