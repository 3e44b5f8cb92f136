"""The JSON API mirrors the CLI; the interview reads dates as people write them and reaches a
determination; letters carry the checklist and the notice."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
import yaml
from fastapi.testclient import TestClient

from secondchance.api import evaluate
from secondchance.record import validate
from secondchance.store import accounts
from secondchance.web.answers import AnswerError, parse_date_answer
from tests.support import EXAMPLES, check_json, run_cli
from tests.web.conftest import answer, new_case, sign_in


def _auth(store) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with store.transaction() as session:
        return {"Authorization": f"Bearer {accounts.add_token(session, 'Clinic A')}"}


def test_api_check_answers_what_the_cli_answers(app, store) -> None:  # type: ignore[no-untyped-def]
    path = EXAMPLES / "sba" / "parole-owner.yaml"
    record = yaml.load(path.read_text(), Loader=yaml.BaseLoader)  # dates stay text
    record["business"]["people"][0]["roles"][0]["ownership_percent"] = 30
    record["business"]["people"][1]["roles"][0]["ownership_percent"] = 70
    record["business"]["child_care"] = False
    for count in record["business"]["people"][0]["record"]["convictions"][0]["counts"]:
        for flag in (
            "felony",
            "moral_turpitude",
            "fraud_or_dishonesty",
            "financial_misconduct",
            "false_statement",
        ):
            count[flag] = count[flag] == "true"
    got = TestClient(app).post(
        "/api/check?as_of=2024-05-29&application_date=2024-05-29", json=record, headers=_auth(store)
    )
    assert got.status_code == 200
    assert got.json() == check_json(path, "2024-05-29", "--application-date", "2024-05-29")


def test_api_check_reads_a_choice_as_the_cli_does(app, store) -> None:  # type: ignore[no-untyped-def]
    # One reading (record.validate): "Federal" is federal; "federl" is an error that quotes it.
    client, headers = TestClient(app), _auth(store)
    url = "/api/check?as_of=2024-05-29"
    good = client.post(url, json={"convictions": [{"jurisdiction": "Federal"}]}, headers=headers)
    assert good.status_code == 200
    bad = client.post(url, json={"convictions": [{"jurisdiction": "federl"}]}, headers=headers)
    assert bad.status_code == 422
    assert bad.json()["problems"] == [
        "convictions[0].jurisdiction: 'federl' is not one of: federal, dc, military, state; "
        "did you mean 'federal'?"
    ]


def test_api_sentence_rules_health_and_docs(app, store) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(app)
    asked = {"term": "60 months", "commenced": "2025-01-01", "as_of": "2025-06-01"}
    got = client.post("/api/sentence", json=asked, headers=_auth(store))
    cli = run_cli(
        "sentence",
        "--term",
        "60 months",
        "--commenced",
        "2025-01-01",
        "--as-of",
        "2025-06-01",
        "--format",
        "json",
    )
    import json

    assert got.status_code == 200 and got.json() == json.loads(cli.stdout)
    rules = client.get("/api/rules", headers=_auth(store)).json()
    assert "sba.7a" in {p["program"] for p in rules["programs"]}
    assert client.get("/healthz").json() == {"status": "ok"}
    spec = client.get("/openapi.json").json()
    assert {"/api/check", "/api/sentence", "/api/rules", "/healthz"} <= set(spec["paths"])
    assert "Record" in spec["components"]["schemas"]


def test_dates_as_people_write_them_keep_their_precision() -> None:
    assert parse_date_answer("June 2018") == "2018-06"
    assert parse_date_answer("around June 2018") == "2018-06"
    assert parse_date_answer("2015") == "2015"
    assert parse_date_answer("3/14/2021") == "2021-03-14"
    assert parse_date_answer("Sept 3, 2019") == "2019-09-03"
    for unreadable in ("soon", "2023-02-30", "13/2018", "June"):
        try:
            parse_date_answer(unreadable)
        except AnswerError:
            continue
        raise AssertionError(unreadable)


def test_interview_to_a_pardon_determination_and_its_letter(app) -> None:  # type: ignore[no-untyped-def]
    client = sign_in(app, "advocate@a.org")
    case = new_case(client, goal="pardon")
    answer(client, case, value="federal")
    answer(client, case, value="18 U.S.C. 1343")
    answer(client, case, value="2012-03-01")
    answer(client, case, value="24 months")
    # Released 2014-03-01: the five-year wait of 28 CFR 1.2 ran out on 2019-03-01, long
    # before today, so the wait no longer stands in the way.
    page = answer(client, case, start="2012-05-01", end="2014-03-01").text
    assert "Petition for a presidential pardon" in page
    record = client.get(f"/cases/{case}/record.json").json()
    assert record["custody"] == [
        {
            "kind": "designated_facility",
            "conviction_id": "c1",
            "start": "2012-05-01",
            "end": "2014-03-01",
        }
    ]
    letter = client.get(f"/cases/{case}/letter/clemency.pardon_petition")
    assert "Information, not legal advice" in letter.text and "28 CFR 1.2" in letter.text
    pdf = client.get(f"/cases/{case}/letter/clemency.pardon_petition.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf.content, capture_output=True).stdout
    assert b"not legal advice" in text and b"Pardon Attorney" in text


def test_sba_interview_no_record_answers_give_the_owner_an_empty_record(app) -> None:  # type: ignore[no-untyped-def]
    # A business person whose record is left out is unknown (insufficient_facts naming it);
    # answering "No / none" to the questions about their record gives them one, empty: an
    # owner of 30% with no conviction, charge or supervision. Who holds the other 70% is not
    # asked yet (an owner of more than 20% is an Associate, 13 CFR 120.10): insufficient_facts
    # naming business.people. "No / none" to "Is there anyone else who owns 20% or more ...?"
    # states that no one else does (business.no_other_owner_of_20_percent) → 7(a) eligible.
    client = sign_in(app, "advocate@a.org")
    case = new_case(client, goal="sba")
    answer(client, case, value="Ortiz Bakery")
    answer(client, case, value="Maria Ortiz")
    answer(client, case, value="owner")
    answer(client, case, value="30")
    answer(client, case, value="2024-06-03")
    for _ in range(3):
        answer(client, case, action="none")
    record = client.get(f"/cases/{case}/record.json").json()
    assert record["business"]["people"][0]["record"] == {}
    report = evaluate(validate(record, "record.json"), date(2024, 6, 3))
    det = next(d for d in report.determinations if d.program == "sba.7a")
    assert det.outcome.value == "insufficient_facts" and det.missing_facts == ["business.people"]
    assert "hold 30% of the business on 2024-06-03; who holds the other 70%?" in (det.reason or "")
    assert _asks(client, case).startswith("Is there anyone else who owns 20% or more")
    answer(client, case, action="none")
    record = client.get(f"/cases/{case}/record.json").json()
    assert record["business"]["no_other_owner_of_20_percent"] is True
    report = evaluate(validate(record, "record.json"), date(2024, 6, 3))
    outcomes = {d.program: d.outcome.value for d in report.determinations}
    assert outcomes["sba.7a"] == "eligible", outcomes
    # A name given after all (the question reopened) takes the statement back.
    from secondchance.web.interview import _another_person, apply_answer

    named = apply_answer(record, _another_person(1), {"value": "Luis Ortiz"})
    assert "no_other_owner_of_20_percent" not in named["business"]


def test_an_unknown_record_answer_never_leaves_an_empty_record() -> None:
    # "No" to one question about a business person's record and "I don't know" to another, in
    # either order: the part answered "I don't know" goes on the record's `unknown` list (so the
    # SBA answers name it, business.people[0].record.pending_charges), never `record: {}`
    # ("nothing to report"). "No" to every question still gives the empty record.
    from secondchance.web.interview import _starters, apply_none, apply_unknown

    questions = {q.path: q for q in _starters("sba")}
    convicted = questions["business.people[0].record.convictions[0].jurisdiction"]
    charged = questions["business.people[0].record.pending_charges[0].instrument"]
    start: dict[str, object] = {"business": {"name": "B", "people": [{"name": "Ana"}]}}

    said_no = apply_none(start, convicted)
    assert said_no["business"]["people"][0]["record"] == {}  # type: ignore[index]
    then_unknown = apply_unknown(said_no, charged)
    assert then_unknown["business"]["people"][0]["record"] == {"unknown": ["pending_charges"]}  # type: ignore[index]

    unknown_first = apply_unknown(start, charged)
    assert unknown_first["business"]["people"][0]["record"] == {"unknown": ["pending_charges"]}  # type: ignore[index]
    then_no = apply_none(unknown_first, convicted, [charged.path])
    assert then_no["business"]["people"][0]["record"] == {"unknown": ["pending_charges"]}  # type: ignore[index]

    # A case begun before the `unknown` list: the record left out, the "I don't know" only in
    # the interview's memory; "No" keeps it left out.
    assert "record" not in apply_none(start, convicted, [charged.path])["business"]["people"][0]  # type: ignore[index]
    # Another person's "I don't know" does not stop Ana's "No".
    other = "business.people[1].record.pending_charges[0].instrument"
    assert apply_none(start, convicted, [other])["business"]["people"][0]["record"] == {}  # type: ignore[index]


def test_yes_then_i_dont_know_names_the_unknown_part() -> None:
    # "Yes" to the conviction question fills Ana's record; "I don't know" to the charge question
    # then lists pending_charges as unknown, so the empty charge list is not read as "no charge".
    # A later real answer to that question ("No", or "Yes, indicted") takes it off the list.
    from secondchance.web.interview import _starters, apply_answer, apply_none, apply_unknown

    questions = {q.path: q for q in _starters("sba")}
    convicted = questions["business.people[0].record.convictions[0].jurisdiction"]
    charged = questions["business.people[0].record.pending_charges[0].instrument"]
    supervised = questions["business.people[0].record.supervision[0].kind"]
    start: dict[str, object] = {"business": {"name": "B", "people": [{"name": "Ana"}]}}

    said_yes = apply_answer(start, convicted, {"value": "federal"})
    unknown = apply_unknown(said_yes, charged)
    ana = unknown["business"]["people"][0]["record"]  # type: ignore[index]
    assert ana == {"convictions": [{"jurisdiction": "federal"}], "unknown": ["pending_charges"]}
    both = apply_unknown(unknown, supervised)
    assert both["business"]["people"][0]["record"]["unknown"] == [  # type: ignore[index]
        "pending_charges",
        "supervision",
    ]
    assert apply_unknown(both, supervised) == both  # asked twice, listed once

    no_charge = apply_none(both, charged)
    assert no_charge["business"]["people"][0]["record"]["unknown"] == ["supervision"]  # type: ignore[index]
    indicted = apply_answer(unknown, charged, {"value": "indictment"})
    assert indicted["business"]["people"][0]["record"] == {  # type: ignore[index]
        "convictions": [{"jurisdiction": "federal"}],
        "pending_charges": [{"instrument": "indictment"}],
    }


def test_sba_interview_unknown_part_gives_insufficient_facts_naming_it() -> None:
    # Ana, 100% owner since 2015, convicted (federal court, no more known), "I don't know"
    # whether charged now, no supervision; application 2024-06-03 (the text from 2024-05-30:
    # 13 CFR 120.110(n) bars an Associate "under indictment for a felony ..."). Whatever the
    # conviction, a pending felony indictment would bar: 7(a) cannot clear her ->
    # insufficient_facts naming business.people[0].record.pending_charges.
    from secondchance.web.interview import (
        _starters,
        apply_answer,
        apply_none,
        apply_unknown,
        key,
        next_question,
    )

    questions = {q.path: q for q in _starters("sba")}
    record: dict[str, object] = {
        "application_date": "2024-06-03",
        "business": {
            "name": "B",
            "people": [{"name": "Ana", "roles": [{"role": "owner", "ownership_percent": 100}]}],
        },
    }
    record = apply_answer(
        record,
        questions["business.people[0].record.convictions[0].jurisdiction"],
        {"value": "federal"},
    )
    record = apply_unknown(
        record, questions["business.people[0].record.pending_charges[0].instrument"]
    )
    record = apply_none(record, questions["business.people[0].record.supervision[0].kind"])
    # The interview asks only the court of a conviction; a conviction with no sentence recorded
    # could be a prison term running (insufficient facts naming its sentence). Here her sentence
    # is stated as a fine alone (18 U.S.C. 3551(b)), nothing to serve, so the charge decides.
    people = record["business"]["people"]  # type: ignore[index]
    people[0]["record"]["convictions"][0]["sentence"] = {"imposed_on": "2016-03-01", "fine": 500}
    report = evaluate(validate(record, "record.json"), date(2024, 6, 3))
    seven_a = next(d for d in report.determinations if d.program == "sba.7a")
    assert seven_a.outcome.value == "insufficient_facts"
    assert "business.people[0].record.pending_charges" in seven_a.missing_facts
    # The person was asked and does not know: the interview does not ask about it again.
    asked = {key(q.path) for q in questions.values()}
    missing = [m for d in report.determinations for m in d.missing_facts]
    following = next_question("sba", record, missing, asked)
    assert following is None or "pending_charges" not in following.path


def test_sba_interview_no_then_unknown_leaves_the_owner_s_record_unknown(app) -> None:  # type: ignore[no-untyped-def]
    # "No" to the conviction question, "I don't know" to the charge question, "No" to the
    # supervision question: whether the owner faces a charge is unknown, so their record lists
    # pending_charges as unknown and every SBA program answers insufficient_facts naming it.
    client = sign_in(app, "advocate@a.org")
    case = new_case(client, goal="sba")
    answer(client, case, value="Ortiz Bakery")
    answer(client, case, value="Maria Ortiz")
    answer(client, case, value="owner")
    answer(client, case, value="100")
    answer(client, case, value="2024-06-03")
    answer(client, case, action="none")
    answer(client, case, action="unknown")
    answer(client, case, action="none")
    record = client.get(f"/cases/{case}/record.json").json()
    assert record["business"]["people"][0]["record"] == {"unknown": ["pending_charges"]}
    report = evaluate(validate(record, "record.json"), date(2024, 6, 3))
    seven_a = next(d for d in report.determinations if d.program == "sba.7a")
    assert seven_a.outcome.value == "insufficient_facts"
    assert "business.people[0].record.pending_charges" in seven_a.missing_facts


def test_each_missing_fact_the_engine_names_has_a_plain_question() -> None:
    from secondchance.web.interview import next_question, question_for

    record = {"business": {"name": "B", "people": [{"name": "Ana"}, {"name": "Luis Ortiz"}]}}
    path = "business.people[1].record.pending_charges[0].counts[0].felony"
    asked = question_for(path, record)
    assert asked is not None and asked.text == "Was this offense a felony?"
    assert asked.about == "Luis Ortiz, pending charge 1, count 1"
    assert [c for c, _ in asked.choices] == ["yes", "no"]
    custody = question_for("custody[] (a period for convictions[0], and its end)", {})
    assert custody is not None and custody.kind == "custody"
    # Starters first; once they are asked, the engine's missing facts in its order, skipping
    # what was already asked (an "I don't know" is not asked again).
    done = {
        "convictions[0].jurisdiction",
        "convictions[0].counts[0].statute",
        "convictions[0].conviction_date",
        "convictions[0].sentence.imprisonment",
        "convictions[0].sentencing_date",
        "custody[]",
        "fsa.removal_orders[0].kind",
    }
    missing = ["convictions[0].counts[0].felony", "fsa.risk_assessments"]
    risk = next_question("release", {}, missing, done)  # a starter of this goal now
    assert risk is not None and risk.kind == "risk"
    done.add("fsa.risk_assessments")
    first = next_question("release", {}, missing, done)
    assert first is not None and first.path == "convictions[0].counts[0].felony"
    second = next_question("release", {}, missing, done | {"convictions[0].counts[0].felony"})
    assert second is None


def test_a_whole_part_of_a_record_is_asked_as_its_yes_no_question() -> None:
    # A missing fact naming a whole list (a part stated unknown) is asked as the part's one
    # question, never as free text written into a list; a group the interview cannot ask as one
    # answer (clemency, fsa) is left to the record file.
    from secondchance.web.interview import apply_answer, apply_none, apply_unknown, question_for

    owner = {"business": {"people": [{"name": "A", "record": {"unknown": ["pending_charges"]}}]}}
    asked = question_for("business.people[0].record.pending_charges", owner)
    assert asked is not None and asked.kind == "choice"
    assert asked.path == "business.people[0].record.pending_charges[0].instrument"
    assert question_for("clemency", {}) is None and question_for("fsa", {}) is None
    # The record's own person: "No" takes the part off the unknown list, "I don't know" puts it
    # on, a real answer records it and takes it off.
    own = {"person": {"name": "A"}, "unknown": ["pending_charges"]}
    question = question_for("pending_charges", own)
    assert question is not None and question.path == "pending_charges[0].instrument"
    assert apply_none(own, question, []) == {"person": {"name": "A"}}
    assert apply_unknown({"person": {"name": "A"}}, question) == own
    assert apply_answer(own, question, {"value": "indictment"}) == {
        "person": {"name": "A"},
        "pending_charges": [{"instrument": "indictment"}],
    }


def test_a_remembered_i_dont_know_is_carried_onto_a_record_a_later_answer_makes() -> None:
    # A case begun before the unknown list: "I don't know" to "ever convicted?" left the owner's
    # record out (remembered as a path). "Yes, by complaint" to "charged now?" then makes the
    # record with only the charge: the convictions stay unknown, never "none".
    from secondchance.web.interview import carry_unknown

    asked = "business.people[0].record.convictions[0].jurisdiction"
    charged = {"name": "A", "record": {"pending_charges": [{"instrument": "complaint"}]}}
    got = carry_unknown({"business": {"people": [charged]}}, [asked])
    assert got["business"]["people"][0]["record"]["unknown"] == ["convictions"]
    # A record whose convictions are stated, or one still left out: unchanged.
    stated = {"name": "A", "record": {"convictions": [{"jurisdiction": "state"}]}}
    assert carry_unknown({"business": {"people": [stated]}}, [asked]) == {
        "business": {"people": [stated]}
    }
    left_out = {"business": {"people": [{"name": "A"}]}}
    assert carry_unknown(left_out, [asked]) == left_out


def test_a_record_part_question_is_read_back_by_its_own_words() -> None:
    # The answer to "charged now?" comes back by its path (...pending_charges[0].instrument):
    # it is the same question (its words are what the "I don't know" list shows), never the
    # schema's bare "Instrument". The record's own conviction is still asked by its court.
    from secondchance.web.interview import question_for

    charged = question_for("business.people[0].record.pending_charges[0].instrument", {})
    assert charged is not None and charged.text.startswith("Is this person charged")
    own = question_for("convictions[0].jurisdiction", {})
    assert own is not None and own.text == "Which court convicted the person?"


def _outcomes(client, case: str, as_of: date) -> dict[str, str]:  # type: ignore[no-untyped-def]
    record = client.get(f"/cases/{case}/record.json").json()
    report = evaluate(validate(record, "record.json"), as_of)
    return {d.program: d.outcome.value for d in report.determinations}


def _asks(client, case: str) -> str:  # type: ignore[no-untyped-def]
    """The words of the question the interview shows now ('' at the end)."""
    import html
    import re

    found = re.search(
        r'<h2 id="question">([^<]*)</h2>', client.get(f"/cases/{case}/interview").text
    )
    return html.unescape(found[1]) if found else ""


def _released_2014(client, goal: str = "pardon") -> str:  # type: ignore[no-untyped-def]
    case = new_case(client, goal=goal)
    answer(client, case, value="federal")
    answer(client, case, value="18 U.S.C. 1343")
    answer(client, case, value="2012-03-01")
    answer(client, case, value="24 months")
    answer(client, case, start="2012-05-01", end="2014-03-01")
    return case


def test_pardon_interview_asks_supervision_and_money_owed_before_it_ends(app) -> None:  # type: ignore[no-untyped-def]
    # Released 2014-03-01: the five-year wait (28 CFR 1.2) ended 2019-03-01. Before the review
    # the interview ended here and showed ELIGIBLE, reading supervision and fines as "none".
    # Now it asks them; until they are answered the answers are marked unfinished, on the
    # interview and on the case page.
    client = sign_in(app, "advocate@a.org")
    case = _released_2014(client)
    assert _asks(client, case).startswith("Is this person on probation, parole or supervised")
    assert 'id="unfinished"' in client.get(f"/cases/{case}/interview").text
    assert 'id="unfinished"' in client.get(f"/cases/{case}").text
    # Supervised release that began on release (2014-03-01) with no end: still running, and
    # the Office generally takes no petition while on supervision → needs_review.
    answer(client, case, value="supervised_release")
    assert _asks(client, case).startswith("When did the supervised release begin")
    answer(client, case, start="2014-03-01")  # no set end
    assert "fine" in _asks(client, case)
    answer(client, case, action="none")
    assert "restitution" in _asks(client, case)
    answer(client, case, action="none")
    record = client.get(f"/cases/{case}/record.json").json()
    assert record["supervision"] == [{"kind": "supervised_release", "start": "2014-03-01"}]
    sentence = record["convictions"][0]["sentence"]
    assert sentence["fine_owed"] == 0 and sentence["restitution_owed"] == 0
    assert _outcomes(client, case, date(2026, 12, 7))["clemency.pardon_petition"] == (
        "needs_review"
    )


def test_pardon_interview_no_supervision_nothing_owed_is_eligible_only_at_the_end(app) -> None:  # type: ignore[no-untyped-def]
    # No supervision, nothing owed, wait over on 2019-03-01 (2014-03-01 + 5 years): eligible,
    # and only now is the interview finished (no "unfinished" notice).
    client = sign_in(app, "advocate@a.org")
    case = _released_2014(client)
    answer(client, case, action="none")
    answer(client, case, action="none")
    page = answer(client, case, action="none").text
    assert "No more questions" in page and 'id="unfinished"' not in page
    assert _outcomes(client, case, date(2026, 12, 7))["clemency.pardon_petition"] == "eligible"


def test_pardon_interview_asks_when_supervision_began_and_ended(app) -> None:  # type: ignore[no-untyped-def]
    # Released 2014-03-01, then three years of supervised release, 2014-03-01 to 2017-02-28;
    # the fine: "I don't know". Before the fix the interview never asked when the supervised
    # release ended (only, among the engine's facts, "First day of the period."), so on
    # 2026-12-07 the pardon answer read it as still running ("generally no petition while on
    # supervised release", needs_review) and the unknown fine was not the answer's reason. With
    # both days: the wait ended 2019-03-01 (2014-03-01 + 5 years, 28 CFR 1.2), supervision ended
    # 2017-02-28, so only the fine is open: insufficient_facts naming it.
    client = sign_in(app, "advocate@a.org")
    case = _released_2014(client)
    answer(client, case, value="supervised_release")
    assert _asks(client, case) == (
        "When did the supervised release begin, and when did (or will) it end?"
    )
    answer(client, case, start="2014-03-01", end="2017-02-28")
    assert "fine" in _asks(client, case)
    answer(client, case, action="unknown")
    answer(client, case, action="none")  # restitution
    record = client.get(f"/cases/{case}/record.json").json()
    assert record["supervision"] == [
        {"kind": "supervised_release", "start": "2014-03-01", "end": "2017-02-28"}
    ]
    report = evaluate(validate(record, "record.json"), date(2026, 12, 7))
    pardon = next(d for d in report.determinations if d.program == "clemency.pardon_petition")
    assert pardon.outcome.value == "insufficient_facts"
    assert pardon.missing_facts == ["convictions[0].sentence.fine_owed"]
    assert _asks(client, case) == ""


def test_pardon_interview_unknown_supervision_or_restitution_owed_never_clears(app) -> None:  # type: ignore[no-untyped-def]
    client = sign_in(app, "advocate@a.org")
    # "I don't know" whether on supervision: the record lists it unknown → insufficient_facts.
    case = _released_2014(client)
    answer(client, case, action="unknown")
    answer(client, case, action="none")
    answer(client, case, action="none")
    record = client.get(f"/cases/{case}/record.json").json()
    assert record["unknown"] == ["supervision"]
    assert _outcomes(client, case, date(2026, 12, 7))["clemency.pardon_petition"] == (
        "insufficient_facts"
    )
    # $240,000 of restitution still owed: the Office's instructions ask that the penalty be
    # satisfied → needs_review.
    owing = _released_2014(client)
    answer(client, owing, action="none")
    answer(client, owing, action="none")
    answer(client, owing, value="$240,000")
    record = client.get(f"/cases/{owing}/record.json").json()
    assert record["convictions"][0]["sentence"]["restitution_owed"] == 240000
    assert _outcomes(client, owing, date(2026, 12, 7))["clemency.pardon_petition"] == (
        "needs_review"
    )


def test_pardon_interview_i_dont_know_whether_a_fine_is_owed_never_clears(app) -> None:  # type: ignore[no-untyped-def]
    # Released 2014-03-01: the five-year wait (28 CFR 1.2) ended 2019-03-01; no supervision and
    # no restitution owed. Whether a fine is still owed: "I don't know". Owed, the Office's
    # instructions ask that the penalty be satisfied (needs_review); paid or none, eligible: so
    # on 2026-12-07 insufficient_facts naming convictions[0].sentence.fine_owed, which the
    # record states unknown (format 1.2). Before: eligible (no fine recorded read as none).
    client = sign_in(app, "advocate@a.org")
    case = _released_2014(client)
    answer(client, case, action="none")  # supervision
    assert "fine" in _asks(client, case)
    answer(client, case, action="unknown")
    assert "restitution" in _asks(client, case)
    answer(client, case, action="none")
    record = client.get(f"/cases/{case}/record.json").json()
    assert record["unknown"] == ["convictions[0].sentence.fine_owed"]
    assert "fine_owed" not in record["convictions"][0]["sentence"]
    report = evaluate(validate(record, "record.json"), date(2026, 12, 7))
    pardon = next(d for d in report.determinations if d.program == "clemency.pardon_petition")
    assert pardon.outcome.value == "insufficient_facts"
    assert pardon.missing_facts == ["convictions[0].sentence.fine_owed"]
    # The same for restitution.
    unsure = _released_2014(client)
    answer(client, unsure, action="none")
    answer(client, unsure, action="none")
    answer(client, unsure, action="unknown")
    record = client.get(f"/cases/{unsure}/record.json").json()
    assert record["unknown"] == ["convictions[0].sentence.restitution_owed"]
    report = evaluate(validate(record, "record.json"), date(2026, 12, 7))
    pardon = next(d for d in report.determinations if d.program == "clemency.pardon_petition")
    assert pardon.outcome.value == "insufficient_facts"
    assert pardon.missing_facts == ["convictions[0].sentence.restitution_owed"]


def _serving_since_2020(client) -> str:  # type: ignore[no-untyped-def]
    case = new_case(client, goal="release")
    answer(client, case, value="federal")
    answer(client, case, value="18 U.S.C. 1343")
    answer(client, case, value="2020")
    answer(client, case, value="120 months")
    answer(client, case, value="2020-03")  # sentenced
    answer(client, case, start="2020-03")
    return case


def test_release_interview_asks_the_sentencing_day_the_dates_need(app) -> None:  # type: ignore[no-untyped-def]
    # Before the fix the interview never asked when the person was sentenced, ended, and the
    # "When the person gets out" card said the dates "cannot be computed yet" (the sentence
    # commences no earlier than sentencing, 18 U.S.C. 3585(a)), with no question left to ask.
    client = sign_in(app, "advocate@a.org")
    case = new_case(client, goal="release")
    answer(client, case, value="federal")
    answer(client, case, value="18 U.S.C. 1343")
    answer(client, case, value="2019-11-04")  # plea
    answer(client, case, value="120 months")
    assert _asks(client, case) == "When was the person sentenced?"
    answer(client, case, value="2020-03-02")
    answer(client, case, start="2020-03-02")  # taken into custody the day of sentencing
    answer(client, case, action="none")  # no order of removal, no detainer
    answer(client, case, level="low", assessed_on="2025-09-15")
    assert _asks(client, case) == ""
    card = client.get(f"/cases/{case}").text
    assert "cannot be computed" not in card
    # Commenced 2020-03-02 (in custody on the day of sentencing, 3585(a)); 120 months = 10
    # years, so the full term's last day is 2030-03-01; good conduct time 54 days for each of
    # the 10 years imposed (3624(b)(1)) = 540 days: 2030-03-01 - 540 days = 2028-09-07.
    assert "Projected release with good conduct time: 2028-09-07" in card


def test_release_interview_asks_removal_and_risk(app) -> None:  # type: ignore[no-untyped-def]
    # Wire fraud, serving since March 2020: before the review the interview ended here with
    # time credits ELIGIBLE, never asking about an order of removal (18 U.S.C. 3632(d)(4)(E)).
    client = sign_in(app, "advocate@a.org")
    case = _serving_since_2020(client)
    assert _asks(client, case).startswith("Has an immigration judge")
    answer(client, case, value="final_order")
    assert _asks(client, case).startswith("What is the person's latest PATTERN risk")
    answer(client, case, level="low", assessed_on="2024-01")
    answer(client, case, value="2021-05-01")  # the engine asks the order's date
    record = client.get(f"/cases/{case}/record.json").json()
    assert record["fsa"]["removal_orders"] == [{"kind": "final_order", "issued_on": "2021-05-01"}]
    assert _outcomes(client, case, date(2026, 12, 7))["fsa.time_credits"] == "not_eligible"
    # "I don't know" whether ordered removed: fsa stated unknown → insufficient_facts.
    unsure = _serving_since_2020(client)
    answer(client, unsure, action="unknown")
    assert client.get(f"/cases/{unsure}/record.json").json()["unknown"] == ["fsa"]
    assert _outcomes(client, unsure, date(2026, 12, 7))["fsa.time_credits"] == "insufficient_facts"
    # A detainer alone: not an order of removal, but for review.
    held = _serving_since_2020(client)
    answer(client, held, value="detainer")
    assert client.get(f"/cases/{held}/record.json").json()["fsa"] == {"immigration_detainers": [{}]}
    assert _outcomes(client, held, date(2026, 12, 7))["fsa.time_credits"] == "needs_review"
    # No order and no detainer, risk low: eligible, and the interview has ended.
    clear = _serving_since_2020(client)
    answer(client, clear, action="none")
    page = answer(client, clear, level="low", assessed_on="2024-01").text
    assert _outcomes(client, clear, date(2026, 12, 7))["fsa.time_credits"] == "eligible"
    assert "unknown" not in client.get(f"/cases/{clear}/record.json").json()
    assert "No more questions" in page


def _bakery_owner(client, share: str = "60") -> str:  # type: ignore[no-untyped-def]
    case = new_case(client, goal="sba")
    answer(client, case, value="Ortiz Bakery")
    answer(client, case, value="Maria Ortiz")
    answer(client, case, value="owner")
    answer(client, case, value=share)
    answer(client, case, value="2024-06-03")
    for _ in range(3):
        answer(client, case, action="none")
    return case


def test_a_case_answered_no_one_else_before_the_statement_is_asked_again() -> None:
    # A case begun before "No / none" wrote business.no_other_owner_of_20_percent: Maria 60%,
    # nothing to report, "Is there anyone else ...?" answered "No / none" (asked, no statement).
    # 100 - 60 = 40 unaccounted (> 20, 13 CFR 120.10): the engine names business.people, so
    # the question is asked again, with a note; "No / none" then writes the statement → 7(a)
    # eligible, and nothing is asked again.
    from secondchance.web.interview import _starters, apply_none, next_question

    record: dict[str, object] = {
        "application_date": "2024-06-03",
        "business": {
            "name": "Ortiz Bakery",
            "people": [
                {"name": "Maria Ortiz", "roles": [{"role": "owner", "ownership_percent": 60}],
                 "record": {}}
            ],
        },
    }  # fmt: skip
    asked = {q.path for q in _starters("sba", record)}
    assert "business.people[1].name" in asked
    det = next(
        d
        for d in evaluate(validate(record, "r"), date(2024, 6, 3)).determinations
        if d.program == "sba.7a"
    )
    assert det.outcome.value == "insufficient_facts" and det.missing_facts == ["business.people"]
    question = next_question("sba", record, det.missing_facts, asked)
    assert question is not None and question.path == "business.people[1].name"
    assert question.note.startswith("Asked again.")
    stated = apply_none(record, question)
    assert stated["business"]["no_other_owner_of_20_percent"] is True
    report = evaluate(validate(stated, "r"), date(2024, 6, 3))
    det = next(d for d in report.determinations if d.program == "sba.7a")
    assert det.outcome.value == "eligible"
    assert next_question("sba", stated, det.missing_facts, asked) is None


def test_no_one_else_stated_is_not_asked_again_for_an_earlier_day() -> None:
    # Maria 60% since 2015, Luis 20% from 2024-04-01 (a record with dates, edited by hand),
    # "No / none" already stated. Six months back from 2024-06-03 is 2023-12-03: until
    # 2024-03-31 only 60 is listed, 40 unaccounted, 20 more than on the day (100 - 80 = 20),
    # which the statement (about the day) does not describe; 40 > 20 (13 CFR 120.10 para. (3))
    # -> 7(a) insufficient_facts naming business.people. "No / none" again would not settle
    # it: "Is there anyone else ...?" is not asked again (it used to be, without end).
    from secondchance.web.interview import _starters, next_question

    record: dict[str, object] = {
        "application_date": "2024-06-03",
        "business": {
            "name": "Ortiz Bakery",
            "no_other_owner_of_20_percent": True,
            "people": [
                {"name": "Maria Ortiz", "record": {},
                 "roles": [{"role": "owner", "ownership_percent": 60, "start": "2015-01-01"}]},
                {"name": "Luis Ortiz", "record": {},
                 "roles": [{"role": "owner", "ownership_percent": 20, "start": "2024-04-01"}]},
            ],
        },
    }  # fmt: skip
    asked = {q.path for q in _starters("sba", record)} | {"business.people[2].name"}
    det = next(
        d
        for d in evaluate(validate(record, "r"), date(2024, 6, 3)).determinations
        if d.program == "sba.7a"
    )
    assert det.outcome.value == "insufficient_facts" and det.missing_facts == ["business.people"]
    assert next_question("sba", record, det.missing_facts, asked) is None


def test_sba_interview_asks_about_every_associate_until_no(app) -> None:  # type: ignore[no-untyped-def]
    # 13 CFR 120.110(n) reaches every 20%+ owner, officer, director, general partner and key
    # employee. Maria (60%, clean) alone used to give 7(a) ELIGIBLE; Luis owns the other 40%
    # and whether he was ever convicted is not known → insufficient_facts naming his record.
    client = sign_in(app, "advocate@a.org")
    case = _bakery_owner(client)
    assert _asks(client, case).startswith("Is there anyone else who owns 20% or more")
    answer(client, case, value="Luis Ortiz")
    answer(client, case, value="owner")
    answer(client, case, value="40")
    answer(client, case, action="unknown")  # ever convicted?
    answer(client, case, action="none")
    answer(client, case, action="none")
    assert _asks(client, case).startswith("Is there anyone else")  # asked again, until No
    page = answer(client, case, action="none").text
    assert "No more questions" in page
    record = client.get(f"/cases/{case}/record.json").json()
    luis = record["business"]["people"][1]
    assert luis["name"] == "Luis Ortiz" and luis["record"] == {"unknown": ["convictions"]}
    report = evaluate(validate(record, "record.json"), date(2024, 6, 3))
    seven_a = next(d for d in report.determinations if d.program == "sba.7a")
    assert seven_a.outcome.value == "insufficient_facts"
    assert "business.people[1].record.convictions" in seven_a.missing_facts


def test_sba_interview_i_dont_know_whether_anyone_else_never_clears(app) -> None:  # type: ignore[no-untyped-def]
    # "I don't know" whether anyone else holds 20% or a role (13 CFR 120.110(n) reaches every
    # Associate): the record states `business.people` unknown (format 1.2), with no stand-in
    # person. Maria (60%, no record to report, application 2024-06-03) alone would make 7(a)
    # eligible; with the business's other people not known → insufficient_facts naming
    # business.people, and the question is not asked again. (Before: a placeholder person
    # with role owner was added, and the answer named business.people[1].record.)
    client = sign_in(app, "advocate@a.org")
    case = _bakery_owner(client)
    page = answer(client, case, action="unknown").text
    assert "No more questions" in page
    record = client.get(f"/cases/{case}/record.json").json()
    assert [p["name"] for p in record["business"]["people"]] == ["Maria Ortiz"]
    assert record["unknown"] == ["business.people"]
    report = evaluate(validate(record, "record.json"), date(2024, 6, 3))
    for det in report.determinations:
        if det.program.startswith("sba."):
            assert det.outcome.value == "insufficient_facts", det.program
            assert det.missing_facts == ["business.people"], det.program


def test_i_dont_know_to_the_statute_is_not_asked_again(app) -> None:  # type: ignore[no-untyped-def]
    # The engine names convictions[0].counts missing; the question asked was
    # convictions[0].counts[0].statute: the parent path is covered by the child asked.
    client = sign_in(app, "advocate@a.org")
    case = new_case(client, goal="release")
    answer(client, case, value="federal")
    assert _asks(client, case) == "Which law was the offense under?"
    answer(client, case, action="unknown")
    assert _asks(client, case) == "When was the person convicted?"
    answer(client, case, value="2020")
    answer(client, case, value="120 months")
    answer(client, case, start="2020-03")
    answer(client, case, action="none")
    answer(client, case, action="unknown")
    for _ in range(10):
        if _asks(client, case) in ("", "Which law was the offense under?"):
            break
        answer(client, case, action="unknown")
    assert _asks(client, case) != "Which law was the offense under?"


def test_i_dont_know_to_the_court_is_not_a_missing_conviction() -> None:
    # "Which court convicted the person?" is a field question, never "ever convicted?": "I
    # don't know" leaves the field out (the interview moves on), never unknown: [convictions].
    from secondchance.web.interview import (
        apply_none,
        apply_unknown,
        carry_unknown,
        next_question,
        question_for,
    )

    court = question_for("convictions[0].jurisdiction", {})
    assert court is not None
    held = {"convictions": [{"counts": [{"statute": "18 U.S.C. 1343"}]}]}
    assert apply_unknown(held, court) == held
    assert apply_unknown({}, court) == {}
    assert apply_none(held, court) == held
    assert carry_unknown(held, ["convictions[0].jurisdiction"]) == held
    following = next_question("pardon", {}, [], {"convictions[0].jurisdiction"})
    assert following is not None and following.path == "convictions[0].counts[0].statute"


def test_no_custody_question_for_a_sentence_without_prison(app) -> None:  # type: ignore[no-untyped-def]
    # "0 months" (or probation only): no question about days in custody; where custody is
    # asked, "No / none" (never in custody) is offered and moves on.
    from secondchance.web.interview import next_question, question_for

    record = {
        "convictions": [
            {
                "jurisdiction": "federal",
                "counts": [{"statute": "18 U.S.C. 1343"}],
                "conviction_date": "2012",
                "sentence": {"imprisonment": "0 months"},
            }
        ]
    }
    asked = {
        "convictions[0].jurisdiction",
        "convictions[0].counts[0].statute",
        "convictions[0].conviction_date",
        "convictions[0].sentence.imprisonment",
    }
    following = next_question("pardon", record, ["custody[] (a period for convictions[0])"], asked)
    assert following is not None and following.kind != "custody"
    probation = {
        "convictions": [{**record["convictions"][0], "sentence": {"probation": "3 years"}}]
    }  # type: ignore[dict-item]
    following = next_question("pardon", probation, [], asked)
    assert following is not None and following.kind != "custody"
    custody = question_for("custody[] (a period for convictions[0])", {})
    assert custody is not None and custody.allow_none and "never in prison" in custody.help

    client = sign_in(app, "advocate@a.org")
    case = new_case(client, goal="pardon")
    answer(client, case, value="federal")
    answer(client, case, value="18 U.S.C. 1343")
    answer(client, case, value="2012-03-01")
    answer(client, case, value="0 months")
    assert _asks(client, case).startswith("Is this person on probation")
    served = new_case(client, goal="pardon")
    for value in ("federal", "18 U.S.C. 1343", "2012-03-01", "24 months"):
        answer(client, served, value=value)
    assert _asks(client, served).startswith("When did the person go to federal prison")
    answer(client, served, action="none")
    assert _asks(client, served).startswith("Is this person on probation")


def _walk(goal: str, answered: int) -> list[str]:
    """The interview in process: the first ``answered`` questions get an ordinary answer, every
    later one "I don't know"; the paths asked, in order. Fails if a question comes twice."""
    from secondchance.web.casework import assess
    from secondchance.web.interview import (
        apply_answer,
        apply_none,
        apply_unknown,
        carry_unknown,
        key,
        next_question,
    )

    sample = {
        "choice": lambda q: {"value": q.choices[0][0]},
        "date": lambda q: {"value": "2015-01-01"},
        "term": lambda q: {"value": "24 months"},
        "number": lambda q: {"value": "30"},
        "money": lambda q: {"value": "100"},
        "bool": lambda q: {"value": "yes"},
        "text": lambda q: (
            {"action": "none"}  # a second associate, then "no one else"
            if q.path == "business.people[2].name"
            else {"value": "Luis" if "people" in q.path else "18 U.S.C. 1343"}
        ),
        "custody": lambda q: {"start": "2015-02-01", "end": "2017-01-01"},
        "period": lambda q: {"start": "2017-01-01", "end": "2019-12-31"},
        "risk": lambda q: {"level": "low", "assessed_on": "2024-01-01"},
        "findings": lambda q: {"action": "none"},
    }
    record: dict[str, object] = {}
    asked: list[str] = []
    unknown_paths: list[str] = []
    for step in range(80):
        seen = assess(goal, record, date(2026, 12, 7))
        missing = [m for d in seen.goal for m in d.missing_facts]
        question = next_question(goal, record, missing, set(asked))
        if question is None:
            return asked
        assert key(question.path) not in asked, (goal, answered, question.path, asked)
        asked.append(key(question.path))
        if step < answered:
            form = sample[question.kind](question)
            if form.get("action") == "none":
                record = apply_none(record, question, unknown_paths)
            else:
                record = apply_answer(record, question, form)
        else:
            record = apply_unknown(record, question)
            unknown_paths.append(key(question.path))
        record = carry_unknown(record, unknown_paths)
    raise AssertionError(f"{goal}: no end after 80 questions: {asked}")


def test_i_dont_know_never_brings_the_same_question_back() -> None:
    # For each goal and each point of the interview: ordinary answers up to there, then "I
    # don't know" to every question: each question is asked once, and the interview ends.
    for goal in ("pardon", "release", "sba"):
        longest = _walk(goal, 80)
        for answered in range(len(longest) + 1):
            _walk(goal, answered)


def test_an_answer_given_later_takes_the_field_off_the_unknown_list() -> None:
    # "I don't know" lists the field; an amount, "No / none" or a name given later for the
    # same question takes it off again (a field both given and stated unknown is refused by
    # the record format).
    from secondchance.web.interview import (
        _another_person,
        _owed_question,
        apply_answer,
        apply_none,
        apply_unknown,
    )

    record = {"convictions": [{"jurisdiction": "federal", "sentence": {}}]}
    fine = _owed_question("fine")
    unsure = apply_unknown(record, fine)
    assert unsure["unknown"] == ["convictions[0].sentence.fine_owed"]
    paid = apply_answer(unsure, fine, {"value": "$1,200"})
    assert "unknown" not in paid and paid["convictions"][0]["sentence"]["fine_owed"] == 1200
    assert "unknown" not in apply_none(unsure, fine)
    validate(paid, "record.json")
    business = {"business": {"name": "B", "people": [{"name": "M", "roles": [{"role": "owner"}]}]}}
    another = _another_person(1)
    nobody_known = apply_unknown(business, another)
    assert nobody_known["unknown"] == ["business.people"]
    assert len(nobody_known["business"]["people"]) == 1
    assert "unknown" not in apply_none(nobody_known, another)
    named = apply_answer(nobody_known, another, {"value": "Luis Ortiz"})
    assert "unknown" not in named and named["business"]["people"][1]["name"] == "Luis Ortiz"


def test_which_conviction_a_supervision_is_for_is_chosen_not_typed_as_an_id() -> None:
    # The Microloan rule asks which offense a period of supervision is for (13 CFR
    # 120.707(a)): the engine names supervision[0].conviction_id. Before the fix the interview
    # asked "Conviction id" with a text box (the record's internal id, "c1", which no person
    # knows). Now: a choice of the person's convictions, by law and date; the choice gives the
    # conviction an id and the period that id.
    from secondchance.web.interview import apply_answer, question_for

    record = {
        "business": {
            "name": "Rivera Plumbing LLC",
            "people": [
                {
                    "name": "Dana Rivera",
                    "record": {
                        "convictions": [
                            {
                                "jurisdiction": "federal",
                                "conviction_date": "2021-06-10",
                                "counts": [{"statute": "18 U.S.C. 1343"}],
                            }
                        ],
                        "supervision": [{"kind": "supervised_release", "start": "2024-02-01"}],
                    },
                }
            ],
        }
    }
    path = "business.people[0].record.supervision[0].conviction_id"
    asked = question_for(path, record)
    assert asked is not None and asked.text == "Which conviction is the supervised release for?"
    assert asked.choices == (("0", "Conviction 1 (18 U.S.C. 1343, 2021-06-10)"),)
    assert asked.about == "Dana Rivera, supervision period 1"
    updated = apply_answer(record, asked, {"value": "0"})
    own = updated["business"]["people"][0]["record"]
    assert own["convictions"][0]["id"] == "c1"
    assert own["supervision"][0]["conviction_id"] == "c1"


@pytest.mark.parametrize(
    ("leaf", "text"),
    [
        (
            "riot_or_civil_disorder",
            "Was this offense committed during and in connection with a riot, a civil disorder "
            "or a declared disaster?",
        ),
        (
            "financial_misconduct",
            "Was this a crime involving or relating to financial misconduct?",
        ),
        ("against_children", "Was this an offense against children?"),
        ("weapon", "Was a weapon involved in this offense?"),
    ],
)
def test_a_yes_no_fact_of_an_offense_is_asked_as_a_question(leaf: str, text: str) -> None:
    # Before: "Is this so? Committed during and in connection with a riot, ..." (the schema's
    # description behind "Is this so?").
    from secondchance.web.interview import question_for

    asked = question_for(f"business.people[0].record.convictions[0].counts[0].{leaf}", {})
    assert asked is not None and asked.text == text
    assert [c for c, _ in asked.choices] == ["yes", "no"]


def _reopen(client, case: str) -> str:  # type: ignore[no-untyped-def]
    """Click "Answer it now" beside the (first) "I don't know" answer; the interview's page."""
    import re

    from tests.web.conftest import csrf_of

    page = client.get(f"/cases/{case}").text
    found = re.search(r'action="/cases/[^/]+/reopen">.*?name="path" value="([^"]+)"', page)
    assert found, "no “Answer it now” beside the I don't know answer"
    done = client.post(
        f"/cases/{case}/reopen", data={"csrf_token": csrf_of(page), "path": found[1]}
    )
    assert done.status_code == 200, done.text[:300]
    return done.text


def test_an_i_dont_know_answer_can_be_answered_later_in_the_interview(app) -> None:  # type: ignore[no-untyped-def]
    # Before the fix an "I don't know" was never asked again and the pages offered no way to
    # answer it (only uploading a record file). Released 2014-03-01, no supervision, the fine
    # "I don't know", no restitution: insufficient_facts naming the fine. "Answer it now", and
    # $500 of the fine still owed: the Office's instructions ask that the penalty be satisfied
    # (28 CFR 1.2's wait ended 2019-03-01) → needs_review, and the fine is no longer unknown.
    client = sign_in(app, "advocate@a.org")
    case = _released_2014(client)
    answer(client, case, action="none")
    answer(client, case, action="unknown")
    answer(client, case, action="none")
    assert _asks(client, case) == ""
    page = _reopen(client, case)
    assert "Does the person still owe any fine" in page
    answer(client, case, value="$500")
    record = client.get(f"/cases/{case}/record.json").json()
    assert record["convictions"][0]["sentence"]["fine_owed"] == 500
    assert "unknown" not in record
    assert _outcomes(client, case, date(2026, 12, 7))["clemency.pardon_petition"] == (
        "needs_review"
    )
    assert "You answered “I don't know”" not in client.get(f"/cases/{case}").text
    # "Is there anyone else?" (SBA): "I don't know", then "Answer it now" and "No / none":
    # Maria alone (60%, nothing to report, application 2024-06-03) → 7(a) eligible.
    shop = _bakery_owner(client)
    answer(client, shop, action="unknown")
    assert _outcomes(client, shop, date(2024, 6, 3))["sba.7a"] == "insufficient_facts"
    assert "Is there anyone else" in _reopen(client, shop)
    answer(client, shop, action="none")
    record = client.get(f"/cases/{shop}/record.json").json()
    assert "unknown" not in record
    assert _outcomes(client, shop, date(2024, 6, 3))["sba.7a"] == "eligible"


def test_a_marijuana_count_s_own_words_are_asked_before_it_reads_as_pardoned(app) -> None:  # type: ignore[no-untyped-def]
    # D.C. Code 48-904.01(d)(1), sentenced 2015-09-01 to no prison, no supervision, nothing
    # owed; the judgment reads "possession of marijuana while armed". Before the fix the
    # interview ended without asking the count's description; with the person a U.S. citizen
    # (person.status) the same record without the words answers "already pardoned"
    # (Proclamation 10467 pardons simple possession and use only). With
    # the words asked: "while armed" is not simple possession, so the proclamation answer is for
    # review (needs_review), never a clearing "already pardoned".
    client = sign_in(app, "advocate@a.org")
    case = new_case(client, goal="pardon")
    answer(client, case, value="dc")
    answer(client, case, value="D.C. Code 48-904.01(d)(1)")
    answer(client, case, value="2015-07-01")
    answer(client, case, value="0 months")
    for _ in range(3):  # supervision, fine, restitution: none
        answer(client, case, action="none")
    while _asks(client, case) not in ("", "How does the judgment describe this offense?"):
        question = _asks(client, case)
        if "sentenced" in question:
            answer(client, case, value="2015-09-01")
        elif "drug" in question:
            answer(client, case, value="marijuana")
        elif "immigration" in question.lower() or "citizen" in question.lower():
            answer(client, case, value="us_citizen")
        else:
            raise AssertionError(f"unexpected question: {question}")
    assert _asks(client, case) == "How does the judgment describe this offense?"
    answer(client, case, value="possession of marijuana while armed")
    outcomes = _outcomes(client, case, date(2026, 12, 7))
    assert outcomes["clemency.marijuana_pardon"] == "needs_review"
    assert outcomes["clemency.pardon_petition"] != "not_applicable"
