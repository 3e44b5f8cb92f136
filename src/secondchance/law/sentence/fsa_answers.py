"""The answers of ``fsa.time_credits`` (18 U.S.C. 3632(d)(4)) read from the aggregate term being
served (``fsa_term.Term``): at once for a term that ended, or was commuted to end, before the
First Step Act; else the words of each test: a listed conviction, a final order of removal, a
commutation to a release date, facts left open, or eligible."""

from __future__ import annotations

from datetime import date
from functools import cache

from secondchance.engine.determination import Determination, Finding, Outcome
from secondchance.law.declarative import Answer
from secondchance.law.sentence import exclusions
from secondchance.law.sentence.count_screen import unread_reason
from secondchance.law.sentence.fsa_term import ENACTED, PROGRAM_ID, Term
from secondchance.law.sentence.time_credits import APPLY_URL, EARN_URL

_ENACTED_ON = ENACTED.isoformat()
BEFORE_ACT = "28 CFR 523.42(b)(1)"


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


def ended_before_act(t: Term) -> Determination:
    """Custody for the term ended before the Act: no credits for days before it."""
    assert t.ended is not None
    on = t.ended[0].isoformat()
    return _before_act(
        f"The prison term ended on {on}, before the First Step Act "
        f"({_ENACTED_ON}): no time credits for days before {_ENACTED_ON} "
        "(28 CFR 523.42(b)(1)).",
        f"Custody for the sentence ended on {on} "
        f"({t.ended[1]}), before {_ENACTED_ON}; an inmate cannot earn time credits for "
        "programming before the Act's enactment (28 CFR 523.42(b)(1)).",
        t.ended[1],
        t.ended[0],
        t.version_id,
    )


def short_before_act(t: Term) -> Determination | None:
    """Custody for the term ended before the Act, but short of the term: the last custody
    recorded for a conviction of it ends before the term could have ended by serving it (the
    petitions' and SBA's reading, ``record.unrecorded.short_custody``), so that end is not the
    release, and whether the term was still being served on or after the Act is not known
    (28 CFR 523.42(b)(1) reaches only a term that ended before it). None where no custody of
    the term is short."""
    from secondchance.record.unrecorded import short_custody

    assert t.ended is not None
    shorts = [
        (s, found)
        for s in t.current
        if (found := short_custody(t.record, s.conviction, t.day)) is not None
    ]
    if not shorts:
        return None
    paths = list(dict.fromkeys(p for _, found in shorts for p in found.missing))
    on = t.ended[0].isoformat()
    return Determination(
        program=PROGRAM_ID,
        outcome=Outcome.insufficient_facts,
        reason=f"Custody for the sentence is recorded as ending on {on}, before the First Step "
        f"Act ({_ENACTED_ON}), but before the term could have ended: whether the term was "
        f"still being served from {_ENACTED_ON}, and so could earn time credits, is not known.",
        findings=[
            Finding(
                finding=f"convictions[{s.index}]: {found.why}. Time credits are not earned for "
                f"days before {_ENACTED_ON} (28 CFR 523.42(b)(1)), but the day the term ended is "
                "not recorded.",
                facts={path: None for path in paths},
                citation=BEFORE_ACT,
                rule_version=t.version_id,
                url=EARN_URL,
            )
            for s, found in shorts
        ],
        missing_facts=paths,
    )


def commuted_before_act(t: Term) -> Determination:
    """Every term commuted to end before the Act."""
    release = max(g.new_release_date for _, g in t.commuted if g.new_release_date)
    return _before_act(
        f"The prison term ended on {release.isoformat()} by commutation, before the "
        f"First Step Act ({_ENACTED_ON}): no time credits for days before {_ENACTED_ON} "
        "(28 CFR 523.42(b)(1)).",
        f"The sentence was commuted to end on {release.isoformat()}, before "
        f"{_ENACTED_ON}; time credits cannot be earned for days before the Act's "
        "enactment (28 CFR 523.42(b)(1)).",
        f"{t.commuted[0][0]}.new_release_date",
        release,
        t.version_id,
    )


def listed(t: Term) -> Answer:
    return Answer("Serving a sentence for a conviction listed in 18 U.S.C. 3632(d)(4)(D).")


def removal_ordered(t: Term) -> Answer:
    """A final order of removal: credits cannot be applied (3632(d)(4)(E))."""
    ordered = t.removal
    assert ordered.ordered_on is not None and ordered.path is not None
    removal = ordered.ordered_on
    finding = Finding(
        finding=f"A final order of removal ({removal.isoformat()}): the prisoner is "
        "ineligible to apply time credits toward prerelease custody or supervised "
        "release; credits may still be earned but cannot shorten the term.",
        facts={ordered.path: removal.isoformat()},
        citation="18 U.S.C. 3632(d)(4)(E)",
        rule_version=t.version_id,
        url=exclusions.URL,
    )
    return Answer("Subject to a final order of removal (18 U.S.C. 3632(d)(4)(E)).", [finding])


def life_term(t: Term) -> Answer:
    """A life term not commuted: credits cannot be applied (3624(g)(1)(A))."""
    findings = [
        Finding(
            finding=f"convictions[{s.index}] ({s.conviction.id}) is a sentence of life "
            "imprisonment: time credits are applied only once they equal the remainder of the "
            "imposed term (18 U.S.C. 3624(g)(1)(A)), and a life term has no remainder they "
            "could equal, so they cannot move any release to prerelease custody or supervised "
            "release. Credits may still be earned for programming; whether they would count "
            "if the term were later reduced to a term of years (by commutation or a sentence "
            "reduction) is not settled here.",
            facts={s.path or f"convictions[{s.index}].sentence.imprisonment": "life"},
            citation="18 U.S.C. 3624(g)(1)(A); 18 U.S.C. 3632(d)(4)(C)",
            rule_version=t.version_id,
            url=APPLY_URL,
        )
        for s in t.life
    ]
    return Answer(
        "Serving a life sentence: time credits cannot be applied to a term with no release "
        "date (18 U.S.C. 3624(g)(1)(A)); only a commutation or sentence reduction to a term "
        "of years would give them a term to shorten.",
        findings,
    )


def commuted_to_date(t: Term) -> Answer:
    """A commutation to a release date: its terms decide whether credits can move it."""
    path, grant = t.commuted[0]
    assert grant.new_release_date is not None
    finding = Finding(
        finding=f"The sentence was commuted on {grant.granted_on.isoformat()} to expire on "
        f"{grant.new_release_date.isoformat()} ({path}): time credits cannot move a "
        "release date fixed by the commutation warrant unless the warrant says "
        "otherwise; its terms decide.",
        facts={
            f"{path}.granted_on": grant.granted_on.isoformat(),
            f"{path}.new_release_date": grant.new_release_date.isoformat(),
            f"{path}.terms": grant.terms,
        },
        citation="U.S. Const. art. II, sec. 2, cl. 1 (the commutation warrant); 18 U.S.C. 3624(g)",
        rule_version=t.version_id,
        url=APPLY_URL,
    )
    return Answer(
        "Commuted to a release date: whether time credits can move a date fixed by "
        "the commutation warrant depends on its terms.",
        [finding],
        missing=sorted(set(t.screen.missing)),
    )


def undecided(t: Term) -> Answer:
    """A clause's condition the record does not settle, or a count it could not read."""
    screen = t.screen
    return Answer(
        unread_reason(screen.unread)
        if screen.unread
        else "A clause of 18 U.S.C. 3632(d)(4)(D) may reach a count; the record does "
        "not settle the fact it needs.",
        missing=sorted(set(screen.missing)),
    )


def counts_missing(t: Term) -> Answer:
    """The counts of a conviction, or the object offense of a 371 or 2 count, not recorded."""
    if t.screen.not_recorded:
        return Answer(
            "The object offense of a conspiracy (18 U.S.C. 371) or aiding-and-abetting "
            "(18 U.S.C. 2) count is not in the record: whether 18 U.S.C. 3632(d)(4)(D) lists it "
            "is unknown.",
            missing=sorted(set(t.screen.missing)),
        )
    return Answer(
        "The counts of conviction are not in the record.",
        missing=sorted(set(t.screen.missing)),
    )


@cache
def _none_listed(version_id: str) -> Finding:
    """Built once per version: a finding with no facts is never changed in place."""
    return Finding(
        finding="No count of conviction is listed in 18 U.S.C. 3632(d)(4)(D): time credits "
        "may be earned for successful participation in recommended programs.",
        citation="18 U.S.C. 3632(d)(4)(A), (D)",
        rule_version=version_id,
        url=exclusions.URL,
    )


def eligible(t: Term) -> Answer:
    """No count listed and no final order of removal."""
    return Answer(
        "No disqualifying conviction and no final order of removal.", [_none_listed(t.version_id)]
    )


def open_questions(t: Term) -> Answer:
    """Open questions of standing (``standing.open_questions``), each fact named."""
    found = t.open_questions
    assert found is not None
    return Answer(found.reason or "", found.findings, found.missing_facts)
