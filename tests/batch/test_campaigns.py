"""The shipped campaigns on small hand-made tables, with the lists worked by hand."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

from secondchance.batch.campaign import shipped
from secondchance.batch.run import Plan, run
from tests.batch.tables import write_tables


def _listed(
    tables: dict[str, list[dict[str, Any]]], campaign: str, as_of: str, tmp_path: Path
) -> dict[str, dict[str, str]]:
    source = write_tables(tmp_path / "in", tables)
    out = tmp_path / "out"
    plan = Plan(
        source, out, dt.date.fromisoformat(as_of), campaigns=(shipped()[campaign],), workers=1
    )
    summary = run(plan)
    assert summary.failed == 0
    with (out / "campaigns" / f"{campaign}.csv").open(newline="", encoding="utf-8") as handle:
        return {row["person_id"]: row for row in csv.DictReader(handle)}


def _handout(pid: str, **people: str) -> dict[str, list[dict[str, Any]]]:
    """The Bureau's FSA Time Credit handout, example 2: 60 months commencing 2025-01-01, low
    risk (two consecutive low assessments, the second by the end of the 7th 30-day period, as
    the handout's figures assume: 15 days per 30 from the 8th), wire fraud. Its worked
    figures: full term 2029-12-31; 270 days of good conduct time, release 2029-04-05; 490 days
    of credits, 365 to supervised release (release 2028-04-05) and 125 to prerelease custody
    (placement 2027-12-02)."""
    return {
        "people": [{"person_id": pid, **people}],
        "convictions": [
            {
                "person_id": pid,
                "conviction_id": "c1",
                "jurisdiction": "federal",
                "imposed_on": "2024-11-15",
                "imprisonment": "60 months",
                "supervised_release": "3 years",
            }
        ],
        "counts": [
            {
                "person_id": pid,
                "conviction_id": "c1",
                "statute": "18 U.S.C. 1343",
                "offense_date": "2022-03-01",
            }
        ],
        "custody": [
            {
                "person_id": pid,
                "kind": "designated_facility",
                "start": "2025-01-01",
                "conviction_id": "c1",
            }
        ],
        "risk_assessments": [
            {"person_id": pid, "assessed_on": "2025-02-15", "level": "low"},
            {"person_id": pid, "assessed_on": "2025-07-30", "level": "low"},
        ],
    }


def _merge(*parts: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    merged: dict[str, list[dict[str, Any]]] = {}
    for part in parts:
        for name, rows in part.items():
            merged.setdefault(name, []).extend(rows)
    return merged


def test_overdue_lists_only_who_the_bureau_still_holds_past_our_date(tmp_path: Path) -> None:
    # As of 2028-01-15 the computed placement date 2027-12-02 has passed (the release date
    # 2028-04-05 has not). P1: the Bureau says on 2028-01-10 (after 2027-12-02) the person is in
    # custody -> listed. P2: the Bureau has placed the person in prerelease custody -> not
    # listed. P3: no risk assessment, so no computed date (unknown is not "passed") -> not
    # listed. P4: the Bureau's statement is of 2027-11-01, before our date: it says nothing of
    # custody after 2027-12-02 -> not listed. P5: no statement date -> not listed.
    tables = _merge(
        _handout("P1", bureau_custody_status="in_custody", bureau_stated_on="2028-01-10"),
        _handout("P2", bureau_custody_status="prerelease_custody"),
        {
            k: v
            for k, v in _handout("P3", bureau_custody_status="in_custody").items()
            if k != "risk_assessments"
        },
        _handout("P4", bureau_custody_status="in_custody", bureau_stated_on="2027-11-01"),
        _handout("P5", bureau_custody_status="in_custody"),
    )
    listed = _listed(tables, "overdue", "2028-01-15", tmp_path)
    assert list(listed) == ["P1"]
    assert listed["P1"]["fsa_prerelease_date"] == "2027-12-02"
    assert "2027-12-02 had passed when the Bureau stated, on 2028-01-10" in listed["P1"]["reason"]


def test_discrepancies_compare_like_with_like(tmp_path: Path) -> None:
    # P1: the Bureau projects 2029-04-05 by good conduct time, ours 2029-04-05: not listed.
    # P2: the Bureau projects 2029-06-30 by good conduct time: 86 days after ours
    #     (April 25 + May 31 + June 30 = 86 > 30): listed.
    # P3: the Bureau projects 2028-04-20 by time credits, ours 2028-04-05: 15 days, not listed.
    tables = _merge(
        _handout(
            "P1",
            bureau_projected_release_date="2029-04-05",
            bureau_release_method="good_conduct_time",
        ),
        _handout(
            "P2",
            bureau_projected_release_date="2029-06-30",
            bureau_release_method="good_conduct_time",
        ),
        _handout(
            "P3", bureau_projected_release_date="2028-04-20", bureau_release_method="fsa_release"
        ),
    )
    listed = _listed(tables, "discrepancies", "2026-01-01", tmp_path)
    assert list(listed) == ["P2"]
    assert listed["P2"]["gct_release_date"] == "2029-04-05"
    assert listed["P2"]["bureau_projected_release_date"] == "2029-06-30"
    # A good-conduct-time projection is compared with our good conduct time date, so the likely
    # reason is in the term or good conduct time; our 490 days of credits are named apart.
    reason = listed["P2"]["reason"]
    assert "our good conduct time date 2029-04-05" in reason
    assert "prior custody credit or good conduct time withheld" in reason
    assert "490 days of time credits we apply, release would be 2028-04-05" in reason


def test_discrepancies_say_the_likely_reason_for_each_kind(tmp_path: Path) -> None:
    # The handout person: ours 2028-04-05 with time credits, 2029-04-05 with good conduct time.
    # P1: the Bureau projects a time-credit release on 2028-06-01, 57 days after ours
    #     (April 25 + May 31 + 1 = 57 > 30): the credits differ.
    # P2: the same projection for someone convicted under 18 U.S.C. 32 (3632(d)(4)(D)(i): no
    #     credits): listed although we compute no time-credit date.
    # P3: no method stated, 2030-06-01: more than 30 days from both of our dates.
    # P4: no method stated, 2028-04-20: 15 days from our time-credit date, not listed.
    barred = _handout(
        "P2", bureau_projected_release_date="2028-06-01", bureau_release_method="fsa_release"
    )
    barred["counts"][0]["statute"] = "18 U.S.C. 32"
    tables = _merge(
        _handout(
            "P1", bureau_projected_release_date="2028-06-01", bureau_release_method="fsa_release"
        ),
        barred,
        _handout("P3", bureau_projected_release_date="2030-06-01"),
        _handout("P4", bureau_projected_release_date="2028-04-20"),
    )
    listed = _listed(tables, "discrepancies", "2026-01-01", tmp_path)
    assert sorted(listed) == ["P1", "P2", "P3"]
    assert "more than 30 days from ours, 2028-04-05 (490 days" in listed["P1"]["reason"]
    # ... and on which risk levels our credits rest (the handout person's two low assessments).
    said = "PATTERN risk levels recorded (low on 2025-02-15; low on 2025-07-30)"
    assert said in listed["P1"]["reason"]
    assert listed["P1"]["risk_levels"] == "low on 2025-02-15; low on 2025-07-30"
    assert "cannot earn First Step Act time credits" in listed["P2"]["reason"]
    assert "3632(d)(4)(D)(i)" in listed["P2"]["reason"]
    assert listed["P2"]["fsa_release_date"] == ""
    assert "method not stated" in listed["P3"]["reason"]


def _released(pid: str, end: str) -> dict[str, list[dict[str, Any]]]:
    return {
        "people": [{"person_id": pid}],
        "convictions": [
            {
                "person_id": pid,
                "conviction_id": "c1",
                "jurisdiction": "federal",
                "conviction_date": "2017-10-02",
                "imposed_on": "2018-01-02",
                "imprisonment": "48 months",
            }
        ],
        "counts": [
            {"person_id": pid, "conviction_id": "c1", "statute": "18 U.S.C. 1343", "felony": "true"}
        ],
        "custody": [
            {
                "person_id": pid,
                "kind": "designated_facility",
                "start": "2018-01-02",
                "end": end,
                "conviction_id": "c1",
            }
        ],
    }


def test_pardon_petitions_possible_within_90_days(tmp_path: Path) -> None:
    # 28 CFR 1.2: five years after release. P1 released 2021-05-01 -> from 2026-05-02 (the
    # anniversary itself is for review), 62 days after 2026-03-01 (March 30 + April 30 + 2):
    # listed. P2 released 2021-09-01 -> from
    # 2026-09-01, 184 days away: not listed.
    tables = _merge(_released("P1", "2021-05-01"), _released("P2", "2021-09-01"))
    listed = _listed(tables, "pardon-soon", "2026-03-01", tmp_path)
    assert list(listed) == ["P1"]
    assert listed["P1"]["clemency.pardon_petition.date"] == "2026-05-02"


def _parole_owner(pid: str, application_date: str) -> dict[str, list[dict[str, Any]]]:
    """examples/sba/parole-owner.yaml: a 30% owner on parole until 2026-03-14."""
    a = {"person_id": pid, "associate_id": "maria"}
    return {
        "people": [{"person_id": pid, "name": "Maria Ortiz", "application_date": application_date}],
        "businesses": [{"person_id": pid, "name": "Ortiz Bakery LLC", "child_care": "false"}],
        "business_people": [
            {
                **a,
                "name": "Maria Ortiz",
                "role": "owner",
                "ownership_percent": "30",
                "start": "2019-04-01",
            },
            {
                "person_id": pid,
                "associate_id": "luis",
                "name": "Luis Ortiz",
                "role": "owner",
                "ownership_percent": "70",
                "start": "2019-04-01",
            },
        ],
        "convictions": [
            {
                **a,
                "conviction_id": "b",
                "jurisdiction": "state",
                "state": "TX",
                "conviction_date": "2020-02-10",
            }
        ],
        "counts": [
            {
                **a,
                "conviction_id": "b",
                "statute": "Tex. Penal Code 30.02",
                "felony": "true",
                "moral_turpitude": "true",
                "fraud_or_dishonesty": "false",
                "financial_misconduct": "false",
                "false_statement": "false",
            }
        ],
        "custody": [
            {
                **a,
                "kind": "state_custody",
                "conviction_id": "b",
                "start": "2020-02-10",
                "end": "2023-09-14",
            }
        ],
        "supervision": [
            {
                **a,
                "kind": "parole",
                "conviction_id": "b",
                "start": "2023-09-15",
                "end": "2026-03-14",
            }
        ],
    }


def test_sba_applications_held_back_only_by_the_old_rule(tmp_path: Path) -> None:
    # Applied 2024-05-29: parole barred 7(a) under the old 13 CFR 120.110(n); from 2024-05-30
    # (89 FR 34094) it does not: eligible_from 2024-05-30 -> listed. Applied 2024-05-30: the
    # new rule already applies, every program eligible -> not listed.
    tables = _merge(_parole_owner("A1", "2024-05-29"), _parole_owner("A2", "2024-05-30"))
    listed = _listed(tables, "sba-rule-change", "2024-06-01", tmp_path)
    assert list(listed) == ["A1"]
    assert listed["A1"]["sba.7a.outcome"] == "eligible_from"
    assert listed["A1"]["sba.7a.date"] == "2024-05-30"
    assert "7(a) eligible_from, 504" in listed["A1"]["reason"]
    assert "ILP" in listed["A1"]["reason"]  # every program the criteria read is named


def _possession(pid: str, certificate: str | None) -> dict[str, list[dict[str, Any]]]:
    """examples/clemency/marijuana-844-2015.yaml: simple possession under 21 U.S.C. 844 in 2015
    by a citizen: pardoned by Proclamation 10467 (offense before 2022-10-06)."""
    tables: dict[str, list[dict[str, Any]]] = {
        "people": [{"person_id": pid}],
        "status": [{"person_id": pid, "status": "us_citizen"}],
        "convictions": [
            {
                "person_id": pid,
                "conviction_id": "p",
                "jurisdiction": "federal",
                "offense_date": "2015-03-14",
                "conviction_date": "2015-07-20",
                "fine": "500",
                "fine_owed": "0",
            }
        ],
        "counts": [
            {
                "person_id": pid,
                "conviction_id": "p",
                "statute": "21 U.S.C. 844(a)",
                "substance": "marijuana",
            }
        ],
    }
    if certificate:
        tables["grants"] = [
            {
                "person_id": pid,
                "kind": "pardon",
                "granted_on": "2022-10-06",
                "proclamation": "Proclamation 10467",
                "certificate_issued": certificate,
            }
        ]
    return tables


def test_marijuana_certificate_candidates_hold_no_certificate(tmp_path: Path) -> None:
    tables = _merge(_possession("M1", None), _possession("M2", "true"))
    listed = _listed(tables, "marijuana-certificate", "2024-06-01", tmp_path)
    assert list(listed) == ["M1"]
    # A line a person can act on: the proclamations by number, not every finding's citation
    # (the reason had carried the pardon's background sources, an opinion of 2006 among them).
    reason = listed["M1"]["reason"]
    assert "Proclamation 10467 or 10688" in reason and "no certificate is recorded" in reason
    assert "Legal Counsel" not in reason and len(reason) < 200


def _long_term(pid: str, violence: str) -> dict[str, list[dict[str, Any]]]:
    return {
        "people": [{"person_id": pid}],
        "convictions": [
            {
                "person_id": pid,
                "conviction_id": "c1",
                "jurisdiction": "federal",
                "conviction_date": "2013-11-04",
                "imposed_on": "2014-03-03",
                "imprisonment": "360 months",
                "supervised_release": "5 years",
            }
        ],
        "counts": [
            {
                "person_id": pid,
                "conviction_id": "c1",
                "statute": "21 U.S.C. 841(a)(1)",
                "substance": "cocaine",
                "felony": "true",
                "violence": violence,
                "weapon": "false",
            }
        ],
        "custody": [
            {
                "person_id": pid,
                "kind": "designated_facility",
                "start": "2014-03-03",
                "conviction_id": "c1",
            }
        ],
    }


def test_clemency_project_2014_criteria_as_far_as_data_goes(tmp_path: Path) -> None:
    # In custody since 2014-03-03; to 2026-01-01 that is 3653 days to 2024-03-03 (ten years
    # with the leap days of 2016, 2020 and 2024) + 365 + 304 = 4322 days, over ten years.
    # C1 nonviolent: listed for review. C2 violent: not listed.
    tables = _merge(_long_term("C1", "false"), _long_term("C2", "true"))
    listed = _listed(tables, "clemency-project-2014", "2026-01-01", tmp_path)
    assert list(listed) == ["C1"]
    assert listed["C1"]["days_served"] == "4322"
    assert listed["C1"]["outcome"] == "needs_review"


def test_clemency_project_2014_counts_days_in_custody_and_the_bureaus_word(
    tmp_path: Path,
) -> None:
    # C3: in a prison 2014-03-03 to 2016-03-02 (730 days), out, back from 2020-01-01: to
    # 2026-01-01 that is 730 + 2192 (2020-01-01 to 2026-01-01: 6 x 365 + 2 leap days) = 2922
    # days, under ten years (3652), though 4322 days have passed since commencement -> not
    # listed. C4: ten years and more in custody, but the Bureau states the person released ->
    # not listed (the data disagree; a person out of prison is not the campaign's).
    c3 = _long_term("C3", "false")
    c3["custody"] = [
        {**c3["custody"][0], "end": "2016-03-02"},
        {**c3["custody"][0], "start": "2020-01-01"},
    ]
    c4 = _long_term("C4", "false")
    c4["people"] = [
        {"person_id": "C4", "bureau_custody_status": "released", "bureau_stated_on": "2025-12-01"}
    ]
    listed = _listed(_merge(_long_term("C1", "false"), c3, c4), "clemency-project-2014",
                     "2026-01-01", tmp_path)  # fmt: skip
    assert list(listed) == ["C1"]


def test_marijuana_certificate_not_recorded_either_way_is_said(tmp_path: Path) -> None:
    # M3: a grant under 10467 is recorded, its certificate_issued left empty: listed, saying
    # that whether a certificate was issued is not recorded (never "no certificate").
    tables = _possession("M3", None)
    tables["grants"] = [
        {
            "person_id": "M3",
            "kind": "pardon",
            "granted_on": "2022-10-06",
            "proclamation": "Proclamation 10467",
        }
    ]
    listed = _listed(tables, "marijuana-certificate", "2024-06-01", tmp_path)
    assert list(listed) == ["M3"]
    assert "not whether a certificate was issued" in listed["M3"]["reason"]


def test_overdue_says_the_bureaus_zero_beside_our_projection(tmp_path: Path) -> None:
    # The handout person as of 2028-01-15: our placement date 2027-12-02 (490 days of credits
    # projected: 125 to prerelease custody) has passed; the Bureau states on 2028-01-10 that the
    # person is in custody. Z1: the Bureau finds the person eligible and reports 0 days earned:
    # listed, the zero and our projection (participation assumed from 2025-01-01, low risk
    # assessed 2025-02-15 and 2025-07-30) both said. Z2: 0 days earned, eligibility not
    # stated: the zero may mean "not eligible" -> needs review. Z3: the Bureau reports the
    # person not eligible -> needs review, never "overdue" as a certainty. Z4: 0 days applied,
    # eligibility not stated -> needs review.
    held = {"bureau_custody_status": "in_custody", "bureau_stated_on": "2028-01-10"}
    tables = _merge(
        _handout("Z1", **held, bureau_fsa_credits_earned="0", bureau_fsa_eligible="true"),
        _handout("Z2", **held, bureau_fsa_credits_earned="0"),
        _handout("Z3", **held, bureau_fsa_credits_earned="0", bureau_fsa_eligible="false"),
        _handout("Z4", **held, bureau_fsa_credits_applied="0"),
    )
    listed = _listed(tables, "overdue", "2028-01-15", tmp_path)
    assert sorted(listed) == ["Z1", "Z2", "Z3", "Z4"]
    projection = (
        "Our prerelease custody date 2027-12-02 and release date 2028-04-05 are a projection "
        "from the record's facts (successful programming participation assumed from "
        "2025-01-01; PATTERN risk levels: low on 2025-02-15; low on 2025-07-30)"
    )
    z1 = listed["Z1"]["reason"]
    assert "The Bureau reports 0 days of time credits earned" in z1 and projection in z1
    assert listed["Z1"]["bureau_fsa_credits_earned"] == "0"
    assert listed["Z1"]["risk_levels"] == "low on 2025-02-15; low on 2025-07-30"
    z2 = listed["Z2"]["reason"]
    assert (
        z2.startswith("Needs review") and "may mean the Bureau finds the person not eligible" in z2
    )
    assert projection in z2
    z3 = listed["Z3"]["reason"]
    assert z3.startswith("Needs review, not a finding that credits are overdue")
    assert "the Bureau reports this person not eligible" in z3 and projection in z3
    z4 = listed["Z4"]["reason"]
    assert z4.startswith("Needs review") and "0 days of time credits applied" in z4


def _review(tmp_path: Path, campaign: str) -> dict[str, dict[str, str]]:
    with (tmp_path / "out" / "campaigns" / f"{campaign}-review.csv").open(
        newline="", encoding="utf-8"
    ) as handle:
        return {row["person_id"]: row for row in csv.DictReader(handle)}


def test_overdue_does_not_list_supervised_release_begun_in_open_custody(tmp_path: Path) -> None:
    # S1: the handout person (held by the Bureau's word on 2028-01-10, past our placement date
    # 2027-12-02) with supervised release recorded as begun on 2027-06-01 while custody[0]
    # (from 2025-01-01) has no end. Supervised release begins on release from imprisonment
    # (18 U.S.C. 3624(e)): one of the two facts is wrong, so S1 is not on the list but in its
    # review file, naming both. P1, the same without the supervision, stays on the list.
    held = {"bureau_custody_status": "in_custody", "bureau_stated_on": "2028-01-10"}
    s1 = _handout("S1", **held)
    s1["supervision"] = [
        {"person_id": "S1", "kind": "supervised_release", "conviction_id": "c1",
         "start": "2027-06-01"}
    ]  # fmt: skip
    listed = _listed(_merge(_handout("P1", **held), s1), "overdue", "2028-01-15", tmp_path)
    assert list(listed) == ["P1"]
    review = _review(tmp_path, "overdue")
    assert list(review) == ["S1"]
    reason = review["S1"]["reason"]
    assert "supervision[0].start records supervised release begun on 2027-06-01" in reason
    assert "custody[0] (from 2025-01-01) has no end" in reason
    assert review["S1"]["outcome"] == "needs_review"


def test_an_approximate_custody_date_is_for_review_never_dropped(tmp_path: Path) -> None:
    # A1: the handout person with custody begun "2025-01" (some day of January 2025): the
    # commencement, hence every computed date, moves with that day, so no computed date is the
    # record's. Held by the Bureau's word on 2028-01-10, A1 can be neither listed nor left off:
    # in the review file, quoting the approximate date. A2 has no Bureau statement date: even
    # exact dates could not list A2 (unknown never passes), so A2 is in neither file.
    held = {"bureau_custody_status": "in_custody", "bureau_stated_on": "2028-01-10"}
    a1 = _handout("A1", **held)
    a1["custody"][0]["start"] = "2025-01"
    a2 = _handout("A2", bureau_custody_status="in_custody")
    a2["custody"][0]["start"] = "2025-01"
    listed = _listed(_merge(a1, a2), "overdue", "2028-01-15", tmp_path)
    assert listed == {}
    review = _review(tmp_path, "overdue")
    assert list(review) == ["A1"]
    assert (
        "custody[0].start 2025-01 (a day between 2025-01-01 and 2025-01-31)"
        in (review["A1"]["reason"])
    )


def test_pardon_soon_holds_an_approximate_release_for_review(tmp_path: Path) -> None:
    # 28 CFR 1.2: five years after release. P3's custody ended on some day of May 2021 ("2021-05"):
    # the petition is possible from a day between 2026-05-01 and 2026-05-31 (check answers
    # needs_review). As of 2026-03-01 the window runs to 2026-03-01 + 90 days = 2026-05-30
    # (March 30 + April 30 + May 30 = 90): some of those days are in it, 2026-05-31 is not, so
    # P3 is in the review file, quoting the approximate date. P1 (2021-05-01) is on the list.
    tables = _merge(_released("P1", "2021-05-01"), _released("P3", "2021-05"))
    listed = _listed(tables, "pardon-soon", "2026-03-01", tmp_path)
    assert list(listed) == ["P1"]
    review = _review(tmp_path, "pardon-soon")
    assert list(review) == ["P3"]
    assert (
        "custody[0].end 2021-05 (a day between 2021-05-01 and 2021-05-31)"
        in (review["P3"]["reason"])
    )


def test_an_approximate_bureau_statement_date_is_compared_on_its_whole_range(
    tmp_path: Path,
) -> None:
    # The handout person (placement 2027-12-02, release 2028-04-05), held by the Bureau's word,
    # as of 2028-03-15; the Bureau's statement date is given approximately.
    # W2 "2028-02" (2028-02-01 to 2028-02-29): 2027-12-02 is before every day -> listed.
    # W3 "2028" (2028-01-01 to 2028-12-31): 2027-12-02 is before every day -> listed.
    # W7 "2027" (2027-01-01 to 2027-12-31): 2027-12-02 is before 2027-12-03..2027-12-31 only,
    # and 2028-04-05 is before none of them -> for review, quoting the approximate date.
    # W8 "2027-11" (2027-11-01 to 2027-11-30): neither date is before any of its days -> in
    # neither file.
    def held(pid: str, stated: str) -> dict[str, list[dict[str, Any]]]:
        return _handout(pid, bureau_custody_status="in_custody", bureau_stated_on=stated)

    tables = _merge(
        held("W2", "2028-02"), held("W3", "2028"), held("W7", "2027"), held("W8", "2027-11")
    )
    listed = _listed(tables, "overdue", "2028-03-15", tmp_path)
    assert sorted(listed) == ["W2", "W3"]
    assert listed["W2"]["fsa_prerelease_date"] == "2027-12-02"
    assert "the Bureau stated, on 2028-02," in listed["W2"]["reason"]
    review = _review(tmp_path, "overdue")
    assert list(review) == ["W7"]
    assert (
        "bureau_stated_on 2027 (a day between 2027-01-01 and 2027-12-31)" in review["W7"]["reason"]
    )


def _open_custody_released(pid: str, end: str | None) -> dict[str, list[dict[str, Any]]]:
    """24 months imposed 2021-01-01, custody from 2021-03-01 (ended on ``end``, or left open),
    supervised release from 2023-03-01 to 2024-03-01."""
    custody: dict[str, Any] = {
        "person_id": pid,
        "kind": "designated_facility",
        "start": "2021-03-01",
        "conviction_id": "c1",
    }
    if end:
        custody["end"] = end
    return {
        "people": [{"person_id": pid}],
        "convictions": [
            {
                "person_id": pid,
                "conviction_id": "c1",
                "jurisdiction": "federal",
                "imposed_on": "2021-01-01",
                "imprisonment": "24 months",
                "supervised_release": "1 year",
            }
        ],
        "counts": [
            {"person_id": pid, "conviction_id": "c1", "statute": "18 U.S.C. 1343", "felony": "true"}
        ],
        "custody": [custody],
        "supervision": [
            {
                "person_id": pid,
                "kind": "supervised_release",
                "conviction_id": "c1",
                "start": "2023-03-01",
                "end": "2024-03-01",
            }
        ],
    }


def test_a_release_contradiction_is_for_review_even_when_the_list_would_not_take_them(
    tmp_path: Path,
) -> None:
    # 28 CFR 1.2: five years after release. L2 released 2023-03-01 -> petition from 2028-03-02
    # (the anniversary itself is for review), 47 days after 2028-01-15 (16 + 29 + 2): listed.
    # L's custody has no end while supervised release began 2023-03-01: read as still held, L is
    # not eligible from a date, so the list would not take L; yet that turns on the
    # contradiction -> L is in the review file.
    tables = _merge(_open_custody_released("L", None), _open_custody_released("L2", "2023-03-01"))
    listed = _listed(tables, "pardon-soon", "2028-01-15", tmp_path)
    assert list(listed) == ["L2"]
    assert listed["L2"]["clemency.pardon_petition.date"] == "2028-03-02"
    review = _review(tmp_path, "pardon-soon")
    assert list(review) == ["L"]
    reason = review["L"]["reason"]
    assert "supervision[0].start records supervised release begun on 2023-03-01" in reason
    assert "custody[0] (from 2021-03-01) has no end" in reason


def test_a_release_contradiction_is_not_for_review_where_other_facts_keep_them_off(
    tmp_path: Path,
) -> None:
    # overdue needs the Bureau's word that the person is in custody; L gives none, so whatever
    # L's release, L is not on that list: in neither file.
    tables = _open_custody_released("L", None)
    assert _listed(tables, "overdue", "2028-01-15", tmp_path) == {}
    assert _review(tmp_path, "overdue") == {}
