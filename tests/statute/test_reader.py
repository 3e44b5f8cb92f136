"""The statute reader: the spellings it accepts, their canonical form, and what is unreadable.

Expected canonical forms are written from the citation itself (title, section, subsections),
not produced by running the reader.
"""

from __future__ import annotations

import pytest

from secondchance.record.statute import (
    MAX_LENGTH,
    Code,
    Provision,
    Statute,
    Unreadable,
    read_statute,
    unreadable_reason,
)

C924 = Provision(Code.usc, 18, "924", ("c",))

SPELLINGS_924C = [
    "18 U.S.C. 924(c)",
    "18 U.S.C. Sec. 924(c)",
    "18 U.S.C. section 924(c)",
    "18 U.S.C. § 924(c)",
    "18 U.S.C. §924(c)",
    "18 USC 924(c)",
    "18 U.S.C.A. § 924(c)",
    "18 U. S. C. 924 (c)",
    "Title 18, United States Code, Section 924(c)",
    "Title 18 U.S.C. § 924(c)",
    "Section 924(c) of Title 18, United States Code",
    "18:924(c)",
    "18 USC 924c",
    "18 U.S.C. 924(c).",
    "18 U.S.C. 924(c) - use of a firearm during a crime of violence",
]


@pytest.mark.parametrize("text", SPELLINGS_924C)
def test_every_spelling_of_924c_reads_as_924c(text: str) -> None:
    reading = read_statute(text)
    assert isinstance(reading, Statute), reading
    (p,) = reading.provisions
    assert (p.code, p.title, p.section, p.subsections) == (Code.usc, 18, "924", ("c",))
    assert reading.canonical == "18 U.S.C. 924(c)"


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # Several subsection groups of one section (a judgment's "Title & Section" column).
        ("21 U.S.C. 841(a)(1), (b)(1)(A)", "21 U.S.C. 841(a)(1); 21 U.S.C. 841(b)(1)(A)"),
        ("21 U.S.C. § 841(a)(1) and (b)(1)(C)", "21 U.S.C. 841(a)(1); 21 U.S.C. 841(b)(1)(C)"),
        # Trailing subsections without parentheses.
        ("21 U.S.C. 841a1", "21 U.S.C. 841(a)(1)"),
        ("18 USC 924c1A", "18 U.S.C. 924(c)(1)(A)"),
        # Lists of sections, one title or several.
        ("21 U.S.C. §§ 841(a)(1) and 846", "21 U.S.C. 841(a)(1); 21 U.S.C. 846"),
        ("18 U.S.C. §§ 2, 924(c)", "18 U.S.C. 2; 18 U.S.C. 924(c)"),
        ("21 U.S.C. 846 and 18 U.S.C. 2", "21 U.S.C. 846; 18 U.S.C. 2"),
        # Ranges and et seq.
        ("18 U.S.C. 2241-2248", "18 U.S.C. 2241-2248"),
        ("18 U.S.C. §§ 2241 through 2248", "18 U.S.C. 2241-2248"),
        ("21 U.S.C. 801 et seq.", "21 U.S.C. 801 et seq."),
        # Lettered sections of the Code.
        ("18 U.S.C. § 2252A(a)(2)", "18 U.S.C. 2252A(a)(2)"),
        ("18 U.S.C. 2332a(a)(2)", "18 U.S.C. 2332a(a)(2)"),
        ("42 U.S.C. 1320a-7b(b)", "42 U.S.C. 1320a-7b(b)"),
        ("50 U.S.C. App. 2410", "50 U.S.C. App. 2410"),
        ("21 U.S.C. 841(b)(1)(A)(viii)", "21 U.S.C. 841(b)(1)(A)(viii)"),
        # Other codes the programs use.
        ("D.C. Code § 48-904.01(d)(1)", "D.C. Code 48-904.01(d)(1)"),
        ("DC Code 48-904.09", "D.C. Code 48-904.09"),
        ("36 C.F.R. § 2.35(b)(2)", "36 CFR 2.35(b)(2)"),
        ("41 CFR 102-74.400(a)", "41 CFR 102-74.400(a)"),
        ("43 CFR 8365.1-4(b)(2)", "43 CFR 8365.1-4(b)(2)"),
        ("UCMJ art. 125", "UCMJ art. 125"),
        ("Article 125, UCMJ", "UCMJ art. 125"),
        ("Art 112a", "UCMJ art. 112a"),
        ("Article 125, UCMJ (10 U.S.C. 925)", "UCMJ art. 125; 10 U.S.C. 925"),
    ],
)
def test_canonical_forms(text: str, canonical: str) -> None:
    reading = read_statute(text)
    assert isinstance(reading, Statute), reading
    assert reading.canonical == canonical


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "924(c)",  # no title
        "Cal. Penal Code 11350",  # a state code
        "18 U.S.C. 924(c) or (j)",  # an alternative, not a citation
        "firearm count",
        "18 U.S.C.",  # no section
        "18 U.S.C. 924(c",  # unclosed
        "18 USC 924C1A",  # letters and numbers joined in capitals
        "18 U.S.C. 924ca",  # joined letters that are not one subsection
    ],
)
def test_unreadable_carries_the_text_and_why(text: str) -> None:
    reading = read_statute(text)
    assert isinstance(reading, Unreadable)
    assert reading.text == text
    assert reading.reason


@pytest.mark.parametrize(
    "text",
    [
        "21 U.S.C. 844 (841)",  # 841 is a section of title 21, not paragraph (841) of 844
        "21 U.S.C. 844 (846)",
        "21 U.S.C. 844(a)(841)",
        "21 U.S.C. § 844(846)",
        "21 USC 844 (841(a)(1))",
        "18 U.S.C. 1951 (924)",
        "21 U.S.C. 844 (2012)",  # an edition's year is no subsection either
    ],
)
def test_a_section_number_in_parentheses_is_not_a_subsection(text: str) -> None:
    # A number of three or more digits in parentheses may be another section of the title:
    # unreadable (for review), never read as a subsection of the section before it.
    reading = read_statute(text)
    assert isinstance(reading, Unreadable), reading


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("21 U.S.C. 844 (a)", "21 U.S.C. 844(a)"),
        ("21 U.S.C. 802(16)", "21 U.S.C. 802(16)"),
        ("8 U.S.C. 1101(a)(43)", "8 U.S.C. 1101(a)(43)"),
    ],
)
def test_short_numbers_in_parentheses_stay_subsections(text: str, canonical: str) -> None:
    reading = read_statute(text)
    assert isinstance(reading, Statute), reading
    assert reading.canonical == canonical


@pytest.mark.parametrize(
    "text",
    [
        "21 U.S.C. 844 - simple possession; 841",
        "21 U.S.C. 844 - PWID, 841",
        "21 U.S.C. 844 = 846",
        "21 U.S.C. 844 - within 1000 feet of a school, 860",
        "18 U.S.C. 1951 - robbery; 924",
    ],
)
def test_a_section_number_in_the_description_is_unreadable(text: str) -> None:
    # The description is not read as a citation, so a number in it that may be a section (three
    # or more digits) would be lost: unreadable rather than read as the first section alone.
    reading = read_statute(text)
    assert isinstance(reading, Unreadable), reading


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("21 U.S.C. 844 - simple possession", "simple possession"),
        ("21 U.S.C. 844 - conspiracy to possess", "conspiracy to possess"),
        ("D.C. Code 48-904.01(d)(1) - PWID", "PWID"),
        ("18:1951=RB.F", "RB.F"),
        ("21 U.S.C. 844(a)", ""),
    ],
)
def test_the_description_is_kept(text: str, description: str) -> None:
    reading = read_statute(text)
    assert isinstance(reading, Statute), reading
    assert reading.description == description


def test_huge_numbers_and_long_texts_are_unreadable_not_slow() -> None:
    # A 20,000-digit section: refused on length before any parsing.
    assert isinstance(read_statute("18 U.S.C. " + "9" * 20_000), Unreadable)
    # Within the length limit, a section or title number of hundreds of digits is refused too.
    long_section = read_statute("18 U.S.C. " + "9" * 250)
    assert isinstance(long_section, Unreadable) and "digits" in long_section.reason
    assert isinstance(read_statute("9" * 250 + " U.S.C. 1"), Unreadable)
    # Deep parentheses and long runs of separators stay within the limit and are read once.
    assert isinstance(read_statute("18 U.S.C. 924" + "(" * (MAX_LENGTH - 20)), Unreadable)
    assert isinstance(read_statute("18 U.S.C. 924(c)" + ", and" * 50), Unreadable)
    assert isinstance(read_statute("x" * (MAX_LENGTH + 1)), Unreadable)


def test_a_joined_letter_keeps_its_other_reading() -> None:
    # "2340a": read as 2340(a); 2340A (torture) may be meant.
    reading = read_statute("18 U.S.C. 2340a")
    assert isinstance(reading, Statute)
    (p,) = reading.provisions
    assert str(p) == "18 U.S.C. 2340(a)"
    assert str(p.other_reading()) == "18 U.S.C. 2340A"
    # "924C" in capitals: read as a section 924C, whose other reading is 924(c).
    caps = read_statute("18 USC 924C")
    assert isinstance(caps, Statute)
    assert str(caps.provisions[0].other_reading()) == "18 U.S.C. 924(c)"
    # Before parentheses the letter is read as part of the section, but a docket may write
    # "924c(1)(A)" for 924(c)(1)(A): the other reading is kept.
    lettered = read_statute("18 U.S.C. 2252A(a)")
    assert isinstance(lettered, Statute)
    assert str(lettered.provisions[0]) == "18 U.S.C. 2252A(a)"
    assert str(lettered.provisions[0].other_reading()) == "18 U.S.C. 2252(a)(a)"
    joined = read_statute("18 U.S.C. 924c(1)(A)")
    assert isinstance(joined, Statute)
    assert str(joined.provisions[0].other_reading()) == "18 U.S.C. 924(c)(1)(A)"
    # Two letters are a section ("2332b" is not one letter): no other reading.
    assert str(read_statute("15 U.S.C. 78ff(a)").provisions[0]) == "15 U.S.C. 78ff(a)"  # type: ignore[union-attr]
    assert read_statute("15 U.S.C. 78ff(a)").provisions[0].other_reading() is None  # type: ignore[union-attr]


def test_ranges_and_et_seq_are_not_one_section() -> None:
    assert unreadable_reason(read_statute("21 U.S.C. 801 et seq.")) is not None
    assert unreadable_reason(read_statute("18 U.S.C. 2241-2248")) is not None
    assert unreadable_reason(read_statute("18 U.S.C. 924(c)")) is None


def test_texts_over_the_limit_are_not_cached() -> None:
    # A batch of hostile 20,000-character statutes must not fill memory through the cache.
    from secondchance.record import statute

    before = statute._read_cached.cache_info().currsize
    for k in range(5):
        assert isinstance(read_statute(str(k) * 20_000), Unreadable)
    assert statute._read_cached.cache_info().currsize == before
