"""A reviewer's records: a discharged term joined to a later one, a 924(c) count not marked
consecutive, the same detention counted twice, a writ, detention credited elsewhere and
detention before the offense. Expected values are worked by hand in the comments."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.api import evaluate
from secondchance.law.registry import program
from secondchance.record.schema import Record


def block(data: dict[str, Any], day: date) -> dict[str, Any]:
    report = evaluate(
        Record.model_validate(data), as_of=day, programs=[program("fsa.time_credits")]
    )
    found: dict[str, Any] = report.computation("sentence")
    return found


def texts(found: dict[str, Any]) -> str:
    return "\n".join(f["finding"] for f in found["findings"])


def _conviction(cid: str, statute: str, imposed: str, term: str, **more: Any) -> dict[str, Any]:
    return {
        "id": cid,
        "jurisdiction": "federal",
        "counts": [{"statute": statute}],
        "sentence": {"imposed_on": imposed, "imprisonment": term, **more},
    }


def old_then_new(*extra_custody: dict[str, Any]) -> dict[str, Any]:
    return {
        "person": {"name": "Old"},
        "convictions": [
            _conviction("a", "18 U.S.C. 1343", "2005-03-01", "24 months"),
            _conviction("b", "18 U.S.C. 1344", "2022-01-03", "60 months"),
        ],
        "custody": [
            {"kind": "federal_custody", "start": "2005-03-01", "end": "2005-04-01",
             "conviction_id": "a"},
            {"kind": "designated_facility", "start": "2005-04-02", "end": "2006-11-10",
             "conviction_id": "a"},
            *extra_custody,
            {"kind": "federal_custody", "start": "2022-01-03", "end": "2022-02-01",
             "conviction_id": "b"},
            {"kind": "designated_facility", "start": "2022-02-02", "conviction_id": "b"},
        ],
    }  # fmt: skip


def test_a_term_discharged_before_the_next_is_imposed_is_not_joined() -> None:
    # 3584(a): only an undischarged term is joined. Custody for a closed on 2006-11-10, years
    # before b was imposed (2022-01-03): b alone, 60 months from 2022-01-03, last day
    # 2027-01-02; GCT 5 x 54 = 270; 2027-01-02 - 270 = 2026-04-07 (worked in
    # cases/sentence/aggregation/discharged-term.yaml).
    found = block(old_then_new(), date(2023, 6, 1))
    assert found["commenced_on"] == "2022-01-03"
    assert found["term"] == "60 months"
    assert found["gct_release_date"] == "2026-04-07"
    assert "ended on 2006-11-10 (custody[1].end)" in texts(found)
    assert "undischarged" in texts(found)


def test_custody_naming_no_conviction_running_on_keeps_the_terms_joined() -> None:
    # A designated facility from 2006-11-11, naming no conviction and never closed: custody may
    # have continued on term a, so it is not shown discharged and b joins it (imposed at a
    # different time: consecutive by default, 24 + 60 = 84 months from 2005-03-01, needs review
    # for the relation not recorded), as before.
    open_custody = {"kind": "designated_facility", "start": "2006-11-11"}
    found = block(old_then_new(open_custody), date(2023, 6, 1))
    assert found["commenced_on"] == "2005-03-01"
    assert found["term"] == "84 months"


def per_count(*counts: tuple[str, str]) -> dict[str, Any]:
    return {
        "person": {"name": "Counts"},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "counts": [{"statute": st, "imprisonment": term} for st, term in counts],
                "sentence": {"imposed_on": "2022-01-03", "supervised_release": "3 years"},
            }
        ],
        "custody": [{"kind": "federal_custody", "start": "2022-01-03", "conviction_id": "c1"}],
    }


def test_a_924c_count_not_marked_consecutive_runs_consecutively_and_needs_review() -> None:
    # 924(c)(1)(D)(ii): 60 + 60 = 120 months (worked in
    # cases/sentence/aggregation/mandated-consecutive-counts.yaml).
    found = block(
        per_count(("21 U.S.C. 841(a)(1)", "60 months"), ("18 U.S.C. 924(c)(1)(A)(i)", "60 months")),
        date(2023, 6, 1),
    )
    assert found["term"] == "120 months"
    assert found["status"] == "needs_review"
    assert "convictions[0].counts[1].consecutive" in found["missing_facts"]
    assert "924(c)(1)(D)(ii)" in texts(found)


def test_1028a_terms_count_once_among_themselves_and_after_the_others() -> None:
    # 1028A(b)(2): consecutive to the wire fraud term; 1028A(b)(4): the two 1028A terms may run
    # concurrently with each other, and the record orders nothing, so 3584(a) runs them
    # concurrently: 60 + max(24, 12) = 84 months.
    found = block(
        per_count(
            ("18 U.S.C. 1343", "60 months"),
            ("18 U.S.C. 1028A(a)(1)", "24 months"),
            ("18 U.S.C. 1028A(a)(1)", "12 months"),
        ),
        date(2023, 6, 1),
    )
    assert found["term"] == "84 months"
    assert found["status"] == "needs_review"


def test_a_count_that_may_be_924c_needs_review_and_keeps_the_default() -> None:
    # "18 U.S.C. 924" names the section but not the subsection: it may be 924(c). Run by the
    # 3584(a) default (concurrent: the longer, 60 months) but flagged, naming the statute.
    found = block(
        per_count(("21 U.S.C. 841(a)(1)", "60 months"), ("18 U.S.C. 924", "24 months")),
        date(2023, 6, 1),
    )
    assert found["term"] == "60 months"
    assert found["status"] == "needs_review"
    assert "convictions[0].counts[1].statute" in found["missing_facts"]


def test_an_unreadable_statute_keeps_the_default_with_its_note() -> None:
    # Unreadable: the 3584(a) default (concurrent, 60 months) and the note that some statutes
    # mandate a consecutive term, as before.
    found = block(
        per_count(("21 U.S.C. 841(a)(1)", "60 months"), ("gun charge", "24 months")),
        date(2023, 6, 1),
    )
    assert found["term"] == "60 months"
    assert "some statutes mandate a consecutive term" in texts(found)


def sixty_months(custody: list[dict[str, Any]], **conviction: Any) -> dict[str, Any]:
    return {
        "person": {"name": "Credit"},
        "convictions": [
            {
                **_conviction(
                    "c1", "18 U.S.C. 1343", "2025-01-01", "60 months", supervised_release="3 years"
                ),
                **conviction,
            }
        ],
        "custody": [
            *custody,
            {"kind": "designated_facility", "start": "2025-02-01", "conviction_id": "c1"},
        ],
    }


def test_detention_said_not_credited_elsewhere_inside_credited_state_custody_needs_review() -> None:
    # The detention says false, the state custody holding its first 92 days (2024-07-01 to
    # 2024-09-30: 31 + 31 + 30) says credited to the state term: those days are not credited
    # (3585(b)); the rest, 2024-10-01 to 2024-12-31, 92 days, is. The contradiction is flagged.
    found = block(
        sixty_months(
            [
                {"kind": "state_custody", "start": "2024-01-01", "end": "2024-09-30",
                 "credited_to_other_sentence": True},
                {"kind": "pretrial_detention", "start": "2024-07-01", "end": "2025-01-01",
                 "conviction_id": "c1", "credited_to_other_sentence": False},
            ]
        ),
        date(2025, 6, 1),
    )  # fmt: skip
    assert found["prior_custody_days"] == 92
    assert found["status"] == "needs_review"
    assert any("custody[1].credited_to_other_sentence" in r for r in found["needs_review"])


UNLINKED = {"kind": "pretrial_detention", "start": "2024-10-01", "end": "2025-01-01"}


def test_unlinked_detention_before_an_unknown_offense_date_is_still_credited() -> None:
    # No offense date: whether the detention came before the offense is unknown; as before,
    # 2024-10-01 to 2024-12-31 = 92 days are credited.
    assert block(sixty_months([UNLINKED]), date(2025, 6, 1))["prior_custody_days"] == 92


def test_unlinked_detention_ending_after_the_offense_is_credited() -> None:
    # Offense 2024-09-15, detention ended 2025-01-01, after it: 92 days credited.
    found = block(sixty_months([UNLINKED], offense_date="2024-09-15"), date(2025, 6, 1))
    assert found["prior_custody_days"] == 92


def test_unlinked_detention_ending_before_the_offense_is_not_credited() -> None:
    # Offense 2024-03-01; a detention
    # from 2023-10-01 to 2023-12-31 naming no conviction ended before it: 0 days (3585(b)(1), (2)).
    old = {"kind": "pretrial_detention", "start": "2023-10-01", "end": "2023-12-31"}
    found = block(sixty_months([old], offense_date="2024-03-01"), date(2025, 6, 1))
    assert found["prior_custody_days"] == 0
    assert "custody[0] names no conviction" in texts(found)


def writ(*federal: dict[str, Any], relation: dict[str, Any] | None = None) -> dict[str, Any]:
    """State custody 2023-01-01 to 2026-06-30 credited to the state term; federal sentencing on
    a writ, 2025-01-01, with the writ detention credited to the state term."""
    return {
        "person": {"name": "Writ"},
        "convictions": [
            {"id": "st", "jurisdiction": "state", "state": "Texas",
             "counts": [{"statute": "Tex. Penal Code 31.03"}]},
            _conviction("c1", "18 U.S.C. 1343", "2025-01-01", "60 months", **(relation or {})),
        ],
        "custody": [
            {"kind": "state_custody", "start": "2023-01-01", "end": "2026-06-30",
             "conviction_id": "st", "credited_to_other_sentence": True},
            {"kind": "pretrial_detention", "start": "2024-07-01", "end": "2025-01-01",
             "conviction_id": "c1", "credited_to_other_sentence": True},
            *federal,
        ],
    }  # fmt: skip


def test_held_for_the_state_on_sentencing_and_no_federal_custody_needs_review() -> None:
    # 3585(a): the term commences when received to serve it; nothing shows that day.
    found = block(writ(), date(2026, 9, 1))
    assert found["status"] == "needs_review"
    assert "3585(a)" in found["reason"]


def test_held_for_the_state_commences_on_federal_custody_after_it() -> None:
    # Federal custody from 2026-07-01: worked in
    # cases/sentence/prior_custody/writ-commencement.yaml.
    received = {"kind": "federal_custody", "start": "2026-07-01", "conviction_id": "c1"}
    found = block(writ(received), date(2026, 9, 1))
    assert found["commenced_on"] == "2026-07-01"
    assert found["gct_release_date"] == "2030-10-03"
    assert "received in custody to serve it" in texts(found)


def test_a_term_ordered_concurrent_with_the_state_term_needs_review() -> None:
    # Ordered concurrent with the state term: the Bureau may designate the state facility and
    # the term may commence earlier than the federal custody: computed from it, but flagged.
    received = {"kind": "federal_custody", "start": "2026-07-01", "conviction_id": "c1"}
    order = {"relation": "concurrent", "relative_to": "st"}
    found = block(writ(received, relation=order), date(2026, 9, 1))
    assert found["status"] == "needs_review"
    assert any("relation" in r for r in found["needs_review"])


def test_consecutive_terms_across_a_month_end_give_the_later_end() -> None:
    # 30 days from 2023-01-30: 2023-01-30 .. 2023-02-28; then 14 months consecutive from
    # 2023-03-01: .. 2024-04-30 (term by term). Added in units, 14 months 30 days from
    # 2023-01-30: + 14 months = 2024-03-30, + 30 days = 2024-04-29, last day 2024-04-28, two days
    # earlier. The later end is used: 2023-01-30 .. 2024-04-30 is 457 days; GCT 54 x 457 / 365
    # = 67.6 -> 67; 2024-04-30 - 67 days = 2024-02-23 (a Friday). Needs review: which end the
    # Bureau's aggregation method gives is not in the texts retrieved.
    data = {
        "person": {"name": "MonthEnd"},
        "convictions": [
            _conviction("c1", "18 U.S.C. 1343", "2023-01-30", "30 days"),
            _conviction(
                "c2", "18 U.S.C. 1344", "2023-01-30", "14 months",
                relation="consecutive", relative_to="c1",
            ),
        ],
        "custody": [{"kind": "designated_facility", "start": "2023-01-30", "conviction_id": "c1"}],
    }  # fmt: skip
    found = block(data, date(2023, 6, 1))
    assert found["full_term_date"] == "2024-04-30"
    assert found["gct_days"] == 67
    assert found["release_weekday_date"] == "2024-02-23"
    assert found["status"] == "needs_review"
