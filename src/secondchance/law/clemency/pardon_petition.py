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
parole or supervised release: that is ``needs_review``, not a bar. The rules are advisory
(28 CFR 1.11); whether a pardon is granted is the President's alone, and we never predict it.
"""

from __future__ import annotations

from datetime import date, timedelta

from secondchance.engine.determination import Determination, Finding, Outcome
from secondchance.engine.rules import Context, Program, RuleVersion
from secondchance.law.clemency.facts import (
    FEDERAL,
    Confinement,
    add_years,
    confinement,
    indexed,
    label,
    shared_change_points,
)
from secondchance.law.clemency.grant_effect import commutation_effect, pardon_effect
from secondchance.law.clemency.pardoned import pardoned_by
from secondchance.law.clemency.proclamations import other_categorical, proclamation_dates
from secondchance.law.clemency.where_to_file import where_to_file
from secondchance.law.parameters import value
from secondchance.record.schema import Jurisdiction, Record, SupervisionPeriod

PROGRAM = "clemency.pardon_petition"
VERSION = "1993"
RULE_VERSION = f"{PROGRAM}@{VERSION}"
CITATION = "28 CFR 1.2"
URL = "https://www.ecfr.gov/current/title-28/chapter-I/part-1/section-1.2"
OFFICE_URL = "https://www.justice.gov/pardon/apply-pardon"
FORM_URL = "https://omb.report/icr/202407-1123-001/doc/144705100"
WAIVER_URL = (
    "https://webarchive.library.unt.edu/eot2008/20090507181715/"
    "http://www.usdoj.gov/pardon/pardon_petition.htm"
)
ADVISORY_URL = "http://www.law.cornell.edu/cfr/text/28/1.11"


def _finding(
    text: str, facts: dict[str, object] | None = None, citation: str = CITATION, url: str = URL
) -> Finding:
    return Finding(
        finding=text, facts=dict(facts or {}), citation=citation, rule_version=RULE_VERSION, url=url
    )


def _common(record: Record, day: date) -> list[Finding]:
    return [
        pardon_effect(RULE_VERSION),
        _finding(
            "Whether a pardon is granted is for the President alone; the Department's rules are "
            "advisory and this answer says only when a petition may be filed.",
            citation="28 CFR 1.11",
            url=ADVISORY_URL,
        ),
        *where_to_file(record, day, RULE_VERSION, "petition for pardon"),
    ]


def _supervision(record: Record, day: date) -> list[tuple[int, SupervisionPeriod]]:
    """Probation, parole or supervised release on ``day`` (federal/D.C. or unattributed)."""
    out = []
    for k, period in enumerate(record.supervision):
        if not period.covers(day):
            continue
        conviction = next(
            (c for c in record.convictions if c.id and c.id == period.conviction_id), None
        )
        if conviction is None or conviction.jurisdiction in FEDERAL:
            out.append((k, period))
    return out


def _clock(record: Record, day: date) -> tuple[date | None, list[Finding], list[str], bool]:
    """The day the wait starts, its findings, missing facts, and whether confined on ``day``."""
    findings: list[Finding] = []
    missing: list[str] = []
    starts: list[date] = []
    confined = False
    for i, conviction in indexed(record, day, *FEDERAL):
        conf: Confinement = confinement(record, i, conviction, day)
        name = label(i, conviction)
        if conf.prison is None:
            missing += conf.missing
            continue
        if conf.prison:
            for commutation in conviction.sentence.commutations if conviction.sentence else []:
                if commutation.granted_on <= day:
                    findings.append(
                        commutation_effect(
                            RULE_VERSION,
                            commutation,
                            f"convictions[{i}].sentence.commutations",
                        )
                    )
            confined = confined or conf.confined_on_day
            if conf.release is None:
                missing += conf.missing
                if conf.life:
                    findings.append(
                        _finding(
                            f"{name}: a life sentence; no commutation with a release date "
                            "is recorded."
                        )
                    )
                continue
            starts.append(conf.release)
            findings.append(
                _finding(
                    f"{name}: release from confinement {conf.release.isoformat()} "
                    f"({conf.source}); the wait runs from release.",
                    {f"{name}.release_from_confinement": conf.release.isoformat()},
                )
            )
            continue
        convicted = conviction.conviction_date
        if convicted is None:
            missing.append(f"convictions[{i}].conviction_date")
            continue
        starts.append(convicted)
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
        findings.append(
            _finding(
                text,
                {f"convictions[{i}].conviction_date": convicted.isoformat()},
                citation=f"{CITATION}; Office of the Pardon Attorney, Pardon After Completion "
                "of Sentence",
                url=OFFICE_URL,
            )
        )
    if missing or not starts:
        return None, findings, missing, confined
    return max(starts), findings, [], confined


def evaluate(record: Record, day: date, ctx: Context) -> Determination:
    federal = indexed(record, day, *FEDERAL)
    military = indexed(record, day, Jurisdiction.military)
    if not federal and not military:
        return Determination(
            program=PROGRAM,
            outcome=Outcome.not_applicable,
            reason="No federal or D.C. Code conviction: a presidential pardon petition does not "
            "concern this record.",
            findings=where_to_file(record, day, RULE_VERSION, "petition for pardon"),
        )
    findings: list[Finding] = []
    open_federal = []
    for i, conviction in federal:
        grant = pardoned_by(record, i, conviction, day)
        if grant is None:
            open_federal.append((i, conviction))
        else:
            findings.append(
                _finding(
                    f"{label(i, conviction)} is already pardoned: {grant}. No petition is needed "
                    "for it.",
                    {f"convictions[{i}]": conviction.id or i},
                )
            )
    review: list[str] = []
    for i, conviction in [*open_federal, *military]:
        other = other_categorical(record, i, conviction, day)
        if other is not None:
            review.append(
                f"{label(i, conviction)} may already be pardoned by {other[0]}: {other[1]}"
            )
    if military:
        review.append(
            "a court-martial conviction: the petition goes to the Secretary of the military "
            "department, whose procedures, not 28 CFR 1.2, are encoded here"
        )
    if not open_federal and not military:
        return Determination(
            program=PROGRAM,
            outcome=Outcome.not_applicable,
            reason="Every federal and D.C. conviction is already pardoned.",
            findings=findings + _common(record, day),
        )
    years = int(value("clemency.pardon.waiting_period_years", on=day))
    start, clock_findings, missing, confined = _clock(record, day)
    findings += clock_findings
    findings.append(
        _finding(
            "A waiver of any part of the waiting period is rarely granted, and then only in the "
            "most exceptional circumstances.",
            citation="Office of the Pardon Attorney, pardon petition instructions",
            url=WAIVER_URL,
        )
    )
    details: dict[str, object] = {}
    base: Determination
    if not open_federal:
        base = Determination(program=PROGRAM, outcome=Outcome.needs_review)
    elif confined and (missing or start is None):
        findings.append(
            _finding(
                "Still serving a prison sentence: a pardon petition comes after the sentence; "
                "the commutation petition is the form for a sentence being served.",
                citation="Office of the Pardon Attorney, pardon application (OMB 1123-0016)",
                url=FORM_URL,
            )
        )
        base = Determination(
            program=PROGRAM,
            outcome=Outcome.not_eligible,
            reason="Still in confinement; the five-year wait runs from release, which is not "
            "recorded.",
            missing_facts=sorted(set(missing)),
        )
    elif missing:
        base = Determination(
            program=PROGRAM,
            outcome=Outcome.insufficient_facts,
            reason="The date the five-year wait starts needs facts the record lacks.",
            missing_facts=sorted(set(missing)),
        )
    elif start is None:
        base = Determination(
            program=PROGRAM,
            outcome=Outcome.insufficient_facts,
            reason="No release from confinement or conviction date is recorded.",
            missing_facts=["convictions[].conviction_date"],
        )
    else:
        base = _after_clock(record, day, start, years, confined, findings, details)
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


def _after_clock(
    record: Record,
    day: date,
    start: date,
    years: int,
    confined: bool,
    findings: list[Finding],
    details: dict[str, object],
) -> Determination:
    ends = add_years(start, years)
    for i, other in enumerate(record.convictions):
        later = other.conviction_date
        if other.jurisdiction is Jurisdiction.state and later and start < later <= day:
            findings.append(
                _finding(
                    f"convictions[{i}] is a later {other.state} state conviction "
                    f"({later.isoformat()}); the Office counts the wait from release for the "
                    "most recent conviction, and whether a state conviction restarts it is not "
                    "settled by the texts encoded: the petition must disclose it.",
                    {f"convictions[{i}].conviction_date": later.isoformat()},
                    citation="Office of the Pardon Attorney, pardon instructions",
                    url=WAIVER_URL,
                )
            )
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
    if confined:
        findings.append(
            _finding(
                "Still serving a prison sentence: a pardon petition comes after the sentence; "
                "the commutation petition is the form for a sentence being served.",
                citation="Office of the Pardon Attorney, pardon application (OMB 1123-0016)",
                url=FORM_URL,
            )
        )
        return Determination(
            program=PROGRAM,
            outcome=Outcome.not_eligible,
            reason="Still in confinement; the five-year wait runs from release.",
            next_change=start if start > day else None,
        )
    supervised = _supervision(record, max(day, ends))
    if supervised:
        k, period = supervised[0]
        end = period.end
        kind = period.kind.value.replace("_", " ")
        findings.append(
            _finding(
                f"On {max(day, ends).isoformat()} the person is on {kind} "
                f"(supervision[{k}], ending {end.isoformat() if end else 'on a date not recorded'}"
                "): generally no petition should be submitted while on probation, parole or "
                "supervised release — a matter for review, not a bar.",
                {f"supervision[{k}].kind": period.kind.value},
            )
        )
    if day < ends:
        return Determination(
            program=PROGRAM,
            outcome=Outcome.eligible_from,
            date=ends,
            reason=f"The five-year waiting period ends on {ends.isoformat()}.",
        )
    if supervised:
        end = supervised[0][1].end
        return Determination(
            program=PROGRAM,
            outcome=Outcome.needs_review,
            reason="The wait is over, but generally no petition while on supervision.",
            next_change=end + timedelta(days=1) if end else None,
        )
    return Determination(
        program=PROGRAM,
        outcome=Outcome.eligible,
        reason=f"The five-year waiting period ended on {ends.isoformat()}; a petition may be "
        "filed.",
    )


def change_points(record: Record, ctx: Context) -> list[date]:
    """Fifth anniversaries of releases and convictions, supervision ending, grant dates."""
    years = int(value("clemency.pardon.waiting_period_years", on=ctx.as_of))
    points: list[date] = []
    for i, conviction in indexed(record, date.max, *FEDERAL):
        conf = confinement(record, i, conviction, date.max)
        if conf.release:
            points += [conf.release, add_years(conf.release, years)]
        if conviction.conviction_date:
            points.append(add_years(conviction.conviction_date, years))
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
                "Whether a later state conviction restarts the wait is not stated; only federal "
                "and D.C. convictions start the clock here.",
            ),
            sources=(URL, OFFICE_URL, FORM_URL, WAIVER_URL),
        ),
    ),
    change_points=change_points,
)
