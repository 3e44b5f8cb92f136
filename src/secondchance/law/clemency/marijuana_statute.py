"""What a count's citation says to the marijuana proclamations: listed (possession, attempt, a
CFR provision), reached only through an open clause (an earlier codification, a CFR provision
beyond 10688's list), broader than a listed provision, unreadable, or naming a listed provision
beside another. Citations are read only by :mod:`secondchance.record.statute`.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from secondchance.law.clemency.marijuana_proclamations import (
    CFR_CLAUSE,
    CountAnswer,
    Proclamation,
)
from secondchance.law.clemency.possession_words import pieces, unread_words
from secondchance.law.clemency.substance import (
    OTHER_SUBSTANCE,
    Substance,
    named_beside_marijuana,
)
from secondchance.law.parameters import value
from secondchance.law.subdivisions import unread_reason
from secondchance.record.schema import Conviction, Count, Jurisdiction
from secondchance.record.statute import (
    Code,
    Statute,
    broader,
    cites,
    names_within,
    plain_provisions,
    provisions_of,
    read_statute,
    section_number,
    unlisted_beside,
    unreadable_reason,
)

CURRENT = "clemency.marijuana.current_codifications"


def listed_how(count: Count, proc: Proclamation) -> str | None:
    """Why the proclamation lists the count's provision (None: it does not). A count citing a
    general attempt or conspiracy provision (21 U.S.C. 846) is an attempt or conspiracy even
    when it names 844 beside it (its object): listed only as an attempt, where the proclamation
    lists that provision."""
    return _listed_statute(count.statute, proc.possession, proc.attempt, proc.cfr, proc.inchoate)


@lru_cache(maxsize=16384)
def _listed_statute(
    statute: str,
    possession: tuple[str, ...],
    attempt: tuple[str, ...],
    cfr: tuple[str, ...],
    inchoate: tuple[str, ...],
) -> str | None:
    if any(cites(statute, p) for p in inchoate):
        return "attempt" if any(cites(statute, p) for p in attempt) else None
    if any(cites(statute, p) for p in possession):
        return "possession"
    if any(cites(statute, p) for p in attempt):
        return "attempt"
    if any(cites(statute, p) for p in cfr):
        return "cfr"
    return None


def broader_any(count: Count, procs: tuple[Proclamation, ...]) -> bool:
    return any(broader(count.statute, p) for proc in procs for p in proc.possession + proc.attempt)


def open_clause(count: Count, proc: Proclamation, day: date) -> str | None:
    """The clause of the proclamation that may reach a provision it does not name: an earlier
    codification, or a CFR provision beyond 10688's list. None for a current provision."""
    provs = provisions_of(count.statute)
    current = value(CURRENT, on=day)
    if any(p.code is Code.cfr for p in provs):
        return CFR_CLAUSE if proc.cfr_open_list else None
    if provs and provs[0].code is Code.dc:
        if all(p.section.startswith(str(current["dc_code_prefix"])) for p in provs):
            return None
        return proc.earlier_dc_code
    first = int(current["title21_from_section"])
    if provs and all(
        p.code is Code.usc and p.title == 21 and section_number(p.section) >= first for p in provs
    ):
        return None
    return proc.earlier_us_code


def court_martial(count: Count, listed: bool) -> tuple[str | None, str | None]:
    """(review, not covered) for a court-martial count. A court-martial offense is a federal
    offense; what matters is the provision charged."""
    if listed:
        return (
            f"a court-martial count charged under {count.statute}: the proclamations name that "
            "provision but do not say whether a court-martial conviction for it is covered (the "
            "Office's certificate page speaks of a federal or D.C. Superior court)",
            None,
        )
    return None, (
        f"{count.statute} is not a provision the proclamations list (21 U.S.C. 844 and 846, "
        "D.C. Code 48-904.01(d)(1) and 48-904.09, CFR provisions on simple possession or use): "
        "a court-martial offense is a federal offense, but the UCMJ's drug article (Article "
        "112a) is not among those provisions"
    )


def unlisted_not_covered(count: Count) -> str:
    provs = provisions_of(count.statute)
    plain = plain_provisions(count.statute)
    lettered = [str(q) for p, q in zip(provs, plain, strict=True) if p.joined_letter]
    if lettered:
        named = ", ".join(lettered)
        return (
            f"{count.statute} is read as section {named}: a letter joined to the section number "
            "is part of the section (21 U.S.C. 844a, a civil penalty, is a section of its own), "
            "not 21 U.S.C. 844 or 846; if a subsection such as 844(a) was meant, the record "
            "should write it in parentheses"
        )
    if provs and provs[0].code is Code.dc:
        return f"{count.statute} is not D.C. Code 48-904.01(d)(1) or 48-904.09 (attempt)"
    return (
        f"{count.statute} is not simple possession (21 U.S.C. 844) or attempted simple "
        "possession (21 U.S.C. 846); distribution, possession with intent to distribute and the "
        "like are not covered"
    )


def unread(
    conviction: Conviction,
    count: Count,
    substance: Substance,
    answer: CountAnswer,
) -> bool:
    """A statute the reader could not read (or a range of sections, "et seq.", or a subdivision
    the Code does not have: "21 U.S.C. 844(aa)" is not 844) is unknown, never "not listed" nor
    the bare section: for review, naming the field; so is an object offense naming such a
    subdivision. Not for a state conviction or another drug, which no reading of it could bring
    in."""
    if conviction.jurisdiction is Jurisdiction.state or substance.kind == OTHER_SUBSTANCE:
        return False
    for name, text in (("statute", count.statute), ("object_offense", count.object_offense)):
        why = unread_reason(text) if text is not None else None
        if text is None or why is None:
            continue
        if name == "object_offense" and unreadable_reason(read_statute(text)):
            # An unreadable object offense is judged where the attempt's object is read.
            continue
        quoted = f" {text[:80]!r}" if text.strip() else ""
        answer.review = (
            f"the {name.replace('_', ' ')}{quoted} {why}: whether a proclamation lists "
            "it is unknown"
        )
        answer.missing.append(f"{answer.path}.{name}")
        return True
    return False


def _attempt_objects_named(count: Count, procs: tuple[Proclamation, ...]) -> list[str]:
    """The offenses a count names beside 21 U.S.C. 846 when it names no possession provision:
    the object of the attempt or conspiracy charged ("21 U.S.C. 846, 841(a)(1)" is an attempt
    or conspiracy to distribute). Empty unless each of them is a whole, unambiguous section of
    title 21 outside the 844 family; anything else (18 U.S.C. 2, a range, an object offense
    recorded as well) stays for review."""
    named = plain_provisions(count.statute)
    possession = tuple(p for proc in procs for p in proc.possession)
    attempt = tuple(p for proc in procs for p in proc.attempt)
    if any(names_within(h, p) for h in named for p in possession):
        return []
    at = [h for h in named if any(names_within(h, p) for p in attempt)]
    rest = [h for h in named if h not in at]
    plain_title21 = all(
        h.code is Code.usc
        and h.title == 21
        and not h.open
        and not h.joined_letter
        and not h.section.startswith("844")
        for h in rest
    )
    usc_attempt = all(h.code is Code.usc and h.title == 21 for h in at)
    if not at or not rest or not plain_title21 or not usc_attempt:
        return []
    return [str(h) for h in rest]


def inchoate_unlisted(
    conviction: Conviction,
    count: Count,
    substance: Substance,
    procs: tuple[Proclamation, ...],
    answer: CountAnswer,
) -> bool:
    """A count citing a general attempt or conspiracy provision (21 U.S.C. 846, D.C. Code
    48-904.09) that none of ``procs`` lists as an attempt provision is not covered, whatever
    possession provision it names beside (the object): 10467 pardons simple possession only,
    not its attempt or conspiracy."""
    if conviction.jurisdiction is Jurisdiction.state or substance.kind == OTHER_SUBSTANCE:
        return False
    inchoate = {p for proc in procs for p in proc.inchoate}
    named = [p for p in sorted(inchoate) if cites(count.statute, p)]
    if not named or any(listed_how(count, proc) for proc in procs):
        return False
    ids = ", ".join(proc.id for proc in procs)
    answer.not_covered = (
        f"{count.statute} cites {', '.join(named)}, the attempt or conspiracy provision: the "
        f"count is an attempt or conspiracy, not simple possession, and {ids} does not list that "
        "provision"
    )
    answer.brief = "an attempt or conspiracy (not listed)"
    return True


BEYOND = "clemency.marijuana.beyond_possession_words"


def _beyond_words(text: str, day: date, attempt_listed: bool) -> list[str]:
    """The words of ``text`` that speak of activity beyond simple possession (``BEYOND``); an
    attempt's words only where the count is not listed as an attempt."""
    table = value(BEYOND, on=day)
    stems = list(table["beyond"]) + ([] if attempt_listed else list(table["attempt"]))
    # Letters joined by slashes are one abbreviation: "w/i/t/d" is "witd", "p/w/i/d" "pwid".
    text = re.sub(r"(?<![A-Za-z])([A-Za-z](?:/[A-Za-z])+)(?![A-Za-z])", _unslash, text)
    return [
        m.group(0)
        for m in re.finditer(r"[A-Za-z]+", text)
        if any(m.group(0).lower().startswith(stem) for stem in stems)
    ]


def _unslash(m: re.Match[str]) -> str:
    return m.group(0).replace("/", "")


def _after_dash(statute: str) -> str:
    """The description written after a citation's dash or "=" (empty when none or unread)."""
    reading = read_statute(statute) if statute else None
    return reading.description if isinstance(reading, Statute) else ""


def described_beyond(
    conviction: Conviction,
    count: Count,
    substance: Substance,
    procs: tuple[Proclamation, ...],
    answer: CountAnswer,
    day: date,
) -> bool:
    """A count a proclamation may reach whose description (or the text after the dash of its
    statute or of its attempt's object) speaks of activity beyond simple possession ("PWID",
    "conspiracy", "near a school"), or whose statute's or object's description carries a number
    (another section?), is for review: the proclamations pardon no "activity beyond simple
    possession". So is one whose description names another drug, paraphernalia or a drug only
    generically (:func:`named_beside_marijuana`), whatever the substance field says: the
    proclamations pardon no offense involving other controlled substances. Last, any of these
    texts with a word outside the vocabulary of a plain description of simple possession,
    attempted simple possession or use of marijuana (:mod:`possession_words`: "while armed",
    "in prison", "2nd offense") is for review, quoting those words. Not for a state conviction
    or another drug."""
    if conviction.jurisdiction is Jurisdiction.state or substance.kind == OTHER_SUBSTANCE:
        return False
    hows = [listed_how(count, p) for p in procs]
    if not any(hows) and not any(open_clause(count, p, day) for p in procs):
        return False
    attempt_listed = "attempt" in hows
    texts = [
        ("statute", _after_dash(count.statute)),
        ("description", count.description or ""),
        ("object_offense", _after_dash(count.object_offense or "")),
    ]
    for field_name, said in texts:
        other = named_beside_marijuana(said, day)
        if other:
            # A contradiction of the record, not a missing fact: for review, naming the field.
            answer.review = (
                f"the count's {field_name} ({answer.path}.{field_name}) "
                f"{getattr(count, field_name)[:80]!r} names {other}: the proclamations pardon "
                "simple possession of marijuana, not any offense involving other controlled "
                "substances, so whether the count is simple possession of marijuana is for review"
            )
            return True
        words = _beyond_words(said, day, attempt_listed and field_name != "object_offense")
        digits = field_name != "description" and re.search(r"[0-9]", said) is not None
        if not words and not digits:
            continue
        what = (
            f"words of activity beyond simple possession ({', '.join(words)})"
            if words
            else ("a number (perhaps another section)")
        )
        answer.review = (
            f"the count's {field_name} {getattr(count, field_name)[:80]!r} has {what}: the "
            "proclamations pardon no activity beyond simple possession, attempted simple "
            "possession or use of marijuana (such as possession with intent to distribute), so "
            "whether the count is simple possession is for review"
        )
        answer.missing.append(f"{answer.path}.{field_name}")
        return True
    cited = _cited(procs)
    for field_name, said in texts:
        unread_ = unread_words(said, cited)
        if unread_:
            answer.review = (
                f"the count's {field_name} ({answer.path}.{field_name}) "
                f"{getattr(count, field_name)[:80]!r}: its words "
                f"{', '.join(repr(w) for w in unread_)} are not read as simple possession, "
                "attempted simple possession or use of marijuana, the only offenses the "
                "proclamations pardon (not any activity beyond them), so whether the count is "
                "one of them is for review"
            )
            return True
    return False


def _cited(procs: tuple[Proclamation, ...]) -> frozenset[str]:
    """The pieces (numbers, letters) of the provisions ``procs`` list, read in a description as
    a reference to them ("21 U.S.C. 844(a)")."""
    return frozenset(
        piece
        for proc in procs
        for text in (*proc.possession, *proc.attempt, *proc.cfr)
        for piece in pieces(text)
        if piece.isalnum() or piece[0].isdigit()
    )


def beside(
    conviction: Conviction,
    count: Count,
    substance: Substance,
    procs: tuple[Proclamation, ...],
    answer: CountAnswer,
) -> bool:
    """A count naming a listed provision beside one no proclamation lists (21 U.S.C. 841, 18
    U.S.C. 924(c), an Article of the UCMJ) is for review, naming its ``statute``; not for a
    state conviction or another drug, which no reading could bring in."""
    if conviction.jurisdiction is Jurisdiction.state or substance.kind == OTHER_SUBSTANCE:
        return False
    listed = tuple(p for proc in procs for p in proc.possession + proc.attempt + proc.cfr)
    others = unlisted_beside(count.statute, listed)
    if not others:
        return False
    objects = [] if count.object_offense else _attempt_objects_named(count, procs)
    if objects:
        answer.not_covered = (
            f"{count.statute} names {', '.join(objects)} beside 21 U.S.C. 846: the attempt or "
            "conspiracy charged is to commit that offense, not simple possession (21 U.S.C. "
            "844), the only object the proclamations reach"
        )
        answer.brief = "an attempt or conspiracy to commit another drug offense"
        return True
    answer.review = (
        f"{count.statute} names {', '.join(others)} beside a provision the proclamations list: "
        "whether the conviction is for simple possession (or its attempt) alone is for review"
    )
    answer.missing.append(f"{answer.path}.statute")
    return True
