"""A citation naming a subdivision its section does not have is not the bare section: for
review, quoting the text, in the marijuana proclamations and in the time-credit screen
(law/subdivisions.py; the table's source is the OLRC text of the Code)."""

from __future__ import annotations

from datetime import date

import pytest

from secondchance.engine.determination import Outcome
from secondchance.law.sentence.counts import mandate
from secondchance.law.subdivisions import impossible_subdivision
from tests.clemency.helpers import MARIJUANA, ask, text
from tests.clemency.test_marijuana_pardon import record as marijuana_record
from tests.sentence.test_records import fsa, record
from tests.sentence.test_review_fixes import block, per_count

PATH = "convictions[0].counts[0]"


@pytest.mark.parametrize(
    "statute",
    [
        # 21 U.S.C. 844 has subsections (a), (b) (repealed 1984) and (c) only; (a) is one
        # paragraph with no numbered paragraphs. None of these is 844.
        "21 U.S.C. 844(aa)",
        "21 U.S.C. 844(d)",
        "21 U.S.C. 844(z)",
        "21 U.S.C. 844(a)(1)",
        # 21 U.S.C. 846 is one paragraph: it has no subsection (a).
        "21 U.S.C. 846(a)",
    ],
)
def test_a_missing_subdivision_of_844_or_846_is_not_pardoned(statute: str) -> None:
    # Before the fix each read as bare 844 (or 846): eligible, pardoned on 2022-10-06.
    det = ask(MARIJUANA, marijuana_record(statute), "2024-06-01")
    assert det.outcome in (Outcome.needs_review, Outcome.insufficient_facts)
    assert f"{PATH}.statute" in det.missing_facts
    assert statute in text(det)
    assert "not a subdivision the Code has" in text(det)


@pytest.mark.parametrize("statute", ["21 U.S.C. 844", "21 U.S.C. 844(a)", "21 USC 844a"])
def test_real_844_citations_keep_their_answer(statute: str) -> None:
    # 844 and 844(a) are simple possession (pardoned by 10467 on 2022-10-06, offense 2015);
    # "844a" is read as section 844a (a civil penalty), not listed, as before.
    det = ask(MARIJUANA, marijuana_record(statute), "2024-06-01")
    assert "not a subdivision the Code has" not in text(det)


@pytest.mark.parametrize(
    ("statute", "states"),
    [
        # 844(c): "As used in this section, the term 'drug, narcotic, or chemical offense'
        # means ..." - a definition, no offense.
        ("21 U.S.C. 844(c)", "defines"),
        # 844(b): special probation of a first offender under (a), proceedings deferred without
        # a judgment of guilty; repealed by Pub. L. 98-473 (1984), now 18 U.S.C. 3607.
        ("21 U.S.C. 844(b)", "special probation"),
        ("21 U.S.C. 844 (b)(1)", "special probation"),
    ],
)
def test_a_844_subsection_that_states_no_offense_is_not_pardoned(statute: str, states: str) -> None:
    # Before the fix each read as an offense of 844: eligible, pardoned by Proclamation 10467 on
    # 2022-10-06 (offense 2015). Neither names the offense: for review, quoting the text.
    det = ask(MARIJUANA, marijuana_record(statute), "2024-06-01")
    assert det.outcome in (Outcome.needs_review, Outcome.insufficient_facts)
    assert f"{PATH}.statute" in det.missing_facts
    assert statute in text(det) and "states no offense" in text(det) and states in text(det)


@pytest.mark.parametrize(("upper", "lower"), [("844(A)", "844(a)"), ("844(I)", "844(i)")])
def test_a_subsection_letter_reads_the_same_in_either_case(upper: str, lower: str) -> None:
    # The reader compares subsection designations without regard to case (docs/statutes.md:
    # 841(b)(1)(a) is 841(b)(1)(A); 18:0924(C)(1)(A) is 924(c)(1)(A)). 844(A) is 844(a), simple
    # possession (pardoned 2022-10-06); 844(I) is 844(i), which 844 does not have (review). It is
    # the letter, not its case, that sends 844(I) to review.
    first = ask(MARIJUANA, marijuana_record(f"21 U.S.C. {upper}"), "2024-06-01")
    second = ask(MARIJUANA, marijuana_record(f"21 U.S.C. {lower}"), "2024-06-01")
    assert (first.outcome, first.date, first.missing_facts) == (
        second.outcome,
        second.date,
        second.missing_facts,
    )


def test_an_attempts_object_naming_a_missing_subdivision_is_for_review() -> None:
    # 10688 lists attempted simple possession (846 with 844 as its object); "844(z)" as the
    # object is not 844.
    rec = marijuana_record(
        "21 U.S.C. 846",
        offense="2020-01-01",
        convicted="2020-06-01",
        attempt=True,
        object_offense="21 U.S.C. 844(z)",
    )
    det = ask(MARIJUANA, rec, "2024-06-01")
    assert det.outcome in (Outcome.needs_review, Outcome.insufficient_facts)
    assert f"{PATH}.object_offense" in det.missing_facts


@pytest.mark.parametrize(
    "statute",
    [
        # 18 U.S.C. 924 has (a)-(p); bare 924 is needs_review (its (c) is clause (xxii)).
        "18 U.S.C. 924(z)",
        "18 U.S.C. 924(cc)",
        # 841(b)(1) has subparagraphs (A)-(E); clauses (lxv)-(lxviii) list paragraphs of (A) and
        # (B).
        "21 U.S.C. 841(a)(1), (b)(1)(Z)",
        "21 U.S.C. 841(b)(1)(A)(ix)",
        # 18 U.S.C. 844 has (a)-(p); (f)(3), (h), (i) are listed (xix).
        "18 U.S.C. 844(z)",
        # 18 U.S.C. 2113 has (a)-(h); (e) is listed (xxxiii).
        "18 U.S.C. 2113(z)",
        # 18 U.S.C. 2118 has (a)-(e) ((c) listed, (xxxiv)); 1841 has (a)-(d) ((a)(2)(C), (xxxi)).
        "18 U.S.C. 2118(f)",
        "18 U.S.C. 1841(e)",
    ],
)
def test_a_missing_subdivision_of_a_listed_section_is_not_eligible_for_credits(
    statute: str,
) -> None:
    # Before the fix each was "not listed": eligible to earn time credits.
    det, block = fsa(record([{"statute": statute}]))
    assert det.outcome is Outcome.needs_review
    assert f"{PATH}.statute" in det.missing_facts
    assert block["fsa"]["eligible"] is None


@pytest.mark.parametrize(
    ("statute", "why"),
    [
        ("21 U.S.C. 844(a)", None),
        ("21 U.S.C. 841(b)(1)(A)(viii)", None),
        ("18 U.S.C. 924(c)(1)(A)", None),  # (c)'s paragraphs are not in the table: not checked
        ("18 U.S.C. 1343(z)", None),  # a section the table does not describe
        ("21 U.S.C. 841(b)(1)(F)", "21 U.S.C. 841(b)(1)(F) is not a subdivision"),
        ("21 U.S.C. 844(a), 846(b)", "21 U.S.C. 846(b) is not a subdivision"),
    ],
)
def test_which_subdivisions_are_missing(statute: str, why: str | None) -> None:
    found = impossible_subdivision(statute)
    assert (found is None) if why is None else (found is not None and why in found)


@pytest.mark.parametrize(
    ("statute", "expected"),
    [
        # 924 has no (z): it may be 924(c), whose term 924(c)(1)(D)(ii) makes consecutive.
        ("18 U.S.C. 924(z)", ("18 U.S.C. 924(c)", False)),
        ("18 U.S.C. 924(c)", ("18 U.S.C. 924(c)", True)),
        ("18 U.S.C. 924(a)", None),  # (a) exists and is not (c)
    ],
)
def test_a_missing_subdivision_of_924_may_be_924c_for_the_term(
    statute: str, expected: tuple[str, bool] | None
) -> None:
    assert mandate(statute) == expected


def test_a_count_under_924z_needs_review_for_its_consecutive_term() -> None:
    # As for "18 U.S.C. 924" (test_review_fixes): run by the 3584(a) default (concurrent: the
    # longer, 60 months) but flagged, naming the statute (before the fix: no flag).
    found = block(
        per_count(("21 U.S.C. 841(a)(1)", "60 months"), ("18 U.S.C. 924(z)", "24 months")),
        date(2023, 6, 1),
    )
    assert found["term"] == "60 months"
    assert found["status"] == "needs_review"
    assert "convictions[0].counts[1].statute" in found["missing_facts"]
    assert any("convictions[0].counts[1]" in r and "924(c)" in r for r in found["needs_review"])


# --- hostile spellings that read more favourably than the clean citation ----------------------


@pytest.mark.parametrize(
    "statute",
    [
        # Meant: 111(a) and (b); (b) (a deadly weapon or bodily injury) is clause (v). Before:
        # read as 111(a) with the description "(b)", or as a paragraph "(b)" of (a) - eligible.
        "18 U.S.C. 111(a)-(b)",
        "18 U.S.C. 111(a)\u2013(b)",
        "18 U.S.C. 111(a) - (b)",
        "18 U.S.C. 111(a) - b",
        "18 U.S.C. 111(a) - subsection (b)",
        "18 U.S.C. 111(a)(b)",
    ],
)
def test_a_subsection_range_or_pair_is_not_read_as_its_first_subsection(statute: str) -> None:
    assert fsa(record([{"statute": "18 U.S.C. 111(a) and (b)"}]))[0].outcome is (
        Outcome.not_eligible
    )
    det, _ = fsa(record([{"statute": statute}]))
    assert det.outcome is Outcome.needs_review
    assert f"{PATH}.statute" in det.missing_facts


@pytest.mark.parametrize(
    "statute", ["21 U.S.C. 844(a) - poss. w/i/t/d", "21 U.S.C. 844(a) - dist.", "21 USC 844 WITD"]
)
def test_abbreviations_of_distribution_are_not_simple_possession(statute: str) -> None:
    # As "21 U.S.C. 844 - possession with intent to distribute": for review (the
    # proclamations pardon no activity beyond simple possession). Before: eligible.
    det = ask(MARIJUANA, marijuana_record(statute), "2024-06-01")
    assert det.outcome in (Outcome.needs_review, Outcome.insufficient_facts)


@pytest.mark.parametrize(
    "statute", ["21 U.S.C. 844 - simple possession", "21 U.S.C. 844 - a misdemeanor"]
)
def test_plain_descriptions_still_read(statute: str) -> None:
    # 844, offense 2015, a citizen: pardoned by 10467 on 2022-10-06.
    det = ask(MARIJUANA, marijuana_record(statute), "2024-06-01")
    assert det.outcome is Outcome.eligible
