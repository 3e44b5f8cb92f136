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
from secondchance.law.sentence import fsa_answers as answers
from secondchance.law.sentence import immigration, standing
from secondchance.law.sentence.aggregate import (
    Served,
    commutation_in_force,
    current_aggregate,
    custody_ended,
    prison_sentences,
)
from secondchance.law.sentence.count_screen import screen_counts
from secondchance.law.sentence.fsa_answers import ENACTED, PROGRAM_ID
from secondchance.law.sentence.time_credits import EARN_URL
from secondchance.law.sentence.versions import EARNING_VERSIONS
from secondchance.record.schema import Record
from secondchance.record.timeline import timeline

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
    """The answer for the aggregate term being served on ``day`` (3584(c)): a conviction whose
    supervised release has started stays in its aggregate, which is released as one."""
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
    current = current_aggregate(record, sentences, day).terms
    pardoned = _pardoned(record, current, day, version_id) or standing.completed(
        current, version_id
    )
    if pardoned is not None:
        return pardoned
    return _screened(record, current, day, version_id)


def _screened(record: Record, current: list[Served], day: date, version_id: str) -> Determination:
    """The term ended before the Act, else its counts screened, a final order of removal, a
    commutation to a release date, the facts left open, or eligible."""
    ended = custody_ended(record, current, day)
    if ended is not None and ended[0] < ENACTED:
        return answers.ended_before_act(ended, version_id)
    commuted = [
        found
        for s in current
        if (found := commutation_in_force(s, day)) is not None
        and found[1].new_release_date is not None
    ]
    early = answers.commuted_before_act(commuted, current, version_id)
    if early is not None:
        return early
    screen = screen_counts(current, version_id)
    if screen.listed:
        return answers.listed(screen)
    ordered = immigration.removal(record, day)
    if ordered.ordered_on is not None and ordered.path is not None:
        return answers.removal_ordered(ordered, screen, version_id)
    if commuted:
        return answers.commuted_to_date(commuted[0], screen, version_id)
    if screen.undecided or screen.missing:
        return answers.left_open(screen)
    return answers.eligible(record, current, ordered, day, screen, version_id)


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
