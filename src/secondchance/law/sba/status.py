"""A person's status on the decisive day, as the SBA rules test it.

Each test reads one person's record on one day and returns :class:`Check` s. The program
modules choose which tests their rule text names and with which words; the reading of the
record is written here once:

* **in custody** — any custody period covering the day (pretrial detention, a prison, a
  residential re-entry centre or home confinement: prerelease custody is still part of a term
  of imprisonment, 18 U.S.C. 3624(c)). Used for "incarcerated" and "serving a sentence of
  imprisonment".
* **on supervision** — a probation, parole, supervised-release or deferred-prosecution period
  covering the day. Supervised release and parole are not imprisonment.
* **under indictment** — a pending charge brought by *indictment*, filed on or before the day
  and not resolved by it. An information or a complaint is not an indictment.
* **convicted** — a felony conviction on or before the day (old surety-bond rule), or within
  the past year for an offense tied to a riot, civil disorder or declared disaster
  (13 CFR 123.101(a)).

Facts unknown to the record give ``Verdict.unknown`` naming the field paths.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta

from secondchance.law.sba.checks import Check, Subject, Verdict, and3, any3, words
from secondchance.record.query import conviction_by_id
from secondchance.record.schema import (
    ChargeInstrument,
    Count,
    CustodyKind,
    PendingCharge,
    SupervisionKind,
    SupervisionPeriod,
    _Span,
)

PRERELEASE = (CustodyKind.residential_reentry_center, CustodyKind.home_confinement)


def span_covers(span: _Span, day: date) -> bool | None:
    """Whether the period covers ``day``; ``None`` when its start is unknown but it may."""
    if span.end is not None and span.end < day:
        return False
    if span.start is None:
        return None
    return span.start <= day


def _span_facts(path: str, span: _Span) -> dict[str, Any]:
    return {f"{path}.start": span.start, f"{path}.end": span.end}


# --- custody ------------------------------------------------------------------------------------


def in_custody(s: Subject, *, rule: str) -> list[Check]:
    """A custody period covering the day bars under a rule naming incarceration or a sentence
    of imprisonment; ``rule`` says in plain words what the rule bars."""
    checks: list[Check] = []
    for k, period in enumerate(s.record.custody):
        covers = span_covers(period, s.day)
        if covers is False:
            continue
        path = f"{s.record_path}.custody[{k}]"
        facts = {f"{path}.kind": period.kind, **_span_facts(path, period)}
        if covers is None:
            checks.append(
                Check(
                    Verdict.unknown,
                    f"{s.name} has a custody period ({words(period.kind)}) with no start date "
                    f"that may cover {s.day}.",
                    facts,
                    (f"{path}.start",),
                )
            )
            continue
        text = f"{s.name} is in custody ({words(period.kind)}) on {s.day}"
        if period.kind in PRERELEASE:
            text += " — prerelease custody, which is still part of a term of imprisonment"
        checks.append(Check(Verdict.bars, f"{text}; the rule bars {rule}.", facts))
    return checks


# --- supervision --------------------------------------------------------------------------------


@dataclass(frozen=True)
class OffenseCondition:
    """Supervision bars only for some offenses: when any count of the supervised conviction has
    one of ``any_of``, or, in a child care business, one of ``child_care_any_of``."""

    any_of: tuple[str, ...] = ()
    child_care_any_of: tuple[str, ...] = ()
    description: str = ""


SupervisionRule = Verdict | OffenseCondition


def _counts_have(
    counts: Sequence[Count], attrs: Sequence[str], path: str
) -> tuple[bool | None, list[str]]:
    """Whether any count has any of ``attrs`` set, with the paths of unknown attributes."""
    if not attrs:
        return False, []
    if not counts:
        return None, [f"{path}.counts"]
    values: list[bool | None] = []
    unknown: list[str] = []
    for c, count in enumerate(counts):
        for attr in attrs:
            v = getattr(count, attr)
            values.append(v)
            if v is None:
                unknown.append(f"{path}.counts[{c}].{attr}")
    result = any3(values)
    return result, (unknown if result is None else [])


def _supervised_offense(
    s: Subject, k: int, period: SupervisionPeriod, cond: OffenseCondition
) -> tuple[bool | None, dict[str, Any], list[str]]:
    conviction = conviction_by_id(s.record, period.conviction_id)
    if conviction is None:
        return None, {}, [f"{s.record_path}.supervision[{k}].conviction_id"]
    ci = s.record.convictions.index(conviction)
    cpath = f"{s.record_path}.convictions[{ci}]"
    facts: dict[str, Any] = {f"{s.record_path}.supervision[{k}].conviction_id": conviction.id}
    general, missing = _counts_have(conviction.counts, cond.any_of, cpath)
    children, missing_children = _counts_have(conviction.counts, cond.child_care_any_of, cpath)
    child_care = s.business.child_care if cond.child_care_any_of else False
    if cond.child_care_any_of:
        facts["business.child_care"] = s.business.child_care
    via_children = and3(child_care, children)
    result = any3([general, via_children])
    if result is not None:
        return result, facts, []
    if via_children is None and child_care is None:
        missing.append("business.child_care")
    if via_children is None:
        missing.extend(missing_children)
    return None, facts, missing


def on_supervision(
    s: Subject, *, kinds: Mapping[SupervisionKind, SupervisionRule], say: Mapping[Verdict, str]
) -> list[Check]:
    """A supervision period covering the day, judged per kind: a fixed verdict, or a verdict
    that depends on the supervised offense. ``say`` gives, per verdict, the rule's words (with
    ``{kind}`` filled in); kinds not in ``kinds`` are not mentioned by the rule."""
    checks: list[Check] = []
    for k, period in enumerate(s.record.supervision):
        covers = span_covers(period, s.day)
        if covers is False or period.kind not in kinds:
            continue
        path = f"{s.record_path}.supervision[{k}]"
        facts: dict[str, Any] = {f"{path}.kind": period.kind, **_span_facts(path, period)}
        kind = words(period.kind)
        if covers is None:
            checks.append(
                Check(
                    Verdict.unknown,
                    f"{s.name} has a {kind} period with no start date that may cover {s.day}.",
                    facts,
                    (f"{path}.start",),
                )
            )
            continue
        rule = kinds[period.kind]
        missing: list[str] = []
        if isinstance(rule, OffenseCondition):
            hit, more, missing = _supervised_offense(s, k, period, rule)
            facts.update(more)
            verdict = {True: Verdict.bars, False: Verdict.clear, None: Verdict.unknown}[hit]
            tail = rule.description
        else:
            verdict, tail = rule, ""
        text = f"{s.name} is on {kind} on {s.day}; " + say[verdict].format(kind=kind)
        if tail:
            text += f" ({tail})"
        checks.append(Check(verdict, text, facts, tuple(missing)))
    return checks


# --- pending charges ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Guidance:
    """Another text (e.g. the lenders' SOP) that names other offenses than the regulation; where
    the two would differ for the facts, the answer is ``review``."""

    offenses: tuple[str, ...]
    name: str
    citation: str
    url: str


def charge_pending(charge: PendingCharge, day: date) -> bool | None:
    """Pending on ``day``: filed on or before it and not resolved by it (``None``: filing date
    unknown)."""
    if charge.resolved_on is not None and charge.resolved_on <= day:
        return False
    if charge.filed_on is None:
        return None
    return charge.filed_on <= day


def _offense_list(offenses: Sequence[str]) -> str:
    names = [words(o).replace("moral turpitude", "a crime of moral turpitude") for o in offenses]
    return " or ".join(names)


def under_indictment(
    s: Subject, *, offenses: tuple[str, ...], rule: str, guidance: Guidance | None = None
) -> list[Check]:
    """An indictment pending on the day bars when any count has one of ``offenses``
    (``felony``, ``moral_turpitude``, ``financial_misconduct``, ``false_statement``). A pending
    information or complaint is reported but is not an indictment."""
    checks: list[Check] = []
    for k, charge in enumerate(s.record.pending_charges):
        pending = charge_pending(charge, s.day)
        if pending is False:
            continue
        path = f"{s.record_path}.pending_charges[{k}]"
        facts: dict[str, Any] = {
            f"{path}.instrument": charge.instrument,
            f"{path}.filed_on": charge.filed_on,
            f"{path}.resolved_on": charge.resolved_on,
        }
        if charge.instrument is not ChargeInstrument.indictment:
            if pending is True:
                checks.append(
                    Check(
                        Verdict.clear,
                        f"{s.name} has a pending charge by {words(charge.instrument)}, which is "
                        "not an indictment; the rule speaks of indictment only.",
                        facts,
                    )
                )
            continue
        if pending is None:
            checks.append(
                Check(
                    Verdict.unknown,
                    f"{s.name} has an indictment with no filing date; whether it was pending on "
                    f"{s.day} is not known.",
                    facts,
                    (f"{path}.filed_on",),
                )
            )
            continue
        for c, count in enumerate(charge.counts):
            for attr in dict.fromkeys((*offenses, *(guidance.offenses if guidance else ()))):
                facts[f"{path}.counts[{c}].{attr}"] = getattr(count, attr)
        reg, reg_missing = _counts_have(charge.counts, offenses, path)
        head = f"{s.name} is under indictment on {s.day} (filed {charge.filed_on})"
        if guidance is None:
            verdict = {True: Verdict.bars, False: Verdict.clear, None: Verdict.unknown}[reg]
            text = {
                Verdict.bars: f"{head} for {_offense_list(offenses)}; the rule bars {rule}.",
                Verdict.clear: f"{head}, but not for {_offense_list(offenses)}; the rule bars "
                f"only {rule}.",
                Verdict.unknown: f"{head}; whether it is for {_offense_list(offenses)} is not "
                "recorded.",
            }[verdict]
            checks.append(Check(verdict, text, facts, tuple(reg_missing)))
            continue
        other, other_missing = _counts_have(charge.counts, guidance.offenses, path)
        if reg is True and other is True:
            checks.append(
                Check(
                    Verdict.bars,
                    f"{head} for {_offense_list(offenses)}; the rule bars {rule} "
                    f"({guidance.name} agrees).",
                    facts,
                )
            )
        elif reg is False and other is False:
            checks.append(
                Check(
                    Verdict.clear,
                    f"{head}, but neither for {_offense_list(offenses)} (the regulation) nor for "
                    f"{_offense_list(guidance.offenses)} ({guidance.name}).",
                    facts,
                )
            )
        elif reg is None or other is None:
            checks.append(
                Check(
                    Verdict.unknown,
                    f"{head}; the record does not say whether it is for "
                    f"{_offense_list(sorted({*offenses, *guidance.offenses}))}.",
                    facts,
                    tuple(sorted({*reg_missing, *other_missing})),
                )
            )
        else:
            bars, spares = (
                ("the regulation", guidance.name) if reg else (guidance.name, "the regulation")
            )
            checks.append(
                Check(
                    Verdict.review,
                    f"{head}: {bars} bars it, {spares} does not. The regulation names "
                    f"{_offense_list(offenses)}; {guidance.name} names "
                    f"{_offense_list(guidance.offenses)}. Where the two differ the answer "
                    "needs review.",
                    facts,
                    citation=guidance.citation,
                    url=guidance.url,
                )
            )
    return checks


# --- convictions --------------------------------------------------------------------------------


def convicted_of_felony(s: Subject, *, rule: str) -> list[Check]:
    """A felony conviction entered on or before the day (any count a felony)."""
    checks: list[Check] = []
    for k, conviction in enumerate(s.record.convictions):
        path = f"{s.record_path}.convictions[{k}]"
        felony, missing = _counts_have(conviction.counts, ("felony",), path)
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


def riot_felony_within(s: Subject, *, years: int, rule: str) -> list[Check]:
    """A felony conviction in the ``years`` before the day (conviction date after the day
    ``years`` back, up to the day itself) for an offense committed during and in connection
    with a riot, civil disorder or other declared disaster (one count both)."""
    checks: list[Check] = []
    since = s.day - relativedelta(years=years)
    for k, conviction in enumerate(s.record.convictions):
        path = f"{s.record_path}.convictions[{k}]"
        per_count = [and3(n.felony, n.riot_or_civil_disorder) for n in conviction.counts]
        hit = any3(per_count) if conviction.counts else None
        if hit is False:
            continue
        facts: dict[str, Any] = {f"{path}.conviction_date": conviction.conviction_date}
        missing: list[str] = [] if conviction.counts else [f"{path}.counts"]
        for c, n in enumerate(conviction.counts):
            facts[f"{path}.counts[{c}].felony"] = n.felony
            facts[f"{path}.counts[{c}].riot_or_civil_disorder"] = n.riot_or_civil_disorder
            if per_count[c] is None:
                missing += [
                    f"{path}.counts[{c}].{a}"
                    for a in ("felony", "riot_or_civil_disorder")
                    if getattr(n, a) is None
                ]
        when = conviction.conviction_date
        if when is None:
            missing.append(f"{path}.conviction_date")
        elif not since < when <= s.day:
            continue
        if hit is True and when is not None:
            checks.append(
                Check(
                    Verdict.bars,
                    f"{s.name} was convicted on {when}, within the past {years} year(s), of a "
                    f"felony tied to a riot, civil disorder or declared disaster; the rule bars "
                    f"{rule}.",
                    facts,
                )
            )
        else:
            checks.append(
                Check(
                    Verdict.unknown,
                    f"{s.name} has a conviction that may be a felony tied to a riot, civil "
                    f"disorder or declared disaster within the past {years} year(s).",
                    facts,
                    tuple(missing),
                )
            )
    return checks


# --- a rule whose text is missing ---------------------------------------------------------------


def any_status_for_review(s: Subject, *, gap: str) -> list[Check]:
    """Where the rule text in force is not known: any custody, supervision or pending charge
    on the day needs review (naming the gap); none of them, and every reading found agrees."""
    found: list[tuple[str, dict[str, Any]]] = []
    for k, custody in enumerate(s.record.custody):
        if span_covers(custody, s.day) is not False:
            path = f"{s.record_path}.custody[{k}]"
            found.append((f"in custody ({words(custody.kind)})", _span_facts(path, custody)))
    for k, period in enumerate(s.record.supervision):
        if span_covers(period, s.day) is not False:
            path = f"{s.record_path}.supervision[{k}]"
            found.append((f"on {words(period.kind)}", _span_facts(path, period)))
    for k, charge in enumerate(s.record.pending_charges):
        if charge_pending(charge, s.day) is not False:
            path = f"{s.record_path}.pending_charges[{k}]"
            found.append(
                (
                    f"facing a pending charge by {words(charge.instrument)}",
                    {
                        f"{path}.filed_on": charge.filed_on,
                        f"{path}.resolved_on": charge.resolved_on,
                    },
                )
            )
    return [
        Check(
            Verdict.review,
            f"{s.name} is {what} on {s.day}; {gap}, so whether this bars the loan needs review.",
            facts,
        )
        for what, facts in found
    ]
