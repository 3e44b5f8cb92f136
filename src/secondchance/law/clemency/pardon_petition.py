"""clemency.pardon_petition: from which date a person may petition for a pardon (28 CFR 1.2).

No petition for pardon should be filed until at least five years after release from confinement
or, where no prison sentence was imposed, five years after the conviction. The Office of the
Pardon Attorney's page counts the no-prison case from sentencing instead; we encode the
regulation and show both dates. With several convictions the Office counts from release from
confinement for the most recent conviction, whether or not it is the one to be pardoned; the
Justice Manual puts it as five years after conviction or release from confinement, whichever is
later. We therefore start the clock on the latest of: each federal or D.C. conviction's release
from confinement, and the conviction date of each one that had no prison sentence — so a most
recent conviction without a prison term starts the clock on its conviction date, but never before
the last release from confinement.

The first eligible day is the fifth anniversary of the start: on it the person was released (or
convicted) "at least five years" before (the Office's application form). A waiver is rarely
granted, only in the most exceptional circumstances. "Generally" no petition while on probation,
parole or supervised release: that is ``needs_review``, not a bar; so is a fine or restitution
still owed once the wait is over (the Office's older instructions, as quoted: "the petitioner
should have satisfied the penalty imposed" — a condition of the instructions, not of 28 CFR
1.2). The rules are advisory
(28 CFR 1.11); whether a pardon is granted is the President's alone, and we never predict it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from secondchance.engine.determination import Determination, Finding, FindingRole, Outcome
from secondchance.engine.rules import ChangePoint, Context, Program, RuleVersion
from secondchance.law.clemency.facts import (
    FEDERAL,
    Confinement,
    add_years,
    confinement,
    indexed,
    label,
    penalties,
    shared_change_points,
    unattributed_custody,
    unsure_text,
)
from secondchance.law.clemency.grant_effect import commutation_effect, pardon_effect
from secondchance.law.clemency.january6 import JANUARY_6_GAP
from secondchance.law.clemency.marijuana_proclamations import proclamation_dates
from secondchance.law.clemency.pardoned import (
    other_categorical,
    pardoned_by,
    pardoned_counts,
    pardoned_on,
)
from secondchance.law.clemency.scope import (
    awaiting_facts,
    not_reached,
    split_treaty,
    treaty_finding,
)
from secondchance.law.clemency.where_to_file import where_to_file
from secondchance.law.parameters import value
from secondchance.law.sentence import counts
from secondchance.record.query import conviction_by_id, covers
from secondchance.record.schema import (
    Conviction,
    Jurisdiction,
    Record,
    SupervisionKind,
    SupervisionPeriod,
)

PROGRAM = "clemency.pardon_petition"
VERSION = "1993"
RULE_VERSION = f"{PROGRAM}@{VERSION}"
CITATION = "28 CFR 1.2"
URL = "https://www.ecfr.gov/current/title-28/chapter-I/part-1/section-1.2"
OFFICE_URL = "https://www.justice.gov/pardon/apply-pardon"
FORM_URL = "https://www.reginfo.gov/public/do/PRAViewICR?ref_nbr=202407-1123-001"
"""The application form's information collection (OMB 1123-0016) on reginfo.gov."""
WAIVER_URL = OFFICE_URL
"""The Office's pardon page; the waiver wording was read from a web-archive copy (see gaps)."""
ADVISORY_URL = "https://www.ecfr.gov/current/title-28/chapter-I/part-1/section-1.11"
SOURCE_GAPS = (
    "Source: the application form was read from a secondary copy of the information collection "
    "(omb.report); reginfo.gov's record of it is cited.",
    "Source: the waiver of the waiting period was read from a 2009 web-archive copy (University "
    "of North Texas) of the Office's former page (usdoj.gov/pardon/pardon_petition.htm); the "
    "Office's current pardon page is cited.",
)


def _finding(
    text: str,
    facts: dict[str, object] | None = None,
    citation: str = CITATION,
    url: str = URL,
    role: FindingRole = FindingRole.decisive,
) -> Finding:
    return Finding(
        finding=text,
        facts=dict(facts or {}),
        citation=citation,
        rule_version=RULE_VERSION,
        url=url,
        role=role,
    )


def _common(record: Record, day: date) -> list[Finding]:
    return [
        pardon_effect(RULE_VERSION),
        _finding(
            "Whether a pardon is granted is for the President alone; the Department's rules are "
            "advisory and this answer says only when a petition may be filed.",
            citation="28 CFR 1.11",
            url=ADVISORY_URL,
            role=FindingRole.background,
        ),
        *where_to_file(record, day, RULE_VERSION, "petition for pardon"),
    ]


def _supervision(record: Record, day: date) -> list[tuple[int, SupervisionPeriod]]:
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


def _supervision_finding(record: Record, on: date, k: int, period: SupervisionPeriod) -> Finding:
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
        return _finding(
            f"On {on.isoformat()} the person may be on {kind} (supervision[{k}], its start not "
            f"recorded, ending {ending}): if it has begun, generally no petition should be "
            "submitted while on probation, parole or supervised release — a matter for review, "
            "not a bar." + state,
            {f"supervision[{k}].kind": period.kind.value, f"supervision[{k}].start": None},
        )
    return _finding(
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
    not_begun: date | None = None
    unsure: list[str] = field(default_factory=list)
    """Custody starts not recorded: in confinement on the day, or not yet begun."""

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
        clock.findings.append(
            _finding(f"{name}: {conf.note}", citation=counts.CITATION, url=counts.URL)
        )
    if conf.release is None:
        clock.missing += conf.missing
        if conf.completed:
            clock.findings.append(
                _finding(
                    f"{name}: the record states the sentence completed "
                    f"(convictions[{i}].sentence.completed) but not the day of release from "
                    "confinement: the wait runs from that day, so its end cannot be dated.",
                    {f"convictions[{i}].sentence.completed": True},
                )
            )
        if conf.revocation:
            clock.findings.append(
                _finding(
                    f"{name}: a term of imprisonment imposed on revocation is further "
                    f"confinement; the wait runs from release from the last confinement, and "
                    f"that release is not recorded ({conf.source}).",
                    {path: None for path in conf.revocation},
                )
            )
        if conf.life:
            clock.findings.append(
                _finding(
                    f"{name}: a life sentence; no commutation with a release date is recorded."
                )
            )
        return
    clock.starts.append((i, conf.release))
    clock.findings.append(
        _finding(
            f"{name}: release from confinement {conf.release.isoformat()} ({conf.source}); the "
            "wait runs from release.",
            {f"{name}.release_from_confinement": conf.release.isoformat()},
        )
    )


def _no_prison(clock: Clock, i: int, conviction: Conviction, day: date) -> None:
    name = label(i, conviction)
    convicted = conviction.conviction_date
    if convicted is None:
        clock.missing.append(f"convictions[{i}].conviction_date")
        return
    clock.starts.append((i, convicted))
    years = int(value("clemency.pardon.waiting_period_years", on=day))
    text = (
        f"{name}: no prison sentence, so 28 CFR 1.2 runs the wait from the conviction "
        f"({convicted.isoformat()})."
    )
    sentenced = conviction.sentencing_date or (
        conviction.sentence.imposed_on if conviction.sentence else None
    )
    if sentenced is not None and sentenced != convicted:
        text += (
            " The Office of the Pardon Attorney's page runs it from sentencing "
            f"({sentenced.isoformat()}), which would end it on "
            f"{add_years(sentenced, years).isoformat()}; we follow the regulation."
        )
    else:
        text += (
            " (The Office of the Pardon Attorney's page says from the date of sentencing; "
            "the regulation says conviction.)"
        )
    clock.findings.append(
        _finding(
            text,
            {f"convictions[{i}].conviction_date": convicted.isoformat()},
            citation=f"{CITATION}; Office of the Pardon Attorney, Pardon After Completion "
            "of Sentence",
            url=OFFICE_URL,
        )
    )


def _clock(record: Record, day: date) -> Clock:
    """Every federal or D.C. conviction's start of the wait, with findings and missing facts."""
    clock = Clock()
    for i, conviction in indexed(record, day, *FEDERAL):
        conf = confinement(record, i, conviction, day)
        if conf.prison is None:
            clock.missing += conf.missing
        elif conf.prison:
            clock.findings += _commutation_findings(i, conviction, day)
            clock.confined = clock.confined or conf.confined_on_day
            clock.unsure += conf.unsure
            if conf.not_begun is not None:
                clock.not_begun = min(d for d in (clock.not_begun, conf.not_begun) if d)
            _release(clock, i, conviction, conf)
        else:
            _no_prison(clock, i, conviction, day)
    _unattributed(record, day, clock)
    return clock


def _unattributed(record: Record, day: date, clock: Clock) -> None:
    """Federal custody naming no conviction, with several federal/D.C. convictions: which
    sentence it served is not recorded. Where its end could be the latest release (it ends after
    the start found, or has no end), the date waits on ``custody[k].conviction_id``."""
    latest = clock.start()
    for k, period in unattributed_custody(record, day):
        if latest is None or period.end is None or period.end > latest:
            clock.missing.append(f"custody[{k}].conviction_id")
            clock.findings.append(
                _finding(
                    f"custody[{k}] ({period.kind.value.replace('_', ' ')}, ending "
                    f"{period.end.isoformat() if period.end else 'on a date not recorded'}) names "
                    "no conviction, and the record has several federal or D.C. convictions: "
                    "which sentence it served, and so whether it is the latest release from "
                    "confinement, is not recorded.",
                    {f"custody[{k}].conviction_id": None},
                )
            )


def _serving(clock: Clock, years: int, day: date) -> tuple[Finding, str]:
    """The finding and reason for a prison sentence being served, or not yet begun (``years``:
    the waiting period)."""
    if clock.confined:
        text = (
            "Still serving a prison sentence: a pardon petition comes after the sentence; "
            "the commutation petition is the form for a sentence being served."
        )
        reason = f"Still in confinement; the {years}-year wait runs from release"
    elif clock.unsure and not clock.not_begun:
        text = (
            f"{unsure_text(clock.unsure, day)}. Either way the prison sentence is not yet "
            f"served: a pardon petition comes after it; the {years}-year wait runs from release."
        )
        reason = (
            f"{unsure_text(clock.unsure, day)}; either way the prison sentence is not yet "
            f"served, and the {years}-year wait runs from release"
        )
    else:
        begins = clock.not_begun.isoformat() if clock.not_begun else "a later date"
        text = (
            f"The prison sentence is not yet served: custody begins {begins}. A pardon petition "
            f"comes after the sentence; the {years}-year wait runs from release."
        )
        reason = f"The prison sentence is not yet served; the {years}-year wait runs from release"
    finding = _finding(
        text,
        citation="Office of the Pardon Attorney, pardon application (OMB 1123-0016)",
        url=FORM_URL,
    )
    return finding, reason


def _pardoned_findings(
    record: Record, day: date, federal: list[tuple[int, Conviction]]
) -> tuple[list[tuple[int, Conviction]], list[Finding]]:
    """The convictions not wholly pardoned, and a finding for each pardon (whole or some counts)."""
    findings: list[Finding] = []
    open_federal = []
    for i, conviction in federal:
        grant = pardoned_by(record, i, conviction, day)
        if grant is not None:
            findings.append(
                _finding(
                    f"{label(i, conviction)} is already pardoned: {grant}. No petition is needed "
                    "for it.",
                    {f"convictions[{i}]": conviction.id or i},
                )
            )
            continue
        open_federal.append((i, conviction))
        some = [(j, name) for j, name in pardoned_counts(record, i, conviction, day) if name]
        if some:
            findings.append(
                _finding(
                    f"{label(i, conviction)}: "
                    + "; ".join(f"counts[{j}] is pardoned ({name})" for j, name in some)
                    + ". Its other counts are not, so the conviction still needs a petition.",
                    {f"convictions[{i}].counts[{j}]": name for j, name in some},
                )
            )
    return open_federal, findings


def evaluate(record: Record, day: date, ctx: Context) -> Determination:
    federal, foreign = split_treaty(indexed(record, day, *FEDERAL))
    military = indexed(record, day, Jurisdiction.military)
    if not federal and not military:
        return not_reached(PROGRAM, record, day, foreign, RULE_VERSION, "petition for pardon")
    open_federal, findings = _pardoned_findings(record, day, federal)
    if foreign:
        findings.append(treaty_finding(foreign, RULE_VERSION))
    awaiting = [(i, c) for i, c in open_federal if c.awaiting_sentencing]
    if awaiting:
        return _awaiting(awaiting, findings)
    review: list[str] = []
    for i, conviction in [*open_federal, *military]:
        other = other_categorical(record, conviction, day)
        if other is not None:
            review.append(
                f"{label(i, conviction)} may already be pardoned by {other.id}: {other.reason}"
            )
    if military:
        review.append(
            "a court-martial conviction: the petition goes to the Secretary of the military "
            "department, whose procedures are not encoded here (28 CFR 1.2 is the Justice "
            "Department's rule for petitions to the Pardon Attorney)"
        )
    if not open_federal and not military:
        return Determination(
            program=PROGRAM,
            outcome=Outcome.not_applicable,
            reason="Every federal and D.C. conviction is already pardoned.",
            findings=findings
            + [f for f in _common(record, day) if f.role is not FindingRole.where_to_file],
            pardoned_on=pardoned_on(record, federal, day),
        )
    clock = _clock(record, day)
    findings += clock.findings
    findings.append(
        _finding(
            "A waiver of any part of the waiting period is rarely granted, and then only in the "
            "most exceptional circumstances.",
            citation="Office of the Pardon Attorney, pardon petition instructions",
            url=WAIVER_URL,
            role=FindingRole.background,
        )
    )
    details: dict[str, object] = {}
    base = _base(record, day, clock, {i for i, _ in open_federal}, findings, details)
    findings += _common(record, day)
    if review and base.outcome is not Outcome.insufficient_facts:
        findings += [_finding(r[0].upper() + r[1:] + ".") for r in review]
        return base.model_copy(
            update={
                "outcome": Outcome.needs_review,
                "date": None,
                "reason": "Another authority or categorical pardon may decide this: "
                + "; ".join(review)
                + ".",
                "findings": findings,
                "details": details or None,
            }
        )
    return base.model_copy(update={"findings": findings, "details": details or None})


def _awaiting(awaiting: list[tuple[int, Conviction]], findings: list[Finding]) -> Determination:
    """A conviction not yet sentenced: no petition yet (28 CFR 1.2)."""
    names = ", ".join(label(i, c) for i, c in awaiting)
    findings.append(
        _finding(
            f"{names}: convicted and awaiting sentencing. 28 CFR 1.2: no petition for pardon "
            "should be filed until at least five years after release from confinement or, in "
            "case no prison sentence was imposed, at least five years after the conviction. "
            "Until sentence is imposed it is not known which applies, and the Office of the "
            "Pardon Attorney puts the wait after completion of sentence.",
            awaiting_facts(awaiting),
        )
    )
    return Determination(
        program=PROGRAM,
        outcome=Outcome.not_eligible,
        reason="Sentence has not been imposed: the five-year wait of 28 CFR 1.2 runs from "
        "release from confinement or, where no prison sentence is imposed, from conviction, and "
        "comes after the sentence is completed.",
        findings=findings,
    )


def _base(
    record: Record,
    day: date,
    clock: Clock,
    open_ids: set[int],
    findings: list[Finding],
    details: dict[str, object],
) -> Determination:
    """The answer from the clock, before other authorities and categorical pardons."""
    missing = sorted(set(clock.missing))
    start = clock.start()
    years = int(value("clemency.pardon.waiting_period_years", on=day))
    if not open_ids:
        return Determination(
            program=PROGRAM,
            outcome=Outcome.needs_review,
            reason="No federal or D.C. conviction is left to petition for (each is already "
            "pardoned, or there is none): a court-martial conviction's petition goes to the "
            "military department, whose procedures are not encoded here.",
        )
    if clock.serving and start is None:
        finding, reason = _serving(clock, years, day)
        findings.append(finding)
        return Determination(
            program=PROGRAM,
            outcome=Outcome.not_eligible,
            reason=f"{reason}, which is not recorded.",
            missing_facts=sorted(set(missing + clock.unsure)),
        )
    if missing:
        return Determination(
            program=PROGRAM,
            outcome=Outcome.insufficient_facts,
            reason=f"The date the {years}-year wait starts needs facts the record lacks.",
            missing_facts=missing,
        )
    if start is None:
        return Determination(
            program=PROGRAM,
            outcome=Outcome.insufficient_facts,
            reason="No release from confinement or conviction date is recorded.",
            missing_facts=["convictions[].conviction_date"],
        )
    return _after_clock(
        record, day, clock, start, clock.start(open_ids), findings, details, open_ids
    )


def _later_state(record: Record, day: date, start: date) -> list[Finding]:
    """A state conviction entered after the wait's start: whether it restarts the wait is not
    settled by the texts encoded."""
    return [
        _finding(
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
    ]


def _pardoned_later(day: date, start: date, without: date | None, years: int) -> Finding | None:
    """When a conviction already pardoned is the latest start and the two readings differ on
    ``day``: a finding showing both dates."""
    ends = add_years(start, years)
    if without is None or without >= start or day >= ends:
        return None
    return _finding(
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


def _after_clock(
    record: Record,
    day: date,
    clock: Clock,
    start: date,
    without: date | None,
    findings: list[Finding],
    details: dict[str, object],
    open_ids: set[int],
) -> Determination:
    years = int(value("clemency.pardon.waiting_period_years", on=day))
    ends = add_years(start, years)
    details.update(waiting_period_starts=start.isoformat(), waiting_period_ends=ends.isoformat())
    findings.append(
        _finding(
            f"The {years}-year wait runs from {start.isoformat()} (the latest release from "
            "confinement, or conviction without prison, on any federal or D.C. conviction) and "
            f"ends on its {years}th anniversary, {ends.isoformat()}: the first day a petition may "
            f"be filed, having been released or convicted at least {years} years before.",
            {"waiting_period_starts": start.isoformat(), "waiting_period_ends": ends.isoformat()},
        )
    )
    if clock.serving:
        finding, reason = _serving(clock, years, day)
        findings.append(finding)
        return Determination(
            program=PROGRAM,
            outcome=Outcome.not_eligible,
            reason=f"{reason}.",
            missing_facts=sorted(set(clock.unsure)),
            next_change=start if (clock.confined or clock.unsure) and start > day else None,
        )
    reviews = _wait_reviews(record, day, start, without, years, findings, details)
    supervised = _supervision(record, max(day, ends))
    begun = [(k, p) for k, p in supervised if p.start is not None]
    for k, period in begun[:1] or supervised:
        findings.append(_supervision_finding(record, max(day, ends), k, period))
    owed, penalty_findings = _penalty(record, day, open_ids)
    findings += penalty_findings
    if reviews:
        return Determination(
            program=PROGRAM,
            outcome=Outcome.needs_review,
            reason="When the wait ends is for review: " + "; ".join(reviews) + ".",
        )
    if day < ends:
        return Determination(
            program=PROGRAM,
            outcome=Outcome.eligible_from,
            date=ends,
            reason=f"The {years}-year waiting period ends on {ends.isoformat()}.",
        )
    return _wait_over(years, ends, supervised, begun, owed)


def _wait_reviews(
    record: Record,
    day: date,
    start: date,
    without: date | None,
    years: int,
    findings: list[Finding],
    details: dict[str, object],
) -> list[str]:
    """Why the end of the wait is for review: it counts a conviction already pardoned, or a
    later state conviction may restart it (each with its finding)."""
    reviews: list[str] = []
    ends = add_years(start, years)
    pardoned = _pardoned_later(day, start, without, years)
    if pardoned is not None:
        findings.append(pardoned)
        assert without is not None
        details["waiting_period_ends_without_pardoned"] = add_years(without, years).isoformat()
        reviews.append(
            f"the wait ends {ends.isoformat()} counting a conviction already pardoned, "
            f"{add_years(without, years).isoformat()} without it"
        )
    state = _later_state(record, day, start)
    findings += state
    if state:
        reviews.append("a later state conviction may restart the wait")
    return reviews


def _wait_over(
    years: int,
    ends: date,
    supervised: list[tuple[int, SupervisionPeriod]],
    begun: list[tuple[int, SupervisionPeriod]],
    owed: bool,
) -> Determination:
    """The answer once the wait is over: supervision that runs (or may run) and a penalty
    still owed are for review; otherwise a petition may be filed."""
    if supervised and not begun and not owed:
        starts = [f"supervision[{k}].start" for k, _ in supervised]
        return Determination(
            program=PROGRAM,
            outcome=Outcome.insufficient_facts,
            reason="The wait is over, but whether the person is on probation, parole or "
            "supervised release (generally no petition then) turns on when the supervision "
            "began, which is not recorded.",
            missing_facts=starts,
        )
    if supervised or owed:
        end = (begun or supervised)[0][1].end if supervised else None
        why = []
        if begun:
            why.append("generally no petition while on probation, parole or supervised release")
        elif supervised:
            why.append(
                "the person may be on probation, parole or supervised release (its start is not "
                "recorded), and generally no petition is submitted then"
            )
        if owed:
            why.append(
                "a fine or restitution is still owed, and the Office's instructions say the "
                "petitioner should have satisfied the penalty imposed"
            )
        return Determination(
            program=PROGRAM,
            outcome=Outcome.needs_review,
            reason="The wait is over, but " + "; and ".join(why) + ".",
            next_change=end + timedelta(days=1) if end and not owed else None,
        )
    return Determination(
        program=PROGRAM,
        outcome=Outcome.eligible,
        reason=f"The {years}-year waiting period ended on {ends.isoformat()}; a petition may be "
        "filed.",
    )


PENALTY_TEXT = (
    "the Office's older pardon instructions say 'the petitioner should have satisfied the "
    "penalty imposed, including all probation, parole, or supervised release'. That is a "
    "condition of the Office's instructions (known from a quotation), not of 28 CFR 1.2, which "
    "sets only the wait: a matter for review once the wait is over, not a bar"
)


def _penalty(record: Record, day: date, open_ids: set[int]) -> tuple[bool, list[Finding]]:
    """A fine or restitution still owed (or not recorded as paid) on a conviction not pardoned:
    whether any is owed, and a finding for each."""
    owed = False
    findings: list[Finding] = []
    for i, conviction in indexed(record, day, *FEDERAL):
        if i not in open_ids:
            continue
        for p in penalties(i, conviction, day):
            name = label(i, conviction)
            if p.owed is not None and p.owed > 0:
                owed = True
                text = f"{name}: {p.kind} of ${p.owed:,.2f} still owed; {PENALTY_TEXT}."
            elif p.owed is None:
                text = (
                    f"{name}: a {p.kind} of ${p.imposed or 0:,.2f} was imposed and whether it is "
                    f"paid is not recorded ({p.path}); {PENALTY_TEXT}."
                )
            else:
                continue
            findings.append(
                _finding(
                    text,
                    {p.path: p.owed},
                    citation="Office of the Pardon Attorney, pardon instructions (as quoted)",
                    url=WAIVER_URL,
                )
            )
    return owed, findings


_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _years(years: int) -> str:
    return f"{_NUMBERS[years] if 0 <= years < len(_NUMBERS) else years} years"


def change_points(record: Record, ctx: Context) -> list[ChangePoint]:
    """Anniversaries of the wait (from release, or conviction without prison), releases,
    supervision ending, grant dates, proclamations: each with why that day."""
    years = int(value("clemency.pardon.waiting_period_years", on=ctx.as_of))
    points: list[ChangePoint] = []
    for i, conviction in indexed(record, date.max, *FEDERAL):
        conf = confinement(record, i, conviction, date.max)
        if conf.release:
            points += [
                (conf.release, "release from confinement"),
                (add_years(conf.release, years), f"{_years(years)} after release from confinement"),
            ]
        if conviction.conviction_date:
            points.append(
                (add_years(conviction.conviction_date, years), f"{_years(years)} after conviction")
            )
    points += shared_change_points(record)
    points += proclamation_dates(ctx.as_of)
    return points


PROGRAM_DEF = Program(
    id=PROGRAM,
    title="Petition for pardon (28 CFR 1.2)",
    versions=(
        RuleVersion(
            program=PROGRAM,
            version=VERSION,
            title="Five years after release from confinement (or conviction without prison)",
            citation=CITATION,
            url=URL,
            evaluate=evaluate,
            effective_from=None,
            known_gaps=(
                "28 CFR 1.2 assembled from two quotations; §§ 1.4-1.10 not retrieved.",
                "Whether a later state conviction restarts the wait is not stated: only federal "
                "and D.C. convictions start the clock here, and a later state conviction makes "
                "the date needs_review.",
                "Whether a conviction already pardoned restarts the wait is not stated: counting "
                "it is an inference, and where it is the latest the answer is needs_review with "
                "both dates.",
                JANUARY_6_GAP,
                *SOURCE_GAPS,
            ),
            sources=(URL, OFFICE_URL, FORM_URL),
        ),
    ),
    change_points=change_points,
)
