"""Adversarial spellings: no way of writing a count that a judgment, docket, Bureau data sheet,
Sentencing Commission file or opinion would use may turn a listed offense into "eligible".

For time credits (18 U.S.C. 3632(d)(4)(D)) each spelling must answer as the canonical listed
citation does, or at worst ``needs_review``; for the marijuana proclamations (10467, 10688) a
count naming anything beside 21 U.S.C. 844 / 846 (or the D.C. Code and CFR provisions they
name) is never ``eligible``.
"""

from __future__ import annotations

from typing import Any

import pytest

from secondchance.engine.determination import Outcome
from secondchance.record.statute import Statute, Unreadable, read_statute
from tests.clemency.helpers import MARIJUANA, ask
from tests.clemency.test_marijuana_pardon import record as marijuana_record
from tests.sentence.test_records import fsa, record

NOT_CLEARED = (Outcome.not_eligible, Outcome.needs_review)


def credits(statute: str) -> tuple[Outcome, Any]:
    det, block = fsa(record([{"statute": statute}]))
    return det.outcome, block["fsa"]["eligible"]


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        # Bureau and Sentencing Commission files pad section numbers with zeros.
        ("18:0924(c)", "18 U.S.C. 924(c)"),
        ("18 U.S.C. 0924(c)(1)(A)", "18 U.S.C. 924(c)(1)(A)"),
        ("18 U.S.C. § 0113(a)(1)", "18 U.S.C. 113(a)(1)"),
        # A letter joined to the number, then parentheses: 924(c)(1)(A), written by dockets.
        ("18 U.S.C. 924c(1)(A)", "18 U.S.C. 924(c)(1)(A)"),
        ("18 USC 2113e(1)", "18 U.S.C. 2113(e)(1)"),
    ],
)
def test_spellings_of_listed_sections_answer_as_the_canonical_citation(
    spelling: str, canonical: str
) -> None:
    # 924(c) is clause (xxii); 113(a)(1) clause (vi); 2113(e) clause (xxxiii): not eligible.
    assert credits(canonical) == (Outcome.not_eligible, False)
    assert credits(spelling) == credits(canonical)


@pytest.mark.parametrize(
    "spelling",
    [
        # Digits other than ASCII ones (full-width, Arabic-Indic) read as other numbers.
        "１８ U.S.C. ９２４(c)",
        "18 U.S.C. ９２４(c)",
        "18 U.S.C. ٩٢٤(c)",
        # OCR: the letter l or I, or O, for a digit, inside or joined to the section number.
        "18 U.S.C. 111l",  # 1111, murder, clause (xxv)
        "18 U.S.C. 111I",
        "18 U.S.C. 2l13(e)",  # 2113(e), clause (xxxiii)
        "18 U.S.C. 1O30(a)(1)",  # 1030(a)(1), clause (xxiii)
        "18 U.S.C. 1o30(a)(1)",
        # OCR in a parenthesised paragraph: (l) or (I) for (1).
        "18 U.S.C. 113(a)(l)",  # 113(a)(1), clause (vi)
        "18 U.S.C. 113(a)(I)",
        "18 U.S.C. 1030(a)(l)",  # clause (xxiii)
        # A second citation after a description: the description is not read, so the
        # citation in it must not be lost.
        "18 U.S.C. 1951 - Hobbs Act robbery; 18 U.S.C. 924(c) - brandishing",
        "18 U.S.C. 2 - aiding and abetting, 924(c)",
        "18:1951=RB.F; 18:924C.F",
        "18 U.S.C. 1951 = robbery, 18 U.S.C. 924(c)",
        "18 U.S.C. 1951 \u2014 robbery; 924(c)",
        "18 U.S.C. 1951 - robbery and \u00a7 924(c)",
        "18 U.S.C. 1951 - robbery, see Title 18",
        # A description in parentheses is not a subsection: "113(assault)" is not outside
        # 113(a)(1), (7), (8) (clause (vi)); "2113(robbery)" not outside 2113(e) (xxxiii).
        "18 U.S.C. § 113 (assault)",
        "18 U.S.C. 2113 (robbery)",
        "18 U.S.C. 924 (gun)",
    ],
)
def test_adversarial_spellings_of_listed_offenses_are_never_eligible(spelling: str) -> None:
    outcome, eligible = credits(spelling)
    assert outcome in NOT_CLEARED, (spelling, outcome)
    assert eligible is not True


@pytest.mark.parametrize(
    "text",
    ["１８ U.S.C. ９２４(c)", "18 U.S.C. 111l", "18 U.S.C. 1O30", "18 U.S.C. 1951 - x; 924(c)"],
)
def test_the_reader_refuses_them_rather_than_misreading(text: str) -> None:
    assert isinstance(read_statute(text), Unreadable)


def test_zero_padded_sections_read_without_their_zeros() -> None:
    reading = read_statute("18:0924(C)(1)(A)")
    assert isinstance(reading, Statute)
    assert reading.canonical == "18 U.S.C. 924(C)(1)(A)"


def test_descriptions_with_numbers_but_no_citation_are_still_read() -> None:
    # Quantities in a description are not citations: the count reads as 841(b)(1)(A).
    reading = read_statute(
        "21 U.S.C. 841(b)(1)(A) - distribution of 5 kilograms or more of cocaine"
    )
    assert isinstance(reading, Statute)
    assert reading.canonical == "21 U.S.C. 841(b)(1)(A)"


def test_unlisted_offenses_keep_their_answer() -> None:
    # 18 U.S.C. 1343 (wire fraud) and 1951 (Hobbs Act) are named by no clause: the guards
    # above must not make them undecided.
    for spelling in ("18:01343", "18 U.S.C. 1951 - Hobbs Act robbery", "18 USC 1343"):
        assert credits(spelling) == (Outcome.eligible, True), spelling


# --- the marijuana proclamations -------------------------------------------------------------


def pardon(statute: str, **count: Any) -> Outcome:
    return ask(MARIJUANA, marijuana_record(statute, **count), "2024-06-01").outcome


def test_844_alone_is_pardoned() -> None:
    # Proclamation 10467 (2022-10-06) pardons 21 U.S.C. 844 marijuana possession; the record's
    # offense (2015) is before it.
    assert pardon("21 U.S.C. 844") is Outcome.eligible


@pytest.mark.parametrize(
    "statute",
    [
        # A count that names 844 beside another provision may be for the other offense.
        "21 U.S.C. 841(a)(1) and 844",
        "21 U.S.C. 844 and 841(a)(1)",
        "21 U.S.C. §§ 844, 856",
        "21 U.S.C. 844; 18 U.S.C. 924(c)",
        "21 U.S.C. 844 and 18 U.S.C. 2",
        "18 U.S.C. 13; 21 U.S.C. 844",
        "21 U.S.C. 844(a) (Article 112a)",
        "21 U.S.C. 844 and D.C. Code 48-904.01(a)",
        "D.C. Code 48-904.01(d)(1) and 48-904.01(a)",
        "36 CFR 2.35(b)(2) and 2.35(a)",
        # A citation in the description.
        "21 U.S.C. 844 - possession; 21 U.S.C. 841(a)(1)",
        "21:844=MP.M; 21:841A=ND.F",
        # Digits that are not ASCII.
        "21 U.S.C. ８４４",
    ],
)
def test_a_count_naming_more_than_the_listed_provision_is_not_pardoned(statute: str) -> None:
    assert pardon(statute) is not Outcome.eligible


@pytest.mark.parametrize(
    "count",
    [
        # 10688 adds attempted simple possession (21 U.S.C. 846 with 844 as its object); an
        # object or a statute that also names distribution is not simple possession alone.
        {"statute": "21 U.S.C. 846", "object_offense": "21 U.S.C. 844 and 841"},
        {"statute": "21 U.S.C. 846", "object_offense": "21 U.S.C. 841(a)(1) and 844"},
        {"statute": "21 U.S.C. 846, 841(a)(1)", "object_offense": "21 U.S.C. 844"},
    ],
)
def test_an_attempt_naming_more_than_simple_possession_is_not_pardoned(
    count: dict[str, Any],
) -> None:
    assert pardon(count.pop("statute"), attempt=True, **count) is not Outcome.eligible


# --- the drug clauses (lxv)-(lxviii) ----------------------------------------------------------

NO_DEATH = ["not:death_or_serious_bodily_injury"]  # rules out clause (lviii) for 841 counts


def drug(statute: str, substance: str, *findings: str) -> Outcome:
    det, _ = fsa(
        record(
            [{"statute": statute, "substance": substance, "court_findings": [*NO_DEATH, *findings]}]
        )
    )
    return det.outcome


@pytest.mark.parametrize(
    ("statute", "substance", "findings"),
    [
        # (lxvi): 841(b)(1)(A)(vi) / 960(b)(1)(F), fentanyl "or any analogue thereof".
        ("21 U.S.C. 960(b)(1)(F)", "carfentanil", ()),
        ("21 U.S.C. 841(a)(1), (b)(1)(A)(vi)", "carfentanil", ()),
        ("21 U.S.C. 841(a)(1), (b)(1)(B)(vi)", "acetyl fentanyl", ()),
        (
            "21 U.S.C. 841(a)(1), (b)(1)(A)(vi)",
            "N-phenyl-N-[1-(2-phenylethyl)-4-piperidinyl] propanamide",
            (),
        ),
        # (lxviii): 841(b)(1)(A) with a fentanyl finding (an analogue) and a leader finding.
        ("21 U.S.C. 841(a)(1), (b)(1)(A)", "carfentanil", "leader_organizer"),
        # (lxv): heroin by its chemical name; (lxvii): methamphetamine as dockets call it.
        ("21 U.S.C. 841(a)(1), (b)(1)(A)(i)", "diacetylmorphine", "leader_organizer"),
        ("21 U.S.C. 841(a)(1), (b)(1)(A)(viii)", "crystal meth", "leader_organizer"),
        ("21 U.S.C. 960(b)(1)(H)", "ice", "leader_organizer"),
    ],
)
def test_other_names_of_the_clause_drug_are_listed(
    statute: str, substance: str, findings: tuple[str, ...] | str
) -> None:
    extra = (findings,) if isinstance(findings, str) else findings
    assert drug(statute, substance, *extra) is Outcome.not_eligible


@pytest.mark.parametrize(
    ("statute", "substance"),
    [
        # A name the program does not know is unknown, never "another drug": (lxviii) needs a
        # fentanyl finding under 841(b)(1)(A), which "FRS" (fentanyl-related substance) or
        # "china white" may be.
        ("21 U.S.C. 841(a)(1), (b)(1)(A)", "FRS"),
        ("21 U.S.C. 960(b)(1)", "china white"),
        # The count cites the fentanyl paragraph but the substance says cocaine: a
        # contradiction, for review.
        ("21 U.S.C. 960(b)(1)(F)", "cocaine"),
    ],
)
def test_an_unrecognised_or_contradicted_drug_is_for_review(statute: str, substance: str) -> None:
    assert drug(statute, substance, "leader_organizer") is Outcome.needs_review


def test_the_fentanyl_paragraph_names_its_drug_whatever_the_substance_is_called() -> None:
    # 960(b)(1)(F) is the fentanyl paragraph (lxvi): an unrecognised name changes nothing.
    assert drug("21 U.S.C. 960(b)(1)(F)", "FRS") is Outcome.not_eligible


def test_another_drug_under_a_general_paragraph_is_not_the_clause() -> None:
    # 960(b)(1)(B) is cocaine's paragraph: (lxvi) names (1)(F) only, and (lxviii) needs a
    # fentanyl finding, which a cocaine-only substance rules out.
    assert drug("21 U.S.C. 960(b)(1)(B)", "cocaine", "leader_organizer") is Outcome.eligible
