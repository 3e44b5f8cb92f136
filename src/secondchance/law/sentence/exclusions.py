"""Convictions that bar earning First Step Act time credits (18 U.S.C. 3632(d)(4)(D)).

A prisoner serving a sentence for a conviction under any of the 68 listed provisions cannot earn
time credits. The list is one table, ``data/fsa_ineligible_offenses_18usc3632d4D.yaml`` (read by
:mod:`clauses`: the text of each clause and what it names); this module matches a count against
it: the U.S. Code title, section and subsection of ``Count.statute``, whole chapters by their
sections (with the exceptions the clause names), and the condition some clauses add beyond the
statute (a weapon of mass destruction, a risk of death, death resulting, a leader or
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

import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from secondchance.law.rule_book import text as book_text
from secondchance.law.sentence.clauses import CLAUSES, Clause, Provision
from secondchance.law.sentence.clauses import clause_texts as clause_texts
from secondchance.law.subdivisions import unread_reason
from secondchance.record.schema import Count
from secondchance.record.statute import Code, Unreadable, read_statute
from secondchance.record.statute import Provision as StatuteProvision

CITATION = "18 U.S.C. 3632(d)(4)(D)"
URL = book_text("sentence", "usc_3632")
AGGREGATE_CITATION = (
    "18 U.S.C. 3584(c); Giovinco v. Pullen (2d Cir. 2024); Bonnie v. Dunbar (4th Cir. 2025)"
)
AGGREGATE_URL = book_text("sentence", "usc_3584")
"""18 U.S.C. 3584, whose subsection (c) both courts of appeals apply."""
AGGREGATE_GAP = book_text("sentence", "aggregate_gap")


@dataclass(frozen=True)
class Citation:
    """A U.S. Code citation read from a count: title, section and subsection groups."""

    title: int
    section: str
    groups: tuple[tuple[str, ...], ...]
    appendix: bool = False
    """Cited to the Appendix of the title ("50 U.S.C. App. 2410")."""


@lru_cache(maxsize=16384)
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
    not_recorded: bool = False
    """The fact is missing from the record (an object offense), not written unreadably."""


def unreadable(count: Count, path: str) -> list[UnreadCount]:
    """The fields of a count that cannot be screened: an unreadable statute or object offense,
    or one naming a range of sections or "et seq." or a subdivision the Code does not have
    (:func:`~secondchance.law.subdivisions.unread_reason`: "18 U.S.C. 924(z)" is not 924,
    whose (c) is listed); or the object offense of a count under 18
    U.S.C. 371 or 2 alone, not recorded (:func:`object_unrecorded`). Each makes the count
    undecided (unknown is never "not listed")."""
    found: list[UnreadCount] = []
    for name, text in (("statute", count.statute), ("object_offense", count.object_offense)):
        if text is None:
            continue
        why = unread_reason(text)
        if why is not None:
            found.append(UnreadCount(f"{path}.{name}", text, why))
    if not found and object_unrecorded(count):
        found.append(
            UnreadCount(
                f"{path}.object_offense",
                count.statute,
                f"punishes {_aimed_at(count, 'an offense')} the count does not name, and its "
                "object offense is not recorded",
                not_recorded=True,
            )
        )
    return found


def object_unrecorded(count: Count) -> bool:
    """A count under 18 U.S.C. 371 (conspiracy to commit any offense against the United States)
    or 18 U.S.C. 2 (aiding and abetting, punishable as a principal) citing no other section,
    with no ``object_offense``: the offense aimed at, which a clause may list, is unknown."""
    if count.object_offense:
        return False
    cites = citations(count.statute)
    return bool(cites) and all((c.title, c.section) in OBJECT_NAMED_ELSEWHERE for c in cites)


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
nothing else, does not meet the clause."""
_READ_PHRASES = re.compile(
    r"\bpowder(?:ed)?\s+cocaine\b|\bcocaine\s+powder\b|\bn-phenyl-n-\S*\s*propanamide\b"
    r"|[a-z0-9-]*[a-z0-9]\s+(?=fentan)"
)
"""Phrases read as a drug's name: powder cocaine, the statute's chemical name of fentanyl, and a
word before a fentanyl name (an analogue: "acetyl fentanyl", "furanyl fentanyl")."""
_READ_WORDS = re.compile(
    r"and|or|with|of|a|an|the|mixtures?|substances?|containing|contained|detectable|amounts?"
    r"|quantity|quantities|more|than|less|at|least|approximately|about|base|hcl|hydrochloride"
    r"|salts?|isomers?|actual|pure|d|l|dl|plants?|kilograms?|kilos?|kg|grams?|g|mg|pounds?"
    r"|lbs?|ounces?|oz|[0-9.]+(?:kg|g|mg|lbs?|oz)?"
)
"""Words a substance text may hold besides drug names: grammar, quantity, the forms of a drug
("cocaine base", "methamphetamine (actual)", "d-methamphetamine hydrochloride")."""


def _unread_part(low: str) -> bool:
    """A word of the (lower-case) substance text names no drug of :data:`SUBSTANCE_NAMES` or
    :data:`OTHER_DRUGS` and is none of :data:`_READ_WORDS` ("other opioids", "counterfeit
    oxycodone (M30) pills", "a controlled substance analogue", "an unidentified white powder")."""
    names = (OTHER_DRUGS, *SUBSTANCE_NAMES.values())
    for word in re.findall(r"[a-z0-9.-]*[a-z0-9]", _READ_PHRASES.sub(" ", low)):
        if not _READ_WORDS.fullmatch(word) and not any(p.search(word) for p in names):
            return True
    return False


def substance_named(name: str, text: str | None) -> bool | None:
    """Whether the count's substance is the clause's drug: True when named (in any spelling of
    :data:`SUBSTANCE_NAMES`), False when only other drugs are named (every part of the text
    read), None when the text is missing or any part of it is not recognised (unknown is never
    "another drug": "cocaine and other opioids" may be fentanyl)."""
    if not text:
        return None
    low = text.lower()
    if SUBSTANCE_NAMES[name].search(low):
        return True
    if _unread_part(low):
        return None
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
    (18, "2"): "",
}
"""Provisions that punish an attempt or conspiracy to commit another offense (21 U.S.C. 846:
any offense of title 21 subchapter I; 963: of subchapter II; 18 U.S.C. 371: any offense against
the United States), or aiding and abetting one (18 U.S.C. 2), with the section whose clauses an
unrecorded object offense may reach (the only sections of those subchapters that 3632(d)(4)(D)
names: 841 in (lviii), (lxv)-(lxviii); 960 in (lxv)-(lxviii)); 371 and 2 have no such section:
their object offense must be recorded (:func:`object_unrecorded`)."""
OBJECT_NAMED_ELSEWHERE = frozenset({(18, "371"), (18, "2")})

SPECIFIC_INCHOATE: dict[tuple[int, str, str], tuple[str, bool]] = {
    (18, "924", "o"): ("18 U.S.C. 924(c)", True),
    (18, "844", "m"): ("18 U.S.C. 844(h)", True),
    (18, "844", "n"): ("18 U.S.C. 842(p), 844(f)(3), (h), (i)", False),
    (18, "1030", "b"): ("18 U.S.C. 1030(a)(1)", False),
}
"""Subsections of a section the list names, or of its chapter, that punish a conspiracy (or
attempt) to commit an offense of it: 18 U.S.C. 924(o), a conspiracy to commit an offense under
924(c) ((xxii)); 844(m), under 844(h) ((xix)); 844(n), "an offense defined in this chapter"
(chapter 40, whose listed offenses are 842(p) (xviii) and 844(f)(3), (h), (i) (xix)); 1030(b),
a conspiracy or attempt to commit an offense under 1030(a) ((a)(1) is (xxiii)). With the target
the count is screened through when no object offense is recorded, and whether that target is
the object itself (True) or only the listed offenses it may be (False)."""

INCHOATE_QUESTION = (
    "whether a conspiracy or attempt to commit a listed offense is itself a conviction 'under' "
    "the listed provision is a legal question the text does not settle"
)
AIDING_QUESTION = (
    "whether aiding and abetting a listed offense (18 U.S.C. 2, punishable as a principal) is a "
    "conviction 'under' the listed provision is a legal question the text does not settle"
)


def _general(count: Count) -> tuple[int, str] | None:
    """The general attempt or conspiracy provision the count cites (21 U.S.C. 846, 963, 18 U.S.C.
    371, 2), in any of its citations ("21 U.S.C. 841(a)(1) and 846")."""
    for cite in citations(count.statute):
        if (cite.title, cite.section) in GENERAL_INCHOATE:
            return cite.title, cite.section
    return None


def _specific(count: Count) -> tuple[str, bool] | None:
    """The target of a conspiracy subsection the count cites (:data:`SPECIFIC_INCHOATE`)."""
    for cite in citations(count.statute):
        for group in cite.groups:
            found = SPECIFIC_INCHOATE.get((cite.title, cite.section, group[0].lower()))
            if found is not None:
                return found
    return None


def _target(count: Count) -> tuple[str, bool]:
    """The statute an unrecorded object offense is screened as, and whether it is the object."""
    general = _general(count)
    if general is not None and GENERAL_INCHOATE[general]:
        return GENERAL_INCHOATE[general], False
    return _specific(count) or ("", False)


def _general_target(count: Count) -> str:
    return _target(count)[0]


def _aiding(count: Count) -> bool:
    return _general(count) == (18, "2") and not (count.attempt or count.conspiracy)


def _inchoate_kind(count: Count) -> str:
    specific = _specific(count)
    general_conspiracy = _general(count) == (18, "371") or (
        specific is not None and not specific[0].startswith("18 U.S.C. 1030")
    )
    if (count.conspiracy or general_conspiracy) and not count.attempt:
        return "a conspiracy"
    if count.attempt and not count.conspiracy:
        return "an attempt"
    return "an attempt or conspiracy"


def _aimed_at(count: Count, offense: str) -> str:
    """ "a conspiracy to commit X", or "aiding and abetting X" (18 U.S.C. 2)."""
    if _aiding(count):
        return f"aiding and abetting {offense}"
    return f"{_inchoate_kind(count)} to commit {offense}"


def is_inchoate(count: Count) -> bool:
    """An attempt or conspiracy count: flagged so, or under 21 U.S.C. 846, 963, 18 U.S.C. 371, a
    conspiracy subsection of :data:`SPECIFIC_INCHOATE`, or aiding and abetting (18 U.S.C. 2)."""
    if count.attempt or count.conspiracy:
        return True
    return _general(count) is not None or _specific(count) is not None


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
            f"{count.statute} is {_aimed_at(count, count.object_offense)}; no clause of "
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
    target, fixed = _target(count)
    statute = count.object_offense or target
    if not statute:
        return hits
    recorded = bool(count.object_offense) or fixed
    # The object named by the statute itself (924(o): 924(c)) is read from the statute.
    named = "object_offense" if count.object_offense or not fixed else "statute"
    kind = _inchoate_kind(count)
    question = AIDING_QUESTION if _aiding(count) else INCHOATE_QUESTION
    seen = {hit.clause.number for hit in hits}
    for hit in _screen_statute(_object_count(count, statute), path):
        if hit.clause.number in seen:
            continue
        missing = {m.replace(f"{path}.statute", f"{path}.{named}") for m in hit.missing}
        missing.add(f"{path}.{named}")
        if recorded:
            state = "lists" if hit.match is Match.listed else "may list"
            why = hit.reason.replace("the statute is written", "the object offense is written")
            detail = "" if hit.match is Match.listed else f" ({why})"
            reason = (
                f"{count.statute} is {_aimed_at(count, statute)}, which {hit.clause.label} "
                f"{state}{detail}; {question}"
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
        for hit in _screen_citation(count, path, cite, cites):
            old = best.get(hit.clause.number)
            if old is None or (old.match is Match.undecided and hit.match is Match.listed):
                best[hit.clause.number] = hit
    return [best[n] for n in sorted(best)]


def _screen_citation(
    count: Count, path: str, cite: Citation, cites: tuple[Citation, ...]
) -> list[ClauseHit]:
    """The clauses that reach (or may reach) one U.S. Code citation of a count (``cites``: all
    of them): of a clause's provisions, the first that reaches the citation decides."""
    hits: list[ClauseHit] = []
    for clause in CLAUSES:
        for prov in clause.provisions:
            state = _reach(count, cite, prov, cites)
            if state == "no" and _contradicts(count, cite, clause, prov):
                state = "contradicts"
            if state == "no":
                continue
            hit = _clause_hit(count, path, cite, clause, prov, state)
            if hit is not None:
                hits.append(hit)
            break
    return hits


def _reach(count: Count, cite: Citation, prov: Provision, cites: tuple[Citation, ...]) -> str:
    """'yes', 'unknown' or 'no': whether the provision reaches the citation (its section, the
    finding it is tried on, its subsections). An offense punished under another section's
    subsection (``penalty_in``: 21 U.S.C. 952 under 960(b), 960(a)) is 'unknown' unless the
    count also cites that subsection: that citation is screened on its own and decides."""
    if not _section_in(cite, prov):
        return "no"
    if prov.when_found and _finding(count, prov.when_found) is not True:
        return "no"
    if prov.penalty_in is not None:
        title, section, sub = prov.penalty_in
        written = any(
            c.title == title and c.section == section and any(g[:1] == (sub,) for g in c.groups)
            for c in cites
        )
        return "no" if written else "unknown"
    return _subsection_state(cite, prov)


def _contradicts(count: Count, cite: Citation, clause: Clause, prov: Provision) -> bool:
    """The count cites the penalty paragraph of another drug beside the clause's own
    ("841(b)(1)(A)(ii)", cocaine, where (lxv) names (A)(i), heroin), yet its substance names the
    clause's drug: the judgment contradicts itself, which is for review whatever the clause."""
    if not clause.substance or not prov.penalty or not _section_in(cite, prov):
        return False
    if substance_named(clause.substance, count.substance) is not True:
        return False
    groups = tuple(tuple(s.lower() for s in g) for g in cite.groups)
    for prefix in (tuple(s.lower() for s in p) for p in prov.subsections):
        last = len(prefix) - 1
        for group in groups:
            if len(group) > last and group[:last] == prefix[:last] and group[last] != prefix[last]:
                return True
    return False


@dataclass
class _Doubts:
    """What leaves a clause open for one count, and whether the count's facts rule it out."""

    path: str
    missing: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    undecided: bool = False
    blocked: bool = False

    def add(self, field_name: str, reason: str) -> None:
        """The clause is undecided for ``reason``, naming the count's field ``field_name``."""
        self.undecided = True
        self.missing.append(f"{self.path}.{field_name}")
        self.reasons.append(reason)


def _clause_hit(
    count: Count, path: str, cite: Citation, clause: Clause, prov: Provision, state: str
) -> ClauseHit | None:
    """The hit of a clause whose provision reaches the citation (``state`` 'yes' or 'unknown'),
    or None when the count's substance or findings rule the clause out."""
    doubts = _Doubts(path)
    if state == "unknown" and prov.penalty_in is not None:
        title, section, sub = prov.penalty_in
        doubts.add(
            "statute",
            f"the offense is punished under {title} U.S.C. {section}({sub}), whose paragraph the "
            "clause names, and the statute is written without it",
        )
    elif state == "unknown":
        doubts.add("statute", "the statute is written without the subsection the clause names")
    elif state == "contradicts":
        doubts.add(
            "statute",
            f"the statute cites the penalty paragraph of another drug, yet the substance names "
            f"{clause.substance}{_quoted(count)}: the record contradicts itself",
        )
        doubts.missing.append(f"{path}.substance")
    review = _review_reason(cite, prov)
    if review:
        doubts.add("statute", review)
    _substance_doubt(count, clause, state, doubts)
    _finding_doubts(count, clause, doubts)
    _exception_doubt(count, clause, cite, doubts)
    if doubts.blocked:
        return None
    if (count.attempt or count.conspiracy) and not doubts.undecided:
        doubts.add(
            "statute",
            "an attempt or conspiracy to commit a listed offense: whether it is a conviction "
            "'under' the listed provision is not settled by the text",
        )
    return ClauseHit(
        clause=clause,
        match=Match.undecided if doubts.undecided else Match.listed,
        reason="; ".join(doubts.reasons) if doubts.reasons else "the statute is listed",
        missing=sorted(set(doubts.missing)),
    )


def _substance_doubt(count: Count, clause: Clause, state: str, doubts: _Doubts) -> None:
    """The drug a clause names. A count citing the clause's own paragraph ("841(b)(1)(A)(vi)")
    names its drug: a substance saying otherwise contradicts it, which is for review. Written
    less deep ("841(b)(1)(A)"), the substance decides: another drug rules the clause out, an
    unknown one leaves it open."""
    if not clause.substance:
        return
    named = substance_named(clause.substance, count.substance)
    if named is False and state != "yes":
        doubts.blocked = True
    elif (named is None and state != "yes") or (named is False and state == "yes"):
        doubts.add("substance", f"the clause names {clause.substance}{_quoted(count)}")


def _quoted(count: Count) -> str:
    """The substance text, quoted, where one is written (what could not be read, or what
    contradicts the statute)."""
    return f" (the substance is written {count.substance!r})" if count.substance else ""


def _finding_doubts(count: Count, clause: Clause, doubts: _Doubts) -> None:
    """The findings a clause needs: one found false rules it out, one unknown leaves it open."""
    for name in clause.requires:
        found = _finding(count, name)
        if found is False:
            doubts.blocked = True
        elif found is None:
            field_name = "substance" if name == "fentanyl" else "court_findings"
            said = _quoted(count) if name == "fentanyl" else ""
            doubts.add(field_name, f"the clause needs the finding '{name}'{said}")


def _exception_doubt(count: Count, clause: Clause, cite: Citation, doubts: _Doubts) -> None:
    """A finding that takes the cited section out of the clause: found, out; unknown, open."""
    exception = clause.unless.get(cite.section)
    if exception is None:
        return
    found = _finding(count, exception)
    if found is True:
        doubts.blocked = True
    elif found is None:
        doubts.add("court_findings", f"the clause excepts '{exception}'")
