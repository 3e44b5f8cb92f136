"""What the case page and the letters say in words: when the person gets out (the sentence
computation's dates), what the next change is and why, an answer's words said once, and record
paths written as words. Records from the user trial of the web pages (review s20r4)."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

from tests.web.conftest import csrf_of, new_case, sign_in

# The BOP "FSA Time Credit" handout's example 2: 60 months from arrival on 2025-01-01, low risk on
# the two consecutive assessments its figures assume (the second by the end of period 7).
HANDOUT = b"""
convictions:
  - id: c1
    jurisdiction: federal
    counts: [{statute: "18 U.S.C. 1343", description: wire fraud, offense_date: 2022-03-01}]
    sentencing_date: 2024-11-15
    sentence: {imposed_on: 2024-11-15, imprisonment: "60 months", supervised_release: "3 years"}
custody:
  - {kind: designated_facility, start: 2025-01-01, conviction_id: c1, facility: FPC Example}
fsa:
  risk_assessments: [{assessed_on: 2025-02-15, level: low}, {assessed_on: 2025-07-30, level: low}]
"""
# An owner on supervised release, application in March 2024: before the 2024 SBA rule.
BAKERY = b"""
application_date: 2024-03
business:
  name: Lee Family Bakery
  people:
  - name: Grace Lee
    record:
      convictions:
      - conviction_date: 2015-05
        counts: [{felony: true, statute: 21 U.S.C. 841(a)(1)}]
        jurisdiction: federal
      supervision: [{kind: supervised_release, start: '2022'}]
      unknown: [pending_charges]
    roles: [{ownership_percent: 60.0, role: owner}]
  - name: Daniel Lee  # owns the other 40%; nothing to report
    record: {}
    roles: [{ownership_percent: 40.0, role: owner}]
"""
POSSESSION = b"""
convictions:
- conviction_date: 2021-08
  counts: [{statute: 21 U.S.C. 844, substance: marijuana}]
  jurisdiction: federal
  sentence: {imprisonment: 0 months}
"""
CITIZEN = POSSESSION + b"person: {status: [{status: us_citizen}]}\n"
UNKNOWN = b"unknown: [convictions]\n"


def _case(client: TestClient, goal: str, record: bytes) -> str:
    case = new_case(client, goal=goal)
    page = client.get(f"/cases/{case}").text
    sent = client.post(
        f"/cases/{case}/record",
        data={"csrf_token": csrf_of(page), "version": "0"},
        files={"file": ("record.yaml", record, "application/yaml")},
    )
    assert sent.status_code == 200, sent.text[:300]
    return case


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_the_release_page_and_letter_say_when_the_person_gets_out(app) -> None:  # type: ignore[no-untyped-def]
    client = sign_in(app, "advocate@a.org")
    case = _case(client, "release", HANDOUT)
    # 60 months from 2025-01-01: full term 2029-12-31. Good conduct time 54 x 5 = 270 days:
    # day 365 - 270 = day 95 of 2029 = 2029-04-05 (Jan 31 + Feb 28 + Mar 31 = 90, + 5).
    # Time credits to supervised release, capped at 365 days: 2029-04-05 - 365 = 2028-04-05
    # (29 Feb 2028 lies before 5 April). Prerelease credits 125 days before 2028-04-05:
    # -5 to 03-31, -31 to 02-29, -29 to 01-31, -31 to 12-31, -29 to 2027-12-02.
    said = (
        "Projected release with good conduct time: 2029-04-05; with First Step Act time "
        "credits: 2028-04-05 (prerelease custody from 2027-12-02)"
    )
    for url in (f"/cases/{case}", f"/cases/{case}/letter/fsa.time_credits"):
        text = _text(client.get(url).text)
        assert "When the person gets out" in text and said in text, url
        assert "are a projection, not a promise. Assumes successful participation" in text
    # A letter for another program does not carry the dates.
    other = _text(client.get(f"/cases/{case}/letter/clemency.commutation_petition").text)
    assert said not in other


def test_the_next_change_says_when_to_what_and_why(app) -> None:  # type: ignore[no-untyped-def]
    client = sign_in(app, "advocate@a.org")
    case = _case(client, "sba", BAKERY)
    # Application March 2024; the 2024 SBA rule (89 FR 34094) applies to applications from
    # 2024-05-30: a change for an application made on or after that day, never a bare date.
    for url in (f"/cases/{case}", f"/cases/{case}/letter/sba.7a"):
        text = _text(client.get(url).text)
        assert "This answer changes on" not in text
        assert "For an application made on or after 2024-05-30, the answer would be" in text
    listed = _text(client.get("/").text)
    assert "2024-05-30" not in listed  # a next change already past is left out of the list


def test_an_answer_s_own_words_are_said_once(app) -> None:  # type: ignore[no-untyped-def]
    client = sign_in(app, "advocate@a.org")
    case = _case(client, "pardon", CITIZEN)
    # A citizen convicted in 2021 of simple possession of marijuana (21 U.S.C. 844) is pardoned
    # by Proclamation 10467 (Oct. 6, 2022); the label says the certificate may be applied for.
    for url in (f"/cases/{case}", f"/cases/{case}/letter/clemency.marijuana_pardon"):
        page = client.get(url).text
        letter = "/letter/" in url
        start = page.index("<h2>The answer" if letter else 'data-program="clemency.marijuana')
        end = page.index("<h2>Why" if letter else "<details", start)
        assert _text(page[start:end]).count("may apply for the certificate of pardon") == 1, url


def test_record_paths_read_as_words(app) -> None:  # type: ignore[no-untyped-def]
    client = sign_in(app, "advocate@a.org")
    possession = _text(client.get(f"/cases/{_case(client, 'pardon', POSSESSION)}").text)
    assert "person.status" not in possession
    assert "the person's immigration status on 2022-10-06" in possession
    unknown = _text(client.get(f"/cases/{_case(client, 'pardon', UNKNOWN)}").text)
    assert "Would decide it: whether the person has convictions" in unknown
    assert "states that whether the person has convictions is not known" in unknown


def test_the_microloan_reason_closes_its_sentence_after_the_parenthesis() -> None:
    # An owner on supervised release on the application day, after the 2024 rule: the Microloan
    # rule (13 CFR 120.707(a)) names probation and parole only, so the reason names the child
    # care condition in parentheses inside its sentence, never after its full stop.
    from datetime import date

    from secondchance.api import evaluate
    from secondchance.record import validate

    record = validate(
        {
            "application_date": "2026-12-07",
            "business": {
                "name": "B",
                "people": [
                    {
                        "name": "Carlos Rivera",
                        "roles": [{"role": "owner", "ownership_percent": 100}],
                        "record": {
                            "convictions": [
                                {
                                    "jurisdiction": "federal",
                                    "conviction_date": "2018-01-01",
                                    "counts": [{"statute": "18 U.S.C. 1343", "felony": True}],
                                }
                            ],
                            "supervision": [{"kind": "supervised_release", "start": "2023-06-01"}],
                            "pending_charges": [],
                        },
                    }
                ],
            },
        },
        "record",
    )
    report = evaluate(record, as_of=date(2026, 12, 7))
    found = next(d for d in report.determinations if d.program == "sba.microloan")
    assert "children; the rule names probation and parole only)" in (found.reason or "")
    assert ". (a child care" not in (found.reason or "")
