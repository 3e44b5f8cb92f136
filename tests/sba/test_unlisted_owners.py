"""Owners not listed: shares that do not add up to the whole business.

Each SBA rule reaches every owner of its share, listed or not: an owner of more than 20% is an
Associate (13 CFR 120.10, 109.20; six months back), each owner of 20% or more must have good
character (115.13(a)(2)), an owner of 20% or more is a principal owner (123.202(b)(2),
123.300(b)). When the listed shares leave that much of the business unaccounted for, an
unlisted owner the rule counts may exist: no clearing answer, ``business.people`` missing,
unless the record states that no one else owns 20% or more.

Every person below has nothing to report (``record: {}``) unless said; the application is made
on 2024-06-03 (the 2024 texts apply from 2024-05-30). Seven months back from there is before
the look-back window of 120.10 (2023-12-03 to 2024-06-03).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.law.sba.associates import unlisted_equity
from secondchance.record.load import validate
from tests.sba.builders import custody, determine, owner, person, record, role

DAY = "2024-06-03"
LOOKBACK = ("sba.7a", "sba.504", "sba.microloan", "sba.ilp")  # more than 20%, six months back
ON_THE_DAY = ("sba.surety_bond", "sba.disaster")  # 20% or more, on the day
EVERY = (*LOOKBACK, *ON_THE_DAY)


def _answers(data: dict[str, Any], programs: tuple[str, ...] = EVERY) -> dict[str, Any]:
    return {p: determine(p, data, DAY) for p in programs}


def test_forty_and_thirty_five_leave_twenty_five_unaccounted() -> None:
    # 40 + 35 = 75 listed; 100 - 75 = 25 unaccounted. 25 > 20 (120.10, 109.20) and 25 >= 20
    # (115.13(a)(2), part 123): one unlisted owner of 25% would be counted by every program.
    data = record(person("A", [owner(40)]), person("B", [owner(35)]))
    for program_id, det in _answers(data).items():
        assert det.outcome.value == "insufficient_facts", program_id
        assert det.missing_facts == ["business.people"], program_id
        assert (
            "The owners listed hold 75% of the business on 2024-06-03; who holds the other 25%?"
            in (det.reason or "")
        ), program_id


def test_stated_no_other_owner_of_twenty_percent_clears_it() -> None:
    # The same 75% listed, and the record states that no one else owns 20% or more: the 25%
    # left is held by owners of less than 20% each, whom no program counts by ownership.
    data = record(person("A", [owner(40)]), person("B", [owner(35)]))
    data["business"]["no_other_owner_of_20_percent"] = True
    for program_id, det in _answers(data).items():
        assert det.outcome.value == "eligible", program_id


def test_exactly_twenty_unaccounted_splits_the_programs() -> None:
    # 40 + 40 = 80 listed; 20 unaccounted. 120.10 and 109.20: an owner of 20% is not one of
    # MORE than 20% -> eligible. 115.13(a)(2) and part 123: 20 >= 20 -> one unlisted owner of
    # 20% would be counted -> insufficient_facts naming business.people.
    data = record(person("A", [owner(40)]), person("B", [owner(40)]))
    answers = _answers(data)
    for program_id in LOOKBACK:
        assert answers[program_id].outcome.value == "eligible", program_id
    for program_id in ON_THE_DAY:
        assert answers[program_id].outcome.value == "insufficient_facts", program_id
        assert answers[program_id].missing_facts == ["business.people"], program_id


def test_less_than_twenty_unaccounted_hides_no_owner() -> None:
    # 40 + 45 = 85 listed; 15 unaccounted: no one holding part of 15% owns 20% or more.
    data = record(person("A", [owner(40)]), person("B", [owner(45)]))
    for program_id, det in _answers(data).items():
        assert det.outcome.value == "eligible", program_id


def test_a_share_sold_to_someone_not_listed_within_the_look_back() -> None:
    # A 60% throughout; B 40% until 2024-03-31. From 2024-04-01 the listed owners hold 60%:
    # 40 unaccounted (B's buyer), on the application day too -> every program insufficient.
    sold = record(person("A", [owner(60)]), person("B", [owner(40, end="2024-03-31")]))
    for program_id, det in _answers(sold).items():
        assert det.outcome.value == "insufficient_facts", program_id
        assert "hold 60% of the business on 2024-06-03; who holds the other 40%?" in (
            det.reason or ""
        ), program_id
    # The buyer listed (C, 40% from 2024-04-01): 60 + 40 = 100 on every day -> eligible.
    sold["business"]["people"].append(person("C", [owner(40, start="2024-04-01")]))
    for program_id, det in _answers(sold).items():
        assert det.outcome.value == "eligible", program_id


def test_a_share_held_only_earlier_in_the_look_back() -> None:
    # A 60% throughout; B 40% from 2024-04-01 (before it, who held that 40%?). 120.10: on
    # 2023-12-03 .. 2024-03-31 the listed owners hold 60%, 40 > 20 unaccounted, and an owner
    # then is still an Associate (para. (3)) -> insufficient. Surety, disaster: on the day
    # 60 + 40 = 100 -> eligible.
    data = record(person("A", [owner(60)]), person("B", [owner(40, start="2024-04-01")]))
    answers = _answers(data)
    for program_id in LOOKBACK:
        assert answers[program_id].outcome.value == "insufficient_facts", program_id
        assert "hold 60% of the business on 2023-12-03; who holds the other 40%?" in (
            answers[program_id].reason or ""
        ), program_id
    for program_id in ON_THE_DAY:
        assert answers[program_id].outcome.value == "eligible", program_id


def test_a_business_begun_within_the_look_back() -> None:
    # A owns 100% from 2024-03-01, the first role anyone listed holds: the days before it (the
    # business may not have existed) are not read as 100% unaccounted -> eligible. The
    # look-back says which days it did not read: 2023-12-03 to 2024-02-29 (the day before
    # 2024-03-01; 2024 is a leap year).
    data = record(person("A", [owner(100, start="2024-03-01")]))
    skipped = (
        "No one listed held a role in Test Co before 2024-03-01, so the days of the 6-month "
        "look-back from 2023-12-03 to 2024-02-29 are not read for owners not listed"
    )
    for program_id, det in _answers(data).items():
        assert det.outcome.value == "eligible", program_id
        said = any(skipped in f.finding for f in det.findings)
        assert said is (program_id in LOOKBACK), program_id


def test_an_officer_shows_the_business_existed_before_its_first_listed_owner() -> None:
    # Ana bought 100% on 2024-04-01; Bo has been an officer since 2019, so the business
    # existed on every day of the window 2023-12-03 .. 2024-06-03. From 2023-12-03 to
    # 2024-03-31 no owner is listed: 100 - 0 = 100 unaccounted, and an owner of more than 20%
    # then is an Associate (120.10 para. (2)(i), (3); 109.20) -> insufficient_facts naming
    # business.people. Surety, disaster (on the day): Ana's 100 listed -> eligible.
    data = record(
        person("Ana", [owner(100, start="2024-04-01")]),
        person("Bo", [role("officer", start="2019-01-01")]),
    )
    answers = _answers(data)
    for program_id in LOOKBACK:
        assert answers[program_id].outcome.value == "insufficient_facts", program_id
        assert answers[program_id].missing_facts == ["business.people"], program_id
        assert "No owner of the business is listed on 2023-12-03" in (
            answers[program_id].reason or ""
        ), program_id
    for program_id in ON_THE_DAY:
        assert answers[program_id].outcome.value == "eligible", program_id


def test_the_new_owner_s_own_earlier_role_shows_it_too() -> None:
    # Ana, an officer since 2019, bought 100% on 2024-04-01 (the seller not listed): her
    # officer role shows the business existed from 2023-12-03; 0% listed until 2024-03-31 ->
    # 100 unaccounted -> the look-back programs insufficient_facts naming business.people.
    data = record(
        person("Ana", [role("officer", start="2019-01-01"), owner(100, start="2024-04-01")])
    )
    for program_id in LOOKBACK:
        det = determine(program_id, data, DAY)
        assert det.outcome.value == "insufficient_facts", program_id
        assert det.missing_facts == ["business.people"], program_id


def test_the_days_looked_at_begin_with_the_first_role_of_any_kind() -> None:
    # A director from 2024-02-01, an owner of 100% from 2024-04-01. Window 2023-12-03 ..
    # 2024-06-03: the days looked at begin on 2024-02-01 (the director's role: the business
    # existed); 2024-02-01 .. 2024-03-31 no owner listed -> 100 unaccounted on 2024-02-01.
    data = record(
        person("A", [owner(100, start="2024-04-01")]),
        person("B", [role("director", start="2024-02-01")]),
    )
    business = validate(data, "t").business
    rest = unlisted_equity(business, date(2023, 12, 3), date(2024, 6, 3))  # type: ignore[arg-type]
    assert (rest.start, rest.listed, rest.rest, rest.on) == (
        date(2024, 2, 1),
        0,
        100,
        date(2024, 2, 1),
    )
    assert determine("sba.7a", data, DAY).outcome.value == "insufficient_facts"


def test_the_statement_speaks_of_the_application_day() -> None:
    # Ana 60% since 2015; Bo and Cy 10% each from 2024-04-01; no one else owns 20% or more
    # (stated: today). Window 2023-12-03 .. 2024-06-03: until 2024-03-31 60 listed, 40
    # unaccounted; on the day 60 + 10 + 10 = 80 listed, 20 unaccounted (held by owners of less
    # than 20% each, as stated). On 2023-12-03, 40 - 20 = 20 more was not listed than on the
    # day: whoever held it then the statement does not describe, and 40 > 20 may hide one
    # owner of more than 20% then, an Associate (120.10 para. (3)) -> the look-back programs
    # insufficient_facts naming business.people. Surety, disaster read the day: 20 left,
    # stated as held by owners of less than 20% -> eligible.
    data = record(
        person("Ana", [owner(60)]),
        person("Bo", [owner(10, start="2024-04-01")]),
        person("Cy", [owner(10, start="2024-04-01")]),
    )
    data["business"]["no_other_owner_of_20_percent"] = True
    answers = _answers(data)
    for program_id in LOOKBACK:
        det = answers[program_id]
        assert det.outcome.value == "insufficient_facts", program_id
        assert det.missing_facts == ["business.people"], program_id
        reason = det.reason or ""
        assert "hold 60% of the business on 2023-12-03; who holds the other 40%?" in reason
        assert "does not say who held the other 20% not listed on 2023-12-03" in reason
    for program_id in ON_THE_DAY:
        assert answers[program_id].outcome.value == "eligible", program_id


def test_the_statement_covers_shares_sold_within_the_look_back() -> None:
    # A 50% since 2015; B 50% until 2024-03-31, then 25% (B sold 25% in small lots). Until
    # 2024-03-31 50 + 50 = 100 listed; from 2024-04-01 75 listed, 25 unaccounted, and on the
    # day 25 too: no day leaves more unaccounted than the application day, whose 25% the
    # statement says owners of less than 20% each hold -> eligible everywhere.
    data = record(
        person("A", [owner(50)]),
        person("B", [owner(50, end="2024-03-31"), owner(25, start="2024-04-01")]),
    )
    data["business"]["no_other_owner_of_20_percent"] = True
    for program_id, det in _answers(data).items():
        assert det.outcome.value == "eligible", program_id


def test_an_earlier_excess_of_twenty_or_less_hides_no_associate() -> None:
    # A 80% since 2015; B 10% from 2024-04-01; stated. Until 2024-03-31 20 unaccounted, on the
    # day 10. 20 is not more than 20 (120.10, 109.20) -> eligible; on the day 10 < 20 ->
    # surety and disaster eligible.
    data = record(person("A", [owner(80)]), person("B", [owner(10, start="2024-04-01")]))
    data["business"]["no_other_owner_of_20_percent"] = True
    for program_id, det in _answers(data).items():
        assert det.outcome.value == "eligible", program_id


def test_no_owner_listed() -> None:
    # An officer alone: 0% listed, the whole business unaccounted for.
    data = record(person("A", [role("officer")]))
    for program_id, det in _answers(data).items():
        assert det.outcome.value == "insufficient_facts", program_id
        assert "No owner of the business is listed on" in (det.reason or ""), program_id
        assert det.missing_facts == ["business.people"], program_id


def test_a_listed_owner_s_bar_still_decides() -> None:
    # A 40% (> 20: an Associate) in a designated facility through 2025-12-31: from 2024-05-30
    # 120.110(n) bars a person "currently incarcerated" -> not_eligible on the day, whatever
    # the 25% unaccounted holds.
    jailed = person(
        "A", [owner(40)], custody=[custody("designated_facility", "2023-01-01", "2025-12-31")]
    )
    data = record(jailed, person("B", [owner(35)]))
    assert determine("sba.7a", data, DAY).outcome.value == "not_eligible"


def test_a_listed_share_not_recorded_is_asked_first() -> None:
    # A an owner and officer, share not recorded (an officer is an Associate anyway); B 40%.
    # Known: 40 listed, 60 unaccounted; A's share may be it, so A's share is the fact named.
    data = record(person("A", [owner(None), role("officer")]), person("B", [owner(40)]))
    det = determine("sba.7a", data, DAY)
    assert det.outcome.value == "insufficient_facts"
    assert det.missing_facts == ["business.people[0].roles[0].ownership_percent"]


def test_people_stated_unknown_keep_their_own_reading() -> None:
    # "business.people" on the record's unknown list: the unstated guard names it (its words,
    # not this check's), as before.
    data = record(person("A", [owner(40)]), person("B", [owner(35)]))
    data["unknown"] = ["business.people"]
    det = determine("sba.7a", data, DAY)
    assert det.outcome.value == "insufficient_facts"
    assert det.missing_facts == ["business.people"]
    assert "who holds the other" not in (det.reason or "")


def test_the_least_held_day_of_the_look_back() -> None:
    # A 50% throughout; B 30% until 2024-02-29; C 30% from 2024-04-01. Window 2023-12-03 ..
    # 2024-06-03: 50 + 30 = 80 until 2024-02-29, 50 from 2024-03-01, 50 + 30 = 80 from
    # 2024-04-01. Least listed 50 on 2024-03-01 -> 100 - 50 = 50 unaccounted.
    data = record(
        person("A", [owner(50)]),
        person("B", [owner(30, end="2024-02-29")]),
        person("C", [owner(30, start="2024-04-01")]),
    )
    rest = unlisted_equity(validate(data, "t").business, date(2023, 12, 3), date(2024, 6, 3))  # type: ignore[arg-type]
    assert (rest.listed, rest.rest, rest.on) == (50, 50, date(2024, 3, 1))
    # 120.10: 50 > 20 -> insufficient_facts; surety on the day: 80 listed, 20 >= 20 -> too.
    assert determine("sba.7a", data, DAY).outcome.value == "insufficient_facts"
