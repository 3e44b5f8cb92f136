"""The 3632(d)(4)(D) table (data/fsa_ineligible_offenses_18usc3632d4D.yaml): one row per clause
with its text and what it names, read into the clauses the screening matches."""

from __future__ import annotations

import pytest

from secondchance.law.sentence.clauses import CLAUSES, Provision, clause, clause_texts, table


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv")):
        while n >= value:
            out, n = out + letters, n - value
    return out + "i" * n


def test_one_row_per_clause_in_the_statutes_order() -> None:
    # 3632(d)(4)(D) runs from (i) to (lxviii): 68 clauses.
    assert [c.number for c in CLAUSES] == list(range(1, 69))
    assert [c.label for c in CLAUSES] == [f"3632(d)(4)(D)({_roman(n)})" for n in range(1, 69)]
    assert CLAUSES[67].label == "3632(d)(4)(D)(lxviii)"
    assert clause_texts()[22].startswith("Section 924(c), relating to unlawful possession")


def test_a_whole_chapter_with_its_exceptions() -> None:
    # (xxvii): "Any offense under chapter 77 ... except for sections 1593 through 1596"; chapter
    # 77 runs from 1581 to 1597 (the verified copy noted in the table).
    (prov,) = CLAUSES[26].provisions
    assert prov == Provision(
        18,
        section_range=(1581, 1597),
        except_sections=("1593", "1594", "1595", "1596"),
        review_sections=((1593, 1596),),
    )
    # (xxv): 1113 is excepted "only if the conviction was for an attempt to commit manslaughter".
    assert CLAUSES[24].unless == {"1113": "attempt_to_commit_manslaughter"}


def test_subsections_penalty_paragraphs_and_conditions() -> None:
    # (vi): "Paragraph (1), (7), or (8) of section 113(a)".
    assert CLAUSES[5].provisions[0].subsections == (("a", "1"), ("a", "7"), ("a", "8"))
    # (lxvi): 841(b)(1)(A)(vi) or (B)(vi), 960(b)(1)(F) or (2)(F) - penalty paragraphs, fentanyl.
    first, second, *punished = CLAUSES[65].provisions
    assert (first.title, first.section, first.penalty) == (21, "841", True)
    assert second.subsections == (("b", "1", "F"), ("b", "2", "F"))
    # The offenses 960(a) punishes under 960(b) (952, 953, 955, 957, 959) and the vessel
    # offenses 46 U.S.C. 70506(a), (b) punishes under 960, and their home before 2006 (46 U.S.C.
    # App. 1903, the Maritime Drug Law Enforcement Act); then 46 U.S.C. 1903 cited without
    # "App.", for review.
    *punished, bare = punished
    assert [(p.title, p.section) for p in punished] == [
        (21, "952"), (21, "953"), (21, "955"), (21, "957"), (21, "959"),
        (46, "70503"), (46, "70506"), (46, "1903"),
    ]  # fmt: skip
    assert punished[-1].appendix
    assert {p.penalty_in for p in punished} == {(21, "960", "b")}
    assert (bare.title, bare.section, bare.appendix) == (46, "1903", False) and bare.review
    assert CLAUSES[65].substance == "fentanyl"
    # (xviii): "only if the conviction involved a weapon of mass destruction".
    assert CLAUSES[17].requires == ("weapon_of_mass_destruction",)
    # (lxii): the Export Administration Act, also cited to the Appendix of title 50.
    assert CLAUSES[61].provisions[2].appendix and CLAUSES[61].provisions[2].review


def test_a_misspelt_key_is_an_error_not_ignored() -> None:
    # A condition under a wrong name would silently widen a clause: the loader refuses it.
    row = dict(table()[17])
    row["require"] = row.pop("requires")
    with pytest.raises(ValueError, match="unknown key"):
        clause(row)
    row = dict(table()[4])
    row["match"] = [{"title": 18, "section": "111", "subsection": ["(b)"]}]
    with pytest.raises(ValueError, match="subsection"):
        clause(row)
