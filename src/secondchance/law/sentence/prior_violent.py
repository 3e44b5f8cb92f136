"""Clause (li) of 18 U.S.C. 3632(d)(4)(D), read from the record's other convictions.

(li) bars time credits for an offense described in 18 U.S.C. 3559(c)(2)(F) (a serious violent
felony) sentenced to more than 1 year, when the prisoner has a previous conviction, federal or
state "by whatever designation", on which more than 1 year was served, for murder, voluntary
manslaughter, assault with intent to commit murder, aggravated sexual abuse or sexual abuse,
abusive sexual contact, kidnapping, carjacking, arson or terrorism (the kinds and their federal
sections: the table's ``prior_kinds``; a state count by its words).

The count's own finding (``prior_serious_violent_felony_served_over_1_year``) is read by
:mod:`exclusions`. Here the record: a conviction outside the term being served that is (or may
be) of a listed kind, with more than a year served on it or the time served unknown, leaves open
every count of the term sentenced to more than a year (or to a term not known) - unless it is a
misdemeanor, which 3559(c)(2)(F) cannot reach ((ii) needs a maximum of 10 years or more). Whether
a count is a serious violent felony under (F)(ii) (a force element, or a substantial risk of
force, and its maximum term) is a legal judgment: ``needs_review``, never a finding that clears.
A count (F)(i) names (robbery under 2111, 2113, 2118 ...) is screened by the table as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from secondchance.law.sentence.aggregate import Served
from secondchance.law.sentence.clauses import CLAUSES, Clause
from secondchance.law.sentence.exclusions import _section_in, _subsection_state, citations
from secondchance.law.units import MONTHS_PER_YEAR, MOST_DAYS_IN_A_YEAR
from secondchance.record.schema import Conviction, Count, Record
from secondchance.record.terms import Term

CLAUSE: Clause = next(c for c in CLAUSES if c.prior_kinds)
"""Clause (li), the one clause naming previous convictions."""
CITATION = f"18 U.S.C. {CLAUSE.label}; 18 U.S.C. 3559(c)(2)(F)"
INVOLUNTARY = "involuntary_manslaughter"
"""The finding that takes a 1112 conviction out ((li) names voluntary manslaughter only)."""

WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("murder", re.compile(r"murder|homicide")),
    ("voluntary manslaughter", re.compile(r"(?<!involuntary )manslaughter")),
    ("assault with intent to commit murder", re.compile(r"intent to (?:commit )?kill")),
    (
        "aggravated sexual abuse or sexual abuse",
        re.compile(r"sexual (?:abuse|assault|battery)|\brape|sodomy|sex(?:ual)? offen"),
    ),
    ("abusive sexual contact", re.compile(r"sexual contact|molest")),
    ("kidnapping", re.compile(r"kidnap|abduct")),
    ("carjacking", re.compile(r"carjack")),
    ("arson", re.compile(r"\barson")),
    ("terrorism", re.compile(r"terroris")),
)
"""How a count's words (a state offense, "by whatever designation") may name a listed kind:
any of them makes the conviction possibly one (which only ever leaves the answer open)."""


@dataclass(frozen=True)
class Prior:
    """A previous conviction of a kind (li) names, and what is known of the time served on it."""

    index: int
    kind: str
    served: str
    """'yes' (more than a year served, by the custody recorded) or 'unknown'."""
    path: str
    """The fact that would settle the time served ('' when known)."""
    unread: str = ""
    """The description that would settle its kind, when its statute is not read ('' else)."""


UNREAD = "possibly a listed kind: its statute is not read and no description is recorded"
"""The kind of a prior count cited by no U.S. Code section the table reads (a state, D.C. or
military statute) and described in no words: "by whatever designation", it may be one."""


def _kind(count: Count) -> str | None:
    """The listed kind a prior count is (or may be), by its citation or its words."""
    if INVOLUNTARY in count.court_findings:
        return None
    for cite in citations(count.statute):
        for kind, provisions in CLAUSE.prior_kinds:
            for prov in provisions:
                if _section_in(cite, prov) and _subsection_state(cite, prov) != "no":
                    return kind
    words = f"{count.statute} {count.description or ''}".lower()
    if "involuntary manslaughter" in words:
        return None
    named = next((kind for kind, pattern in WORDS if pattern.search(words)), None)
    if named is None and not citations(count.statute) and not (count.description or "").strip():
        return UNREAD
    return named


def _at_most_a_year(term: Term | None) -> bool:
    """A term known to be no longer than 1 year (12 months, or fewer than 366 days)."""
    if term is None or term.life:
        return False
    if term.days == 0:
        return term.total_months <= MONTHS_PER_YEAR
    return term.total_months == 0 and term.days < MOST_DAYS_IN_A_YEAR


def _other_sentence(conviction: Conviction) -> bool:
    """The sentence states a punishment other than prison (probation, a fine, restitution) and
    no prison term: none was imposed."""
    sentence = conviction.sentence
    return sentence is not None and any(
        x is not None for x in (sentence.probation, sentence.fine, sentence.restitution)
    )


def _served(record: Record, conviction: Conviction, index: int, day: date) -> tuple[str, str]:
    """Whether more than a year was served on the conviction: 'no' when every prison term
    imposed on it is 1 year or less (or none was), 'yes' when its custody recorded
    (``conviction_id``) holds more than a year's days, else 'unknown' with the fact that would
    settle it. The custody recorded is read first: more than a year of it settles the question
    whatever the sentence says (a revocation, a term written on a count)."""
    days = 0
    for period in record.custody:
        if conviction.id is not None and period.conviction_id == conviction.id and period.start:
            last = min(period.end or day, day)
            days += max((last - period.start).days + 1, 0)
    if days > MOST_DAYS_IN_A_YEAR:
        return "yes", ""
    sentence = conviction.sentence
    if (
        sentence is not None
        and not sentence.imprisonment_length_unknown
        and not any(r.imprisonment is not None for r in sentence.revocations)
        and all(
            c.imprisonment is None or _at_most_a_year(c.imprisonment) for c in conviction.counts
        )
        and (
            _at_most_a_year(sentence.imprisonment)
            or (
                sentence.imprisonment is None
                and all(c.imprisonment is None for c in conviction.counts)
                and _other_sentence(conviction)
            )
        )
    ):
        return "no", ""
    if conviction.id is None:
        return "unknown", f"convictions[{index}].id"
    return "unknown", f"custody[].conviction_id={conviction.id}"


def priors(
    record: Record, current: list[Served], day: date, flagged: set[int] | None = None
) -> list[Prior]:
    """The convictions outside the term being served, dated on or before the day, that are (or
    may be) of a kind (li) names, with more than a year served or the time served unknown;
    ``flagged``: convictions already left open for another reason (awaiting sentencing, no
    sentence recorded), whose own fact is asked first."""
    mine = {s.index for s in current} | (flagged or set())
    found: list[Prior] = []
    for i, conviction in enumerate(record.convictions):
        when = conviction.conviction_date or conviction.sentencing_date
        if i in mine or (when is not None and when > day):
            continue
        kinds = [(j, k) for j, c in enumerate(conviction.counts) if (k := _kind(c)) is not None]
        if not kinds:
            continue
        read = [(j, k) for j, k in kinds if k != UNREAD]
        j, kind = (read or kinds)[0]
        served, path = _served(record, conviction, i, day)
        if served != "no":
            unread = "" if read else f"convictions[{i}].counts[{j}].description"
            found.append(Prior(i, kind, served, path, unread))
    return found


def _over_a_year(count: Count, served: Served) -> bool:
    """The count may carry a term of more than 1 year: its own term, else the sentence's."""
    if count.imprisonment is not None:
        return not _at_most_a_year(count.imprisonment)
    return not _at_most_a_year(served.term)


def open_counts(
    record: Record, current: list[Served], day: date, flagged: set[int] | None = None
) -> list[tuple[str, str, str]]:
    """For each count of the term that (li) may reach through a previous conviction in the
    record: (what is open, the fact that would decide it, citation); the time served on the
    previous conviction, where unknown, as one more. Empty when the record holds none
    (``flagged``: as :func:`priors`)."""
    found = priors(record, current, day, flagged)
    if not found:
        return []
    first = found[0]
    prior = f"convictions[{first.index}] ({first.kind})"
    served = (
        "more than a year served on it"
        if first.served == "yes"
        else f"the time served on it not recorded ({first.path})"
    )
    notes: list[tuple[str, str, str]] = []
    for s in current:
        for j, count in enumerate(s.conviction.counts):
            if count.felony is False or not _over_a_year(count, s):
                continue
            path = f"convictions[{s.index}].counts[{j}]"
            notes.append(
                (
                    f"the record holds a previous conviction of a kind {CLAUSE.label} names, "
                    f"{prior}, with {served}: {count.statute} ({path}) bars time credits if it is "
                    "an offense described in 18 U.S.C. 3559(c)(2)(F) (a serious violent felony: "
                    'an offense (F)(i) names, or under (F)(ii) "any other offense punishable by '
                    "a maximum term of imprisonment of 10 years or more that has as an element "
                    "the use, attempted use, or threatened use of physical force against the "
                    "person of another or that, by its nature, involves a substantial risk that "
                    "physical force against the person of another may be used in the course of "
                    'committing the offense"), a legal judgment of its elements and maximum term',
                    f"{path}.statute",
                    CITATION,
                )
            )
    if notes:
        for p in found:
            if p.served == "unknown":
                notes.append(
                    (
                        f"whether more than a year was served on convictions[{p.index}] "
                        f"({p.kind}), as {CLAUSE.label} requires, is not recorded",
                        p.path,
                        CITATION,
                    )
                )
            if p.unread:
                notes.append(
                    (
                        f"whether convictions[{p.index}] is of a kind {CLAUSE.label} names "
                        '(a "Federal or State offense, by whatever designation") is not read '
                        f"from its statute; its description ({p.unread}) would say",
                        p.unread,
                        CITATION,
                    )
                )
    return notes
