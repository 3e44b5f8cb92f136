"""clemency.marijuana_pardon — Proclamation 10467 (2022-10-06) and Proclamation 10688
(2023-12-22). `eligible` = pardoned by a proclamation; may apply for the certificate; `date` =
the first proclamation that covers the offense."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from secondchance.engine.determination import Outcome
from tests.clemency.helpers import CITIZEN, MARIJUANA, PARDON, ask, text

P10467 = date(2022, 10, 6)
P10688 = date(2023, 12, 22)


def record(
    statute: str = "21 U.S.C. 844",
    *,
    offense: str | None = "2015-03-14",
    convicted: str | None = "2015-07-20",
    status: list[dict[str, Any]] | None = None,
    jurisdiction: str = "federal",
    **count: Any,
) -> dict[str, Any]:
    conviction: dict[str, Any] = {
        "id": "m1",
        "jurisdiction": jurisdiction,
        "counts": [{"statute": statute, "substance": "marijuana", **count}],
        "sentence": {"fine": 200, "fine_owed": 0},
    }
    if jurisdiction == "state":
        conviction["state"] = "Ohio"
    if offense:
        conviction["offense_date"] = offense
    if convicted:
        conviction["conviction_date"] = convicted
        # Sentenced the same day: a pardon petition's wait without prison runs from sentencing.
        conviction["sentencing_date"] = convicted
    return {
        "person": {"status": CITIZEN if status is None else status},
        "convictions": [conviction],
    }


# --- proclamation dates ------------------------------------------------------------------------


def test_844_before_10467_is_pardoned_from_its_date() -> None:
    # 10467: simple possession under 21 U.S.C. 844 "on or before the date of this proclamation".
    det = ask(MARIJUANA, record(), "2024-06-01")
    assert det.outcome is Outcome.eligible
    assert det.date == P10467
    assert "certificate" in text(det)
    assert "does not expunge or seal" in text(det)


def test_day_before_and_day_of_10467() -> None:
    before = ask(MARIJUANA, record(), "2022-10-05")
    assert before.outcome is Outcome.eligible_from  # no proclamation yet; pardoned on 10-06
    assert before.date == P10467
    assert ask(MARIJUANA, record(), "2022-10-06").outcome is Outcome.eligible


def test_offense_on_10467_date_is_covered_by_10467() -> None:
    det = ask(MARIJUANA, record(offense="2022-10-06", convicted="2023-02-01"), "2024-01-01")
    assert det.date == P10467


def test_offense_day_after_10467_waits_for_10688() -> None:
    # Offense 2022-10-07 > 2022-10-06 and conviction 2023-02-01 > 2022-10-06: not 10467;
    # 10688 covers offenses "on or before" 2023-12-22.
    data = record(offense="2022-10-07", convicted="2023-02-01")
    det = ask(MARIJUANA, data, "2024-01-01")
    assert det.outcome is Outcome.eligible
    assert det.date == P10688
    mid = ask(MARIJUANA, data, "2023-12-21")
    assert mid.outcome is Outcome.eligible_from
    assert mid.date == P10688


def test_offense_on_10688_date_covered_day_after_not() -> None:
    assert (
        ask(MARIJUANA, record(offense="2023-12-22", convicted="2024-03-01"), "2024-06-01").date
        == P10688
    )
    det = ask(MARIJUANA, record(offense="2023-12-23", convicted="2024-03-01"), "2024-06-01")
    assert det.outcome is Outcome.not_eligible


def test_conviction_on_or_before_the_date_suffices_when_offense_date_unknown() -> None:
    # 10467 (2): "have been convicted of the offense"; a citizen since birth was lawfully present.
    det = ask(MARIJUANA, record(offense=None, convicted="2020-01-01"), "2024-01-01")
    assert det.date == P10467


def test_conviction_after_the_date_with_offense_date_unknown_asks_for_it() -> None:
    # Convicted 2024-03-01, after 10688 (2023-12-22), offense date not recorded: the offense
    # may have been committed on or before 2023-12-22 (pardoned "regardless of whether ...
    # charged", so a later conviction does not rule it out) or after it (not pardoned). It is
    # not "not eligible": the offense date decides it.
    det = ask(MARIJUANA, record(offense=None, convicted="2024-03-01"), "2024-06-01")
    assert det.outcome is Outcome.insufficient_facts
    assert det.missing_facts == ["convictions[0].counts[0].offense_date"]
    # Convicted 2023-03-01: after 10467 (2022-10-06), before 10688. Pardoned by 10688 at the
    # latest, but by 10467 (2022-10-06) if the offense was on or before 2022-10-06: the date
    # turns on the offense date, so the pardon is not dated from 2023-12-22 alone.
    mid = ask(MARIJUANA, record(offense=None, convicted="2023-03-01"), "2024-06-01")
    assert mid.outcome is Outcome.insufficient_facts
    assert mid.missing_facts == ["convictions[0].counts[0].offense_date"]


def test_no_dates_at_all_names_them() -> None:
    det = ask(MARIJUANA, record(offense=None, convicted=None), "2024-01-01")
    assert det.outcome is Outcome.insufficient_facts
    assert "convictions[0].conviction_date" in det.missing_facts


# --- statutes in and out ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statute", "extra", "expected"),
    [
        # 10467 and 10688 (1)/(2): 21 U.S.C. 844, D.C. Code 48-904.01(d)(1) → first is 10467.
        ("21 U.S.C. 844", {}, P10467),
        ("21 U.S.C. § 844(a)", {}, P10467),
        ("D.C. Code 48-904.01(d)(1)", {}, P10467),
        ("D.C. Code § 48–904.01(d)(1)", {}, P10467),
        # 10688 (1): 21 U.S.C. 846 attempt; (3): D.C. Code 48-904.09 attempt → only 10688.
        ("21 U.S.C. 846", {"attempt": True, "object_offense": "21 U.S.C. 844"}, P10688),
        (
            "D.C. Code 48-904.09",
            {"attempt": True, "object_offense": "D.C. Code 48-904.01(d)(1)"},
            P10688,
        ),
        # 10688 (4): the CFR provisions named.
        ("36 CFR 2.35(b)(2)", {}, P10688),
        ("25 C.F.R. 11.452(a)", {}, P10688),
        ("41 CFR 102-74.400(a)", {}, P10688),
        ("50 CFR 27.82(b)(2)", {}, P10688),
    ],
)
def test_listed_provisions_are_covered(statute: str, extra: dict[str, Any], expected: date) -> None:
    det = ask(MARIJUANA, record(statute, **extra), "2024-06-01")
    assert det.outcome is Outcome.eligible
    assert det.date == expected


@pytest.mark.parametrize(
    ("statute", "extra"),
    [
        # "such as possession of marijuana with intent to distribute" (10688) — 21 U.S.C. 841.
        ("21 U.S.C. 841(a)(1)", {}),
        ("21 U.S.C. 846", {"conspiracy": True, "object_offense": "21 U.S.C. 841(a)(1)"}),
        ("21 U.S.C. 846", {"attempt": True, "object_offense": "21 U.S.C. 841(a)(1)"}),
        ("21 U.S.C. 844", {"conspiracy": True}),
        ("21 U.S.C. 860", {}),
        ("21 U.S.C. 8440", {}),  # not 844 or a subdivision of it
        ("D.C. Code 48-904.01(a)(1)", {}),
    ],
)
def test_other_marijuana_offenses_are_not_covered(statute: str, extra: dict[str, Any]) -> None:
    det = ask(MARIJUANA, record(statute, **extra), "2024-06-01")
    assert det.outcome is Outcome.not_eligible


def test_attempt_object_unknown_names_the_field() -> None:
    det = ask(MARIJUANA, record("21 U.S.C. 846", attempt=True), "2024-06-01")
    assert det.outcome is Outcome.insufficient_facts
    assert det.missing_facts == ["convictions[0].counts[0].object_offense"]


def test_other_substance_under_844_is_not_covered() -> None:
    data = record()
    data["convictions"][0]["counts"][0]["substance"] = "cocaine"
    assert ask(MARIJUANA, data, "2024-06-01").outcome is Outcome.not_eligible


def test_unknown_substance_under_844_names_the_field() -> None:
    data = record()
    del data["convictions"][0]["counts"][0]["substance"]
    det = ask(MARIJUANA, data, "2024-06-01")
    assert det.outcome is Outcome.insufficient_facts
    assert det.missing_facts == ["convictions[0].counts[0].substance"]


def test_cfr_provision_not_named_needs_review() -> None:
    # 10688 (4): CFR provisions that prohibit only simple possession or use, "including but not
    # limited to" those named.
    det = ask(MARIJUANA, record("36 CFR 261.53"), "2024-06-01")
    assert det.outcome is Outcome.needs_review


@pytest.mark.parametrize("state", ["District of Columbia", "D.C.", "DC"])
def test_dc_code_count_recorded_as_a_state_named_dc_is_for_review(state: str) -> None:
    # 10467 pardons simple possession "in violation of D.C. Code 48-904.01(d)(1)"; the District
    # of Columbia is not a state, so a "state" conviction of D.C. under that section is
    # mislabelled, not a state offense outside the proclamations: for review, not not_eligible.
    data = record("D.C. Code 48-904.01(d)(1)", jurisdiction="state")
    data["convictions"][0]["state"] = state
    det = ask(MARIJUANA, data, "2024-06-01")
    assert det.outcome is Outcome.needs_review
    assert "jurisdiction dc" in text(det)


def test_state_marijuana_conviction_is_not_covered() -> None:
    det = ask(MARIJUANA, record("Ohio Rev. Code 2925.11", jurisdiction="state"), "2024-06-01")
    assert det.outcome is Outcome.not_eligible
    assert "State of Ohio" in text(det)


def test_non_marijuana_record_is_not_applicable() -> None:
    data = record("18 U.S.C. 1343")
    data["convictions"][0]["counts"][0]["substance"] = None
    assert ask(MARIJUANA, data, "2024-06-01").outcome is Outcome.not_applicable


# --- who: citizens and lawful permanent residents ------------------------------------------------


def test_lawful_permanent_resident_on_the_date_is_covered() -> None:
    status = [{"status": "lawful_permanent_resident", "start": "2010-01-01"}]
    assert ask(MARIJUANA, record(status=status), "2024-06-01").date == P10467


def test_naturalised_after_10467_is_covered_only_by_10688() -> None:
    # Status on 2022-10-06 other_lawful (not a citizen or LPR) → not 10467; a citizen on
    # 2023-12-22 → 10688.
    status = [
        {"status": "other_lawful", "start": "2010-01-01", "end": "2022-12-31"},
        {"status": "us_citizen", "start": "2023-01-01"},
    ]
    det = ask(MARIJUANA, record(status=status), "2024-06-01")
    assert det.date == P10688


def test_not_citizen_or_lpr_on_either_date_is_not_covered() -> None:
    status = [{"status": "other_lawful", "start": "2010-01-01"}]
    assert ask(MARIJUANA, record(status=status), "2024-06-01").outcome is Outcome.not_eligible


def test_unlawfully_present_at_the_offense_is_not_covered() -> None:
    # "This pardon does not apply to individuals who were non-citizens not lawfully present in
    # the United States at the time of their offense" — even if an LPR later.
    status = [
        {"status": "unlawfully_present", "start": "2012-01-01", "end": "2016-12-31"},
        {"status": "lawful_permanent_resident", "start": "2017-01-01"},
    ]
    det = ask(MARIJUANA, record(status=status), "2024-06-01")
    assert det.outcome is Outcome.not_eligible
    assert "not lawfully present" in text(det)


def test_status_unknown_names_the_field() -> None:
    det = ask(MARIJUANA, record(status=[]), "2024-06-01")
    assert det.outcome is Outcome.insufficient_facts
    assert det.missing_facts == ["person.status (on 2022-10-06)"]


# --- the pardon petition honours the proclamation ------------------------------------------------


def test_pardon_petition_honours_the_proclamation() -> None:
    det = ask(PARDON, record(), "2022-10-06")
    assert det.outcome is Outcome.not_applicable
    assert "Proclamation 10467" in text(det)
    before = ask(PARDON, record(), "2022-10-05")
    assert before.outcome is Outcome.eligible  # 5 years from the 2015-07-20 conviction (fine)
    assert before.next_change == P10467


def test_recorded_certificate_is_honoured_even_when_status_is_not_recorded() -> None:
    # The record shows the Office issued a certificate under Proclamation 10467: that grant is
    # honoured as recorded, though person.status is empty.
    data = record(status=[])
    data["clemency"] = [
        {
            "kind": "pardon",
            "granted_on": "2022-10-06",
            "proclamation": "Proclamation 10467",
            "conviction_ids": ["m1"],
            "certificate_issued": True,
        }
    ]
    det = ask(MARIJUANA, data, "2024-06-01")
    assert det.outcome is Outcome.eligible
    assert det.date == P10467
    assert "certificate already issued" in text(det)


# --- a recorded certificate covers only the counts its proclamation can cover --------------------


def _two_counts(**grant: Any) -> dict[str, Any]:
    """One conviction: an 844 count and an 841(a)(1) count, with a 10467 certificate."""
    data = record()
    data["convictions"][0]["counts"].append(
        {"statute": "21 U.S.C. 841(a)(1)", "substance": "marijuana"}
    )
    data["clemency"] = [
        {
            "kind": "pardon",
            "granted_on": "2023-05-01",
            "proclamation": "Proclamation 10467",
            "conviction_ids": ["m1"],
            "certificate_issued": True,
            **grant,
        }
    ]
    return data


def test_certificate_does_not_pardon_the_841_count() -> None:
    # 10467: "No language herein shall be construed to pardon any person for any other offense".
    # The 844 count (offense 2015-03-14, a citizen) is pardoned by 10467 itself; the 841(a)(1)
    # count is ruled out (possession with intent), so the certificate cannot cover it.
    det = ask(MARIJUANA, _two_counts(), "2024-06-01")
    assert det.outcome is Outcome.eligible
    assert det.date == P10467
    findings = {f.finding.split(" ")[0]: f.finding for f in det.findings if "counts[" in f.finding}
    assert "is pardoned by Proclamation 10467" in findings["convictions[0].counts[0]"]
    assert "is not pardoned" in findings["convictions[0].counts[1]"]


def test_pardon_petition_is_still_needed_for_the_841_count() -> None:
    # The conviction counts as pardoned only when all its counts are; the 841 count is not, so
    # the petition is answered on the clock. No prison (fine only): convicted 2015-07-20 → wait
    # ends 2020-07-20, before 2024-06-01 → eligible.
    det = ask(PARDON, _two_counts(), "2024-06-01")
    assert det.outcome is Outcome.eligible
    assert "counts[0] is pardoned" in text(det)
    assert "already pardoned" not in text(det)


def test_certificate_covers_a_count_the_record_leaves_open() -> None:
    # Substance 'hashish' under 21 U.S.C. 844 is for review on the proclamations' text; a
    # certificate naming 10467 shows the Office found it covered → pardoned by 10467.
    data = record(substance="hashish")
    assert ask(MARIJUANA, data, "2024-06-01").outcome is Outcome.needs_review
    data["clemency"] = [
        {"kind": "pardon", "granted_on": "2023-05-01", "proclamation": "Proclamation 10467"}
    ]
    det = ask(MARIJUANA, data, "2024-06-01")
    assert det.outcome is Outcome.eligible
    assert det.date == P10467
    assert "as the record's grant shows" in text(det)


def test_certificate_never_covers_a_count_ruled_out() -> None:
    # other_lawful (not a citizen or LPR) on both dates: ruled out by both proclamations, so a
    # recorded certificate does not make it pardoned.
    data = record(status=[{"status": "other_lawful", "start": "2010-01-01"}])
    data["clemency"] = [
        {"kind": "pardon", "granted_on": "2023-05-01", "proclamation": "Proclamation 10467"}
    ]
    assert ask(MARIJUANA, data, "2024-06-01").outcome is Outcome.not_eligible


# --- earlier codifications -----------------------------------------------------------------------


def test_earlier_dc_code_section_needs_review_from_10688_only() -> None:
    # D.C. Code 33-541(d) (outside chapter 9 of title 48): 10467 names only D.C. Code
    # 48-904.01(d)(1); 10688 (2) reaches "previous provisions in the D.C. Code that prohibited
    # simple possession of marijuana". So on 2023-06-01 no proclamation reaches it (not_eligible,
    # changing on 2023-12-22), and from 2023-12-22 it is for review naming 10688's clause.
    data = record("D.C. Code 33-541(d)", offense="1995-03-14", convicted="1995-07-20")
    before = ask(MARIJUANA, data, "2023-06-01")
    assert before.outcome is Outcome.not_eligible
    assert before.next_change == P10688
    # Not covered yet because 10688 is not signed yet, not because its terms rule it out: the
    # reason says so and names 10688's day, 2023-12-22.
    assert "had been signed by this date" in (before.reason or "")
    assert "2023-12-22" in (before.reason or "")
    assert "No recorded count is an offense" not in (before.reason or "")
    det = ask(MARIJUANA, data, "2024-06-01")
    assert det.outcome is Outcome.needs_review
    assert "previous provisions in the D.C. Code" in text(det)


def test_pre_1971_title_21_section_needs_review_under_10467() -> None:
    # 21 U.S.C. 176a (a title-21 section below 801, before the Controlled Substances Act):
    # 10467 reaches simple possession "as previously codified elsewhere in the United States
    # Code" → for review from 2022-10-06.
    data = record("21 U.S.C. 176a", offense="1968-03-14", convicted="1968-07-20")
    det = ask(MARIJUANA, data, "2022-10-06")
    assert det.outcome is Outcome.needs_review
    assert "as previously codified elsewhere" in text(det)


def test_current_title_21_section_not_listed_is_not_covered() -> None:
    # 21 U.S.C. 841(a)(1) is a current section (801 and above) that is neither 844 nor 846.
    det = ask(MARIJUANA, record("21 U.S.C. 841(a)(1)"), "2024-06-01")
    assert det.outcome is Outcome.not_eligible
    assert "possession with intent to distribute" in text(det)


# --- the substance ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("substance", "expected"),
    [
        # The text names marijuana → marijuana; 844, offense 2015, a citizen → 10467 (eligible).
        ("marijuana (12 grams)", Outcome.eligible),
        ("Marihuana", Outcome.eligible),
        ("cannabis", Outcome.eligible),
        # Cannabis products: 21 U.S.C. 802(16) includes resin, the proclamations do not say.
        ("hashish", Outcome.needs_review),
        ("hash oil", Outcome.needs_review),
        ("THC", Outcome.needs_review),
        ("cannabis resin", Outcome.needs_review),
        # Not recognised, and not a known other drug → for review.
        ("green leafy substance", Outcome.needs_review),
        # Marijuana and another drug in one count → for review.
        ("marijuana and cocaine", Outcome.needs_review),
        # Clearly another drug → not marijuana, not covered.
        ("cocaine base", Outcome.not_eligible),
        ("Heroin", Outcome.not_eligible),
        ("methamphetamine", Outcome.not_eligible),
    ],
)
def test_substance_text(substance: str, expected: Outcome) -> None:
    data = record()
    data["convictions"][0]["counts"][0]["substance"] = substance
    assert ask(MARIJUANA, data, "2024-06-01").outcome is expected


@pytest.mark.parametrize(
    "count",
    [
        {"substance": "hashish"},
        {"substance": "THC"},
        {"description": "possession of hashish"},
        {"description": "possession of THC"},
    ],
)
def test_a_doubtful_count_before_10467_is_not_pardoned_yet_not_ruled_out(
    count: dict[str, Any],
) -> None:
    # 844, offense 2015-03-14, a citizen, but hashish / THC (a cannabis product the
    # proclamations do not name): for review once a proclamation is signed. On 2022-10-05, the
    # day before 10467 (2022-10-06), nothing has been proclaimed: not pardoned (not_eligible),
    # changing on 2022-10-06; the reason says no proclamation had been signed, not that the
    # count is not one the proclamations pardon.
    data = record()
    data["convictions"][0]["counts"][0].update(count)
    before = ask(MARIJUANA, data, "2022-10-05")
    assert before.outcome is Outcome.not_eligible
    assert before.next_change == P10467
    reason = before.reason or ""
    assert "had been signed by this date" in reason and "2022-10-06" in reason
    assert "No recorded count is an offense" not in reason
    assert "not pardoned yet, and not ruled out" in text(before)
    assert ask(MARIJUANA, data, "2022-10-06").outcome is Outcome.needs_review


def test_hashish_under_an_unlisted_provision_is_not_covered() -> None:
    # 841(a)(1) is not covered whatever the substance; hashish makes the count relevant.
    data = record("21 U.S.C. 841(a)(1)")
    data["convictions"][0]["counts"][0]["substance"] = "hashish"
    assert ask(MARIJUANA, data, "2024-06-01").outcome is Outcome.not_eligible


# --- court-martial counts ------------------------------------------------------------------------


def test_court_martial_article_112a_is_not_a_listed_provision() -> None:
    # Court-martial offenses are federal; the reason is that Article 112a UCMJ is not one of the
    # provisions the proclamations list.
    det = ask(MARIJUANA, record("UCMJ art. 112a", jurisdiction="military"), "2024-06-01")
    assert det.outcome is Outcome.not_eligible
    assert "Article 112a" in text(det)
    assert "pardon only federal" not in text(det)


def test_court_martial_count_charged_under_844_needs_review() -> None:
    det = ask(MARIJUANA, record("21 U.S.C. 844", jurisdiction="military"), "2024-06-01")
    assert det.outcome is Outcome.needs_review
    assert "court-martial" in text(det)


# --- status read with StatusPeriod.covers ---------------------------------------------------------


def test_a_citizen_status_without_start_is_held_since_birth() -> None:
    # A U.S. citizen's period with no start has been held since birth, so with no offense date
    # the person was lawfully present at the offense; convicted 2020-01-01 <= 2022-10-06 → 10467.
    status = [{"status": "us_citizen"}]
    det = ask(MARIJUANA, record(status=status, offense=None, convicted="2020-01-01"), "2024-06-01")
    assert det.date == P10467


@pytest.mark.parametrize("offense", [None, "2014-10-01"])
def test_a_permanent_resident_status_without_start_is_unknown_before(offense: str | None) -> None:
    # Nobody is a permanent resident from birth: a period with no start says nothing of whether
    # the person was one on 2022-10-06, nor whether they were lawfully present at an offense of
    # 2014 (10467 reaches neither otherwise) → insufficient facts, naming the period's start.
    status = [{"status": "lawful_permanent_resident"}]
    data = record(status=status, offense=offense, convicted="2015-01-01")
    det = ask(MARIJUANA, data, "2024-06-01")
    assert det.outcome is Outcome.insufficient_facts
    assert "person.status[0].start" in det.missing_facts
    # Given its start (2010-05-01, before the 2014 offense and the proclamation), it is read.
    if offense is not None:
        data["person"]["status"][0]["start"] = "2010-05-01"
        det = ask(MARIJUANA, data, "2024-06-01")
        assert (det.outcome, det.date) == (Outcome.eligible, P10467)


def test_an_undated_permanent_residence_beside_another_status_is_unknown() -> None:
    # Other lawful status from 2020 and a permanent residence of unknown start: on 2022-10-06
    # the person may already have been a permanent resident → unknown, never "not eligible" or
    # "eligible" by the order of the periods.
    status = [
        {"status": "other_lawful", "start": "2020-01-01"},
        {"status": "lawful_permanent_resident"},
    ]
    det = ask(MARIJUANA, record(status=status), "2024-06-01")
    assert det.outcome is Outcome.insufficient_facts
    assert "person.status[1].start" in det.missing_facts


# --- 21 U.S.C. 846 cited with its object --------------------------------------------------------


@pytest.mark.parametrize(
    "statute",
    [
        "21 U.S.C. §§ 846, 841(a)(1), (b)(1)(B)",  # the usual drug-conspiracy count
        "21 U.S.C. 846 and 841(a)(1)",
        "21 U.S.C. 846, 860(a)",  # distribution near a school
    ],
)
def test_846_cited_with_another_title_21_offense_is_not_covered(statute: str) -> None:
    # 10688 reaches 846 only for an attempt whose object is simple possession (21 U.S.C. 844);
    # a count citing 846 with 841 (or 860) charges the attempt or conspiracy to commit that
    # offense, so no proclamation pardons it: the answer is a plain no, not missing facts.
    det = ask(MARIJUANA, record(statute), "2024-06-01")
    assert det.outcome is Outcome.not_eligible
    assert "beside 21 U.S.C. 846" in text(det)
    assert det.missing_facts == []


@pytest.mark.parametrize(
    ("statute", "count"),
    [
        ("21 U.S.C. 846; 18 U.S.C. 2", {}),  # aiding and abetting says nothing of the object
        ("21 U.S.C. 846, 841(a)(1)", {"object_offense": "21 U.S.C. 844"}),  # facts disagree
        ("21 U.S.C. 846, 841-843", {}),  # a range
    ],
)
def test_846_with_an_object_that_cannot_be_read_stays_for_review(
    statute: str, count: dict[str, Any]
) -> None:
    det = ask(MARIJUANA, record(statute, attempt=True, **count), "2024-06-01")
    assert det.outcome not in (Outcome.eligible, Outcome.not_eligible)
