"""What recorded grants naming a proclamation, or naming no conviction, reach (a categorical
review's findings D1-D4). Expected answers worked by hand from the texts quoted in each test."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from secondchance.engine.determination import Outcome
from tests.clemency.helpers import CITIZEN, COMMUTATION, MARIJUANA, PARDON, ask, text

FRAUD: dict[str, Any] = {
    "id": "fraud",
    "jurisdiction": "federal",
    "offense_date": "2010-03-01",
    "conviction_date": "2010-09-01",
    "counts": [{"statute": "18 U.S.C. 1343", "description": "Wire fraud"}],
    "sentence": {"imprisonment": "24 months"},
}
FRAUD_CUSTODY = {
    "kind": "designated_facility",
    "conviction_id": "fraud",
    "start": "2010-10-01",
    "end": "2012-06-01",
}


def _record(grant: dict[str, Any], *convictions: dict[str, Any]) -> dict[str, Any]:
    return {
        "person": {"name": "T", "status": CITIZEN},
        "convictions": [FRAUD, *convictions],
        "custody": [FRAUD_CUSTODY],
        "clemency": [grant],
    }


def test_proclamation_10780_by_number_reaches_no_wire_fraud() -> None:
    # Proclamation 10780 (89 FR 54329) pardons only former Article 125 UCMJ convictions; a grant
    # naming it by number cannot pardon a federal wire-fraud conviction. Released 2012-06-01:
    # 2012-06-01 + 5 years = 2017-06-01, over by 2025-06-01, so the petition is open (eligible).
    grant = {"kind": "pardon", "granted_on": "2024-08-01", "proclamation": "Proclamation 10780"}
    det = ask(PARDON, _record(grant), "2025-06-01")
    assert "already pardoned" not in text(det)
    assert det.outcome is Outcome.eligible


def test_proclamation_10780_dated_before_signing_is_not_in_force() -> None:
    # Signed June 26, 2024; a grant dated 2020-08-01 naming it contradicts the record.
    grant = {
        "kind": "pardon",
        "granted_on": "2020-08-01",
        "proclamation": "Proclamation 10780",
        "conviction_ids": ["fraud"],
    }
    det = ask(PARDON, _record(grant), "2025-06-01")
    assert det.outcome is Outcome.needs_review
    assert "clemency[0].granted_on" in det.missing_facts


J6 = {
    "id": "j6",
    "jurisdiction": "federal",
    "offense_date": "2021-01-06",
    "conviction_date": "2022-09-01",
    "counts": [{"statute": "40 U.S.C. 5104(e)(2)(G)", "description": "Parading"}],
    "sentence": {"probation": "36 months"},
}


def test_proclamation_10887_without_ids_reaches_only_january_6_offenses() -> None:
    # Proclamation 10887 (Jan. 20, 2025) pardons offenses related to January 6, 2021; a 2010
    # wire fraud is not one. The fraud stays open to a petition (not "already pardoned").
    grant = {"kind": "pardon", "granted_on": "2025-01-20", "proclamation": "Proclamation 10887"}
    det = ask(PARDON, _record(grant, J6), "2025-06-01")
    assert det.outcome is not Outcome.not_applicable
    assert "convictions[0] (fraud) is already pardoned" not in text(det)
    assert "convictions[1] (j6) is already pardoned" in text(det)


def test_unknown_proclamation_without_ids_is_for_review() -> None:
    # A grant naming a proclamation not encoded here and no conviction does not say which
    # conviction it pardons: never "already pardoned", review naming its conviction_ids.
    grant = {"kind": "pardon", "granted_on": "2024-12-01", "proclamation": "Proclamation 99999"}
    for program in (PARDON, COMMUTATION):
        det = ask(program, _record(grant), "2025-06-01")
        assert det.outcome is Outcome.needs_review
        assert "clemency[0].conviction_ids" in det.missing_facts


def test_proclamation_10887_dated_before_signing_is_not_in_force() -> None:
    # Signed 2025-01-20: a grant dated 2024-01-20 cannot be under it (record contradicts itself).
    grant = {
        "kind": "pardon",
        "granted_on": "2024-01-20",
        "proclamation": "Proclamation 10887",
        "conviction_ids": ["j6"],
    }
    record = _record(grant, J6)
    det = ask(PARDON, record, "2024-06-01")
    assert "already pardoned" not in text(det)
    assert det.outcome is Outcome.needs_review
    assert "clemency[0].granted_on" in det.missing_facts


def test_pardon_naming_none_and_a_conviction_sentenced_years_later() -> None:
    # A 2001 pardon naming no conviction; a conviction with no offense or conviction date,
    # sentence imposed 2015-02-01 and custody from 2015-03-01: whether it was entered (or its
    # offense committed) before 2001-01-20 is not recorded, so whether the pardon reaches it is
    # for review, naming the dates that would decide.
    later = {
        "id": "new",
        "jurisdiction": "federal",
        "counts": [{"statute": "18 U.S.C. 1344", "description": "Bank fraud"}],
        "sentence": {"imposed_on": "2015-02-01", "imprisonment": "24 months"},
    }
    data = {
        "person": {"name": "T", "status": CITIZEN},
        "convictions": [later],
        "custody": [
            {
                "kind": "designated_facility",
                "conviction_id": "new",
                "start": "2015-03-01",
                "end": "2017-01-01",
            }
        ],
        "clemency": [{"kind": "pardon", "granted_on": "2001-01-20"}],
    }
    det = ask(PARDON, data, "2020-06-01")
    assert det.outcome is Outcome.needs_review
    assert "convictions[0].offense_date" in det.missing_facts
    assert "convictions[0].conviction_date" in det.missing_facts


def _released_before_grant() -> dict[str, object]:
    """Commuted 2021-06-01 to expire on 2019-01-01, custody open from 2010."""
    return {
        "person": {"name": "T", "status": CITIZEN},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "offense_date": "2009-03-01",
                "conviction_date": "2010-01-04",
                "sentencing_date": "2010-04-01",
                "counts": [{"statute": "21 U.S.C. 841(a)(1)", "description": "Cocaine base"}],
                "sentence": {
                    "imposed_on": "2010-04-01",
                    "imprisonment": "240 months",
                    "commutations": [
                        {
                            "granted_on": "2021-06-01",
                            "new_release_date": "2019-01-01",
                            "supervised_release_kept": False,
                            "fine_restitution_kept": False,
                        }
                    ],
                },
            }
        ],
        "custody": [{"kind": "designated_facility", "conviction_id": "c1", "start": "2010-04-01"}],
    }


GRANT_PATHS = [
    "convictions[0].sentence.commutations[0].granted_on",
    "convictions[0].sentence.commutations[0].new_release_date",
]


def test_commuted_release_recorded_before_the_grant_is_a_contradiction() -> None:
    # A warrant granted 2021-06-01 cannot release on 2019-01-01: one date is wrong. Were the
    # release date a slip for 2029-01-01, the wait would run to 2029 + 5 = 2034-01-01; were the
    # grant date a slip for 2011, to 2019 + 5 = 2024-01-01. Neither 2024-01-01 nor the grant day's
    # 2021-06-01 + 5 = 2026-06-01 is safe: needs_review naming both dates.
    det = ask(PARDON, _released_before_grant(), "2021-06-02")
    assert det.outcome is Outcome.needs_review
    assert det.date is None
    assert det.missing_facts == GRANT_PATHS


def test_commutation_petition_reads_a_release_before_the_grant_as_a_contradiction() -> None:
    # The same record: the term may still be served (release 2029) or long over (grant 2011), so
    # neither "serving" (eligible) nor "served" (not_eligible) is known on 2022-01-01.
    det = ask(COMMUTATION, _released_before_grant(), "2022-01-01")
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts == GRANT_PATHS


def _conditional(terms: str) -> dict[str, Any]:
    """360 months from 2010-04-01, custody open since; commuted 2016-08-03 to expire
    2018-08-03 on the warrant's ``terms``."""
    return {
        "person": {"name": "T", "status": CITIZEN},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "offense_date": "2009-03-01",
                "conviction_date": "2010-01-04",
                "counts": [{"statute": "21 U.S.C. 841(a)(1)", "description": "Cocaine base"}],
                "sentence": {
                    "imposed_on": "2010-04-01",
                    "imprisonment": "360 months",
                    "commutations": [
                        {
                            "granted_on": "2016-08-03",
                            "new_release_date": "2018-08-03",
                            "supervised_release_kept": False,
                            "fine_restitution_kept": False,
                            "terms": terms,
                        }
                    ],
                },
            }
        ],
        "custody": [{"kind": "designated_facility", "conviction_id": "c1", "start": "2010-04-01"}],
    }


def test_a_conditional_commutation_with_custody_still_open_leaves_the_release_unknown() -> None:
    # The warrant makes the commutation depend on completing RDAP, and the custody begun in 2010
    # has no end: whether the condition was met, and the person released on 2018-08-03, is not
    # recorded. Read as the release, 2018-08-03 + 5 years = 2023-08-03 would make the pardon
    # petition "eligible" on 2023-09-01; the release is unknown, so never eligible.
    terms = (
        "Commuted to expire on August 3, 2018, on the condition that the grantee enroll in and "
        "complete the Residential Drug Abuse Program."
    )
    det = ask(PARDON, _conditional(terms), "2023-09-01")
    assert det.outcome is not Outcome.eligible
    assert "custody[0].end" in det.missing_facts
    assert "condition" in text(det)
    # Without a condition the commutation ended that custody: eligible from 2023-08-03.
    plain = ask(PARDON, _conditional("Commuted to expire on August 3, 2018."), "2023-09-01")
    assert plain.outcome is Outcome.eligible


def test_time_credits_never_read_a_release_before_the_grant_as_an_end_before_the_act() -> None:
    # Granted 2021-06-01 "to expire on" 2018-06-01, custody open from 2010: the warrant could not
    # end the term before 2021-06-01, after the Act (2018-12-21), so "ended before the Act, no
    # credits" (not_applicable) is unfounded: needs_review.
    data = _released_before_grant()
    data["convictions"][0]["sentence"]["commutations"][0]["new_release_date"] = "2018-06-01"  # type: ignore[index]
    det = ask("fsa.time_credits", data, "2022-01-01")
    assert det.outcome is Outcome.needs_review


# --- a proclamation written with a thousands separator, or one the engine cannot identify --------

MIXED: dict[str, Any] = {
    "id": "mixed",
    "jurisdiction": "federal",
    "offense_date": "2015-03-01",
    "conviction_date": "2015-09-01",
    "sentencing_date": "2015-09-01",
    "counts": [
        {"statute": "21 U.S.C. 844(a)", "substance": "marijuana"},
        {"statute": "21 U.S.C. 841(a)(1)", "substance": "cocaine"},
    ],
    "sentence": {"fine": 100, "fine_owed": 0},
}


def _mixed(proclamation: str, granted_on: str = "2023-05-01") -> dict[str, Any]:
    return {
        "person": {"name": "T", "status": CITIZEN},
        "convictions": [MIXED],
        "clemency": [
            {
                "kind": "pardon",
                "granted_on": granted_on,
                "proclamation": proclamation,
                "conviction_ids": ["mixed"],
            }
        ],
    }


@pytest.mark.parametrize(
    ("proclamation", "granted_on"),
    [("Proclamation 10,467", "2023-05-01"), ("Proclamation No. 10,688", "2024-02-01")],
)
def test_a_proclamation_number_with_a_comma_is_read(proclamation: str, granted_on: str) -> None:
    # "10,467" is Proclamation 10467 (or 10,688: 10688, granted after its 2023-12-22). Neither
    # pardons distribution of cocaine (21 U.S.C. 841): only simple possession (and, 10688,
    # attempt) of marijuana. So the conviction is not wholly pardoned: the petition stays open
    # for the 841 count. No prison, sentenced 2015-09-01: 2015-09-01 + 5 years = 2020-09-01,
    # over on 2025-01-01 → eligible.
    det = ask(PARDON, _mixed(proclamation, granted_on), "2025-01-01")
    assert "already pardoned" not in text(det)
    assert det.outcome is Outcome.eligible
    assert "counts[0] is pardoned" in text(det)  # the 844 count is named pardoned


def test_a_10688_grant_with_a_comma_dated_before_its_signing_is_not_in_force() -> None:
    # "Proclamation No. 10,688" granted 2022-10-06, before 10688 was signed (2023-12-22): the
    # record contradicts itself → review naming the grant's date, never "already pardoned".
    det = ask(PARDON, _mixed("Proclamation No. 10,688", "2022-10-06"), "2025-01-01")
    assert "already pardoned" not in text(det)
    assert det.outcome is Outcome.needs_review
    assert "clemency[0].granted_on" in det.missing_facts


@pytest.mark.parametrize(
    "proclamation",
    ["87 FR 61441", "Biden marijuana pardon (Oct. 6, 2022)", "marijuana proclamation"],
)
def test_a_proclamation_not_identified_pardons_no_count_by_itself(proclamation: str) -> None:
    # A categorical pardon reaches only the offenses its terms describe; the engine cannot tell
    # which proclamation this is (the Federal Register page is unverified in the stored text),
    # so it cannot say the 841 cocaine count is pardoned: never "already pardoned"; review,
    # quoting the text and naming clemency[0].proclamation.
    for program in (PARDON, COMMUTATION):
        det = ask(program, _mixed(proclamation), "2025-01-01")
        assert "already pardoned" not in text(det)
        assert det.outcome is Outcome.needs_review
        assert "clemency[0].proclamation" in det.missing_facts
        assert proclamation in text(det)


def test_a_proclamation_not_identified_does_not_pardon_a_conviction_without_counts() -> None:
    # No counts recorded: the grant names the conviction, but which of its offenses the
    # proclamation reaches is unknown → review, not "already pardoned".
    data = _mixed("Proclamation 99999")
    data["convictions"] = [{**MIXED, "counts": []}]
    det = ask(PARDON, data, "2025-01-01")
    assert "already pardoned" not in text(det)
    assert det.outcome is Outcome.needs_review


# --- A grant under a marijuana proclamation for an offense after its date (review s20r5, D2) ---
#
# Proclamation 10467 (signed 2022-10-06) pardons simple possession "committed on or before the
# date of this proclamation"; Proclamation 10688 (signed 2023-12-22) likewise on or before its
# date. A count committed 2024-01-15 and convicted 2024-03-01 is after both
# (2024-01-15 > 2023-12-22 > 2022-10-06), so neither can pardon it, whatever its substance.


def _late_possession(grant: dict[str, Any] | None, offense: str = "2024-01-15") -> dict[str, Any]:
    return {
        "person": {"name": "T", "status": CITIZEN},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "offense_date": offense,
                "conviction_date": "2024-03-01",
                "sentencing_date": "2024-03-01",
                # No ``substance`` field: the description alone says marijuana.
                "counts": [
                    {"statute": "21 U.S.C. 844(a)", "description": "Simple possession of marijuana"}
                ],
                "sentence": {"probation": "1 year", "fine": 100, "fine_owed": 0},
            }
        ],
        "supervision": [
            {"kind": "probation", "start": "2024-03-01", "end": "2025-02-28", "conviction_id": "c1"}
        ],
        "clemency": [grant] if grant else [],
    }


@pytest.mark.parametrize(
    "proclamation", ["Proclamation 10,467", "Proclamation 10467", "Proclamation 10.688"]
)
def test_grant_naming_conviction_after_the_proclamation_date_is_a_contradiction(
    proclamation: str,
) -> None:
    grant = {
        "kind": "pardon",
        "granted_on": "2024-06-01",
        "proclamation": proclamation,
        "conviction_ids": ["c1"],
    }
    data = _late_possession(grant)
    det = ask(MARIJUANA, data, "2025-06-01")
    assert det.outcome is Outcome.needs_review
    assert "clemency[0].proclamation" in det.missing_facts
    assert "convictions[0].offense_date" in det.missing_facts
    assert "2024-01-15" in det.reason
    pardon = ask(PARDON, data, "2025-06-01")
    assert "already pardoned" not in text(pardon)
    assert pardon.outcome is Outcome.needs_review
    assert "clemency[0].proclamation" in pardon.missing_facts


def test_possession_after_both_proclamations_is_not_covered_without_its_substance() -> None:
    # 2024-01-15 is after 2023-12-22 (10688) and 2022-10-06 (10467): neither covers the count
    # whatever the substance, so the missing substance does not leave it open.
    det = ask(MARIJUANA, _late_possession(None), "2025-06-01")
    assert det.outcome is Outcome.not_eligible
    assert "convictions[0].counts[0].substance" not in det.missing_facts


def test_grant_naming_no_conviction_does_not_reach_a_later_offense() -> None:
    # A 10467 grant naming no conviction; the record's only marijuana count was committed
    # 2024-01-15 > 2022-10-06, so 10467 cannot pardon it: the pardon petition is not "already
    # pardoned". Probation only: 28 CFR 1.2 waits five years from conviction, 2024-03-01 + 5
    # years = 2029-03-01; the grant is said, not ignored.
    grant = {"kind": "pardon", "granted_on": "2024-06-01", "proclamation": "Proclamation 10467"}
    det = ask(PARDON, _late_possession(grant), "2025-06-01")
    assert "already pardoned" not in text(det)
    assert det.outcome is Outcome.eligible_from
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert det.date == date(2029, 3, 2)
    assert "clemency[0]" in text(det)


def test_grant_naming_conviction_before_the_date_still_certifies_the_open_count() -> None:
    # Offense 2021-05-01 <= 2022-10-06: Proclamation 10467 can cover the count; the substance is
    # not recorded, and the certificate naming c1 shows the Office found it covered (kept).
    grant = {
        "kind": "pardon",
        "granted_on": "2024-06-01",
        "proclamation": "Proclamation 10467",
        "conviction_ids": ["c1"],
    }
    det = ask(PARDON, _late_possession(grant, offense="2021-05-01"), "2025-06-01")
    assert det.outcome is Outcome.not_applicable
    assert "already pardoned" in text(det)


def test_january6_grant_reaching_no_conviction_is_said() -> None:
    # Proclamation 10887 (January 20, 2025) pardons offenses "related to events that occurred at
    # or near the United States Capitol on January 6, 2021"; the only conviction here was
    # committed 2021-03-01, so the grant (naming no conviction) pardons nothing recorded. The
    # petition stays open: probation only, 2024-03-01 + 5 years = 2029-03-01 (28 CFR 1.2); the
    # grant is said in a finding rather than dropped.
    data = {
        "person": {"name": "T", "status": CITIZEN},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "offense_date": "2021-03-01",
                "conviction_date": "2024-03-01",
                "sentencing_date": "2024-03-01",
                "counts": [
                    {
                        "statute": "18 U.S.C. 1752(a)(1)",
                        "description": "Entering restricted building",
                    }
                ],
                "sentence": {"probation": "1 year", "fine": 100, "fine_owed": 0},
            }
        ],
        "supervision": [
            {"kind": "probation", "start": "2024-03-01", "end": "2025-02-28", "conviction_id": "c1"}
        ],
        "clemency": [
            {"kind": "pardon", "granted_on": "2025-01-20", "proclamation": "Proclamation 10,887"}
        ],
    }
    det = ask(PARDON, data, "2025-06-01")
    assert "already pardoned" not in text(det)
    assert det.outcome is Outcome.eligible_from
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert det.date == date(2029, 3, 2)
    assert "clemency[0]" in text(det)


def test_grant_naming_conviction_of_a_person_the_proclamation_excludes_is_a_contradiction() -> None:
    # Offense 2021-05-01 <= 2022-10-06, but 10467 pardons only "citizens and lawful permanent
    # residents" on its date; the person held another lawful status (not LPR) from 2015 on, so
    # on 2022-10-06 10467 cannot pardon the count (and 10688, 2023-12-22, likewise). The substance
    # is missing, yet the grant naming c1 under 10467 cannot cover it: review, not pardoned.
    grant = {
        "kind": "pardon",
        "granted_on": "2024-06-01",
        "proclamation": "Proclamation 10467",
        "conviction_ids": ["c1"],
    }
    data = _late_possession(grant, offense="2021-05-01")
    data["person"]["status"] = [{"status": "other_lawful", "start": "2015-01-01"}]
    det = ask(MARIJUANA, data, "2025-06-01")
    assert det.outcome is Outcome.needs_review
    assert {"clemency[0].proclamation", "person.status"} <= set(det.missing_facts)
    pardon = ask(PARDON, data, "2025-06-01")
    assert "already pardoned" not in text(pardon)
    assert pardon.outcome is Outcome.needs_review


UNDATED_DRUG: dict[str, Any] = {
    "id": "drug",
    "jurisdiction": "federal",
    "counts": [{"statute": "21 U.S.C. 841(a)(1)", "description": "Distribution of cocaine"}],
}


def test_proclamation_10887_without_ids_and_two_candidates_pardons_neither() -> None:
    # Proclamation 10887 section (b) pardons individuals "convicted of offenses related to events
    # that occurred at or near the United States Capitol on January 6, 2021". A certificate under
    # it naming no conviction shows that one conviction was found so related, not which: here a
    # parading count dated 2021-01-06 and an undated cocaine distribution (nothing bounds its
    # date, so it may be 2021-01-06 too) are both candidates. Neither is "already pardoned";
    # the answer is for review, naming clemency[0].conviction_ids.
    grant = {"kind": "pardon", "granted_on": "2025-01-20", "proclamation": "Proclamation 10887"}
    data = {
        "person": {"name": "T", "status": CITIZEN},
        "convictions": [J6, UNDATED_DRUG],
        "clemency": [grant],
    }
    for program in (PARDON, COMMUTATION):
        det = ask(program, data, "2025-06-01")
        assert "already pardoned" not in text(det)
        assert det.outcome is Outcome.needs_review
        assert "clemency[0].conviction_ids" in det.missing_facts


def test_proclamation_10887_naming_the_conviction_still_pardons_it() -> None:
    # The same two convictions, the grant naming "j6": that conviction is pardoned (the grant
    # says so), the undated distribution is not (still for review under section (b)).
    grant = {
        "kind": "pardon",
        "granted_on": "2025-01-20",
        "proclamation": "Proclamation 10887",
        "conviction_ids": ["j6"],
    }
    data = {
        "person": {"name": "T", "status": CITIZEN},
        "convictions": [J6, UNDATED_DRUG],
        "clemency": [grant],
    }
    det = ask(PARDON, data, "2025-06-01")
    assert "convictions[0] (j6) is already pardoned" in text(det)
    assert "convictions[1] (drug) is already pardoned" not in text(det)
    assert det.outcome is Outcome.needs_review


def test_proclamation_10887_without_ids_leaves_a_count_dated_otherwise() -> None:
    # One conviction: entering a restricted building on 2021-01-06 and felon in possession of a
    # firearm on 2021-03-01. Section (b) pardons offenses "related to events that occurred at or
    # near the United States Capitol on January 6, 2021"; a certificate naming no conviction
    # shows the January 6 count pardoned, but whether the March 1 firearm count is so related
    # the record cannot show. So counts[0] is pardoned, counts[1] is not, and the conviction is
    # never "already pardoned" (for review under the proclamation).
    grant = {"kind": "pardon", "granted_on": "2025-01-20", "proclamation": "Proclamation 10887"}
    conviction = {
        "id": "j6",
        "jurisdiction": "federal",
        "conviction_date": "2022-09-01",
        "sentencing_date": "2022-09-01",
        "counts": [
            {
                "statute": "18 U.S.C. 1752(a)(1)",
                "description": "Entering restricted building",
                "offense_date": "2021-01-06",
            },
            {
                "statute": "18 U.S.C. 922(g)(1)",
                "description": "Felon in possession of a firearm",
                "offense_date": "2021-03-01",
            },
        ],
        "sentence": {"probation": "12 months"},
    }
    data = {
        "person": {"name": "T", "status": CITIZEN},
        "convictions": [conviction],
        "supervision": [
            {"kind": "probation", "start": "2022-09-01", "end": "2023-09-01", "conviction_id": "j6"}
        ],
        "clemency": [grant],
    }
    det = ask(PARDON, data, "2025-06-01")
    assert "already pardoned" not in text(det)
    assert "counts[0] is pardoned" in text(det)
    assert det.outcome is Outcome.needs_review


def _j6_with_undated_count(first_date: str | None) -> dict[str, Any]:
    """One conviction (2022-09-01, probation 2022-09-01 to 2023-09-01): entering a restricted
    building (dated ``first_date``) and felon in possession of a firearm with no offense date,
    nor any on the conviction; a certificate under Proclamation 10887 naming no conviction."""
    first: dict[str, Any] = {
        "statute": "18 U.S.C. 1752(a)(1)",
        "description": "Entering restricted building",
    }
    if first_date is not None:
        first["offense_date"] = first_date
    return {
        "person": {"name": "T", "status": CITIZEN},
        "convictions": [
            {
                "id": "j6",
                "jurisdiction": "federal",
                "conviction_date": "2022-09-01",
                "sentencing_date": "2022-09-01",
                "counts": [
                    first,
                    {"statute": "18 U.S.C. 922(g)(1)", "description": "Felon in possession"},
                ],
                "sentence": {"probation": "12 months"},
            }
        ],
        "supervision": [
            {"kind": "probation", "start": "2022-09-01", "end": "2023-09-01", "conviction_id": "j6"}
        ],
        "clemency": [
            {"kind": "pardon", "granted_on": "2025-01-20", "proclamation": "Proclamation 10887"}
        ],
    }


def test_proclamation_10887_without_ids_leaves_an_undated_count_beside_a_january_6_one() -> None:
    # Section (b) pardons offenses "related to events that occurred at or near the United States
    # Capitol on January 6, 2021". The certificate (no conviction named) shows counts[0], dated
    # 2021-01-06, pardoned; counts[1] has no offense date (nor has the conviction), so whether
    # it is so related the record cannot show. The conviction is not "already pardoned" (a
    # conviction is pardoned only when every count is): review, naming counts[1].offense_date
    # and the grant's conviction_ids. Both petitions ask (a pardon doubt comes first in each).
    data = _j6_with_undated_count("2021-01-06")
    for program in (PARDON, COMMUTATION):
        det = ask(program, data, "2025-06-01")
        assert "already pardoned" not in text(det)
        assert det.outcome is Outcome.needs_review
        assert {"convictions[0].counts[1].offense_date", "clemency[0].conviction_ids"} <= set(
            det.missing_facts
        )


def test_proclamation_10887_without_ids_leaves_two_undated_counts_for_review() -> None:
    # Neither count is dated: the certificate shows some offense of the conviction found related
    # to the events of January 6, 2021, not which of the two. Neither count is read as pardoned
    # (and the grant is not said to reach nothing): review naming both offense dates.
    data = _j6_with_undated_count(None)
    det = ask(PARDON, data, "2025-06-01")
    assert "already pardoned" not in text(det)
    assert "reach no recorded conviction" not in text(det)
    assert det.outcome is Outcome.needs_review
    assert {
        "convictions[0].counts[0].offense_date",
        "convictions[0].counts[1].offense_date",
        "clemency[0].conviction_ids",
    } <= set(det.missing_facts)
