"""Who ``fsa.time_credits`` reaches: the record read once into the aggregate term being served
(``fsa_term.Term``), or the answer at once where the rule reaches nothing or the question is
moot (a term unrecorded, no federal prison sentence, pardoned or completed, ended or commuted
to end before the First Step Act)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from secondchance.engine.determination import Determination, Finding, Outcome
from secondchance.law.sentence import fsa_answers as answers
from secondchance.law.sentence import standing
from secondchance.law.sentence.aggregate import (
    Served,
    current_aggregate,
    prison_sentences,
    stray_bearing,
)
from secondchance.law.sentence.fsa_term import ENACTED, PROGRAM_ID, Term
from secondchance.law.sentence.time_credits import EARN_URL
from secondchance.record.schema import Record
from secondchance.record.timeline import timeline

PARDON_CITATION = "U.S. Const. art. II, sec. 2"
PARDON_URL = "https://www.justice.gov/pardon"

Who = Callable[[Record, date], Term | Determination]


def reader(version_id: str) -> Who:
    """The ``who`` of the rule version ``version_id`` (its findings name it)."""
    return partial(read_term, version_id=version_id)


def read_term(record: Record, day: date, version_id: str) -> Term | Determination:
    """The aggregate term being served on ``day`` (3584(c)), or the answer at once."""
    unrecorded = _term_unrecorded(record, version_id)
    if unrecorded is not None:
        return unrecorded
    sentences = prison_sentences(record)
    if not sentences:
        return (
            standing.no_sentence(record, day, version_id)
            or standing.no_term(record, day, version_id)
            or Determination(
                program=PROGRAM_ID,
                outcome=Outcome.not_applicable,
                reason="The record has no federal sentence of imprisonment.",
            )
        )
    current = current_aggregate(record, sentences, day).terms
    stray = _stray(record, sentences, current, version_id)
    if stray is not None:
        return stray
    moot = _pardoned(record, current, day, version_id) or standing.completed(current, version_id)
    term = Term(record, day, version_id, current) if moot is None else None
    if term is not None and term.ended_before_act:
        moot = answers.short_before_act(term) or answers.ended_before_act(term)
    elif term is not None and term.commuted_before_act:
        moot = answers.commuted_before_act(term)
    if moot is not None:
        # the term recorded is moot; a conviction with no sentence recorded may carry another
        return standing.no_sentence(record, day, version_id) or moot
    assert term is not None
    return term


def _stray(
    record: Record, sentences: list[Served], current: list[Served], version_id: str
) -> Determination | None:
    """Custody linked to a conviction outside the term being served that cannot be service of
    that conviction's term (``aggregate.stray_bearing``): a revocation term not recorded would
    join that conviction to the term (18 U.S.C. 3584(c)), and a listed offense in it would bar
    credits for the whole term (3632(d)(4)(D)); which it is, the record does not say."""
    ids = {s.conviction.id for s in current}
    found = [
        f for f in stray_bearing(record, sentences, current) if f.served.conviction.id not in ids
    ]
    if not found:
        return None
    paths: list[str] = []
    for f in found:
        paths += [
            f"custody[{f.index}].conviction_id",
            f"convictions[{f.served.index}].sentence.revocations",
        ]
    shown = ", ".join(f"custody[{f.index}] (convictions[{f.served.index}])" for f in found)
    return Determination(
        program=PROGRAM_ID,
        outcome=Outcome.insufficient_facts,
        reason=f"{shown}: custody linked to a conviction whose term had ended, with no revocation "
        "recorded: which convictions make up the term being served, and so whether a listed "
        "offense bars time credits, is not known.",
        findings=[
            Finding(
                finding=f"{shown} begins after that conviction's custody closed and after the "
                "last day its term could run, and no revocation of its release is recorded: it "
                "is a revocation term not recorded (joining that conviction to the term being "
                "served, 18 U.S.C. 3584(c)) or custody for another conviction linked to it by "
                "mistake. A listed offense in any conviction of the aggregate term bars time "
                "credits for the whole term (3632(d)(4)(D)).",
                facts={path: None for path in paths},
                citation="18 U.S.C. 3584(c); 18 U.S.C. 3632(d)(4)(D)",
                rule_version=version_id,
                url=EARN_URL,
            )
        ],
        missing_facts=list(dict.fromkeys(paths)),
    )


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
    shared = timeline(record)
    grants = [shared.pardon_of(s.conviction, day) for s in current]
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
