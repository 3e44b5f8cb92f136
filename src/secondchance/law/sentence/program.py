"""``fsa.time_credits``: may this person earn First Step Act time credits?

Eligible unless serving a sentence for a conviction listed in 18 U.S.C. 3632(d)(4)(D) (the whole
aggregate term counts, 3584(c)); a final order of removal makes the credits impossible to apply
(3632(d)(4)(E)), so they cannot shorten the term, and so does a life term not commuted
(3624(g)(1)(A): no remainder for the credits to equal). An attempt or conspiracy count is screened
through its object offense (``exclusions.screen_count``). A condition of a clause the record
does not settle is ``needs_review`` naming the field; a record with no federal prison sentence is
``not_applicable``; nothing before the Act's enactment (2018-12-21), nor for a term whose custody
the record shows ended before it (28 CFR 523.42(b)(1)). A sentence commuted to a release date is
``needs_review``: credits cannot move a date the warrant fixes unless the warrant says so.

Written as a declarative rule (``law/declarative.py``): ``fsa_who.read_term`` reads the record
into the term's facts (``fsa_term.Term``), :data:`TESTS` decide in the law's order, with the
words of ``fsa_answers``.
"""

from __future__ import annotations

from datetime import date

from secondchance.engine.determination import Determination, Outcome
from secondchance.engine.rules import Context, Program, RuleVersion
from secondchance.law.declarative import Rule, Shown, Test, Verdict, always
from secondchance.law.rule_book import rule_fields
from secondchance.law.sentence import fsa_answers as answers
from secondchance.law.sentence.fsa_term import ENACTED, PROGRAM_ID, Term
from secondchance.law.sentence.fsa_who import reader
from secondchance.law.sentence.versions import EARNING_VERSIONS
from secondchance.record.schema import Record

_ENACTED_ON = ENACTED.isoformat()

SUMMARY = (
    "A prisoner serving a federal sentence earns First Step Act time credits unless a "
    "conviction of the aggregate term being served is listed in 18 U.S.C. 3632(d)(4)(D); a "
    "final order of removal bars applying them (3632(d)(4)(E)), as does a life term not "
    "commuted (3624(g)(1)(A)). A commutation to a release "
    "date, a clause's condition the record does not settle, or an open question of standing is "
    "for review; counts not recorded leave the answer unknown. Nothing for days before the Act."
)

TESTS: tuple[Test[Term] | Shown[Term], ...] = (
    Shown("the counts of the aggregate term, screened", lambda t: t.screen.findings),
    Test(
        "a count is listed in 3632(d)(4)(D)",
        Verdict.bars,
        holds=lambda t: t.listed,
        answer=answers.listed,
    ),
    Test(
        "a final order of removal (3632(d)(4)(E))",
        Verdict.bars,
        holds=lambda t: t.removal_ordered,
        answer=answers.removal_ordered,
    ),
    Test(
        "a life term, not commuted: no remainder for credits to equal (3624(g)(1)(A))",
        Verdict.bars,
        holds=lambda t: t.life_term,
        answer=answers.life_term,
    ),
    Test(
        "commuted to a release date (the warrant's terms decide)",
        Verdict.review,
        holds=lambda t: t.commuted_to_date,
        answer=answers.commuted_to_date,
    ),
    Test(
        "a clause may reach a count, or a count could not be read",
        Verdict.review,
        holds=lambda t: t.undecided,
        answer=answers.undecided,
    ),
    Test(
        "the counts of conviction are not recorded",
        Verdict.unknown,
        holds=lambda t: t.counts_missing,
        answer=answers.counts_missing,
    ),
    Test(
        "no count listed and no final order of removal",
        Verdict.clear,
        holds=always,
        answer=answers.eligible,
        unless=(
            Test(
                "a sentence to come, a treaty transfer, an undated removal order or a detainer",
                Verdict.review,
                holds=lambda t: t.open_questions is not None,
                answer=answers.open_questions,
            ),
        ),
    ),
)


def _rule(name: str) -> Rule[Term]:
    """The dated version ``name`` of the rule, its metadata from the rule book."""
    fields = rule_fields(f"{PROGRAM_ID}/{name}")
    return Rule(
        **fields,
        summary=SUMMARY,
        who=reader(f"{PROGRAM_ID}@{fields['version']}"),
        steps=TESTS,
        findings=lambda t: [],
    )


RULES: tuple[Rule[Term], ...] = tuple(_rule(v.version) for v in EARNING_VERSIONS)
"""One rule per dated version of when credits start to be earned (28 CFR 523.42(a))."""


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
        *(rule.rule_version() for rule in RULES),
    ),
)
