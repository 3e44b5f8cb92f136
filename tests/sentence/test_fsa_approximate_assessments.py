"""An approximate risk assessment beside exact ones (18 U.S.C. 3632(d)(4)(A)(ii); 28 CFR
523.42(c)(2)): the additional 5 days per 30 turn on the order of the assessments, so an
approximate one is read on each exact assessment's day inside its range and the days before
and after it, not only at the ends of its range. Dates worked by hand in the comments."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.api import evaluate
from secondchance.law.registry import program
from secondchance.record import validate
from secondchance.record.approximate import readings

AS_OF = date(2025, 6, 1)


def sixty_months(assessments: list[dict[str, str]]) -> dict[str, Any]:
    """As ``tests/sentence/test_fsa_assessments.sixty_months``: 60 months imposed 2023-01-10,
    at the facility that day (S = 2023-01-10, the start of earning), release R = 2027-04-14
    (full term 2028-01-09 less 5 x 54 = 270 GCT), R - S = 1555 days."""
    return {
        "person": {"name": "A"},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "counts": [{"statute": "18 U.S.C. 1343", "offense_date": "2021-03-01"}],
                "sentence": {
                    "imposed_on": "2023-01-10",
                    "imprisonment": "60 months",
                    "supervised_release": "3 years",
                },
            }
        ],
        "custody": [{"kind": "designated_facility", "start": "2023-01-10", "conviction_id": "c1"}],
        "fsa": {"ged_status": "has_credential", "risk_assessments": assessments},
    }


def block_of(data: dict[str, Any]) -> Any:
    record = validate(data, "r.yaml")
    report = evaluate(record, as_of=AS_OF, programs=[program("fsa.time_credits")])
    return report.computation("sentence")


def days_read(data: dict[str, Any], path: str) -> set[date]:
    return {r.days[path] for r in readings(validate(data, "r.yaml"))}


MEDIUM_THEN_TWO_LOWS = [
    {"assessed_on": "2024-07-01", "level": "medium"},
    {"assessed_on": "2024-08-01", "level": "low"},
    {"assessed_on": "2024-10-01", "level": "low"},
]


def test_a_low_read_between_a_medium_and_two_lows_gives_an_earlier_date() -> None:
    # Exact: medium 2024-07-01, low 2024-08-01, low 2024-10-01; a fourth low "2024".
    # At either end of 2024 (2024-01-01, before the medium; 2024-12-31, after both lows) the
    # current run of lows is 08-01, 10-01 (and 12-31): its second is 2024-10-01, 630 days after
    # S (365 to 2024-01-10, + 31 + 29 + 31 + 30 + 31 + 30 + 22 = 569 to 08-01, + 31 + 30):
    # floor(630 / 30) = 21 periods at 10, then 15: C(p) = 15p - 105. p = 36: 435, needs
    # t >= R - 435 = S + 1120, past the 37th period's end (S + 1110); p = 37: 450 >= R - t from
    # t = S + 1110 = R - 445: prerelease custody 2026-01-24 (R - 365 = 2026-04-14, - 80).
    ends = sixty_months([*MEDIUM_THEN_TWO_LOWS, {"assessed_on": "2024-01-01", "level": "low"}])
    assert block_of(ends)["fsa"]["prerelease_custody_date"] == "2026-01-24"
    late = sixty_months([*MEDIUM_THEN_TWO_LOWS, {"assessed_on": "2024-12-31", "level": "low"}])
    assert block_of(late)["fsa"]["prerelease_custody_date"] == "2026-01-24"
    # On 2024-07-02, the day after the medium, the run is 07-02, 08-01, 10-01: its second is
    # 2024-08-01, 569 days after S: 18 periods at 10, then 15: C(p) = 15p - 90. p = 36: 450,
    # from t = R - 450 = S + 1105, inside the 36th period's span (S + 1080 to S + 1110):
    # prerelease custody 2026-01-19 (2026-04-14 - 85), 5 days earlier than at either end.
    between = sixty_months([*MEDIUM_THEN_TWO_LOWS, {"assessed_on": "2024-07-02", "level": "low"}])
    assert block_of(between)["fsa"]["prerelease_custody_date"] == "2026-01-19"
    # Written "2024", the dates are not given as holding on every day (they did before: only
    # the ends and the law's landmark days were read, none of them between 07-01 and 08-01).
    data = sixty_months([*MEDIUM_THEN_TWO_LOWS, {"assessed_on": "2024", "level": "low"}])
    block = block_of(data)
    assert block["status"] == "needs_review"
    assert "fsa.risk_assessments[3].assessed_on" in block["reason"]
    path = "fsa.risk_assessments[3].assessed_on"
    read = days_read(data, path)
    assert {date(2024, 7, 2), date(2024, 8, 1), date(2024, 10, 1)} <= read
    assert {date(2024, 6, 30), date(2024, 7, 31), date(2024, 9, 30), date(2024, 10, 2)} <= read


def test_an_approximate_medium_month_around_an_exact_low() -> None:
    # Low 2024-02-01, low 2024-06-15 exact; a medium "2024-06". On 2024-06-01 the medium comes
    # first: the run is the one low of 06-15, every period at 10; on 2024-06-30 the medium is the
    # latest assessment (its level decides whether credits are applied, 3624(g)(1)(D)); on
    # 2024-06-15 two levels share a day. The answer already turned on the day at the ends
    # (needs_review); the exact day and the days beside it are read now as well.
    data = sixty_months(
        [
            {"assessed_on": "2024-02-01", "level": "low"},
            {"assessed_on": "2024-06-15", "level": "low"},
            {"assessed_on": "2024-06", "level": "medium"},
        ]
    )
    block = block_of(data)
    assert block["status"] == "needs_review"
    assert "fsa.risk_assessments[2].assessed_on" in block["reason"]
    assert days_read(data, "fsa.risk_assessments[2].assessed_on") == {
        date(2024, 6, 1),
        date(2024, 6, 14),
        date(2024, 6, 15),
        date(2024, 6, 16),
        date(2024, 6, 30),
    }


def test_an_approximate_low_month_around_an_exact_medium() -> None:
    # The reverse: low 2024-02-01, medium 2024-06-15 exact, a low "2024-06". On 2024-06-01 the
    # medium is the latest; on 2024-06-30 the low is, one low after the medium (every period at
    # 10): the ends differ already, so the dates are for review.
    data = sixty_months(
        [
            {"assessed_on": "2024-02-01", "level": "low"},
            {"assessed_on": "2024-06-15", "level": "medium"},
            {"assessed_on": "2024-06", "level": "low"},
        ]
    )
    block = block_of(data)
    assert block["status"] == "needs_review"
    assert "fsa.risk_assessments[2].assessed_on" in block["reason"]
    assert {date(2024, 6, 14), date(2024, 6, 15), date(2024, 6, 16)} <= days_read(
        data, "fsa.risk_assessments[2].assessed_on"
    )


def test_an_approximate_low_year_read_on_the_day_of_an_exact_low() -> None:
    # Low 2024-06-15 exact, a low "2024". On the same day the two are one assessment (gather:
    # two entries of a day are not two consecutive assessments): no run of two, every period at
    # 10 - later than at either end. 10 per 30 throughout: C(p) = 10p; p = 38: 380 needs
    # t >= R - 380 = S + 1175, past the 39th period's end (S + 1170); p = 39: 390 >= R - t
    # from t = R - 385 = S + 1170: prerelease custody 2026-03-25 (2026-04-14 - 20).
    same_day = sixty_months(
        [
            {"assessed_on": "2024-06-15", "level": "low"},
            {"assessed_on": "2024-06-15", "level": "low"},
        ]
    )
    assert block_of(same_day)["fsa"]["prerelease_custody_date"] == "2026-03-25"
    data = sixty_months(
        [
            {"assessed_on": "2024-06-15", "level": "low"},
            {"assessed_on": "2024", "level": "low"},
        ]
    )
    assert block_of(data)["status"] == "needs_review"
    assert date(2024, 6, 15) in days_read(data, "fsa.risk_assessments[1].assessed_on")


def test_other_approximate_dates_are_not_read_beside_the_assessments() -> None:
    # Only the assessments' order is read this way: an approximate arrival is read at the ends
    # of its range (and the law's landmark days), not on the assessments' days.
    data = sixty_months([{"assessed_on": "2023-06-15", "level": "low"}])
    data["custody"][0]["start"] = "2023"
    data["convictions"][0]["sentence"]["imposed_on"] = "2022-12-15"
    read = days_read(data, "custody[0].start")
    assert {date(2023, 1, 1), date(2023, 12, 31)} <= read
    assert not read & {date(2023, 6, 14), date(2023, 6, 15), date(2023, 6, 16)}
