"""Each SBA program, each rule version, with dates on both sides of 2024-05-30 and of the
six-month look-back, and the 20% / more-than-20% boundary. Every expected value is worked from
the rule text quoted in short in the comment."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from secondchance.law.registry import program
from secondchance.law.sba.charges import NOT_AN_INDICTMENT_GAP
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


def test_surety_incarceration() -> None:
    # New 115.13(a)(2)(i): "currently incarcerated" → good character presumed absent; custody to
    # 2027-12-31, so eligible from 2028-01-01.
    assert outcome("sba.surety_bond", in_prison(owner(51)), AFTER) == (
        "eligible_from",
        "2028-01-01",
    )
    # Old 115.13(a)(2)(i) names only "under indictment for, or has been convicted of a felony".
    # A prison term (designated facility from 2023-01-01) follows a conviction, but the record
    # links it to none: whether that conviction is a felony decides it → insufficient facts,
    # naming the link.
    det = determine("sba.surety_bond", in_prison(owner(51)), BEFORE)
    assert det.outcome.value == "insufficient_facts"
    assert det.missing_facts == ["business.people[0].record.custody[0].conviction_id"]


def served(
    conviction_date: str, felony: bool, kind: str = "designated_facility"
) -> dict[str, object]:
    """A 51% owner in custody 2023-01-01..2027-12-31 for conviction c1."""
    return record(
        person(
            "P",
            [owner(51)],
            convictions=[conviction("c1", conviction_date, felony=felony)],
            custody=[custody(kind, "2023-01-01", "2027-12-31", "c1")],
        )
    )


def test_old_surety_custody_linked_to_a_conviction() -> None:
    # Linked to a felony conviction of 2022-12-01: old (i) "has been convicted of a felony" bars
    # on 2024-05-29; from 2024-05-30 the new (i) bars "currently incarcerated" until 2027-12-31,
    # so the first eligible day is 2027-12-31 + 1 = 2028-01-01.
    assert outcome("sba.surety_bond", served("2022-12-01", True), BEFORE) == (
        "eligible_from",
        "2028-01-01",
    )
    # Linked to a misdemeanor: the old text names neither custody nor misdemeanors → eligible
    # on 2024-05-29 (the new text will bar the custody from 2024-05-30: next change).
    det = determine("sba.surety_bond", served("2022-12-01", False), BEFORE)
    assert (det.outcome.value, det.next_change and det.next_change.isoformat()) == (
        "eligible",
        "2024-05-30",
    )
    # Pretrial detention follows no conviction; with no indictment recorded, the old text
    # names nothing here → eligible.
    detained = record(
        person("P", [owner(51)], custody=[custody("pretrial_detention", "2024-01-01", None)])
    )
    assert outcome("sba.surety_bond", detained, BEFORE) == ("eligible", None)


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


@pytest.mark.parametrize("kind", ["home_confinement", "residential_reentry_center"])
@pytest.mark.parametrize("program_id", ("sba.7a", "sba.504", "sba.microloan"))
def test_prerelease_custody_under_the_old_texts_needs_review(program_id: str, kind: str) -> None:
    data = record(
        person("P", [role("officer")], custody=[custody(kind, "2024-05-01", "2024-08-31")])
    )
    # Old 120.110(n) says only "incarcerated"; prerelease custody is part of a term of
    # imprisonment (18 U.S.C. 3624(c)) but the old word is not defined → needs review on
    # 2024-05-29. From 2024-05-30 "serving a sentence of imprisonment" bars (not eligible), so
    # the answer changes that day.
    det = determine(program_id, data, BEFORE)
    assert det.outcome.value == "needs_review"
    assert det.next_change is not None and det.next_change.isoformat() == AFTER
    assert any("3624(c)" in f.finding and "incarcerated" in f.finding for f in det.findings)
    # New text: bars until 2024-08-31 → eligible from 2024-09-01.
    assert outcome(program_id, data, AFTER) == ("eligible_from", "2024-09-01")


# --- probation and parole: the change of 2024-05-30 ------------------------------------------


def on_supervision(
    kind: str,
    offense: dict[str, object],
    child_care: bool | None = False,
    conviction_id: str | None = "c1",
) -> dict[str, object]:
    """A 25% owner (an Associate) on ``kind`` 2023-01-10..2026-01-09 for conviction c1."""
    return record(
        person(
            "P",
            [owner(25)],
            convictions=[conviction("c1", "2023-01-10", **offense)],
            supervision=[supervision(kind, "2023-01-10", "2026-01-09", conviction_id)],
        ),
        child_care=child_care,
    )


def on_probation(offense: dict[str, object], child_care: bool | None = False) -> dict[str, object]:
    return on_supervision("probation", offense, child_care)


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


@pytest.mark.parametrize("kind", ["supervised_release", "deferred_prosecution"])
def test_microloan_child_care_supervised_release_after(kind: str) -> None:
    # New 120.707(a) names an Associate "currently on probation or parole for an offense
    # against children" in a childcare business; supervised release and deferred prosecution
    # are not named, so in a child care business for an offense against children → review.
    data = on_supervision(kind, {"against_children": True}, child_care=True)
    assert outcome("sba.microloan", data, AFTER) == ("needs_review", None)
    # Whether it is a child care business unknown → that field decides it.
    det = determine("sba.microloan", on_supervision(kind, {"against_children": True}, None), AFTER)
    assert (det.outcome.value, det.missing_facts) == ("insufficient_facts", ["business.child_care"])
    # Whether the offense is against children unknown, in a child care business → that field.
    det = determine("sba.microloan", on_supervision(kind, {"against_children": None}, True), AFTER)
    assert (det.outcome.value, det.missing_facts) == (
        "insufficient_facts",
        ["business.people[0].record.convictions[0].counts[0].against_children"],
    )
    # Not a child care business, or not an offense against children → the text is silent and
    # nothing else bars → eligible; not a child care business decides it even without a
    # linked conviction.
    for data in (
        on_supervision(kind, {"against_children": True}, child_care=False),
        on_supervision(kind, {"against_children": False}, child_care=True),
        on_supervision(kind, {"against_children": True}, child_care=False, conviction_id=None),
    ):
        assert outcome("sba.microloan", data, AFTER) == ("eligible", None)
    # 7(a): new 120.110(n) names no supervision at all.
    data = on_supervision(kind, {"against_children": True}, child_care=True)
    assert outcome("sba.7a", data, AFTER) == ("eligible", None)


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


def test_false_statement_indictment_moral_turpitude_unknown_before() -> None:
    data = indicted(
        felony=False, false_statement=True, financial_misconduct=False, moral_turpitude=None
    )
    # Old 7(a): the regulation ("a felony or a crime of moral turpitude") turns on the unknown
    # moral turpitude; the SOP ("... a false statement") bars. Both bar → not eligible, or they
    # differ → review: the SOP bars either way → needs review, not insufficient facts.
    det = determine("sba.7a", data, BEFORE)
    assert det.outcome.value == "needs_review"
    assert "counts[0].moral_turpitude" in (det.reason or "")
    # Old Microloan: the regulation only (no SOP) → the unknown moral turpitude decides it.
    det = determine("sba.microloan", data, BEFORE)
    assert (det.outcome.value, det.missing_facts) == (
        "insufficient_facts",
        ["business.people[0].record.pending_charges[0].counts[0].moral_turpitude"],
    )
    # New 120.110(n): "any crime involving or relating to ... a false statement" → bars.
    assert outcome("sba.7a", data, AFTER) == ("not_eligible", None)


def test_moral_turpitude_indictment_sop_unknown_before() -> None:
    data = indicted(
        felony=False, moral_turpitude=True, financial_misconduct=False, false_statement=None
    )
    # Old 7(a): the regulation bars (moral turpitude); whether the SOP does turns on the
    # unknown false statement: both bar → not eligible, or they differ → review. The
    # regulation bars either way → needs review.
    assert outcome("sba.7a", data, BEFORE) == ("needs_review", None)


def test_microloan_old_indictment_follows_the_regulation_only() -> None:
    data = indicted(
        felony=False, false_statement=True, financial_misconduct=False, moral_turpitude=False
    )
    # Old 120.110(n): neither a felony nor moral turpitude → does not bar. 7(a): the SOP names
    # a false statement → the two differ → review. Microloans: the regulation only → eligible.
    assert outcome("sba.7a", data, BEFORE) == ("needs_review", None)
    assert outcome("sba.microloan", data, BEFORE) == ("eligible", None)


def test_unknown_felony_on_indictment_is_insufficient_facts() -> None:
    det = determine(
        "sba.7a", indicted(felony=None, financial_misconduct=False, false_statement=False), AFTER
    )
    assert det.outcome.value == "insufficient_facts"
    assert det.missing_facts == ["business.people[0].record.pending_charges[0].counts[0].felony"]


@pytest.mark.parametrize("instrument", ["information", "complaint"])
def test_information_or_complaint_needs_review(instrument: str) -> None:
    felony = record(
        person(
            "P", [role("officer")], pending_charges=[charge(instrument, "2024-01-15", felony=True)]
        )
    )
    # New 120.110(n) says "under indictment for a felony"; this felony is charged by
    # information or complaint. A felony may be prosecuted by information once the defendant
    # waives indictment (Fed. R. Crim. P. 7(b)) → needs review, for 7(a) and for the surety
    # rule ("under indictment for a felony").
    for program_id in ("sba.7a", "sba.surety_bond"):
        det = determine(program_id, felony, AFTER)
        assert det.outcome.value == "needs_review", program_id
        assert "7(b)" in (det.reason or "")
    # Not a felony, financial misconduct or false statement: not a named offense → eligible.
    other = record(
        person(
            "P",
            [role("officer")],
            pending_charges=[
                charge(
                    instrument,
                    "2024-01-15",
                    felony=False,
                    financial_misconduct=False,
                    false_statement=False,
                )
            ],
        )
    )
    assert outcome("sba.7a", other, AFTER) == ("eligible", None)


@pytest.mark.parametrize("program_id", ("sba.7a", "sba.microloan", "sba.ilp", "sba.surety_bond"))
def test_information_gap_is_listed(program_id: str) -> None:
    for version in program(program_id).versions:
        if version.effective_from is not None or program_id != "sba.ilp":
            assert NOT_AN_INDICTMENT_GAP in version.known_gaps, version.version


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
    # For no offense the rule names, the filing date cannot matter: pending or not, it does
    # not bar → eligible.
    other = record(
        person(
            "P",
            [role("officer")],
            pending_charges=[
                charge(
                    "indictment",
                    None,
                    felony=False,
                    financial_misconduct=False,
                    false_statement=False,
                )
            ],
        )
    )
    assert outcome("sba.7a", other, AFTER) == ("eligible", None)


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


def test_lookback_window_start_clamped_to_month_end() -> None:
    # 2024-08-31 − 6 months: February 2024 has no 31st, so the window starts on its last day,
    # 2024-02-29, and that day is included. Officer until 2024-02-29: held on the window's
    # first day → an Associate (in prison → bars). The window first starts after 2024-02-29 on
    # 2024-09-01 (2024-09-01 − 6 months = 2024-03-01) → eligible from 2024-09-01.
    assert outcome("sba.7a", former_officer("2024-02-29"), "2024-08-31") == (
        "eligible_from",
        "2024-09-01",
    )
    # Officer until 2024-02-28: the window (from 2024-02-29) no longer reaches it → eligible.
    assert outcome("sba.7a", former_officer("2024-02-28"), "2024-08-31") == ("eligible", None)


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


def test_surety_unchecked_grounds_per_version() -> None:
    # Old 115.13(a)(2)(i) also named a final civil judgment (breach of trust, business
    # integrity); the amended (i) names only incarceration, a sentence of imprisonment and a
    # felony indictment. (ii) licences and (iii) bond-guarantee fraud remain in both.
    data = in_prison(owner(51))
    old = " ".join(f.finding for f in determine("sba.surety_bond", data, BEFORE).findings)
    new = " ".join(f.finding for f in determine("sba.surety_bond", data, AFTER).findings)
    assert "Final civil judgments" in old and "licences" in old
    assert "Final civil judgments" not in new and "no longer names civil judgments" in new
    assert "licences" in new


@pytest.mark.parametrize("day", [BEFORE, AFTER])
def test_disaster_notes_the_character_test(day: str) -> None:
    # 13 CFR 123.6: the applicant "must also have satisfactory character" — not encoded, so
    # even an eligible answer says so in a finding.
    data = record(person("P", [owner(100)]))
    det = determine("sba.disaster", data, day)
    assert det.outcome.value == "eligible"
    assert any(f.citation == "13 CFR 123.6" for f in det.findings)
    version = program("sba.disaster").version_on(date.fromisoformat(day))
    assert version is not None
    assert any("123.6" in gap for gap in version.known_gaps)


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
