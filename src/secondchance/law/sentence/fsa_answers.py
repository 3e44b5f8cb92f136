"""The answers of ``fsa.time_credits`` (18 U.S.C. 3632(d)(4)) once the aggregate term being
served is known: a term that ended before the First Step Act, a listed conviction, a final
order of removal, a commutation to a release date, facts left open, or eligible."""

from __future__ import annotations

from datetime import date

from secondchance.engine.determination import Determination, Finding, Outcome
from secondchance.law.sentence import exclusions, standing
from secondchance.law.sentence.aggregate import Served
from secondchance.law.sentence.count_screen import CountScreen, unread_reason
from secondchance.law.sentence.immigration import Removal
from secondchance.law.sentence.time_credits import APPLY_URL, EARN_URL
from secondchance.law.sentence.versions import FSA_ENACTED
from secondchance.record.schema import Commutation, Record

PROGRAM_ID = "fsa.time_credits"
ENACTED = FSA_ENACTED
"""Enactment of the First Step Act; no time credits for days before it (28 CFR 523.42(b)(1))."""
_ENACTED_ON = ENACTED.isoformat()
BEFORE_ACT = "28 CFR 523.42(b)(1)"

Commuted = tuple[str, Commutation]
"""A commutation to a release date in force, and where it is in the record."""


def _before_act(reason: str, finding: str, path: str, day: date, version_id: str) -> Determination:
    return Determination(
        program=PROGRAM_ID,
        outcome=Outcome.not_applicable,
        reason=reason,
        findings=[
            Finding(
                finding=finding,
                facts={path: day.isoformat()},
                citation=BEFORE_ACT,
                rule_version=version_id,
                url=EARN_URL,
            )
        ],
    )


def ended_before_act(ended: tuple[date, str], version_id: str) -> Determination:
    """Custody for the term ended before the Act: no credits for days before it."""
    on = ended[0].isoformat()
    return _before_act(
        f"The prison term ended on {on}, before the First Step Act "
        f"({_ENACTED_ON}): no time credits for days before {_ENACTED_ON} "
        "(28 CFR 523.42(b)(1)).",
        f"Custody for the sentence ended on {on} "
        f"({ended[1]}), before {_ENACTED_ON}; an inmate cannot earn time credits for "
        "programming before the Act's enactment (28 CFR 523.42(b)(1)).",
        ended[1],
        ended[0],
        version_id,
    )


def commuted_before_act(
    commuted: list[Commuted], current: list[Served], version_id: str
) -> Determination | None:
    """Every term commuted to end before the Act (else None)."""
    early = [g for _, g in commuted if g.new_release_date and g.new_release_date < ENACTED]
    if not commuted or not len(early) == len(commuted) == len(current):
        return None
    release = max(g.new_release_date for g in early if g.new_release_date)
    return _before_act(
        f"The prison term ended on {release.isoformat()} by commutation, before the "
        f"First Step Act ({_ENACTED_ON}): no time credits for days before {_ENACTED_ON} "
        "(28 CFR 523.42(b)(1)).",
        f"The sentence was commuted to end on {release.isoformat()}, before "
        f"{_ENACTED_ON}; time credits cannot be earned for days before the Act's "
        "enactment (28 CFR 523.42(b)(1)).",
        f"{commuted[0][0]}.new_release_date",
        release,
        version_id,
    )


def listed(screen: CountScreen) -> Determination:
    return Determination(
        program=PROGRAM_ID,
        outcome=Outcome.not_eligible,
        reason="Serving a sentence for a conviction listed in 18 U.S.C. 3632(d)(4)(D).",
        findings=screen.findings,
    )


def removal_ordered(ordered: Removal, screen: CountScreen, version_id: str) -> Determination:
    """A final order of removal: credits cannot be applied (3632(d)(4)(E))."""
    assert ordered.ordered_on is not None and ordered.path is not None
    removal = ordered.ordered_on
    screen.findings.append(
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
        findings=screen.findings,
    )


def commuted_to_date(commuted: Commuted, screen: CountScreen, version_id: str) -> Determination:
    """A commutation to a release date: its terms decide whether credits can move it."""
    path, grant = commuted
    assert grant.new_release_date is not None
    screen.findings.append(
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
        findings=screen.findings,
        missing_facts=sorted(set(screen.missing)),
    )


def left_open(screen: CountScreen) -> Determination:
    """Counts missing (insufficient facts) or a clause's condition undecided (for review)."""
    only_counts = not screen.undecided
    return Determination(
        program=PROGRAM_ID,
        outcome=Outcome.insufficient_facts if only_counts else Outcome.needs_review,
        reason=(
            "The counts of conviction are not in the record."
            if only_counts
            else unread_reason(screen.unread)
            if screen.unread
            else "A clause of 18 U.S.C. 3632(d)(4)(D) may reach a count; the record does "
            "not settle the fact it needs."
        ),
        findings=screen.findings,
        missing_facts=sorted(set(screen.missing)),
    )


def eligible(
    record: Record,
    current: list[Served],
    ordered: Removal,
    day: date,
    screen: CountScreen,
    version_id: str,
) -> Determination:
    """No count listed: eligible, unless an open question of standing remains."""
    findings = [
        *screen.findings,
        Finding(
            finding="No count of conviction is listed in 18 U.S.C. 3632(d)(4)(D): time credits "
            "may be earned for successful participation in recommended programs.",
            citation="18 U.S.C. 3632(d)(4)(A), (D)",
            rule_version=version_id,
            url=exclusions.URL,
        ),
    ]
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
