"""``fsa.time_credits``: may this person earn First Step Act time credits?

Eligible unless serving a sentence for a conviction listed in 18 U.S.C. 3632(d)(4)(D) (the whole
aggregate term counts, 3584(c)); a final order of removal makes the credits impossible to apply
(3632(d)(4)(E)), so they cannot shorten the term. An attempt or conspiracy count is screened
through its object offense (``exclusions.screen_count``). A condition of a clause the record
does not settle is ``needs_review`` naming the field; a record with no federal prison sentence is
``not_applicable``; nothing before the Act's enactment (2018-12-21), nor for a term whose custody
the record shows ended before it (28 CFR 523.42(b)(1)). A sentence commuted to a release date is
``needs_review``: credits cannot move a date the warrant fixes unless the warrant says so.
"""

from __future__ import annotations

from datetime import date

from secondchance.engine.determination import Determination, Finding, Outcome
from secondchance.engine.rules import Context, Evaluate, Program, RuleVersion
from secondchance.law.rule_book import rule_fields
from secondchance.law.sentence import exclusions, immigration, standing
from secondchance.law.sentence.aggregate import (
    Served,
    commutation_in_force,
    current_aggregate,
    custody_ended,
    prison_sentences,
)
from secondchance.law.sentence.time_credits import APPLY_URL, EARN_URL
from secondchance.law.sentence.versions import EARNING_VERSIONS, FSA_ENACTED
from secondchance.record.schema import Record
from secondchance.record.timeline import timeline

PROGRAM_ID = "fsa.time_credits"
ENACTED = FSA_ENACTED
"""Enactment of the First Step Act; no time credits for days before it (28 CFR 523.42(b)(1))."""
_ENACTED_ON = ENACTED.isoformat()


def _evaluate(version: str) -> Evaluate:
    def evaluate(record: Record, day: date, ctx: Context) -> Determination:
        return decide(record, day, f"{PROGRAM_ID}@{version}")

    return evaluate


PARDON_CITATION = "U.S. Const. art. II, sec. 2"
PARDON_URL = "https://www.justice.gov/pardon"


def _term_unrecorded(record: Record, version_id: str) -> Determination | None:
    """Custody served for a federal conviction whose term the record does not give: which term
    is being served, and so whether credits apply, cannot be read (the shared timeline)."""
    found = [
        u
        for u in timeline(record).unsentenced()
        if not u.custody
        or any((p := record.custody[i]).end is None or p.end >= ENACTED for i in u.custody)
    ]
    if not found:
        return None
    paths = [f"convictions[{u.index}].sentence.imprisonment" for u in found]
    held = ", ".join(f"custody[{i}]" for u in found for i in u.custody)
    shown = f"Custody is recorded for a federal conviction ({held})" if held else "A federal "
    shown += " whose term of imprisonment is not" if held else "prison term of unknown length"
    return Determination(
        program=PROGRAM_ID,
        outcome=Outcome.insufficient_facts,
        reason=f"{shown}: the term decides whether and how time credits apply.",
        findings=[
            Finding(
                finding="Time credits are earned and applied against a sentence of imprisonment; "
                "the record shows a prison term for the conviction (custody, or a term of "
                "unknown length) but not the term imposed.",
                facts={path: None for path in paths},
                citation="18 U.S.C. 3632(d)(4)",
                rule_version=version_id,
                url=EARN_URL,
            )
        ],
        missing_facts=paths,
    )


def _pardoned(
    record: Record, current: list[Served], day: date, version_id: str
) -> Determination | None:
    """Every conviction of the term being served was fully pardoned on or before ``day``: the
    pardon ends the punishment, and with it the credits question (the shared timeline)."""
    grants = [timeline(record).pardon_of(s.conviction, day) for s in current]
    if not current or any(g is None for g in grants):
        return None
    latest = max((g for g in grants if g), key=lambda ig: ig[1].granted_on)
    on = latest[1].granted_on.isoformat()
    return Determination(
        program=PROGRAM_ID,
        outcome=Outcome.not_applicable,
        reason=f"A full pardon granted on {on} covers the sentence: no time credits remain to "
        "be earned or applied.",
        findings=[
            Finding(
                finding=f"Pardoned on {on} (clemency[{latest[0]}]): a full pardon remits the "
                "punishment still to be served, so no term remains for credits to shorten.",
                facts={f"clemency[{latest[0]}].granted_on": on},
                citation=PARDON_CITATION,
                rule_version=version_id,
                url=PARDON_URL,
            )
        ],
    )


def decide(record: Record, day: date, version_id: str) -> Determination:
    unrecorded = _term_unrecorded(record, version_id)
    if unrecorded is not None:
        return unrecorded
    sentences = prison_sentences(record)
    if not sentences:
        return standing.no_term(record, day, version_id) or Determination(
            program=PROGRAM_ID,
            outcome=Outcome.not_applicable,
            reason="The record has no federal sentence of imprisonment.",
        )
    # The aggregate term being served (3584(c)): a conviction whose supervised release has
    # started stays in its aggregate, which is released as one.
    current = current_aggregate(record, sentences, day).terms
    pardoned = _pardoned(record, current, day, version_id) or standing.completed(
        current, version_id
    )
    if pardoned is not None:
        return pardoned
    ended = custody_ended(record, current, day)
    if ended is not None and ended[0] < ENACTED:
        return Determination(
            program=PROGRAM_ID,
            outcome=Outcome.not_applicable,
            reason=f"The prison term ended on {ended[0].isoformat()}, before the First Step Act "
            f"({_ENACTED_ON}): no time credits for days before {_ENACTED_ON} "
            "(28 CFR 523.42(b)(1)).",
            findings=[
                Finding(
                    finding=f"Custody for the sentence ended on {ended[0].isoformat()} "
                    f"({ended[1]}), before {_ENACTED_ON}; an inmate cannot earn time credits for "
                    "programming before the Act's enactment (28 CFR 523.42(b)(1)).",
                    facts={ended[1]: ended[0].isoformat()},
                    citation="28 CFR 523.42(b)(1)",
                    rule_version=version_id,
                    url=EARN_URL,
                )
            ],
        )
    commuted = [
        found
        for s in current
        if (found := commutation_in_force(s, day)) is not None
        and found[1].new_release_date is not None
    ]
    early = [g for path, g in commuted if g.new_release_date and g.new_release_date < ENACTED]
    if commuted and len(early) == len(commuted) == len(current):
        release = max(g.new_release_date for g in early if g.new_release_date)
        path = commuted[0][0]
        return Determination(
            program=PROGRAM_ID,
            outcome=Outcome.not_applicable,
            reason=f"The prison term ended on {release.isoformat()} by commutation, before the "
            f"First Step Act ({_ENACTED_ON}): no time credits for days before {_ENACTED_ON} "
            "(28 CFR 523.42(b)(1)).",
            findings=[
                Finding(
                    finding=f"The sentence was commuted to end on {release.isoformat()}, before "
                    f"{_ENACTED_ON}; time credits cannot be earned for days before the Act's "
                    "enactment (28 CFR 523.42(b)(1)).",
                    facts={f"{path}.new_release_date": release.isoformat()},
                    citation="28 CFR 523.42(b)(1)",
                    rule_version=version_id,
                    url=EARN_URL,
                )
            ],
        )
    findings: list[Finding] = []
    missing: list[str] = []
    listed: list[str] = []
    undecided: list[str] = []
    unread_all: list[exclusions.UnreadCount] = []
    for s in current:
        if not s.conviction.counts:
            missing.append(f"convictions[{s.index}].counts")
        for j, count in enumerate(s.conviction.counts):
            path = f"convictions[{s.index}].counts[{j}]"
            used: dict[str, object] = {
                f"{path}.statute": count.statute,
                f"{path}.court_findings": list(count.court_findings),
            }
            if exclusions.is_inchoate(count) or count.object_offense is not None:
                used[f"{path}.object_offense"] = count.object_offense
            unread = exclusions.unreadable(count, path)
            for item in unread:
                findings.append(_unread_finding(item, used, version_id))
                missing.append(item.field)
            if unread:
                undecided.append(path)
                unread_all.extend(unread)
                continue
            note = exclusions.object_offense_note(count)
            if note is not None:
                findings.append(
                    Finding(
                        finding=note,
                        facts=used,
                        citation=exclusions.CITATION,
                        rule_version=version_id,
                        url=exclusions.URL,
                    )
                )
            for hit in exclusions.screen_count(count, path):
                text = exclusions.clause_texts().get(hit.clause.number, "")
                relating = text.split(", relating to ")[-1].rstrip(".") if text else ""
                findings.append(
                    Finding(
                        finding=(
                            f"{count.statute} is reached by {hit.clause.label} ({relating}): "
                            f"{hit.reason}."
                            if hit.match is exclusions.Match.listed
                            else f"{count.statute} may be reached by {hit.clause.label} "
                            f"({relating}): {hit.reason}."
                        ),
                        facts=used,
                        citation=f"18 U.S.C. {hit.clause.label}",
                        rule_version=version_id,
                        url=exclusions.URL,
                    )
                )
                if hit.match is exclusions.Match.listed:
                    listed.append(path)
                else:
                    undecided.append(path)
                    missing.extend(hit.missing)
    if len(current) > 1:
        findings.append(
            Finding(
                finding="Several terms are one aggregate term: a disqualifying conviction in any "
                "of them bars time credits for the whole term.",
                citation=exclusions.AGGREGATE_CITATION,
                rule_version=version_id,
                url=exclusions.AGGREGATE_URL,
            )
        )
    if listed:
        return Determination(
            program=PROGRAM_ID,
            outcome=Outcome.not_eligible,
            reason="Serving a sentence for a conviction listed in 18 U.S.C. 3632(d)(4)(D).",
            findings=findings,
        )
    ordered = immigration.removal(record, day)
    if ordered.ordered_on is not None and ordered.path is not None:
        removal = ordered.ordered_on
        findings.append(
            Finding(
                finding=f"A final order of removal ({removal.isoformat()}): the prisoner is "
                "ineligible to apply time credits toward prerelease custody or supervised "
                "release; credits may still be earned but cannot shorten the term.",
                facts={ordered.path: removal.isoformat()},
                citation="18 U.S.C. 3632(d)(4)(E)",
                rule_version=version_id,
                url=exclusions.URL,
            )
        )
        return Determination(
            program=PROGRAM_ID,
            outcome=Outcome.not_eligible,
            reason="Subject to a final order of removal (18 U.S.C. 3632(d)(4)(E)).",
            findings=findings,
        )
    if commuted:
        path, grant = commuted[0]
        assert grant.new_release_date is not None
        findings.append(
            Finding(
                finding=f"The sentence was commuted on {grant.granted_on.isoformat()} to expire on "
                f"{grant.new_release_date.isoformat()} ({path}): time credits cannot move a "
                "release date fixed by the commutation warrant unless the warrant says "
                "otherwise; its terms decide.",
                facts={
                    f"{path}.granted_on": grant.granted_on.isoformat(),
                    f"{path}.new_release_date": grant.new_release_date.isoformat(),
                    f"{path}.terms": grant.terms,
                },
                citation="U.S. Const. art. II, sec. 2, cl. 1 (the commutation warrant); "
                "18 U.S.C. 3624(g)",
                rule_version=version_id,
                url=APPLY_URL,
            )
        )
        return Determination(
            program=PROGRAM_ID,
            outcome=Outcome.needs_review,
            reason="Commuted to a release date: whether time credits can move a date fixed by "
            "the commutation warrant depends on its terms.",
            findings=findings,
            missing_facts=sorted(set(missing)),
        )
    if undecided or missing:
        only_counts = not undecided
        return Determination(
            program=PROGRAM_ID,
            outcome=Outcome.insufficient_facts if only_counts else Outcome.needs_review,
            reason=(
                "The counts of conviction are not in the record."
                if only_counts
                else _unread_reason(unread_all)
                if unread_all
                else "A clause of 18 U.S.C. 3632(d)(4)(D) may reach a count; the record does "
                "not settle the fact it needs."
            ),
            findings=findings,
            missing_facts=sorted(set(missing)),
        )
    findings.append(
        Finding(
            finding="No count of conviction is listed in 18 U.S.C. 3632(d)(4)(D): time credits "
            "may be earned for successful participation in recommended programs.",
            citation="18 U.S.C. 3632(d)(4)(A), (D)",
            rule_version=version_id,
            url=exclusions.URL,
        )
    )
    open_points = standing.open_questions(record, current, ordered, day, version_id)
    if open_points is not None:
        return open_points.model_copy(
            update={"findings": findings + open_points.findings, "program": PROGRAM_ID}
        )
    return Determination(
        program=PROGRAM_ID,
        outcome=Outcome.eligible,
        reason="No disqualifying conviction and no final order of removal.",
        findings=findings,
    )


def _unread_finding(
    item: exclusions.UnreadCount, used: dict[str, object], version_id: str
) -> Finding:
    """A count the reader could not read: unknown, never "not listed" (quoting the text)."""
    return Finding(
        finding=f"{item.field} {item.text!r} {item.reason}: whether a clause of "
        f"{exclusions.CITATION} lists it is unknown, so it is not taken as unlisted; write the "
        "citation as the judgment does, e.g. '18 U.S.C. 924(c)(1)(A)'.",
        facts=used,
        citation=exclusions.CITATION,
        rule_version=version_id,
        url=exclusions.URL,
    )


def _unread_reason(unread: list[exclusions.UnreadCount]) -> str:
    first = unread[0]
    more = f" (and {len(unread) - 1} more)" if len(unread) > 1 else ""
    return (
        f"The statute of a count could not be read ({first.field}: {first.text[:80]!r}){more}: "
        "whether 18 U.S.C. 3632(d)(4)(D) lists it is unknown."
    )


def change_points(record: Record, ctx: Context) -> list[date]:
    """Days on which the answer may change: a final order of removal takes effect (3632(d)(4)(E)),
    a term ends in supervised release (the aggregate served changes), a commutation is granted."""
    points: list[date] = []
    if record.fsa is not None and record.fsa.final_order_of_removal is not None:
        points.append(record.fsa.final_order_of_removal)
    if record.fsa is not None:
        points += [o.issued_on for o in record.fsa.removal_orders if o.issued_on is not None]
        points += [d.lodged_on for d in record.fsa.immigration_detainers if d.lodged_on]
    points.extend(p.start for p in record.supervision if p.start is not None)
    for conviction in record.convictions:
        if conviction.sentence is not None:
            points.extend(c.granted_on for c in conviction.sentence.commutations)
    return points


def _before_act(record: Record, day: date, ctx: Context) -> Determination:
    return Determination(
        program=PROGRAM_ID,
        outcome=Outcome.not_applicable,
        reason="First Step Act time credits did not exist before the Act's enactment "
        f"({_ENACTED_ON}).",
    )


PROGRAM = Program(
    id=PROGRAM_ID,
    title="First Step Act time credits: eligibility to earn and apply (18 U.S.C. 3632(d)(4))",
    change_points=change_points,
    versions=(
        RuleVersion(**rule_fields(f"{PROGRAM_ID}/before-act"), evaluate=_before_act),
        *(
            RuleVersion(**rule_fields(f"{PROGRAM_ID}/{v.version}"), evaluate=_evaluate(v.version))
            for v in EARNING_VERSIONS
        ),
    ),
)
