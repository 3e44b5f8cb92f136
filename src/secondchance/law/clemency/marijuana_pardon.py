"""clemency.marijuana_pardon: is a marijuana conviction (or a pending charge: the proclamations
pardon the offense "regardless of whether they have been charged with or prosecuted for" it)
already pardoned by Proclamation 10467 or 10688, and may the person apply for the certificate of
pardon?

``eligible`` means "pardoned by a proclamation; may apply for the certificate", with ``date`` the
first proclamation that covers the offense. The rules themselves are in
:mod:`~secondchance.law.clemency.marijuana_count` (the count test) and
:mod:`~secondchance.law.clemency.marijuana_proclamations` (their terms).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from secondchance.engine.determination import Determination, Finding, FindingRole, Outcome
from secondchance.engine.rules import Context, Program
from secondchance.law.clemency.certificates import (
    certifying_grant,
    early_grant,
    named_marijuana,
)
from secondchance.law.clemency.facts import FEDERAL, convicted_by, indexed, label
from secondchance.law.clemency.grant_effect import pardon_effect
from secondchance.law.clemency.marijuana_count import answer_count
from secondchance.law.clemency.marijuana_proclamations import (
    CountAnswer,
    Proclamation,
    marijuana_proclamations,
    proclamation_dates,
)
from secondchance.law.clemency.pardoned import late_grants, other_categorical
from secondchance.law.clemency.pending_charges import charge_as_conviction, open_charges
from secondchance.law.clemency.where_to_file import where_to_file
from secondchance.law.declarative import (
    Answer,
    Citing,
    Rule,
    Shown,
    Step,
    Test,
    Verdict,
    always,
    decide,
    once,
)
from secondchance.law.parameters import value
from secondchance.law.rule_book import rule_fields, text
from secondchance.record.schema import Conviction, Jurisdiction, Record

PROGRAM = "clemency.marijuana_pardon"
BOOK_KEY = f"{PROGRAM}/10688"
"""The rule version's entry in the rule book (parameters/rules/clemency.yaml)."""
VERSION = rule_fields(BOOK_KEY)["version"]
RULE_VERSION = f"{PROGRAM}@{VERSION}"
CITATION = rule_fields(BOOK_KEY)["citation"]
URL = text("clemency", "cfr3_2023")
"""Proclamation 10688 in the 2023 compilation of 3 CFR (GovInfo)."""
URL_10467 = text("clemency", "cfr3_2022")
"""Proclamation 10467 in the 2022 compilation of 3 CFR (GovInfo)."""


say = Citing(RULE_VERSION, CITATION, URL)
"""This rule's findings (its citation and address unless a finding names another text)."""


def _offenses(proc: Proclamation) -> str:
    """What a proclamation pardons, in words: simple possession, and attempt or use where its
    text reaches them (Proclamation 10688 added attempt and the CFR's use provisions)."""
    more = [w for w, listed in (("attempt", proc.attempt), ("use", proc.cfr)) if listed]
    return "simple possession" + (f" (or {' or '.join(more)})" if more else "")


def _count_finding(answer: CountAnswer, cited: str) -> Finding:
    facts: dict[str, object] = {f"{answer.path}.statute": cited}
    statute = cited if cited.strip() else "statute not recorded"
    if answer.covered_by is not None and answer.certified:
        proc = answer.covered_by
        return say(
            f"{answer.path} ({statute}) is pardoned by {proc.id} of {proc.signed.isoformat()} as "
            "the record's grant shows (a certificate naming the proclamation): the record leaves "
            "the proclamation's conditions open, and the certificate shows the Office found them "
            "met. The certificate covers only counts the proclamation can cover.",
            facts,
            url=proc.url,
        )
    if answer.covered_by is not None and answer.charged:
        proc = answer.covered_by
        return say(
            f"{answer.path} ({statute}) is a pending charge, not a conviction, but the offense is "
            f"pardoned by {proc.id} of {proc.signed.isoformat()}: the proclamation pardons those "
            f"who committed {_offenses(proc)} of marijuana on or before that "
            "date, 'regardless of whether they have been charged with or prosecuted for' it, "
            "being a U.S. citizen or lawful permanent resident on that date and not unlawfully "
            "present at the time of the offense. The pardon took effect by the proclamation; no "
            "petition is needed.",
            facts,
            url=proc.url,
        )
    if answer.covered_by is not None:
        proc = answer.covered_by
        return say(
            f"{answer.path} ({statute}) is pardoned by {proc.id} of {proc.signed.isoformat()}: "
            f"{_offenses(proc)} of marijuana committed or convicted on or "
            "before that date, by a person who was a U.S. citizen or lawful permanent resident "
            "on that date and not unlawfully present at the time of the offense. The pardon took "
            "effect by the proclamation; no petition is needed.",
            facts,
            url=proc.url,
        )
    if answer.pending is not None:
        return say(
            f"{answer.path} ({statute}): no proclamation covering it has been signed yet; "
            f"{answer.pending.id} will cover it on {answer.pending.signed.isoformat()}.",
            facts,
            url=answer.pending.url,
        )
    if answer.unsigned is not None:
        return say(
            f"{answer.path} ({statute}) is not pardoned yet, and not ruled out: no proclamation "
            f"that may reach it had been signed by this day: {answer.not_covered}. From "
            f"{answer.unsigned.signed.isoformat()}, whether it is covered is for review.",
            facts,
            url=answer.unsigned.url,
        )
    if answer.missing:
        why = f" ({answer.review})" if answer.review else ""
        return say(
            f"{answer.path} ({statute}): whether a proclamation covers it depends on facts the "
            f"record lacks: {', '.join(answer.missing)}{why}.",
            facts,
        )
    if answer.review:
        return say(f"{answer.path} ({statute}) may be covered: {answer.review}.", facts)
    return say(
        f"{answer.path} ({statute}) is not pardoned by a proclamation: {answer.not_covered}.", facts
    )


def _with_certificate(
    record: Record, index: int, conviction: Conviction, j: int, answer: CountAnswer, day: date
) -> CountAnswer:
    """A count the proclamations leave open (facts missing, for review) is covered when a
    recorded grant names a proclamation that can cover it: the certificate shows the Office
    found it covered. A count they rule out stays ruled out (``grant_reaches``). A count not
    covered on the proclamation's own terms, with a grant naming a proclamation dated before
    that proclamation was signed, is for review."""
    if answer.covered_by is not None or not answer.relevant:
        return answer
    count = conviction.counts[j]
    grant = certifying_grant(record, index, conviction, j, count, day)
    proc = named_marijuana(grant, day) if grant is not None else None
    if proc is not None:
        return CountAnswer(path=answer.path, covered_by=proc, certified=True)
    early = early_grant(record, conviction, day)
    if early is None:
        return answer
    grant, named = early
    return CountAnswer(
        path=answer.path,
        review=(
            f"the record's pardon granted {grant.granted_on.isoformat()} names {named.id}, "
            f"signed only on {named.signed.isoformat()}: a grant under a proclamation cannot "
            "predate it, so the grant is not relied on and the record is for review"
        ),
    )


def _answers(record: Record, day: date) -> list[tuple[CountAnswer, str]]:
    """Every marijuana-relevant count of the convictions entered by ``day`` and of the charges
    pending on ``day`` (the proclamations pardon the offense whether or not charged)."""
    answers: list[tuple[CountAnswer, str]] = []
    for i, conviction in enumerate(record.convictions):
        if not convicted_by(conviction, day):
            continue
        for j, count in enumerate(conviction.counts):
            answer = answer_count(record, i, conviction, j, count, day)
            answer = _with_certificate(record, i, conviction, j, answer, day)
            if answer.relevant:
                answers.append((answer, count.statute))
    for k, charge in open_charges(record, day):
        as_conviction = charge_as_conviction(charge)
        for j, count in enumerate(charge.counts):
            answer = answer_count(record, k, as_conviction, j, count, day, charge=k)
            if answer.relevant:
                answers.append((answer, count.statute))
    return answers


def _brief(answer: CountAnswer) -> str:
    """One count's answer in a few words, for the summary reason."""
    if answer.covered_by is not None:
        charged = " (charged, not convicted)" if answer.charged else ""
        return f"pardoned by {answer.covered_by.id}{charged}"
    if answer.pending is not None:
        return f"not covered until {answer.pending.id} ({answer.pending.signed.isoformat()})"
    if answer.unsigned is not None:
        return f"not pardoned yet ({answer.unsigned.id}, {answer.unsigned.signed}, may reach it)"
    if answer.missing:
        return "open: " + ", ".join(answer.missing)
    if answer.review:
        return "for review"
    return "not covered: " + (answer.brief or answer.not_covered or "no proclamation covers it")


def _summary(record: Record, answers: list[CountAnswer]) -> str:
    """Which convictions (and pending charges) are pardoned and which are not: by conviction
    where all its counts answer alike, else by count."""
    owners: dict[str, list[CountAnswer]] = {}
    for answer in answers:
        owners.setdefault(answer.owner, []).append(answer)
    parts: list[str] = []
    for owner, group in owners.items():
        briefs = [_brief(a) for a in group]
        whole = len(set(briefs)) == 1
        if whole and owner.startswith("convictions["):
            index = int(owner[len("convictions[") : -1])
            whole = len(group) == len(record.convictions[index].counts)
        if whole:
            parts.append(f"{owner} {briefs[0]}")
        else:
            parts += [f"{a.path} {b}" for a, b in zip(group, briefs, strict=True)]
    return "; ".join(parts)


def _certificate_findings(
    record: Record, day: date, covered: list[CountAnswer], certificate_url: str
) -> list[Finding]:
    findings = [
        say(
            "The certificate of pardon is the proof of the pardon: apply to the Office of "
            f"the Pardon Attorney ({certificate_url}); the certificate is the only document "
            "issued.",
            {},
            url=certificate_url,
        )
    ]
    for answer in covered:
        if not answer.charged or answer.covered_by is None:
            continue
        proc = answer.covered_by
        charge = record.pending_charges[int(answer.owner[len("pending_charges[") : -1])]
        filed = charge.filed_on
        text = (
            f"{answer.owner} is still pending: Proclamation 10467 directs certificates to "
            "eligible applicants 'who have been charged or convicted', so a charge is enough to "
            "apply. The record does not show how the pending case ends."
        )
        first = min(marijuana_proclamations(day), key=lambda p: p.signed)
        if proc.id == first.id and (filed is None or filed > first.signed):
            when = f"was filed {filed.isoformat()}" if filed else "has no filing date recorded"
            text += (
                " The Office's certificate form for Proclamation 10467 asks whether 'on or "
                f"before {first.signed.isoformat()}' the applicant was charged or convicted, and "
                f"the charge {when}: whether the Office issues a certificate on it is for review "
                "(the pardon itself turns on the offense date, not the charge)."
            )
        findings.append(
            say(text, {f"{answer.owner}.filed_on": filed.isoformat() if filed else None})
        )
    granted = [g for g in record.clemency if g.proclamation and g.certificate_issued]
    if granted:
        findings.append(
            say(
                "The record shows a certificate already issued under "
                f"{', '.join(sorted({str(g.proclamation) for g in granted}))}.",
                {"clemency[].certificate_issued": True},
            )
        )
    return findings


@dataclass
class Facts:
    """Every count of every conviction and pending charge, answered; the findings so far."""

    record: Record
    day: date
    answers: list[CountAnswer]
    findings: list[Finding]

    @once
    def covered(self) -> list[CountAnswer]:
        return [a for a in self.answers if a.covered_by is not None]

    @once
    def missing(self) -> list[str]:
        return sorted({m for a in self.answers for m in a.missing})

    @once
    def late(self) -> list[tuple[str, list[str]]]:
        """Grants naming a conviction under a proclamation its count's offense comes after."""
        return late_grants(self.record, self.day)

    @once
    def unsigned(self) -> Proclamation | None:
        """The first proclamation, not yet signed on the day asked, that covers or may cover a
        count (None: none)."""
        procs = [p for a in self.answers for p in (a.pending, a.unsigned) if p is not None]
        return min(procs, key=lambda p: p.signed, default=None)

    @property
    def first(self) -> date:
        """The first proclamation that covers a count."""
        return min(a.covered_by.signed for a in self.covered if a.covered_by is not None)


def _counts_answered(record: Record, day: date) -> Facts | Determination:
    """The counts of federal, D.C. and court-martial convictions and of charges pending, each
    answered; ``not_applicable`` when there is none to answer."""
    answered = _answers(record, day)
    answers = [a for a, _ in answered]
    findings = [_count_finding(a, s) for a, s in answered] + _other_categorical(record, day)
    if not answers:  # where to file is not shown: nothing is left to petition for here
        return Determination(
            program=PROGRAM,
            outcome=Outcome.not_applicable,
            reason="No count of simple possession, attempted possession or use of marijuana, or "
            "any marijuana count, is recorded.",
            findings=[f for f in findings if f.role is not FindingRole.where_to_file],
        )
    return Facts(record, day, answers, findings)


PARDON_EFFECT = pardon_effect(RULE_VERSION)
"""Built once: nothing changes a finding in place (the engine copies one to change it)."""


def _pardoned(f: Facts) -> Answer:
    certificate_url = str(value("clemency.marijuana.certificate_url", on=f.day))
    findings = _certificate_findings(f.record, f.day, f.covered, certificate_url)
    findings.append(PARDON_EFFECT)
    findings += where_to_file(f.record, f.day, RULE_VERSION, "clemency petition", other=True)
    return Answer(
        f"Pardoned by proclamation ({f.first.isoformat()}): "
        f"{_summary(f.record, f.answers)}; may apply for the certificate of pardon.",
        findings,
        missing=f.missing,
        date=f.first,
    )


def _not_yet_signed(f: Facts) -> str:
    """Nothing is pardoned before a proclamation is signed, whatever its terms: the reason says
    so, naming the signing day of the first one that covers (or may cover) a count, and does not
    say that the count is not covered."""
    proc = f.unsigned
    assert proc is not None
    may = any(a.unsigned is not None and a.pending is None for a in f.answers)
    reach = "covers or may cover" if may else "covers"
    return (
        f"No marijuana proclamation that {reach} a recorded count had been signed by this date: "
        f"{proc.id} is signed on {proc.signed.isoformat()}"
        + (" (from then, whether it covers the count is for review)." if may else ".")
    )


def _other_categorical(record: Record, day: date) -> list[Finding]:
    """A finding for each conviction another categorical pardon may cover."""
    found = []
    for i, conviction in indexed(record, day, *FEDERAL, Jurisdiction.military):
        other = other_categorical(record, conviction, day)
        if other is not None:
            found.append(
                Finding(
                    finding=f"{label(i, conviction)} may be pardoned by {other.id}: "
                    f"{other.reason}.",
                    facts={},
                    citation=other.id,
                    rule_version=RULE_VERSION,
                    url=other.url,
                )
            )
    return found


STEPS: tuple[Step[Facts], ...] = (
    Test(
        "a count is pardoned by a proclamation signed by the day asked",
        Verdict.clear,
        holds=lambda f: bool(f.covered),
        answer=_pardoned,
    ),
    Shown(
        "where to file",
        lambda f: where_to_file(f.record, f.day, RULE_VERSION, "clemency petition"),
    ),
    Test(
        "a recorded grant names a proclamation its count's offense comes after",
        Verdict.review,
        holds=lambda f: bool(f.late),
        answer=lambda f: Answer(
            "; ".join(why[0].upper() + why[1:] for why, _ in f.late)
            + ". Which is right is a matter for review.",
            missing=sorted({p for _, paths in f.late for p in paths}),
        ),
    ),
    Test(
        "whether a count is covered depends on missing facts",
        Verdict.unknown,
        holds=lambda f: bool(f.missing),
        answer=lambda f: Answer(
            "Whether a marijuana proclamation pardons a count depends on missing facts.",
            missing=f.missing,
        ),
    ),
    Test(
        "a count may be covered; the text leaves it open",
        Verdict.review,
        holds=lambda f: any(a.review for a in f.answers),
        answer=lambda f: Answer(
            "A marijuana count may be covered by a proclamation; the text leaves it open."
        ),
    ),
    Test(
        "the proclamation that covers (or may cover) the offense is not yet signed",
        Verdict.bars,
        holds=lambda f: f.unsigned is not None,
        answer=lambda f: Answer(_not_yet_signed(f)),
    ),
    Test(
        "no count is an offense the proclamations pardon",
        Verdict.bars,
        holds=always,
        answer=lambda f: Answer(
            "No recorded count is an offense the marijuana proclamations pardon."
        ),
    ),
)


def said_eligible(det: Determination) -> str:
    """``eligible`` as the glance says it: the proclamation already pardons the offense (no
    petition), and the certificate is had on application. ``date`` is the first covering
    proclamation's signing day, which names it."""
    if det.date is None:
        return "PARDONED by proclamation — may apply for the certificate of pardon"
    signed = [p.id for p in marijuana_proclamations(det.date) if p.signed == det.date]
    by = signed[0] if signed else "proclamation"
    return f"PARDONED by {by} of {det.date.isoformat()} — may apply for the certificate of pardon"


def change_points(record: Record, ctx: Context) -> list[date]:
    """The proclamations' dates (a count may become pardoned on each), conviction dates, and
    the days a charge is filed or resolved."""
    convicted = [c.conviction_date for c in record.convictions if c.conviction_date]
    charges = [d for c in record.pending_charges for d in (c.filed_on, c.resolved_on) if d]
    return [*proclamation_dates(ctx.as_of), *convicted, *charges]


RULE: Rule[Facts] = Rule(
    **rule_fields(BOOK_KEY),
    summary="Proclamations 10467 and 10688 pardon federal and D.C. simple possession (10688: "
    "also attempt and use) of marijuana committed or convicted on or before their dates, by "
    "U.S. citizens and lawful permanent residents not unlawfully present at the offense, "
    "charged or not; the pardon takes effect by the proclamation and the certificate is had on "
    "application.",
    who=_counts_answered,
    findings=lambda f: f.findings,
    steps=STEPS,
)


def evaluate(record: Record, day: date, ctx: Context) -> Determination:
    """Answer every count of every conviction and pending charge; the record's answer is the
    best-established one, and its reason says which convictions are pardoned and which not."""
    return decide(RULE, record, day)


PROGRAM_DEF = Program(
    id=PROGRAM,
    title="Categorical marijuana pardons (Proclamations 10467 and 10688)",
    versions=(RULE.rule_version(evaluate),),
    change_points=change_points,
    eligible_words=said_eligible,
)
