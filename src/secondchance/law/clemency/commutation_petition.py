"""clemency.commutation_petition: may the person petition now for a commutation (28 CFR 1.3 and
the Office of the Pardon Attorney's commutation instructions)?

A commutation reduces a sentence that is being served: a prison term, or a fine or restitution
not yet paid (remission). Requests are generally not accepted before the person has begun serving
the sentence, nor while the person is challenging the conviction or sentence by appeal or other
court proceeding (``needs_review``). Clemency authorities weigh the availability of other
remedies (judicial or administrative relief such as a sentence-reduction motion) first. After the
sentence is served, the route is a petition for pardon. A commutation that set a release date on
or before the day asked ended the prison term: what remains is supervision, a fine or
restitution; when only a fine or restitution is owed, the request is for its remission (28 CFR
1.1, "remission of fine"; the Office's instructions). Federal and D.C. Superior Court sentences
only; a court-martial sentence still being served goes to the military department
(``needs_review``), and one fully served leaves nothing. 28 CFR 1.3 itself was found only in
its opening words; the Office's instructions are encoded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from secondchance.engine.determination import Determination, Finding, FindingRole, Outcome
from secondchance.engine.rules import ChangePoint, Context, Program
from secondchance.law.clemency.commutation_sentences import (
    Remaining,
    pending_challenges,
    read_federal,
    read_military,
    unattributed_serving,
)
from secondchance.law.clemency.commutation_sources import (
    BOOK_KEY,
    INSTRUCTIONS_URL,
    PROGRAM,
    RULE_VERSION,
    say,
)
from secondchance.law.clemency.facts import (
    FEDERAL,
    confinement,
    indexed,
    label,
    shared_change_points,
    unsure_text,
)
from secondchance.law.clemency.grant_effect import commutation_effect
from secondchance.law.clemency.marijuana_proclamations import proclamation_dates
from secondchance.law.clemency.pardoned import grant_doubt_tests, pardoned_on
from secondchance.law.clemency.scope import (
    not_reached,
    split_treaty,
    treaty_finding,
)
from secondchance.law.clemency.where_to_file import where_to_file
from secondchance.law.declarative import (
    Answer,
    Rule,
    Test,
    Verdict,
    always,
    decide,
    once,
)
from secondchance.law.rule_book import rule_fields
from secondchance.record.query import sentenced_on
from secondchance.record.schema import (
    ClemencyKind,
    Conviction,
    Jurisdiction,
    Record,
)
from secondchance.record.timeline import grant_covers
from secondchance.record.unrecorded import unrecorded_terms


@dataclass
class Facts:
    """What the tests read: the record, the day, what is left of the sentences, and the
    findings so far."""

    record: Record
    day: date
    out: Remaining
    findings: list[Finding]

    @once
    def challenges(self) -> list[tuple[int, date | None]]:
        """Court challenges pending on the day (filed by then, not yet resolved)."""
        return pending_challenges(self.record, self.day)

    @once
    def open_commutations(self) -> list[str]:
        """Commutations granted by the day, of a conviction whose custody is open on it, that
        set neither a release date nor a new prison term (a warrant "to time served", or one of
        a fine only), or recorded in ``clemency`` with no terms on the sentence: whether the
        commutation ended the prison term is not recorded, so the person may no longer be
        serving it (U.S. Const. art. II, sec. 2, cl. 1)."""
        found = []
        for i, conviction in indexed(self.record, self.day, *FEDERAL):
            if not confinement(self.record, i, conviction, self.day).confined_on_day:
                continue
            sentence = conviction.sentence
            terms = sentence.commutations if sentence else []
            for k, grant in enumerate(terms):
                if grant.granted_on > self.day or grant.new_release_date is not None:
                    continue
                if grant.new_imprisonment is None or grant.new_imprisonment.is_zero:
                    found.append(f"convictions[{i}].sentence.commutations[{k}].new_release_date")
            # A commutation in the clemency list whose terms the sentence does not record (no
            # commutation of the same day on it): what it left of the prison term is not known.
            if any(
                g.kind is ClemencyKind.commutation
                and g.granted_on <= self.day
                and grant_covers(g, conviction)
                and not any(t.granted_on == g.granted_on for t in terms)
                for g in self.record.clemency
            ):
                found.append(f"convictions[{i}].sentence.commutations")
        return found

    @property
    def serving_or_owing(self) -> bool:
        return bool(self.out.serving or self.out.owing)

    @property
    def missing(self) -> list[str]:
        """Facts whose absence leaves open whether any part of the sentence is still served. A
        supervision period with no start decides the answer only where nothing else does: a
        sentence not begun is not_eligible, and other supervision or a court-martial sentence is
        needs_review, whether or not it covers the day."""
        out = self.out
        decided = out.not_begun or out.supervised or out.military
        return out.missing + ([] if decided else out.supervision_starts)


def _sentences_left(record: Record, day: date) -> Facts | Determination:
    """The federal, D.C. and court-martial sentences, read into what is left of them; the
    answer at once when none is reached or none is left to commute."""
    federal, foreign = split_treaty(indexed(record, day, *FEDERAL))
    military = indexed(record, day, Jurisdiction.military)
    if not federal and not military:
        return not_reached(PROGRAM, record, day, foreign, RULE_VERSION, "petition for commutation")
    out = Remaining()
    if foreign:
        out.findings.append(treaty_finding(foreign, RULE_VERSION))
    for i, conviction in federal:
        read_federal(record, i, conviction, day, out)
    for i, conviction in military:
        read_military(record, i, conviction, day, out)
    unattributed_serving(record, day, out)
    none_left = _none_left(record, day, federal, military, out)
    if none_left is not None:
        return none_left
    return Facts(record, day, out, out.findings + _background(record, day, military, out))


def _none_left(
    record: Record,
    day: date,
    federal: list[tuple[int, Conviction]],
    military: list[tuple[int, Conviction]],
    out: Remaining,
) -> Determination | None:
    """Every federal and D.C. conviction already pardoned, or with no sentence to commute."""
    if military or not federal:
        return None
    if out.pardoned == len(federal):
        return Determination(
            program=PROGRAM,
            outcome=Outcome.not_applicable,
            reason="Every federal and D.C. conviction is already pardoned: nothing to commute.",
            findings=out.findings,
            pardoned_on=pardoned_on(record, federal, day),
        )
    if out.nothing and out.pardoned + len(out.nothing) == len(federal):
        return Determination(
            program=PROGRAM,
            outcome=Outcome.not_applicable,
            reason="No federal or D.C. sentence is left to commute: " + "; ".join(out.nothing),
            findings=out.findings,
        )
    return None


# Findings with no facts are built once: nothing changes a finding in place (the engine copies
# one to change it).
OTHER_REMEDIES = say(
    "Clemency authorities weigh the time already served and the availability of other "
    "remedies (such as a motion to reduce the sentence, or parole) first; a commutation "
    "of a prison term is considered only in exceptional circumstances.",
    citation="Office of the Pardon Attorney, Commutation Instructions, para. 4; BOP P.S. 1330.15",
    url=INSTRUCTIONS_URL,
    role=FindingRole.background,
)
COMMUTATION_EFFECT = commutation_effect(RULE_VERSION)


def _background(
    record: Record, day: date, military: list[tuple[int, Conviction]], out: Remaining
) -> list[Finding]:
    """Other remedies first, what a commutation does, who handles a court-martial sentence,
    where to file."""
    findings = [OTHER_REMEDIES]
    if not any(f.finding.startswith("What a commutation does") for f in out.findings):
        findings.append(COMMUTATION_EFFECT)
    if military:
        findings.append(
            say(
                "The Office of the Pardon Attorney does not process commutation requests for "
                "court-martial sentences; the military branch that handled the conviction does.",
                {f"{label(i, c)}.jurisdiction": "military" for i, c in military},
            )
        )
    return findings + where_to_file(record, day, RULE_VERSION, "petition for commutation")


REMISSION_CITATION = (
    "28 CFR 1.1 ('commutation of sentence, or remission of fine'); Office of the Pardon "
    "Attorney, Commutation Instructions, para. 3"
)


def _serving_what(kinds: set[Jurisdiction]) -> str:
    """The sentences being served, by jurisdiction: a D.C. Code sentence is not a federal one,
    though the President's clemency reaches it (28 CFR 1.1) and the BOP houses D.C. prisoners."""
    named = {Jurisdiction.federal: "a federal sentence", Jurisdiction.dc: "a D.C. Code sentence"}
    words = [w for j, w in named.items() if j in kinds]
    return " and ".join(words) or "a federal or D.C. Code sentence"


def _serving_or_owing(f: Facts) -> Answer:
    """A prison term being served, or (remission) a fine or restitution owed."""
    out = f.out
    if out.serving:
        return Answer(
            f"Serving {_serving_what(out.serving_in)}: a commutation petition may be filed "
            "(never a prediction that it will be granted).",
            [say("Serving the sentence: " + "; ".join(out.serving + out.owing) + ".")],
        )
    remission = say(
        "No prison term is being served, but a fine or restitution is owed ("
        + "; ".join(out.owing)
        + "). The President's clemency power includes the authority to remit, or reduce, "
        "the amount of a fine or restitution order that has not already been paid, and "
        "the commutation application is the form for relief from a fine or restitution.",
        citation=REMISSION_CITATION,
        url=INSTRUCTIONS_URL,
    )
    return Answer(
        "Only a fine or restitution is owed: the request would be for remission of the "
        "fine or restitution, made on the commutation application (28 CFR 1.1; the Office's "
        "instructions) — never a prediction that it will be granted.",
        [remission],
    )


def _challenged(f: Facts) -> Answer:
    k, resolved = f.challenges[0]
    return Answer(
        "Serving the sentence, but a court challenge is pending.",
        [
            say(
                f"A court challenge is pending (court_challenges[{k}]): commutation requests "
                "are generally not accepted until all court challenges to the conviction and "
                "sentence are concluded.",
                {f"court_challenges[{k}].resolved_on": None},
                url=INSTRUCTIONS_URL,
            )
        ],
        next_change=resolved + timedelta(days=1) if resolved else None,
    )


def _not_recorded(f: Facts) -> Answer:
    unsure = sorted(set(f.out.unsure))
    shown = [
        say(
            f"{unsure_text(unsure, f.day)}. A commutation petition is for a sentence being "
            "served, so the answer waits on that date."
        )
    ]
    return Answer(
        "Whether any part of the sentence is still being served is not recorded.",
        shown if unsure else [],
        missing=sorted(set(f.missing)),
    )


NOT_BEGUN = say(
    "The prison sentence has not begun: requests are generally not accepted until the person "
    "has begun serving it.",
    url=INSTRUCTIONS_URL,
)


def _contradicted(f: Facts) -> list[str]:
    return f.out.contradicted


def _doubtful(f: Facts) -> list[tuple[str, list[str]]]:
    return f.out.doubtful


TESTS: tuple[Test[Facts], ...] = (
    *grant_doubt_tests(_contradicted, _doubtful, "whether any sentence is left to commute"),
    Test(
        "the record contradicts itself on what is left of a sentence",
        Verdict.review,
        holds=lambda f: bool(f.out.conflicts),
        answer=lambda f: Answer(
            "The record contradicts itself: "
            + "; ".join(text for text, _ in f.out.conflicts)
            + ". Whether any part of the sentence is left to commute is for review.",
            missing=sorted({p for _, paths in f.out.conflicts for p in paths}),
        ),
    ),
    Test(
        "serving a prison term, or owing a fine or restitution (remission)",
        Verdict.clear,
        holds=lambda f: f.serving_or_owing,
        answer=_serving_or_owing,
        unless=(
            Test(
                "a commutation granted while in custody sets no release date nor new term",
                Verdict.review,
                holds=lambda f: bool(f.open_commutations),
                answer=lambda f: Answer(
                    "Custody is recorded as open, yet a commutation granted by this day sets "
                    "(or is recorded with) neither a release date nor a new prison term (a "
                    "commutation to time served releases the person): whether the prison term "
                    "is still being served is for review.",
                    missing=f.open_commutations,
                ),
            ),
            Test(
                "a court challenge to the conviction or sentence is pending",
                Verdict.review,
                holds=lambda f: bool(f.challenges),
                answer=_challenged,
            ),
        ),
    ),
    Test(
        "whether any part of the sentence is still served is not recorded",
        Verdict.unknown,
        holds=lambda f: bool(f.missing),
        answer=_not_recorded,
    ),
    Test(
        "the prison sentence has not begun",
        Verdict.bars,
        holds=lambda f: bool(f.out.not_begun),
        answer=lambda f: Answer("The sentence has not begun.", [NOT_BEGUN]),
    ),
    Test(
        "only supervision remains",
        Verdict.review,
        holds=lambda f: bool(f.out.supervised),
        answer=lambda f: Answer(
            "The Office's commutation form is for a prison sentence, fine or restitution; "
            "only supervision remains — a matter for review.",
            [say("; ".join(f.out.supervised) + ".")],
        ),
    ),
    Test(
        "a court-martial sentence remains (or may remain)",
        Verdict.review,
        holds=lambda f: bool(f.out.military),
        answer=lambda f: Answer(
            "A court-martial sentence remains (or may remain): its commutation is for the "
            "military department, not the Office of the Pardon Attorney — a matter for review.",
            [say("; ".join(f.out.military) + ".")],
        ),
    ),
    Test[Facts](
        "no part of a sentence is being served",
        Verdict.bars,
        holds=always,
        answer=lambda f: Answer(
            "No part of a federal, D.C. or court-martial sentence is being served: the route "
            "is a petition for pardon."
        ),
    ),
)


def change_points(record: Record, ctx: Context) -> list[ChangePoint]:
    """Custody beginning and ending, sentencing, court challenges resolved, commutations,
    supervision (recorded, or a term the judgment imposed with no period recorded: it ends on
    the release plus the term, 18 U.S.C. 3624(e)), grants and proclamations: each with why
    that day."""
    points: list[ChangePoint] = [(p.start, "custody begins") for p in record.custody if p.start]
    points += [
        (p.end + timedelta(days=1), "the day after release from custody")
        for p in record.custody
        if p.end
    ]
    points += [
        (c.resolved_on + timedelta(days=1), "the day after the court challenge is resolved")
        for c in record.court_challenges
        if c.resolved_on
    ]
    for conviction in record.convictions:
        imposed = sentenced_on(conviction)
        if imposed is not None:
            points.append((imposed, "the sentence is imposed"))
        for commutation in conviction.sentence.commutations if conviction.sentence else []:
            points.append((commutation.granted_on, "the commutation is granted"))
            if commutation.new_release_date:
                points.append((commutation.new_release_date, "release under the commutation"))
    points += [
        (term.ends, f"the day after the {term.kind.value.replace('_', ' ')} imposed ends")
        for term in unrecorded_terms(record, ctx.as_of)
        if term.kind is not None and term.ends is not None
    ]
    points += shared_change_points(record)
    points += proclamation_dates(ctx.as_of)
    return points


RULE: Rule[Facts] = Rule(
    **rule_fields(BOOK_KEY),
    summary="A petition for commutation is for a sentence being served: a federal or D.C. "
    "prison term, or a fine or restitution not yet paid (remission). Not before the sentence "
    "has begun, generally not while a court challenge is pending, and not for supervision "
    "alone or a court-martial sentence (the military department); once the sentence is served "
    "the route is a pardon petition.",
    who=_sentences_left,
    findings=lambda f: f.findings,
    steps=TESTS,
)


def evaluate(record: Record, day: date, ctx: Context) -> Determination:
    return decide(RULE, record, day)


PROGRAM_DEF = Program(
    id=PROGRAM,
    title="Petition for commutation of sentence (28 CFR 1.3)",
    versions=(RULE.rule_version(evaluate),),
    change_points=change_points,
)
