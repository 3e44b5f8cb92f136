"""Categorical pardons by proclamation: whether a count is already pardoned.

Proclamation 10467 (Oct. 6, 2022) pardons simple possession of marijuana under 21 U.S.C. 844 (and
"as previously codified elsewhere in the United States Code") or D.C. Code 48-904.01(d)(1).
Proclamation 10688 (Dec. 22, 2023) adds attempted simple possession (21 U.S.C. 846, D.C. Code
48-904.09), "previous provisions" of the U.S. Code and the D.C. Code that prohibited simple
possession (or attempt), and CFR provisions that prohibit only simple possession or use of
marijuana, and reaches offenses up to its own date. Both pardon only people who were U.S.
citizens or lawful permanent residents on the proclamation's date, and not people who were
non-citizens unlawfully present at the time of the offense; the offense must have been committed
(or the person convicted) on or before the proclamation's date. Distribution, possession with
intent to distribute, conspiracy, other substances and driving under the influence are not
covered, nor is any other offense: 10467 says no language "shall be construed to pardon any person
for any other offense". The pardon takes effect by the proclamation; the Office of the Pardon
Attorney issues a certificate on application.

A provision a proclamation reaches only through an open clause (an earlier codification, a CFR
provision beyond 10688's list), a cannabis product (hashish, resin, THC) or a substance name not
recognised, and a court-martial count charged under a listed provision, are ``needs_review``.

Two other categorical pardons are recognised and answered ``needs_review`` because the record
cannot show their conditions: the June 26, 2024 pardon of unaggravated, consensual, private
conduct with adults under former Article 125 UCMJ (convictions May 31, 1951 - Dec. 26, 2013) and
the January 20, 2025 pardon of offenses related to the events at the Capitol on January 6, 2021
(an undated offense is ruled out by a recorded date before that day that bounds it: conviction,
sentencing, sentence imposed, custody for the conviction begun).

A recorded pardon naming a proclamation (a certificate) covers only the counts that
proclamation can cover (:func:`grant_reaches`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from secondchance.law.clemency.facts import FEDERAL, custody_for, grant_covers, with_article
from secondchance.law.parameters import parameter, value
from secondchance.law.rule_book import text
from secondchance.record.schema import (
    ClemencyGrant,
    ClemencyKind,
    Conviction,
    Count,
    ImmigrationStatus,
    Jurisdiction,
    PendingCharge,
    PersonRecord,
)
from secondchance.record.statute import (
    Code,
    Unreadable,
    read_statute,
    same_subsection,
    unreadable_reason,
)
from secondchance.record.statute import Provision as StatuteProvision

MARIJUANA = "clemency.marijuana.proclamations"
SUBSTANCES = "clemency.marijuana.substances"
CURRENT = "clemency.marijuana.current_codifications"
ARTICLE_125 = "clemency.article125.proclamation"
JANUARY_6 = "clemency.january6.proclamation"

_LAWFUL_ON_DATE = (ImmigrationStatus.us_citizen, ImmigrationStatus.lawful_permanent_resident)


def _day(raw: Any) -> date:
    return raw if isinstance(raw, date) else date.fromisoformat(str(raw))


@lru_cache(maxsize=16384)
def _provisions(text: str) -> tuple[StatuteProvision, ...]:
    """The provisions a citation names as read (none when unreadable); a pure function of the
    text, remembered by value."""
    reading = read_statute(text)
    return () if isinstance(reading, Unreadable) else reading.provisions


def _same_section(a: StatuteProvision, b: StatuteProvision) -> bool:
    return (a.code, a.title, a.section.lower(), a.appendix) == (
        b.code,
        b.title,
        b.section.lower(),
        b.appendix,
    )


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """``short`` is ``long`` or a parent of it ("(d)" of "(d)(1)"), without regard to case."""
    return len(short) <= len(long) and all(
        same_subsection(a, b) for a, b in zip(short, long, strict=False)
    )


@lru_cache(maxsize=65536)
def cites(statute: str, provision: str) -> bool:
    """The count's statute is the provision or one of its subdivisions, in any spelling the
    statute reader accepts ('21 U.S.C. § 844(a)', '21 USC 844a', '21:844(a)')."""
    return any(_covers(h, provision) for h in _plain_provisions(statute))


def _covers(named: StatuteProvision, provision: str) -> bool:
    """One provision a count names is ``provision`` or one of its subdivisions."""
    return not named.open and any(
        _same_section(named, w) and _within(w.subsections, named.subsections)
        for w in _provisions(provision)
    )


def unlisted_beside(statute: str, listed: tuple[str, ...]) -> list[str]:
    """The provisions a count names that none of ``listed`` covers, when it names one that is
    covered ("21 U.S.C. 841(a)(1) and 844" -> ["21 U.S.C. 841(a)(1)"]); empty otherwise. Such a
    count may be for the other offense: whether it is for simple possession alone is for
    review, never a pardon."""
    return list(_unlisted_beside(statute, listed))


@lru_cache(maxsize=16384)
def _unlisted_beside(statute: str, listed: tuple[str, ...]) -> tuple[str, ...]:
    named = _plain_provisions(statute)
    hits = [any(_covers(h, p) for p in listed) for h in named]
    if not any(hits):
        return ()
    return tuple(str(h) for h, hit in zip(named, hits, strict=True) if not hit)


@lru_cache(maxsize=16384)
def _plain_provisions(statute: str) -> tuple[StatuteProvision, ...]:
    return _plain(_provisions(statute))


def _plain(provisions: tuple[StatuteProvision, ...]) -> tuple[StatuteProvision, ...]:
    """A letter joined to a section number in capitals ("21 USC 844A") read as the subsection
    it may be (844(a)): no provision the proclamations list has a lettered section number. A
    letter before parentheses ("844a(a)") stays part of the section (21 U.S.C. 844a is one)."""
    return tuple(
        (p.other_reading() or p) if p.joined_letter == "section" and not p.subsections else p
        for p in provisions
    )


@lru_cache(maxsize=65536)
def broader(statute: str, provision: str) -> bool:
    """The count cites a provision that contains the listed one (e.g. '(d)' for '(d)(1)')."""
    want = _provisions(provision)
    return any(
        _same_section(h, w)
        and len(h.subsections) < len(w.subsections)
        and _within(h.subsections, w.subsections)
        for h in _provisions(statute)
        for w in want
    )


@dataclass(frozen=True)
class Proclamation:
    id: str
    signed: date
    url: str
    possession: tuple[str, ...]
    attempt: tuple[str, ...]
    attempt_objects: tuple[str, ...]
    cfr: tuple[str, ...]
    cfr_open_list: bool
    earlier_us_code: str | None
    """The clause reaching earlier codifications in the U.S. Code (None: none)."""
    earlier_dc_code: str | None
    """The clause reaching earlier D.C. Code provisions (None: none)."""


def marijuana_proclamations(day: date) -> tuple[Proclamation, ...]:
    """The marijuana proclamations (all of them; the caller compares ``signed`` with its day),
    built once for each dated value of the parameter."""
    raw = value(MARIJUANA, on=day)
    built = _BUILT.get(id(raw))
    if built is None or built[0] is not raw:
        built = _BUILT[id(raw)] = (raw, _proclamations(raw))
    return built[1]


_BUILT: dict[int, tuple[Any, tuple[Proclamation, ...]]] = {}
"""The proclamations built from each dated value (by identity: the values live as long as the
parameters)."""


def _proclamations(raw: Any) -> tuple[Proclamation, ...]:
    return tuple(
        Proclamation(
            id=p["id"],
            signed=_day(p["signed"]),
            url=p["url"],
            possession=tuple(p["possession"]),
            attempt=tuple(p["attempt"]),
            attempt_objects=tuple(p["attempt_objects"]),
            cfr=tuple(p["cfr"]),
            cfr_open_list=bool(p["cfr_open_list"]),
            earlier_us_code=p.get("earlier_us_code"),
            earlier_dc_code=p.get("earlier_dc_code"),
        )
        for p in raw
    )


def proclamation_dates(day: date) -> list[date]:
    return [p.signed for p in marijuana_proclamations(day)]


# --- status ------------------------------------------------------------------------------------


def status_on(record: PersonRecord, day: date) -> ImmigrationStatus | None:
    held = [p.status for p in record.person.status if p.covers(day)]
    if ImmigrationStatus.us_citizen in held:
        return ImmigrationStatus.us_citizen
    return held[0] if held else None


# --- the substance ------------------------------------------------------------------------------

MARIJUANA_SUBSTANCE = "marijuana"
REVIEW_SUBSTANCE = "review"
OTHER_SUBSTANCE = "other"


@dataclass(frozen=True)
class Substance:
    """How a count's substance text reads (``clemency.marijuana.substances``)."""

    kind: str | None
    """'marijuana', 'review', 'other', or None when no substance is recorded."""
    cannabis: bool = False
    """The text names marijuana or a cannabis product."""
    why: str = ""
    """For 'review': why the text leaves it open."""


def _names(text: str, names: list[str]) -> list[str]:
    return [n for n in names if re.search(rf"\b{re.escape(n.lower())}\b", text)]


def substance_of(count: Count, day: date) -> Substance:
    """Marijuana when the text names marijuana (e.g. 'marijuana (12 grams)'); a cannabis product
    (hashish, resin, THC) or a name not recognised is for review; another drug is not marijuana."""
    if count.substance is None:
        return Substance(kind=None)
    table = value(SUBSTANCES, on=day)
    key = (id(table), count.substance)
    known = _SUBSTANCES.get(key)
    if known is None or known[0] is not table:
        if len(_SUBSTANCES) >= 16384:
            _SUBSTANCES.clear()
        known = _SUBSTANCES[key] = (table, _substance(count.substance, table))
    return known[1]


_SUBSTANCES: dict[tuple[int, str], tuple[Any, Substance]] = {}
"""Readings of substance texts by the table read (by identity) and the text."""


def _substance(substance: str, table: Any) -> Substance:
    text = substance.lower()
    plant = _names(text, table["marijuana"])
    product = _names(text, table["cannabis_products"])
    other = _names(text, table["other_drugs"])
    cannabis = bool(plant or product)
    if other and cannabis:
        why = (
            f"the substance '{substance}' names marijuana and another drug; the "
            "proclamations pardon no offense involving other controlled substances"
        )
        return Substance(kind=REVIEW_SUBSTANCE, cannabis=True, why=why)
    if other:
        return Substance(kind=OTHER_SUBSTANCE)
    if product:
        why = (
            f"the substance is '{substance}': 21 U.S.C. 802(16) defines marihuana to "
            "include its resin, but the proclamations say only 'marijuana' and do not say whether "
            "hashish, hash oil, resin or THC is covered"
        )
        return Substance(kind=REVIEW_SUBSTANCE, cannabis=True, why=why)
    if plant:
        return Substance(kind=MARIJUANA_SUBSTANCE, cannabis=True)
    why = f"the substance '{substance}' is not recognised as marijuana or another drug"
    return Substance(kind=REVIEW_SUBSTANCE, why=why)


# --- one count -----------------------------------------------------------------------------------


@dataclass
class CountAnswer:
    """What the marijuana proclamations make of one count."""

    path: str
    covered_by: Proclamation | None = None
    not_covered: str | None = None
    review: str | None = None
    missing: list[str] = field(default_factory=list)
    relevant: bool = True
    notes: list[str] = field(default_factory=list)
    pending: Proclamation | None = None
    """A proclamation that covers the count but is not yet signed on the day asked."""
    certified: bool = False
    """Covered because a recorded grant (a certificate) names the proclamation."""
    charged: bool = False
    """A count of a pending charge, not of a conviction."""
    brief: str = ""
    """Why it is not covered, in a few words (for the summary reason)."""

    @property
    def owner(self) -> str:
        """The conviction or pending charge the count belongs to: 'convictions[0]'."""
        return self.path.rsplit(".counts[", 1)[0]


def _listed(count: Count, proc: Proclamation) -> str | None:
    """Why the proclamation lists the count's provision (None: it does not)."""
    return _listed_statute(count.statute, proc.possession, proc.attempt, proc.cfr)


@lru_cache(maxsize=16384)
def _listed_statute(
    statute: str, possession: tuple[str, ...], attempt: tuple[str, ...], cfr: tuple[str, ...]
) -> str | None:
    if any(cites(statute, p) for p in possession):
        return "possession"
    if any(cites(statute, p) for p in attempt):
        return "attempt"
    if any(cites(statute, p) for p in cfr):
        return "cfr"
    return None


def _broader_any(count: Count, procs: tuple[Proclamation, ...]) -> bool:
    return any(broader(count.statute, p) for proc in procs for p in proc.possession + proc.attempt)


CFR_CLAUSE = (
    'para. (4), CFR provisions that "prohibit only the simple possession or use of marijuana", '
    '"including but not limited to" those named'
)


def _open_clause(count: Count, proc: Proclamation, day: date) -> str | None:
    """The clause of the proclamation that may reach a provision it does not name: an earlier
    codification, or a CFR provision beyond 10688's list. None for a current provision."""
    provs = _provisions(count.statute)
    current = value(CURRENT, on=day)
    if any(p.code is Code.cfr for p in provs):
        return CFR_CLAUSE if proc.cfr_open_list else None
    if provs and provs[0].code is Code.dc:
        if all(p.section.startswith(str(current["dc_code_prefix"])) for p in provs):
            return None
        return proc.earlier_dc_code
    first = int(current["title21_from_section"])
    if provs and all(
        p.code is Code.usc and p.title == 21 and _number(p.section) >= first for p in provs
    ):
        return None
    return proc.earlier_us_code


def _number(section: str) -> int:
    digits = re.match(r"\d+", section)
    return int(digits.group(0)) if digits else -1


def _offense_in_time(conviction: Conviction, count: Count, proc: Proclamation) -> bool | None:
    """Committed, or convicted, on or before the proclamation's date (None: neither known). A
    conviction entered after the proclamation for an offense committed before it is covered: the
    proclamation pardons those who "committed the offense", charged or not."""
    offense = count.offense_date or conviction.offense_date
    if offense is not None and offense <= proc.signed:
        return True
    if conviction.conviction_date is not None and conviction.conviction_date <= proc.signed:
        return True
    if offense is None and conviction.conviction_date is None:
        return None
    return False


def _object_ok(count: Count, proc: Proclamation, path: str) -> tuple[bool | None, str]:
    """For an attempt provision: an attempt (not conspiracy) whose object is simple possession."""
    if not count.attempt:
        return None, f"{path}.attempt"
    if count.object_offense is None or unlisted_beside(count.object_offense, proc.attempt_objects):
        return None, f"{path}.object_offense"
    if any(cites(count.object_offense, o) for o in proc.attempt_objects):
        return True, ""
    return False, f"the offense attempted ({count.object_offense}) is not simple possession"


def _court_martial(count: Count, listed: bool) -> tuple[str | None, str | None]:
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


def _unlisted_not_covered(count: Count) -> str:
    provs = _provisions(count.statute)
    if provs and provs[0].code is Code.dc:
        return f"{count.statute} is not D.C. Code 48-904.01(d)(1) or 48-904.09 (attempt)"
    return (
        f"{count.statute} is not simple possession (21 U.S.C. 844) or attempted simple "
        "possession (21 U.S.C. 846); distribution, possession with intent to distribute and the "
        "like are not covered"
    )


def _threshold(
    conviction: Conviction,
    count: Count,
    substance: Substance,
    procs: tuple[Proclamation, ...],
    answer: CountAnswer,
    day: date,
) -> bool:
    """Settle what needs no proclamation's dates or person: True when ``answer`` is decided."""
    listed = any(_listed(count, p) for p in procs)
    what = "charge" if answer.charged else "conviction"
    if conviction.jurisdiction is Jurisdiction.state:
        answer.not_covered = (
            f"{with_article(conviction.state)} state {what}: the proclamations pardon only "
            "federal offenses (the U.S. Code, the D.C. Code and the CFR)"
        )
        answer.brief = f"a state {what}"
    elif conviction.treaty_transfer is not None:
        answer.not_covered = (
            "a foreign conviction served here under a transfer treaty (18 U.S.C. 4100-4115): "
            "the proclamations pardon only offenses against the United States"
        )
        answer.brief = "a foreign conviction (treaty transfer)"
    elif conviction.jurisdiction is Jurisdiction.military:
        answer.review, answer.not_covered = _court_martial(count, listed)
        answer.brief = "a court-martial offense not listed"
    elif count.conspiracy:
        answer.not_covered = "conspiracy is activity beyond simple possession, attempt or use"
        answer.brief = "conspiracy"
    elif substance.kind is None:
        answer.missing.append(f"{answer.path}.substance")
    elif substance.kind == OTHER_SUBSTANCE:
        answer.not_covered = f"the substance is {count.substance}, not marijuana"
        answer.brief = f"the substance is {count.substance}"
    elif not listed and _broader_any(count, procs):
        answer.review = (
            f"{count.statute} contains a listed provision; the record should name the subsection"
        )
        answer.missing.append(f"{answer.path}.statute")
    elif not listed and not any(_open_clause(count, p, day) for p in procs):
        answer.not_covered = _unlisted_not_covered(count)
        answer.brief = f"{count.statute} is not simple possession or attempt"
    else:
        return False
    return True


def _conditions(
    record: PersonRecord,
    index: int,
    conviction: Conviction,
    count: Count,
    proc: Proclamation,
    answer: CountAnswer,
) -> bool | None:
    """The proclamation's conditions (the attempt's object, the dates, the person). True: met;
    False: not met, a note says why (try the next proclamation); None: ``answer`` is decided
    (facts missing, or ruled out)."""
    how = _listed(count, proc)
    if how == "attempt":
        ok, why = _object_ok(count, proc, answer.path)
        if ok is None:
            answer.missing.append(why)
            return None
        if ok is False:
            answer.not_covered = why
            answer.brief = "an attempt of another offense"
            return None
    elif how is not None and count.attempt:
        answer.notes.append(f"{proc.id} lists {count.statute} for possession, not attempt")
        answer.brief = "an attempt under a possession provision"
        return False
    in_time = _offense_in_time(conviction, count, proc)
    if in_time is None:
        answer.missing.append(f"{answer.path}.offense_date")
        if not answer.charged:
            answer.missing.append(f"convictions[{index}].conviction_date")
        return None
    if not in_time:
        entered = "" if answer.charged else " and the conviction entered"
        answer.notes.append(
            f"{proc.id}: the offense was committed{entered} after {proc.signed.isoformat()}"
        )
        answer.brief = f"offense after {proc.signed.isoformat()}"
        return False
    person = _person_ok(record, conviction, count, proc, answer.path)
    if isinstance(person, list):
        answer.missing += person
        return None
    if person:
        answer.notes.append(person)
        answer.brief = f"not a citizen or lawful permanent resident as {proc.id} requires"
        return False
    return True


def answer_count(
    record: PersonRecord,
    index: int,
    conviction: Conviction,
    j: int,
    count: Count,
    day: date,
    only: Proclamation | None = None,
    charge: int | None = None,
) -> CountAnswer:
    """Whether a proclamation signed on or before ``day`` pardons this count (``only``: that
    proclamation alone). A provision a proclamation reaches only through an open clause (earlier
    codifications, CFR provisions beyond the list), or a substance it may not mean, is for
    review. ``charge``: the count is of ``pending_charges[charge]`` (``conviction`` stands for
    the charge, see :func:`charge_as_conviction`), whose offense the proclamations pardon
    "regardless of whether they have been charged with or prosecuted for this offense"."""
    owner = f"convictions[{index}]" if charge is None else f"pending_charges[{charge}]"
    answer = CountAnswer(path=f"{owner}.counts[{j}]", charged=charge is not None)
    procs = (only,) if only is not None else marijuana_proclamations(day)
    substance = substance_of(count, day)
    if _unread(conviction, count, substance, answer):
        return answer
    if _beside(conviction, count, substance, procs, answer):
        return answer
    if not any(_listed(count, p) for p in procs) and not substance.cannabis:
        if substance.kind is None and _broader_any(count, procs):
            answer.missing.append(f"{answer.path}.substance")
        else:
            answer.relevant = False
        return answer
    if _threshold(conviction, count, substance, procs, answer, day):
        return answer
    for proc in procs:
        listed = _listed(count, proc) is not None
        clause = None if listed else _open_clause(count, proc, day)
        if not listed and clause is None:
            continue
        met = _conditions(record, index, conviction, count, proc, answer)
        if met is None:
            return answer
        if not met:
            continue
        doubts = [d for d in (substance.why, clause and f"{proc.id} reaches {clause}") if d]
        if proc.signed > day:
            if doubts:
                answer.notes.append(
                    f"{proc.id}, not signed until {proc.signed.isoformat()}, may reach it"
                )
            else:
                answer.pending = answer.pending or proc
            continue
        if doubts:
            answer.review = "; ".join(doubts) + "; whether it is covered is for review"
            return answer
        answer.covered_by = proc
        return answer
    if answer.pending is None:
        answer.not_covered = "; ".join(answer.notes) or "no proclamation covers it"
    return answer


def _unread(
    conviction: Conviction,
    count: Count,
    substance: Substance,
    answer: CountAnswer,
) -> bool:
    """A statute the reader could not read (or a range of sections, or "et seq.") is unknown,
    never "not listed": for review, naming the field. Not for a state conviction or another
    drug, which no reading of it could bring in."""
    if conviction.jurisdiction is Jurisdiction.state or substance.kind == OTHER_SUBSTANCE:
        return False
    why = unreadable_reason(read_statute(count.statute))
    if why is None:
        return False
    answer.review = (
        f"the statute {count.statute[:80]!r} {why}: whether a proclamation lists it is unknown"
    )
    answer.missing.append(f"{answer.path}.statute")
    return True


def _attempt_objects_named(count: Count, procs: tuple[Proclamation, ...]) -> list[str]:
    """The offenses a count names beside 21 U.S.C. 846 when it names no possession provision:
    the object of the attempt or conspiracy charged ("21 U.S.C. 846, 841(a)(1)" is an attempt
    or conspiracy to distribute). Empty unless each of them is a whole, unambiguous section of
    title 21 outside the 844 family; anything else (18 U.S.C. 2, a range, an object offense
    recorded as well) stays for review."""
    named = _plain_provisions(count.statute)
    possession = tuple(p for proc in procs for p in proc.possession)
    attempt = tuple(p for proc in procs for p in proc.attempt)
    if any(_covers(h, p) for h in named for p in possession):
        return []
    at = [h for h in named if any(_covers(h, p) for p in attempt)]
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


def _beside(
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


def open_charges(record: PersonRecord, day: date) -> list[tuple[int, PendingCharge]]:
    """The charges pending on ``day``: filed by then (or filing date not recorded) and not yet
    resolved. A charge resolved by conviction is answered as the conviction."""
    return [
        (k, charge)
        for k, charge in enumerate(record.pending_charges)
        if (charge.filed_on is None or charge.filed_on <= day)
        and (charge.resolved_on is None or charge.resolved_on > day)
    ]


def charge_as_conviction(charge: PendingCharge) -> Conviction:
    """A pending charge in the shape :func:`answer_count` reads: its jurisdiction and counts,
    and no conviction date (only the offense date can place it before a proclamation)."""
    return Conviction.model_construct(
        jurisdiction=charge.jurisdiction,
        state=charge.state,
        court=charge.court,
        counts=list(charge.counts),
    )


def _person_ok(
    record: PersonRecord, conviction: Conviction, count: Count, proc: Proclamation, path: str
) -> str | list[str]:
    """'' when the person qualifies; a reason when not; missing field paths when unknown.
    Status is read with ``StatusPeriod.covers``: a period without ``start`` has been held since
    before any date asked."""
    status = status_on(record, proc.signed)
    if status is None:
        return [f"person.status (on {proc.signed.isoformat()})"]
    if status not in _LAWFUL_ON_DATE:
        return (
            f"{proc.id}: on {proc.signed.isoformat()} the person was {status.value}, not a U.S. "
            "citizen or lawful permanent resident"
        )
    offense = count.offense_date or conviction.offense_date
    if offense is None:
        # Without an offense date, the person was lawfully present at the offense only if the
        # status held on the proclamation's date has no start (held since before any date asked).
        always = any(
            p.status in _LAWFUL_ON_DATE and p.start is None and p.covers(proc.signed)
            for p in record.person.status
        )
        return "" if always else [f"{path}.offense_date"]
    then = status_on(record, offense)
    if then is None:
        return [f"person.status (on the offense date {offense.isoformat()})"]
    if then is ImmigrationStatus.unlawfully_present:
        return (
            f"{proc.id}: the person was a non-citizen not lawfully present at the time of the "
            f"offense ({offense.isoformat()})"
        )
    return ""


# --- other categorical pardons -------------------------------------------------------------------


class Categorical(NamedTuple):
    """Another categorical pardon that may cover a conviction."""

    id: str
    reason: str
    url: str


_UCMJ_CODIFIED = range(801, 947)
"""10 U.S.C. 801-946a: the UCMJ as codified (article N is section 800 + N)."""


def ucmj_articles(text: str) -> set[str]:
    """The UCMJ articles a citation names, in the spellings the statute reader accepts: 'UCMJ
    art. 125', 'Article 125, UCMJ', 'Art 125', and the codification '10 U.S.C. 925' (article N is
    10 U.S.C. 800 + N). Subdivisions are dropped: '(a)' of 'art. 125(a)' is not part of it."""
    found: set[str] = set()
    for p in _provisions(text):
        if p.code is Code.ucmj:
            found.add(p.section.lower())
        elif p.code is Code.usc and p.title == 10 and _number(p.section) in _UCMJ_CODIFIED:
            digits = re.match(r"\d+", p.section)
            assert digits is not None
            found.add(str(int(digits.group(0)) - 800) + p.section[digits.end() :].lower())
    return found


def names_article(statute: str, provisions: list[str]) -> bool:
    """The statute names one of the UCMJ articles the provisions name (in any spelling)."""
    wanted = {a for p in provisions for a in ucmj_articles(p)}
    return bool(ucmj_articles(statute) & wanted)


def _article125_counts(conviction: Conviction, art: dict[str, Any]) -> list[Count]:
    """Counts under former Article 125, or an attempt, conspiracy or solicitation of it."""
    return [
        c
        for c in conviction.counts
        if names_article(c.statute, art["provisions"])
        or (
            names_article(c.statute, art["inchoate"])
            and c.object_offense is not None
            and names_article(c.object_offense, art["provisions"])
        )
    ]


def _article125_period(conviction: Conviction, art: dict[str, Any]) -> bool:
    """Convicted in the proclamation's period (an unrecorded date is not ruled out)."""
    when = conviction.conviction_date
    return when is None or _day(art["convicted_from"]) <= when <= _day(art["convicted_to"])


def _article125(conviction: Conviction, day: date) -> Categorical | None:
    art = value(ARTICLE_125, on=day)
    if conviction.jurisdiction is not Jurisdiction.military or _day(art["signed"]) > day:
        return None
    if not _article125_counts(conviction, art) or not _article125_period(conviction, art):
        return None
    when = conviction.conviction_date
    start, end = _day(art["convicted_from"]), _day(art["convicted_to"])
    return Categorical(
        art["id"],
        "a conviction under former Article 125 UCMJ "
        f"({'date not recorded' if when is None else when.isoformat()}); the proclamation "
        f"pardons convictions from {start.isoformat()} to {end.isoformat()} for unaggravated, "
        "consensual, private conduct with persons 18 and older, which the record cannot show; a "
        "certificate is sought from the Military Department (Army, Navy or Air Force) that "
        "conducted the court-martial or, for a Coast Guard court-martial, the Department of "
        "Homeland Security",
        parameter(ARTICLE_125).url,
    )


_J6_DAY = _day(parameter(JANUARY_6).values[-1].value["offense_date"]).isoformat()
JANUARY_6_GAP = text("clemency", "january_6_gap")


def _offense_bounds(record: PersonRecord, conviction: Conviction) -> list[tuple[str, date]]:
    """Recorded dates the offense cannot be later than: the conviction, the sentencing, the
    sentence's imposition, the start or end of any custody for this conviction, and the start
    or end of supervision naming it."""
    sentence = conviction.sentence
    bounds = [
        ("conviction_date", conviction.conviction_date),
        ("sentencing_date", conviction.sentencing_date),
        ("sentence.imposed_on", sentence.imposed_on if sentence else None),
    ]
    # Only custody for this conviction itself: an aggregate term (18 U.S.C. 3584(c)) may have
    # begun before an offense whose sentence was later joined to it.
    own = custody_for(record, conviction, joined=False)
    bounds += [(f"custody[{k}].start", p.start) for k, p in own]
    # Custody or supervision for the conviction that had ended (or begun) by a day also comes
    # after the offense: a release in 2018 rules out a 2021 offense even with no start recorded.
    bounds += [(f"custody[{k}].end", p.end) for k, p in own]
    for k, period in enumerate(record.supervision):
        if conviction.id is not None and period.conviction_id == conviction.id:
            bounds += [
                (f"supervision[{k}].start", period.start),
                (f"supervision[{k}].end", period.end),
            ]
    return [(name, d) for name, d in bounds if d is not None]


def _january6(record: PersonRecord, conviction: Conviction, day: date) -> Categorical | None:
    """An offense recorded on 2021-01-06, or with no offense date and no recorded date before
    2021-01-06 that bounds it (conviction, sentencing, sentence imposed, custody for the
    conviction begun: an offense precedes them all). Related offenses recorded on other dates
    are not caught (a known gap)."""
    j6 = value(JANUARY_6, on=day)
    if conviction.jurisdiction not in FEDERAL or _day(j6["signed"]) > day:
        return None
    on = _day(j6["offense_date"])
    dates = [c.offense_date or conviction.offense_date for c in conviction.counts] or [
        conviction.offense_date
    ]
    before = any(d < on for _, d in _offense_bounds(record, conviction))
    undated = None in dates and not before
    if on not in dates and not undated:
        return None
    when = f"an offense committed on {on.isoformat()}" if on in dates else "an undated offense"
    return Categorical(
        j6["id"],
        f"{when}: the proclamation pardons offenses related to the events at or near the United "
        f"States Capitol on {on.isoformat()} (and commutes 14 named sentences), which the record "
        "cannot show",
        parameter(JANUARY_6).url,
    )


def other_categorical(
    record: PersonRecord, conviction: Conviction, day: date
) -> Categorical | None:
    """The other categorical pardon (its id, why, its text's address) that may cover the
    conviction (none for a foreign conviction transferred under a treaty)."""
    if conviction.treaty_transfer is not None:
        return None
    return _article125(conviction, day) or _january6(record, conviction, day)


# --- recorded grants naming a proclamation --------------------------------------------------


def named_marijuana(grant: ClemencyGrant, day: date) -> Proclamation | None:
    """The marijuana proclamation a recorded grant names (by its number), if any."""
    text = grant.proclamation or ""
    for proc in marijuana_proclamations(day):
        if re.search(rf"\b{proc.id.split()[-1]}\b", text):
            return proc
    return None


def _names_article125(grant: ClemencyGrant) -> bool:
    return re.search(r"\b125\b", grant.proclamation or "") is not None


def grant_reaches(
    grant: ClemencyGrant,
    record: PersonRecord,
    index: int,
    conviction: Conviction,
    j: int,
    count: Count,
    day: date,
) -> bool:
    """Whether a recorded pardon naming a proclamation covers this count: yes where the
    proclamation covers it or leaves it open (facts missing, for review), since the grant shows
    the Office found it covered; never where the proclamation rules it out. A grant naming a
    proclamation not encoded count by count (the January 20, 2025 one, or one not recognised)
    is honoured as recorded."""
    proc = named_marijuana(grant, day)
    if proc is not None:
        answer = answer_count(record, index, conviction, j, count, day, only=proc)
        decided = answer.covered_by is not None or answer.pending is not None
        return answer.relevant and (decided or bool(answer.missing) or bool(answer.review))
    if _names_article125(grant):
        art = value(ARTICLE_125, on=day)
        return count in _article125_counts(conviction, art) and _article125_period(conviction, art)
    return True


def certifying_grant(
    record: PersonRecord, index: int, conviction: Conviction, j: int, count: Count, day: date
) -> ClemencyGrant | None:
    """The first recorded pardon granted by ``day`` that names a proclamation and reaches the
    count."""
    for grant in sorted(record.clemency, key=lambda g: g.granted_on):
        if grant.kind is not ClemencyKind.pardon or not grant.proclamation:
            continue
        if grant.granted_on > day or not grant_covers(grant, conviction):
            continue
        if grant_reaches(grant, record, index, conviction, j, count, day):
            return grant
    return None
