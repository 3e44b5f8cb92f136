"""Convictions that bar earning First Step Act time credits (18 U.S.C. 3632(d)(4)(D)).

A prisoner serving a sentence for a conviction under any of the 68 listed provisions cannot earn
time credits. The list is the shipped table ``data/fsa_ineligible_offenses_18usc3632d4D.csv``
(text of each clause, with provenance); this module maps each clause to a matcher over a count:
the U.S. Code title, section and subsection of ``Count.statute``, whole chapters of title 18 by
their sections (with the exceptions the clause names), and the condition some clauses add
beyond the statute (a weapon of mass destruction, a risk of death, death resulting, a leader or
organiser finding, fentanyl, a prior serious violent felony). A condition is read from
``Count.court_findings``: the finding's name means the court found it, ``not:<name>`` means it
found the opposite, and neither means the fact is unknown - the answer is then ``needs_review``
naming the field, never a guess. A statute written without the subsection a clause needs (e.g.
``21 U.S.C. 841(a)(1)`` without its penalty paragraph) is likewise undecided.

Under 18 U.S.C. 3584(c) several terms are one aggregate term for administrative purposes, and
the courts of appeals hold that a prisoner serving an aggregate term that includes any
disqualifying conviction is "serving a sentence for" it for the whole term (Giovinco v. Pullen,
No. 23-251 (2d Cir. Oct. 8, 2024); Bonnie v. Dunbar, No. 24-6665 (4th Cir. Nov. 5, 2025)).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources

from secondchance.law.rule_book import text as book_text
from secondchance.record.schema import Count
from secondchance.record.statute import Code, Unreadable, read_statute, unreadable_reason
from secondchance.record.statute import Provision as StatuteProvision

CITATION = "18 U.S.C. 3632(d)(4)(D)"
URL = book_text("sentence", "usc_3632")
AGGREGATE_CITATION = (
    "18 U.S.C. 3584(c); Giovinco v. Pullen (2d Cir. 2024); Bonnie v. Dunbar (4th Cir. 2025)"
)
AGGREGATE_URL = book_text("sentence", "usc_3584")
"""18 U.S.C. 3584, whose subsection (c) both courts of appeals apply."""
AGGREGATE_GAP = book_text("sentence", "aggregate_gap")

_ROMAN = [
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
    "xvi",
    "xvii",
    "xviii",
    "xix",
    "xx",
    "xxi",
    "xxii",
    "xxiii",
    "xxiv",
    "xxv",
    "xxvi",
    "xxvii",
    "xxviii",
    "xxix",
    "xxx",
    "xxxi",
    "xxxii",
    "xxxiii",
    "xxxiv",
    "xxxv",
    "xxxvi",
    "xxxvii",
    "xxxviii",
    "xxxix",
    "xl",
    "xli",
    "xlii",
    "xliii",
    "xliv",
    "xlv",
    "xlvi",
    "xlvii",
    "xlviii",
    "xlix",
    "l",
    "li",
    "lii",
    "liii",
    "liv",
    "lv",
    "lvi",
    "lvii",
    "lviii",
    "lix",
    "lx",
    "lxi",
    "lxii",
    "lxiii",
    "lxiv",
    "lxv",
    "lxvi",
    "lxvii",
    "lxviii",
]


@dataclass(frozen=True)
class Citation:
    """A U.S. Code citation read from a count: title, section and subsection groups."""

    title: int
    section: str
    groups: tuple[tuple[str, ...], ...]
    appendix: bool = False
    """Cited to the Appendix of the title ("50 U.S.C. App. 2410")."""


def citations(statute: str) -> tuple[Citation, ...]:
    """The U.S. Code citations of a statute, one per section (its subsection groups together):
    "21 U.S.C. 841(a)(1), (b)(1)(C)" is one citation with two groups; "21 U.S.C. 841(a)(1) and
    846" two. Empty when the text is unreadable or cites no U.S. Code section (see
    :func:`unreadable`)."""
    reading = read_statute(statute)
    if isinstance(reading, Unreadable):
        return ()
    return _grouped(reading.provisions)


def _grouped(provisions: tuple[StatuteProvision, ...]) -> tuple[Citation, ...]:
    found: dict[tuple[int, str, bool], list[tuple[str, ...]]] = {}
    for p in provisions:
        if p.code is Code.usc and p.title is not None:
            found.setdefault((p.title, p.section.upper(), p.appendix), []).append(p.subsections)
    return tuple(
        Citation(title, section, tuple(g for g in groups if g), appendix)
        for (title, section, appendix), groups in found.items()
    )


def parse_citation(statute: str) -> Citation | None:
    """The first U.S. Code citation of a statute (None if none is read)."""
    found = citations(statute)
    return found[0] if found else None


@dataclass(frozen=True)
class UnreadCount:
    """A count whose statute (or object offense) the reader could not read section by section."""

    field: str
    text: str
    reason: str


def unreadable(count: Count, path: str) -> list[UnreadCount]:
    """The fields of a count that cannot be screened: an unreadable statute or object offense,
    or one naming a range of sections or "et seq.". Each makes the count undecided (unknown is
    never "not listed")."""
    found: list[UnreadCount] = []
    for name, text in (("statute", count.statute), ("object_offense", count.object_offense)):
        if text is None:
            continue
        why = unreadable_reason(read_statute(text))
        if why is not None:
            found.append(UnreadCount(f"{path}.{name}", text, why))
    return found


@dataclass(frozen=True)
class Provision:
    """A provision named by a clause: title, section (or a range of sections), and the
    subsection prefixes it is limited to (empty: the whole section)."""

    title: int
    section: str = ""
    subsections: tuple[tuple[str, ...], ...] = ()
    section_range: tuple[int, int] | None = None
    except_sections: tuple[str, ...] = ()
    review_sections: tuple[tuple[int, int], ...] = ()
    """Sub-ranges (by section number) that the clause's words may or may not reach: a count under
    one of them, other than an excepted section, is undecided."""
    review: str = ""
    """A reason the whole provision is undecided (its reach is not settled by a verified text)."""
    any_section: bool = False
    """Every count (any title and section): used with ``when_found``."""
    when_found: str = ""
    """The provision is tried only when the court found this (named in ``court_findings``)."""
    appendix: bool = False
    """The provision is in the Appendix of its title (a count cited there matches no other)."""
    penalty: bool = False
    """The subsections named are penalty paragraphs that a count often leaves unwritten
    (21 U.S.C. 841(b), 960(b); 8 U.S.C. 1326(b)): a count silent on them is undecided."""


@dataclass(frozen=True)
class Clause:
    number: int
    provisions: tuple[Provision, ...]
    requires: tuple[str, ...] = ()
    """Findings the clause needs beyond the statute (all of them)."""
    unless: dict[str, str] = field(default_factory=dict)
    """Section -> a finding that takes that section out of the clause."""
    substance: str | None = None
    """The controlled substance the clause's subparagraphs name (heroin, fentanyl, meth)."""

    @property
    def label(self) -> str:
        return f"3632(d)(4)(D)({_ROMAN[self.number - 1]})"


def _p(title: int, section: str, *subs: str) -> Provision:
    parts = tuple(tuple(re.findall(r"[0-9A-Za-z]+", s)) for s in subs)
    return Provision(title, section.upper(), parts)


def _pen(title: int, section: str, *subs: str) -> Provision:
    """A provision whose subsections are penalty paragraphs."""
    base = _p(title, section, *subs)
    return Provision(base.title, base.section, base.subsections, penalty=True)


def _ch(first: int, last: int, *excepted: str, review: tuple[int, int] | None = None) -> Provision:
    return Provision(
        18,
        section_range=(first, last),
        except_sections=excepted,
        review_sections=(review,) if review else (),
    )


LEADER = "leader_organizer"
PRIOR_SVF = "prior_serious_violent_felony_served_over_1_year"
_SVF_REVIEW = (
    "with the prior conviction found, the clause reaches any offense described in 18 U.S.C. "
    "3559(c)(2)(F): (i) names some offenses by section and others only by kind (kidnapping, "
    "extortion, arson, assault with intent to commit rape, firearms use), and (ii) adds any "
    "offense punishable by 10 years or more with a force element - whether this count is one "
    "needs review"
)
RISK_OF_DEATH = "substantial_risk_of_death_or_serious_bodily_injury"

# Each clause number of 3632(d)(4)(D) and its matcher.
#
# Whole-chapter ranges, verified (2026-11-24) against the OLRC text of the Code in the public
# repository codexstanford/markdonw-chunck-of-the-usa-code, title 18 at commit 6153254d
# (chuncks/title-18/chunck-N.md, one subsection per file, in Code order): the first and last
# section of each chapter and the last section before / first section after it. A section is
# matched by its number without the letter suffix (229 covers 229A-229F). Sections added to a
# chapter after that copy (early 2023) are not known here.
#   ch. 10  (x):                 175 (chunck-112) .. 178 (-129); before: 158, ch. 9 (-111);
#                                after: 201, ch. 11 (-130).
#   ch. 11B (xi):                229 (-192), 229A-229F (-195..-207); before: 228, ch. 11A (-190);
#                                after: 231, ch. 12 (-208).
#   ch. 39  (xvii):              831 (-435), 832 (-440), 836 (-442); before: 799, ch. 37 (-434);
#                                after: 841, ch. 40 (-443); no other section of 800-840 is in
#                                the copy (833-835 and 837 are not in the Code).
#   ch. 51  (xxv):               1111 (-688) .. 1122 (-704..-706); before: 1093, ch. 50A (-686);
#                                after: 1151, ch. 53 (-707).
#   ch. 55  (xxvi):              1201 (-732) .. 1204 (-736..-738); before: 1170, ch. 53 (-731);
#                                after: 1231, ch. 57 (-739).
#   ch. 77  (xxvii):             1581 (-866) .. 1597 (-895, -896), with 1593A (-881) and 1595A
#                                (-890); before: 1547, ch. 75 (-865); after: 1621, ch. 79 (-897).
#   ch. 105 (xxxvi):             2151 (-1111) .. 2156 (-1116); before: 2119, ch. 103 (-1110);
#                                after: 2191, ch. 107 (-1117).
#   ch. 109A (xxxvii):           2241 (-1138) .. 2248 (-1155..-1157); before: 2237, ch. 109
#                                (-1137); after: 2250, ch. 109B (-1158).
#   ch. 113B (xlvii):            2331 (-1363) .. 2339D (-1436); before: 2328, ch. 113A (-1362);
#                                after: 2340, ch. 113C (-1437).
#   title 50 ch. 56 "Export Administration" (lxii), same repository at commit 01d7a7a2
#   (chuncks/title-50/): 4611 (-3178), 4612 (-3190), 4613 (-3196..-3198) only; before: 4568,
#   ch. 55 (-3177); after: 4701, ch. 57 (-3199). Other sections the Export Administration Act of
#   1979 once had are not in the copy (repealed), so a title 50 section between 4569 and 4700
#   other than 4611-4613 is undecided rather than matched from memory, and so is any section
#   cited to the Appendix of title 50 ("50 U.S.C. App. 2410").
# Exceptions checked against full_text of the shipped table: (xvii) except 836; (xix) only
# 844(f)(3), (h), (i); (xxv) except 1112, 1115, 1122, and 1113 when the conviction was for an
# attempt to commit manslaughter; (xxvii) except "sections 1593 through 1596" - 1593A and 1595A
# lie between them in the Code, and whether "through" reaches them is undecided; (xxxvi) except
# 2152.
_EAA_REVIEW = (
    "a section of title 50 numbered between chapter 55 (last section 4568) and chapter 57 (first "
    "section 4701) other than 4611-4613, the sections of chapter 56 in the verified copy of the "
    "Code: whether it is a section of the Export Administration Act of 1979 needs review"
)
_EAA_APP_REVIEW = (
    "a section of the Appendix of title 50, where Acts were classified before their editorial "
    "reclassification into the title: whether it is a section of the Export Administration Act "
    "of 1979 needs review"
)
CLAUSES: tuple[Clause, ...] = (
    Clause(1, (_p(18, "32"),)),
    Clause(2, (_p(18, "33"),)),
    Clause(3, (_p(18, "36"),)),
    Clause(4, (_p(18, "81"),)),
    Clause(5, (_p(18, "111", "(b)"),)),
    Clause(6, (_p(18, "113", "(a)(1)", "(a)(7)", "(a)(8)"),)),
    Clause(7, (_p(18, "115"),), unless={"115": "threat_only"}),
    Clause(8, (_p(18, "116"),)),
    Clause(9, (_p(18, "117"),)),
    Clause(10, (_ch(175, 178),)),
    Clause(11, (_ch(229, 229),)),
    Clause(12, (_p(18, "351"),)),
    Clause(13, (_p(18, "521"),)),
    Clause(14, (_p(18, "751"),)),
    Clause(15, (_p(18, "793"),)),
    Clause(16, (_p(18, "794"),)),
    Clause(17, (_ch(831, 836, "836"),)),
    Clause(18, (_p(18, "842", "(p)"),), requires=("weapon_of_mass_destruction",)),
    Clause(19, (_p(18, "844", "(f)(3)", "(h)", "(i)"),)),
    Clause(20, (_p(18, "871"),)),
    Clause(21, (_p(18, "879"),)),
    Clause(22, (_p(18, "924", "(c)"),)),
    Clause(23, (_p(18, "1030", "(a)(1)"),)),
    Clause(24, (_p(18, "1091"),)),
    Clause(
        25,
        (_ch(1111, 1122, "1112", "1115", "1122"),),
        unless={"1113": "attempt_to_commit_manslaughter"},
    ),
    Clause(26, (_ch(1201, 1204),)),
    Clause(27, (_ch(1581, 1597, "1593", "1594", "1595", "1596", review=(1593, 1596)),)),
    Clause(28, (_p(18, "1751"),)),
    Clause(29, (_p(18, "1791"),)),
    Clause(30, (_p(18, "1792"),)),
    Clause(31, (_p(18, "1841", "(a)(2)(C)"),)),
    Clause(32, (_p(18, "1992"),)),
    Clause(33, (_p(18, "2113", "(e)"),)),
    Clause(34, (_p(18, "2118", "(c)"),)),
    Clause(35, (_p(18, "2119"),)),
    Clause(36, (_ch(2151, 2156, "2152"),)),
    Clause(37, (_ch(2241, 2248),)),
    Clause(38, (_p(18, "2250"),)),
    Clause(39, (_p(18, "2251"),)),
    Clause(40, (_p(18, "2251A"),)),
    Clause(41, (_p(18, "2252"),)),
    Clause(42, (_p(18, "2252A"),)),
    Clause(43, (_p(18, "2260"),)),
    Clause(44, (_p(18, "2283"),)),
    Clause(45, (_p(18, "2284"),)),
    Clause(46, (_p(18, "2291"),), requires=(RISK_OF_DEATH,)),
    Clause(47, (_ch(2331, 2339),)),
    Clause(48, (_p(18, "2340A"),)),
    Clause(49, (_p(18, "2381"),)),
    Clause(50, (_p(18, "2442"),)),
    # (li): the count must be "an offense described in section 3559(c)(2)(F)" (a serious violent
    # felony) and the prisoner must have a prior conviction of murder, voluntary manslaughter, ...
    # (the list in the clause, read from PRIOR_SVF). 3559(c)(2)(F) as in the same OLRC copy
    # (chuncks/title-18/chunck-1899.md): the sections it names are matched here, except those
    # another clause lists outright (1111: xxv; 113(a)(1): vi; 2241, 2242, 2244: xxxvii; 2119:
    # xxxv; 924(c): xxii) - robbery only in the subsections that describe it (2113(a), (d), (e);
    # 2118(a)); any other count is undecided when the prior conviction is found (the offenses (i)
    # names only by kind, and (ii)'s catch-all).
    Clause(
        51,
        (
            _p(18, "1112"),
            _p(49, "46502"),
            _p(18, "2111"),
            _p(18, "2113", "(a)", "(d)", "(e)"),
            _p(18, "2118", "(a)"),
            _p(18, "929", "(a)"),
            Provision(0, any_section=True, when_found=PRIOR_SVF, review=_SVF_REVIEW),
        ),
        requires=(PRIOR_SVF,),
        unless={"1112": "involuntary_manslaughter"},
    ),
    Clause(52, (_p(42, "2077", "(b)"),)),
    Clause(53, (_p(42, "2122"),)),
    Clause(54, (_p(42, "2131"),)),
    Clause(55, (_p(42, "2274"), _p(42, "2275"))),
    Clause(56, (_p(42, "2284"),)),
    Clause(57, (_p(49, "60123", "(b)"),), requires=(RISK_OF_DEATH,)),
    Clause(
        58,
        (_pen(21, "841", "(b)(1)(A)", "(b)(1)(B)", "(b)(1)(C)"),),
        requires=("death_or_serious_bodily_injury",),
    ),
    Clause(59, (_pen(8, "1326", "(b)(1)", "(b)(2)"),)),
    Clause(60, (_p(8, "1327"),)),
    Clause(61, (_p(8, "1328"),)),
    Clause(
        62,
        (
            Provision(50, section_range=(4611, 4613)),
            Provision(50, section_range=(4569, 4700), review=_EAA_REVIEW),
            Provision(50, section_range=(1, 99999), appendix=True, review=_EAA_APP_REVIEW),
        ),
    ),
    Clause(63, (_p(50, "1705"),)),
    Clause(64, (_p(50, "3121"),)),
    Clause(
        65,
        (
            _pen(21, "841", "(b)(1)(A)(i)", "(b)(1)(B)(i)"),
            _pen(21, "960", "(b)(1)(A)", "(b)(2)(A)"),
        ),
        requires=(LEADER,),
        substance="heroin",
    ),
    Clause(
        66,
        (
            _pen(21, "841", "(b)(1)(A)(vi)", "(b)(1)(B)(vi)"),
            _pen(21, "960", "(b)(1)(F)", "(b)(2)(F)"),
        ),
        substance="fentanyl",
    ),
    Clause(
        67,
        (
            _pen(21, "841", "(b)(1)(A)(viii)", "(b)(1)(B)(viii)"),
            _pen(21, "960", "(b)(1)(H)", "(b)(2)(H)"),
        ),
        requires=(LEADER,),
        substance="methamphetamine",
    ),
    Clause(
        68,
        (_pen(21, "841", "(b)(1)(A)", "(b)(1)(B)"), _pen(21, "960", "(b)(1)", "(b)(2)")),
        requires=("fentanyl", LEADER),
    ),
)


@cache
def clause_texts() -> dict[int, str]:
    """Clause number -> the statute's text of the clause (from the shipped table)."""
    path = resources.files(__package__).joinpath("data/fsa_ineligible_offenses_18usc3632d4D.csv")
    with path.open(encoding="utf-8") as handle:
        return {int(row["clause_number"]): row["full_text"] for row in csv.DictReader(handle)}


class Match(StrEnum):
    listed = "listed"
    undecided = "undecided"


@dataclass
class ClauseHit:
    """A clause that reaches a count, or may: what decides it and what is missing."""

    clause: Clause
    match: Match
    reason: str
    missing: list[str]


def _section_in(cite: Citation, prov: Provision) -> bool:
    if prov.any_section:
        return True
    if cite.title != prov.title or cite.appendix != prov.appendix:
        return False
    if prov.section_range is not None:
        first, last = prov.section_range
        base = re.match(r"\d+", cite.section)
        return (
            base is not None
            and first <= int(base.group(0)) <= last
            and cite.section not in prov.except_sections
        )
    return cite.section == prov.section


def _review_reason(cite: Citation, prov: Provision) -> str:
    """Why a count inside the provision is undecided on its section alone ('' when it is not)."""
    if prov.review:
        return prov.review
    base = re.match(r"\d+", cite.section)
    number = int(base.group(0)) if base else -1
    for first, last in prov.review_sections:
        if first <= number <= last:
            return (
                f"section {cite.section} lies between sections {first} and {last}, which the "
                f"clause excepts as 'sections {first} through {last}': whether the exception "
                "reaches it is not settled by the text"
            )
    return ""


def _subsection_state(cite: Citation, prov: Provision) -> str:
    """'yes' when a written subsection group falls under the provision, 'unknown' when the
    count names no group deep enough to tell, 'no' otherwise."""
    if not prov.subsections:
        return "yes"
    state = "no"
    # Subsections compare without regard to case ("(b)(1)(a)" is "(b)(1)(A)").
    groups = tuple(tuple(s.lower() for s in g) for g in cite.groups) or ((),)
    prefixes = tuple(tuple(s.lower() for s in p) for p in prov.subsections)
    if prov.penalty and not any(group[:1] == prefix[:1] for group in groups for prefix in prefixes):
        return "unknown"
    for group in groups:
        for prefix in prefixes:
            if group[: len(prefix)] == prefix:
                return "yes"
            if prefix[: len(group)] == group or _misread(group, prefix):
                state = "unknown"
    return state


_DIGIT_LIKE = str.maketrans("li", "11")


def _misread(group: tuple[str, ...], prefix: tuple[str, ...]) -> bool:
    """The group matches the prefix if a letter l or i (I) was a misread digit 1: "113(a)(l)"
    or "113(a)(I)" for 113(a)(1), as scanned judgments write it. Then it is not "no"."""
    fold = tuple(s.translate(_DIGIT_LIKE) for s in group[: len(prefix)])
    return len(fold) == len(prefix) and fold == tuple(s.translate(_DIGIT_LIKE) for s in prefix)


SUBSTANCE_NAMES: dict[str, re.Pattern[str]] = {
    # "or any analogue thereof" (vi): carfentanil, sufentanil, acetyl fentanyl; the statute's
    # own chemical name ("N-phenyl-N-[1-(2-phenylethyl)-4-piperidinyl] propanamide").
    "fentanyl": re.compile(r"fentan|propanamide|piperidinyl"),
    "heroin": re.compile(r"heroin|diacetylmorphine|diamorphine"),
    "methamphetamine": re.compile(r"methamphetamine|\bmeth\b|\bice\b|\bcrystal\b"),
}
"""How a count's ``substance`` may name the drug a clause of (lxv)-(lxviii) names."""
OTHER_DRUGS = re.compile(
    r"\b(?:cocaine|crack|marijuana|marihuana|cannabis|oxycodone|hydrocodone|morphine|codeine"
    r"|opium|methadone|buprenorphine|lsd|mdma|ecstasy|pcp|phencyclidine|amphetamine|ketamine"
    r"|psilocybin|alprazolam)\b"
)
"""Drugs other than those three: a substance naming one of them (or another of the three), and
not the clause's, does not meet the clause."""


def substance_named(name: str, text: str | None) -> bool | None:
    """Whether the count's substance is the clause's drug: True when named (in any spelling of
    :data:`SUBSTANCE_NAMES`), False when only another drug is named, None when the text is
    missing or not recognised (unknown is never "another drug")."""
    if not text:
        return None
    low = text.lower()
    if SUBSTANCE_NAMES[name].search(low):
        return True
    others = (p for other, p in SUBSTANCE_NAMES.items() if other != name)
    return False if OTHER_DRUGS.search(low) or any(p.search(low) for p in others) else None


def _finding(count: Count, name: str) -> bool | None:
    if name == "fentanyl" and count.substance:
        return substance_named(name, count.substance)
    if name in count.court_findings:
        return True
    if f"not:{name}" in count.court_findings:
        return False
    return None


GENERAL_INCHOATE: dict[tuple[int, str], str] = {
    (21, "846"): "21 U.S.C. 841",
    (21, "963"): "21 U.S.C. 960",
    (18, "371"): "",
}
"""Provisions that punish an attempt or conspiracy to commit another offense (21 U.S.C. 846:
any offense of title 21 subchapter I; 963: of subchapter II; 18 U.S.C. 371: any offense against
the United States), with the section whose clauses an unrecorded object offense may reach (the
only sections of those subchapters that 3632(d)(4)(D) names: 841 in (lviii), (lxv)-(lxviii); 960
in (lxv)-(lxviii)); 371 has no such section."""

INCHOATE_QUESTION = (
    "whether a conspiracy or attempt to commit a listed offense is itself a conviction 'under' "
    "the listed provision is a legal question the text does not settle"
)


def _general(count: Count) -> tuple[int, str] | None:
    """The general attempt or conspiracy provision the count cites (21 U.S.C. 846, 963, 18 U.S.C.
    371), in any of its citations ("21 U.S.C. 841(a)(1) and 846")."""
    for cite in citations(count.statute):
        if (cite.title, cite.section) in GENERAL_INCHOATE:
            return cite.title, cite.section
    return None


def _general_target(count: Count) -> str:
    general = _general(count)
    return GENERAL_INCHOATE[general] if general is not None else ""


def _inchoate_kind(count: Count) -> str:
    general_conspiracy = _general(count) == (18, "371")
    if (count.conspiracy or general_conspiracy) and not count.attempt:
        return "a conspiracy"
    if count.attempt and not count.conspiracy:
        return "an attempt"
    return "an attempt or conspiracy"


def is_inchoate(count: Count) -> bool:
    """An attempt or conspiracy count: flagged so, or under 21 U.S.C. 846, 963 or 18 U.S.C. 371."""
    if count.attempt or count.conspiracy:
        return True
    return _general(count) is not None


def _object_count(count: Count, statute: str) -> Count:
    """The offense aimed at, as a count with the same substance and findings."""
    return Count(statute=statute, substance=count.substance, court_findings=count.court_findings)


def object_offense_note(count: Count) -> str | None:
    """For an attempt or conspiracy count that no clause reaches through its object offense:
    the finding that says so (None when the count is not one, or a clause may reach it)."""
    if not is_inchoate(count) or unreadable(count, "count") or screen_count(count, "count"):
        return None
    kind = _inchoate_kind(count)
    if count.object_offense:
        return (
            f"{count.statute} is {kind} to commit {count.object_offense}; no clause of "
            f"{CITATION} lists that object offense (with the count's substance and findings), "
            "so the count does not bar time credits."
        )
    target = _general_target(count)
    if target:
        return (
            f"{count.statute} is {kind} whose object offense is not recorded, but every clause "
            f"of {CITATION} that names {target} is ruled out by the count's substance and "
            "findings, and no other section the provision reaches is listed: the count does not "
            "bar time credits."
        )
    return None


def screen_count(count: Count, path: str) -> list[ClauseHit]:
    """:func:`screen_count_uncached`, remembered by the path and the facts of the count that the
    screening reads (its statute, substance, findings, attempt, conspiracy, object offense)."""
    key = (
        path,
        count.statute,
        count.substance,
        tuple(count.court_findings),
        count.attempt,
        count.conspiracy,
        count.object_offense,
    )
    hits = _SCREENED.get(key)
    if hits is None:
        if len(_SCREENED) >= 16384:
            _SCREENED.clear()
        hits = _SCREENED[key] = tuple(screen_count_uncached(count, path))
    return list(hits)


_SCREENED: dict[Hashable, tuple[ClauseHit, ...]] = {}


def screen_count_uncached(count: Count, path: str) -> list[ClauseHit]:
    """The clauses that reach (or may reach) one count; ``path`` is its record field path.

    An attempt or conspiracy count (flagged, or under 21 U.S.C. 846, 963 or 18 U.S.C. 371) is
    also screened through its ``object_offense``: a clause that lists the object offense, or may,
    makes the count undecided, since whether a conspiracy or attempt to commit a listed offense
    is itself listed is a legal question; an 846 or 963 count without its object offense is
    undecided on every drug clause its substance and findings leave open, naming
    ``object_offense``."""
    hits = _screen_statute(count, path)
    if not is_inchoate(count):
        return hits
    target = _general_target(count)
    statute = count.object_offense or target
    if not statute:
        return hits
    recorded = bool(count.object_offense)
    kind = _inchoate_kind(count)
    seen = {hit.clause.number for hit in hits}
    for hit in _screen_statute(_object_count(count, statute), path):
        if hit.clause.number in seen:
            continue
        missing = {m.replace(f"{path}.statute", f"{path}.object_offense") for m in hit.missing}
        missing.add(f"{path}.object_offense")
        if recorded:
            state = "lists" if hit.match is Match.listed else "may list"
            why = hit.reason.replace("the statute is written", "the object offense is written")
            detail = "" if hit.match is Match.listed else f" ({why})"
            reason = (
                f"{count.statute} is {kind} to commit {statute}, which {hit.clause.label} "
                f"{state}{detail}; {INCHOATE_QUESTION}"
            )
        else:
            reason = (
                f"{count.statute} is {kind} whose object offense is not recorded "
                f"({path}.object_offense): {hit.clause.label} lists offenses under {target}, "
                f"and whether the object offense is one of them, and whether {kind} to commit "
                "it is itself listed, is not settled"
            )
        hits.append(ClauseHit(hit.clause, Match.undecided, reason, sorted(missing)))
    return hits


LETTERED_SECTIONS = frozenset(
    {
        f"{prov.title}:{prov.section}"
        for clause in CLAUSES
        for prov in clause.provisions
        if prov.section[-1:].isalpha()
    }
    | {"18:1593A", "18:1595A"}
)
"""Sections with a letter suffix that a clause names, excepts or leaves for review (the others
are matched by their number, where the letter changes nothing): the only lettered sections for
which reading a joined letter as part of the section ("2340a" as 2340A) can change the answer."""


def _readings(statute: str) -> list[tuple[Citation, ...]]:
    """The citations of a statute as read, and, where a letter is written joined to a section
    number ("2340a", "924C"), as read the other way when that way names a section the list
    knows (:data:`LETTERED_SECTIONS`) or names no lettered section at all."""
    reading = read_statute(statute)
    if isinstance(reading, Unreadable):
        return []
    choices = [_choices(p) for p in reading.provisions]
    first = tuple(c[0] for c in choices)
    second = tuple(c[-1] for c in choices)
    return [_grouped(r) for r in ([first, second] if second != first else [first])]


def _choices(p: StatuteProvision) -> list[StatuteProvision]:
    """A provision's readings. A capital joined to the number ("2340A") is the lettered section
    when the list knows it (as the Code spells it), else the subsection ("924C" is 924(c)); a
    lower-case letter ("2340a") is the subsection, and also the lettered section when the list
    knows it (the two readings may then be answered differently)."""
    other = p.other_reading()
    if other is None:
        return [p]
    plain, lettered = (p, other) if p.joined_letter == "subsection" else (other, p)
    if f"{lettered.title}:{lettered.section.upper()}" not in LETTERED_SECTIONS:
        return [plain]
    return [plain, lettered] if p.joined_letter == "subsection" else [lettered]


def _strength(hits: list[ClauseHit]) -> int:
    if any(h.match is Match.listed for h in hits):
        return 2
    return 1 if hits else 0


def _screen_statute(count: Count, path: str) -> list[ClauseHit]:
    """The clauses that reach (or may reach) the statute of one count, in every reading of it:
    where two readings of a joined letter differ (one listed, the other not), the count is
    undecided, naming ``statute``."""
    readings = [_screen_citations(count, path, r) for r in _readings(count.statute)]
    if not readings:
        return []
    if len({_strength(hits) for hits in readings}) == 1:
        return readings[0]
    reason = (
        f"'{count.statute}' writes a letter joined to the section number, which may be a "
        "subsection or part of the section, and the two readings are answered differently"
    )
    seen: dict[int, ClauseHit] = {}
    for hits in readings:
        for hit in hits:
            missing = sorted({*hit.missing, f"{path}.statute"})
            seen.setdefault(
                hit.clause.number, ClauseHit(hit.clause, Match.undecided, reason, missing)
            )
    return list(seen.values())


def _screen_citations(count: Count, path: str, cites: tuple[Citation, ...]) -> list[ClauseHit]:
    """The clauses that reach (or may reach) any of the citations; a listed hit wins over an
    undecided one for the same clause."""
    best: dict[int, ClauseHit] = {}
    for cite in cites:
        for hit in _screen_citation(count, path, cite):
            old = best.get(hit.clause.number)
            if old is None or (old.match is Match.undecided and hit.match is Match.listed):
                best[hit.clause.number] = hit
    return [best[n] for n in sorted(best)]


def _screen_citation(count: Count, path: str, cite: Citation) -> list[ClauseHit]:
    """The clauses that reach (or may reach) one U.S. Code citation of a count."""
    hits: list[ClauseHit] = []
    for clause in CLAUSES:
        for prov in clause.provisions:
            if not _section_in(cite, prov):
                continue
            if prov.when_found and _finding(count, prov.when_found) is not True:
                continue
            state = _subsection_state(cite, prov)
            if state == "no":
                continue
            missing: list[str] = []
            reasons: list[str] = []
            undecided = state == "unknown"
            if undecided:
                missing.append(f"{path}.statute")
                reasons.append("the statute is written without the subsection the clause names")
            review = _review_reason(cite, prov)
            if review:
                undecided = True
                missing.append(f"{path}.statute")
                reasons.append(review)
            named = substance_named(clause.substance, count.substance) if clause.substance else True
            # A count citing the clause's own paragraph ("841(b)(1)(A)(vi)") names its drug:
            # a substance saying otherwise contradicts it, which is for review.
            # Written less deep ("841(b)(1)(A)"), the substance decides: another drug rules the
            # clause out, an unknown one leaves it open.
            blocked = named is False and state != "yes"
            if (named is None and state != "yes") or (named is False and state == "yes"):
                undecided = True
                missing.append(f"{path}.substance")
                reasons.append(f"the clause names {clause.substance}")
            for name in clause.requires:
                found = _finding(count, name)
                if found is False:
                    blocked = True
                elif found is None:
                    undecided = True
                    field_name = "substance" if name == "fentanyl" else "court_findings"
                    missing.append(f"{path}.{field_name}")
                    reasons.append(f"the clause needs the finding '{name}'")
            exception = clause.unless.get(cite.section)
            if exception is not None:
                found = _finding(count, exception)
                if found is True:
                    blocked = True
                elif found is None:
                    undecided = True
                    missing.append(f"{path}.court_findings")
                    reasons.append(f"the clause excepts '{exception}'")
            if blocked:
                break
            if (count.attempt or count.conspiracy) and not undecided:
                undecided = True
                missing.append(f"{path}.statute")
                reasons.append(
                    "an attempt or conspiracy to commit a listed offense: whether it is a "
                    "conviction 'under' the listed provision is not settled by the text"
                )
            hits.append(
                ClauseHit(
                    clause=clause,
                    match=Match.undecided if undecided else Match.listed,
                    reason="; ".join(reasons) if reasons else "the statute is listed",
                    missing=sorted(set(missing)),
                )
            )
            break
    return hits
