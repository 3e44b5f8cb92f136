"""3632(d)(4)(D): the shipped table and the matchers over counts."""

from __future__ import annotations

from secondchance.law.sentence.exclusions import (
    CLAUSES,
    Match,
    clause_texts,
    object_offense_note,
    screen_count,
    substance_named,
    unreadable,
)
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


def test_chapter_boundaries_from_the_code() -> None:
    # First/last section of each whole-chapter clause and the sections just outside it, as in the
    # OLRC copy named in exclusions.py (codexstanford/markdonw-chunck-of-the-usa-code).
    inside = {
        "18 U.S.C. 175": 10, "18 U.S.C. 175c": 10, "18 U.S.C. 178": 10,
        "18 U.S.C. 229": 11, "18 U.S.C. 229F": 11,
        "18 U.S.C. 831": 17, "18 U.S.C. 832": 17,
        "18 U.S.C. 1111": 25, "18 U.S.C. 1121": 25,
        "18 U.S.C. 1201": 26, "18 U.S.C. 1204": 26,
        "18 U.S.C. 1581": 27, "18 U.S.C. 1592": 27, "18 U.S.C. 1597": 27,
        "18 U.S.C. 2151": 36, "18 U.S.C. 2156": 36,
        "18 U.S.C. 2241": 37, "18 U.S.C. 2248": 37,
        "18 U.S.C. 2331": 47, "18 U.S.C. 2339D": 47,
        "50 U.S.C. 4611": 62, "50 U.S.C. 4613": 62,
    }  # fmt: skip
    for statute, clause in inside.items():
        assert hits(statute).get(clause) is Match.listed, statute
    outside = [
        "18 U.S.C. 158", "18 U.S.C. 201", "18 U.S.C. 228", "18 U.S.C. 231", "18 U.S.C. 799",
        "18 U.S.C. 841", "18 U.S.C. 1093", "18 U.S.C. 1151", "18 U.S.C. 1170",
        "18 U.S.C. 1231", "18 U.S.C. 1547", "18 U.S.C. 1621", "18 U.S.C. 2119(1)",
        "18 U.S.C. 2191", "18 U.S.C. 2237", "18 U.S.C. 2328", "18 U.S.C. 2340",
        "50 U.S.C. 4568", "50 U.S.C. 4701", "50 U.S.C. 4819",
    ]  # fmt: skip
    for statute in outside:
        assert not {n for n, m in hits(statute).items() if m is Match.listed} - {35}, statute


def test_chapter_exceptions_from_the_table() -> None:
    # (xxvii): "except for sections 1593 through 1596".
    for section in ("1593", "1594(c)", "1595", "1596"):
        assert hits(f"18 U.S.C. {section}") == {}, section
    # 1593A and 1595A sit between 1593 and 1596 in the Code: undecided, naming the statute.
    for section in ("1593A", "1595A"):
        (hit,) = screen_count(Count(statute=f"18 U.S.C. {section}"), PATH)
        assert (hit.clause.number, hit.match) == (27, Match.undecided)
        assert hit.missing == [f"{PATH}.statute"]
    # (xxv): 1112, 1115 and 1122 excepted outright (1112 only reaches (li)).
    assert hits("18 U.S.C. 1115") == {}
    assert hits("18 U.S.C. 1122") == {}
    # (xxxvi): 2152 excepted.
    assert hits("18 U.S.C. 2152") == {}
    # (xix): only 844(f)(3), (h), (i).
    assert hits("18 U.S.C. 844(f)(1)") == {}
    assert hits("18 U.S.C. 844(h)")[19] is Match.listed
    # (lxii): a title 50 section of chapter 56's number space not in the copy: undecided.
    assert hits("50 U.S.C. 4610") == {62: Match.undecided}


def test_prior_serious_violent_felony_clause_li() -> None:
    # (li): a serious violent felony of 3559(c)(2)(F) plus a prior conviction of a listed kind.
    prior = "prior_serious_violent_felony_served_over_1_year"
    # Bank robbery is named by 3559(c)(2)(F)(i) ("robbery (as described in section 2111, 2113,
    # or 2118)"): listed with the prior conviction, undecided without a finding, out with "not:".
    assert hits("18 U.S.C. 2113(a)", court_findings=[prior]) == {51: Match.listed}
    assert hits("18 U.S.C. 2113(a)") == {51: Match.undecided}
    assert hits("18 U.S.C. 2113(a)", court_findings=[f"not:{prior}"]) == {}
    # Wire fraud is not named: nothing unless the prior conviction is found, then undecided
    # ((ii) reaches offenses of 10 years or more with a force element).
    assert hits("18 U.S.C. 1343") == {}
    (hit,) = screen_count(Count(statute="18 U.S.C. 1343", court_findings=[prior]), PATH)
    assert (hit.clause.number, hit.match) == (51, Match.undecided)
    assert hit.missing == [f"{PATH}.statute"]
    # Manslaughter: (F)(i) takes only "manslaughter other than involuntary manslaughter".
    assert hits("18 U.S.C. 1112", court_findings=[prior]) == {51: Match.undecided}
    found = [prior, "not:involuntary_manslaughter"]
    assert hits("18 U.S.C. 1112", court_findings=found) == {51: Match.listed}
    assert hits("18 U.S.C. 1112", court_findings=[prior, "involuntary_manslaughter"]) == {}


def test_clause_li_robbery_subsections_only() -> None:
    prior = "prior_serious_violent_felony_served_over_1_year"
    # 2113(b) is bank larceny, not robbery: not named; undecided only through (ii) with the prior.
    assert hits("18 U.S.C. 2113(b)") == {}
    assert hits("18 U.S.C. 2113(b)", court_findings=[prior]) == {51: Match.undecided}
    assert hits("18 U.S.C. 2113(d)", court_findings=[prior]) == {51: Match.listed}


def test_appendix_citations() -> None:
    # The Appendix of title 50 is undecided under (lxii); an Appendix section never matches the
    # title's own section of the same number (18 U.S.C. App. 3 is not 18 U.S.C. 3).
    assert hits("50 U.S.C. App. 2410(a)") == {62: Match.undecided}
    assert hits("18 U.S.C. App. 1111") == {}
    assert hits("18 U.S.C. 1111")[25] is Match.listed


def test_section_601_of_the_national_security_act_by_its_former_classification() -> None:
    # (lxiv) names "Section 601 of the National Security Act of 1947 (50 U.S.C. 3121)": 3121 is
    # listed. Until 2014 section 601 was classified to 50 U.S.C. 421: undecided on the statute
    # (as the Appendix citations of (lxii)), never "not listed". 422 is neither.
    assert hits("50 U.S.C. 3121(a)") == {64: Match.listed}
    (hit,) = screen_count(Count(statute="50 U.S.C. 421(a)"), PATH)
    assert (hit.clause.number, hit.match, hit.missing) == (64, Match.undecided, [f"{PATH}.statute"])
    assert "section 601" in hit.reason
    assert hits("50 U.S.C. 422") == {}


def test_conspiracy_is_screened_through_its_object_offense() -> None:
    # 21 U.S.C. 846 (attempt or conspiracy to commit a title 21 subchapter I offense) is named by
    # no clause of 3632(d)(4)(D); the clauses that name 21 U.S.C. 841 are (lviii), (lxv)-(lxviii).
    # Object 841(a)(1), (b)(1)(A) with fentanyl:
    #   (lviii) 841(b)(1)(A)-(C) "for which death or serious bodily injury resulted": no finding
    #           either way -> may list;
    #   (lxv)   heroin, (lxvii) methamphetamine: the substance is fentanyl -> out;
    #   (lxvi)  fentanyl, 841(b)(1)(A)(vi) or (B)(vi): (b)(1)(A) is written without its clause
    #           (vi) -> may list;
    #   (lxviii) (b)(1)(A) or (B), fentanyl (found: the substance) and a leader/organiser finding
    #           (unknown) -> may list.
    # Whether a conspiracy to commit a listed offense is itself listed is a legal question, so
    # every one is undecided, and each names object_offense.
    count = Count(
        statute="21 U.S.C. 846",
        conspiracy=True,
        object_offense="21 U.S.C. 841(a)(1), (b)(1)(A)",
        substance="fentanyl",
    )
    found = {h.clause.number: h for h in screen_count(count, PATH)}
    assert {n: h.match for n, h in found.items()} == {
        58: Match.undecided,
        66: Match.undecided,
        68: Match.undecided,
    }
    assert all(f"{PATH}.object_offense" in h.missing for h in found.values())
    assert f"{PATH}.court_findings" in found[58].missing  # death or serious bodily injury
    assert f"{PATH}.court_findings" in found[68].missing  # leader or organiser
    assert "legal question" in found[66].reason
    assert object_offense_note(count) is None


def test_object_offense_listed_outright_is_still_a_legal_question() -> None:
    # 18 U.S.C. 371 conspiracy to commit 924(c): (xxii) lists "Section 924(c)" outright, but the
    # conviction is under 371, not 924(c): undecided (legal question), naming object_offense.
    (hit,) = screen_count(
        Count(statute="18 U.S.C. 371", object_offense="18 U.S.C. 924(c)(1)(A)"), PATH
    )
    assert (hit.clause.number, hit.match) == (22, Match.undecided)
    assert hit.missing == [f"{PATH}.object_offense"]
    assert "a conspiracy to commit 18 U.S.C. 924(c)(1)(A), which 3632(d)(4)(D)(xxii) lists" in (
        hit.reason
    )


def test_conspiracy_to_an_unlisted_object_is_eligible_with_a_note() -> None:
    # 846 to commit 841(a)(1), (b)(1)(C) with cocaine and no death or injury found: (lviii) is
    # ruled out by "not:", (lxv)-(lxvii) by the substance, (lxviii) needs fentanyl (cocaine) and
    # (b)(1)(A) or (B) ((C) is written): no clause -> nothing bars credits, and a note says why.
    count = Count(
        statute="21 U.S.C. 846",
        object_offense="21 U.S.C. 841(a)(1), (b)(1)(C)",
        substance="cocaine",
        court_findings=["not:death_or_serious_bodily_injury"],
    )
    assert screen_count(count, PATH) == []
    note = object_offense_note(count)
    assert note is not None and "21 U.S.C. 841(a)(1), (b)(1)(C)" in note
    # 18 U.S.C. 1349 (fraud conspiracy), flagged, to commit wire fraud: no clause lists 1343.
    fraud = Count(statute="18 U.S.C. 1349", conspiracy=True, object_offense="18 U.S.C. 1343")
    assert screen_count(fraud, PATH) == []
    assert object_offense_note(fraud) is not None


def test_846_without_object_offense_names_the_field() -> None:
    # No object offense: it may be any 841 offense, so every clause naming 841 that the count's
    # substance and findings leave open is undecided: with neither, all five, (lviii), (lxv),
    # (lxvi), (lxvii), (lxviii); each names object_offense.
    found = screen_count(Count(statute="21 U.S.C. 846", conspiracy=True), PATH)
    assert sorted(h.clause.number for h in found) == [58, 65, 66, 67, 68]
    assert all(h.match is Match.undecided for h in found)
    assert all(f"{PATH}.object_offense" in h.missing for h in found)
    # 963 (import/export conspiracy): the clauses naming 960 are (lxv)-(lxviii); (lviii) names
    # only 841.
    imports = screen_count(Count(statute="21 U.S.C. 963"), PATH)
    assert sorted(h.clause.number for h in imports) == [65, 66, 67, 68]
    # Cocaine with no death or injury found rules out all five 841 clauses (as in the test above),
    # and no other section of subchapter I is listed: nothing bars credits.
    ruled_out = Count(
        statute="21 U.S.C. 846",
        substance="cocaine",
        court_findings=["not:death_or_serious_bodily_injury"],
    )
    assert screen_count(ruled_out, PATH) == []
    assert object_offense_note(ruled_out) is not None


def test_importation_punished_under_960b_is_undecided_without_its_paragraph() -> None:
    # 21 U.S.C. 960(a): whoever imports or exports contrary to 952, 953 or 957 ((a)(1)), brings
    # aboard contrary to 955 ((a)(2)) or manufactures or distributes contrary to 959 ((a)(3))
    # "shall be punished as provided in subsection (b)"; (lxv)-(lxviii) name 960(b)(1), (2).
    # 952(a) with fentanyl, the paragraph of 960(b) not written: (lxvi) (fentanyl, 960(b)(1)(F),
    # (2)(F)) may list; (lxviii) (fentanyl and a leader finding, unknown) may list; (lxv) heroin
    # and (lxvii) methamphetamine are ruled out by the substance. Never eligible.
    for statute in ("21 U.S.C. 952(a)", "21 U.S.C. 959(a)", "21 U.S.C. 955"):
        found = screen_count(Count(statute=statute, substance="fentanyl"), PATH)
        assert {h.clause.number: h.match for h in found} == {
            66: Match.undecided,
            68: Match.undecided,
        }, statute
        assert all(f"{PATH}.statute" in h.missing for h in found)
        assert "960(b)" in found[0].reason
    # Heroin with a leader finding: (lxv) (960(b)(1)(A), (2)(A)) may list; (lxviii) needs
    # fentanyl (the substance is heroin): out.
    assert hits("21 U.S.C. 952(a)", substance="heroin", court_findings=["leader_organizer"]) == {
        65: Match.undecided
    }
    # No substance recorded: every drug clause naming 960 is open, (lxv)-(lxviii).
    assert sorted(hits("21 U.S.C. 952")) == [65, 66, 67, 68]
    # Cocaine rules out all four (no heroin, fentanyl, methamphetamine): nothing.
    assert hits("21 U.S.C. 952(a)", substance="cocaine") == {}
    # The paragraph of 960(b) written beside 952: that citation decides. 960(b)(1)(F) with
    # fentanyl is (lxvi) outright; 960(b)(3) (no quantity threshold) is in no clause.
    assert hits("21 U.S.C. 952(a), 960(a)(1), (b)(1)(F)", substance="fentanyl")[66] is (
        Match.listed
    )
    assert hits("21 U.S.C. 952(a), 960(b)(3)", substance="fentanyl") == {}


def test_963_to_import_fentanyl_is_undecided() -> None:
    # 963 conspiracy whose object is 952(a) with fentanyl: (lxvi) and (lxviii) may list the
    # object (paragraph of 960(b) unwritten), and the conspiracy question is legal: undecided,
    # naming object_offense.
    count = Count(statute="21 U.S.C. 963", object_offense="21 U.S.C. 952(a)", substance="fentanyl")
    found = screen_count(count, PATH)
    assert sorted(h.clause.number for h in found) == [66, 68]
    assert all(h.match is Match.undecided for h in found)
    assert all(f"{PATH}.object_offense" in h.missing for h in found)


def test_vessel_drug_offenses_are_punished_under_960() -> None:
    # 46 U.S.C. 70506(a): a violation of 70503(a)(1) is punished as provided in 21 U.S.C. 960;
    # 70506(b): an attempt or conspiracy, the same penalties. With fentanyl: (lxvi), (lxviii)
    # may list; with cocaine: none.
    for statute in ("46 U.S.C. 70503(a)(1)", "46 U.S.C. 70506(b)"):
        assert hits(statute, substance="fentanyl") == {
            66: Match.undecided,
            68: Match.undecided,
        }, statute
        assert hits(statute, substance="cocaine") == {}, statute


def test_a_substance_partly_unread_leaves_the_drug_clauses_open() -> None:
    # 841(a)(1), (b)(1)(A) without its clause: (lxvi) (fentanyl, (A)(vi)) is ruled out only by a
    # substance that is wholly another drug. "Other opioids", counterfeit "M30" pills, "a
    # controlled substance analogue", "an unidentified white powder", "laced" may each be
    # fentanyl: (lxvi) stays undecided, naming the substance and quoting it. With no leader
    # finding ("not:"), (lxv) and (lxviii) are out; (lviii) is out by "not:" death or injury.
    findings = ["not:leader_organizer", "not:death_or_serious_bodily_injury"]
    for text in (
        "cocaine and other opioids",
        "counterfeit oxycodone (M30) pills",
        "cocaine and a controlled substance analogue",
        "crack and an unidentified white powder",
        "cocaine (laced)",
    ):
        count = Count(
            statute="21 U.S.C. 841(a)(1), (b)(1)(A)", substance=text, court_findings=findings
        )
        found = screen_count(count, PATH)
        assert [(h.clause.number, h.match) for h in found] == [(66, Match.undecided)], text
        assert f"{PATH}.substance" in found[0].missing
        assert repr(text) in found[0].reason
    # Every part read as another drug (its forms and quantities too): (lxvi) is out.
    for text in (
        "cocaine",
        "5 kilograms or more of a mixture and substance containing cocaine base",
        "powder cocaine and marijuana",
        "cocaine; heroin",
    ):
        count = Count(
            statute="21 U.S.C. 841(a)(1), (b)(1)(A)", substance=text, court_findings=findings
        )
        assert 66 not in {h.clause.number for h in screen_count(count, PATH)}, text
    # A fentanyl analogue's name ("acetyl fentanyl", (lxvi) "or any analogue thereof") is read
    # whole: it names fentanyl, not heroin; an unrecognised word alone is unknown, never
    # "another drug".
    assert substance_named("fentanyl", "acetyl fentanyl") is True
    assert substance_named("heroin", "acetyl fentanyl") is False
    assert substance_named("heroin", "hashish") is None


def test_conspiracy_subsections_of_listed_sections() -> None:
    # 18 U.S.C. 924(o): "A person who conspires to commit an offense under subsection (c)";
    # 844(m): "... under subsection (h)". (xxii) lists 924(c), (xix) 844(h): a conspiracy to
    # commit a listed offense, whose own listing is a legal question: undecided, naming the
    # statute (the object is fixed by it).
    (hit,) = screen_count(Count(statute="18 U.S.C. 924(o)"), PATH)
    assert (hit.clause.number, hit.match, hit.missing) == (22, Match.undecided, [f"{PATH}.statute"])
    assert "legal question" in hit.reason
    assert hits("18 U.S.C. 844(m)") == {19: Match.undecided}
    assert hits("18 U.S.C. 924(o)", object_offense="18 U.S.C. 924(c)") == {22: Match.undecided}
    # 844(n): a conspiracy to commit "an offense defined in this chapter" (chapter 40): the
    # listed ones are 842(p) ((xviii), with a weapon of mass destruction, unknown) and 844(f)(3),
    # (h), (i) ((xix)): both undecided, naming object_offense; with an unlisted object (842(a)),
    # nothing.
    found = screen_count(Count(statute="18 U.S.C. 844(n)"), PATH)
    assert {h.clause.number: h.match for h in found} == {18: Match.undecided, 19: Match.undecided}
    assert all(f"{PATH}.object_offense" in h.missing for h in found)
    assert hits("18 U.S.C. 844(n)", object_offense="18 U.S.C. 842(a)") == {}
    # 1030(b): an attempt or conspiracy to commit an offense under 1030(a); (xxiii) lists only
    # 1030(a)(1): undecided without the object, nothing with (a)(2).
    assert hits("18 U.S.C. 1030(b)") == {23: Match.undecided}
    assert hits("18 U.S.C. 1030(b)", object_offense="18 U.S.C. 1030(a)(2)") == {}


def test_371_or_2_without_object_offense_is_a_missing_fact() -> None:
    # 18 U.S.C. 371 (conspiracy to commit any offense against the United States) and 18 U.S.C. 2
    # (aiding and abetting) name no offense of their own: alone, with no object offense, which
    # clause may list it is unknown, the object offense is named as the missing fact.
    for statute in ("18 U.S.C. 371", "18 U.S.C. 2"):
        (item,) = unreadable(Count(statute=statute), PATH)
        assert item.not_recorded and item.field == f"{PATH}.object_offense", statute
        # Recorded and unlisted (wire fraud): nothing bars credits.
        count = Count(statute=statute, object_offense="18 U.S.C. 1343")
        assert unreadable(count, PATH) == [] and screen_count(count, PATH) == [], statute
    # 18 U.S.C. 2 with carjacking (xxxv) as its object: aiding and abetting a listed offense,
    # undecided (legal question), naming object_offense.
    (hit,) = screen_count(Count(statute="18 U.S.C. 2", object_offense="18 U.S.C. 2119"), PATH)
    assert (hit.clause.number, hit.match) == (35, Match.undecided)
    assert "aiding and abetting 18 U.S.C. 2119" in hit.reason
    # The principal offense cited beside 2: it decides, as before.
    assert hits("18 U.S.C. 2119 and 2") == {35: Match.listed}
    assert unreadable(Count(statute="18 U.S.C. 2, 1343"), PATH) == []


def test_a_substance_contradicting_the_cited_paragraph_is_for_review() -> None:
    # 841(b)(1)(A)(ii) is the cocaine paragraph; the substance says heroin, and a leader is
    # found: (lxv) (heroin, (A)(i), with a leader finding) would reach the count if the substance
    # is right, and the cited paragraph says it is not: contradictory, undecided, naming the
    # statute and the substance.
    count = Count(
        statute="21 U.S.C. 841(a)(1), (b)(1)(A)(ii)",
        substance="heroin",
        court_findings=["not:death_or_serious_bodily_injury", "leader_organizer"],
    )
    (hit,) = screen_count(count, PATH)
    assert (hit.clause.number, hit.match) == (65, Match.undecided)
    assert hit.missing == [f"{PATH}.statute", f"{PATH}.substance"]
    # 960(b)(1)(B) (cocaine importation) with heroin and a leader: the same.
    assert hits(
        "21 U.S.C. 960(b)(1)(B)", substance="heroin", court_findings=["leader_organizer"]
    ) == {65: Match.undecided}
    # 846 to commit 841(b)(1)(A)(ii) with fentanyl, no leader, no death: (lxvi) (fentanyl,
    # (A)(vi)) is contradicted: undecided; (lxviii) is out ("not:" leader).
    found = hits(
        "21 U.S.C. 846",
        object_offense="21 U.S.C. 841(b)(1)(A)(ii)",
        substance="fentanyl",
        court_findings=["not:death_or_serious_bodily_injury", "not:leader_organizer"],
    )
    assert found == {66: Match.undecided}
    # The paragraph and the substance agree (cocaine), or (b)(1)(C) names no drug: nothing.
    assert (
        hits(
            "21 U.S.C. 841(b)(1)(A)(ii)",
            substance="cocaine",
            court_findings=["not:death_or_serious_bodily_injury", "leader_organizer"],
        )
        == {}
    )
    assert (
        hits(
            "21 U.S.C. 841(b)(1)(C)",
            substance="heroin",
            court_findings=["not:death_or_serious_bodily_injury", "leader_organizer"],
        )
        == {}
    )


def test_924j_requires_a_924c_violation_and_is_for_review() -> None:
    # 924(j): a death caused "in the course of a violation of subsection (c)"; (xxii) names
    # 924(c) only: whether a 924(j) conviction is one under 924(c) is a legal question:
    # undecided on the statute, never eligible.
    (hit,) = screen_count(Count(statute="18 U.S.C. 924(j)(1)"), PATH)
    assert (hit.clause.number, hit.match, hit.missing) == (22, Match.undecided, [f"{PATH}.statute"])
    assert hits("18 U.S.C. 924(a)(2)") == {}
