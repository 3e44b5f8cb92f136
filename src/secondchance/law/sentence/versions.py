"""The dated rule versions of sentence computation, built from the rule book
(``parameters/rules/sentence.yaml``: dates, citations, sources, known gaps).

Good conduct time changed method on 2019-07-19 (the First Step Act's amendment of 3624(b) took
effect when the risk and needs assessment system was released; the Bureau recalculated from that
day by the method of its proposed rule 84 FR 72274) and the method was codified by 87 FR 7938,
effective 2022-03-14, unchanged. First Step Act time credits began with the Act on 2018-12-21;
the start of earning moves from arrival to commencement on 2026-09-30 under an interim rule
whose text is not yet verified (provisional).
"""

from __future__ import annotations

from datetime import date

from secondchance.engine.determination import Determination, Outcome
from secondchance.engine.rules import Context, Program, RuleVersion
from secondchance.law.rule_book import rule_fields
from secondchance.law.sentence.kernel import fsa_enactment
from secondchance.record.schema import Record

FSA_ENACTED = fsa_enactment()
"""The First Step Act's enactment (no time credits before it)."""


def _explain_only(record: Record, day: date, ctx: Context) -> Determination:
    """These versions are applied by the sentence computation, not evaluated alone."""
    return Determination(
        program="sentence.computation",
        outcome=Outcome.not_applicable,
        reason="Applied within the sentence computation (see the sentence block).",
    )


GCT_VERSIONS: tuple[RuleVersion, ...] = tuple(
    RuleVersion(**rule_fields(f"sentence.good_conduct_time/{name}"), evaluate=_explain_only)
    for name in ("ps5880.28-time-served", "fsa-2019-sentence-imposed", "87fr7938")
)

EARNING_VERSIONS: tuple[RuleVersion, ...] = tuple(
    RuleVersion(**rule_fields(f"sentence.fsa_earning/{name}"), evaluate=_explain_only)
    for name in ("2018", "2026-interim")
)


GCT_PROGRAM = Program(
    id="sentence.good_conduct_time",
    title="Good conduct time (18 U.S.C. 3624(b)), applied in the sentence block",
    versions=GCT_VERSIONS,
    look_ahead=False,
)
EARNING_PROGRAM = Program(
    id="sentence.fsa_earning",
    title="When First Step Act time credits start to be earned (28 CFR 523.42(a))",
    versions=EARNING_VERSIONS,
    look_ahead=False,
)
