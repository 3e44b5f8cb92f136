"""The kernel's reason codes, and the facts a sentence case cannot give (unknown risk, removal
orders, the GED rate, disallowed and non-earning days). The hand-worked dates and day counts
(leap years, month ends, holidays, prior custody, risk levels, exclusions, the supervised
release cap, the earning start) are cases under cases/sentence/."""

from __future__ import annotations

from datetime import date

from secondchance.law.sentence.kernel import Code, Risk

from .conftest import one


def test_month_end_clamp_is_flagged() -> None:
    # 1 month from 2025-01-31: no 31 February (dates: cases/sentence/calendar/).
    assert one(commenced=date(2025, 1, 31), months=1)["codes"] & Code.MONTH_END_CLAMPED


def test_release_on_a_holiday_is_flagged() -> None:
    # Release 2029-07-04 and 1945-07-04, Independence Day (dates: cases/sentence/calendar/).
    assert (
        one(commenced=date(2027, 10, 21), months=24)["codes"] & Code.RELEASE_ON_WEEKEND_OR_HOLIDAY
    )
    row = one(commenced=date(1942, 3, 1), months=46, as_of=date(1944, 1, 1))
    assert row["codes"] & Code.RELEASE_ON_WEEKEND_OR_HOLIDAY


def test_no_supervised_release_is_flagged() -> None:
    row = one(commenced=date(2025, 1, 1), months=60, sr=False)
    assert row["codes"] & Code.FSA_NO_SUPERVISED_RELEASE


def test_medium_risk_bar_is_flagged() -> None:
    row = one(commenced=date(2025, 1, 1), months=60, risk=Risk.medium)
    assert row["codes"] & Code.FSA_RISK_BARS_APPLICATION


def test_unknown_risk() -> None:
    row = one(commenced=date(2025, 1, 1), months=60, risk=Risk.unknown)
    assert row["fsa_credits_days"] == 0
    assert row["codes"] & Code.FSA_RISK_UNKNOWN


def test_removal_order_bars_application() -> None:
    row = one(commenced=date(2025, 1, 1), months=60, removal=True)
    assert row["fsa_applied_days"] == 0
    assert row["fsa_release_date"] is None
    assert row["codes"] & Code.FSA_REMOVAL_ORDER


def test_ged_rule_rate_42() -> None:
    # 24 months from 2020-01-01: 2 whole years x 42 = 84; 2021-12-31 - 84 = 2021-10-08
    # (-31 -> 11-30, -30 -> 10-31, -23 -> 10-08).
    row = one(commenced=date(2020, 1, 1), months=24, without_ged=True, as_of=date(2022, 6, 1))
    assert row["gct_days"] == 84
    assert row["gct_release_date"] == date(2021, 10, 8)


def test_disallowed_days_are_subtracted() -> None:
    row = one(commenced=date(2020, 1, 1), months=24, lost=27, as_of=date(2022, 6, 1))
    assert row["gct_days"] == 108 - 27


def test_start_at_enactment_is_flagged() -> None:
    # Commenced 2017-03-01: earning starts 2018-12-21 (date: cases/sentence/time_credits/).
    row = one(commenced=date(2017, 3, 1), months=120, as_of=date(2020, 1, 1))
    assert row["codes"] & Code.FSA_START_AT_ENACTMENT


def test_non_earning_days_delay_the_start() -> None:
    # Earning starts on arrival, 2025-01-01, and that is the earning start reported; the 30
    # non-earning days are subtracted separately: the periods are counted from 2025-01-01 + 30 =
    # 2025-01-31, so they complete 30 days later than in example 2. Span 2025-01-31 to
    # 2029-04-05 = 1525 days (1555 - 30). p* = 7 + ceil((1525 - 280) / 45) = 7 + 28 = 35: day
    # 2025-01-31 + 1050 = 2027-12-17; R - C(34) = 2029-04-05 - 475 = 2027-12-17 -> placement
    # 2027-12-17, C(35) = 70 + 28 x 15 = 490 credits.
    row = one(commenced=date(2025, 1, 1), months=60, non_earning=30)
    assert row["fsa_earning_start"] == date(2025, 1, 1)
    assert row["fsa_prerelease_custody_date"] == date(2027, 12, 17)
    assert row["fsa_credits_days"] == 490


def test_2026_interim_rule_start_is_flagged() -> None:
    # Commenced 2026-10-01, arrived 2026-12-01 (dates: cases/sentence/time_credits/).
    after = one(
        commenced=date(2026, 10, 1), arrived=date(2026, 12, 1), months=60, as_of=date(2026, 10, 15)
    )
    assert after["codes"] & Code.FSA_START_UNDER_2026_RULE


def test_no_projection_code_for_an_excluded_offense() -> None:
    row = one(commenced=date(2025, 1, 1), months=60, ineligible=True)
    assert not row["codes"] & Code.FSA_ADDITIONAL_RATE_PROJECTED


def test_removal_order_shows_credits_earned_by_the_release_date() -> None:
    # Example 2 with a removal order: nothing applied; credits earned by the release date
    # 2029-04-05, 1555 days after 2025-01-01: 51 periods, 7 x 10 + 44 x 15 = 730.
    row = one(commenced=date(2025, 1, 1), months=60, removal=True)
    assert row["fsa_periods"] == 51
    assert row["fsa_credits_days"] == 730
    assert row["fsa_applied_days"] == 0
    assert row["fsa_prerelease_custody_date"] is None
    assert not row["codes"] & Code.FSA_CREDITS_EXCEED_NEED


def test_credits_beyond_need_are_flagged() -> None:
    # 400 days from 2025-01-01, arrived 2025-01-20: 85 earned, 81 applied (worked in
    # cases/sentence/time_credits/supervised-release-cap.yaml).
    row = one(commenced=date(2025, 1, 1), arrived=date(2025, 1, 20), days=400, risk=Risk.low)
    assert row["codes"] & Code.FSA_CREDITS_EXCEED_NEED


def test_no_fsa_codes_before_the_act() -> None:
    # As of 2018-06-01 (the Act is of 2018-12-21): no FSA reason code, even for a sentence
    # commenced before (which would carry FSA_START_AT_ENACTMENT after the Act).
    row = one(commenced=date(2017, 1, 1), months=60, as_of=date(2018, 6, 1))
    fsa_bits = [c for c in Code if c.name and c.name.startswith("FSA_") and row["codes"] & c]
    assert fsa_bits == []
    assert row["fsa_credits_days"] == 0
    after = one(commenced=date(2017, 1, 1), months=60, as_of=date(2019, 1, 1))
    assert after["codes"] & Code.FSA_START_AT_ENACTMENT
