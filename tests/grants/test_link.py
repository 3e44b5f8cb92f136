"""A record about a person the official register lists: the clemency answers say so with the
source, and a close (not exact) name or an unrecorded grant asks for confirmation."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from secondchance.api import evaluate
from secondchance.engine.determination import Determination, Outcome
from secondchance.grants import courts, link
from secondchance.grants.courts import court_state
from secondchance.grants.model import Grant, GrantType
from secondchance.grants.register import Register
from secondchance.record.schema import Record
from tests.clemency.helpers import CITIZEN, PARDON, text

LIST_2022_12_30 = (
    "https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2022/12/30/"
    "clemency-recipient-list-2/"
)


def ask(program_id: str, data: dict[str, Any], as_of: str) -> Determination:
    """Through the Python API, which links the clemency answers to the register."""
    report = evaluate(Record.model_validate(data), date.fromisoformat(as_of))
    (det,) = [d for d in report.determinations if d.program == program_id]
    return det


def record(name: str, *, regno: str | None = None, pardon_on: str | None = None) -> dict[str, Any]:
    """Convicted and sentenced 2010-01-04 for a federal offense, fined (paid), no prison: the
    5-year wait of 28 CFR 1.2 runs from the sentencing, so a petition may be filed from
    2015-01-04."""
    person: dict[str, Any] = {"name": name, "status": CITIZEN}
    if regno:
        person["bop_register_number"] = regno
    data: dict[str, Any] = {
        "person": person,
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "conviction_date": "2010-01-04",
                "sentencing_date": "2010-01-04",
                "offense_date": "2009-06-01",
                "counts": [{"statute": "18 U.S.C. 1343", "description": "Wire fraud"}],
                "sentence": {"fine": 1000, "fine_owed": 0},
            }
        ],
    }
    if pardon_on:
        data["clemency"] = [
            {
                "kind": "pardon",
                "granted_on": pardon_on,
                "by": "Joseph R. Biden, Jr.",
                "conviction_ids": ["c1"],
            }
        ]
    return data


def test_unlisted_name_answers_as_before() -> None:
    det = ask(PARDON, record("Robin Unlisted Example"), "2024-01-02")
    assert det.outcome is Outcome.eligible
    assert "register" not in text(det)


def test_recorded_grant_listed_under_the_same_name_is_stated_with_its_source() -> None:
    # Gary Parks Davis: pardoned 2022-12-30 (White House list of that day, which gives no court;
    # the record names none either). The answer is the record's own (already pardoned); the
    # register only says a grant to someone of this name is listed, it does not confirm it.
    det = ask(PARDON, record("Gary Parks Davis", pardon_on="2022-12-30"), "2024-01-02")
    assert det.outcome is Outcome.not_applicable  # already pardoned
    (finding,) = [f for f in det.findings if "official register" in f.finding]
    assert "lists a pardon of Gary Parks Davis, granted 2022-12-30" in finding.finding
    assert "a grant to someone of this name is in the register" in finding.finding
    assert "confirms" not in finding.finding
    assert finding.url == LIST_2022_12_30


def test_listed_grant_missing_from_the_record_needs_review() -> None:
    det = ask(PARDON, record("Gary Parks Davis"), "2024-01-02")
    # Without the register the answer would be "eligible" (from 2015-01-04); the register lists
    # a pardon of 2022-12-30 the record lacks, so the answer asks for confirmation.
    assert det.outcome is Outcome.needs_review
    assert "pardon of Gary Parks Davis" in (det.reason or "")
    assert any(f.url == LIST_2022_12_30 for f in det.findings)


def test_a_name_written_surname_first_is_the_same_name() -> None:
    # "Davis, Gary Parks" is Gary Parks Davis written surname first: the same written name as
    # the pardon of 2022-12-30 (White House list of that day), which the record lacks. Without
    # the register the answer would be eligible (conviction 2010-01-04 + 5 years, 28 CFR 1.2 →
    # 2015-01-04); the unrecorded pardon makes it needs_review, as for "Gary Parks Davis".
    for name in ("Davis, Gary Parks", "DAVIS, GARY PARKS"):
        det = ask(PARDON, record(name), "2024-01-02")
        assert det.outcome is Outcome.needs_review, name
        assert "lists a pardon of Gary Parks Davis, granted 2022-12-30" in (det.reason or "")


def test_grant_after_the_date_asked_about_does_not_change_the_answer() -> None:
    det = ask(PARDON, record("Gary Parks Davis"), "2022-06-01")
    assert det.outcome is Outcome.eligible
    assert "after the date asked about" in text(det)


def test_close_name_asks_for_confirmation_with_the_candidate() -> None:
    # "Gary Davies": middle name omitted, davies/davis one letter added.
    det = ask(PARDON, record("Gary Davies"), "2024-01-02")
    assert det.outcome is Outcome.needs_review
    assert "may be Gary Parks Davis" in (det.reason or "")
    assert "confirm whether this is the same person" in text(det)


def test_close_name_with_the_grant_recorded_is_still_only_a_candidate() -> None:
    det = ask(PARDON, record("Gary Davies", pardon_on="2022-12-30"), "2024-01-02")
    assert det.outcome is Outcome.not_applicable  # the record itself says pardoned
    assert "a recorded grant: confirm whether this is the same person" in text(det)


def test_register_number_decides_who_it_is() -> None:
    # ANTWON ABBOTT, 16383-028, commuted 2024-12-12. Same name, another register number: not
    # him. Another spelling, same register number: him.
    other = ask(PARDON, record("Antwon Abbott", regno="99999-999"), "2025-02-01")
    assert other.outcome is Outcome.eligible and "register" not in text(other)
    same = ask(PARDON, record("Antwan Abot", regno="16383-028"), "2025-02-01")
    assert same.outcome is Outcome.needs_review
    assert "commutation of ANTWON ABBOTT, register number 16383-028" in (same.reason or "")


def test_a_register_number_one_slip_from_the_listed_one_is_checked_not_dropped() -> None:
    # ANTWON ABBOTT, 16383-028, commuted 2024-12-12. The record gives the same name with
    # 16383-082 (the last two digits swapped) or 16383-027 (one digit changed): a typo is as
    # likely as another person, so the commutation is not dropped as "not him" (which gave
    # eligible: conviction 2010-01-04 + 5 years, 28 CFR 1.2 → 2015-01-04) but asks for the
    # number to be checked, naming it. 99999-999 (test above) differs in every digit: not him.
    for typo in ("16383-082", "16383-027"):
        det = ask(PARDON, record("Antwon Abbott", regno=typo), "2025-02-01")
        assert det.outcome is Outcome.needs_review, typo
        assert det.missing_facts == ["person.bop_register_number"]
        assert f"{typo} is one digit from 16383-028" in (det.reason or "")


def acosta(court: str, *, recorded: bool) -> dict[str, Any]:
    """Sergio Acosta, whose commutation of 2022-04-26 the White House list gives for the
    Eastern District of Kentucky; the record's conviction is in ``court``."""
    data = record("Sergio Acosta")
    data["convictions"][0]["court"] = court
    if recorded:
        data["clemency"] = [
            {"kind": "commutation", "granted_on": "2022-04-26", "conviction_ids": ["c1"]}
        ]
    return data


def test_a_grant_listed_for_another_district_is_not_confirmed() -> None:
    # Same written name, but the list's grant is for the Eastern District of Kentucky and the
    # record's conviction is in W.D. Tenn. (Tennessee): perhaps another Sergio Acosta.
    # Recorded: the register no longer "confirms" it; the answer stays the record's (petition
    # from 2010-01-04 + 5 years = 2015-01-04, 28 CFR 1.2: eligible on 2025-02-01).
    det = ask(PARDON, acosta("W.D. Tenn.", recorded=True), "2025-02-01")
    assert det.outcome is Outcome.eligible
    assert "confirms" not in text(det)
    assert (
        "the register gives the Eastern District of Kentucky; the record's conviction court "
        "is W.D. Tenn.: the register does not confirm this is the same person"
    ) in text(det)
    # Not recorded: needs_review as before, saying the districts differ.
    det = ask(PARDON, acosta("W.D. Tenn.", recorded=False), "2025-02-01")
    assert det.outcome is Outcome.needs_review
    assert "but the register gives the Eastern District of Kentucky" in (det.reason or "")
    # The same district written as a citation (E.D. Ky.): confirmed as before.
    det = ask(PARDON, acosta("E.D. Ky.", recorded=True), "2025-02-01")
    assert "confirms the recorded commutation of Sergio Acosta" in text(det)


@pytest.mark.parametrize(
    ("court", "state"),
    [
        ("E.D. Ky.", "kentucky"),
        ("D.N.D.", "north dakota"),  # District of North Dakota, not a Northern District
        ("N.D. Tex.", "texas"),
        ("S.D.W. Va.", "west virginia"),
        ("W.D. Va.", "virginia"),
        ("D.D.C.", "district of columbia"),
        ("Eastern District of Texas", "texas"),
        ("District of Columbia Superior Court", "district of columbia"),
        ("Superior Court", None),  # no state stated: no difference is claimed
    ],
)
def test_the_state_a_court_sits_in(court: str, state: str | None) -> None:
    assert court_state(court) == state


def test_one_word_names_no_one() -> None:
    # "Davis" alone (or a single letter) could be any of many people: no link by name.
    det = ask(PARDON, record("Davis"), "2024-01-02")
    assert det.outcome is Outcome.eligible and "register" not in text(det)


def test_a_sound_alike_name_names_the_register_number_that_would_settle_it() -> None:
    # "Antwon Abbitt" sounds like ANTWON ABBOTT (Soundex A130 both), commuted 2024-12-12 with
    # register number 16383-028. Only the name links them: the answer is needs_review and names
    # person.bop_register_number as the fact that settles it (a different number: not him, the
    # answer as before; the same number: him).
    det = ask(PARDON, record("Antwon Abbitt"), "2025-02-01")
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts == ["person.bop_register_number"]
    assert "person.bop_register_number would settle who it is" in (det.reason or "")
    assert "add person.bop_register_number to the record to settle it" in text(det)
    # With another register number the candidate is not him: conviction 2010-01-04, five years
    # (28 CFR 1.2) → a petition from 2015-01-04, so on 2025-02-01 eligible, as without the link.
    other = ask(PARDON, record("Antwon Abbitt", regno="99999-999"), "2025-02-01")
    assert other.outcome is Outcome.eligible and other.missing_facts == []


def test_a_close_name_whose_grant_has_no_register_number_says_the_number_would_not_help() -> None:
    # Gary Parks Davis's pardon (2022-12-30) lists no register number: a number in the record
    # could not tell him apart, so it is not named as a missing fact, and the finding says so.
    det = ask(PARDON, record("Gary Davies"), "2024-01-02")
    assert det.outcome is Outcome.needs_review
    assert "person.bop_register_number" not in det.missing_facts
    assert "person.bop_register_number would not settle it" in text(det)


HAND_MADE_LIST = "https://example.invalid/hand-made-clemency-list/"


def hand_made(name: str, kind: str, day: str, *, regno: str = "", district: str = "") -> Grant:
    """A register entry written for the test (an invented person)."""
    return Grant(
        name=name,
        type=GrantType(kind),
        date=date.fromisoformat(day),
        president="Joseph R. Biden, Jr.",
        source_url=HAND_MADE_LIST,
        bop_register_number=regno,
        details={"district": district} if district else {},
    )


@pytest.fixture
def own_list(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Record linking reads only the hand-made entries the test gives."""

    def use(*grants: Grant) -> None:
        monkeypatch.setattr(link, "shipped_register", lambda: Register(list(grants)))
        link._matches.cache_clear()

    yield use
    link._matches.cache_clear()


def invented(*, court: str | None = None, regno: str | None = None, recorded: bool) -> Any:
    """Quinn Harlow Vexley (invented), convicted and sentenced 2010-01-04 (fine paid); the record
    states a pardon of 2022-12-30 reaching that conviction where ``recorded``."""
    data = record("Quinn Harlow Vexley", regno=regno, pardon_on="2022-12-30" if recorded else None)
    if court:
        data["convictions"][0]["court"] = court
    return data


def test_same_name_alone_does_not_confirm_a_recorded_grant(own_list: Any) -> None:
    # Two register entries with exactly the record's name, both pardons of 2022-12-30 (two
    # people can share a name and a list, as the official list of 2024-12-12 has two ROBERT
    # ANDERSONs), one with no court, one for the District of Utah; the record names no court and
    # states a pardon of 2022-12-30. The record's own pardon still answers: already pardoned
    # (not_applicable), as the record states; but no finding may say the register "confirms" it.
    own_list(
        hand_made("Quinn Harlow Vexley", "pardon", "2022-12-30"),
        hand_made("QUINN HARLOW VEXLEY", "pardon", "2022-12-30", district="District of Utah"),
    )
    det = ask(PARDON, invented(recorded=True), "2024-01-02")
    assert det.outcome is Outcome.not_applicable
    assert "confirms" not in text(det)
    found = [f.finding for f in det.findings if "official register" in f.finding]
    assert len(found) == 2
    assert all(
        "a recorded grant: a grant to someone of this name is in the register, but the court "
        "could not be compared" in f
        for f in found
    )
    assert any("(the register gives no court for that grant)" in f for f in found)
    assert any(
        "(the register gives the District of Utah; the record names no conviction court)" in f
        for f in found
    )


def test_same_name_unrecorded_grant_asks_whether_it_is_the_same_person(own_list: Any) -> None:
    # The record states no grant and names no court; the register lists a pardon of 2022-12-30
    # to someone of the same name. Without the register: eligible (sentenced 2010-01-04 + 5
    # years, 28 CFR 1.2 -> 2015-01-04, before 2024-01-02). With it: needs_review, the candidate
    # named as a grant to someone of this name, not as the person's own.
    own_list(hand_made("Quinn Harlow Vexley", "pardon", "2022-12-30"))
    det = ask(PARDON, invented(recorded=False), "2024-01-02")
    assert det.outcome is Outcome.needs_review
    reason = det.reason or ""
    assert "lists a pardon of Quinn Harlow Vexley, granted 2022-12-30" in reason
    assert "(a grant to someone of this name; the court could not be compared)" in reason
    assert "confirm whether this is the same person" in reason


def test_what_ties_a_same_name_grant_to_the_person(own_list: Any) -> None:
    # A commutation of 2022-04-26 listed for the Eastern District of Kentucky with register
    # number 12345-032 (both invented); the record states it (commutations keep the pardon
    # petition's answer: sentenced 2010-01-04 + 5 years, 28 CFR 1.2 -> eligible from 2015-01-04,
    # so eligible on 2025-02-01 whatever the register says of a recorded grant).
    own_list(
        hand_made(
            "Quinn Harlow Vexley",
            "commutation",
            "2022-04-26",
            regno="12345-032",
            district="Eastern District of Kentucky",
        )
    )

    def commuted(**kw: Any) -> dict[str, Any]:
        data = invented(recorded=False, **kw)
        data["clemency"] = [
            {"kind": "commutation", "granted_on": "2022-04-26", "conviction_ids": ["c1"]}
        ]
        return data

    # No court in the record, no register number: the name alone, not confirmed; the number
    # the register lists would settle it.
    det = ask(PARDON, commuted(), "2025-02-01")
    assert det.outcome is Outcome.eligible
    assert "confirms" not in text(det)
    assert "the record names no conviction court" in text(det)
    assert "add person.bop_register_number to the record to settle it" in text(det)
    # A court in Kentucky (E.D. Ky.): the court agrees with the name, confirmed.
    det = ask(PARDON, commuted(court="E.D. Ky."), "2025-02-01")
    assert det.outcome is Outcome.eligible
    assert "confirms the recorded commutation of Quinn Harlow Vexley" in text(det)
    # The same register number: confirmed without a court.
    det = ask(PARDON, commuted(regno="12345-032"), "2025-02-01")
    assert det.outcome is Outcome.eligible
    assert "confirms the recorded commutation of Quinn Harlow Vexley" in text(det)


@pytest.mark.parametrize(
    ("court", "state", "district"),
    [
        # The same district written four ways (28 U.S.C. 97: Kentucky is two districts).
        ("W.D. Ky.", "kentucky", "western"),
        ("Western District of Kentucky", "kentucky", "western"),
        ("WDKY", "kentucky", "western"),
        ("U.S. District Court for the Western District of Kentucky", "kentucky", "western"),
        ("U.S.D.C., E.D. Ky.", "kentucky", "eastern"),  # "U.S.D.C." is not D.C.
        # Kansas is one district (28 U.S.C. 96): "" is that district.
        ("D. Kan.", "kansas", ""),
        ("District of Kansas", "kansas", ""),
        ("D.D.C.", "district of columbia", ""),
        ("District of Columbia", "district of columbia", ""),
        # D.C.'s own court, not the federal district court for D.C.
        ("District of Columbia Superior Court", "district of columbia", "superior court"),
        # How the official lists also write it.
        ("District of Central Illinois", "illinois", "central"),
        ("East District of Pennsylvania", "pennsylvania", "eastern"),
        # The state only: Kentucky has two districts, "D. Ky." says not which.
        ("Louisville, Kentucky", "kentucky", None),
        ("D. Ky.", "kentucky", None),
    ],
)
def test_the_district_a_court_is(court: str, state: str, district: str | None) -> None:
    assert courts.read_court(court) == courts.Court(state, district)


@pytest.mark.parametrize(
    "court", ["Northern District of Kentucky", "Eastern District of Kansas", "Superior Court"]
)
def test_a_district_its_state_does_not_have_is_not_read(court: str) -> None:
    # Kentucky's districts are the Eastern and the Western (28 U.S.C. 97); Kansas is one district
    # (28 U.S.C. 96): nothing to compare, so no agreement and no difference is claimed.
    assert courts.read_court(court) is None


@pytest.mark.parametrize(
    ("court", "state", "district"),
    [
        # "Dist." / "Dist" for "District", the state by name, citation abbreviation (with or
        # without its period) or USPS code: Kentucky's Eastern District (28 U.S.C. 97).
        ("Eastern Dist. of Kentucky", "kentucky", "eastern"),
        ("Eastern Dist. of Ky.", "kentucky", "eastern"),
        ("Eastern Dist of Ky", "kentucky", "eastern"),
        ("Eastern District of KY", "kentucky", "eastern"),
        ("EASTERN DIST. OF KY", "kentucky", "eastern"),
        ("E.D. KY", "kentucky", "eastern"),
        # The court's name before its district, after a comma or "for the".
        ("U.S. District Court, E.D. Ky.", "kentucky", "eastern"),
        ("U.S. Dist. Ct., E.D. Ky.", "kentucky", "eastern"),
        ("United States District Court for the Eastern Dist. of Ky.", "kentucky", "eastern"),
        ("Eastern District of Kentucky, Lexington", "kentucky", "eastern"),
        # A city and its state: the state after the last comma, whatever state's name the city
        # (county) holds; the state only, Kansas being one district (28 U.S.C. 96) or not.
        ("Arkansas City, Kansas", "kansas", None),
        ("Washington County, Oregon", "oregon", None),
        ("Indiana, Pennsylvania", "pennsylvania", None),
        ("Lexington, KY", "kentucky", None),
        ("Lexington, Ky.", "kentucky", None),
        # A district named before the city and state, in that state: the district.
        ("Eastern District of Kentucky, Lexington, Kentucky", "kentucky", "eastern"),
        ("District of Kansas, Topeka, Kansas", "kansas", ""),
        # Two words naming a state: the state's ("West" of West Virginia, 28 U.S.C. 129).
        ("Northern District of West Virginia", "west virginia", "northern"),
        ("District of North Dakota", "north dakota", ""),
        # D.C.'s own courts (D.C. Code 11-101): the D.C. Court of Appeals is not the federal
        # District Court for D.C. (28 U.S.C. 88), nor is the Superior Court.
        ("District of Columbia Court of Appeals", "district of columbia", "court of appeals"),
        ("D.C. Court of Appeals", "district of columbia", "court of appeals"),
        ("Superior Court of the District of Columbia", "district of columbia", "superior court"),
        # "U.S. District Court" before "Washington, D.C.": the federal court for D.C.
        ("U.S. District Court, Washington, D.C.", "district of columbia", ""),
        # The federal court of appeals for D.C. hears appeals from the federal court, not its
        # conviction court: D.C., neither court said.
        (
            "U.S. Court of Appeals for the District of Columbia Circuit",
            "district of columbia",
            None,
        ),
    ],
)
def test_how_records_also_write_a_court(court: str, state: str, district: str | None) -> None:
    assert courts.read_court(court) == courts.Court(state, district)


@pytest.mark.parametrize(
    "court",
    [
        # No comma to say which is the state: two states named, neither read.
        "Arkansas City Kansas",
        # A district of one state before a city of another: two courts, neither read.
        "Eastern District of Missouri, Kansas City, Kansas",
        # A court of appeals, of no state said; a federal and a local D.C. court at once.
        "Court of Appeals",
        "U.S. District Court, D.C. Superior Court",
        # "In" is no citation abbreviation (Bluebook: "Ind."), and not a USPS code in capitals.
        "Anytown, In",
    ],
)
def test_a_court_written_two_ways_at_once_is_not_read(court: str) -> None:
    # Nothing to compare: no agreement (never a confirmation) and no difference claimed.
    assert courts.read_court(court) is None


def vexley_with_court(own_list: Any, district: str, court: str, *, recorded: bool) -> Determination:
    """Quinn Harlow Vexley (invented), a commutation of 2022-04-26 listed for ``district``, no
    register number; the record's court is ``court``. Sentenced 2010-01-04 (fine paid): the
    pardon petition's wait, 28 CFR 1.2, is 5 years from sentencing, 2010-01-04 + 5 years =
    2015-01-04, so eligible on 2025-02-01 whatever the register says of a recorded grant."""
    own_list(hand_made("Quinn Harlow Vexley", "commutation", "2022-04-26", district=district))
    data = invented(recorded=False, court=court)
    if recorded:
        data["clemency"] = [
            {"kind": "commutation", "granted_on": "2022-04-26", "conviction_ids": ["c1"]}
        ]
    return ask(PARDON, data, "2025-02-01")


@pytest.mark.parametrize("court", ["W.D. Ky.", "Western District of Kentucky", "WDKY"])
def test_another_district_of_the_same_state_is_another_court(own_list: Any, court: str) -> None:
    # The register gives the Eastern District of Kentucky; the record's court is the Western
    # District (same state, another court): the register does not confirm the recorded grant
    # (the answer stays the record's: eligible from 2015-01-04), and an unrecorded one is
    # needs_review saying the courts differ, in the words used for a court of another state.
    det = vexley_with_court(own_list, "Eastern District of Kentucky", court, recorded=True)
    assert det.outcome is Outcome.eligible
    assert "confirms" not in text(det)
    assert (
        "the register gives the Eastern District of Kentucky; the record's conviction court "
        f"is {court}: the register does not confirm this is the same person"
    ) in text(det)
    det = vexley_with_court(own_list, "Eastern District of Kentucky", court, recorded=False)
    assert det.outcome is Outcome.needs_review
    assert (
        "but the register gives the Eastern District of Kentucky; the record's conviction court "
        f"is {court}: confirm whether this is the same person"
    ) in (det.reason or "")


@pytest.mark.parametrize(
    ("district", "court"),
    [
        ("Eastern District of Kentucky", "E.D. Ky."),
        ("Eastern District of Kentucky", "EDKY"),
        ("District of Kansas", "D. Kan."),  # Kansas: one district
        ("Kansas", "District of Kansas"),  # the register gives the state only
        ("Kentucky", "W.D. Ky."),  # the register gives the state only
        ("Eastern District of Kentucky", "Lexington, Kentucky"),  # the record: the state only
        ("District of Columbia", "D.D.C."),
        # "Dist." / "Dist", "Ky." / "KY", the court's name before the district.
        ("Eastern District of Kentucky", "Eastern Dist. of Kentucky"),
        ("Eastern District of Kentucky", "Eastern Dist. of Ky."),
        ("Eastern District of Kentucky", "Eastern Dist of KY"),
        ("Eastern District of Kentucky", "U.S. District Court, E.D. Ky."),
        ("District of Kansas", "Arkansas City, Kansas"),  # a city in Kansas: the state agrees
    ],
)
def test_the_same_district_or_only_a_state_agreeing_confirms(
    own_list: Any, district: str, court: str
) -> None:
    # The same district (or, where one side gives only the state, the same state): confirmed
    # as before the districts were compared.
    det = vexley_with_court(own_list, district, court, recorded=True)
    assert det.outcome is Outcome.eligible
    assert "confirms the recorded commutation of Quinn Harlow Vexley" in text(det)


@pytest.mark.parametrize(
    ("district", "court"),
    [
        # Arkansas City is in Kansas: not the Eastern District of Arkansas (before, read as
        # Arkansas, the state agreeing confirmed it).
        ("Eastern District of Arkansas", "Arkansas City, Kansas"),
        # D.C.'s own court of appeals is not the federal District Court for D.C. (before, read
        # as D.D.C., it confirmed it).
        ("District of Columbia", "District of Columbia Court of Appeals"),
        ("D.D.C.", "D.C. Court of Appeals"),
    ],
)
def test_a_court_named_in_another_place_is_another_court(
    own_list: Any, district: str, court: str
) -> None:
    # Another court: a recorded grant is not confirmed and keeps the record's answer (sentenced
    # 2010-01-04 + 5 years, 28 CFR 1.2 = eligible from 2015-01-04); an unrecorded one is
    # needs_review saying the courts differ.
    det = vexley_with_court(own_list, district, court, recorded=True)
    assert det.outcome is Outcome.eligible
    assert "confirms" not in text(det)
    assert (
        f"the register gives the {district}; the record's conviction court is {court}: the "
        "register does not confirm this is the same person"
    ) in text(det)
    det = vexley_with_court(own_list, district, court, recorded=False)
    assert det.outcome is Outcome.needs_review
    assert (
        f"but the register gives the {district}; the record's conviction court is {court}: "
        "confirm whether this is the same person"
    ) in (det.reason or "")


@pytest.mark.parametrize(
    "court", ["District of Columbia Court of Appeals", "D.C. Court of Appeals"]
)
def test_dcs_court_of_appeals_neither_confirms_nor_differs_from_its_superior_court(
    own_list: Any, court: str
) -> None:
    # The D.C. Court of Appeals hears appeals from the Superior Court (D.C. Code 11-721): a
    # conviction it names may be one the Superior Court entered, but it is not that court. Not a
    # confirmation, not another court: as for a name without a court (recorded: eligible from
    # 2010-01-04 + 5 years = 2015-01-04, 28 CFR 1.2; unrecorded: needs_review).
    superior = "District of Columbia Superior Court"
    det = vexley_with_court(own_list, superior, court, recorded=True)
    assert det.outcome is Outcome.eligible
    assert "confirms" not in text(det)
    assert "could not be read as the same district" in text(det)
    det = vexley_with_court(own_list, superior, court, recorded=False)
    assert det.outcome is Outcome.needs_review
    assert "the court could not be compared" in (det.reason or "")


def test_the_federal_court_for_dc_is_not_dcs_superior_court(own_list: Any) -> None:
    # D.D.C. (the federal district court) and the Superior Court of the District of Columbia
    # (D.C.'s own court) are two courts in D.C.: not confirmed, the courts differ.
    superior = "District of Columbia Superior Court"
    det = vexley_with_court(own_list, superior, "D.D.C.", recorded=True)
    assert det.outcome is Outcome.eligible
    assert "confirms" not in text(det)
    assert "the record's conviction court is D.D.C.: the register does not confirm" in text(det)


@pytest.mark.parametrize(
    ("district", "court"),
    [
        ("District of Columbia Superior Court", "Washington, D.C."),
        ("District of Columbia", "Washington, D.C."),  # the federal court for D.C.
        ("D.D.C.", "Washington, DC"),
        ("Washington, D.C.", "D.D.C."),  # the register gives only the city (the 2024 lists)
        ("Washington, D.C.", "District of Columbia Superior Court"),
    ],
)
def test_washington_dc_alone_confirms_neither_court_of_dc(
    own_list: Any, district: str, court: str
) -> None:
    # "Washington, D.C." says D.C. but not which of its two courts: the federal District Court
    # (28 U.S.C. 88) or D.C.'s own Superior Court (D.C. Code 11-901). Not a confirmation by
    # itself (before, it agreed with both "by state"), and not another court either: a recorded
    # grant keeps the record's answer (sentenced 2010-01-04 + 5 years, 28 CFR 1.2 = eligible
    # from 2015-01-04), the finding says the court could not be compared; an unrecorded one is
    # needs_review as for a same name without a court.
    det = vexley_with_court(own_list, district, court, recorded=True)
    assert det.outcome is Outcome.eligible
    assert "confirms" not in text(det)
    assert "could not be read as the same district" in text(det)
    assert "the register does not confirm this is the same person" in text(det)
    det = vexley_with_court(own_list, district, court, recorded=False)
    assert det.outcome is Outcome.needs_review
    assert "the court could not be compared" in (det.reason or "")


def test_washington_dc_reads_as_dc_but_neither_of_its_courts() -> None:
    dc = courts.read_court("Washington, D.C.")
    assert dc == courts.Court("district of columbia", None)
    federal = courts.Court("district of columbia", "")
    superior = courts.Court("district of columbia", "superior court")
    for other in (federal, superior):
        assert dc is not None and courts.same_court(dc, other)  # no difference claimed
        assert not courts.court_confirms(dc, other) and not courts.court_confirms(other, dc)
    # A state-only side elsewhere still confirms by state (Kentucky: two districts).
    louisville = courts.read_court("Louisville, Kentucky")
    eastern = courts.read_court("E.D. Ky.")
    assert louisville is not None and eastern is not None
    assert courts.court_confirms(louisville, eastern)
