"""Each SBA program, each rule version, with dates on both sides of 2024-05-30 and of the
six-month look-back, and the 20% / more-than-20% boundary. Every expected value is worked from
the rule text quoted in short in the comment."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sba.builders import (
    charge,
    conviction,
    custody,
    determine,
    outcome,
    owner,
    person,
    record,
    role,
    supervision,
)

BEFORE = "2024-05-29"  # last day of the old texts
AFTER = "2024-05-30"  # 89 FR 34094 effective

ASSOCIATE_PROGRAMS = ("sba.7a", "sba.504", "sba.microloan", "sba.ilp")
ALL = (*ASSOCIATE_PROGRAMS, "sba.surety_bond", "sba.disaster")


def in_prison(*roles: dict[str, object], end: str = "2027-12-31") -> dict[str, object]:
    return record(
        person("P", list(roles), custody=[custody("designated_facility", "2023-01-01", end)])
    )


# --- not applicable -------------------------------------------------------------------------


@pytest.mark.parametrize("program_id", ALL)
def test_no_business_is_not_applicable(program_id: str) -> None:
    det = determine(program_id, {"person": {"name": "A"}}, AFTER)
    assert det.outcome.value == "not_applicable"
    assert det.reason and "no business" in det.reason


@pytest.mark.parametrize("program_id", ALL)
def test_business_without_people_is_not_applicable(program_id: str) -> None:
    assert outcome(program_id, record(), AFTER) == ("not_applicable", None)


# --- incarceration: every program, both versions ----------------------------------------------


@pytest.mark.parametrize("day", [BEFORE, AFTER])
@pytest.mark.parametrize("program_id", ("sba.7a", "sba.504", "sba.microloan"))
def test_incarcerated_owner_bars_business_loans(program_id: str, day: str) -> None:
    # Old 120.110(n) "incarcerated"; new "currently incarcerated". Custody ends 2027-12-31, so
    # eligible from 2028-01-01.
    assert outcome(program_id, in_prison(owner(51)), day) == ("eligible_from", "2028-01-01")


def test_ilp_incarcerated_after_bars_before_needs_review() -> None:
    # New 109.400(b)(15): "currently incarcerated"; old text not found → review.
    assert outcome("sba.ilp", in_prison(owner(51)), AFTER) == ("eligible_from", "2028-01-01")
    assert outcome("sba.ilp", in_prison(owner(51)), BEFORE) == ("needs_review", None)


def test_disaster_incarcerated_principal_owner() -> None:
    # New 123.101(i): principal owners "currently incarcerated"; old (i) not found → review.
    assert outcome("sba.disaster", in_prison(owner(51)), AFTER) == ("eligible_from", "2028-01-01")
    assert outcome("sba.disaster", in_prison(owner(51)), BEFORE) == ("needs_review", None)


def test_surety_incarceration_after_only() -> None:
    # New 115.13(a)(2)(i): "currently incarcerated" → presumed lack of good character. The old
    # text named only indictment or conviction of a felony; custody alone (no conviction in
    # the record) was not named.
    assert outcome("sba.surety_bond", in_prison(owner(51)), AFTER) == (
        "eligible_from",
        "2028-01-01",
    )
    assert outcome("sba.surety_bond", in_prison(owner(51)), BEFORE) == ("eligible", None)


def test_pretrial_detention_is_incarceration() -> None:
    data = record(
        person("P", [role("director")], custody=[custody("pretrial_detention", "2024-01-01", None)])
    )
    # "currently incarcerated" — detention before trial is incarceration; no end: no change.
    assert outcome("sba.7a", data, AFTER) == ("not_eligible", None)


def test_home_confinement_is_still_custody() -> None:
    data = record(
        person(
            "P",
            [role("officer")],
            custody=[custody("home_confinement", "2024-06-01", "2024-08-31")],
        )
    )
    # Prerelease custody is part of the term of imprisonment: bars until 2024-08-31.
    assert outcome("sba.7a", data, "2024-07-01") == ("eligible_from", "2024-09-01")


# --- probation and parole: the change of 2024-05-30 ------------------------------------------


def on_probation(offense: dict[str, object], child_care: bool | None = False) -> dict[str, object]:
    return record(
        person(
            "P",
            [owner(25)],
            convictions=[conviction("c1", "2023-01-10", **offense)],
            supervision=[supervision("probation", "2023-01-10", "2026-01-09", "c1")],
        ),
        child_care=child_care,
    )


@pytest.mark.parametrize("program_id", ("sba.7a", "sba.504"))
def test_probation_bars_before_not_after(program_id: str) -> None:
    data = on_probation({"felony": False, "fraud_or_dishonesty": False})
    # Old 120.110(n): "on probation" bars; the new text drops it → eligible from 2024-05-30.
    assert outcome(program_id, data, BEFORE) == ("eligible_from", "2024-05-30")
    assert outcome(program_id, data, AFTER) == ("eligible", None)


def test_microloan_probation_exception_before() -> None:
    # Old 120.707(a): Microloans allowed despite probation unless the offense involves fraud or
    # dishonesty.
    plain = on_probation({"fraud_or_dishonesty": False, "against_children": False})
    fraud = on_probation({"fraud_or_dishonesty": True})
    assert outcome("sba.microloan", plain, BEFORE) == ("eligible", None)
    assert outcome("sba.microloan", fraud, BEFORE) == ("eligible_from", "2024-05-30")
    assert outcome("sba.microloan", fraud, AFTER) == ("eligible", None)


def test_microloan_child_care_after() -> None:
    # New 120.707(a): no Microloan to a child care business with an Associate on probation
    # for an offense against children; probation ends 2026-01-09 → eligible from 2026-01-10.
    data = on_probation({"against_children": True}, child_care=True)
    assert outcome("sba.microloan", data, AFTER) == ("eligible_from", "2026-01-10")
    not_child_care = on_probation({"against_children": True}, child_care=False)
    assert outcome("sba.microloan", not_child_care, AFTER) == ("eligible", None)
    unknown = on_probation({"against_children": True}, child_care=None)
    det = determine("sba.microloan", unknown, AFTER)
    assert det.outcome.value == "insufficient_facts"
    assert det.missing_facts == ["business.child_care"]


def test_microloan_unknown_offense_is_insufficient_facts() -> None:
    det = determine("sba.microloan", on_probation({"fraud_or_dishonesty": None}), BEFORE)
    assert det.outcome.value == "insufficient_facts"
    assert (
        "business.people[0].record.convictions[0].counts[0].fraud_or_dishonesty"
        in det.missing_facts
    )


def test_supervised_release_before_needs_review_after_clear() -> None:
    data = record(
        person(
            "P",
            [owner(60)],
            supervision=[supervision("supervised_release", "2023-01-01", "2026-01-01")],
        )
    )
    # Old 120.110(n) names probation and parole only; supervised release is not named → review.
    assert outcome("sba.7a", data, BEFORE) == ("needs_review", None)
    assert outcome("sba.7a", data, AFTER) == ("eligible", None)


@pytest.mark.parametrize("program_id", ("sba.ilp", "sba.disaster"))
def test_gap_versions_probation_review_before_eligible_after(program_id: str) -> None:
    data = on_probation({"felony": True})
    assert outcome(program_id, data, BEFORE) == ("needs_review", None)
    assert outcome(program_id, data, AFTER) == ("eligible", None)


@pytest.mark.parametrize("program_id", ("sba.ilp", "sba.disaster"))
def test_gap_versions_without_any_status_are_eligible(program_id: str) -> None:
    data = record(
        person("P", [owner(60)], convictions=[conviction("c1", "2001-01-01", felony=True)])
    )
    # All readings of the missing texts concern current statuses; none here.
    assert outcome(program_id, data, BEFORE) == ("eligible", None)


# --- indictments ------------------------------------------------------------------------------


def indicted(**attrs: Any) -> dict[str, object]:
    return record(
        person(
            "P",
            [role("key_employee")],
            pending_charges=[charge("indictment", "2024-01-15", **attrs)],
        )
    )


def test_felony_indictment_bars_7a_both_versions() -> None:
    data = indicted(
        felony=True, financial_misconduct=False, false_statement=False, moral_turpitude=False
    )
    # Old: "indicted for a felony"; SOP also names felonies → agree. New: "under indictment
    # for a felony".
    assert outcome("sba.7a", data, BEFORE) == ("not_eligible", None)
    assert outcome("sba.7a", data, AFTER) == ("not_eligible", None)


def test_moral_turpitude_only_indictment() -> None:
    data = indicted(
        felony=False, moral_turpitude=True, financial_misconduct=False, false_statement=False
    )
    # Old regulation bars (moral turpitude), SOP would not → review; new 120.110(n) no longer
    # names moral turpitude → eligible; ILP (109.400(b)(15)) still names it → bars.
    assert outcome("sba.7a", data, BEFORE) == ("needs_review", None)
    assert outcome("sba.7a", data, AFTER) == ("eligible", None)
    assert outcome("sba.ilp", data, AFTER) == ("not_eligible", None)


def test_unknown_felony_on_indictment_is_insufficient_facts() -> None:
    det = determine(
        "sba.7a", indicted(felony=None, financial_misconduct=False, false_statement=False), AFTER
    )
    assert det.outcome.value == "insufficient_facts"
    assert det.missing_facts == ["business.people[0].record.pending_charges[0].counts[0].felony"]


@pytest.mark.parametrize("instrument", ["information", "complaint"])
def test_information_or_complaint_is_not_an_indictment(instrument: str) -> None:
    data = record(
        person(
            "P", [role("officer")], pending_charges=[charge(instrument, "2024-01-15", felony=True)]
        )
    )
    det = determine("sba.7a", data, AFTER)
    assert det.outcome.value == "eligible"
    assert any("not an indictment" in f.finding for f in det.findings)


def test_indictment_resolved() -> None:
    data = record(
        person(
            "P",
            [role("officer")],
            pending_charges=[charge("indictment", "2024-01-15", "2024-09-10", felony=True)],
        )
    )
    # Pending while filed ≤ day < resolved: bars on 2024-09-09, not on 2024-09-10.
    assert outcome("sba.7a", data, "2024-09-09") == ("eligible_from", "2024-09-10")
    assert outcome("sba.7a", data, "2024-09-10") == ("eligible", None)
    # Before the indictment was filed it is not pending: eligible, next change on filing.
    det = determine("sba.7a", data, "2024-01-14")
    assert (det.outcome.value, det.next_change.isoformat() if det.next_change else None) == (
        "eligible",
        "2024-01-15",
    )


def test_indictment_without_filing_date_is_insufficient_facts() -> None:
    data = record(
        person("P", [role("officer")], pending_charges=[charge("indictment", None, felony=True)])
    )
    det = determine("sba.7a", data, AFTER)
    assert det.missing_facts == ["business.people[0].record.pending_charges[0].filed_on"]


def test_surety_felony_indictment_both_versions_disaster_neither_after() -> None:
    data = record(
        person("P", [owner(50)], pending_charges=[charge("indictment", "2024-01-15", felony=True)])
    )
    # 115.13(a)(2)(i) old and new: "under indictment for ... a felony". New 123.101(i) names no
    # indictment ground.
    assert outcome("sba.surety_bond", data, BEFORE) == ("not_eligible", None)
    assert outcome("sba.surety_bond", data, AFTER) == ("not_eligible", None)
    assert outcome("sba.disaster", data, AFTER) == ("eligible", None)


# --- who counts: the 20% boundary -----------------------------------------------------------


@pytest.mark.parametrize(
    ("share", "expected"),
    [
        (20, ("eligible", None)),
        (20.01, ("eligible_from", "2028-01-01")),
        (19.99, ("eligible", None)),
    ],
)
def test_associate_needs_more_than_20_percent(
    share: float, expected: tuple[str, str | None]
) -> None:
    # 120.10 (2)(i): "owner of more than 20 percent of the equity".
    assert outcome("sba.7a", in_prison(owner(share)), AFTER) == expected
    assert outcome("sba.ilp", in_prison(owner(share)), AFTER) == expected  # 109.20 same words


@pytest.mark.parametrize(
    ("share", "expected"),
    [(20, ("eligible_from", "2028-01-01")), (19.99, ("eligible", None))],
)
def test_surety_counts_20_percent_or_more(share: float, expected: tuple[str, str | None]) -> None:
    # 115.13(a)(2): "each owner of 20% or more of its equity".
    assert outcome("sba.surety_bond", in_prison(owner(share)), AFTER) == expected


def test_officer_counts_whatever_the_share() -> None:
    # 120.10: officers, directors and key employees are Associates regardless of ownership.
    for kind in ("officer", "director", "key_employee"):
        assert outcome("sba.7a", in_prison(role(kind)), AFTER) == ("eligible_from", "2028-01-01")


def test_surety_does_not_count_key_employees() -> None:
    assert outcome("sba.surety_bond", in_prison(role("key_employee")), AFTER) == ("eligible", None)


def test_general_partner_needs_review_for_7a_counted_for_surety() -> None:
    # 120.10 (2)(i) does not name general partners ((2)(iii) "in control" may reach them);
    # 115.13(a)(2) names them.
    assert outcome("sba.7a", in_prison(role("general_partner")), AFTER) == ("needs_review", None)
    assert outcome("sba.surety_bond", in_prison(role("general_partner")), AFTER) == (
        "eligible_from",
        "2028-01-01",
    )


def test_owner_without_share_is_insufficient_facts() -> None:
    det = determine("sba.7a", in_prison(owner(None)), AFTER)
    assert det.outcome.value == "insufficient_facts"
    assert det.missing_facts == ["business.people[0].roles[0].ownership_percent"]


def test_disaster_officer_is_not_defined_as_principal() -> None:
    assert outcome("sba.disaster", in_prison(role("officer")), AFTER) == ("needs_review", None)
    assert outcome("sba.disaster", in_prison(owner(20)), AFTER) == ("eligible_from", "2028-01-01")


# --- who counts: the six-month look-back ----------------------------------------------------


def former_officer(end: str) -> dict[str, object]:
    return in_prison(role("officer", "2015-01-01", end))


def test_lookback_six_months_before_application() -> None:
    # 120.10 (3)(iii): the Associate relationship commences six months before the application
    # date. Officer until 2024-01-31: on 2024-07-31 the window starts 2024-01-31 (still an
    # Associate); on 2024-08-01 it starts 2024-02-01 (no longer).
    assert outcome("sba.7a", former_officer("2024-01-31"), "2024-07-31") == (
        "eligible_from",
        "2024-08-01",
    )
    assert outcome("sba.7a", former_officer("2024-01-31"), "2024-08-01") == ("eligible", None)
    # 109.20 (3)(ii): the same six months for the ILP.
    assert outcome("sba.ilp", former_officer("2024-01-31"), "2024-07-31") == (
        "eligible_from",
        "2024-08-01",
    )


def test_lookback_month_end() -> None:
    # Officer until 2023-08-31. 2024-02-29 − 6 months = 2023-08-29 ≤ 08-31 (still counts);
    # 2024-03-01 − 6 months = 2023-09-01 > 08-31 (no longer).
    assert outcome("sba.7a", former_officer("2023-08-31"), "2024-02-29") == (
        "eligible_from",
        "2024-03-01",
    )


def test_surety_has_no_lookback() -> None:
    # 115.13(a)(2) speaks of the Principal's current owners and officers.
    assert outcome("sba.surety_bond", former_officer("2024-01-31"), "2024-07-31") == (
        "eligible",
        None,
    )


def test_role_starting_after_application_does_not_count() -> None:
    assert outcome("sba.7a", in_prison(role("officer", "2025-01-01")), "2024-07-01") == (
        "eligible",
        None,
    )


# --- convictions: old surety rule and disaster 123.101(a) -----------------------------------


def test_surety_old_felony_conviction() -> None:
    data = record(
        person("P", [owner(50)], convictions=[conviction("c1", "2010-05-05", felony=True)])
    )
    # Old 115.13(a)(2)(i): "has been convicted of a felony"; new text: no past-conviction ground.
    assert outcome("sba.surety_bond", data, BEFORE) == ("eligible_from", "2024-05-30")
    assert outcome("sba.surety_bond", data, AFTER) == ("eligible", None)
    misdemeanor = record(
        person("P", [owner(50)], convictions=[conviction("c1", "2010-05-05", felony=False)])
    )
    assert outcome("sba.surety_bond", misdemeanor, BEFORE) == ("eligible", None)
    unknown = record(
        person("P", [owner(50)], convictions=[conviction("c1", "2010-05-05", felony=None)])
    )
    det = determine("sba.surety_bond", unknown, BEFORE)
    assert det.missing_facts == ["business.people[0].record.convictions[0].counts[0].felony"]


def test_disaster_riot_felony_within_one_year() -> None:
    data = record(
        person(
            "P",
            [owner(100)],
            convictions=[conviction("c1", "2024-07-10", felony=True, riot_or_civil_disorder=True)],
        )
    )
    # 123.101(a): convicted "during the past year" of such a felony. 2025-07-09 − 1 year =
    # 2024-07-09 < 2024-07-10: within. On 2025-07-10 the year back is 2024-07-10: not within.
    assert outcome("sba.disaster", data, "2025-07-09") == ("eligible_from", "2025-07-10")
    assert outcome("sba.disaster", data, "2025-07-10") == ("eligible", None)
    # Not tied to a riot: (a) does not apply.
    plain = record(
        person(
            "P",
            [owner(100)],
            convictions=[conviction("c1", "2024-07-10", felony=True, riot_or_civil_disorder=False)],
        )
    )
    assert outcome("sba.disaster", plain, "2025-01-01") == ("eligible", None)


# --- findings ---------------------------------------------------------------------------------


@pytest.mark.parametrize("program_id", ALL)
@pytest.mark.parametrize("day", [BEFORE, AFTER])
def test_findings_carry_citation_version_and_url(program_id: str, day: str) -> None:
    det = determine(program_id, in_prison(owner(60)), day)
    assert det.findings
    for finding in det.findings:
        assert finding.citation
        assert finding.url and finding.url.startswith("http")
        assert finding.rule_version.startswith(program_id + "@")
    expected = "to-2024-05-29" if day == BEFORE else "from-2024-05-30"
    assert det.findings[0].rule_version == f"{program_id}@{expected}"
