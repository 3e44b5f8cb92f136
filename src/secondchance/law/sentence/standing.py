"""Facts that leave the time-credit answer open, or make it moot (record format 1.1).

* A sentence stated completed (``sentence.completed``): nothing left for credits to apply to.
* With no federal prison term recorded, a federal conviction with no sentence recorded at all
  (not awaiting sentencing): whether a prison term was imposed is unknown, never "none":
  insufficient facts naming its sentence.
* A conviction awaiting sentencing: no term has been imposed, and credits are not earned during
  official detention before a sentence commences (18 U.S.C. 3632(d)(4)(B)(ii)); with no other
  federal prison term the program does not apply yet. Beside a term being served, the coming
  sentence may join its aggregate (18 U.S.C. 3584(c)) and its offense may bar credits for the
  whole of it (3632(d)(4)(D)): review.
* A federal conviction whose sentence the record does not give (no sentence, or one stating no
  term of imprisonment, probation, fine or restitution), beside a term being served, whose
  counts a clause of 3632(d)(4)(D) lists or may list (or whose counts are not recorded): whether
  the person is serving a sentence for it, within the aggregate term (3584(c)), is unknown:
  review, naming its term of imprisonment.
* A foreign conviction transferred under a treaty (18 U.S.C. 4100-4115): the Bureau computes it
  as a U.S. sentence (4105), but whether a transferred prisoner earns and applies First Step Act
  credits is an open question our sources do not settle: review.
* An order of removal whose date is not recorded, or an immigration detainer
  (``law.sentence.immigration``): review of the credits' application.
"""

from __future__ import annotations

from datetime import date

from secondchance.engine.determination import Determination, Finding, Outcome
from secondchance.law.sentence import exclusions, immigration, prior_violent
from secondchance.law.sentence.aggregate import Served
from secondchance.law.sentence.exclusions import URL
from secondchance.law.sentence.time_credits import EARN_URL
from secondchance.record.query import awaiting_path, awaiting_sentencing
from secondchance.record.schema import Count, Jurisdiction, Record
from secondchance.record.timeline import timeline

PROGRAM_ID = "fsa.time_credits"
TREATY_GAP = (
    "Transferred prisoners (18 U.S.C. 4100-4115): whether they earn and apply First Step Act "
    "time credits is not settled by the sources encoded; needs_review."
)


def _awaiting(record: Record, day: date) -> list[int]:
    """Federal convictions awaiting sentencing, not pardoned by ``day``."""
    shared = timeline(record)
    return [
        i
        for i, c in enumerate(record.convictions)
        if awaiting_sentencing(c, day)
        and c.jurisdiction is Jurisdiction.federal
        and shared.pardon_of(c, day) is None
    ]


def _sentence_unknown(record: Record, current: list[Served], day: date) -> list[int]:
    """Federal convictions outside the term being served, convicted by ``day`` and not pardoned,
    whose sentence the record does not state (no prison term, probation, fine or restitution;
    not awaiting sentencing, nor stated completed), and whose counts a clause of 3632(d)(4)(D)
    lists or may list, or are unreadable or not recorded: whether a sentence for it is part of
    the aggregate being served (3584(c)) is unknown."""
    shared = timeline(record)
    serving = {s.index for s in current}
    found: list[int] = []
    for i, c in enumerate(record.convictions):
        if (
            i in serving
            or c.jurisdiction is not Jurisdiction.federal
            or awaiting_sentencing(c, day)
        ):
            continue
        if c.conviction_date is not None and c.conviction_date > day:
            continue
        stated = shared.prison_term(i)
        if stated.term is not None or stated.unknown_length:
            continue
        sentence = c.sentence
        if sentence is not None and (
            sentence.completed
            or sentence.probation is not None
            or sentence.fine is not None
            or sentence.restitution is not None
        ):
            continue
        if shared.pardon_of(c, day) is not None:
            continue
        if _may_be_listed(c.counts, f"convictions[{i}]"):
            found.append(i)
    return found


def unsentenced_beside(record: Record, current: list[Served], day: date) -> list[int]:
    """Federal convictions outside the term being served, entered by ``day`` (or on a day not
    recorded), not awaiting sentencing nor pardoned, with no sentence recorded at all and not
    already read by :func:`beside_the_term`: a prison term for it may be consecutive to the term
    being served (18 U.S.C. 3584(a)) and join its aggregate (3584(c)), so a release computed
    from the term recorded may be too early."""
    shared = timeline(record)
    serving = {s.index for s in current}
    listed = set(_sentence_unknown(record, current, day))
    return [
        i
        for i, c in enumerate(record.convictions)
        if i not in serving
        and i not in listed
        and c.sentence is None
        and c.jurisdiction is Jurisdiction.federal
        and not awaiting_sentencing(c, day)
        and (c.conviction_date is None or c.conviction_date <= day)
        and shared.pardon_of(c, day) is None
    ]


def _may_be_listed(counts: list[Count], path: str) -> bool:
    """A count a clause lists or may list, or one that cannot be read; or no count recorded."""
    if not counts:
        return True
    for j, count in enumerate(counts):
        at = f"{path}.counts[{j}]"
        if exclusions.unreadable(count, at) or exclusions.screen_count(count, at):
            return True
    return False


def no_term(record: Record, day: date, version_id: str) -> Determination | None:
    """Not applicable yet when the only federal conviction(s) await sentencing."""
    waiting = _awaiting(record, day)
    if not waiting:
        return None
    paths = [awaiting_path(record.convictions[i], f"convictions[{i}]") for i in waiting]
    return _moot(
        "No sentence has been imposed yet: time credits are earned once a sentence of "
        "imprisonment commences (18 U.S.C. 3632(d)(4)(B)(ii)).",
        f"Awaiting sentencing ({', '.join(paths)}): no term of imprisonment has "
        "been imposed. A prisoner may not earn time credits for programming completed "
        "during official detention before the sentence commences under 18 U.S.C. "
        "3585(a); the question returns once a prison term is imposed.",
        paths,
        "18 U.S.C. 3632(d)(4)(B)(ii)",
        version_id,
    )


def no_sentence(record: Record, day: date, version_id: str) -> Determination | None:
    """With no federal prison term recorded: ``insufficient_facts`` when a federal conviction
    entered by ``day`` (or on a day not recorded), not awaiting sentencing nor pardoned, has no
    sentence recorded at all. Its sentence may be a term of imprisonment, the one credits are
    earned against (18 U.S.C. 3632(d)(4)): the record does not show that there is none."""
    shared = timeline(record)
    found = [
        i
        for i, c in enumerate(record.convictions)
        if c.sentence is None
        and c.jurisdiction is Jurisdiction.federal
        and not awaiting_sentencing(c, day)
        and (c.conviction_date is None or c.conviction_date <= day)
        and shared.pardon_of(c, day) is None
    ]
    if not found:
        return None
    paths = [f"convictions[{i}].sentence" for i in found]
    return Determination(
        program=PROGRAM_ID,
        outcome=Outcome.insufficient_facts,
        reason=f"No sentence is recorded for a federal conviction ({', '.join(paths)}): whether "
        "it includes a term of imprisonment, which decides whether time credits apply, is not "
        "recorded.",
        findings=[
            Finding(
                finding="Time credits are earned and applied against a sentence of "
                "imprisonment (18 U.S.C. 3632(d)(4)); the record gives no sentence for the "
                "conviction, so it does not show that no prison term was imposed.",
                facts=dict.fromkeys(paths),
                citation="18 U.S.C. 3632(d)(4)",
                rule_version=version_id,
                url=EARN_URL,
            )
        ],
        missing_facts=paths,
    )


def completed(current: list[Served], version_id: str) -> Determination | None:
    """Not applicable when the record states every sentence of the term being served completed
    (``sentence.completed``): no term remains for credits to shorten (3632(d)(4)(C))."""
    done = [s for s in current if s.conviction.sentence and s.conviction.sentence.completed]
    if not current or len(done) < len(current):
        return None
    paths = [f"convictions[{s.index}].sentence.completed" for s in done]
    return _moot(
        "The record states the sentence completed: no prison term remains for time "
        "credits to be earned against or applied to.",
        f"The sentence is stated completed ({', '.join(paths)}), prison and "
        "supervision: time credits are applied toward prerelease custody or supervised "
        "release (18 U.S.C. 3632(d)(4)(C)), and none remains.",
        paths,
        "18 U.S.C. 3632(d)(4)(C)",
        version_id,
    )


def _moot(
    reason: str, finding: str, paths: list[str], citation: str, version_id: str
) -> Determination:
    """``not_applicable`` for a fact that makes the question moot, with its cited finding."""
    return Determination(
        program=PROGRAM_ID,
        outcome=Outcome.not_applicable,
        reason=reason,
        findings=[
            Finding(
                finding=finding,
                facts=dict.fromkeys(paths, True),
                citation=citation,
                rule_version=version_id,
                url=EARN_URL,
            )
        ],
    )


def beside_the_term(record: Record, current: list[Served], day: date) -> list[tuple[str, str, str]]:
    """Convictions beside the term being served that may join its aggregate (3584(c)) with a
    listed offense (3632(d)(4)(D)): awaiting sentencing, or no sentence recorded; and a previous
    conviction of a kind clause (li) names, which may make a count of the term listed
    (:func:`prior_violent.open_counts`). Each as (what is unknown, the fact that would decide it,
    citation); the program's answer and the sentence block's projection both read them (neither
    projects credits past them)."""
    notes: list[tuple[str, str, str]] = []
    awaiting = _awaiting(record, day)
    unknown = _sentence_unknown(record, current, day)
    for i in awaiting:
        notes.append(
            (
                f"convictions[{i}] awaits sentencing: its term may join the aggregate being "
                "served (18 U.S.C. 3584(c)) and its offense may bar credits for the whole term "
                "(3632(d)(4)(D))",
                awaiting_path(record.convictions[i], f"convictions[{i}]"),
                "18 U.S.C. 3584(c); 18 U.S.C. 3632(d)(4)(D)",
            )
        )
    for i in unknown:
        notes.append(
            (
                f"convictions[{i}] is a federal conviction whose counts 3632(d)(4)(D) lists or "
                "may list (or which are not recorded), and the record gives no sentence for it: "
                "whether the person is serving a term for it, within the aggregate being served "
                "(18 U.S.C. 3584(c)), is unknown",
                f"convictions[{i}].sentence.imprisonment",
                "18 U.S.C. 3584(c); 18 U.S.C. 3632(d)(4)(D)",
            )
        )
    notes += prior_violent.open_counts(record, current, day, {*awaiting, *unknown})
    return notes


def open_questions(
    record: Record,
    current: list[Served],
    ordered: immigration.Removal,
    day: date,
    version_id: str,
) -> Determination | None:
    """``needs_review`` naming each fact that leaves an otherwise eligible answer open."""
    notes = beside_the_term(record, current, day)
    for s in current:
        if s.conviction.treaty_transfer is not None:
            notes.append(
                (
                    f"convictions[{s.index}] is a foreign conviction served here under a "
                    "transfer treaty: the Bureau computes it as a U.S. sentence (18 U.S.C. "
                    "4105), but whether a transferred prisoner earns and applies First Step Act "
                    "credits is an open question",
                    f"convictions[{s.index}].treaty_transfer",
                    "18 U.S.C. 4105; 18 U.S.C. 3632(d)(4)",
                )
            )
    notes += [
        (text, path, immigration.CITATION)
        for text, path in zip(
            immigration.review_notes(ordered), ordered.undated + ordered.detainers, strict=True
        )
    ]
    if not notes:
        return None
    return Determination(
        program=PROGRAM_ID,
        outcome=Outcome.needs_review,
        reason="No disqualifying conviction, but " + "; ".join(text for text, _, _ in notes) + ".",
        findings=[
            Finding(
                finding=text[0].upper() + text[1:] + ".",
                facts={path: None},
                citation=citation,
                rule_version=version_id,
                url=URL,
            )
            for text, path, citation in notes
        ],
        missing_facts=sorted({path for _, path, _ in notes}),
    )
