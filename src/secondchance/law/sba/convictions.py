"""Convictions as the SBA rules test them: a felony conviction on or before the decisive day
(the old surety-bond rule), or one within the past year for an offense tied to a riot, civil
disorder or declared disaster (13 CFR 123.101(a)); with no conviction date, the offense,
sentencing and custody dates around it can settle the past-year question
(:func:`conviction_day_bounds`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from secondchance.law.declarative import Verdict
from secondchance.law.sba.checks import Check, Subject, and3, any3, counts_have
from secondchance.law.sba.days import months_before
from secondchance.law.units import MONTHS_PER_YEAR
from secondchance.record.schema import (
    Count,
    CustodyKind,
    PersonRecord,
)


def convicted_of_felony(s: Subject, *, rule: str) -> list[Check]:
    """A felony conviction entered on or before the day (any count a felony)."""
    checks: list[Check] = []
    for k, conviction in enumerate(s.record.convictions):
        path = f"{s.prefix}convictions[{k}]"
        felony, missing = counts_have(conviction.counts, ("felony",), path)
        if felony is False:
            continue
        facts: dict[str, Any] = {f"{path}.conviction_date": conviction.conviction_date}
        facts.update(
            {f"{path}.counts[{c}].felony": n.felony for c, n in enumerate(conviction.counts)}
        )
        if conviction.conviction_date is None:
            checks.append(
                Check(
                    Verdict.unknown,
                    f"{s.name} has a conviction with no conviction date.",
                    facts,
                    (f"{path}.conviction_date", *missing),
                )
            )
            continue
        if conviction.conviction_date > s.day:
            continue
        if felony is None:
            checks.append(
                Check(
                    Verdict.unknown,
                    f"{s.name} was convicted on {conviction.conviction_date}; whether of a felony "
                    "is not recorded.",
                    facts,
                    tuple(missing),
                )
            )
            continue
        checks.append(
            Check(
                Verdict.bars,
                f"{s.name} was convicted of a felony on {conviction.conviction_date}; the rule "
                f"bars {rule}.",
                facts,
            )
        )
    return checks


def conviction_day_bounds(
    record: PersonRecord, k: int
) -> tuple[date | None, date | None, dict[str, date]]:
    """The earliest and latest day the conviction can have been entered, with the recorded
    dates that bound it (by field path, without the record prefix). The conviction date, when
    recorded, is both. Otherwise a conviction comes after its offense (the conviction's or a
    count's ``offense_date``) and before its sentence: the ``sentencing_date``, the sentence's
    ``imposed_on``, and the start of any custody the record links to it that serves a sentence
    (any kind but pretrial detention, which may come before the conviction). ``k`` is the
    conviction's index in ``record.convictions``."""
    conviction = record.convictions[k]
    path = f"convictions[{k}]"
    if conviction.conviction_date is not None:
        day = conviction.conviction_date
        return day, day, {f"{path}.conviction_date": day}
    before: dict[str, date] = {}
    if conviction.offense_date is not None:
        before[f"{path}.offense_date"] = conviction.offense_date
    for c, count in enumerate(conviction.counts):
        if count.offense_date is not None:
            before[f"{path}.counts[{c}].offense_date"] = count.offense_date
    after: dict[str, date] = {}
    if conviction.sentencing_date is not None:
        after[f"{path}.sentencing_date"] = conviction.sentencing_date
    if conviction.sentence is not None and conviction.sentence.imposed_on is not None:
        after[f"{path}.sentence.imposed_on"] = conviction.sentence.imposed_on
    if conviction.id is not None:
        for j, period in enumerate(record.custody):
            if (
                period.conviction_id == conviction.id
                and period.kind is not CustodyKind.pretrial_detention
                and period.start is not None
            ):
                after[f"custody[{j}].start"] = period.start
    earliest = max(before.values()) if before else None
    latest = min(after.values()) if after else None
    return earliest, latest, {**before, **after}


def riot_felony_within(s: Subject, *, years: int, rule: str) -> list[Check]:
    """A felony conviction in the ``years`` before the day (conviction date after the day
    ``years`` back, up to the day itself) for an offense committed during and in connection
    with a riot, civil disorder or other declared disaster (one count both). Without a
    conviction date, the dates that bound it (:func:`conviction_day_bounds`) can settle it: a
    sentence imposed (or served) on or before the day ``years`` back means a conviction before
    then, outside the window."""
    checks: list[Check] = []
    since = months_before(s.day, MONTHS_PER_YEAR * years)
    for k, conviction in enumerate(s.record.convictions):
        path = f"{s.prefix}convictions[{k}]"
        per_count = [and3(n.felony, n.riot_or_civil_disorder) for n in conviction.counts]
        hit = any3(per_count) if conviction.counts else None
        if hit is False:
            continue
        earliest, latest, bounds = conviction_day_bounds(s.record, k)
        facts: dict[str, Any] = {f"{path}.conviction_date": conviction.conviction_date}
        facts.update({f"{s.prefix}{name}": day for name, day in bounds.items()})
        if latest is not None and latest <= since:
            continue  # entered on or before the day a year back: outside "the past year"
        if earliest is not None and earliest > s.day:
            continue  # entered after the day: not (yet) a conviction
        missing = _riot_facts(conviction.counts, per_count, path, facts)
        within = (
            earliest is not None and latest is not None and since < earliest and latest <= s.day
        )
        if not within:
            missing.append(f"{path}.conviction_date")
        when = (
            f"on {conviction.conviction_date}"
            if conviction.conviction_date is not None
            else f"between {earliest} and {latest} (the recorded dates around it)"
        )
        if hit is True and within:
            checks.append(
                Check(
                    Verdict.bars,
                    f"{s.name} was convicted {when}, within the past {years} year(s), of a "
                    f"felony tied to a riot, civil disorder or declared disaster; the rule bars "
                    f"{rule}.",
                    facts,
                )
            )
        elif within:
            checks.append(
                Check(
                    Verdict.unknown,
                    f"{s.name} was convicted {when}, within the past {years} year(s); whether of "
                    "a felony committed during and in connection with a riot, civil disorder or "
                    "declared disaster is not recorded.",
                    facts,
                    tuple(missing),
                )
            )
        else:
            checks.append(
                Check(
                    Verdict.unknown,
                    f"{s.name} has a conviction that may be a felony tied to a riot, civil "
                    f"disorder or declared disaster within the past {years} year(s) (no "
                    f"conviction date, and no sentencing date, sentence or custody for it on or "
                    f"before {since} that would place it earlier).",
                    facts,
                    tuple(missing),
                )
            )
    return checks


def _riot_facts(
    counts: Sequence[Count], per_count: list[bool | None], path: str, facts: dict[str, Any]
) -> list[str]:
    """Adds each count's felony and riot facts to ``facts``; the fields left unknown."""
    missing: list[str] = [] if counts else [f"{path}.counts"]
    for c, n in enumerate(counts):
        facts[f"{path}.counts[{c}].felony"] = n.felony
        facts[f"{path}.counts[{c}].riot_or_civil_disorder"] = n.riot_or_civil_disorder
        if per_count[c] is None:
            missing += [
                f"{path}.counts[{c}].{a}"
                for a in ("felony", "riot_or_civil_disorder")
                if getattr(n, a) is None
            ]
    return missing
