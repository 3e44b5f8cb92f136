"""What is left of the federal, D.C. and court-martial sentences on the day asked, as the
commutation petition reads it (28 CFR 1.3; the Office's instructions): a prison term being
served (a commutation that set a release on or before the day ended it), a fine or restitution
owed, supervision, a sentence not begun, facts not recorded, a court-martial sentence for the
military department, and court challenges pending; each with its finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from secondchance.engine.determination import Finding
from secondchance.law.clemency.commutation_sources import RULE_VERSION, say
from secondchance.law.clemency.facts import (
    aggregate_ids,
    commutations,
    confinement,
    contradicted_pardons,
    custody_for,
    label,
    penalties,
    unattributed_custody,
    unrecorded_supervised_release,
)
from secondchance.law.clemency.grant_effect import commutation_effect
from secondchance.law.clemency.pardoned import doubtful_pardons, pardoned_by
from secondchance.law.clemency.scope import awaiting_facts
from secondchance.law.early_termination import still_running
from secondchance.record.query import awaiting_sentencing, covers
from secondchance.record.schema import (
    ClemencyKind,
    Conviction,
    CustodyKind,
    Jurisdiction,
    Record,
    SupervisionKind,
)
from secondchance.record.timeline import grant_covers, timeline


def pending_challenges(record: Record, day: date) -> list[tuple[int, date | None]]:
    out = []
    for k, challenge in enumerate(record.court_challenges):
        filed = challenge.filed_on is None or challenge.filed_on <= day
        open_ = challenge.resolved_on is None or challenge.resolved_on > day
        if filed and open_:
            out.append((k, challenge.resolved_on))
    return out


@dataclass
class Remaining:
    """What is left of the federal, D.C. and court-martial sentences on the day asked."""

    findings: list[Finding] = field(default_factory=list)
    serving: list[str] = field(default_factory=list)
    serving_in: set[Jurisdiction] = field(default_factory=set)
    """The jurisdictions (federal, D.C.) of the prison sentences being served."""
    owing: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    not_begun: list[date] = field(default_factory=list)
    supervised: list[str] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)
    """``custody[k].start`` not recorded: in confinement on the day, or not yet begun (the
    shared timeline's ``in_custody`` is unknown)."""
    supervision_starts: list[str] = field(default_factory=list)
    """``supervision[k].start`` of periods with no start, not ended by the day: they may cover
    it."""
    military: list[str] = field(default_factory=list)
    """Court-martial sentences still (or perhaps still) being served."""
    pardoned: int = 0
    contradicted: list[str] = field(default_factory=list)
    doubtful: list[tuple[str, list[str]]] = field(default_factory=list)
    """Pardons whose reach over a conviction the record leaves open, with the deciding paths."""
    """Pardons naming a conviction recorded after the grant: the record contradicts itself."""
    conflicts: list[tuple[str, list[str]]] = field(default_factory=list)
    """What the record contradicts, with the facts in conflict: a prison term's release (a
    commutation releasing before its grant), or an amount owed beside a remission of it."""
    nothing: list[str] = field(default_factory=list)
    """Convictions with no sentence to commute: completed, or not yet imposed."""


def _prison_over(record: Record, i: int, conviction: Conviction, day: date) -> date | None:
    """Where a commutation granted by ``day`` set a release date: the release from confinement
    (``confinement``: the later of that date and the end of custody recorded after it), when it
    is on or before ``day``: the prison term is over and the release is recorded. Custody begun
    after the commuted release and still open on the day is confinement, not a term over."""
    if not any(c.new_release_date for c in commutations(conviction, day)):
        return None
    release = confinement(record, i, conviction, day).release
    return release if release is not None and release <= day else None


def _in_prison(record: Record, i: int, conviction: Conviction, day: date, out: Remaining) -> bool:
    """Whether a prison term is being served on ``day``; records a sentence not yet begun, or
    missing facts, in ``out``."""
    if _prison_over(record, i, conviction, day) is not None:
        return False
    conf = confinement(record, i, conviction, day)
    if conf.prison and conf.contradiction:  # the release is in doubt: never read as served
        out.conflicts.append((conf.contradiction, conf.missing))
        return False
    if conf.revocation:  # a revocation term whose custody is not recorded may be being served
        out.missing += conf.revocation
        return False
    periods = [
        (k, p)
        for k, p in custody_for(record, conviction)
        if p.kind is not CustodyKind.pretrial_detention
    ]
    shared = timeline(record)
    if any(shared.in_custody(k, day) for k, _ in periods) or (
        conf.release is not None and conf.release > day and shared.term_begun(i, day).begun is True
    ):
        return True
    unknown = [f"custody[{k}].start" for k, _ in periods if shared.in_custody(k, day) is None]
    if unknown:
        out.missing += unknown  # custody with no start, not ended by the day, may cover it
        out.unsure += unknown
        return False
    if conf.prison:
        later = [p.start for _, p in periods if p.start and p.start > day]
        if later:
            out.not_begun.append(min(later))
        elif conf.release is None and (not periods or conf.short):
            out.missing += conf.missing
            if conf.short:
                out.findings.append(say(f"{label(i, conviction)}: {conf.short}."))
        elif conf.release is not None and conf.release <= day:
            name = label(i, conviction)
            out.findings.append(
                say(
                    f"{name}: released from confinement on {conf.release.isoformat()} "
                    f"({conf.source}); no prison term of it is being served.",
                    {f"{name}.release_from_confinement": conf.release.isoformat()},
                )
            )
    elif conf.prison is None:
        out.missing += conf.missing
    elif not conf.contradiction and not conf.missing:
        out.findings.append(
            say(
                f"{label(i, conviction)}: the sentence imposed no term of imprisonment "
                f"(convictions[{i}].sentence)."
            )
        )
    return False


def _prison_begun(record: Record, i: int, conviction: Conviction, day: date) -> bool:
    """Whether the record shows the prison term of this conviction begun by ``day``: custody
    for it (not pretrial detention) begun by then (the shared reading, ``Timeline.term_begun``),
    a commutation release passed, a revocation term (the first term was served), or the
    sentence stated completed."""
    conf = confinement(record, i, conviction, day)
    if conf.completed or conf.revocation or _prison_over(record, i, conviction, day) is not None:
        return True
    return timeline(record).term_begun(i, day).begun is True


def _conviction_supervision(
    record: Record, i: int, conviction: Conviction, day: date
) -> tuple[list[str], list[str]]:
    """Probation, parole or supervised release on ``day`` for this conviction (or that may still
    run on it, its recorded early end too soon: ``law.early_termination``); and, after a
    commutation that ended the prison term, a supervised release term the warrant kept but whose
    dates the record does not give. Second, the ``supervision[k].start`` of periods with no
    start that have not ended by ``day``: they may cover it."""
    name = label(i, conviction)
    ids: set[str | None] = {None, conviction.id, *aggregate_ids(record, conviction)}
    periods = [
        (k, period)
        for k, period in enumerate(record.supervision)
        if period.conviction_id in ids and period.kind is not SupervisionKind.deferred_prosecution
    ]
    unknown = [f"supervision[{k}].start" for k, p in periods if covers(p, day) is None]
    out = [
        f"{name}: on {period.kind.value.replace('_', ' ')} (supervision[{k}]"
        + (
            f", recorded for {period.conviction_id}, one aggregate term with it (18 U.S.C. 3584(c))"
            if period.conviction_id not in (None, conviction.id)
            else ""
        )
        + ")"
        for k, period in periods
        if covers(period, day)
    ]
    out += [
        f"{name}: may still be on {period.kind.value.replace('_', ' ')} ({doubt.why()})"
        for k, period in periods
        if (doubt := still_running(record, k, day)) is not None
    ]
    if out or unknown:
        return out, unknown
    released = _prison_over(record, i, conviction, day)
    if released is None:
        conf = confinement(record, i, conviction, day)
        released = conf.release if conf.prison and conf.release and conf.release <= day else None
    imposed = None
    if released is not None:
        imposed = unrecorded_supervised_release(record, i, conviction, released, day)
    if imposed is not None:
        kept = (
            " (a commutation does not end it unless the warrant says so)"
            if commutations(conviction, day)
            else ""
        )
        out.append(imposed.text + kept)
    return out, unknown


def _owed(record: Record, i: int, conviction: Conviction, day: date, out: Remaining) -> list[str]:
    owing: list[str] = []
    for p in penalties(i, conviction, day, record.unknown_paths):
        if p.owed is not None and p.owed > 0:
            owing.append(f"{label(i, conviction)}: {p.kind} of ${p.owed:,.2f} still owed")
        elif p.owed is None:
            out.missing.append(p.path)
    return owing


def _remitted(record: Record, i: int, conviction: Conviction, day: date, out: Remaining) -> None:
    """A remission granted by ``day`` covering a conviction whose fine or restitution the record
    still shows owed. Remission is clemency of its own (28 CFR 1.1, "remission of fine"): it
    remits all or part of an amount not yet paid, and the record does not say how much. The
    balance is then either recorded from before the grant (nothing left to remit) or what the
    grant left: the record contradicts itself or leaves it open, and the remission petition it
    would otherwise offer is for review."""
    owed = [
        p.path
        for p in penalties(i, conviction, day, record.unknown_paths)
        if p.owed is not None and p.owed > 0
    ]
    for k, grant in enumerate(record.clemency):
        if (
            grant.kind is ClemencyKind.remission
            and grant.granted_on <= day
            and grant_covers(grant, conviction)
        ):
            out.conflicts.append(
                (
                    f"clemency[{k}] is a remission granted {grant.granted_on.isoformat()} "
                    f"covering {label(i, conviction)}, yet an amount is still recorded owed "
                    f"({', '.join(owed)}): whether the grant remitted it (the balance recorded "
                    "before the grant) or only part of it (the balance what is left) is not "
                    "recorded, and a second remission of what was remitted is no request at all",
                    [f"clemency[{k}]", *owed],
                )
            )


def read_federal(record: Record, i: int, conviction: Conviction, day: date, out: Remaining) -> None:
    name = label(i, conviction)
    grant = pardoned_by(record, i, conviction, day)
    if grant is not None:
        out.findings.append(say(f"{name} is already pardoned ({grant}): nothing to commute."))
        out.pardoned += 1
        return
    contradicted = contradicted_pardons(record, [(i, conviction)], day)
    out.contradicted += contradicted
    out.findings += [say(c[0].upper() + c[1:] + ".") for c in contradicted]
    doubtful = doubtful_pardons(record, [(i, conviction)], day)
    out.doubtful += doubtful
    out.findings += [say(c[0].upper() + c[1:] + ".") for c, _ in doubtful]
    if _nothing_to_commute(record, i, conviction, day, out):
        return
    sentence = conviction.sentence
    if sentence is None:
        out.missing.append(f"convictions[{i}].sentence")
        return
    for c_index, commutation in enumerate(sentence.commutations):
        if commutation.granted_on <= day:
            out.findings.append(
                commutation_effect(
                    RULE_VERSION, commutation, f"convictions[{i}].sentence.commutations[{c_index}]"
                )
            )
    released = _prison_over(record, i, conviction, day)
    if released is not None:
        out.findings.append(
            say(
                f"{name}: the commutation ended the prison term; released "
                f"{released.isoformat()} (convictions[{i}].sentence.commutations). No prison term "
                "is being served; what remains is any supervision, fine or restitution.",
                {f"{name}.release_from_confinement": released.isoformat()},
            )
        )
    before = (len(out.not_begun), len(out.missing))
    in_prison = _in_prison(record, i, conviction, day, out)
    if in_prison:
        out.serving.append(f"{name}: serving a prison sentence")
        out.serving_in.add(conviction.jurisdiction)
    open_start = (len(out.not_begun), len(out.missing)) != before
    owing = _owed(record, i, conviction, day, out)
    if owing and open_start and not (in_prison or _prison_begun(record, i, conviction, day)):
        # The prison term this conviction imposed has not begun, or may not have: requests are
        # generally not accepted until the sentence is begun, a fine or restitution owed with
        # it included (the Office's instructions, para. 4). The answer waits on the custody.
        owing = []
    out.owing += owing
    if owing and not in_prison:
        _remitted(record, i, conviction, day, out)
    supervised, unknown = _conviction_supervision(record, i, conviction, day)
    out.supervised += supervised
    out.supervision_starts += unknown


def _nothing_to_commute(
    record: Record, i: int, conviction: Conviction, day: date, out: Remaining
) -> bool:
    """A conviction awaiting sentencing, or whose sentence the record states completed (prison
    and supervision) with no fine or restitution owed or unknown: no sentence to commute (a
    commutation reduces a sentence imposed and not yet served; a fine or restitution not yet
    paid may be remitted, 28 CFR 1.1, the Office's instructions, para. 3)."""
    name = label(i, conviction)
    if awaiting_sentencing(conviction, day):
        text = f"{name} awaits sentencing: no sentence has been imposed, so none can be commuted."
        facts: dict[str, object] = awaiting_facts([(i, conviction)])
    elif conviction.sentence is not None and conviction.sentence.completed:
        if any(
            p.owed is None or p.owed > 0
            for p in penalties(i, conviction, day, record.unknown_paths)
        ):
            return False  # "completed" is prison and supervision: a fine or restitution remains
        text = (
            f"{name}: the record states every part of the sentence (prison and supervision) "
            "completed: nothing is left to commute; the route is a petition for pardon."
        )
        facts = {f"convictions[{i}].sentence.completed": True}
    else:
        return False
    out.findings.append(say(text, facts))
    out.nothing.append(text)
    return True


def read_military(
    record: Record, i: int, conviction: Conviction, day: date, out: Remaining
) -> None:
    """Whether anything of a court-martial sentence remains: a sentence not recorded, custody,
    a fine owed or supervision (parole) is for the military department; a sentence fully served
    leaves nothing."""
    name = label(i, conviction)
    if pardoned_by(record, i, conviction, day) is not None:
        return
    if conviction.sentence is None:
        out.military.append(f"{name}: the court-martial sentence is not recorded")
        return
    probe = Remaining()
    in_prison = _in_prison(record, i, conviction, day, probe)
    owing = _owed(record, i, conviction, day, probe)
    supervised, unknown = _conviction_supervision(record, i, conviction, day)
    probe.missing += unknown
    if in_prison or probe.not_begun:
        out.military.append(f"{name}: the court-martial sentence of confinement is being served")
    elif owing or supervised:
        out.military.append("; ".join(owing + supervised))
    elif probe.missing:
        out.military.append(
            f"{name}: whether the court-martial sentence is served is not recorded "
            f"({', '.join(sorted(set(probe.missing)))})"
        )
    else:
        out.findings.append(
            say(
                f"{name}: the court-martial sentence is served; nothing remains to commute.",
                {f"{name}.jurisdiction": "military"},
            )
        )


def unattributed_serving(record: Record, day: date, out: Remaining) -> None:
    """Federal custody naming no conviction on ``day``, with several federal/D.C. convictions:
    a prison term may be being served, but for which conviction is not recorded."""
    if out.serving:
        return
    shared = timeline(record)
    for k, _ in unattributed_custody(record, day):
        covered = shared.in_custody(k, day)
        if covered is not False:
            out.missing.append(f"custody[{k}].conviction_id")
        if covered is None:
            out.missing.append(f"custody[{k}].start")
