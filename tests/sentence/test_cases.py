"""Hand-worked cases: leap years, month ends, weekends and holidays, prior custody, no
supervised release, risk levels, exclusions, removal orders, the dated versions."""

from __future__ import annotations

from datetime import date

from secondchance.law.sentence.kernel import Code, Risk

from .conftest import one


def test_month_end_clamps_to_last_day() -> None:
    # 1 month from 2025-01-31: no 31 February, anniversary 2025-02-28, last day 2025-02-27.
    row = one(commenced=date(2025, 1, 31), months=1)
    assert row["full_term_date"] == date(2025, 2, 27)
    assert row["codes"] & Code.MONTH_END_CLAMPED
    # In a leap year the anniversary is 2024-02-29, last day 2024-02-28.
    assert one(commenced=date(2024, 1, 31), months=1)["full_term_date"] == date(2024, 2, 28)


def test_leap_day_start_twelve_months_one_day() -> None:
    # From 2024-02-29: one-year anniversary 2025-02-28 (clamped); + 1 day: last day 2025-02-28,
    # 366 days. Whole years 1, partial 1 day -> 54 + floor(54/365) = 54. 2025-02-28 - 54 days:
    # -28 -> 2025-01-31, -26 more -> 2025-01-05 (a Sunday) -> weekday Friday 2025-01-03.
    row = one(commenced=date(2024, 2, 29), months=12, days=1)
    assert row["term_days"] == 366
    assert row["full_term_date"] == date(2025, 2, 28)
    assert row["gct_days"] == 54
    assert row["gct_release_date"] == date(2025, 1, 5)
    assert row["release_weekday_date"] == date(2025, 1, 3)


def test_release_on_federal_holiday_moves_to_preceding_weekday() -> None:
    # From 2027-10-21, 24 months: last day 2029-10-20; less 108: -20 -> 09-30, -30 -> 08-31,
    # -31 -> 07-31, -27 -> 07-04, Independence Day (a Wednesday) -> Tuesday 2029-07-03.
    row = one(commenced=date(2027, 10, 21), months=24)
    assert row["gct_release_date"] == date(2029, 7, 4)
    assert row["release_weekday_date"] == date(2029, 7, 3)
    assert row["codes"] & Code.RELEASE_ON_WEEKEND_OR_HOLIDAY


def test_prior_custody_moves_every_date() -> None:
    # 60 months from 2025-01-01 less 100 days: 2029-12-31 -31 -> 11-30, -30 -> 10-31,
    # -31 -> 09-30, -8 -> 2029-09-22. GCT stays 270 (sentence imposed): 2029-04-05 - 100 =
    # -5 -> 03-31, -31 -> 02-28, -28 -> 01-31, -31 -> 2028-12-31, -5 -> 2028-12-26.
    row = one(commenced=date(2025, 1, 1), months=60, prior=100)
    assert row["full_term_date"] == date(2029, 9, 22)
    assert row["gct_days"] == 270
    assert row["gct_release_date"] == date(2028, 12, 26)


def test_no_supervised_release_all_credits_to_prerelease_custody() -> None:
    # Handout example 2 without supervised release: the same 490 credits and placement date,
    # none moves the release date.
    row = one(commenced=date(2025, 1, 1), months=60, sr=False)
    assert row["fsa_credits_days"] == 490
    assert row["fsa_supervised_release_credit_days"] == 0
    assert row["fsa_prerelease_custody_credit_days"] == 490
    assert row["fsa_prerelease_custody_date"] == date(2027, 12, 2)
    assert row["fsa_release_date"] == date(2029, 4, 5)
    assert row["codes"] & Code.FSA_NO_SUPERVISED_RELEASE


def test_medium_risk_earns_ten_but_no_date() -> None:
    # From 2025-01-01 to the release date 2029-04-05: 1461 + 31 + 28 + 31 + 4 = 1555 days,
    # 51 whole periods x 10 = 510 credits shown; application barred: no dates.
    row = one(commenced=date(2025, 1, 1), months=60, risk=Risk.medium)
    assert row["fsa_credits_days"] == 510
    assert row["fsa_release_date"] is None
    assert row["fsa_prerelease_custody_date"] is None
    assert row["codes"] & Code.FSA_RISK_BARS_APPLICATION


def test_high_risk_and_unknown_risk() -> None:
    assert one(commenced=date(2025, 1, 1), months=60, risk=Risk.high)["fsa_release_date"] is None
    row = one(commenced=date(2025, 1, 1), months=60, risk=Risk.unknown)
    assert row["fsa_credits_days"] == 0
    assert row["codes"] & Code.FSA_RISK_UNKNOWN


def test_excluded_offense_has_no_credits() -> None:
    row = one(commenced=date(2025, 1, 1), months=60, ineligible=True)
    assert row["fsa_credits_days"] == 0
    assert row["fsa_release_date"] is None
    assert row["gct_release_date"] == date(2029, 4, 5)


def test_removal_order_bars_application() -> None:
    row = one(commenced=date(2025, 1, 1), months=60, removal=True)
    assert row["fsa_applied_days"] == 0
    assert row["fsa_release_date"] is None
    assert row["codes"] & Code.FSA_REMOVAL_ORDER


def test_life_has_no_dates() -> None:
    row = one(commenced=date(2025, 1, 1), life=True)
    assert row["full_term_date"] is None
    assert row["gct_days"] == 0
    assert row["gct_release_date"] is None
    assert row["fsa_release_date"] is None


def test_ged_rule_rate_42() -> None:
    # 24 months from 2020-01-01: 2 whole years x 42 = 84; 2021-12-31 - 84 = 2021-10-08
    # (-31 -> 11-30, -30 -> 10-31, -23 -> 10-08).
    row = one(commenced=date(2020, 1, 1), months=24, without_ged=True, as_of=date(2022, 6, 1))
    assert row["gct_days"] == 84
    assert row["gct_release_date"] == date(2021, 10, 8)


def test_disallowed_days_are_subtracted() -> None:
    row = one(commenced=date(2020, 1, 1), months=24, lost=27, as_of=date(2022, 6, 1))
    assert row["gct_days"] == 108 - 27


def test_nothing_earned_before_enactment() -> None:
    row = one(commenced=date(2017, 3, 1), months=120, as_of=date(2020, 1, 1))
    assert row["fsa_earning_start"] == date(2018, 12, 21)
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


def test_2026_interim_rule_starts_at_commencement() -> None:
    # Commenced 2026-10-01, arrived 2026-12-01: before 2026-09-30 earning starts at arrival;
    # from 2026-09-30 (provisional) at commencement.
    before = one(
        commenced=date(2026, 10, 1), arrived=date(2026, 12, 1), months=60, as_of=date(2026, 9, 1)
    )
    after = one(
        commenced=date(2026, 10, 1), arrived=date(2026, 12, 1), months=60, as_of=date(2026, 10, 15)
    )
    assert before["fsa_earning_start"] == date(2026, 12, 1)
    assert after["fsa_earning_start"] == date(2026, 10, 1)
    assert after["codes"] & Code.FSA_START_UNDER_2026_RULE


def test_gct_method_between_2019_and_2022_is_sentence_imposed() -> None:
    # 2019-07-19 .. 2022-03-13: 54 per year of the sentence imposed (10 years -> 540).
    row = one(commenced=date(2010, 1, 1), months=120, as_of=date(2020, 6, 1))
    assert row["gct_days"] == 540


def test_supervised_release_cap_is_365_across_29_february() -> None:
    # Example 2 less 100 days of prior custody: GCT release 2028-12-26 (worked above). From
    # 2025-01-01 to 2028-12-26: 1461 - 6 = 1455 days. p* = 7 + ceil((1455 - 280) / 45) = 34;
    # 34 periods end on day 1020, but R - C(33) = 1455 - (70 + 26 x 15 = 460) = 995 is earlier:
    # placement day 995 = 2027-01-01 + 265 = 2027-09-23 with 460 credits. 12 calendar months
    # before 2028-12-26 would be 2027-12-26 (366 days, 2028-02-29 lies between); the Bureau
    # applies 365: supervised release from 2028-12-26 - 365 = 2027-12-27, and 460 - 365 = 95
    # to prerelease custody.
    row = one(commenced=date(2025, 1, 1), months=60, prior=100)
    assert row["fsa_prerelease_custody_date"] == date(2027, 9, 23)
    assert row["fsa_credits_days"] == 460
    assert row["fsa_supervised_release_credit_days"] == 365
    assert row["fsa_prerelease_custody_credit_days"] == 95
    assert row["fsa_release_date"] == date(2027, 12, 27)


def test_no_projection_code_for_an_excluded_offense() -> None:
    row = one(commenced=date(2025, 1, 1), months=60, ineligible=True)
    assert not row["codes"] & Code.FSA_ADDITIONAL_RATE_PROJECTED


def test_supervised_release_cap_when_the_release_day_is_29_february() -> None:
    # 60 months from 2023-11-26 end 2028-11-25; GCT 5 x 54 = 270; 2028-11-25 - 270: -25 ->
    # 10-31, -31 -> 09-30, -30 -> 08-31, -31 -> 07-31, -31 -> 06-30, -30 -> 05-31, -31 -> 04-30,
    # -30 -> 03-31, -31 -> 2028-02-29 (25 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 270).
    # 12 months back from 29 February: 2027-02-28 + 12 months is 2028-02-28, one day short of
    # the release day, so the earliest transfer to supervised release is 2027-03-01: 365 days.
    row = one(commenced=date(2023, 11, 26), months=60)
    assert row["gct_release_date"] == date(2028, 2, 29)
    assert row["fsa_supervised_release_credit_days"] == 365
    assert row["fsa_release_date"] == date(2027, 3, 1)


def test_removal_order_shows_credits_earned_by_the_release_date() -> None:
    # Example 2 with a removal order: nothing applied; credits earned by the release date
    # 2029-04-05, 1555 days after 2025-01-01: 51 periods, 7 x 10 + 44 x 15 = 730.
    row = one(commenced=date(2025, 1, 1), months=60, removal=True)
    assert row["fsa_periods"] == 51
    assert row["fsa_credits_days"] == 730
    assert row["fsa_applied_days"] == 0
    assert row["fsa_prerelease_custody_date"] is None
    assert not row["codes"] & Code.FSA_CREDITS_EXCEED_NEED


def test_credits_earned_beyond_the_days_left_are_not_applied() -> None:
    # 400 days from 2025-01-01: full term 2025-01-01 + 400 - 1 = 2026-02-04; GCT 54 (one whole
    # year) + floor(54 x 35 / 365) = 54 + 5 = 59; release 2026-02-04 - 59 = 2025-12-07.
    # Arrival 2025-01-20; span to the release 321 days. 7 periods and their credits cover
    # 7 x (30 + 10) = 280 < 321 days, so p* = 7 + ceil(41 / 55) = 8: 8 periods complete on
    # 2025-01-20 + 240 = 2025-09-17 with 70 + 15 = 85 credits, and R - C(7) = 2025-12-07 - 70 =
    # 2025-09-28 is later: placement 2025-09-17. Days left: 2025-09-17 -> 2025-12-07 = 13 + 31
    # + 30 + 7 = 81. 3624(g)(1)(A) wants credits "equal to the remainder": 81 applied (all to
    # supervised release, under 12 months), the other 4 earned are not needed.
    row = one(commenced=date(2025, 1, 1), arrived=date(2025, 1, 20), days=400, risk=Risk.low)
    assert row["gct_release_date"] == date(2025, 12, 7)
    assert row["fsa_credits_days"] == 85
    assert row["fsa_applied_days"] == 81
    assert row["fsa_supervised_release_credit_days"] == 81
    assert row["fsa_release_date"] == date(2025, 9, 17)
    assert row["codes"] & Code.FSA_CREDITS_EXCEED_NEED


def test_no_fsa_codes_before_the_act() -> None:
    # As of 2018-06-01 (the Act is of 2018-12-21): no time credits and no FSA reason code, even
    # for a sentence commenced before (which would carry FSA_START_AT_ENACTMENT after the Act).
    row = one(commenced=date(2017, 1, 1), months=60, as_of=date(2018, 6, 1))
    fsa_bits = [c for c in Code if c.name and c.name.startswith("FSA_") and row["codes"] & c]
    assert fsa_bits == []
    assert row["fsa_earning_start"] is None
    assert row["fsa_credits_days"] == 0
    assert row["fsa_release_date"] is None
    after = one(commenced=date(2017, 1, 1), months=60, as_of=date(2019, 1, 1))
    assert after["codes"] & Code.FSA_START_AT_ENACTMENT


def test_weekday_rule_reaches_releases_before_1950() -> None:
    # Records go back to 1900: the weekday table starts there (it used to start in 1950, and a
    # release on a 1945 holiday was not moved). 46 months from 1942-03-01 under the time-served
    # method release on 1945-07-04, Independence Day (a Wednesday) -> Tuesday 1945-07-03.
    row = one(commenced=date(1942, 3, 1), months=46, as_of=date(1944, 1, 1))
    assert row["gct_release_date"] == date(1945, 7, 4)
    assert row["release_weekday_date"] == date(1945, 7, 3)
    assert row["codes"] & Code.RELEASE_ON_WEEKEND_OR_HOLIDAY
