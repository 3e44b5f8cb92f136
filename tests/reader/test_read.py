"""``secondchance read``: a report set against the register and the rule registry."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from secondchance.cli import app
from secondchance.grants.model import Grant, GrantType
from secondchance.grants.names import fold
from secondchance.grants.presidents import BUSH, PRESIDENTS, WRITTEN, names_president
from secondchance.grants.register import Register, shipped_register
from secondchance.reader import read_document
from secondchance.reader.document import parse_document
from tests.reader.reports import HTML_REPORT, NEWS_REPORT, PROGRAMS_REPORT

runner = CliRunner()
LIST_7 = (
    "https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2024/12/12/"
    "clemency-recipient-list-7/"
)
LIST_1 = (
    "https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2022/04/26/"
    "clemency-recipient-list/"
)
BIDEN = "Joseph R. Biden, Jr."
CLINTON = "William J. Clinton"
HAND_MADE = "https://example.invalid/hand-made-clemency-list/"


def sheet(text: str) -> dict[str, Any]:
    return read_document(parse_document(text, "report"), shipped_register())


def person(result: dict[str, Any], mention: str) -> dict[str, Any]:
    (found,) = [p for p in result["people"] if p["mention"] == mention]
    return found


def differences(result: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {d["subject"]: d for d in result["differences"] if d["kind"] == kind}


def test_json_keys_as_the_issue_names_them() -> None:
    result = sheet(NEWS_REPORT)
    assert {"people", "laws", "dates", "differences"} <= set(result)
    for p in result["people"]:
        assert {"mention", "matched_name", "match", "score", "grants"} <= set(p)
        assert p["match"] in ("exact", "fuzzy", "none")
        for g in p["grants"]:
            assert set(g) == {"type", "date", "president", "source"}
    for law in result["laws"]:
        assert {"mention", "program", "citation", "effective_from"} <= set(law)


def test_people_matched_to_the_register() -> None:
    result = sheet(NEWS_REPORT)
    allen = person(result, "Nina Simone Allen")
    assert (allen["matched_name"], allen["match"]) == ("NINA SIMONA ALLEN", "fuzzy")
    assert allen["grants"] == [
        {
            "type": "pardon",
            "date": "2024-12-12",
            "president": "Joseph R. Biden, Jr.",
            "source": LIST_7,
        }
    ]
    assert person(result, "Betty Jo Boggans")["matched_name"] == "Betty Jo Bogans"
    assert person(result, "Sergio Acosta")["match"] == "exact"
    assert person(result, "Wesley Coonce")["matched_name"] == "WESLEY PAUL COONCE, JR."
    nobody = person(result, "Harriet Q. Nobody")
    assert (nobody["match"], nobody["matched_name"], nobody["grants"]) == ("none", None, [])
    assert not any("Biden" in p["mention"] for p in result["people"])  # the grantor


def test_name_spellings_dates_and_grant_types_that_differ() -> None:
    result = sheet(NEWS_REPORT)
    names = differences(result, "name_spelling")
    assert names["NINA SIMONA ALLEN"]["document"] == "Nina Simone Allen"
    assert names["Betty Jo Bogans"]["document"] == "Betty Jo Boggans"
    assert "Sergio Acosta" not in names  # spelled as on the list
    dates = differences(result, "grant_date")
    allen = dates["NINA SIMONA ALLEN"]
    assert (allen["document"], allen["official"], allen["source"]) == (
        "2024-12-13",
        "2024-12-12",
        LIST_7,
    )
    assert "publication date" in allen["note"]
    assert (dates["Betty Jo Bogans"]["document"], dates["Betty Jo Bogans"]["official"]) == (
        "2022-04-24",
        "2022-04-26",
    )
    kinds = differences(result, "grant_type")
    assert (kinds["Sergio Acosta"]["document"], kinds["Sergio Acosta"]["official"]) == (
        "pardon",
        "commutation",
    )
    assert kinds["Sergio Acosta"]["source"] == LIST_1
    # Stated rightly: a commutation for Wesley Coonce, a pardon for Nina Allen.
    assert "WESLEY PAUL COONCE, JR." not in kinds and "NINA SIMONA ALLEN" not in kinds


def test_publication_date_is_read_and_kept_apart() -> None:
    result = sheet(NEWS_REPORT)
    assert result["document"]["published"] == "2024-12-13"
    publication = [d for d in result["dates"] if d["role"] == "publication"]
    assert [d["date"] for d in publication] == ["2024-12-13"]


def test_each_encoded_program_linked_to_the_rule_registry() -> None:
    result = sheet(PROGRAMS_REPORT)
    laws = {law["program"] or law["title"]: law for law in result["laws"]}
    assert set(laws) >= {
        "fsa.time_credits",
        "sentence.good_conduct_time",
        "sba.7a",
        "sba.504",
        "sba.microloan",
        "sba.disaster",
        "sba.surety_bond",
        "clemency.marijuana_pardon",
        "clemency.pardon_petition",
        "clemency.commutation_petition",
    }
    # Effective dates from the registry: the First Step Act version from enactment
    # (2018-12-21); the SBA rule of 89 FR 34094 from 2024-05-30; the first marijuana
    # proclamation signed 2022-10-06.
    assert laws["fsa.time_credits"]["effective_from"] == "2018-12-21"
    assert laws["sba.7a"]["effective_from"] == "2024-05-30"
    assert laws["sba.7a"]["citation"] == "13 CFR 120.110(n)"
    assert laws["clemency.marijuana_pardon"]["effective_from"] == "2022-10-06"
    assert laws["clemency.pardon_petition"]["citation"] == "28 CFR 1.2"
    assert "3624(b)" in laws["sentence.good_conduct_time"]["citation"]
    proclamations = [law for law in result["laws"] if law["program"] is None]
    signed = {law["title"]: law["effective_from"] for law in proclamations}
    assert "2024-06-26" in signed.values() and "2025-01-20" in signed.values()


def test_effective_dates_that_differ() -> None:
    result = sheet(PROGRAMS_REPORT)
    found = {d["subject"]: d for d in differences(result, "effective_date").values()}
    assert (found["fsa.time_credits"]["document"], found["fsa.time_credits"]["official"]) == (
        "2019-01-01",
        "2018-12-21",
    )
    article125 = [d for s, d in found.items() if "Article 125" in s]
    assert [(d["document"], d["official"]) for d in article125] == [("2024-06-25", "2024-06-26")]
    # Stated rightly: the SBA rule (2024-05-30) and the 2022 marijuana proclamation.
    assert "sba.7a" not in found and "clemency.marijuana_pardon" not in found


def test_html_through_trafilatura(tmp_path: Path) -> None:
    page = tmp_path / "roundup.html"
    page.write_text(HTML_REPORT, encoding="utf-8")
    result = runner.invoke(app, ["read", str(page), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["document"]["published"] == "2024-12-13"
    becklin = person(data, "KELSIE LYNN BECKLIN")
    assert (becklin["match"], becklin["grants"][0]["date"]) == ("exact", "2024-12-12")
    assert differences(data, "grant_date")["KELSIE LYNN BECKLIN"]["document"] == "2024-12-13"
    assert not any("Home" in p["mention"] for p in data["people"])


def test_text_output_names_each_difference_with_its_source(tmp_path: Path) -> None:
    page = tmp_path / "report.txt"
    page.write_text(NEWS_REPORT, encoding="utf-8")
    result = runner.invoke(app, ["read", str(page)])
    assert result.exit_code == 0, result.stderr
    assert "grant_type (Sergio Acosta): the document says pardon; official: commutation" in (
        result.stdout
    )
    assert LIST_1 in result.stdout


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"", "the file is empty"),
        ("Pardon f\xfcr M\xfcller".encode("latin-1"), "not readable as utf-8"),
        (
            b'<?xml version="1.0" encoding="x-unknown"?><html><body><p>x</p></body></html>',
            "unknown encoding 'x-unknown'",
        ),
    ],
)
def test_bad_documents_exit_2(tmp_path: Path, content: bytes, expected: str) -> None:
    page = tmp_path / "doc.txt"
    page.write_bytes(content)
    result = runner.invoke(app, ["read", str(page)])
    assert result.exit_code == 2
    assert expected in result.stderr and str(page) in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_html_without_metadata_states_no_publication_date() -> None:
    # The only date is the event's; it must not be taken for the publication date.
    page = HTML_REPORT.replace(
        '<meta property="article:published_time" content="2024-12-13T09:00:00Z">', ""
    )
    result = sheet(page)
    assert result["document"]["published"] is None
    grant = differences(result, "grant_date")["KELSIE LYNN BECKLIN"]
    assert (grant["document"], grant["official"]) == ("2024-12-13", "2024-12-12")
    assert "publication date" not in grant["note"]


def test_dateline_gives_the_publication_date() -> None:
    result = sheet("WASHINGTON, Dec. 13, 2024 - The president pardoned Kelsie Lynn Becklin.\n")
    assert result["document"]["published"] == "2024-12-13"
    grant = differences(result, "grant_date")
    assert grant == {}  # the dateline is the publication date, not a claim about the grant


def test_the_date_a_commuted_sentence_expires_is_not_its_grant_date() -> None:
    # Sergio Acosta: commutation granted 2022-04-26 (White House list of that day), "Sentence
    # commuted to expire on April 26, 2023". The report states the expiry date, not the grant's:
    # it is read as the sentence's end (role "expiration"), and no grant_date difference
    # (2023-04-26 against 2022-04-26) is claimed.
    result = sheet(
        "The President commuted the sentence of Sergio Acosta to expire on April 26, 2023, "
        "with the remainder to be served in home confinement.\n"
    )
    assert differences(result, "grant_date") == {}
    (stated,) = [d for d in result["dates"] if d["date"] == "2023-04-26"]
    assert (stated["role"], stated["about"]) == ("expiration", "Sergio Acosta")
    assert person(result, "Sergio Acosta")["document_says"]["dates"] == []
    # A grant date stated beside it is still the grant's: "on April 24, 2022" differs from the
    # list's 2022-04-26.
    result = sheet(
        "On April 24, 2022, the President commuted the sentence of Sergio Acosta, whose "
        "sentence will now expire on April 26, 2023.\n"
    )
    grant = differences(result, "grant_date")["Sergio Acosta"]
    assert (grant["document"], grant["official"]) == ("2022-04-24", "2022-04-26")


def test_a_pardon_denied_is_not_claimed_as_granted() -> None:
    # Sergio Acosta's grant on the list is a commutation of 2022-04-26. "did not pardon" and a
    # petition "denied on May 2, 2022" claim no pardon and no grant date: no grant_type
    # (pardon against commutation) or grant_date (2022-05-02 against 2022-04-26) difference,
    # and the date is an event.
    result = sheet(
        "The President did not pardon Sergio Acosta, whose petition was denied on May 2, 2022.\n"
    )
    assert differences(result, "grant_type") == {}
    assert differences(result, "grant_date") == {}
    assert person(result, "Sergio Acosta")["document_says"]["types"] == []
    (stated,) = [d for d in result["dates"] if d["date"] == "2022-05-02"]
    assert stated["role"] == "event"


def test_a_surname_in_another_full_name_is_not_a_later_mention() -> None:
    # Sergio Acosta is named first; "José Acosta" (not on the list) is another person, so the
    # commutation "on 4/26/2022" said of José is not claimed for Sergio (before, "Acosta" inside
    # "José Acosta" counted as a later mention of Sergio).
    result = sheet("Sergio Acosta spoke to reporters.\n\nJosé Acosta was commuted on 4/26/2022.\n")
    sergio = person(result, "Sergio Acosta")["document_says"]
    assert (sergio["types"], sergio["dates"]) == ([], [])
    jose = person(result, "José Acosta")
    assert (jose["match"], jose["document_says"]["dates"]) == ("none", ["2022-04-26"])


def test_a_name_written_surname_first_in_a_sentence_is_one_person() -> None:
    # A hand-made register: a pardon of Gary Parks Davis dated 2022-12-30, and another person.
    # A warrant names him surname first, "Davis, Gary Parks", inside a sentence: that is the
    # listed name (not a "Gary Parks" on no list, the comma splitting off "Davis"). A later
    # "Davis" is a mention of him, so the report's "December 31, 2022" is a grant-date
    # difference from 2022-12-30. "In Yuma, Gary Parks Davis ..." is a place, then the name.
    register = Register(
        [
            Grant("Gary Parks Davis", GrantType.pardon, date(2022, 12, 30), BIDEN, HAND_MADE),
            Grant("Alma Fictional Rivers", GrantType.pardon, date(2021, 1, 19), BIDEN, HAND_MADE),
        ]
    )
    warrant = (
        "The President granted a full and unconditional pardon to Davis, Gary Parks, of Yuma, "
        "Arizona, on December 30, 2022.\n\nA local paper wrote that Davis was pardoned on "
        "December 31, 2022.\n"
    )
    result = read_document(parse_document(warrant, "report"), register)
    davis = person(result, "Davis, Gary Parks")
    assert (davis["matched_name"], davis["match"]) == ("Gary Parks Davis", "exact")
    assert [p["mention"] for p in result["people"]] == ["Davis, Gary Parks"]
    assert differences(result, "name_spelling") == {}
    stated = differences(result, "grant_date")["Gary Parks Davis"]
    assert (stated["document"], stated["official"]) == ("2022-12-31", "2022-12-30")
    place = read_document(
        parse_document("In Yuma, Gary Parks Davis said he was pardoned.\n", "report"), register
    )
    assert [p["mention"] for p in place["people"]] == ["Gary Parks Davis"]


@pytest.mark.parametrize(
    "president",
    [
        "Joseph R. Biden, Jr.",  # a generational suffix after the surname
        "Donald J. Trump",
        "Barack Obama",
        "George W. Bush",
        "William J. Clinton",
        "Gerald R. Ford",
        "Jimmy Carter",
        "Lyndon B. Johnson",  # a President whose grants no list we import names
        "Harry S. Truman",  # not in our list of Presidents: the warrant's grammar says it
    ],
)
def test_the_president_signing_a_warrant_is_not_a_person_named(president: str) -> None:
    # A warrant's words (the form of the White House warrants): the President who grants it is
    # the grantor, not a person the document names; the one named is the grantee, Gary Parks
    # Davis, listed exactly (hand-made register).
    register = Register(
        [Grant("Gary Parks Davis", GrantType.pardon, date(2022, 12, 30), BIDEN, HAND_MADE)]
    )
    warrant = (
        f"Be it Known, that This Day, I, {president}, President of the United States of "
        "America, Pursuant to My Powers Under Article II, Section 2, Clause 1, of the "
        "Constitution, Have Granted Unto\n\nGary Parks Davis\n\nA Full and Unconditional "
        "Pardon.\n"
    )
    result = read_document(parse_document(warrant, "report"), register)
    assert [p["mention"] for p in result["people"]] == ["Gary Parks Davis"]


def test_a_grantee_with_the_presidents_surname_is_named_beside_the_president() -> None:
    # The warrant of December 1, 2024 (in the warrant form): President Biden pardons his son, Robert
    # Hunter Biden, and signs it. The grantee shares the President's surname and is a person the
    # document names; "Joseph R. Biden, Jr." (in the "I, NAME, President" line and as the
    # signature, in capitals) is the grantor. Before, any name ending "Biden" was taken for the
    # President and the grantee was dropped. Likewise Roger Clinton, pardoned by President
    # Clinton on January 20, 2001 ("William J. Clinton" signing). Hand-made registers.
    hunter = Register(
        [Grant("Robert Hunter Biden", GrantType.pardon, date(2024, 12, 1), BIDEN, HAND_MADE)]
    )
    warrant = (
        "Executive Grant of Clemency\n\nJoseph R. Biden, Jr., President of the United States "
        "of America\n\nTo All to Whom These Presents Shall Come, Greeting:\n\nBe it Known, "
        "That This Day, I, Joseph R. Biden, Jr., President of the United States, Pursuant to My "
        "Powers Under Article II, Section 2, Clause 1, of the Constitution, Have Granted Unto\n\n"
        "Robert Hunter Biden\n\nA Full and Unconditional Pardon for those offenses against "
        "the United States which he has committed.\n\nJOSEPH R. BIDEN JR.\n"
    )
    result = read_document(parse_document(warrant, "report"), hunter)
    assert [p["mention"] for p in result["people"]] == ["Robert Hunter Biden"]
    assert person(result, "Robert Hunter Biden")["match"] == "exact"
    roger = Register(
        [Grant("Roger Clinton", GrantType.pardon, date(2001, 1, 20), CLINTON, HAND_MADE)]
    )
    warrant = (
        "I, William J. Clinton, President of the United States, have granted unto Roger Clinton "
        "a full and unconditional pardon.\n\nWILLIAM J. CLINTON\n"
    )
    result = read_document(parse_document(warrant, "report"), roger)
    assert [p["mention"] for p in result["people"]] == ["Roger Clinton"]


def test_grantees_listed_in_a_proclamation_who_share_presidents_surnames() -> None:
    # A proclamation's list of grantees (invented people, a hand-made register), each with a
    # President's surname: Ford, Carter, Johnson, Adams, Bush, Washington. Every one is a person
    # the document names; the President is the one written with his given name and initial,
    # "Gerald R. Ford" in the grammar of the proclamation and "GERALD R. FORD" signing it.
    grantees = [
        "Michael Ford",
        "Anthony Carter",
        "James Johnson",
        "Maria Adams",
        "Robert Bush",
        "Eric Washington",
    ]
    register = Register(
        [
            Grant(name, GrantType.pardon, date(1974, 9, 16), "Gerald R. Ford", HAND_MADE)
            for name in grantees
        ]
    )
    proclamation = (
        "NOW, THEREFORE, I, Gerald R. Ford, President of the United States, pursuant to the "
        "pardon power conferred upon me by Article II, Section 2, of the Constitution, do grant "
        "a full, free, and absolute pardon to Michael Ford, Anthony Carter, James Johnson, "
        "Maria Adams, Robert Bush and Eric Washington of Ohio.\n\nGERALD R. FORD\n"
    )
    result = read_document(parse_document(proclamation, "report"), register)
    assert [p["mention"] for p in result["people"]] == grantees
    assert {p["match"] for p in result["people"]} == {"exact"}


def test_the_presidents_names_as_written_come_from_one_list() -> None:
    # Every President the official lists name (grants/presidents.py) is in the list of names as
    # written, and a name is the President's only with given name or initial and the surname:
    # "Donald J. Trump, Jr." (his son) and "Robert Bush" are not; "Ford" alone is not a name.
    assert set(PRESIDENTS.values()) | set(BUSH.values()) <= set(WRITTEN)
    assert all(names_president(fold(name).split()) for name in WRITTEN)
    for other in ("Donald J. Trump, Jr.", "Robert Bush", "Michael Ford", "Ford", "Hunter Biden"):
        assert not names_president(fold(other).split())
