"""What the pardon petition's wait reads (28 CFR 1.2; the Office of the Pardon Attorney): when
it starts (release from confinement, or conviction without prison, on each federal or D.C.
conviction), and what may stand in the way once it is over or make its end uncertain
(supervision, a fine or restitution owed, a later state conviction, a pardoned conviction as
the latest start), each with its finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from secondchance.engine.determination import Finding
from secondchance.law.clemency.facts import (
    FEDERAL,
    Confinement,
    add_years,
    confinement,
    indexed,
    label,
    penalties,
    unattributed_custody,
    with_article,
)
from secondchance.law.clemency.grant_effect import commutation_effect
from secondchance.law.clemency.pardon_sources import (
    CITATION,
    OFFICE_URL,
    RULE_VERSION,
    WAIVER_URL,
    say,
)
from secondchance.law.parameters import value
from secondchance.law.sentence import counts
from secondchance.record.query import conviction_by_id, covers
from secondchance.record.schema import (
    Conviction,
    CustodyKind,
    Jurisdiction,
    Record,
    SupervisionKind,
    SupervisionPeriod,
)


def supervision_on(record: Record, day: date) -> list[tuple[int, SupervisionPeriod]]:
    """Probation, parole or supervised release on ``day``, of any jurisdiction: 28 CFR 1.2 says
    "a person who is on probation, parole, or supervised release" without limiting it to federal
    supervision. Deferred prosecution is none of the three and is left out. A period with no
    ``start`` that has not ended by ``day`` may cover it and is included (its ``start`` is
    ``None``)."""
    return [
        (k, period)
        for k, period in enumerate(record.supervision)
        if covers(period, day) is not False
        and period.kind is not SupervisionKind.deferred_prosecution
    ]


def supervision_finding(record: Record, on: date, k: int, period: SupervisionPeriod) -> Finding:
    end = period.end
    kind = period.kind.value.replace("_", " ")
    conviction = conviction_by_id(record, period.conviction_id)
    state = ""
    if conviction is not None and conviction.jurisdiction is Jurisdiction.state:
        state = (
            f" This is {conviction.state} state supervision: 28 CFR 1.2 says 'a person who is on "
            "probation, parole, or supervised release' without limiting it to federal "
            "supervision, so it counts here too, a matter for review."
        )
    ending = end.isoformat() if end else "on a date not recorded"
    if period.start is None:
        return say(
            f"On {on.isoformat()} the person may be on {kind} (supervision[{k}], its start not "
            f"recorded, ending {ending}): if it has begun, generally no petition should be "
            "submitted while on probation, parole or supervised release — a matter for review, "
            "not a bar." + state,
            {f"supervision[{k}].kind": period.kind.value, f"supervision[{k}].start": None},
        )
    return say(
        f"On {on.isoformat()} the person is on {kind} (supervision[{k}], ending {ending}): "
        "generally no petition should be submitted while on probation, parole or supervised "
        "release — a matter for review, not a bar." + state,
        {f"supervision[{k}].kind": period.kind.value},
    )


@dataclass
class Clock:
    """What starts the wait: each federal or D.C. conviction's release from confinement, or its
    conviction when no prison sentence was imposed."""

    starts: list[tuple[int, date]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    confined: bool = False
    life: bool = False
    """A life term is being served, with no commutation to a release date recorded."""
    not_begun: date | None = None
    unsure: list[str] = field(default_factory=list)
    """Custody starts not recorded: in confinement on the day, or not yet begun."""
    releases: dict[int, date] = field(default_factory=dict)
    """Each conviction's release from confinement, by index, where recorded."""
    contradicted: list[str] = field(default_factory=list)
    """What a sentence without prison but with custody recorded after it leaves unknown
    (``convictions[i].sentence.revocations``)."""
    conflicts: list[str] = field(default_factory=list)
    """Releases from a prison term the record contradicts (a commutation releasing before its
    grant), each said."""
    conflict_paths: list[str] = field(default_factory=list)
    """The facts in conflict, which decide those releases."""
    unsentenced: list[tuple[int, date]] = field(default_factory=list)
    """Convictions without prison whose sentencing is not recorded, each with the earliest day
    its wait could end (the conviction's anniversary: sentencing comes no earlier)."""

    @property
    def serving(self) -> bool:
        """The prison sentence is not yet served: in confinement, not begun, or one of them."""
        return self.confined or self.not_begun is not None or bool(self.unsure)

    def start(self, among: set[int] | None = None) -> date | None:
        """The latest start (of the convictions ``among``, or all); None when facts are missing."""
        dates = [d for i, d in self.starts if among is None or i in among]
        return max(dates) if dates and not self.missing else None


def _commutation_findings(
    conviction_index: int, conviction: Conviction, day: date
) -> list[Finding]:
    sentence = conviction.sentence
    return [
        commutation_effect(
            RULE_VERSION, commutation, f"convictions[{conviction_index}].sentence.commutations"
        )
        for commutation in (sentence.commutations if sentence else [])
        if commutation.granted_on <= day
    ]


def _release(clock: Clock, i: int, conviction: Conviction, conf: Confinement) -> None:
    name = label(i, conviction)
    if conf.note is not None:
        clock.findings.append(say(f"{name}: {conf.note}", citation=counts.CITATION, url=counts.URL))
    if conf.release is None:
        clock.missing += conf.missing
        if conf.short:
            clock.findings.append(
                say(f"{name}: {conf.short}.", {path: None for path in conf.missing})
            )
        if conf.completed:
            clock.findings.append(
                say(
                    f"{name}: the record states the sentence completed "
                    f"(convictions[{i}].sentence.completed) but not the day of release from "
                    "confinement: the wait runs from that day, so its end cannot be dated.",
                    {f"convictions[{i}].sentence.completed": True},
                )
            )
        if conf.revocation:
            clock.findings.append(
                say(
                    f"{name}: a term of imprisonment imposed on revocation is further "
                    f"confinement; the wait runs from release from the last confinement, and "
                    f"that release is not recorded ({conf.source}).",
                    {path: None for path in conf.revocation},
                )
            )
        if conf.life:
            clock.life = True
            clock.findings.append(
                say(f"{name}: a life sentence; no commutation with a release date is recorded.")
            )
        return
    clock.starts.append((i, conf.release))
    clock.releases[i] = conf.release
    clock.findings.append(
        say(
            f"{name}: release from confinement {conf.release.isoformat()} ({conf.source}); the "
            "wait runs from release.",
            {f"{name}.release_from_confinement": conf.release.isoformat()},
        )
    )


def _probation_bound(record: Record, conviction: Conviction) -> str:
    """A probation period recorded for the conviction: said, not used. Its recorded start is
    not the sentencing date the Office counts from (the record need not date it from the day
    the sentence was imposed), so it does not date the wait."""
    starts = sorted(
        p.start
        for p in record.supervision
        if p.kind is SupervisionKind.probation
        and p.conviction_id is not None
        and p.conviction_id == conviction.id
        and p.start is not None
    )
    if not starts:
        return ""
    return (
        f" Probation is recorded from {starts[0].isoformat()}: that is not the sentencing date "
        "itself, so it does not date the wait."
    )


def _no_prison(clock: Clock, record: Record, i: int, conviction: Conviction, day: date) -> None:
    """With no prison sentence the wait runs from the conviction (28 CFR 1.2), which the
    Department's own explanation of the rule and its application form date from sentencing: where
    the record shows sentencing after the conviction date, the wait runs from sentencing, so no
    day is given before the one the Office uses. With neither the sentencing date nor the day
    the sentence was imposed recorded, the wait's start is a missing fact
    (``convictions[i].sentencing_date``): the conviction date is only the earliest it could be."""
    name = label(i, conviction)
    convicted = conviction.conviction_date
    if convicted is None:
        clock.missing.append(f"convictions[{i}].conviction_date")
        return
    years = int(value("clemency.pardon.waiting_period_years", on=day))
    imposed = conviction.sentence.imposed_on if conviction.sentence else None
    if (
        conviction.sentencing_date
        and imposed
        and conviction.sentencing_date != imposed
        and day < add_years(max(conviction.sentencing_date, imposed), years)
    ):
        # Two sentencing days, and the wait from the later is not over: the earlier may be
        # too early.
        clock.conflicts.append(
            f"{name} records sentencing on {conviction.sentencing_date.isoformat()} "
            f"(sentencing_date) and the sentence imposed on {imposed.isoformat()} "
            "(sentence.imposed_on): without prison the Office runs the wait from sentencing, "
            "and which day it was decides when the wait ends"
        )
        clock.conflict_paths += [
            f"convictions[{i}].sentencing_date",
            f"convictions[{i}].sentence.imposed_on",
        ]
    if conviction.sentencing_date is None and imposed is None:
        # The conviction date is the earliest the sentencing could be, not the day the Office
        # counts from: the wait's end cannot be dated.
        clock.missing.append(f"convictions[{i}].sentencing_date")
        clock.unsentenced.append((i, add_years(convicted, years)))
        clock.findings.append(
            say(
                f"{name}: no prison sentence, so the wait runs from the conviction (28 CFR 1.2), "
                "which the Office of the Pardon Attorney dates from sentencing; the sentencing "
                f"date is not recorded (convictions[{i}].sentencing_date, or "
                f"convictions[{i}].sentence.imposed_on). Counted from the verdict or plea "
                f"({convicted.isoformat()}) the wait would end no earlier than "
                f"{add_years(convicted, years).isoformat()}; when it ends depends on the day of "
                "sentencing." + _probation_bound(record, conviction),
                {
                    f"convictions[{i}].conviction_date": convicted.isoformat(),
                    f"convictions[{i}].sentencing_date": None,
                },
                citation=f"{CITATION}; Office of the Pardon Attorney, Pardon After Completion "
                "of Sentence",
                url=OFFICE_URL,
            )
        )
        return
    sentenced = max(d for d in (conviction.sentencing_date, imposed, convicted) if d is not None)
    if sentenced > convicted:
        clock.starts.append((i, sentenced))
        text = (
            f"{name}: no prison sentence, so the wait runs from the conviction (28 CFR 1.2), "
            "dated by the Office of the Pardon Attorney from sentencing "
            f"({sentenced.isoformat()}). "
            f"Counted from the verdict or plea ({convicted.isoformat()}) it would end on "
            f"{add_years(convicted, years).isoformat()}; a petition before "
            f"{add_years(sentenced, years).isoformat()} is a question for the Office."
        )
        used: dict[str, object] = {
            f"convictions[{i}].conviction_date": convicted.isoformat(),
            f"convictions[{i}].sentencing_date": sentenced.isoformat(),
        }
    else:
        clock.starts.append((i, convicted))
        text = (
            f"{name}: no prison sentence, so 28 CFR 1.2 runs the wait from the conviction "
            f"({convicted.isoformat()}); the Office of the Pardon Attorney dates it from "
            "sentencing."
        )
        used = {f"convictions[{i}].conviction_date": convicted.isoformat()}
    clock.findings.append(
        say(
            text,
            used,
            citation=f"{CITATION}; Office of the Pardon Attorney, Pardon After Completion "
            "of Sentence",
            url=OFFICE_URL,
        )
    )


def wait_clock(record: Record, day: date) -> Clock:
    """Every federal or D.C. conviction's start of the wait, with findings and missing facts."""
    clock = Clock()
    for i, conviction in indexed(record, day, *FEDERAL):
        conf = confinement(record, i, conviction, day)
        if conf.prison is None:
            clock.missing += conf.missing
            if conf.short:
                clock.findings.append(
                    say(f"{label(i, conviction)}: {conf.short}.", {p: None for p in conf.missing})
                )
        elif conf.prison and conf.contradiction:
            clock.findings += _commutation_findings(i, conviction, day)
            clock.conflicts.append(conf.contradiction)
            clock.conflict_paths += conf.missing
            clock.findings.append(say(f"{conf.contradiction}.", {p: None for p in conf.missing}))
        elif conf.prison:
            clock.findings += _commutation_findings(i, conviction, day)
            clock.confined = clock.confined or conf.confined_on_day
            clock.unsure += conf.unsure
            if conf.not_begun is not None:
                clock.not_begun = min(d for d in (clock.not_begun, conf.not_begun) if d)
            _release(clock, i, conviction, conf)
        elif conf.contradiction:
            clock.contradicted += conf.missing
            clock.findings.append(say(f"{conf.contradiction}.", {p: None for p in conf.missing}))
        else:
            _no_prison(clock, record, i, conviction, day)
    _unattributed_release(record, day, clock)
    return clock


def _unattributed_release(record: Record, day: date, clock: Clock) -> None:
    """Federal custody naming no conviction, with several federal/D.C. convictions: which
    sentence it served is not recorded. Where its end could be the latest release (it ends after
    the start found, or has no end), the date waits on ``custody[k].conviction_id``."""
    latest = clock.start()
    for k, period in unattributed_custody(record, day):
        if latest is None or period.end is None or period.end > latest:
            clock.missing.append(f"custody[{k}].conviction_id")
            clock.findings.append(
                say(
                    f"custody[{k}] ({period.kind.value.replace('_', ' ')}, ending "
                    f"{period.end.isoformat() if period.end else 'on a date not recorded'}) names "
                    "no conviction, and the record has several federal or D.C. convictions: "
                    "which sentence it served, and so whether it is the latest release from "
                    "confinement, is not recorded.",
                    {f"custody[{k}].conviction_id": None},
                )
            )


def later_state(record: Record, day: date, start: date) -> list[Finding]:
    """A state conviction entered after the wait's start, or on a date not recorded (it may be
    later): whether it restarts the wait is not settled by the texts encoded."""
    return [
        say(
            f"convictions[{i}] is a later {other.state} state conviction "
            f"({later.isoformat()}). The Office counts the wait from release for the most recent "
            "conviction, 'whether or not this is the offense for which pardon is sought', and the "
            "petition must disclose later convictions; whether a state conviction restarts the "
            "wait is not settled by the texts encoded, so the date is for review.",
            {f"convictions[{i}].conviction_date": later.isoformat()},
            citation="Office of the Pardon Attorney, pardon instructions",
            url=WAIVER_URL,
        )
        for i, other in enumerate(record.convictions)
        if other.jurisdiction is Jurisdiction.state
        and (later := other.conviction_date) is not None
        and start < later <= day
    ] + [
        say(
            f"convictions[{i}] is {with_article(other.state)} state conviction whose date is not "
            "recorded: it may be later than the start of the wait, and whether a later state "
            "conviction restarts the wait is not settled by the texts encoded, so the date is "
            "for review.",
            {f"convictions[{i}].conviction_date": None},
            citation="Office of the Pardon Attorney, pardon instructions",
            url=WAIVER_URL,
        )
        for i, other in enumerate(record.convictions)
        if other.jurisdiction is Jurisdiction.state and other.conviction_date is None
    ]


def state_confinement(
    record: Record, day: date, start: date, ends: date
) -> tuple[list[Finding], list[str]]:
    """State custody after the wait's start (ending after it, or with no end), begun by the day
    asked or by the end of the wait: 28 CFR 1.2 counts from "the release of the petitioner from
    confinement", not from release from federal confinement alone, and the Office counts from
    release for the most recent conviction, "whether or not this is the offense for which pardon
    is sought". A consecutive state term served after the federal release, or state custody for a
    conviction the record does not give, may move the start; whether it does is not settled by
    the texts encoded: for review. Returns the findings and the deciding facts (the conviction
    an unlinked period served, its end when open)."""
    findings: list[Finding] = []
    missing: list[str] = []
    for k, period in enumerate(record.custody):
        if period.kind is not CustodyKind.state_custody:
            continue
        if period.start is not None and period.start > max(day, ends):
            continue
        if period.end is not None and period.end <= start:
            continue
        paths: dict[str, object] = {f"custody[{k}].kind": period.kind.value}
        whose = f"for {period.conviction_id}"
        if period.conviction_id is None:
            whose = "naming no conviction"
            missing.append(f"custody[{k}].conviction_id")
            paths[f"custody[{k}].conviction_id"] = None
        if period.end is None:
            missing.append(f"custody[{k}].end")
            paths[f"custody[{k}].end"] = None
        began = period.start.isoformat() if period.start else "on a date not recorded"
        ended = f"to {period.end.isoformat()}" if period.end else "with no end recorded"
        findings.append(
            say(
                f"custody[{k}] is state custody {whose} (from {began} {ended}), after the "
                f"federal or D.C. release the wait runs from ({start.isoformat()}). 28 CFR 1.2 "
                "counts from 'the release of the petitioner from confinement', and the Office "
                "from release for the most recent conviction, 'whether or not this is the "
                "offense for which pardon is sought'; whether state confinement moves the start "
                "is not settled by the texts encoded, so the date is for review.",
                paths,
                citation=f"{CITATION}; Office of the Pardon Attorney, pardon instructions",
                url=WAIVER_URL,
            )
        )
    return findings, missing


def later_military(
    record: Record, day: date, start: date, years: int
) -> tuple[list[Finding], date]:
    """A court-martial conviction whose release from confinement (or, without prison, its
    conviction or later sentencing) is after the federal wait's start, or not recorded. The
    Office counts the wait from release for the most recent conviction, "whether or not this is
    the offense for which pardon is sought", and the President pardons court-martial convictions
    too: counting it, the wait ends later. Returns the findings and the latest end so counted
    (``start``'s end when none is later)."""
    findings: list[Finding] = []
    latest = start
    for i, conviction in indexed(record, day, Jurisdiction.military):
        conf = confinement(record, i, conviction, day)
        name = label(i, conviction)
        sentenced = conviction.sentencing_date or (
            conviction.sentence.imposed_on if conviction.sentence else None
        )
        if conf.prison and conf.release is not None:
            begins, how = conf.release, f"release from confinement {conf.release.isoformat()}"
        elif conf.prison is False and conviction.conviction_date is not None and sentenced:
            begins = max(conviction.conviction_date, sentenced)
            how = f"no confinement; convicted or sentenced {begins.isoformat()}"
        elif conf.prison is False and conviction.conviction_date is not None:
            # Without prison the Office dates the wait from sentencing; the conviction date is
            # only the earliest the sentencing could be.
            findings.append(
                say(
                    f"{name} is a court-martial conviction without confinement whose sentencing "
                    f"date is not recorded (convictions[{i}].sentencing_date): sentenced after "
                    f"{start.isoformat()}, it would be the most recent, from which the Office "
                    "counts the wait ('whether or not this is the offense for which pardon is "
                    "sought'), so the end of the wait is for review.",
                    {
                        f"convictions[{i}].conviction_date": (
                            conviction.conviction_date.isoformat()
                        ),
                        f"convictions[{i}].sentencing_date": None,
                    },
                    citation="Office of the Pardon Attorney, pardon instructions",
                    url=WAIVER_URL,
                )
            )
            continue
        else:
            findings.append(
                say(
                    f"{name} is a court-martial conviction whose release from confinement is not "
                    "recorded: it may be the most recent, from which the Office counts the wait "
                    "('whether or not this is the offense for which pardon is sought'), so the "
                    "end of the wait is for review.",
                    {path: None for path in conf.missing} or {f"{name}.conviction_date": None},
                    citation="Office of the Pardon Attorney, pardon instructions",
                    url=WAIVER_URL,
                )
            )
            continue
        if begins <= start:
            continue
        ends = add_years(begins, years)
        latest = max(latest, begins)
        findings.append(
            say(
                f"{name} is a later court-martial conviction ({how}). The Office counts the wait "
                "from release for the most recent conviction, 'whether or not this is the offense "
                f"for which pardon is sought': counting it, the wait ends {ends.isoformat()}, "
                f"not {add_years(start, years).isoformat()} — for review.",
                {
                    f"{name}.jurisdiction": "military",
                    "waiting_period_ends_counting_court_martial": ends.isoformat(),
                },
                citation="Office of the Pardon Attorney, pardon instructions",
                url=WAIVER_URL,
            )
        )
    return findings, add_years(latest, years)


def pardoned_later(day: date, start: date, without: date | None, years: int) -> Finding | None:
    """When a conviction already pardoned is the latest start and the two readings differ on
    ``day``: a finding showing both dates."""
    ends = add_years(start, years)
    if without is None or without >= start or day >= ends:
        return None
    return say(
        f"The latest start of the wait, {start.isoformat()}, belongs to a conviction already "
        f"pardoned: counting it, the wait ends {ends.isoformat()}; without it, it runs from "
        f"{without.isoformat()} and ends {add_years(without, years).isoformat()}. Counting a "
        "pardoned conviction is our inference from the Office's words ('your most recent "
        "conviction, whether or not this is the offense for which pardon is sought'), which do "
        "not address a conviction already pardoned: for review.",
        {
            "waiting_period_ends": ends.isoformat(),
            "waiting_period_ends_without_pardoned": add_years(without, years).isoformat(),
        },
        citation="Office of the Pardon Attorney, pardon instructions (inference)",
        url=WAIVER_URL,
    )


PENALTY_TEXT = (
    "the Office's older pardon instructions say 'the petitioner should have satisfied the "
    "penalty imposed, including all probation, parole, or supervised release'. That is a "
    "condition of the Office's instructions (known from a quotation), not of 28 CFR 1.2, which "
    "sets only the wait: a matter for review once the wait is over, not a bar"
)


def penalty(record: Record, day: date, open_ids: set[int]) -> tuple[bool, list[Finding]]:
    """A fine or restitution still owed (or not recorded as paid) on a conviction not pardoned:
    whether any is owed, and a finding for each."""
    owed = False
    findings: list[Finding] = []
    for i, conviction in indexed(record, day, *FEDERAL):
        if i not in open_ids:
            continue
        for p in penalties(i, conviction, day, record.unknown_paths):
            name = label(i, conviction)
            if p.owed is not None and p.owed > 0:
                owed = True
                text = f"{name}: {p.kind} of ${p.owed:,.2f} still owed; {PENALTY_TEXT}."
            elif p.owed is None and p.imposed is None:
                text = (
                    f"{name}: whether any {p.kind} is still owed is not known ({p.path}); "
                    f"{PENALTY_TEXT}."
                )
            elif p.owed is None:
                text = (
                    f"{name}: a {p.kind} of ${p.imposed or 0:,.2f} was imposed and whether it is "
                    f"paid is not recorded ({p.path}); {PENALTY_TEXT}."
                )
            else:
                continue
            findings.append(
                say(
                    text,
                    {p.path: p.owed},
                    citation="Office of the Pardon Attorney, pardon instructions (as quoted)",
                    url=WAIVER_URL,
                )
            )
    return owed, findings
