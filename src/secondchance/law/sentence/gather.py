"""The facts of the person's current aggregate term (18 U.S.C. 3584(c)) read from the record,
step by step: the aggregate, a commutation in force, commencement (3585(a)) and arrival, prior
custody credit (3585(b)), the time credit exclusions of every count (3632(d)(4)(D)) and the
First Step Act facts (risk, removal, non-earning days, GED rule, losses)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from secondchance.engine.determination import Finding
from secondchance.law.parameters import value
from secondchance.law.sentence import exclusions, immigration, standing, term
from secondchance.law.sentence.aggregate import (
    _DETENTION,
    _SERVING,
    Aggregate,
    Served,
    _aggregate,
    _finding,
    _prior_custody,
    _streak_day,
    _unknown_terms,
    commutation_in_force,
    current_aggregate,
    custody_ended,
    grouped,
    prison_sentences,
    rdap_claim,
    revoked_joining,
    stray_bearing,
)
from secondchance.law.sentence.facts import SentenceFacts, days_between
from secondchance.law.sentence.kernel import KernelLaw
from secondchance.law.sentence.notes import Notes, NotGathered
from secondchance.law.sentence.time_credits import EARN_URL, earning_start
from secondchance.record.schema import (
    CustodyKind,
    CustodyPeriod,
    GedStatus,
    NonEarningPeriod,
    Record,
    RiskAssessment,
    RiskLevel,
    SentenceRelation,
)
from secondchance.record.terms import Term
from secondchance.record.timeline import open_custody_at_release

Mine = Callable[[str | None], bool]
"""Whether a custody period (by its conviction id) belongs to the aggregate term."""


@dataclass(frozen=True)
class CommutedTo:
    """A commutation in force that fixed the release date."""

    release_date: date | None = None
    granted_on: date | None = None
    path: str | None = None
    terms: str | None = None


@dataclass(frozen=True)
class CreditFacts:
    """The First Step Act facts of the record (``fsa``) as of the day."""

    risk: RiskLevel | None = None
    additional_from: date | None = None
    removal: bool = False
    removal_on: date | None = None
    non_earning: int = 0
    non_earning_after_additional: int = 0
    base_rate_only: bool = False
    earning_stops: date | None = None
    without_ged: bool = False
    gct_lost: int = 0
    credits_lost: int = 0
    credits_restored: int = 0


def facts_of(record: Record, as_of: date) -> SentenceFacts | str | None:
    """The facts of the person's current aggregate term; None when the record has no federal
    prison sentence; a string naming why when they cannot be gathered."""
    sentences = prison_sentences(record)
    unknown = _unknown_terms(record)
    if not sentences:
        return f"{'; '.join(unknown)}: the term cannot be computed" if unknown else None
    aggregate = current_aggregate(record, sentences, as_of)
    current = aggregate.terms
    notes = _opening(aggregate, unknown, as_of)
    stray = _stray(record, sentences, current, notes)
    if stray is not None:
        return stray
    revoked = _revoked(record, sentences, current, notes)
    if revoked is not None:
        return revoked
    _contradicted_release(record, notes)
    _discharged_before(grouped(record, sentences), aggregate, notes)
    commuted = _commutations(current, as_of, notes)
    mine = _belongs(current)
    commenced = _commencement(record, current, mine, notes)
    if isinstance(commenced, str):
        return NotGathered(commenced, notes.missing_facts)
    if commenced is None:
        if any(m.endswith(".sentence.imposed_on") for m in notes.missing_facts):
            return NotGathered(
                "the day the sentence was imposed is not in the record, so the day it "
                "commenced cannot be found (18 U.S.C. 3585(a))",
                notes.missing_facts,
            )
        notes.missing_facts.append("custody")
        return NotGathered(
            "the commencement of the sentence is not in the record (custody periods)",
            notes.missing_facts,
        )
    try:
        agg = _aggregate(
            current, commenced, notes.findings, notes.needs_review, notes.missing_facts
        )
    except (ValueError, OverflowError):
        return NotGathered(
            "the aggregate term runs past the calendar (year 9999): not computed",
            notes.missing_facts,
        )
    arrived = _arrival(record, mine, commenced, notes)
    prior = _prior_custody(
        record, current, commenced, mine, notes.findings, notes.needs_review, notes.missing_facts
    )
    ineligible = _exclusions(current, notes)
    if ineligible is False and _beside(record, current, as_of, notes):
        ineligible = None
    credits = _credit_facts(record, current, commenced, arrived, as_of, notes)
    if agg is None:
        return NotGathered(
            "; ".join(notes.needs_review) or "the aggregate term cannot be formed",
            notes.missing_facts,
        )
    ended = custody_ended(record, current, as_of)
    return SentenceFacts(
        term=agg,
        commenced=commenced,
        arrived=arrived,
        prior_custody_days=prior,
        supervised_release=_supervised_release(current),
        risk=credits.risk,
        fsa_ineligible=ineligible,
        removal_order=credits.removal,
        removal_ordered_on=credits.removal_on,
        non_earning_days=credits.non_earning,
        gct_without_ged=credits.without_ged,
        gct_lost_days=credits.gct_lost,
        fsa_credits_lost_days=credits.credits_lost,
        fsa_credits_restored_days=credits.credits_restored,
        rdap=rdap_claim(record),
        additional_from=credits.additional_from,
        non_earning_after_additional=credits.non_earning_after_additional,
        base_rate_only=credits.base_rate_only,
        earning_stops=credits.earning_stops,
        commuted_release_date=commuted.release_date,
        commuted_on=commuted.granted_on,
        commutation_path=commuted.path,
        commutation_terms=commuted.terms,
        released_on=ended[0] if ended else None,
        released_path=ended[1] if ended else None,
        findings=notes.findings,
        missing_facts=notes.missing_facts,
        needs_review=notes.needs_review,
    )


def _stray(
    record: Record, sentences: list[Served], current: list[Served], notes: Notes
) -> NotGathered | None:
    """Custody that cannot be service of the term of the conviction it names
    (``aggregate.stray_custody``: after a gap, past the latest day that term could end, with no
    revocation recorded) and that bears on this aggregate term: linked to one of its
    convictions, or reaching the day its first term was imposed (then it alone would have kept
    the earlier term undischarged and joined the two, 18 U.S.C. 3584(a)). It is a revocation
    term not recorded or custody for another conviction linked to this one; the two readings
    give different aggregates, commencements and credit, so no date is computed from either."""
    found = stray_bearing(record, sentences, current)
    if not found:
        return None
    reasons: list[str] = []
    for stray in found:
        period = record.custody[stray.index]
        assert period.start is not None
        path = f"custody[{stray.index}]"
        s = stray.served
        cid = s.conviction.id
        ended = period.end.isoformat() if period.end else "no end recorded"
        reasons.append(
            f"{path} ({period.start.isoformat()} to {ended}) is linked to convictions[{s.index}] "
            f"({cid}), whose custody had closed before it and whose term of {s.term} could not "
            f"run past {stray.latest_end.isoformat()}, and no revocation of its release is "
            f"recorded (convictions[{s.index}].sentence.revocations): it is a revocation term "
            f"not recorded, or custody for another conviction linked to {cid} by mistake "
            f"({path}.conviction_id). The two readings give different aggregate terms "
            "(18 U.S.C. 3584(a), (c)) and commencements (3585(a)), so no date is computed"
        )
        notes.missing_facts += [
            f"{path}.conviction_id",
            f"convictions[{s.index}].sentence.revocations",
        ]
    return NotGathered("; ".join(reasons), notes.missing_facts)


def _revoked(
    record: Record, sentences: list[Served], current: list[Served], notes: Notes
) -> NotGathered | None:
    """A conviction of this aggregate term, joined with another term, whose recorded revocation
    bears on the joining (``aggregate.revoked_joining``). The later term joins the revocation
    term (18 U.S.C. 3583(e)(3), 3584(a), (c)), whose length, commencement and credit are not
    computed; dates from the term first imposed would run from its old commencement and come
    years too early, so no date is computed."""
    found = revoked_joining(record, sentences, current)
    if not found:
        return None
    reasons: list[str] = []
    for r in found:
        s = r.served
        path = f"convictions[{s.index}].sentence.revocations"
        held = ", ".join(f"custody[{k}]" for k in r.custody) or "none recorded"
        reasons.append(
            f"convictions[{s.index}] ({s.conviction.id}) joins this aggregate term with a "
            f"revocation recorded ({path}): {r.why}. A term imposed while a revocation term is "
            "undischarged is aggregated with the revocation term (18 U.S.C. 3583(e)(3), 3584(a), "
            "(c)), not with the term first imposed; revocation terms are not computed, so no "
            "date is computed from the original terms. The revocation term and its custody "
            f"({held}) decide it"
        )
        notes.missing_facts += [f"{path}[{k}]" for k in r.revocations]
        notes.missing_facts += [f"custody[{k}]" for k in r.custody] or [
            f"custody[] (custody for the revocation term of convictions[{s.index}], and its end)"
        ]
    return NotGathered("; ".join(reasons), notes.missing_facts)


def _opening(aggregate: Aggregate, unknown: list[str], as_of: date) -> Notes:
    """The aggregate released as one, how each judgment's counts were combined, terms of
    unknown length and treaty transfers."""
    current = aggregate.terms
    notes = Notes()
    released = aggregate.released
    if released is not None and released <= as_of and len(current) > 1:
        path = aggregate.released_path or "supervision"
        ended = released - timedelta(days=1)
        how = (
            f"Supervised release began on {released.isoformat()} ({path}) for a conviction "
            "of the aggregate term"
            if path.startswith("supervision")
            else f"Custody for the aggregate term ended on {ended.isoformat()} ({path})"
        )
        notes.findings.append(
            _finding(
                f"{how}: its {len(current)} terms ("
                + ", ".join(f"convictions[{s.index}]" for s in current)
                + ") are one term (18 U.S.C. 3584(c)), released as one, and every one of them "
                "stays in the computation.",
                paths={path: (released if path.startswith("supervision") else ended).isoformat()},
            )
        )
    notes.findings += [
        _finding(s.note, paths={s.path: str(s.term)}) for s in current if s.note is not None
    ]
    notes.needs_review += [text for s in current for text in s.review]
    notes.missing_facts += [field for s in current for field in s.missing]
    notes.needs_review += [
        f"{text}: whether it joins the aggregate term (18 U.S.C. 3584(c)) is not computed"
        for text in unknown
    ]
    notes.needs_review += [
        f"convictions[{s.index}].treaty_transfer: a foreign conviction served under a transfer "
        "treaty is computed as a U.S. sentence (18 U.S.C. 4105); whether it earns and applies "
        "First Step Act time credits is an open question"
        for s in current
        if s.conviction.treaty_transfer is not None
    ]
    return notes


def _contradicted_release(record: Record, notes: Notes) -> None:
    """Supervised release begins on the day the person is released from imprisonment (18 U.S.C.
    3624(e)): one recorded as begun while the custody serving the term is still open is a
    contradiction, for review; the custody's end decides the release and every date after."""
    for found in open_custody_at_release(record):
        notes.needs_review.append(
            f"{found.describe()}: supervised release begins on release from imprisonment "
            "(18 U.S.C. 3624(e)), so the record contradicts itself; the computed dates assume "
            "custody continues"
        )
        notes.missing_facts += [f"{found.custody}.end", f"{found.supervision}.start"]


def _discharged_before(groups: list[Aggregate], aggregate: Aggregate, notes: Notes) -> None:
    """Say which earlier terms were discharged, by their custody closing, before the terms of
    this aggregate were imposed: 3584(a) joins a term only to an undischarged one."""
    first = min((s.imposed for s in aggregate.terms if s.imposed), default=None)
    for group in groups:
        if group is aggregate or first is None:
            break
        path = group.released_path
        if group.released is None or path is None or not path.startswith("custody"):
            continue
        ended = group.released - timedelta(days=1)
        notes.findings.append(
            _finding(
                "Custody for "
                + ", ".join(f"convictions[{s.index}]" for s in group.terms)
                + f" ended on {ended.isoformat()} ({path}), before the term imposed on "
                f"{first.isoformat()}: that term was discharged, and a later term joins only an "
                "undischarged one (18 U.S.C. 3584(a)), so this aggregate begins anew.",
                paths={path: ended.isoformat()},
            )
        )


def _commutations(current: list[Served], as_of: date, notes: Notes) -> CommutedTo:
    """A commuted term replaces the term imposed; a commutation to a release date fixes it."""
    commuted = CommutedTo()
    for s in current:
        found = commutation_in_force(s, as_of)
        if found is None:
            continue
        path, grant = found
        if grant.new_imprisonment is not None and not grant.new_imprisonment.is_zero:
            notes.findings.append(
                Finding(
                    finding=f"The term of {s.term} was commuted on {grant.granted_on.isoformat()} "
                    f"to {grant.new_imprisonment} ({path}): the commuted term replaces it in the "
                    "computation, with good conduct time on the commuted term. How the Bureau "
                    "computes a commuted term (good conduct time, credits already earned) is not "
                    "in our sources.",
                    facts={
                        f"{path}.granted_on": grant.granted_on.isoformat(),
                        f"{path}.new_imprisonment": str(grant.new_imprisonment),
                    },
                    citation="U.S. Const. art. II, sec. 2, cl. 1 (the commutation warrant)",
                    rule_version="sentence.commutation@warrant",
                    url=None,
                )
            )
            s.term = grant.new_imprisonment
        if grant.new_release_date is not None:
            if len(current) > 1:
                notes.needs_review.append(
                    f"{path}: one term of an aggregate commuted to a release date (how the "
                    "aggregate runs then is not computed)"
                )
            if grant.new_release_date < grant.granted_on:
                notes.needs_review.append(
                    f"{path}: the new release date ({grant.new_release_date.isoformat()}) is "
                    f"before the grant ({grant.granted_on.isoformat()}); a commutation cannot "
                    "release anyone before it is granted, so one of the two dates is wrong"
                )
                notes.missing_facts += [f"{path}.new_release_date", f"{path}.granted_on"]
            commuted = CommutedTo(grant.new_release_date, grant.granted_on, path, grant.terms)
    return commuted


def _belongs(current: list[Served]) -> Mine:
    """Custody periods of the aggregate: those of its convictions and those naming none."""
    ids = {s.conviction.id for s in current}

    def mine(conviction_id: str | None) -> bool:
        return conviction_id is None or conviction_id in ids

    return mine


def _commencement(
    record: Record, current: list[Served], mine: Mine, notes: Notes
) -> date | str | None:
    """Commencement (3585(a)) from the first sentencing: in custody that day, else the first
    day of serving after it, taken as a voluntary surrender when no custody lies between. A
    period credited against another sentence is not custody to serve this one; when state
    custody or such a period holds the person on the sentencing day, the sentence commences when
    the record shows federal custody to serve it begin (``_received``). A string: why it is not
    known."""
    first = min(current, key=lambda s: s.imposed or date.max)
    imposed = first.imposed
    if imposed is None:
        notes.missing_facts.append(f"convictions[{first.index}].sentence.imposed_on")
        return None
    held = [(k, p) for k, p in enumerate(record.custody) if _elsewhere(p) and p.covers(imposed)]
    if held:
        return _received(record, current, mine, imposed, held, notes)
    for period in record.custody:
        if not mine(period.conviction_id) or period.kind not in _DETENTION | _SERVING:
            continue
        if period.covers(imposed) and not period.credited_to_other_sentence:
            return imposed
    starts = [
        p.start
        for p in record.custody
        if mine(p.conviction_id)
        and p.kind in _SERVING
        and not p.credited_to_other_sentence
        and p.start
        and p.start >= imposed
    ]
    commenced = min(starts) if starts else None
    if commenced is None or commenced <= imposed:
        return commenced
    surrendered = [
        p
        for p in record.custody
        if mine(p.conviction_id)
        and p.kind is CustodyKind.federal_custody
        and p.start is not None
        and imposed <= p.start <= commenced
    ]
    if not surrendered:
        # On a life term the day of commencement moves no date (none is computed): the custody
        # that would move it decides nothing, so it is not asked for.
        life = all(s.term.life for s in current)
        _voluntary_surrender(imposed, commenced, notes, decides=not life)
    return commenced


def _elsewhere(period: CustodyPeriod) -> bool:
    """Custody in which the person serves, or is credited on, another sentence: state custody,
    or a period the record marks credited against another sentence."""
    return period.kind is CustodyKind.state_custody or period.credited_to_other_sentence is True


def _received(
    record: Record,
    current: list[Served],
    mine: Mine,
    imposed: date,
    held: list[tuple[int, CustodyPeriod]],
    notes: Notes,
) -> date | str:
    """Commencement when custody for another sentence holds the person on the sentencing day:
    the first federal serving custody of the term that begins after sentencing outside such
    custody (3585(a): "received in custody awaiting transportation to ... the official detention
    facility at which the sentence is to be served"); none shown, it is not known."""
    shown = ", ".join(f"custody[{k}]" for k, _ in held)
    starts = [
        (p.start, i)
        for i, p in enumerate(record.custody)
        if mine(p.conviction_id)
        and p.kind in _SERVING
        and not p.credited_to_other_sentence
        and p.start is not None
        and p.start > imposed
        and not any(_elsewhere(q) and q.covers(p.start) for q in record.custody)
    ]
    if not starts:
        notes.missing_facts.append("custody[].kind=federal_custody")
        return (
            f"on the sentencing day, {imposed.isoformat()}, the person was held in {shown} (state "
            "custody or custody credited against another sentence) and no federal custody shows "
            "when they were received to serve the federal sentence: its commencement "
            "(18 U.S.C. 3585(a)) is not known"
        )
    day, i = min(starts)
    notes.findings.append(
        _finding(
            f"On the sentencing day, {imposed.isoformat()}, the person was held in {shown} (state "
            "custody or custody credited against another sentence): a federal sentence commences "
            "when the person is received in custody to serve it (18 U.S.C. 3585(a)), here "
            f"{day.isoformat()} (custody[{i}].start), the first federal custody of the term "
            "after that. A judgment ordering the term concurrent with the other sentence would "
            "change this.",
            citation="18 U.S.C. 3585(a)",
            url=term.URL,
            paths={f"custody[{i}].start": day.isoformat()},
        )
    )
    ids = {s.conviction.id for s in current}
    others = {c.id for c in record.convictions if c.id not in ids}
    for s in current:
        sentence = s.conviction.sentence
        if (
            sentence
            and sentence.relation is SentenceRelation.concurrent
            and sentence.relative_to in others
        ):
            notes.needs_review.append(
                f"convictions[{s.index}].sentence.relation: ordered concurrent with "
                f"{sentence.relative_to}, not part of this federal term; the Bureau may then "
                "designate the other custody for service, commencing the term earlier "
                "(18 U.S.C. 3585(a), 3621(b)): commenced here on federal custody"
            )
    return day


ARRIVAL_CUSTODY = "custody[] between sentencing and arrival"
"""The missing fact of a sentence taken to commence on arrival (a voluntary surrender): custody
between sentencing and arrival, not in the record, would commence it earlier (3585(a))."""


def _voluntary_surrender(imposed: date, commenced: date, notes: Notes, decides: bool) -> None:
    if decides:
        notes.missing_facts.append(ARRIVAL_CUSTODY)
    notes.findings.append(
        _finding(
            f"The sentence commences on the day the person is received in custody "
            "awaiting transportation to, or arrives voluntarily to commence service "
            "at, the official detention facility (18 U.S.C. 3585(a)). The record "
            f"shows no custody between sentencing on {imposed.isoformat()} and "
            f"arrival on {commenced.isoformat()}: the sentence is taken to commence "
            "on arrival (a voluntary surrender); custody before it would move "
            "commencement earlier.",
            citation="18 U.S.C. 3585(a)",
            url=term.URL,
            imposed_on=imposed.isoformat(),
            arrived_on=commenced.isoformat(),
        )
    )


def _arrival(record: Record, mine: Mine, commenced: date, notes: Notes) -> date | None:
    """The first arrival at a designated facility on or after commencement."""
    arrivals = [
        p.start
        for p in record.custody
        if mine(p.conviction_id)
        and p.kind is CustodyKind.designated_facility
        and p.start
        and p.start >= commenced
    ]
    if not arrivals:
        notes.missing_facts.append("custody[].kind=designated_facility")
        return None
    return min(arrivals)


def _exclusions(current: list[Served], notes: Notes) -> bool | None:
    """Whether a count of the aggregate is listed in 3632(d)(4)(D) (3584(c); Giovinco;
    Bonnie): True listed, None undecided (a count unread or a fact missing), False none."""
    listed = False
    undecided = False
    for s in current:
        if not s.conviction.counts:
            notes.missing_facts.append(f"convictions[{s.index}].counts")
            undecided = True
        for j, count in enumerate(s.conviction.counts):
            path = f"convictions[{s.index}].counts[{j}]"
            unread = exclusions.unreadable(count, path)
            for item in unread:  # unknown, never "not listed"
                _unread(item, notes)
            if unread:
                undecided = True
                continue
            for hit in exclusions.screen_count(count, path):
                listed |= hit.match is exclusions.Match.listed
                undecided |= hit.match is exclusions.Match.undecided
    if listed and len(current) > 1:
        notes.findings.append(
            _finding(
                "A disqualifying conviction within the aggregate term bars time credits for the "
                "whole aggregate term.",
                citation=exclusions.AGGREGATE_CITATION,
                url=exclusions.AGGREGATE_URL,
            )
        )
    return True if listed else (None if undecided else False)


def _beside(record: Record, current: list[Served], as_of: date, notes: Notes) -> bool:
    """Whether a conviction beside the term may join it with a listed offense
    (``standing.beside_the_term``, as the program reads it): then no credits are projected."""
    found = standing.beside_the_term(record, current, as_of)
    for text, path, citation in found:
        notes.findings.append(
            _finding(
                text[0].upper() + text[1:] + ": no time credits are projected.",
                citation=citation,
                url=exclusions.URL,
                paths={path: None},
            )
        )
        notes.missing_facts.append(path)
        notes.needs_review.append(text)
    unsentenced = standing.unsentenced_beside(record, current, as_of)
    for i in unsentenced:
        path = f"convictions[{i}].sentence"
        text = (
            f"convictions[{i}] is a federal conviction with no sentence recorded: a prison term "
            "for it may be consecutive to the term being served (18 U.S.C. 3584(a)) and join "
            "its aggregate (3584(c)), so the release may be later than the term recorded gives"
        )
        notes.findings.append(
            _finding(
                text + ": no time credits are projected.",
                citation="18 U.S.C. 3584(a), (c)",
                url=exclusions.URL,
                paths={path: None},
            )
        )
        notes.missing_facts.append(path)
        notes.needs_review.append(text)
    return bool(found or unsentenced)


def _unread(item: exclusions.UnreadCount, notes: Notes) -> None:
    notes.findings.append(
        _finding(
            f"{item.field} {item.text[:80]!r} {item.reason}: whether it bars time "
            "credits is unknown, so no time credits are projected.",
            citation=exclusions.CITATION,
            url=exclusions.URL,
            paths={item.field: item.text},
        )
    )
    notes.missing_facts.append(item.field)
    notes.needs_review.append(
        f"{item.field} could not be read: {item.text[:80]!r}"
        if item.text.strip()
        else f"{item.field} is not recorded"
    )


def _credit_facts(
    record: Record,
    current: list[Served],
    commenced: date,
    arrived: date | None,
    as_of: date,
    notes: Notes,
) -> CreditFacts:
    """The record's First Step Act facts as of ``as_of`` (none without an ``fsa`` block)."""
    fsa = record.fsa
    if fsa is None:
        return CreditFacts()
    past = _one_a_day(fsa.risk_assessments, commenced, as_of, notes)
    ordered = immigration.removal(record, as_of)
    notes.needs_review += immigration.review_notes(ordered)
    start = earning_start(commenced, arrived, KernelLaw.on(as_of))
    streak = _streak_day(past) if past else None
    non_earning, stops = _non_earning(fsa.non_earning_periods, start, as_of, notes)
    later, _ = _non_earning(fsa.non_earning_periods, max(start, streak or as_of), as_of, Notes())
    if past and streak is None:
        _base_rate_only(past, notes)
    return CreditFacts(
        risk=max(past, key=lambda a: a.assessed_on).level if past else None,
        additional_from=streak,
        non_earning_after_additional=later if streak else 0,
        base_rate_only=bool(past) and streak is None,
        earning_stops=stops,
        removal=ordered.ordered_on is not None,
        removal_on=ordered.ordered_on,
        non_earning=non_earning,
        without_ged=_without_ged(fsa.ged_status, current, as_of),
        gct_lost=(fsa.gct_disallowed_days or 0) + (fsa.gct_forfeited_days or 0),
        credits_lost=fsa.time_credits_lost_days or 0,
        credits_restored=fsa.time_credits_restored_days or 0,
    )


_RISK_ORDER = (RiskLevel.minimum, RiskLevel.low, RiskLevel.medium, RiskLevel.high)


def _one_a_day(
    assessments: list[RiskAssessment], commenced: date, as_of: date, notes: Notes
) -> list[RiskAssessment]:
    """The assessments of this term made by ``as_of``, one for each day. One dated before the
    term commenced is not an assessment of the prisoner serving it (3632(d)(5); 28 CFR
    523.42(c)(2) counts the Bureau's assessments of a sentenced inmate): it is left out, and the
    block needs review naming its date. Two entries of one day are not two consecutive
    assessments: the same level twice counts once; different levels on one day leave the level
    of that day unknown, so the highest is used (it never gives the additional days nor lets
    credits be applied where a lower one would not) and the block needs review naming them."""
    by_day: dict[date, list[int]] = {}
    for i, item in enumerate(assessments):
        if item.assessed_on < commenced:
            notes.missing_facts.append(f"fsa.risk_assessments[{i}].assessed_on")
            notes.needs_review.append(
                f"fsa.risk_assessments[{i}] ({item.assessed_on.isoformat()}, "
                f"{item.level.value}) is dated before the sentence commenced on "
                f"{commenced.isoformat()}: not an assessment of this term, it is left out "
                "(it neither sets the risk nor counts toward the additional days; 28 CFR "
                "523.42(c)(2))"
            )
        elif item.assessed_on <= as_of:
            by_day.setdefault(item.assessed_on, []).append(i)
    kept: list[RiskAssessment] = []
    for day, indexes in by_day.items():
        same_day = [assessments[i] for i in indexes]
        highest = max(same_day, key=lambda a: _RISK_ORDER.index(a.level))
        kept.append(highest)
        if len(indexes) == 1:
            continue
        paths: dict[str, object] = {
            f"fsa.risk_assessments[{i}]": assessments[i].level.value for i in indexes
        }
        if len({a.level for a in same_day}) == 1:
            notes.findings.append(
                _finding(
                    f"{len(indexes)} risk assessments are recorded on {day.isoformat()}, at the "
                    "same level: they are read as one assessment (the additional days need two "
                    "consecutive assessments).",
                    citation="18 U.S.C. 3632(d)(4)(A)(ii); 28 CFR 523.42(c)(2)",
                    url=EARN_URL,
                    paths=paths,
                )
            )
            continue
        levels = ", ".join(a.level.value for a in same_day)
        notes.missing_facts += [f"fsa.risk_assessments[{i}].level" for i in indexes]
        notes.needs_review.append(
            f"risk assessments of different levels ({levels}) are recorded on "
            f"{day.isoformat()}: which is that day's assessment is unknown; the highest "
            f"({highest.level.value}) is used, a lower one could move the dates earlier "
            "(18 U.S.C. 3624(g)(1)(D); 28 CFR 523.42(c)(2))"
        )
    return kept


def _non_earning(
    periods: list[NonEarningPeriod], start: date, as_of: date, notes: Notes
) -> tuple[int, date | None]:
    """Days in non-earning status from the start of earning to ``as_of`` (28 CFR 523.41(c)),
    and ``as_of`` when a status is still open then (no later credits are projected). A period
    whose start is not given is counted from the start of earning (the most days it can hold:
    the later date), and the block needs review naming the missing start. A day that two
    periods share (a disciplinary status while in transit) is one day not earning."""
    spans: list[tuple[date, date]] = []
    stops: date | None = None
    for i, idle in enumerate(periods):
        path = f"fsa.non_earning_periods[{i}]"
        if idle.start is None:
            notes.missing_facts.append(f"{path}.start")
            notes.needs_review.append(
                f"{path}: the start of the non-earning period is not given; it is counted from "
                f"the start of earning ({start.isoformat()}), the most days it can hold: a later "
                "start would move the time credit dates earlier"
            )
        first_day = max(idle.start or start, start)
        last_day = min(idle.end or as_of, as_of)
        if last_day >= first_day:
            spans.append((first_day, last_day))
        if idle.end is None and first_day <= as_of:
            stops = as_of
            notes.needs_review.append(
                f"{path}: a non-earning status is open on {as_of.isoformat()}: no time credits "
                "are projected after it (the dates use the credits earned by then); resuming "
                "successful participation would move them earlier (28 CFR 523.41(c), 523.42)"
            )
    days = 0
    reached: date | None = None  # the last day counted so far
    for first_day, last_day in sorted(spans):
        if reached is not None:
            first_day = max(first_day, reached + timedelta(days=1))
        if last_day >= first_day:
            days += days_between(first_day, last_day)
        reached = last_day if reached is None else max(reached, last_day)
    return days, stops


def _base_rate_only(past: list[RiskAssessment], notes: Notes) -> None:
    """Findings when the recorded assessments do not show two consecutive minimum or low ones
    (28 CFR 523.42(c)(2)): every period is projected at the base rate. A latest assessment at
    minimum or low is said to be one assessment short; when no earlier one is recorded, that
    earlier assessment is named as missing (it could give the additional days)."""
    ordered = sorted(past, key=lambda a: a.assessed_on)
    latest = ordered[-1]
    if latest.level not in (RiskLevel.minimum, RiskLevel.low):
        return
    text = (
        f"The latest risk assessment ({latest.assessed_on.isoformat()}, {latest.level.value}) "
        "is not the second of two consecutive minimum or low assessments: time credits are "
        "projected at the base rate for every period, without assuming a later assessment. A "
        "second consecutive minimum or low assessment would add days per period from its day "
        "and move the dates earlier."
    )
    if len(ordered) == 1:
        notes.missing_facts.append("fsa.risk_assessments")
        text += (
            " No earlier assessment is recorded (fsa.risk_assessments): an earlier minimum or "
            "low one would do so as well."
        )
    notes.findings.append(
        _finding(
            text,
            citation="18 U.S.C. 3632(d)(4)(A)(ii); 28 CFR 523.42(c)(2)",
            url=EARN_URL,
            paths={"fsa.risk_assessments": latest.level.value},
        )
    )


def _without_ged(status: GedStatus | None, current: list[Served], as_of: date) -> bool:
    """The GED rule of 28 CFR 523.20: no satisfactory progress, offense on or after its day
    (an offense date not known counts as after)."""
    if status is not GedStatus.not_making_satisfactory_progress:
        return False
    cutoff = value("sentence.gct.ged_rule_offenses_from", as_of)
    dates = [
        c.offense_date or s.conviction.offense_date for s in current for c in s.conviction.counts
    ]
    return any(d is None or d >= cutoff for d in dates) or not dates


def _supervised_release(current: list[Served]) -> Term | None:
    """The term of supervised release of the first sentence that has one."""
    return next(
        (
            s.conviction.sentence.supervised_release
            for s in current
            if s.conviction.sentence and s.conviction.sentence.supervised_release
        ),
        None,
    )
