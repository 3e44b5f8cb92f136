"""3632(d)(4)(D): the shipped table and the matchers over counts."""

from __future__ import annotations

from secondchance.law.sentence.exclusions import CLAUSES, Match, clause_texts, screen_count
from secondchance.record.schema import Count

PATH = "convictions[0].counts[0]"


def hits(statute: str, **kw: object) -> dict[int, Match]:
    count = Count(statute=statute, **kw)  # type: ignore[arg-type]
    return {h.clause.number: h.match for h in screen_count(count, PATH)}


def test_every_clause_of_the_table_has_a_matcher() -> None:
    assert sorted(clause_texts()) == list(range(1, 69))
    assert [c.number for c in CLAUSES] == list(range(1, 69))
    assert "924(c)" in clause_texts()[22]


def test_listed_by_statute_alone() -> None:
    assert hits("18 U.S.C. 924(c)(1)(A)") == {22: Match.listed}
    assert hits("18 U.S.C. § 2252A(a)(2)") == {42: Match.listed}
    assert hits("18 U.S.C. 111(b)") == {5: Match.listed}
    assert hits("18 U.S.C. 2241(a)")[37] is Match.listed  # chapter 109A


def test_not_listed() -> None:
    assert hits("18 U.S.C. 1343") == {}
    assert hits("18 U.S.C. 924(a)(2)") == {}
    assert hits("18 U.S.C. 111(a)") == {}
    assert hits("18 U.S.C. 836") == {}  # fireworks, excepted from chapter 39
    assert hits("D.C. Code 22-2801") == {}


def test_condition_unknown_needs_review_naming_the_field() -> None:
    count = Count(statute="18 U.S.C. 842(p)(2)")
    (hit,) = screen_count(count, PATH)
    assert hit.match is Match.undecided
    assert hit.missing == [f"{PATH}.court_findings"]
    assert hits("18 U.S.C. 842(p)(2)", court_findings=["weapon_of_mass_destruction"]) == {
        18: Match.listed
    }
    assert hits("18 U.S.C. 842(p)(2)", court_findings=["not:weapon_of_mass_destruction"]) == {}


def test_drug_counts() -> None:
    # Penalty paragraph unwritten: undecided on the statute itself.
    undecided = screen_count(Count(statute="21 U.S.C. 841(a)(1)"), PATH)
    assert undecided and all(h.match is Match.undecided for h in undecided)
    assert any(f"{PATH}.statute" in h.missing for h in undecided)
    # (b)(1)(C), no death or injury found: not listed.
    assert (
        hits(
            "21 U.S.C. 841(a)(1), (b)(1)(C)", court_findings=["not:death_or_serious_bodily_injury"]
        )
        == {}
    )
    # Fentanyl (b)(1)(A)(vi) is listed without any finding (clause lxvi).
    assert hits("21 U.S.C. 841(b)(1)(A)(vi)")[66] is Match.listed
    # Methamphetamine with an organiser finding (clause lxvii).
    found = hits(
        "21 U.S.C. 841(a)(1), (b)(1)(A)(viii)",
        substance="methamphetamine",
        court_findings=["leader_organizer", "not:death_or_serious_bodily_injury"],
    )
    assert found == {67: Match.listed}


def test_reentry_only_with_b1_or_b2() -> None:
    assert hits("8 U.S.C. 1326(a)") == {59: Match.undecided}
    assert hits("8 U.S.C. 1326(a), (b)(2)") == {59: Match.listed}


def test_exception_within_a_chapter() -> None:
    assert hits("18 U.S.C. 1112") == {51: Match.undecided}  # prior-conviction clause only
    assert hits("18 U.S.C. 1113") == {25: Match.undecided}
    assert hits("18 U.S.C. 1113", court_findings=["attempt_to_commit_manslaughter"]) == {}
    assert hits("18 U.S.C. 1111")[25] is Match.listed


def test_conspiracy_needs_review() -> None:
    assert hits("18 U.S.C. 924(c)", conspiracy=True) == {22: Match.undecided}
