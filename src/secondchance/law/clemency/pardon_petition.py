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

The fifth anniversary of the start is for review: 28 CFR 1.2 says no petition "until the
expiration of" a period of at least five years "after the date of the release" (counted after that
date, it runs through the anniversary), while the Office's page starts the period "on the date of
the petitioner's release" and its form asks for a release "at least five years ago" (the
anniversary qualifies). The first day every text allows is the day after the anniversary. A
waiver is rarely granted, only in the most exceptional circumstances. "Generally" no petition
while on probation, parole or supervised release: that is ``needs_review``, not a bar; so is a
fine or restitution still owed once the wait is over (the Office's older instructions, as
quoted: "the petitioner should have satisfied the penalty imposed" — a condition of the
instructions, not of 28 CFR 1.2). The rules are advisory
(28 CFR 1.11); whether a pardon is granted is the President's alone, and we never predict it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from secondchance.engine.determination import Determination, Finding, FindingRole, Outcome
from secondchance.engine.overrule import overrule
from secondchance.engine.rules import ChangePoint, Context, Program
from secondchance.law.clemency.facts import (
    FEDERAL,
    ImposedSupervision,
    add_years,
    confinement,
    contradicted_pardons,
    indexed,
    label,
    penalties,
    shared_change_points,
    unrecorded_supervised_release,
    unsure_text,
    with_article,
)
from secondchance.law.clemency.grant_effect import pardon_effect
from secondchance.law.clemency.marijuana_proclamations import proclamation_dates
from secondchance.law.clemency.pardon_sources import (
    ADVISORY_URL,
    BOOK_KEY,
    FORM_URL,
    PROGRAM,
    RULE_VERSION,
    WAIVER_URL,
    say,
)
from secondchance.law.clemency.pardon_wait import (
    Clock,
    later_military,
    later_state,
    pardoned_later,
    penalty,
    state_confinement,
    supervision_finding,
    supervision_on,
    wait_clock,
)
from secondchance.law.clemency.pardoned import (
    doubtful_pardons,
    grant_doubt_tests,
    other_categorical,
    pardoned_by,
    pardoned_counts,
    pardoned_on,
    unapplied_grants,
)
from secondchance.law.clemency.pending_charges import open_charges
from secondchance.law.clemency.scope import (
    awaiting_facts,
    not_reached,
    split_treaty,
    treaty_finding,
)
from secondchance.law.clemency.where_to_file import where_to_file
from secondchance.law.declarative import (
    Answer,
    Rule,
    Shown,
    Step,
    Test,
    Verdict,
    always,
    decide,
    once,
)
from secondchance.law.early_termination import TooSoon, too_soon_all
from secondchance.law.parameters import value
from secondchance.law.rule_book import rule_fields
from secondchance.record.query import awaiting_sentencing
from secondchance.record.schema import (
    Conviction,
    Jurisdiction,
    Record,
    SupervisionPeriod,
)

# Findings with no facts are built once: nothing changes a finding in place (the engine copies
# one to change it).
ADVISORY = say(
    "Whether a pardon is granted is for the President alone; the Department's rules are "
    "advisory and this answer says only when a petition may be filed.",
    citation="28 CFR 1.11",
    url=ADVISORY_URL,
    role=FindingRole.background,
)
PARDON_EFFECT = pardon_effect(RULE_VERSION)


def _common(record: Record, day: date) -> list[Finding]:
    return [
        PARDON_EFFECT,
        ADVISORY,
        *where_to_file(record, day, RULE_VERSION, "petition for pardon"),
    ]


def _not_yet_served(clock: Clock, years: int, day: date) -> tuple[Finding, str]:
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
    finding = say(
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
                say(
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
                say(
                    f"{label(i, conviction)}: "
                    + "; ".join(f"counts[{j}] is pardoned ({name})" for j, name in some)
                    + ". Its other counts are not, so the conviction still needs a petition.",
                    {f"convictions[{i}].counts[{j}]": name for j, name in some},
                )
            )
    findings += [say(u + ".") for u in unapplied_grants(record, day)]
    return open_federal, findings


@dataclass
class Facts:
    """What the tests read: the convictions open to a petition, the clock of the wait, and the
    conditions derived from them (each named once, for deciding and explaining alike)."""

    record: Record
    day: date
    open_ids: set[int]
    clock: Clock
    findings: list[Finding]
    review: list[str] = field(default_factory=list)
    """Another authority or categorical pardon that may decide (an exception to every answer
    but insufficient facts)."""
    contradicted: list[str] = field(default_factory=list)
    """Pardons naming a conviction recorded after the grant: the record contradicts itself."""
    doubtful: list[tuple[str, list[str]]] = field(default_factory=list)
    """Pardons whose reach over a conviction the record leaves open, with the deciding paths
    (``pardoned.doubtful_pardons``)."""

    years: int = field(init=False)
    """The waiting period (``clemency.pardon.waiting_period_years``)."""
    missing: list[str] = field(init=False)
    """Facts the start of the wait needs and the record lacks."""
    start: date | None = field(init=False)
    """The latest start of the wait, over every federal or D.C. conviction."""
    without: date | None = field(init=False)
    """The latest start over the convictions not already pardoned."""

    def __post_init__(self) -> None:
        self.years = int(value("clemency.pardon.waiting_period_years", on=self.day))
        self.missing = sorted(set(self.clock.missing))
        self.start = self.clock.start()
        self.without = self.clock.start(self.open_ids)

    @once
    def ends(self) -> date:
        assert self.start is not None
        return add_years(self.start, self.years)

    @once
    def pardoned_later(self) -> Finding | None:
        """A conviction already pardoned is the latest start, and the readings differ."""
        assert self.start is not None
        return pardoned_later(self.day, self.start, self.without, self.years)

    @once
    def later_state(self) -> list[Finding]:
        assert self.start is not None
        return later_state(self.record, self.day, self.start)

    @once
    def state_custody(self) -> tuple[list[Finding], list[str]]:
        """State confinement after the wait's start, and the facts that would decide it."""
        assert self.start is not None
        return state_confinement(self.record, self.day, self.start, self.ends)

    @once
    def later_military(self) -> tuple[list[Finding], date]:
        """Later court-martial convictions, and the end of the wait counting them."""
        assert self.start is not None
        return later_military(self.record, self.day, self.start, self.years)

    @once
    def reviews(self) -> list[str]:
        """Why the end of the wait is for review."""
        reviews: list[str] = []
        if self.pardoned_later is not None:
            assert self.without is not None
            reviews.append(
                f"the wait ends {self.ends.isoformat()} counting a conviction already pardoned, "
                f"{add_years(self.without, self.years).isoformat()} without it"
            )
        if self.later_military[0]:
            reviews.append("a later court-martial conviction may be the most recent")
        if self.later_state:
            reviews.append(
                "a later state conviction (or one whose date is not recorded) may restart the wait"
            )
        if self.state_custody[0]:
            reviews.append(
                "state custody after the release may be the release from confinement the wait "
                "runs from"
            )
        reviews += [
            doubt.why() + " (a revocation may instead have ended it, and the release from any "
            "term it imposed would start the wait later, 18 U.S.C. 3583(e)(3), 3565)"
            for doubt in self.early_ends
        ]
        return reviews

    @once
    def early_ends(self) -> tuple[TooSoon, ...]:
        """Supervision recorded as ended early sooner than the law allows
        (``law.early_termination``): the release the wait runs from, and whether the person is
        still on supervision, rest on that end."""
        return too_soon_all(self.record)

    @once
    def supervised(self) -> list[tuple[int, SupervisionPeriod]]:
        """Supervision on the day asked, or on the end of the wait if later."""
        return supervision_on(self.record, max(self.day, self.ends))

    @once
    def imposed(self) -> list[ImposedSupervision]:
        """Supervised release the sentence imposed, with no supervision recorded, that may run
        on the day asked or on the end of the wait if later (the commutation petition's
        reading too)."""
        on = max(self.day, self.ends)
        found = []
        for i, release in sorted(self.clock.releases.items()):
            conviction = self.record.convictions[i]
            term = unrecorded_supervised_release(self.record, i, conviction, release, on)
            if term is not None:
                found.append(term)
        return found

    @once
    def begun(self) -> list[tuple[int, SupervisionPeriod]]:
        return [(k, p) for k, p in self.supervised if p.start is not None]

    @once
    def penalty(self) -> tuple[bool, list[Finding]]:
        """Whether a fine or restitution is owed, with a finding for each recorded."""
        return penalty(self.record, self.day, self.open_ids)

    @property
    def owed(self) -> bool:
        return self.penalty[0]

    @once
    def unpaid_unknown(self) -> list[str]:
        """The ``..._owed`` paths of a fine or restitution imposed (on a conviction not pardoned)
        whose payment is not recorded, or whose amount owed the record states unknown: owed, it
        would make the answer needs_review."""
        return [
            p.path
            for i, conviction in indexed(self.record, self.day, *FEDERAL)
            if i in self.open_ids
            for p in penalties(i, conviction, self.day, self.record.unknown_paths)
            if p.owed is None
        ]

    def details(self, reached_wait: bool) -> dict[str, object]:
        """The dates of the wait, once the answer reads them."""
        if not reached_wait:
            return {}
        assert self.start is not None
        details: dict[str, object] = {
            "waiting_period_starts": self.start.isoformat(),
            "waiting_period_ends": self.ends.isoformat(),
        }
        counted = self.later_military[1]
        if counted > self.ends:
            details["waiting_period_ends_counting_court_martial"] = counted.isoformat()
        if not self.clock.serving and self.pardoned_later is not None:
            assert self.without is not None
            details["waiting_period_ends_without_pardoned"] = add_years(
                self.without, self.years
            ).isoformat()
        return details


def _convictions_open(record: Record, day: date) -> Facts | Determination:
    """The federal, D.C. and court-martial convictions: those already pardoned, awaiting
    sentencing, or for another authority set apart; the clock of the wait for the rest."""
    federal, foreign = split_treaty(indexed(record, day, *FEDERAL))
    military = indexed(record, day, Jurisdiction.military)
    if not federal and not military:
        return not_reached(PROGRAM, record, day, foreign, RULE_VERSION, "petition for pardon")
    open_federal, findings = _pardoned_findings(record, day, federal)
    if foreign:
        findings.append(treaty_finding(foreign, RULE_VERSION))
    awaiting = [(i, c) for i, c in open_federal if awaiting_sentencing(c, day)]
    if awaiting:
        return _awaiting(awaiting, findings)
    if not open_federal and not military:
        return Determination(
            program=PROGRAM,
            outcome=Outcome.not_applicable,
            reason="Every federal and D.C. conviction is already pardoned.",
            findings=findings
            + [f for f in _common(record, day) if f.role is not FindingRole.where_to_file],
            pardoned_on=pardoned_on(record, federal, day),
        )
    clock = wait_clock(record, day)
    findings += clock.findings
    findings.append(WAIVER)
    review = _other_authority(record, day, open_federal, military)
    contradicted = contradicted_pardons(record, federal, day)
    findings += [say(c[0].upper() + c[1:] + ".") for c in contradicted]
    doubtful = doubtful_pardons(record, open_federal, day)
    findings += [say(c[0].upper() + c[1:] + ".") for c, _ in doubtful]
    findings += _pending_charges(record, day)
    return Facts(
        record, day, {i for i, _ in open_federal}, clock, findings, review, contradicted, doubtful
    )


_CHARGE_COURTS = {
    Jurisdiction.federal: "a federal charge",
    Jurisdiction.dc: "a D.C. Code charge",
    Jurisdiction.military: "a court-martial charge",
}


def _pending_charges(record: Record, day: date) -> list[Finding]:
    """A charge pending on ``day`` (federal, D.C., court-martial or state) does not bar a
    petition (28 CFR 1.2 counts the wait from release or conviction only), but the Office's
    application form asks about the applicant's criminal history, pending charges included, and
    the Office weighs it: a finding for each, saying it must be disclosed; the outcome stands."""
    found = []
    for k, charge in open_charges(record, day):
        what = _CHARGE_COURTS.get(charge.jurisdiction) or (
            f"{with_article(charge.state)} state charge" if charge.state else "a state charge"
        )
        filed = f", filed {charge.filed_on.isoformat()}" if charge.filed_on else ""
        found.append(
            say(
                f"pending_charges[{k}] ({what}{filed}) is recorded as pending on "
                f"{day.isoformat()}. A pending charge does not bar a petition (28 CFR 1.2 counts "
                "the wait from release or conviction only), but the Office's application form "
                "asks about criminal history beyond the conviction, pending charges included, "
                "and the Office weighs it: the charge must be disclosed on the form.",
                {
                    f"pending_charges[{k}].jurisdiction": charge.jurisdiction.value,
                    f"pending_charges[{k}].filed_on": (
                        charge.filed_on.isoformat() if charge.filed_on else None
                    ),
                },
                citation="Office of the Pardon Attorney, pardon application (OMB 1123-0016)",
                url=FORM_URL,
            )
        )
    return found


WAIVER = say(
    "A waiver of any part of the waiting period is rarely granted, and then only in the most "
    "exceptional circumstances.",
    citation="Office of the Pardon Attorney, pardon petition instructions",
    url=WAIVER_URL,
    role=FindingRole.background,
)


def _other_authority(
    record: Record,
    day: date,
    open_federal: list[tuple[int, Conviction]],
    military: list[tuple[int, Conviction]],
) -> list[str]:
    """Another categorical pardon that may cover a conviction, and a court-martial conviction
    (its petition goes to the military department)."""
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
    return review


def _finish(f: Facts, base: Determination) -> Determination:
    """Another authority or categorical pardon that may decide makes any answer but
    insufficient facts ``needs_review``."""
    if not f.review or base.outcome is Outcome.insufficient_facts:
        return base
    return overrule(
        base,
        Outcome.needs_review,
        "Another authority or categorical pardon may decide this: " + "; ".join(f.review) + ".",
        findings=base.findings + [say(r[0].upper() + r[1:] + ".") for r in f.review],
    )


def _reached_wait(f: Facts) -> bool:
    """The answer reads the wait's dates: a conviction is open and its start is known."""
    return bool(f.open_ids) and not f.missing and f.start is not None


def _awaiting(awaiting: list[tuple[int, Conviction]], findings: list[Finding]) -> Determination:
    """A conviction not yet sentenced: no petition yet (28 CFR 1.2)."""
    names = ", ".join(label(i, c) for i, c in awaiting)
    findings.append(
        say(
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


def _supervision_findings(f: Facts) -> list[Finding]:
    on = max(f.day, f.ends)
    found = [supervision_finding(f.record, on, k, p) for k, p in f.begun[:1] or f.supervised]
    return found + [
        say(
            f"{term.text}: generally no petition should be submitted while on probation, "
            "parole or supervised release — a matter for review, not a bar.",
            {"supervision[]": None},
        )
        for term in f.imposed
    ]


def _wait_shown(f: Facts) -> list[Finding]:
    return [
        say(
            f"The {f.years}-year wait runs from {f.start} (the latest release from "
            "confinement, or conviction without prison, on any federal or D.C. conviction) and "
            f"ends on its {f.years}th anniversary, {f.ends.isoformat()}. On the anniversary "
            "itself the texts differ (28 CFR 1.2: 'until the expiration of' the period; the "
            f"Office's form: 'at least five years ago'); from "
            f"{(f.ends + timedelta(days=1)).isoformat()} the wait is over on every reading.",
            {"waiting_period_starts": str(f.start), "waiting_period_ends": f.ends.isoformat()},
        )
    ]


def _unrecorded(clock: Clock) -> str:
    """Why the release is not recorded: on a life term, only a grant or a court ends it."""
    if clock.life:
        return (
            ", which on a life sentence comes only by commutation, a sentence reduction or, for "
            "an offense old enough, parole."
        )
    return ", which is not recorded."


def _serving_answer(f: Facts, missing: list[str], suffix: str) -> Answer:
    finding, reason = _not_yet_served(f.clock, f.years, f.day)
    return Answer(f"{reason}{suffix}", [finding], missing=sorted(set(missing)))


def _still_serving(f: Facts) -> Answer:
    answer = _serving_answer(f, f.clock.unsure, ".")
    assert f.start is not None
    later = (f.clock.confined or f.clock.unsure) and f.start > f.day
    return replace(answer, next_change=f.start if later else None)


def _supervision_or_penalty(f: Facts) -> Answer:
    last_days: list[date | None] = []  # the last day of each supervision (None: not known)
    if f.supervised:
        last_days.append((f.begun or f.supervised)[0][1].end)
    last_days += [t.ends - timedelta(days=1) if t.ends else None for t in f.imposed]
    end = None if not last_days or None in last_days else max(d for d in last_days if d)
    why = []
    if f.begun:
        why.append("generally no petition while on probation, parole or supervised release")
    elif f.supervised:
        why.append(
            "the person may be on probation, parole or supervised release (its start is not "
            "recorded), and generally no petition is submitted then"
        )
    if f.imposed:
        why.append(
            "a supervised release term the sentence imposed may still be running (no "
            "supervision period is recorded for it)"
        )
    if f.owed:
        why.append(
            "a fine or restitution is still owed, and the Office's instructions say the "
            "petitioner should have satisfied the penalty imposed"
        )
    return Answer(
        "The wait is over, but " + "; and ".join(why) + ".",
        next_change=end + timedelta(days=1) if end and not f.owed else None,
    )


def _contradicted(f: Facts) -> list[str]:
    return f.contradicted


def _doubtful(f: Facts) -> list[tuple[str, list[str]]]:
    return f.doubtful


STEPS: tuple[Step[Facts], ...] = (
    Test(
        "no federal or D.C. conviction is left to petition for",
        Verdict.review,
        holds=lambda f: not f.open_ids,
        answer=lambda f: Answer(
            "No federal or D.C. conviction is left to petition for (each is already "
            "pardoned, or there is none): a court-martial conviction's petition goes to the "
            "military department, whose procedures are not encoded here."
        ),
    ),
    *grant_doubt_tests(
        _contradicted, _doubtful, "whether the conviction is pardoned and when the wait runs"
    ),
    Test(
        "the record contradicts itself on a release from confinement",
        Verdict.review,
        holds=lambda f: bool(f.clock.conflicts),
        answer=lambda f: Answer(
            "The record contradicts itself: " + "; ".join(f.clock.conflicts) + f". The "
            f"{f.years}-year wait runs from release from confinement, or from conviction where "
            "no prison sentence was imposed (28 CFR 1.2), so when it ends is for review.",
            missing=sorted(set(f.clock.conflict_paths)),
        ),
    ),
    Test(
        "the prison sentence is not yet served, and its release is not recorded",
        Verdict.bars,
        holds=lambda f: f.clock.serving and f.start is None,
        answer=lambda f: _serving_answer(f, f.missing + f.clock.unsure, _unrecorded(f.clock)),
    ),
    Test(
        "a sentence without prison, but custody recorded after the conviction",
        Verdict.review,
        holds=lambda f: bool(f.clock.contradicted),
        answer=lambda f: Answer(
            "The record contradicts itself: a sentence without prison, yet custody serving a "
            "sentence recorded after the conviction (perhaps a revocation not recorded). "
            f"Whether the {f.years}-year wait runs from the conviction or from release from "
            "that custody is for review.",
            missing=sorted(set(f.clock.contradicted)),
        ),
    ),
    Test(
        "the wait cannot be over yet: a conviction without prison, its sentencing not recorded",
        Verdict.bars,
        holds=lambda f: any(end > f.day for _, end in f.clock.unsentenced),
        answer=lambda f: Answer(
            f"The {f.years}-year wait is not over: without prison it runs from sentencing, "
            "which is not recorded but came no earlier than the conviction, so it ends no "
            f"earlier than {max(end for _, end in f.clock.unsentenced).isoformat()}; the day "
            "it ends depends on the sentencing date.",
            missing=f.missing,
        ),
    ),
    Test(
        "the start of the wait needs facts the record lacks",
        Verdict.unknown,
        holds=lambda f: bool(f.missing),
        answer=lambda f: Answer(
            f"The date the {f.years}-year wait starts needs facts the record lacks.",
            missing=f.missing,
        ),
    ),
    Test(
        "no release from confinement or conviction date is recorded",
        Verdict.unknown,
        holds=lambda f: f.start is None,
        answer=lambda f: Answer(
            "No release from confinement or conviction date is recorded.",
            missing=["convictions[].conviction_date"],
        ),
    ),
    Shown("the wait: from the latest start to its anniversary", _wait_shown),
    Test(
        "still serving the prison sentence (or not yet begun)",
        Verdict.bars,
        holds=lambda f: f.clock.serving,
        answer=_still_serving,
    ),
    Shown(
        "a pardoned or later state conviction, supervision, a penalty owed",
        lambda f: [
            *([f.pardoned_later] if f.pardoned_later else []),
            *f.later_state,
            *f.state_custody[0],
            *f.later_military[0],
            *_supervision_findings(f),
            *f.penalty[1],
        ],
    ),
    Test(
        "when the wait ends is for review",
        Verdict.review,
        holds=lambda f: bool(f.reviews),
        answer=lambda f: Answer(
            "When the wait ends is for review: " + "; ".join(f.reviews) + ".",
            missing=[
                f"convictions[{i}].conviction_date"
                for i, c in enumerate(f.record.convictions)
                if c.jurisdiction is Jurisdiction.state and c.conviction_date is None
            ]
            + f.state_custody[1]
            + [p for doubt in f.early_ends for p in doubt.paths()],
        ),
    ),
    Test(
        "the wait is not over",
        Verdict.clear,
        holds=lambda f: f.day < f.ends,
        answer=lambda f: Answer(
            f"The {f.years}-year waiting period ends on {f.ends.isoformat()}; a petition is "
            f"clearly timely from {(f.ends + timedelta(days=1)).isoformat()} (on the "
            "anniversary itself the texts differ).",
            eligible_from=f.ends + timedelta(days=1),
        ),
    ),
    Test(
        "the anniversary itself: whether the wait has expired is unclear",
        Verdict.review,
        holds=lambda f: f.day == f.ends,
        answer=lambda f: Answer(ANNIVERSARY.format(day=f.ends.isoformat(), years=f.years)),
    ),
    Test(
        "supervision may cover the day, its start not recorded",
        Verdict.unknown,
        holds=lambda f: bool(f.supervised) and not f.begun and not f.owed and not f.imposed,
        answer=lambda f: Answer(
            "The wait is over, but whether the person is on probation, parole or "
            "supervised release (generally no petition then) turns on when the supervision "
            "began, which is not recorded.",
            missing=[f"supervision[{k}].start" for k, _ in f.supervised],
        ),
    ),
    Test(
        "whether a fine or restitution is still owed is not recorded",
        Verdict.unknown,
        holds=lambda f: bool(f.unpaid_unknown) and not (f.supervised or f.owed or f.imposed),
        answer=lambda f: Answer(
            "The wait is over, but whether a fine or restitution is still owed is not "
            "recorded: owed, the Office's instructions say the petitioner should have satisfied "
            "the penalty imposed (a matter for review).",
            missing=f.unpaid_unknown,
        ),
    ),
    Test(
        "on probation, parole or supervised release, or a fine or restitution owed",
        Verdict.review,
        holds=lambda f: bool(f.supervised) or f.owed or bool(f.imposed),
        answer=_supervision_or_penalty,
    ),
    Test[Facts](
        "the wait is over",
        Verdict.clear,
        holds=always,
        answer=lambda f: Answer(
            f"The {f.years}-year waiting period ended on {f.ends.isoformat()}; a petition may "
            "be filed."
        ),
    ),
)


ANNIVERSARY = (
    "{day} is the {years}th anniversary of the start of the wait, and the texts differ on "
    "whether a petition may be filed on it: 28 CFR 1.2 says none should be filed 'until the "
    "expiration of a waiting period of at least five years after the date of the release' "
    "(counted after that date, the period runs through the anniversary and expires at its end), "
    "while the Office's page says the period 'begins on the date of the petitioner's release' "
    "and its application form asks for a release 'at least five years ago' (the anniversary "
    "itself). Filing on the anniversary is a question for the Office; from the next day the "
    "wait is over on every reading."
)
"""Why the anniversary itself is for review (28 CFR 1.2; the Office's page and form)."""


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
            ends = add_years(conf.release, years)
            points += [
                (conf.release, "release from confinement"),
                (ends, f"{_years(years)} after release from confinement"),
                (ends + timedelta(days=1), "the day after the anniversary of the release"),
            ]
        if conviction.conviction_date:
            ends = add_years(conviction.conviction_date, years)
            points += [
                (ends, f"{_years(years)} after conviction"),
                (ends + timedelta(days=1), "the day after the anniversary of the conviction"),
            ]
        sentenced = conviction.sentencing_date or (
            conviction.sentence.imposed_on if conviction.sentence else None
        )
        if sentenced:
            ends = add_years(sentenced, years)
            points += [
                (ends, f"{_years(years)} after sentencing"),
                (ends + timedelta(days=1), "the day after the anniversary of sentencing"),
            ]
    points += shared_change_points(record)
    points += proclamation_dates(ctx.as_of)
    return points


RULE: Rule[Facts] = Rule(
    **rule_fields(BOOK_KEY),
    summary="No petition for pardon until five years after release from confinement, or after "
    "conviction where no prison sentence was imposed, counted from the latest such date on any "
    "federal or D.C. conviction; generally not while on probation, parole or supervised release "
    "or while a fine or restitution is owed (review, not a bar). The rules are advisory; the "
    "pardon is the President's alone.",
    who=_convictions_open,
    findings=lambda f: f.findings,
    steps=STEPS,
    closing=lambda f: _common(f.record, f.day),
    details=lambda f: f.details(_reached_wait(f)) or None,
    finish=_finish,
)


def evaluate(record: Record, day: date, ctx: Context) -> Determination:
    return decide(RULE, record, day)


PROGRAM_DEF = Program(
    id=PROGRAM,
    title="Petition for pardon (28 CFR 1.2)",
    versions=(RULE.rule_version(evaluate),),
    change_points=change_points,
)
