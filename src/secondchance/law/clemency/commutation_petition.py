"""clemency.commutation_petition: may the person petition now for a commutation (28 CFR 1.3 and
the Office of the Pardon Attorney's commutation instructions)?

A commutation reduces a sentence that is being served: a prison term, or a fine or restitution
not yet paid (remission). Requests are generally not accepted before the person has begun serving
the sentence, nor while the person is challenging the conviction or sentence by appeal or other
court proceeding (``needs_review``). Clemency authorities weigh the availability of other
remedies (judicial or administrative relief such as a sentence-reduction motion) first. After the
sentence is served, the route is a petition for pardon. Federal and D.C. Superior Court sentences
only; court-martial sentences go to the military department. 28 CFR 1.3 itself was found only in
its opening words; the Office's instructions are encoded.
"""

from __future__ import annotations

from datetime import date, timedelta

from secondchance.engine.determination import Determination, Finding, Outcome
from secondchance.engine.rules import Context, Program, RuleVersion
from secondchance.law.clemency.facts import (
    FEDERAL,
    confinement,
    custody_for,
    indexed,
    label,
    shared_change_points,
)
from secondchance.law.clemency.grant_effect import commutation_effect
from secondchance.law.clemency.pardoned import pardoned_by
from secondchance.law.clemency.proclamations import proclamation_dates
from secondchance.law.clemency.where_to_file import where_to_file
from secondchance.record.schema import CustodyKind, Jurisdiction, Record, SupervisionKind

PROGRAM = "clemency.commutation_petition"
VERSION = "1993"
RULE_VERSION = f"{PROGRAM}@{VERSION}"
CITATION = "28 CFR 1.3; Office of the Pardon Attorney, Commutation Instructions"
URL = "https://www.justice.gov/pardon/apply-commutation"
INSTRUCTIONS_URL = "http://zzpat.blogspot.com/2007/07/doj-communtation-instructions-3.html"
BOP_URL = "https://www.bop.gov/policy/progstat/1330_015.pdf"


def _finding(
    text: str, facts: dict[str, object] | None = None, citation: str = CITATION, url: str = URL
) -> Finding:
    return Finding(
        finding=text, facts=dict(facts or {}), citation=citation, rule_version=RULE_VERSION, url=url
    )


def _pending_challenges(record: Record, day: date) -> list[tuple[int, date | None]]:
    out = []
    for k, challenge in enumerate(record.court_challenges):
        filed = challenge.filed_on is None or challenge.filed_on <= day
        open_ = challenge.resolved_on is None or challenge.resolved_on > day
        if filed and open_:
            out.append((k, challenge.resolved_on))
    return out


def evaluate(record: Record, day: date, ctx: Context) -> Determination:
    federal = indexed(record, day, *FEDERAL)
    military = indexed(record, day, Jurisdiction.military)
    filing = where_to_file(record, day, RULE_VERSION, "petition for commutation")
    meaning = commutation_effect(RULE_VERSION)
    if not federal and not military:
        return Determination(
            program=PROGRAM,
            outcome=Outcome.not_applicable,
            reason="No federal or D.C. Code conviction: a presidential commutation petition does "
            "not concern this record.",
            findings=filing,
        )
    findings: list[Finding] = []
    serving: list[str] = []
    owing: list[str] = []
    missing: list[str] = []
    not_begun: list[date] = []
    supervised: list[str] = []
    pardoned = 0
    for i, conviction in federal:
        name = label(i, conviction)
        grant = pardoned_by(record, i, conviction, day)
        if grant is not None:
            findings.append(_finding(f"{name} is already pardoned ({grant}): nothing to commute."))
            pardoned += 1
            continue
        sentence = conviction.sentence
        if sentence is None:
            missing.append(f"convictions[{i}].sentence")
            continue
        for c_index, commutation in enumerate(sentence.commutations):
            if commutation.granted_on <= day:
                findings.append(
                    commutation_effect(
                        RULE_VERSION,
                        commutation,
                        f"convictions[{i}].sentence.commutations[{c_index}]",
                    )
                )
        conf = confinement(record, i, conviction, day)
        periods = [
            (k, p)
            for k, p in custody_for(record, conviction)
            if p.kind is not CustodyKind.pretrial_detention
        ]
        if any(p.covers(day) for _, p in periods) or (
            conf.release is not None
            and conf.release > day
            and any(p.start is not None and p.start <= day for _, p in periods)
        ):
            serving.append(f"{name}: serving a prison sentence")
        elif conf.prison:
            later = [p.start for _, p in periods if p.start and p.start > day]
            if later:
                not_begun.append(min(later))
            elif conf.release is None and not periods:
                missing += conf.missing
        for kind, owed, imposed in (
            ("fine", sentence.fine_owed, sentence.fine),
            ("restitution", sentence.restitution_owed, sentence.restitution),
        ):
            if owed is not None and owed > 0:
                owing.append(f"{name}: {kind} of ${owed:,.2f} still owed")
            elif owed is None and imposed:
                missing.append(f"convictions[{i}].sentence.{kind}_owed")
        for k, period in enumerate(record.supervision):
            mine = period.conviction_id in (None, conviction.id)
            if (
                mine
                and period.covers(day)
                and period.kind is not SupervisionKind.deferred_prosecution
            ):
                supervised.append(
                    f"{name}: on {period.kind.value.replace('_', ' ')} (supervision[{k}])"
                )
    if federal and not military and pardoned == len(federal):
        return Determination(
            program=PROGRAM,
            outcome=Outcome.not_applicable,
            reason="Every federal and D.C. conviction is already pardoned: nothing to commute.",
            findings=[*findings, *filing],
        )
    findings.append(
        _finding(
            "Clemency authorities weigh the time already served and the availability of other "
            "remedies (such as a motion to reduce the sentence, or parole) first; a commutation "
            "of a prison term is considered only in exceptional circumstances.",
            citation="Office of the Pardon Attorney, Commutation Instructions, para. 4; BOP P.S. "
            "1330.15",
            url=INSTRUCTIONS_URL,
        )
    )
    if not any(f.finding.startswith("What a commutation does") for f in findings):
        findings.append(meaning)
    if military:
        findings.append(
            _finding(
                "The Office of the Pardon Attorney does not process commutation requests for "
                "court-martial sentences; the military branch that handled the conviction does.",
                {f"{label(i, c)}.jurisdiction": "military" for i, c in military},
            )
        )
    findings += filing
    challenges = _pending_challenges(record, day)
    if serving or owing:
        findings.append(_finding("Serving the sentence: " + "; ".join(serving + owing) + "."))
        if challenges:
            k, resolved = challenges[0]
            findings.append(
                _finding(
                    f"A court challenge is pending (court_challenges[{k}]): commutation requests "
                    "are generally not accepted until all court challenges to the conviction and "
                    "sentence are concluded.",
                    {f"court_challenges[{k}].resolved_on": None},
                    url=INSTRUCTIONS_URL,
                )
            )
            return Determination(
                program=PROGRAM,
                outcome=Outcome.needs_review,
                reason="Serving the sentence, but a court challenge is pending.",
                findings=findings,
                next_change=resolved + timedelta(days=1) if resolved else None,
            )
        return Determination(
            program=PROGRAM,
            outcome=Outcome.eligible,
            reason="Serving a federal sentence: a commutation petition may be filed "
            "(never a prediction that it will be granted).",
            findings=findings,
        )
    if missing:
        return Determination(
            program=PROGRAM,
            outcome=Outcome.insufficient_facts,
            reason="Whether any part of the sentence is still being served is not recorded.",
            findings=findings,
            missing_facts=sorted(set(missing)),
        )
    if not_begun:
        findings.append(
            _finding(
                "The prison sentence has not begun: requests are generally not accepted until "
                "the person has begun serving it.",
                url=INSTRUCTIONS_URL,
            )
        )
        return Determination(
            program=PROGRAM,
            outcome=Outcome.not_eligible,
            reason="The sentence has not begun.",
            findings=findings,
        )
    if supervised or military:
        findings.append(
            _finding("; ".join(supervised) + "." if supervised else "A court-martial sentence.")
        )
        return Determination(
            program=PROGRAM,
            outcome=Outcome.needs_review,
            reason="The Office's commutation form is for a prison sentence, fine or restitution; "
            "only supervision (or a court-martial sentence) remains — a matter for review.",
            findings=findings,
        )
    return Determination(
        program=PROGRAM,
        outcome=Outcome.not_eligible,
        reason="No part of a federal sentence is being served: the route is a petition for pardon.",
        findings=findings,
    )


def change_points(record: Record, ctx: Context) -> list[date]:
    points = [p.start for p in record.custody if p.start]
    points += [p.end + timedelta(days=1) for p in record.custody if p.end]
    points += [c.resolved_on + timedelta(days=1) for c in record.court_challenges if c.resolved_on]
    for conviction in record.convictions:
        for commutation in conviction.sentence.commutations if conviction.sentence else []:
            points.append(commutation.granted_on)
            if commutation.new_release_date:
                points.append(commutation.new_release_date)
    points += shared_change_points(record)
    points += proclamation_dates(ctx.as_of)
    return points


PROGRAM_DEF = Program(
    id=PROGRAM,
    title="Petition for commutation of sentence (28 CFR 1.3)",
    versions=(
        RuleVersion(
            program=PROGRAM,
            version=VERSION,
            title="Commutation while serving the sentence, after court challenges",
            citation=CITATION,
            url=URL,
            evaluate=evaluate,
            known_gaps=(
                "28 CFR 1.3 found only in its opening words; the Office's instructions are "
                "encoded instead.",
                "Capital cases (28 CFR 1.10) are not encoded.",
            ),
            sources=(URL, INSTRUCTIONS_URL, BOP_URL),
        ),
    ),
    change_points=change_points,
)
