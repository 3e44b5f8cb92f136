"""From 'who counts' and 'status on a day' to a determination — the same for every SBA program.

A person the rule counts with a status that bars makes the business not eligible. A bar through
a person the law may or may not count, or a status whose effect the text leaves open, needs
review. A missing fact that could decide it makes the facts insufficient. Otherwise the
business is eligible on this point. Outcomes rank: not eligible, insufficient facts, needs
review, eligible (a definite bar decides whatever else is open).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from secondchance.engine.determination import Determination, Finding, Outcome
from secondchance.engine.rules import Context, RuleVersion
from secondchance.law.declarative import Citing, Verdict, version_of
from secondchance.law.parameters import parameter
from secondchance.law.sba.checks import Check, Membership, Standing, Subject
from secondchance.record.schema import Business, BusinessPerson, Record

WhoCounts = Callable[[BusinessPerson, int, date], Membership]
StatusTest = Callable[[Subject], list[Check]]
UnlistedOwners = Callable[[Business, date], Check | None]
"""Whether the equity the listed owners leave may hold an owner the rule counts
(``law/sba/associates.py``): a missing fact, or None."""


def rule_change_day() -> date:
    """The day 89 FR 34094 took effect (from the parameters)."""
    day = parameter("sba.criminal_justice_rule.effective_from").values[-1].value
    assert isinstance(day, date)
    return day


def last_day_before_change() -> date:
    return rule_change_day() - timedelta(days=1)


@dataclass(frozen=True)
class RuleText:
    """One version of one program's criminal-background rule."""

    program: str
    version: str
    title: str
    citation: str
    url: str
    summary: str  # the rule in our own words (the first finding of every determination)
    who: WhoCounts
    tests: Sequence[StatusTest]
    unlisted: UnlistedOwners
    people_word: str = "Associate"
    effective_from: date | None = None
    effective_to: date | None = None
    provisional: bool = False
    known_gaps: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    notes: tuple[tuple[str, str, str], ...] = field(default=())  # (finding, citation, url)
    takes_effect: str | None = None

    @property
    def id(self) -> str:
        return f"{self.program}@{self.version}"

    def rule_version(self) -> RuleVersion:
        def evaluate(record: Record, day: date, ctx: Context) -> Determination:
            return decide(self, record, day, ctx.asked_on)

        return version_of(self, evaluate)


def no_one(record: Record) -> str | None:
    """Why no one's record can be tested (no business named, or no people connected with it):
    every SBA answer is then ``not_applicable`` whatever else the record says; None otherwise."""
    business = record.business
    if business is None:
        return (
            "The record names no business; this program concerns a business applying for SBA "
            "financing."
        )
    if not business.people:
        return (
            "The record names no people connected with the business, so there is no one whose "
            "record this rule could test."
        )
    return None


def _combine(standing: Standing, verdict: Verdict) -> Verdict:
    if verdict is Verdict.clear or standing is Standing.counts:
        return verdict
    if standing is Standing.unclear:
        return Verdict.review if verdict is Verdict.bars else verdict
    return Verdict.unknown  # standing unknown: the missing share decides whether it bars


def decide(
    rule: RuleText, record: Record, day: date, asked_on: date | None = None
) -> Determination:
    """The determination of ``rule`` for ``record``'s business on the decisive ``day``
    (``asked_on``: the day the record speaks for, when known)."""
    cite = Citing(rule.id, rule.citation, rule.url)
    reason = no_one(record)
    if reason is not None:
        return Determination(program=rule.program, outcome=Outcome.not_applicable, reason=reason)
    business = record.business
    assert business is not None

    findings = [cite(rule.summary, {"application_date": day})]
    findings += [cite(text, {}, citation, url) for text, citation, url in rule.notes]
    verdicts: list[tuple[Verdict, str]] = []
    missing: list[str] = []
    for index, person in enumerate(business.people):
        subject = Subject(
            index=index, person=person, business=business, day=day, top=record, asked_on=asked_on
        )
        _person(rule, subject, cite, findings, verdicts, missing)
    _unlisted(rule, record, day, cite, findings, verdicts, missing)
    missing = list(dict.fromkeys(missing))
    outcome, reason = _outcome(rule, verdicts, day)
    return Determination(
        program=rule.program,
        outcome=outcome,
        reason=reason,
        findings=findings,
        missing_facts=missing if outcome is Outcome.insufficient_facts else [],
    )


def _key(name: str) -> str:
    return " ".join(name.casefold().replace(".", " ").replace(",", " ").split())


def _same_name(rule: RuleText, subject: Subject, member: Membership) -> Membership:
    """``member``, or ``unclear`` when the rule does not count the person alone but would count
    one person holding their roles and those of the other entries with the same name (two
    classes of shares written as two people, say): a person's whole share decides (13 CFR
    120.10, 115.13(a)(2), part 123), and whether the entries are one person the record does not
    say, so a bar through them needs review."""
    if member.standing is not Standing.excluded:
        return member
    person, index, day = subject.person, subject.index, subject.day
    others = {
        i: p
        for i, p in enumerate(subject.business.people)
        if i != index and _key(p.name) == _key(person.name)
    }
    if not others:
        return member
    roles = [*person.roles, *(r for p in others.values() for r in p.roles)]
    merged = rule.who(person.model_copy(update={"roles": roles}), index, day)
    if merged.standing is Standing.excluded:
        return member
    return Membership(
        Standing.unclear,
        f"{member.finding} But the business lists {len(others)} other "
        f"{'entry' if len(others) == 1 else 'entries'} named {person.name}: if they are one "
        f"person, their roles together make {person.name} counted ({merged.finding}), so "
        "whether they count needs review (write one person with all their roles if so).",
        {**member.facts, **{f"business.people[{i}].name": p.name for i, p in others.items()}},
    )


def _person(
    rule: RuleText,
    subject: Subject,
    cite: Citing,
    findings: list[Finding],
    verdicts: list[tuple[Verdict, str]],
    missing: list[str],
) -> None:
    """Whether the rule counts one person, and each test on them: their findings, verdicts
    and missing facts added to the business's."""
    person, index, day = subject.person, subject.index, subject.day
    member = _same_name(rule, subject, rule.who(person, index, day))
    checks = [check for test in rule.tests for check in test(subject)]
    findings.append(cite(member.finding, dict(member.facts)))
    if member.standing is Standing.excluded:
        return
    if not person.is_subject and "record" not in person.model_fields_set:
        path = f"business.people[{index}].record"
        text = (
            f"{person.name}'s own record is not given ({path}): whether they have a status "
            f"this rule names on {day} is unknown (write `record: {{}}` for a person with "
            "nothing to report)."
        )
        findings.append(cite(text, {path: None}))
        verdicts.append((_combine(member.standing, Verdict.unknown), text))
        missing.append(path)
        if member.standing is Standing.unknown:
            missing.extend(member.missing)
        return
    if not any(c.verdict is not Verdict.clear for c in checks):
        findings.append(
            cite(
                f"{person.name} has none of the statuses this rule names on {day}.",
                {f"business.people[{index}].name": person.name},
            )
        )
    for check in checks:
        verdict = _combine(member.standing, check.verdict)
        text = check.finding
        if verdict is not check.verdict and verdict is Verdict.review:
            text += f" Whether {person.name} counts as {rule.people_word} needs review."
        findings.append(cite(text, dict(check.facts), check.citation, check.url))
        findings += [cite(note, {}) for note in check.notes]
        verdicts.append((verdict, text))
        if verdict is Verdict.unknown:
            missing.extend(check.missing)
            if member.standing is Standing.unknown:
                missing.extend(member.missing)


def _unlisted(
    rule: RuleText,
    record: Record,
    day: date,
    cite: Citing,
    findings: list[Finding],
    verdicts: list[tuple[Verdict, str]],
    missing: list[str],
) -> None:
    """The owners not listed: when the equity the listed owners leave may hold an owner the
    rule counts, the business's people are a missing fact (unless the record already states
    them unknown: ``law/unstated.py`` then keeps the answer from clearing)."""
    assert record.business is not None
    if "business.people" in record.unknown:
        return
    check = rule.unlisted(record.business, day)
    if check is None:
        return
    findings.append(cite(check.finding, dict(check.facts)))
    findings += [cite(note, {}) for note in check.notes]
    if check.verdict is Verdict.clear:  # a finding only (days not looked at, and why)
        return
    verdicts.append((check.verdict, check.finding))
    missing.extend(check.missing)


def _outcome(rule: RuleText, verdicts: list[tuple[Verdict, str]], day: date) -> tuple[Outcome, str]:
    by = {v: [text for verdict, text in verdicts if verdict is v] for v in Verdict}
    if by[Verdict.bars]:
        return Outcome.not_eligible, f"Not eligible for an application on {day}: " + by[
            Verdict.bars
        ][0]
    if by[Verdict.unknown]:
        return (
            Outcome.insufficient_facts,
            f"The record does not say enough to decide an application on {day}: "
            + by[Verdict.unknown][0],
        )
    if by[Verdict.review]:
        return Outcome.needs_review, by[Verdict.review][0]
    return (
        Outcome.eligible,
        f"No {rule.people_word} has a status that bars an application on {day} under "
        f"{rule.citation}.",
    )
