"""Rules written as data: who counts, the tests in the order the law applies them, a summary in
plain words, known gaps and sources, and one :func:`decide` for every rule so written.

A rule's ``who`` reads the record once into the rule's *facts*: an object whose named properties
are the intermediate conditions the tests decide on and the findings explain from (so that an
answer and its explanation cannot disagree). When ``who`` finds nothing the rule reaches it
answers at once (``not_applicable``, or a bar such as a sentence not yet imposed).

Each :class:`Test` names a condition and what it does when it holds: it **bars**
(``not_eligible``), needs **review** (``needs_review``), leaves the facts **unknown**
(``insufficient_facts``) or **clears** (``eligible``, or ``eligible_from`` a day). Its
exceptions (``unless``) are stated next to it and tried, in order, when it holds. A
:class:`Shown` step adds the findings for the facts read from that point on. The first test that
holds decides; findings are those of the steps reached, in order. The SBA rules share
:class:`Verdict` and decide person by person (``law/sba/decide.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

from secondchance.engine.determination import Determination, Finding, FindingRole, Outcome
from secondchance.engine.rules import Evaluate, RuleVersion
from secondchance.record.schema import Record


class Verdict(StrEnum):
    """What a test says when its condition holds."""

    bars = "bars"
    review = "review"
    unknown = "unknown"
    clear = "clear"


OUTCOMES = {
    Verdict.bars: Outcome.not_eligible,
    Verdict.review: Outcome.needs_review,
    Verdict.unknown: Outcome.insufficient_facts,
    Verdict.clear: Outcome.eligible,
}

F = TypeVar("F")
T = TypeVar("T")


class once(Generic[T]):
    """A named condition of a rule's facts, worked out on first use and kept on the instance
    (``functools.cached_property`` without its lock, which Python 3.11 takes on every first
    read)."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> T:
        if instance is None:  # read on the class (documentation tools): the descriptor itself
            itself: Any = self
            return itself  # type: ignore[no-any-return]
        value = self.compute(instance)
        instance.__dict__[self.name] = value
        return value


@dataclass(frozen=True)
class Citing:
    """Makes a rule version's findings: its citation and address unless a finding names
    another text."""

    rule_version: str
    citation: str
    url: str

    def __call__(
        self,
        text: str,
        facts: dict[str, object] | None = None,
        citation: str | None = None,
        url: str | None = None,
        role: FindingRole = FindingRole.decisive,
    ) -> Finding:
        return Finding(
            finding=text,
            facts=dict(facts or {}),
            citation=citation or self.citation,
            rule_version=self.rule_version,
            url=url or self.url,
            role=role,
        )


@dataclass(slots=True)
class Answer:
    """The words and dates of an answer: ``date`` the day it names (e.g. since when a count is
    pardoned); a ``clear`` answer with ``eligible_from`` is ``eligible_from`` that day."""

    reason: str
    findings: Sequence[Finding] = ()
    missing: Sequence[str] = ()
    date: dt.date | None = None
    eligible_from: dt.date | None = None
    next_change: dt.date | None = None


@dataclass(frozen=True)
class Test(Generic[F]):
    """One condition of a rule: its name, whether it holds on the facts, what it does then
    (``verdict``) and the answer it gives, with the exceptions that qualify it."""

    __test__ = False  # not a pytest test class

    name: str
    verdict: Verdict
    holds: Callable[[F], bool]
    answer: Callable[[F], Answer]
    unless: Sequence[Test[F]] = ()


@dataclass(frozen=True)
class Shown(Generic[F]):
    """Findings shown once the rule gets this far: the facts the tests after it read."""

    name: str
    findings: Callable[[F], Sequence[Finding]]


Step = Test[F] | Shown[F]


@dataclass(frozen=True)
class Rule(Generic[F]):
    """One dated version of one program's rule, as data."""

    program: str
    version: str
    title: str
    citation: str
    url: str
    summary: str
    """The rule in our own words."""
    who: Callable[[Record, dt.date], F | Determination]
    """Who (which convictions, which people) the rule reaches, read into the facts; or the
    answer when it reaches nothing."""
    steps: Sequence[Step[F]]
    findings: Callable[[F], list[Finding]]
    """The findings gathered while reading who counts (shown first)."""
    known_gaps: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    effective_from: dt.date | None = None
    effective_to: dt.date | None = None
    provisional: bool = False
    takes_effect: str | None = None
    closing: Callable[[F], Sequence[Finding]] | None = None
    """Findings shown after the answer's, whatever it is (what a grant does, where to file)."""
    details: Callable[[F], dict[str, object] | None] | None = None
    """The answer's ``details`` (dates it worked out)."""
    finish: Callable[[F, Determination], Determination] | None = None
    """Exceptions that qualify whatever the tests answered (e.g. another authority may decide)."""

    @property
    def id(self) -> str:
        return f"{self.program}@{self.version}"

    def rule_version(self, evaluate: Evaluate | None = None) -> RuleVersion:
        def run(record: Record, day: dt.date, ctx: object) -> Determination:
            return decide(self, record, day)

        return version_of(self, evaluate or run)


VERSION_FIELDS = (
    "program",
    "version",
    "title",
    "citation",
    "url",
    "effective_from",
    "effective_to",
    "provisional",
    "known_gaps",
    "sources",
    "takes_effect",
    "summary",
)
"""What a rule written as data says of its version (the rule book's fields and its summary)."""


def version_of(rule: object, evaluate: Evaluate) -> RuleVersion:
    """The engine's rule version of a rule written as data (``Rule``, the SBA's ``RuleText``):
    its rule book fields, and how it is evaluated."""
    return RuleVersion(evaluate=evaluate, **{name: getattr(rule, name) for name in VERSION_FIELDS})


def decide(rule: Rule[F], record: Record, day: dt.date) -> Determination:
    """The determination of ``rule`` for ``record`` on ``day``."""
    facts = rule.who(record, day)
    return facts if isinstance(facts, Determination) else apply(rule, facts)


def apply(rule: Rule[F], facts: F) -> Determination:
    """The answer of the first test that holds on ``facts`` (an exception of it first), with
    the findings of every step reached, then the rule's ``finish``."""
    findings = list(rule.findings(facts))
    for step in rule.steps:
        if type(step) is Shown:
            findings += step.findings(facts)
            continue
        assert isinstance(step, Test)
        if not step.holds(facts):
            continue
        test = step
        for exception in step.unless:
            if exception.holds(facts):
                findings += step.answer(facts).findings
                test = exception
                break
        answer = test.answer(facts)
        findings += answer.findings
        if rule.closing is not None:
            findings += rule.closing(facts)
        details = rule.details(facts) if rule.details is not None else None
        determination = _determination(rule.program, test.verdict, answer, findings, details)
        return rule.finish(facts, determination) if rule.finish else determination
    raise ValueError(f"{rule.id}: no test holds (the last test must always hold)")


def _determination(
    program: str,
    verdict: Verdict,
    answer: Answer,
    findings: list[Finding],
    details: dict[str, object] | None,
) -> Determination:
    outcome = OUTCOMES[verdict]
    if answer.eligible_from is not None and outcome is Outcome.eligible:
        outcome = Outcome.eligible_from
    return Determination(
        program=program,
        outcome=outcome,
        date=answer.eligible_from or answer.date,
        reason=answer.reason,
        findings=findings,
        missing_facts=list(answer.missing),
        next_change=answer.next_change,
        details=details,
    )


def always(_: object) -> bool:
    """The condition of a rule's last test (what holds when no other does)."""
    return True
