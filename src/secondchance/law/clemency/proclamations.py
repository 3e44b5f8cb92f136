"""Categorical pardons by proclamation: whether a count is already pardoned.

Proclamation 10467 (Oct. 6, 2022) pardons simple possession of marijuana under 21 U.S.C. 844 (and
its earlier codifications) or D.C. Code 48-904.01(d)(1). Proclamation 10688 (Dec. 22, 2023) adds
attempted simple possession (21 U.S.C. 846, D.C. Code 48-904.09) and CFR provisions that prohibit
only simple possession or use of marijuana on federal property or in other locales, and reaches
offenses up to its own date. Both pardon only people who were U.S. citizens or lawful permanent
residents on the proclamation's date, and not people who were non-citizens unlawfully present at
the time of the offense; the offense must have been committed (or the person convicted) on or
before the proclamation's date. Distribution, possession with intent to distribute, conspiracy,
other substances and driving under the influence are not covered. The pardon takes effect by
the proclamation; the Office of the Pardon Attorney issues a certificate on application.

Two other categorical pardons are recognised and answered ``needs_review`` because the record
cannot show their conditions: the June 26, 2024 pardon of unaggravated, consensual, private
conduct with adults under former Article 125 UCMJ (convictions May 31, 1951 - Dec. 26, 2013) and
the January 20, 2025 pardon of offenses related to the events at the Capitol on January 6, 2021.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from secondchance.law.clemency.facts import FEDERAL
from secondchance.law.parameters import value
from secondchance.record.schema import (
    Conviction,
    Count,
    ImmigrationStatus,
    Jurisdiction,
    PersonRecord,
)

MARIJUANA = "clemency.marijuana.proclamations"
SUBSTANCES = "clemency.marijuana.substances"
ARTICLE_125 = "clemency.article125.proclamation"
JANUARY_6 = "clemency.january6.proclamation"

_LAWFUL_ON_DATE = (ImmigrationStatus.us_citizen, ImmigrationStatus.lawful_permanent_resident)


def _day(raw: Any) -> date:
    return raw if isinstance(raw, date) else date.fromisoformat(str(raw))


def normalise(statute: str) -> str:
    """A citation reduced for comparison: '21 U.S.C. § 844(a)' and '21 USC 844(a)' agree."""
    text = statute.lower().replace("§", " ").replace("–", "-").replace("—", "-")
    text = re.sub(r"\barticle\b", "art", text)
    text = re.sub(r"\bsection\b|\bsec\b", " ", text)
    text = text.replace("c.f.r.", "cfr").replace("u.s.c.", "usc")
    return re.sub(r"[\s.]", "", text)


def cites(statute: str, provision: str) -> bool:
    """The count's statute is the provision or one of its subdivisions."""
    have, want = normalise(statute), normalise(provision)
    return have == want or have.startswith(want + "(")


def broader(statute: str, provision: str) -> bool:
    """The count cites a provision that contains the listed one (e.g. '(d)' for '(d)(1)')."""
    have, want = normalise(statute), normalise(provision)
    return want.startswith(have + "(")


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


def marijuana_proclamations(day: date) -> tuple[Proclamation, ...]:
    """The marijuana proclamations (all of them; the caller compares ``signed`` with its day)."""
    raw = value(MARIJUANA, on=day)
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


def _is_marijuana(count: Count, day: date) -> bool | None:
    if count.substance is None:
        return None
    names = {s.lower() for s in value(SUBSTANCES, on=day)}
    return count.substance.strip().lower() in names


def _listed(count: Count, proc: Proclamation) -> str | None:
    """Why the proclamation lists the count's provision (None: it does not)."""
    if any(cites(count.statute, p) for p in proc.possession):
        return "possession"
    if any(cites(count.statute, p) for p in proc.attempt):
        return "attempt"
    if any(cites(count.statute, p) for p in proc.cfr):
        return "cfr"
    return None


def _any_listed(count: Count, procs: tuple[Proclamation, ...]) -> bool:
    return any(_listed(count, p) for p in procs)


def _offense_in_time(conviction: Conviction, count: Count, proc: Proclamation) -> bool | None:
    """Committed, or convicted, on or before the proclamation's date (None: neither known)."""
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
    if count.conspiracy:
        return False, "a conspiracy is not attempted simple possession"
    if not count.attempt:
        return None, f"{path}.attempt"
    if count.object_offense is None:
        return None, f"{path}.object_offense"
    if any(cites(count.object_offense, o) for o in proc.attempt_objects):
        return True, ""
    return False, f"the offense attempted ({count.object_offense}) is not simple possession"


def answer_count(
    record: PersonRecord, index: int, conviction: Conviction, j: int, count: Count, day: date
) -> CountAnswer:
    """Whether a proclamation signed on or before ``day`` pardons this count."""
    path = f"convictions[{index}].counts[{j}]"
    answer = CountAnswer(path=path)
    procs = marijuana_proclamations(day)
    marijuana = _is_marijuana(count, day)
    listed = _any_listed(count, procs)
    if not listed and marijuana is not True:
        broad = [
            p for proc in procs for p in proc.possession + proc.attempt if broader(count.statute, p)
        ]
        if broad and marijuana is None:
            answer.missing.append(f"{path}.substance")
            return answer
        answer.relevant = False
        return answer
    if conviction.jurisdiction not in FEDERAL:
        answer.not_covered = (
            f"a {conviction.jurisdiction.value} conviction: the proclamations pardon only federal "
            "and D.C. Code offenses"
        )
        return answer
    if listed and count.conspiracy:
        answer.not_covered = "conspiracy is activity beyond simple possession, attempt or use"
        return answer
    if marijuana is None:
        answer.missing.append(f"{path}.substance")
        return answer
    if marijuana is False:
        answer.not_covered = f"the substance is {count.substance}, not marijuana"
        return answer
    if not listed:
        return _unlisted(count, path, procs, answer)
    for proc in procs:
        how = _listed(count, proc)
        if how is None:
            continue
        if how == "attempt":
            ok, why = _object_ok(count, proc, path)
            if ok is None:
                answer.missing.append(why)
                return answer
            if ok is False:
                answer.not_covered = why
                return answer
        elif count.attempt:
            answer.notes.append(f"{proc.id} lists {count.statute} for possession, not attempt")
            continue
        in_time = _offense_in_time(conviction, count, proc)
        if in_time is None:
            answer.missing += [f"{path}.offense_date", f"convictions[{index}].conviction_date"]
            return answer
        if not in_time:
            answer.notes.append(
                f"{proc.id}: the offense was committed and the conviction entered after "
                f"{proc.signed.isoformat()}"
            )
            continue
        person = _person_ok(record, conviction, count, proc)
        if isinstance(person, list):
            answer.missing += person
            return answer
        if person:
            answer.notes.append(person)
            continue
        if proc.signed > day:
            answer.pending = answer.pending or proc
            continue
        answer.covered_by = proc
        return answer
    if answer.pending is None:
        answer.not_covered = "; ".join(answer.notes) or "no proclamation covers it"
    return answer


def _unlisted(
    count: Count, path: str, procs: tuple[Proclamation, ...], answer: CountAnswer
) -> CountAnswer:
    """A marijuana count under a provision neither proclamation names."""
    text = normalise(count.statute)
    if any(broader(count.statute, p) for proc in procs for p in proc.possession + proc.attempt):
        answer.review = (
            f"{count.statute} contains a listed provision; the record should name the subsection"
        )
        answer.missing.append(f"{path}.statute")
    elif "cfr" in text and any(p.cfr_open_list for p in procs):
        answer.review = (
            f"{count.statute} is a CFR provision not on Proclamation 10688's list, which covers "
            "CFR provisions that prohibit only simple possession or use of marijuana 'including "
            "but not limited to' those named: whether this one does is for review"
        )
    elif text.startswith("21usc"):
        answer.not_covered = (
            f"{count.statute} is not simple possession (21 U.S.C. 844) or attempted simple "
            "possession (21 U.S.C. 846); distribution, possession with intent to distribute and "
            "the like are not covered"
        )
    elif text.startswith("dccode"):
        answer.not_covered = (
            f"{count.statute} is not D.C. Code 48-904.01(d)(1) or 48-904.09 (attempt)"
        )
    else:
        answer.review = (
            f"{count.statute}: the proclamations also cover simple possession as previously "
            "codified elsewhere in the U.S. Code or D.C. Code; whether this provision is one is "
            "for review"
        )
    return answer


def _person_ok(
    record: PersonRecord, conviction: Conviction, count: Count, proc: Proclamation
) -> str | list[str]:
    """'' when the person qualifies; a reason when not; missing field paths when unknown."""
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
        born_citizen = any(
            p.status is ImmigrationStatus.us_citizen and p.start is None and p.covers(proc.signed)
            for p in record.person.status
        )
        return "" if born_citizen else ["convictions[].counts[].offense_date"]
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


def other_categorical(
    record: PersonRecord, index: int, conviction: Conviction, day: date
) -> tuple[str, str] | None:
    """(proclamation id, reason) when another categorical pardon may cover the conviction."""
    art = value(ARTICLE_125, on=day)
    if conviction.jurisdiction is Jurisdiction.military and _day(art["signed"]) <= day:
        named = [
            c
            for c in conviction.counts
            if any(cites(c.statute, p) for p in art["provisions"])
            or (
                any(cites(c.statute, p) for p in art["inchoate"])
                and c.object_offense is not None
                and any(cites(c.object_offense, p) for p in art["provisions"])
            )
        ]
        when = conviction.conviction_date
        start, end = _day(art["convicted_from"]), _day(art["convicted_to"])
        if named and (when is None or start <= when <= end):
            return (
                art["id"],
                "a conviction under former Article 125 UCMJ "
                f"({'date not recorded' if when is None else when.isoformat()}); the proclamation "
                f"pardons convictions from {start.isoformat()} to {end.isoformat()} for "
                "unaggravated, consensual, private conduct with persons 18 and older, which the "
                "record cannot show; a certificate is sought from the Military Department that "
                "conducted the court-martial",
            )
    j6 = value(JANUARY_6, on=day)
    if conviction.jurisdiction in FEDERAL and _day(j6["signed"]) <= day:
        on = _day(j6["offense_date"])
        dates = {c.offense_date for c in conviction.counts} | {conviction.offense_date}
        if on in dates:
            return (
                j6["id"],
                f"an offense committed on {on.isoformat()}: the proclamation pardons offenses "
                "related to the events at or near the United States Capitol that day (and "
                "commutes 14 named sentences), which the record cannot show",
            )
    return None
