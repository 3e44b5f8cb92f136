"""Pending charges as the SBA rules test them: "under indictment" on the decisive day.

A pending charge brought by indictment, filed on or before the day and not resolved by it, is
an indictment; a pending information or complaint for an offense the rule names needs review
(the rule says indictment, but a felony may be prosecuted by information once the defendant
waives indictment, Fed. R. Crim. P. 7(b)). Facts unknown to the record give
``Verdict.unknown`` naming the field paths.

``pending_charges`` lists the charges pending on the record's own day, so it does not say that
nothing was pending on an earlier day. Two other facts show a charge that may have been pending
on the day without recording it (:func:`unrecorded_charges`): a conviction entered after the
day for an offense committed on or before it (or on a day not recorded) — the charge that ended
in it was, or may have been, pending; a felony is prosecuted by indictment unless indictment is
waived, Fed. R. Crim. P. 7(a)-(b) — and pretrial detention begun on or before the day with no
charge recorded for it — a person is detained before trial on a charge, and release (on bail or
otherwise) does not end the charge. Either leaves the charge's instrument, offenses and end
unknown: ``Verdict.unknown`` naming ``pending_charges``, never a clear answer and never an end
derived from the detention's end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from secondchance.law.declarative import Verdict
from secondchance.law.parameters import value
from secondchance.law.rule_book import text
from secondchance.law.sba.associates import (
    CONTROL_ROLES,
    EQUITY_ROLES_120_10,
    OwnershipLookback,
    held_within,
    whole_share,
)
from secondchance.law.sba.checks import Check, Subject, counts_have, words
from secondchance.law.sba.days import months_before
from secondchance.record.query import conviction_by_id
from secondchance.record.schema import (
    ChargeInstrument,
    Conviction,
    Count,
    CustodyKind,
    PendingCharge,
    PersonRecord,
)


@dataclass(frozen=True)
class Guidance:
    """Another text (e.g. the lenders' SOP) that names other offenses than the regulation; where
    the two would differ for the facts, the answer is ``review``."""

    offenses: tuple[str, ...]
    name: str
    citation: str
    url: str
    why: str = ""  # why a difference needs review rather than the regulation alone


def charge_pending(charge: PendingCharge, day: date) -> bool | None:
    """Pending on ``day``: filed on or before it and not resolved by it (``None``: filing date
    unknown)."""
    if charge.resolved_on is not None and charge.resolved_on <= day:
        return False
    if charge.filed_on is None:
        return None
    return charge.filed_on <= day


@dataclass(frozen=True)
class UnrecordedCharge:
    """A charge the record shows may have been pending on a day without recording it: ``path``
    is the fact that shows it (``convictions[i]`` or ``custody[k]``, without a person's prefix),
    ``shows`` says how in words, ``facts`` are its dates."""

    path: str
    shows: str
    facts: dict[str, Any]


def _offense_by(conviction: Conviction, day: date) -> bool:
    """Some offense of the conviction was committed on or before ``day``, or on a day the record
    does not give (a count's own date, else the conviction's)."""
    days = [c.offense_date or conviction.offense_date for c in conviction.counts]
    return any(d is None or d <= day for d in days or [conviction.offense_date])


def _ended_in(record: PersonRecord, conviction: Conviction) -> bool:
    """The charge that ended in ``conviction`` is recorded: a charge resolved on its day."""
    return any(c.resolved_on == conviction.conviction_date for c in record.pending_charges)


def _explained(record: PersonRecord, start: date | None, end: date | None, day: date) -> bool:
    """A recorded charge accounts for detention from ``start`` to ``end``: one pending on
    ``day``, or one filed by the detention's end (or on a day not recorded) and not resolved
    before its start."""
    last = min(end, day) if end is not None else day
    for c in record.pending_charges:
        if charge_pending(c, day) is not False:
            return True
        filed = c.filed_on is None or c.filed_on <= last
        open_then = c.resolved_on is None or start is None or c.resolved_on >= start
        if filed and open_then:
            return True
    return False


def unrecorded_charges(record: PersonRecord, day: date) -> list[UnrecordedCharge]:
    """The charges ``record`` shows may have been pending on ``day`` without recording them in
    ``pending_charges``: a conviction entered after the day for an offense committed on or
    before it (or on an unrecorded day), unless the charge it ended is recorded (one resolved on
    the conviction's day); and pretrial detention begun on or before the day that no recorded
    charge accounts for and that is linked to no conviction with a known date (one entered by
    the day ended the charge; one entered after it is read as a conviction above)."""
    found: list[UnrecordedCharge] = []
    for i, conv in enumerate(record.convictions):
        when = conv.conviction_date
        if when is None or when <= day or not _offense_by(conv, day) or _ended_in(record, conv):
            continue
        offense = conv.offense_date or next((c.offense_date for c in conv.counts), None)
        committed = (
            f"committed {offense}" if offense is not None else "committed on a day not recorded"
        )
        name = f"conviction '{conv.id}'" if conv.id else f"convictions[{i}]"
        found.append(
            UnrecordedCharge(
                f"convictions[{i}]",
                f"was convicted on {when} ({name}, offense {committed}), after {day}: the "
                "charge that ended in that conviction "
                f"was, or may have been, pending on {day} (a felony is prosecuted by indictment "
                "unless indictment is waived, Fed. R. Crim. P. 7(a)-(b))",
                {
                    f"convictions[{i}].conviction_date": when,
                    f"convictions[{i}].offense_date": offense,
                },
            )
        )
    for k, period in enumerate(record.custody):
        if period.kind is not CustodyKind.pretrial_detention:
            continue
        if period.start is not None and period.start > day:
            continue
        linked = conviction_by_id(record, period.conviction_id)
        if linked is not None and linked.conviction_date is not None:
            continue
        if _explained(record, period.start, period.end, day):
            continue
        held = f"from {period.start}" if period.start else "from a day not recorded"
        held += f" to {period.end}" if period.end else ", with no end recorded"
        found.append(
            UnrecordedCharge(
                f"custody[{k}]",
                f"was held in pretrial detention ({held}), and the record has no charge for it: "
                "a person is detained before trial on a charge, and release (on bail or "
                f"otherwise) does not end the charge, so it may still have been pending on {day}",
                {
                    f"custody[{k}].kind": period.kind,
                    f"custody[{k}].start": period.start,
                    f"custody[{k}].end": period.end,
                },
            )
        )
    return found


_OFFENSE_WORDS = {
    "felony": "a felony",
    "moral_turpitude": "a crime of moral turpitude",
    "financial_misconduct": "a crime involving financial misconduct",
    "false_statement": "a crime involving a false statement",
}


def _offense_list(offenses: Sequence[str], joiner: str = "or") -> str:
    names = [_OFFENSE_WORDS.get(o, words(o)) for o in offenses]
    if len(names) <= 2:
        return f" {joiner} ".join(names)
    return ", ".join(names[:-1]) + f" {joiner} " + names[-1]


def _grounds(counts: Sequence[Count], offenses: Sequence[str]) -> tuple[str, ...]:
    """Which of ``offenses`` some count of the charge is recorded as (the grounds that apply)."""
    return tuple(o for o in offenses if any(getattr(c, o) is True for c in counts))


NOT_AN_INDICTMENT_GAP = text("sba", "not_an_indictment_gap")

_VERDICT = {True: Verdict.bars, False: Verdict.clear, None: Verdict.unknown}


def _judge_charge(
    head: str,
    counts: Sequence[Count],
    path: str,
    offenses: tuple[str, ...],
    rule: str,
    guidance: Guidance | None,
) -> tuple[Verdict, str, list[str], Guidance | None]:
    """What a pending indictment with these counts means under the rule (and the guidance):
    the verdict, the words, the unknown fields, and the guidance when it decided."""
    reg, reg_missing = counts_have(counts, offenses, path)
    named = _offense_list(offenses)
    applies = _offense_list(_grounds(counts, offenses), "and")
    if guidance is None:
        verdict = _VERDICT[reg]
        return (
            verdict,
            {
                Verdict.bars: f"{head} for {applies}; the rule bars {rule}.",
                Verdict.clear: f"{head}, but not for {named}; the rule bars only {rule}.",
                Verdict.unknown: f"{head}; whether it is for {named} is not recorded.",
            }[verdict],
            reg_missing,
            None,
        )
    return _judge_with_guidance(head, counts, path, offenses, rule, guidance, reg, reg_missing)


def _judge_with_guidance(
    head: str,
    counts: Sequence[Count],
    path: str,
    offenses: tuple[str, ...],
    rule: str,
    guidance: Guidance,
    reg: bool | None,
    reg_missing: list[str],
) -> tuple[Verdict, str, list[str], Guidance | None]:
    """The regulation's answer (``reg``) set beside the guidance's: where they differ, or one
    bars while the other turns on a fact the record leaves open, the answer needs review."""
    named = _offense_list(offenses)
    applies = _offense_list(_grounds(counts, offenses), "and")
    other, other_missing = counts_have(counts, guidance.offenses, path)
    other_named = _offense_list(guidance.offenses)
    charged = _grounds(counts, tuple(dict.fromkeys((*offenses, *guidance.offenses))))
    is_for = f" The charge is for {_offense_list(charged, 'and')}." if charged else ""
    if reg is True and other is True:
        return (
            Verdict.bars,
            f"{head} for {applies}; the rule bars {rule} ({guidance.name} agrees).",
            [],
            None,
        )
    if reg is False and other is False:
        text = (
            f"{head}, but neither for {named} (the regulation) nor for {other_named} "
            f"({guidance.name})."
        )
        return Verdict.clear, text, [], None
    if reg is not None and other is not None:
        bars, spares = (
            ("the regulation", guidance.name) if reg else (guidance.name, "the regulation")
        )
        text = (
            f"{head}: {bars} bars it, {spares} does not.{is_for} The regulation names {named}; "
            f"{guidance.name} names {other_named}. Where the two differ the answer needs review"
            f"{': ' + guidance.why if guidance.why else ''}."
        )
        return Verdict.review, text, [], guidance
    if reg is True or other is True:
        bars, open_, fields = (
            ("the regulation", guidance.name, other_missing)
            if reg
            else (guidance.name, "the regulation", reg_missing)
        )
        text = (
            f"{head}: {bars} bars it; whether {open_} does too turns on {', '.join(fields)}, "
            f"which the record leaves open.{is_for} If it does, the business is not eligible; "
            f"if not, the two texts differ. The regulation names {named}; {guidance.name} names "
            f"{other_named}. Either way {bars} bars it, so the answer needs review"
            f"{': ' + guidance.why if guidance.why else ''}."
        )
        return Verdict.review, text, [], guidance
    text = (
        f"{head}; the record does not say whether it is for "
        f"{_offense_list(sorted({*offenses, *guidance.offenses}))}."
    )
    return Verdict.unknown, text, sorted({*reg_missing, *other_missing}), None


_OTHER_ASSOCIATE_ROLES = EQUITY_ROLES_120_10 + CONTROL_ROLES
"""The Associate roles besides ownership (13 CFR 120.10, 109.20)."""


def _while_pending(s: Subject, path: str, charge: PendingCharge) -> str:
    what = "indictment" if charge.instrument is ChargeInstrument.indictment else "charge"
    return (
        f"The bar through {s.name} lasts while the {what} is pending: it lifts when the charge is "
        "resolved (dismissed, acquitted or ended by a conviction). The record gives no resolution "
        f"date, so no date can be given; once the charge is resolved, record the day as "
        f"{path}.resolved_on and check again (a conviction may bring a bar of its own, such as a "
        "sentence of imprisonment)."
    )


def _by_ownership(s: Subject, ownership: OwnershipLookback) -> str | None:
    """How a bar through an Associate by ownership can also lift: six months after their whole
    share (every owner role held on the day, added up) drops to the threshold or less (``None``
    if ``s`` is not an Associate by ownership on the day)."""
    more_than = value(ownership.equity_param, s.day)
    months = value(ownership.months_param, s.day)
    share = whole_share(s.person, s.index, s.day, s.day)
    if share is None or share.total <= more_than:
        return None
    window_start = months_before(s.day, months)
    others = sorted(
        {
            words(r.role)
            for r in s.person.roles
            if r.role in _OTHER_ASSOCIATE_ROLES and held_within(r, window_start, s.day)
        }
    )
    text = (
        f"{s.name} is an Associate by ownership ({share.shown}%"
        f"{' in all: ' + share.parts(s.person) if len(share.roles) > 1 else ''}, more than "
        f"{more_than}%). If "
        f"{s.name}'s share drops to {more_than}% or less, {s.name} stops being an Associate by "
        f"ownership {months} months after the drop ({ownership.definition}, para. (3): the "
        f"relationship starts {months} months before the application date), and the bar "
        f"through {s.name} lifts then even while the charge is pending"
    )
    if others:
        text += (
            f". But {s.name} also holds or held, within the {months} months before the "
            f"application, a role as {' and '.join(others)}, which makes {s.name} an Associate "
            f"whatever the share: the bar lifts this way only once that role, too, ended more "
            f"than {months} months before the application"
        )
    return (
        text + ". No such drop is recorded; to record one, end the owner role on the last day of "
        "the old share and add an owner role with the new share from the next day."
    )


def under_indictment(
    s: Subject,
    *,
    offenses: tuple[str, ...],
    rule: str,
    guidance: Guidance | None = None,
    ownership: OwnershipLookback | None = None,
) -> list[Check]:
    """An indictment pending on the day bars when any count has one of ``offenses``
    (``felony``, ``moral_turpitude``, ``financial_misconduct``, ``false_statement``). A pending
    information or complaint that would bar (or need review) as an indictment needs review:
    the rule says indictment (``NOT_AN_INDICTMENT_GAP``). A bar (or review) with no resolution
    date recorded says how long it lasts and what lifts it: the charge being resolved and, for
    an Associate by ownership (``ownership``), the share dropping to the threshold or less."""
    checks: list[Check] = []
    for k, charge in enumerate(s.record.pending_charges):
        pending = charge_pending(charge, s.day)
        ahead = _resolved_ahead(s, k, charge)
        if ahead is not None:
            checks.append(ahead)
        elif pending is not False:
            found = _charge_check(s, k, charge, pending, offenses, rule, guidance, ownership)
            if found is not None:
                checks.append(found)
    named = _offense_list(
        tuple(dict.fromkeys((*offenses, *(guidance.offenses if guidance else ()))))
    )
    for u in unrecorded_charges(s.record, s.day):
        checks.append(
            Check(
                Verdict.unknown,
                f"{s.name} {u.shows}. The record does not give that charge (its instrument, "
                f"filing date, counts and end); if it was an indictment for {named} pending on "
                f"{s.day}, the rule bars {rule}. Record it in pending_charges (with its "
                "resolved_on) to decide.",
                {f"{s.prefix}{key}": v for key, v in u.facts.items()},
                (f"{s.prefix}pending_charges",),
            )
        )
    return checks


def _resolved_ahead(s: Subject, k: int, charge: PendingCharge) -> Check | None:
    """A charge the record gives a resolution day after the day it speaks for (``asked_on``),
    judged on a day on or after that resolution: how it will end (dismissal, acquittal, or a
    conviction whose sentence may bar on its own, such as imprisonment) is not yet known, so
    the end of the charge is not read as clearing the person (``None`` otherwise, and when the
    record gives a conviction entered that day: the charge ended in it)."""
    end, known = charge.resolved_on, s.asked_on
    if end is None or known is None or end <= known or end > s.day:
        return None
    if any(c.conviction_date == end for c in s.record.convictions):
        return None  # the conviction it ended in is recorded: that conviction is judged
    path = f"{s.prefix}pending_charges[{k}]"
    return Check(
        Verdict.unknown,
        f"{s.name}'s charge by {words(charge.instrument)} (filed {charge.filed_on}) is recorded "
        f"as resolved on {end}, after {known}, the day this record speaks for: how it ends "
        "(dismissed, acquitted, or a conviction with a sentence that may bar on its own, such "
        f"as imprisonment) is not yet known on {known}. Once it is resolved, record any "
        "conviction it ended in, with its sentence, and check again.",
        {f"{path}.resolved_on": end, f"{path}.filed_on": charge.filed_on},
        (f"{s.prefix}convictions",),
    )


def _charge_facts(
    path: str, charge: PendingCharge, offenses: tuple[str, ...], guidance: Guidance | None
) -> dict[str, Any]:
    facts: dict[str, Any] = {
        f"{path}.instrument": charge.instrument,
        f"{path}.filed_on": charge.filed_on,
        f"{path}.resolved_on": charge.resolved_on,
    }
    for c, count in enumerate(charge.counts):
        for attr in dict.fromkeys((*offenses, *(guidance.offenses if guidance else ()))):
            facts[f"{path}.counts[{c}].{attr}"] = getattr(count, attr)
    return facts


def _charge_check(
    s: Subject,
    k: int,
    charge: PendingCharge,
    pending: bool | None,
    offenses: tuple[str, ...],
    rule: str,
    guidance: Guidance | None,
    ownership: OwnershipLookback | None,
) -> Check | None:
    """The check of one charge pending on the day (``pending`` None: filing date unknown)."""
    path = f"{s.prefix}pending_charges[{k}]"
    facts = _charge_facts(path, charge, offenses, guidance)
    indictment = charge.instrument is ChargeInstrument.indictment
    head = (
        f"{s.name} is under indictment on {s.day} (filed {charge.filed_on})"
        if indictment
        else f"{s.name} faces a pending charge by {words(charge.instrument)} on {s.day} "
        f"(filed {charge.filed_on})"
    )
    verdict, text, missing, decided_by = _judge_charge(
        head, charge.counts, path, offenses, rule, guidance
    )
    if verdict is Verdict.clear:
        # not for a named offense, whether pending or not
        return Check(verdict, text, facts) if pending is True else None
    if pending is None:
        return Check(
            Verdict.unknown,
            f"{s.name} has a pending charge by {words(charge.instrument)} with no filing "
            f"date; whether it was pending on {s.day} is not known.",
            facts,
            (f"{path}.filed_on",),
        )
    if not indictment and verdict in (Verdict.bars, Verdict.review):
        verdict = Verdict.review
        text += (
            f" But the charge is by {words(charge.instrument)}, not indictment: the rule says "
            "indictment, while a felony may be prosecuted by information once the defendant "
            "waives indictment (Fed. R. Crim. P. 7(b)), so whether it counts needs review."
        )
    notes: list[str] = []
    if verdict in (Verdict.bars, Verdict.review) and charge.resolved_on is None:
        notes.append(_while_pending(s, path, charge))
        lift = _by_ownership(s, ownership) if ownership is not None else None
        if lift is not None:
            notes.append(lift)
    return Check(
        verdict,
        text,
        facts,
        tuple(missing),
        citation=decided_by.citation if decided_by else None,
        url=decided_by.url if decided_by else None,
        notes=tuple(notes),
    )
