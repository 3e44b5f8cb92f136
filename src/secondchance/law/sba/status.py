"""A person's status on the decisive day, as the SBA rules test it.

Each test reads one person's record on one day and returns :class:`Check` s. The program
modules choose which tests their rule text names and with which words; the reading of the
record is written here once:

* **in custody** — any custody period covering the day (pretrial detention, a prison, a
  residential re-entry centre or home confinement). Used for "incarcerated" and "serving a
  sentence of imprisonment". Prerelease custody (re-entry centre, home confinement) is part of
  a term of imprisonment (18 U.S.C. 3624(c)), so it is "serving a sentence of imprisonment"
  under the texts from 2024-05-30; the older texts say only "incarcerated", so there it needs
  review (``prerelease=Verdict.review``).
* **on supervision** — a probation, parole, supervised-release or deferred-prosecution period
  covering the day. Supervised release is not imprisonment: its term "commences on the day the
  person is released from imprisonment" (18 U.S.C. 3624(e)); parole, too, is release.
* **under indictment** — a pending charge brought by *indictment*, filed on or before the day
  and not resolved by it. A pending information or complaint for an offense the rule names
  needs review: the rule says indictment, but a felony may be prosecuted by information once
  the defendant waives indictment (Fed. R. Crim. P. 7(b)).
* **convicted** — a felony conviction on or before the day (old surety-bond rule; custody
  serving a sentence that the record links to no conviction leaves it open), or within the
  past year for an offense tied to a riot, civil disorder or declared disaster
  (13 CFR 123.101(a)); with no conviction date, the offense, sentencing and custody dates
  around it can settle the past-year question (:func:`conviction_day_bounds`).

Each person's record is ``Subject.record``: their own, or the top-level one when they are
marked ``is_subject`` (field paths then have no ``business.people[i].record.`` prefix).

Facts unknown to the record give ``Verdict.unknown`` naming the field paths.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from secondchance.law.parameters import value
from secondchance.law.sba.associates import (
    CONTROL_ROLES,
    EQUITY_ROLES_120_10,
    OwnershipLookback,
    held_within,
)
from secondchance.law.sba.checks import Check, Subject, Verdict, and3, any3, words
from secondchance.law.sba.days import months_before
from secondchance.law.sentence.projection import CITATION as PROJECTION_CITATION
from secondchance.law.sentence.projection import URL as PROJECTION_URL
from secondchance.law.sentence.projection import Projection
from secondchance.record.query import conviction_by_id, covers
from secondchance.record.schema import (
    BusinessRoleKind,
    ChargeInstrument,
    Count,
    CustodyKind,
    PendingCharge,
    PersonRecord,
    SupervisionKind,
    SupervisionPeriod,
    _Span,
)
from secondchance.record.timeline import SERVING, timeline

PRERELEASE = (CustodyKind.residential_reentry_center, CustodyKind.home_confinement)


def _span_facts(path: str, span: _Span) -> dict[str, Any]:
    return {f"{path}.start": span.start, f"{path}.end": span.end}


# --- custody ------------------------------------------------------------------------------------


def in_custody(s: Subject, *, rule: str, prerelease: Verdict = Verdict.bars) -> list[Check]:
    """A custody period covering the day bars under a rule naming incarceration or a sentence
    of imprisonment; ``rule`` says in plain words what the rule bars. ``prerelease`` is the
    verdict for a re-entry centre or home confinement (``review`` where the text says only
    "incarcerated")."""
    checks: list[Check] = []
    shared = timeline(s.record)
    for k, period in enumerate(s.record.custody):
        covered = shared.in_custody(k, s.day)
        if covered is False:
            continue
        path = f"{s.prefix}custody[{k}]"
        facts = {f"{path}.kind": period.kind, **_span_facts(path, period)}
        if covered is None:
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
        projected = _projected(s, k)
        if projected is not None and s.day > projected.release:
            checks.append(_released_by_projection(s, k, projected, facts))
            continue
        text = f"{s.name} is in custody ({words(period.kind)}) on {s.day}"
        if projected is not None:
            text += (
                f", with no custody end recorded: release projected for "
                f"{projected.release.isoformat()} ({_projection_words(projected)})"
            )
        if period.kind not in PRERELEASE:
            checks.append(Check(Verdict.bars, f"{text}; the rule bars {rule}.", facts))
            continue
        text += (
            " — prerelease custody, which is part of a term of imprisonment (18 U.S.C. 3624(c): "
            "a prisoner serving a term of imprisonment spends a portion of its final months in "
            "prerelease custody)"
        )
        if prerelease is Verdict.bars:
            checks.append(Check(Verdict.bars, f"{text}; the rule bars {rule}.", facts))
        else:
            checks.append(
                Check(
                    prerelease,
                    f"{text}. But this text's word is 'incarcerated', which it does not define "
                    "(it names no sentence of imprisonment), so whether a re-entry centre or "
                    "home confinement counts needs review.",
                    facts,
                )
            )
    return checks


def _projected(s: Subject, k: int) -> Projection | None:
    """The projected release (the shared timeline's) that stands for custody period ``k``'s
    missing end: only for federal service of the term projected, begun within it, with no end
    recorded."""
    period = s.record.custody[k]
    if period.end is not None or period.kind not in SERVING:
        return None
    found = timeline(s.record).projected_release(s.day)
    if not isinstance(found, Projection) or period.start is None:
        return None
    return found if _unbroken(s.record, period.start, found) else None


def _unbroken(record: PersonRecord, last: date, found: Projection) -> bool:
    """Custody has run without a break from the term's commencement to the open period's start
    ``last``: a release in between (a later return to custody, a revocation) makes the
    projection of the original term no measure of the open custody's end."""
    if not found.commenced <= last <= found.release:
        return False
    spans = sorted(
        (p.start, p.end)
        for p in record.custody
        if p.kind in SERVING and p.start is not None and found.commenced <= p.start <= last
    )
    reached = found.commenced
    for start, end in spans:
        if start > reached + timedelta(days=1):
            return False
        if end is None:
            return start == last
        reached = max(reached, end)
    return False


def _projection_words(p: Projection) -> str:
    return (
        f"a projection: the term of {p.term} commenced {p.commenced.isoformat()}, less the "
        "good conduct time the sentence computation allows, 18 U.S.C. 3624(b); no First Step "
        "Act time credits assumed"
    )


def _released_by_projection(
    s: Subject, k: int, projected: Projection, facts: dict[str, Any]
) -> Check:
    """Custody with no recorded end, past the projected release: a projection is not a
    release, so whether the custody has ended is unknown (never taken as ended)."""
    return Check(
        Verdict.unknown,
        f"{s.name}'s custody ({words(s.record.custody[k].kind)}) has no end recorded; release "
        f"was projected for {projected.release.isoformat()} ({_projection_words(projected)}), "
        f"before {s.day}, but whether it has happened is not recorded.",
        {**facts, "projected_release": projected.release.isoformat()},
        (f"{s.prefix}custody[{k}].end",),
        citation=PROJECTION_CITATION,
        url=PROJECTION_URL,
    )


def custody_without_conviction(s: Subject, *, rule: str) -> list[Check]:
    """Custody that ordinarily serves a sentence (any kind but pretrial detention), begun on or
    before the day, that the record links to no recorded conviction: a conviction lies behind
    it and may be a felony, so the answer turns on the link (``rule``: what a felony bars)."""
    checks: list[Check] = []
    for k, period in enumerate(s.record.custody):
        if period.kind is CustodyKind.pretrial_detention:
            continue
        if period.start is not None and period.start > s.day:
            continue
        if conviction_by_id(s.record, period.conviction_id) is not None:
            continue  # the linked conviction is tested by convicted_of_felony
        path = f"{s.prefix}custody[{k}]"
        facts = {
            f"{path}.kind": period.kind,
            f"{path}.conviction_id": period.conviction_id,
            **_span_facts(path, period),
        }
        if period.conviction_id is None:
            what, missing = "links it to no conviction", f"{path}.conviction_id"
        else:
            what = f"links it to conviction '{period.conviction_id}', which the record lacks"
            missing = f"{s.prefix}convictions"
        checks.append(
            Check(
                Verdict.unknown,
                f"{s.name} has been in custody ({words(period.kind)}); the record {what}. "
                f"Custody of this kind ordinarily serves a sentence after a conviction; if that "
                f"conviction is for a felony, {rule}.",
                facts,
                (missing,),
            )
        )
    return checks


# --- supervision --------------------------------------------------------------------------------


@dataclass(frozen=True)
class OffenseCondition:
    """Supervision counts only for some offenses: when any count of the supervised conviction
    has one of ``any_of``, or, in a child care business, one of ``child_care_any_of``; it then
    gives ``verdict`` (``bars``, or ``review`` where the text does not name the kind)."""

    any_of: tuple[str, ...] = ()
    child_care_any_of: tuple[str, ...] = ()
    description: str = ""
    verdict: Verdict = Verdict.bars


SupervisionRule = Verdict | OffenseCondition

NOT_NAMED_SUPERVISION: Mapping[SupervisionKind, SupervisionRule] = {
    kind: Verdict.clear for kind in SupervisionKind
}
"""For a rule that names no kind of supervision: none is a bar (none is imprisonment)."""


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
    child_care = s.business.child_care if cond.child_care_any_of else False
    facts: dict[str, Any] = {"business.child_care": child_care} if cond.child_care_any_of else {}
    if not cond.any_of and child_care is False:
        return False, facts, []  # only a child care business is concerned, and this is not one
    conviction = conviction_by_id(s.record, period.conviction_id)
    if conviction is None:
        missing = [f"{s.prefix}supervision[{k}].conviction_id"]
        return None, facts, missing + (["business.child_care"] if child_care is None else [])
    ci = s.record.convictions.index(conviction)
    cpath = f"{s.prefix}convictions[{ci}]"
    facts[f"{s.prefix}supervision[{k}].conviction_id"] = conviction.id
    general, missing = _counts_have(conviction.counts, cond.any_of, cpath)
    children, missing_children = _counts_have(conviction.counts, cond.child_care_any_of, cpath)
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
        covered = covers(period, s.day)
        if covered is False or period.kind not in kinds:
            continue
        path = f"{s.prefix}supervision[{k}]"
        facts: dict[str, Any] = {f"{path}.kind": period.kind, **_span_facts(path, period)}
        kind = words(period.kind)
        if covered is None:
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
            verdict = {True: rule.verdict, False: Verdict.clear, None: Verdict.unknown}[hit]
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
    why: str = ""  # why a difference needs review rather than the regulation alone


def charge_pending(charge: PendingCharge, day: date) -> bool | None:
    """Pending on ``day``: filed on or before it and not resolved by it (``None``: filing date
    unknown)."""
    if charge.resolved_on is not None and charge.resolved_on <= day:
        return False
    if charge.filed_on is None:
        return None
    return charge.filed_on <= day


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


NOT_AN_INDICTMENT_GAP = (
    "A pending information or complaint for an offense the rule names answers needs_review: the "
    "rule says indictment, but a felony may be prosecuted by information once the defendant "
    "waives indictment (Fed. R. Crim. P. 7(b)), and a complaint may still be followed by one."
)

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
    reg, reg_missing = _counts_have(counts, offenses, path)
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
    other, other_missing = _counts_have(counts, guidance.offenses, path)
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
    """How a bar through an Associate by ownership can also lift: six months after their share
    drops to the threshold or less (``None`` if ``s`` is not an Associate by ownership)."""
    more_than = value(ownership.equity_param, s.day)
    months = value(ownership.months_param, s.day)
    shares = [
        r.ownership_percent
        for r in s.person.roles
        if r.role is BusinessRoleKind.owner
        and r.ownership_percent is not None
        and r.ownership_percent > more_than
        and held_within(r, s.day, s.day)
    ]
    if not shares:
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
        f"{s.name} is an Associate by ownership ({max(shares):g}%, more than {more_than}%). If "
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
        if pending is False:
            continue
        path = f"{s.prefix}pending_charges[{k}]"
        facts: dict[str, Any] = {
            f"{path}.instrument": charge.instrument,
            f"{path}.filed_on": charge.filed_on,
            f"{path}.resolved_on": charge.resolved_on,
        }
        for c, count in enumerate(charge.counts):
            for attr in dict.fromkeys((*offenses, *(guidance.offenses if guidance else ()))):
                facts[f"{path}.counts[{c}].{attr}"] = getattr(count, attr)
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
            if pending is True:
                checks.append(Check(verdict, text, facts))
            continue  # not for a named offense, whether pending or not
        if pending is None:
            checks.append(
                Check(
                    Verdict.unknown,
                    f"{s.name} has a pending charge by {words(charge.instrument)} with no filing "
                    f"date; whether it was pending on {s.day} is not known.",
                    facts,
                    (f"{path}.filed_on",),
                )
            )
            continue
        if not indictment and verdict in (Verdict.bars, Verdict.review):
            verdict = Verdict.review
            text += (
                f" But the charge is by {words(charge.instrument)}, not indictment: the rule says "
                "indictment, while a felony may be prosecuted by information once the defendant "
                "waives indictment (Fed. R. Crim. P. 7(b)), so whether it counts needs review."
            )
        citation = decided_by.citation if decided_by else None
        url = decided_by.url if decided_by else None
        notes: list[str] = []
        if verdict in (Verdict.bars, Verdict.review) and charge.resolved_on is None:
            notes.append(_while_pending(s, path, charge))
            lift = _by_ownership(s, ownership) if ownership is not None else None
            if lift is not None:
                notes.append(lift)
        checks.append(
            Check(
                verdict,
                text,
                facts,
                tuple(missing),
                citation=citation,
                url=url,
                notes=tuple(notes),
            )
        )
    return checks


# --- convictions --------------------------------------------------------------------------------


def convicted_of_felony(s: Subject, *, rule: str) -> list[Check]:
    """A felony conviction entered on or before the day (any count a felony)."""
    checks: list[Check] = []
    for k, conviction in enumerate(s.record.convictions):
        path = f"{s.prefix}convictions[{k}]"
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
    since = months_before(s.day, 12 * years)
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


# --- a rule whose text is missing ---------------------------------------------------------------


def any_status_for_review(s: Subject, *, gap: str) -> list[Check]:
    """Where the rule text in force is not known: any custody, supervision or pending charge
    on the day needs review (naming the gap); none of them, and every reading found agrees."""
    found: list[tuple[str, dict[str, Any]]] = []
    for k, custody in enumerate(s.record.custody):
        if covers(custody, s.day) is not False:
            path = f"{s.prefix}custody[{k}]"
            found.append((f"in custody ({words(custody.kind)})", _span_facts(path, custody)))
    for k, period in enumerate(s.record.supervision):
        if covers(period, s.day) is not False:
            path = f"{s.prefix}supervision[{k}]"
            found.append((f"on {words(period.kind)}", _span_facts(path, period)))
    for k, charge in enumerate(s.record.pending_charges):
        if charge_pending(charge, s.day) is not False:
            path = f"{s.prefix}pending_charges[{k}]"
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
