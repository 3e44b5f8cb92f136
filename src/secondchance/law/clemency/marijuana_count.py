"""Whether a marijuana proclamation pardons one count (of a conviction, or of a pending charge).

Settled first, whatever the proclamation: the statute (:mod:`marijuana_statute`), the substance
(:mod:`substance`), the jurisdiction, conspiracy. Then, proclamation by proclamation, its
conditions: the attempt's object, the offense (or conviction) on or before its date, and the
person a U.S. citizen or lawful permanent resident on that date and not unlawfully present at
the offense (:mod:`immigration`). A provision a proclamation reaches only through an open
clause, a cannabis product or a substance name not recognised, and a court-martial count charged
under a listed provision are ``needs_review``.
"""

from __future__ import annotations

from datetime import date

from secondchance.law.clemency.facts import per_conviction, with_article
from secondchance.law.clemency.immigration import (
    FROM_BIRTH,
    Contradiction,
    lawful_on,
    status_on,
    undated,
    unlawful_on,
)
from secondchance.law.clemency.marijuana_proclamations import (
    CountAnswer,
    Proclamation,
    marijuana_proclamations,
)
from secondchance.law.clemency.marijuana_statute import (
    beside,
    broader_any,
    court_martial,
    described_beyond,
    inchoate_unlisted,
    listed_how,
    open_clause,
    unlisted_not_covered,
    unread,
)
from secondchance.law.clemency.substance import OTHER_SUBSTANCE, Substance, substance_of
from secondchance.record.schema import (
    Conviction,
    Count,
    Jurisdiction,
    PersonRecord,
)
from secondchance.record.statute import cites, unlisted_beside


def offense_in_time(conviction: Conviction, count: Count, proc: Proclamation) -> bool | None:
    """Committed, or convicted, on or before the proclamation's date (None: not known). A
    conviction entered after the proclamation for an offense committed before it is covered: the
    proclamation pardons those who "committed the offense", charged or not; so a conviction
    entered after the date, with no offense date, leaves it open (the offense may precede it)."""
    offense = count.offense_date or conviction.offense_date
    if offense is not None and offense <= proc.signed:
        return True
    if conviction.conviction_date is not None and conviction.conviction_date <= proc.signed:
        return True
    if offense is None:
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


def _threshold(
    conviction: Conviction,
    count: Count,
    substance: Substance,
    procs: tuple[Proclamation, ...],
    answer: CountAnswer,
    day: date,
) -> bool:
    """Settle what needs no proclamation's dates or person: True when ``answer`` is decided."""
    listed = any(listed_how(count, p) for p in procs)
    what = "charge" if answer.charged else "conviction"
    if conviction.jurisdiction is Jurisdiction.state and listed and _names_dc(conviction.state):
        answer.review = (
            f"the {what} is recorded as a state {what} of {conviction.state}, but the District "
            "of Columbia is not a state and the proclamations pardon D.C. Code offenses: "
            f"whether it is a D.C. {what} ({answer.owner}.jurisdiction dc) is for review"
        )
        answer.brief = f"a D.C. {what} recorded as a state's"
    elif conviction.jurisdiction is Jurisdiction.state:
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
        answer.review, answer.not_covered = court_martial(count, listed)
        answer.brief = "a court-martial offense not listed"
    elif count.conspiracy:
        answer.not_covered = "conspiracy is activity beyond simple possession, attempt or use"
        answer.brief = "conspiracy"
    elif substance.kind is None and procs and _all_late(conviction, count, procs, answer):
        pass
    elif substance.kind is None:
        answer.missing.append(f"{answer.path}.substance")
    elif substance.kind == OTHER_SUBSTANCE:
        answer.not_covered = f"the substance is {count.substance}, not marijuana"
        answer.brief = f"the substance is {count.substance}"
    elif not listed and broader_any(count, procs):
        answer.review = (
            f"{count.statute} contains a listed provision; the record should name the subsection"
        )
        answer.missing.append(f"{answer.path}.statute")
    elif not listed and not any(open_clause(count, p, day) for p in procs):
        answer.not_covered = unlisted_not_covered(count)
        answer.brief = f"{count.statute} is not simple possession or attempt"
    else:
        return False
    return True


def _names_dc(state: str | None) -> bool:
    """A "state" that is the District of Columbia ("DC", "D.C.", "District of Columbia")."""
    name = "".join(ch for ch in (state or "").lower() if ch.isalpha())
    return name in ("dc", "districtofcolumbia", "washingtondc")


def rules_out(
    record: PersonRecord,
    index: int,
    conviction: Conviction,
    j: int,
    count: Count,
    proc: Proclamation,
) -> tuple[str, str] | None:
    """Why the proclamation's own conditions rule the conviction's count out, whatever else the
    record leaves open, with the path of the fact that decides it (None: not ruled out): the
    offense committed, and the conviction entered, after the proclamation's date; or the person
    neither a U.S. citizen nor a lawful permanent resident on that date, or unlawfully present at
    the offense."""
    path = f"convictions[{index}].counts[{j}]"
    if offense_in_time(conviction, count, proc) is False:
        offense = count.offense_date or conviction.offense_date
        where = path if count.offense_date else f"convictions[{index}]"
        when = offense.isoformat() if offense else "(not recorded)"
        return (
            f"{proc.id} pardons only offenses committed (or convicted) on or before "
            f"{proc.signed.isoformat()}, but {path} was committed {when}, after that date",
            f"{where}.offense_date",
        )
    person = person_ok(record, conviction, count, proc, path)
    if isinstance(person, str) and person:
        return person, "person.status"
    return None


def _all_late(
    conviction: Conviction, count: Count, procs: tuple[Proclamation, ...], answer: CountAnswer
) -> bool:
    """Where every proclamation's date rules the count out (committed, and convicted, after it),
    it is not covered whatever its substance: the substance missing does not keep it open."""
    if any(offense_in_time(conviction, count, p) is not False for p in procs):
        return False
    last = max(p.signed for p in procs)
    entered = "" if answer.charged else " and the conviction entered"
    answer.notes += [
        f"{p.id}: the offense was committed{entered} after {p.signed.isoformat()}" for p in procs
    ]
    answer.not_covered = "; ".join(answer.notes)
    answer.brief = f"offense after {last.isoformat()}"
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
    how = listed_how(count, proc)
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
    in_time = offense_in_time(conviction, count, proc)
    if in_time is None:
        answer.missing.append(f"{answer.path}.offense_date")
        if not answer.charged and conviction.conviction_date is None:
            answer.missing.append(f"convictions[{index}].conviction_date")
        return None
    if not in_time:
        entered = "" if answer.charged else " and the conviction entered"
        answer.notes.append(
            f"{proc.id}: the offense was committed{entered} after {proc.signed.isoformat()}"
        )
        answer.brief = f"offense after {proc.signed.isoformat()}"
        return False
    person = person_ok(record, conviction, count, proc, answer.path)
    if isinstance(person, Contradiction):
        answer.review = person.why
        return None
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
    "regardless of whether they have been charged with or prosecuted for this offense". A
    conviction's count is answered once per record and day (the pardon and commutation
    petitions and the marijuana pardon all ask); the answer is shared and must not be changed."""
    mine = j < len(conviction.counts) and conviction.counts[j] is count
    if only is None and charge is None and mine:
        return per_conviction(
            record,
            index,
            conviction,
            ("answer_count", j, day),
            lambda: _answer_count(record, index, conviction, j, count, day),
        )
    return _answer_count(record, index, conviction, j, count, day, only, charge)


def _answer_count(
    record: PersonRecord,
    index: int,
    conviction: Conviction,
    j: int,
    count: Count,
    day: date,
    only: Proclamation | None = None,
    charge: int | None = None,
) -> CountAnswer:
    owner = f"convictions[{index}]" if charge is None else f"pending_charges[{charge}]"
    answer = CountAnswer(path=f"{owner}.counts[{j}]", charged=charge is not None)
    procs = (only,) if only is not None else marijuana_proclamations(day)
    substance = substance_of(count, day)
    if unread(conviction, count, substance, answer):
        return answer
    if inchoate_unlisted(conviction, count, substance, procs, answer):
        return answer
    if beside(conviction, count, substance, procs, answer):
        return answer
    if not any(listed_how(count, p) for p in procs) and not substance.cannabis:
        if substance.kind is None and broader_any(count, procs):
            answer.missing.append(f"{answer.path}.substance")
        else:
            answer.relevant = False
        return answer
    if _threshold(conviction, count, substance, procs, answer, day):
        return answer
    described = _described_doubt(conviction, count, substance, procs, answer, day)
    if described is None:
        return answer
    for proc in procs:
        listed = listed_how(count, proc) is not None
        clause = None if listed else open_clause(count, proc, day)
        if not listed and clause is None:
            continue
        met = _conditions(record, index, conviction, count, proc, answer)
        if met is None:
            return answer
        if not met:
            continue
        doubts = [
            d for d in (substance.why, clause and f"{proc.id} reaches {clause}", described) if d
        ]
        if proc.signed > day:
            if doubts:
                why = "" if answer.unsigned else f" ({'; '.join(doubts)})"
                answer.notes.append(
                    f"{proc.id}, not signed until {proc.signed.isoformat()}, may reach it{why}"
                )
                answer.unsigned = answer.unsigned or proc
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


def _described_doubt(
    conviction: Conviction,
    count: Count,
    substance: Substance,
    procs: tuple[Proclamation, ...],
    answer: CountAnswer,
    day: date,
) -> str | None:
    """The doubt a count's words raise (:func:`described_beyond`): '' when none; None when
    ``answer`` is decided (for review, or facts missing), as it is where a proclamation signed
    by ``day`` may reach the count. Where only proclamations not yet signed may reach it, the
    doubt is theirs (returned): nothing is pardoned before a proclamation is signed, so the count
    is not pardoned yet, and is for review from the signing day."""
    scratch = CountAnswer(path=answer.path, charged=answer.charged)
    if not described_beyond(conviction, count, substance, procs, scratch, day):
        return ""
    if any(listed_how(count, p) or open_clause(count, p, day) for p in procs if p.signed <= day):
        answer.review, answer.missing = scratch.review, answer.missing + scratch.missing
        return None
    return scratch.review or ""


def person_ok(
    record: PersonRecord, conviction: Conviction, count: Count, proc: Proclamation, path: str
) -> str | list[str] | Contradiction:
    """'' when the person qualifies; a reason when not; missing field paths when unknown; a
    contradiction when status periods overlapping on the day asked disagree. Status is read with
    ``StatusPeriod.covers``: a period without ``start`` has been held since before any date
    asked."""
    lawful = lawful_on(record, proc.signed)
    if isinstance(lawful, Contradiction):
        return lawful
    if lawful is None:
        return undated(record, proc.signed) or [f"person.status (on {proc.signed.isoformat()})"]
    if not lawful:
        status = status_on(record, proc.signed)
        held = status.value if status is not None else "not recorded"
        return (
            f"{proc.id}: on {proc.signed.isoformat()} the person was {held}, not a U.S. "
            "citizen or lawful permanent resident"
        )
    offense = count.offense_date or conviction.offense_date
    if offense is None:
        # Without an offense date, the person was lawfully present at the offense only if the
        # status held on the proclamation's date has no start (held since before any date asked).
        always = any(
            p.status in FROM_BIRTH and p.start is None and p.covers(proc.signed)
            for p in record.person.status
        )
        return "" if always else [f"{path}.offense_date"]
    unlawful = unlawful_on(record, offense)
    if isinstance(unlawful, Contradiction):
        return unlawful
    if unlawful is None:
        return undated(record, offense) or [
            f"person.status (on the offense date {offense.isoformat()})"
        ]
    if unlawful:
        return (
            f"{proc.id}: the person was a non-citizen not lawfully present at the time of the "
            f"offense ({offense.isoformat()})"
        )
    return ""
