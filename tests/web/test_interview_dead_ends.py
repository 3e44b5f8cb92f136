"""The interview never ends silently while the answers name a fact it can ask: a field answered
before that the engine still names as missing is asked again with a note why; the empty-bracket
fact "custody[] between sentencing and arrival" is asked as its own yes/no question."""

from __future__ import annotations

import html
import re
from datetime import date

from secondchance.api import evaluate
from secondchance.record import validate
from tests.web.conftest import answer, new_case, sign_in
from tests.web.test_api_and_interview import _asks


def _note(client, case: str) -> str:  # type: ignore[no-untyped-def]
    """The note shown above a question asked again ('' if none)."""
    page = client.get(f"/cases/{case}/interview").text
    found = re.search(r'<p class="note" id="asked-again" role="note">([^<]*)</p>', page)
    return html.unescape(found[1]) if found else ""


def _missing(client, case: str, program: str, as_of: date) -> list[str]:  # type: ignore[no-untyped-def]
    record = client.get(f"/cases/{case}/record.json").json()
    report = evaluate(validate(record, "record.json"), as_of)
    return next(d.missing_facts for d in report.determinations if d.program == program)


def _dc_marijuana(client) -> str:  # type: ignore[no-untyped-def]
    # D.C. Code 48-904.01 without its subsection: Proclamation 10467 lists only 48-904.01(d)(1)
    # (simple possession), so the section alone does not say whether the count is covered.
    case = new_case(client, goal="pardon")
    answer(client, case, value="dc")
    answer(client, case, value="D.C. Code 48-904.01")
    answer(client, case, value="2012-03-01")
    answer(client, case, value="0 months")
    answer(client, case, action="none")  # no supervision
    answer(client, case, action="none")  # no fine owed
    answer(client, case, action="none")  # no restitution owed
    answer(client, case, value="2012-03-01")  # sentenced
    assert _asks(client, case) == "Which drug was involved, if any?"
    answer(client, case, value="marijuana")
    return case


def test_a_statute_without_its_subsection_is_asked_again_with_a_note(app) -> None:  # type: ignore[no-untyped-def]
    # Before the fix the interview said "No more questions" here while the marijuana answer
    # named convictions[0].counts[0].statute: the statute counted as asked, so nothing asked it.
    client = sign_in(app, "advocate@a.org")
    case = _dc_marijuana(client)
    as_of = date(2026, 12, 7)
    assert "convictions[0].counts[0].statute" in _missing(
        client, case, "clemency.marijuana_pardon", as_of
    )
    assert _asks(client, case) == "Which law was the offense under?"
    assert _note(client, case).startswith("Asked again. The law needs the subsection:")
    answer(client, case, value="D.C. Code 48-904.01(d)(1)")
    assert "convictions[0].counts[0].statute" not in _missing(
        client, case, "clemency.marijuana_pardon", as_of
    )
    assert _asks(client, case) == "How does the judgment describe this offense?"
    answer(client, case, value="Possession of marijuana")
    assert _asks(client, case) == ""


def test_a_field_asked_again_and_answered_the_same_is_not_asked_a_third_time(app) -> None:  # type: ignore[no-untyped-def]
    # The person confirms the citation as the judgment gives it: no loop; the answers still
    # name the statute (needs the subsection), so the answer stays open, never cleared.
    client = sign_in(app, "advocate@a.org")
    case = _dc_marijuana(client)
    answer(client, case, value="D.C. Code 48-904.01")
    assert _asks(client, case) == "How does the judgment describe this offense?"
    answer(client, case, value="Possession of marijuana")
    assert _asks(client, case) == ""
    assert "convictions[0].counts[0].statute" in _missing(
        client, case, "clemency.marijuana_pardon", date(2026, 12, 7)
    )


def _release_surrendered(client) -> str:  # type: ignore[no-untyped-def]
    case = new_case(client, goal="release")
    answer(client, case, value="federal")
    answer(client, case, value="18 U.S.C. 1343")
    answer(client, case, value="2019-11-04")  # plea
    answer(client, case, value="120 months")
    answer(client, case, value="2020-03-02")  # sentenced
    answer(client, case, start="2020-05-01")  # arrived at the prison two months later
    answer(client, case, action="none")  # no order of removal, no detainer
    answer(client, case, level="low", assessed_on="2025-09-15")
    return case


def test_custody_between_sentencing_and_arrival_is_asked_yes_adds_the_period(app) -> None:  # type: ignore[no-untyped-def]
    # The record shows no custody between sentencing (2020-03-02) and arrival (2020-05-01):
    # the engine names "custody[] between sentencing and arrival". Before the fix the custody
    # question counted as asked and the interview ended.
    client = sign_in(app, "advocate@a.org")
    case = _release_surrendered(client)
    record = client.get(f"/cases/{case}/record.json").json()
    block = evaluate(validate(record, "record.json"), date(2026, 12, 7)).computation("sentence")
    assert "custody[] between sentencing and arrival" in (block or {})["missing_facts"]
    assert _asks(client, case) == (
        "Was the person held by the U.S. Marshals (federal custody) between sentencing and "
        "arriving at the prison?"
    )
    assert "Which conviction is this period for?" not in client.get(f"/cases/{case}/interview").text
    answer(client, case, value="yes", start="2020-03-02")  # held from the sentencing day
    record = client.get(f"/cases/{case}/record.json").json()
    assert record["custody"][-1] == {
        "kind": "federal_custody",
        "conviction_id": "c1",
        "start": "2020-03-02",
    }
    assert _asks(client, case) == ""
    # Commenced 2020-03-02, received in custody on the sentencing day (18 U.S.C. 3585(a));
    # 120 months = 10 years, full term's last day 2030-03-01; good conduct time 54 days for
    # each of the 10 years imposed (3624(b)(1)) = 540 days: 2030-03-01 - 540 days = 2028-09-07.
    card = client.get(f"/cases/{case}").text
    assert "Projected release with good conduct time: 2028-09-07" in card


def test_custody_between_sentencing_and_arrival_no_is_not_asked_again(app) -> None:  # type: ignore[no-untyped-def]
    # "No": a voluntary surrender; nothing is added, the engine still names the fact (it
    # takes commencement on arrival, the later day), and the question is not asked again.
    client = sign_in(app, "advocate@a.org")
    case = _release_surrendered(client)
    answer(client, case, value="no")
    record = client.get(f"/cases/{case}/record.json").json()
    assert [p["kind"] for p in record["custody"]] == ["designated_facility"]
    assert _asks(client, case) == ""


def _two_convictions_surrendered(client) -> str:  # type: ignore[no-untyped-def]
    # Conviction 1: 24 months from 2008-05-01, served, released 2010-03-01. Conviction 2:
    # 120 months imposed 2020-03-02, arrival at the prison 2020-05-01, nothing recorded between.
    import json

    from tests.web.conftest import csrf_of

    record = {
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "conviction_date": "2008-02-01",
                "sentencing_date": "2008-05-01",
                "counts": [{"statute": "18 U.S.C. 641"}],
                "sentence": {"imprisonment": "24 months", "imposed_on": "2008-05-01"},
            },
            {
                "id": "c2",
                "jurisdiction": "federal",
                "conviction_date": "2019-11-04",
                "sentencing_date": "2020-03-02",
                "counts": [{"statute": "18 U.S.C. 1343"}],
                "sentence": {"imprisonment": "120 months", "imposed_on": "2020-03-02"},
            },
        ],
        "custody": [
            {
                "kind": "designated_facility",
                "conviction_id": "c1",
                "start": "2008-05-01",
                "end": "2010-03-01",
            },
            {"kind": "designated_facility", "conviction_id": "c2", "start": "2020-05-01"},
        ],
        "fsa": {"risk_assessments": [{"level": "low", "assessed_on": "2025-09-15"}]},
    }
    case = new_case(client, goal="release")
    page = client.get(f"/cases/{case}").text
    version = re.search(r'name="version" value="(\d+)"', page)[1]  # type: ignore[index]
    sent = client.post(
        f"/cases/{case}/record",
        data={"csrf_token": csrf_of(page), "version": version},
        files={"file": ("r.json", json.dumps(record), "application/json")},
    )
    assert sent.status_code == 200, sent.text[:300]
    assert _asks(client, case).startswith("When did the person go to federal prison")
    answer(client, case, action="none")  # the custody already recorded
    assert _asks(client, case).startswith("Has an immigration judge")
    answer(client, case, action="none")  # no order of removal, no detainer
    assert _asks(client, case) == (
        "Was the person held by the U.S. Marshals (federal custody) between sentencing and "
        "arriving at the prison?"
    )
    return case


def test_custody_before_arrival_with_two_convictions_asks_which_conviction(app) -> None:  # type: ignore[no-untyped-def]
    # Before the fix "Yes" attached the period to conviction 1 whatever the record held: the
    # period (2020) then joined the old 2008 sentence to the term, which commenced 2008-05-01
    # and ended far too early. Now the question asks which conviction the period is for.
    client = sign_in(app, "advocate@a.org")
    case = _two_convictions_surrendered(client)
    page = client.get(f"/cases/{case}/interview").text
    assert "Which conviction is this period for?" in page
    assert 'value="0"> Conviction 1 (18 U.S.C. 641, 2008-02-01)' in page
    assert 'value="1"> Conviction 2 (18 U.S.C. 1343, 2019-11-04)' in page
    assert "About: conviction 1" not in page
    sent = answer(client, case, value="yes", start="2020-03-02")  # no conviction chosen
    assert "Which conviction is this period for? Choose one" in html.unescape(sent.text)
    record = client.get(f"/cases/{case}/record.json").json()
    assert len(record["custody"]) == 2  # nothing added
    answer(client, case, value="yes", start="2020-03-02", conviction="1")
    record = client.get(f"/cases/{case}/record.json").json()
    assert record["custody"][-1] == {
        "kind": "federal_custody",
        "conviction_id": "c2",
        "start": "2020-03-02",
    }
    assert _asks(client, case) == ""
    # Conviction 2's term commenced 2020-03-02, received in custody on the sentencing day
    # (18 U.S.C. 3585(a)); 120 months = 10 years, full term's last day 2030-03-01; good conduct
    # time 54 days for each of the 10 years imposed (3624(b)(1)) = 540 days: 2030-03-01 - 540
    # days = 2028-09-07 (2028-09-07 to 2029-09-07 is 365 days, to 2030-03-01 175 more).
    card = client.get(f"/cases/{case}").text
    assert "Projected release with good conduct time: 2028-09-07" in card


def test_custody_before_arrival_with_two_convictions_no_adds_nothing(app) -> None:  # type: ignore[no-untyped-def]
    # "No": nothing recorded, so nothing can clear the person; the engine still names the fact
    # and takes conviction 2's term to commence on arrival, 2020-05-01 (the later day):
    # 120 months to 2030-04-30, less 540 days of good conduct time = 2028-11-06 (2028-11-06 to
    # 2029-11-06 is 365 days, to 2030-04-30 175 more).
    client = sign_in(app, "advocate@a.org")
    case = _two_convictions_surrendered(client)
    answer(client, case, value="no")
    record = client.get(f"/cases/{case}/record.json").json()
    assert [p["kind"] for p in record["custody"]] == ["designated_facility"] * 2
    block = evaluate(validate(record, "record.json"), date(2026, 12, 7)).computation("sentence")
    assert "custody[] between sentencing and arrival" in (block or {})["missing_facts"]
    assert (block or {})["commenced_on"] == "2020-05-01"
    assert _asks(client, case) == ""
    card = client.get(f"/cases/{case}").text
    assert "Projected release with good conduct time: 2028-11-06" in card


def _released_too_early(client) -> str:  # type: ignore[no-untyped-def]
    # 120 months from 2012-05-01, "released" 2013-03-01: far earlier than any credits allow
    # (even 540 days of good conduct time off a full term ending 2022-04-30 gives 2020-11-06).
    case = new_case(client, goal="pardon")
    answer(client, case, value="federal")
    answer(client, case, value="18 U.S.C. 1343")
    answer(client, case, value="2012-03-01")
    answer(client, case, value="120 months")
    answer(client, case, start="2012-05-01", end="2013-03-01")
    answer(client, case, action="none")  # no supervision
    answer(client, case, action="none")  # no fine owed
    answer(client, case, action="none")  # no restitution owed
    return case


def test_a_release_day_earlier_than_the_term_allows_is_asked_again(app) -> None:  # type: ignore[no-untyped-def]
    client = sign_in(app, "advocate@a.org")
    case = _released_too_early(client)
    as_of = date(2026, 12, 7)
    # The release, or a commutation or sentence reduction that would explain it, decides it.
    assert _missing(client, case, "clemency.pardon_petition", as_of) == [
        "convictions[0].sentence.commutations",
        "custody[0].end",
    ]
    assert _asks(client, case) == "On which day was the person released from this custody?"
    assert "earlier than the prison term allows" in _note(client, case)
    # Released 2021-03-01 (after the good-conduct date 2020-11-06): the 5-year wait of
    # 28 CFR 1.2 ends 2026-03-01, before 2026-12-07.
    answer(client, case, value="2021-03-01")
    record = client.get(f"/cases/{case}/record.json").json()
    assert [p.get("end") for p in record["custody"]] == ["2021-03-01"]  # changed, not added
    assert _asks(client, case) == ""
    report = evaluate(validate(record, "record.json"), as_of)
    pardon = next(d for d in report.determinations if d.program == "clemency.pardon_petition")
    assert pardon.outcome.value == "eligible"


COMMUTED = "Was this prison sentence commuted (shortened) by the President?"


def test_a_release_day_confirmed_is_not_asked_a_third_time(app) -> None:  # type: ignore[no-untyped-def]
    client = sign_in(app, "advocate@a.org")
    case = _released_too_early(client)
    answer(client, case, action="unknown")  # "I don't know": the day stays, still named
    assert _asks(client, case) == COMMUTED  # then the commutation named beside it
    answer(client, case, action="unknown")
    assert _asks(client, case) == ""
    assert _missing(client, case, "clemency.pardon_petition", date(2026, 12, 7)) == [
        "convictions[0].sentence.commutations",
        "custody[0].end",
    ]


def test_a_commutation_explains_a_release_earlier_than_the_term(app) -> None:  # type: ignore[no-untyped-def]
    # Before the fix nothing asked for sentence.commutations: a person released early by a
    # presidential commutation could never settle it on the web (only the day was re-asked).
    client = sign_in(app, "advocate@a.org")
    case = _released_too_early(client)
    assert _asks(client, case) == "On which day was the person released from this custody?"
    answer(client, case, value="2013-03-01")  # the day confirmed
    assert _asks(client, case) == COMMUTED
    page = html.unescape(client.get(f"/cases/{case}/interview").text)
    assert "is not a commutation" in page and "3582(c)" in page  # a court's reduction
    assert 'name="granted_on"' in page and 'name="new_release_date"' in page
    sent = answer(client, case, value="yes", granted_on="2013-02-20")  # no release date
    assert "New release date: give a date" in html.unescape(sent.text)
    answer(client, case, value="yes", granted_on="2013-02-20", new_release_date="2013-03-01")
    record = client.get(f"/cases/{case}/record.json").json()
    assert record["convictions"][0]["sentence"]["commutations"] == [
        {"granted_on": "2013-02-20", "new_release_date": "2013-03-01"}
    ]
    assert [p.get("end") for p in record["custody"]] == ["2013-03-01"]  # unchanged
    assert _asks(client, case) == ""
    # 28 CFR 1.2: no pardon petition until at least five years after release from
    # confinement; the commutation released the person 2013-03-01, so the wait runs from
    # 2013-03-01: its fifth anniversary is 2018-03-01, a day for review (docs/law-clemency.md:
    # the texts differ on the anniversary itself), so the first eligible day is 2018-03-02.
    # Asked 2017-06-01: eligible from 2018-03-02; asked 2026-12-07: eligible.
    for as_of, outcome, start in (
        (date(2017, 6, 1), "eligible_from", date(2018, 3, 2)),
        (date(2018, 3, 1), "needs_review", None),
        (date(2026, 12, 7), "eligible", None),
    ):
        report = evaluate(validate(record, "record.json"), as_of)
        pardon = next(d for d in report.determinations if d.program == "clemency.pardon_petition")
        assert pardon.outcome.value == outcome
        if start is not None:
            assert pardon.date == start
        assert (pardon.details or {})["waiting_period_ends"] == "2018-03-01"


def test_no_commutation_is_not_asked_again_and_clears_nothing(app) -> None:  # type: ignore[no-untyped-def]
    client = sign_in(app, "advocate@a.org")
    case = _released_too_early(client)
    answer(client, case, value="2013-03-01")  # the day confirmed
    assert _asks(client, case) == COMMUTED
    answer(client, case, value="no")
    record = client.get(f"/cases/{case}/record.json").json()
    assert "commutations" not in record["convictions"][0]["sentence"]  # nothing added
    assert _asks(client, case) == ""
    as_of = date(2026, 12, 7)
    assert _missing(client, case, "clemency.pardon_petition", as_of) == [
        "convictions[0].sentence.commutations",
        "custody[0].end",
    ]
    report = evaluate(validate(record, "record.json"), as_of)
    pardon = next(d for d in report.determinations if d.program == "clemency.pardon_petition")
    assert pardon.outcome.value == "insufficient_facts"


def test_about_a_business_person_says_their_name_and_role_in_words() -> None:
    # Was "About: person 1, roles 1" (or "Maria Lopez, roles 1").
    from secondchance.web.interview import next_question

    record = {"business": {"name": "Lopez Bakery", "people": [{"name": "Maria Lopez"}]}}
    asked = {"business.name", "business.people[0].name"}
    role = next_question("sba", record, [], asked)
    assert role is not None and role.path == "business.people[0].roles[0].role"
    assert role.about == "Maria Lopez, their role in the business"
    record["business"]["people"][0]["roles"] = [{"role": "owner"}]
    share = next_question("sba", record, [], asked | {role.path})
    assert share is not None and share.path.endswith("ownership_percent")
    assert share.about == "Maria Lopez, their role in the business (owner)"
    unnamed = {"business": {"name": "Lopez Bakery", "people": [{}]}}
    role = next_question("sba", unnamed, [], asked)
    assert (
        role is not None
        and role.about == "the first person in the business, their role in the business"
    )


def test_custody_question_grammar() -> None:
    from secondchance.web.interview import next_question

    record = {
        "convictions": [
            {
                "jurisdiction": "federal",
                "counts": [{"statute": "18 U.S.C. 1343"}],
                "conviction_date": "2012-03-01",
                "sentence": {"imprisonment": "24 months"},
            }
        ]
    }
    found = next_question("pardon", record, [], set())
    assert found is not None and found.kind == "custody"
    assert found.text == (
        "When did the person go to federal prison for this conviction, and when were they "
        "released (or when will they be)?"
    )


def test_letter_lists_i_dont_know_answers_without_a_stray_full_stop(app) -> None:  # type: ignore[no-untyped-def]
    # Was "...If so, how much (in dollars)?." after an "I don't know" to the fine.
    client = sign_in(app, "advocate@a.org")
    case = new_case(client, goal="pardon")
    answer(client, case, value="federal")
    answer(client, case, value="18 U.S.C. 1343")
    answer(client, case, value="2012-03-01")
    answer(client, case, value="24 months")
    answer(client, case, start="2012-05-01", end="2014-03-01")
    answer(client, case, action="none")  # no supervision
    answer(client, case, action="unknown")  # the fine: "I don't know"
    letter = client.get(f"/cases/{case}/letter/clemency.pardon_petition").text
    assert "?." not in letter
    assert "<li>Does the person still owe any fine for this conviction?" in letter


def test_i_dont_know_to_a_count_description_never_leaves_it_pardoned(app) -> None:  # type: ignore[no-untyped-def]
    # A citizen's count under 21 U.S.C. 844(a), substance marijuana, 2012: Proclamation 10467
    # pardons it only if it is simple possession; the judgment's description could say more
    # ("while armed"), so "I don't know" to it must stay an unknown fact (insufficient_facts
    # naming convictions[0].counts[0].description), never PARDONED by a description not given.
    import json

    from tests.web.conftest import csrf_of

    client = sign_in(app, "advocate@a.org")
    case = new_case(client, goal="pardon")
    rec = {
        "person": {"status": [{"status": "us_citizen"}]},
        "convictions": [
            {
                "jurisdiction": "federal",
                "conviction_date": "2012-03-01",
                "sentencing_date": "2012-03-01",
                "counts": [{"statute": "21 U.S.C. 844(a)", "substance": "marijuana"}],
                "sentence": {"imprisonment": "0 months", "fine_owed": 0.0, "restitution_owed": 0.0},
            }
        ],
    }
    page = client.get(f"/cases/{case}").text
    version = re.search(r'name="version" value="(\d+)"', page)[1]  # type: ignore[index]
    sent = client.post(
        f"/cases/{case}/record",
        data={"csrf_token": csrf_of(page), "version": version},
        files={"file": ("r.json", json.dumps(rec), "application/json")},
    )
    assert sent.status_code in (200, 303)
    asked = []
    for _ in range(8):
        question = _asks(client, case)
        if not question:
            break
        asked.append(question)
        answer(client, case, action="unknown" if "describe" in question else "none")
    assert any("describe" in q for q in asked)
    record = client.get(f"/cases/{case}/record.json").json()
    assert "convictions[0].counts[0].description" in record["unknown"]
    report = evaluate(validate(record, "record.json"), date(2026, 12, 7))
    mj = next(d for d in report.determinations if d.program == "clemency.marijuana_pardon")
    assert mj.outcome.value == "insufficient_facts"
    assert "convictions[0].counts[0].description" in mj.missing_facts
