"""The 3621(e) RDAP reduction by term tier, the Bureau's 365 days on both sides of 29 February,
the Second Chance Act window (3624(c)) and lost time credits (28 CFR 523.43). Expected values
are worked by hand in the comments."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from secondchance.api import evaluate
from secondchance.law.registry import program
from secondchance.law.sentence.block import SentenceFacts, compute_block
from secondchance.law.sentence.kernel import Code, Risk
from secondchance.law.sentence.rdap import EXCLUSIONS, RdapClaim
from secondchance.record.schema import Record, RiskLevel
from secondchance.record.terms import Term

from .conftest import one


@pytest.mark.parametrize(
    ("months", "days", "tier", "rdap_date"),
    [
        # 30 months from 2025-01-01 end 2027-06-30 (911 days): GCT 2 x 54 + floor(54 x 181 /
        # 365) = 108 + 26 = 134; 2027-06-30 - 134 = 2027-02-16 (30 + 31 + 30 + 31 = 122 to
        # 2027-02-28, 12 more). Up to 6 months: 2026-08-16.
        (30, 0, 6, date(2026, 8, 16)),
        # 36 months: end 2027-12-31, GCT 162: 2027-07-22 (31 + 30 + 31 + 30 + 31 = 153 to
        # 2027-07-31, 9 more). 31-36 months: up to 9 months: 2026-10-22.
        (36, 0, 9, date(2026, 10, 22)),
        # 37 months: end 2028-01-31, GCT 162 + floor(54 x 31 / 365) = 166: 2027-08-18
        # (31 + 31 + 30 + 31 + 30 = 153 to 2027-08-31, 13 more). 12 months: 2026-08-18.
        (37, 0, 12, date(2026, 8, 18)),
    ],
)
def test_rdap_reduction_by_term_tier(months: int, days: int, tier: int, rdap_date: date) -> None:
    row = one(commenced=date(2025, 1, 1), months=months, days=days, rdap=True)
    assert row["rdap_months"] == tier
    assert row["rdap_release_date"] == rdap_date
    assert row["codes"] & Code.RDAP_REDUCTION


def test_a_day_beyond_thirty_months_is_the_next_tier() -> None:
    row = one(commenced=date(2025, 1, 1), months=30, days=1, rdap=True)
    assert row["rdap_months"] == 9


@pytest.mark.parametrize(
    ("days", "tier"),
    [
        # 30 months after 2025-01-01 is 2027-07-01; 913 days after it is 2027-07-03 (1,095 days
        # to 2028-01-01, less 182), two days beyond: 31-36 months, up to 9.
        (913, 9),
        # 36 months after is 2028-01-01; 1,200 days after is 2028-04-15 (1,095 + 105): more
        # than 36 months, up to 12 (the term's days were ignored and gave 6).
        (1200, 12),
        # 911 days end on 2027-06-30, the last day of 30 months: up to 6.
        (911, 6),
    ],
)
def test_a_term_in_days_takes_the_tier_of_its_length(days: int, tier: int) -> None:
    row = one(commenced=date(2025, 1, 1), days=days, rdap=True)
    assert row["rdap_months"] == tier


def test_time_credits_give_no_date_before_the_program_is_completed() -> None:
    # Handout example 2 (60 months from 2025-01-01, low risk): GCT release 2029-04-05; RDAP
    # completed on 2028-06-01, after 2028-04-05 (12 months earlier), so the reduction releases
    # on 2028-06-01 at the earliest. Credits (365 to supervised release) applied on that date
    # would give supervised release on 2027-06-02, a year before the residential program ends:
    # the unit-based part is served apart from the general population (28 CFR 550.53(a)(1)),
    # so no such date is given, and the block needs review.
    claim = RdapClaim(completed=True, completed_on=date(2028, 6, 1), bureau_eligible=True)
    block = _block(date(2025, 1, 1), rdap=claim)
    assert block["rdap"]["release_date"] == "2028-06-01"
    assert block["fsa"]["release_date"] is None
    assert block["fsa"]["prerelease_custody_date"] is None
    assert block["placement"]["combined_earliest_date"] is None
    assert block["status"] == "needs_review"
    assert any("before the program's completion on 2028-06-01" in r for r in block["needs_review"])
    assert "550.53(a)(1)" in " ".join(f["citation"] for f in block["findings"])


def test_rdap_completed_late_releases_on_completion() -> None:
    # Example 2: 12 months before 2029-04-05 is 2028-04-05; completed on 2028-06-01, later:
    # the reduction releases no earlier than completion, 2028-06-01.
    row = one(commenced=date(2025, 1, 1), months=60, rdap=True, rdap_completed=date(2028, 6, 1))
    assert row["rdap_release_date"] == date(2028, 6, 1)
    assert row["codes"] & Code.RDAP_LIMITED_BY_COMPLETION


@pytest.mark.parametrize(
    ("commenced", "release", "fsa_release"),
    [
        # 60 months, GCT 270 (test_cases): 2023-11-25 -> release 2028-02-28, before
        # 29 February: 2027-02-28 to 2028-02-28 holds none: 365 days back is 2027-02-28.
        (date(2023, 11, 25), date(2028, 2, 28), date(2027, 2, 28)),
        # On 29 February (2023-11-26): 365 days back is 2027-03-01.
        (date(2023, 11, 26), date(2028, 2, 29), date(2027, 3, 1)),
        # After it (2023-11-27 -> 2028-03-01): 2027-03-01 to 2028-03-01 is 366 days, so 365
        # back is 2027-03-02 (12 calendar months would give 2027-03-01).
        (date(2023, 11, 27), date(2028, 3, 1), date(2027, 3, 2)),
    ],
)
def test_the_bureaus_365_days_on_both_sides_of_29_february(
    commenced: date, release: date, fsa_release: date
) -> None:
    row = one(commenced=commenced, months=60)
    assert row["gct_release_date"] == release
    assert row["fsa_supervised_release_credit_days"] == 365
    assert row["fsa_release_date"] == fsa_release


def _block(commenced: date, **extra: Any) -> dict[str, Any]:
    facts = SentenceFacts(
        term=Term(months=60),
        commenced=commenced,
        arrived=commenced,
        supervised_release=Term(months=36),
        risk=RiskLevel.low,
        **extra,
    )
    return compute_block(facts, date(2025, 6, 1))


def _texts(block: dict[str, Any]) -> str:
    return "\n".join(f["finding"] for f in block["findings"])


def test_the_finding_names_the_statutes_twelve_months() -> None:
    after = _texts(_block(date(2023, 11, 27)))
    assert '"not to exceed 12 months"' in after
    assert "contested point" in after
    assert "would be 2027-03-01" in after
    before = _texts(_block(date(2023, 11, 25)))
    assert "contested point" in before
    assert "would be" not in before  # 12 calendar months are 365 days there


def test_second_chance_act_window_with_fsa_credits() -> None:
    # Example 2: leaves custody 2028-04-05 (FSA release). RRC: 12 months back, 2027-04-05.
    # Home confinement: the shorter of 10% of 1826 days (182) and 6 months back (2027-10-05,
    # 183 days): 182, from 2027-10-06. With the 125 FSA prerelease days: 2027-04-05 - 5 =
    # 03-31, - 31 = 02-28, - 28 = 01-31, - 31 = 2026-12-31, - 30 = 2026-12-01 (125 days).
    block = _block(date(2025, 1, 1))
    placement = block["placement"]
    assert placement["leaves_custody_on"] == "2028-04-05"
    assert placement["rrc_earliest_date"] == "2027-04-05"
    assert placement["home_confinement_days"] == 182
    assert placement["home_confinement_earliest_date"] == "2027-10-06"
    assert placement["fsa_prerelease_credit_days"] == 125
    assert placement["combined_earliest_date"] == "2026-12-01"
    assert "not a promise" in _texts(block)


def test_second_chance_act_window_never_before_commencement() -> None:
    # 13 months from 2025-01-01 end 2026-01-31; GCT 54 + floor(54 x 31 / 365) = 58: release
    # 2025-12-04. 12 months back (2024-12-04) is before commencement: 2025-01-01. Home
    # confinement: 10% of 396 days = 39 (< 6 months): 2025-12-04 - 39 = 2025-10-26.
    row = one(commenced=date(2025, 1, 1), months=13, risk=Risk.medium)
    assert row["gct_release_date"] == date(2025, 12, 4)
    assert row["sca_rrc_date"] == date(2025, 1, 1)
    assert row["sca_home_confinement_date"] == date(2025, 10, 26)


def test_lost_time_credits_move_the_placement_day() -> None:
    # Example 2 with 30 days lost: credits C(p) - 30 must cover R - D. R - S = 1555; as if
    # R were 30 days later: p* = 7 + ceil((1585 - 280) / 45) = 36; S + 1080 < S + 1585 - C(35)
    # (= 490): S + 1095. Placement S + 1080 = 2028-01-01 - 15 = 2027-12-17 holding C(36) - 30
    # = 70 + 29 x 15 - 30 = 475 = 1555 - 1080 days left.
    row = one(commenced=date(2025, 1, 1), months=60, credits_lost=30)
    assert row["fsa_prerelease_custody_date"] == date(2027, 12, 17)
    assert row["fsa_credits_days"] == 475
    assert row["fsa_applied_days"] == 475
    assert row["fsa_release_date"] == date(2028, 4, 5)
    assert row["codes"] & Code.FSA_CREDITS_LOST


def _claim(**facts: bool | None) -> RdapClaim:
    return RdapClaim(completed=False, exclusions=dict(facts))


NONE_APPLY = {name: False for name, _ in EXCLUSIONS}


def test_rdap_exclusions_decide() -> None:
    assert _claim(**NONE_APPLY).decision()[0] is True
    found = _claim(**{**NONE_APPLY, "current_violent_or_weapon_offense": True}).decision()
    assert found[0] is False
    assert "550.55(b)(5)" in found[1][0]
    partial = {**NONE_APPLY, "prior_disqualifying_conviction": None}
    undecided = _claim(**partial).decision()
    assert undecided[0] is None
    assert undecided[2] == ["rdap.prior_disqualifying_conviction"]
    # The Bureau's decision settles a missing fact, never an exclusion stated as found.
    assert RdapClaim(completed=False, bureau_eligible=True).decision()[0] is True
    stated = {"ice_detainee": True}
    assert RdapClaim(False, None, True, dict(stated)).decision()[0] is False


def test_undecided_rdap_is_not_applied_and_needs_review() -> None:
    block = _block(date(2025, 1, 1), rdap=_claim(**{**NONE_APPLY, "ice_detainee": None}))
    assert block["status"] == "needs_review"
    assert block["rdap"]["status"] == "needs_review"
    assert block["rdap"]["release_date"] is None
    assert block["fsa"]["release_date"] == "2028-04-05"  # without the reduction
    assert block["rdap"]["if_eligible"]["release_date"] == "2028-04-05"
    assert block["rdap"]["if_eligible"]["fsa_release_date"] == "2027-04-06"
    assert "rdap.ice_detainee" in block["missing_facts"]


def _record(rdap: dict[str, Any]) -> Record:
    return Record.model_validate(
        {
            "person": {"name": "A"},
            "convictions": [
                {
                    "id": "c1",
                    "jurisdiction": "federal",
                    "counts": [{"statute": "18 U.S.C. 1343"}],
                    "sentence": {
                        "imposed_on": "2025-01-01",
                        "imprisonment": "60 months",
                        "supervised_release": "3 years",
                    },
                }
            ],
            "custody": [
                {"kind": "designated_facility", "start": "2025-01-01", "conviction_id": "c1"}
            ],
            "fsa": {"risk_assessments": [{"assessed_on": "2025-02-01", "level": "low"}]},
            "rdap": rdap,
        }
    )


def _sentence_of(rec: Record) -> dict[str, Any]:
    report = evaluate(rec, as_of=date(2025, 6, 1), programs=[program("fsa.time_credits")])
    block = report.computation("sentence")
    assert block is not None
    result: dict[str, Any] = block
    return result


def test_record_rdap_facts() -> None:
    block = _sentence_of(_record({"status": "expected", **NONE_APPLY}))
    assert block["rdap"]["status"] == "applied"
    assert block["rdap"]["release_date"] == "2028-04-05"
    block = _sentence_of(_record({"status": "expected", "ice_detainee": False}))
    assert block["rdap"]["status"] == "needs_review"
    assert "rdap.previous_rdap_early_release" in block["missing_facts"]


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
