"""The dated rule versions of sentence computation, with their sources.

Good conduct time changed method on 2019-07-19 (the First Step Act's amendment of 3624(b) took
effect when the risk and needs assessment system was released; the Bureau recalculated from that
day by the method of its proposed rule 84 FR 72274) and the method was codified by 87 FR 7938,
effective 2022-03-14, unchanged. First Step Act time credits began with the Act on 2018-12-21;
the start of earning moves from arrival to commencement on 2026-09-30 under an interim rule
whose text is not yet verified (provisional).
"""

from __future__ import annotations

from datetime import date, timedelta

from secondchance.engine.determination import Determination, Outcome
from secondchance.engine.rules import Context, Program, RuleVersion
from secondchance.law.parameters import parameter, value
from secondchance.law.sentence import good_conduct, time_credits
from secondchance.law.sentence.kernel import change_day, fsa_enactment
from secondchance.record.schema import Record


def _changed(name: str, to: str) -> date:
    day = change_day(name, to)
    if day is None:  # pragma: no cover - the parameters file lost a dated value
        raise LookupError(f"parameter {name} never takes the value {to!r}")
    return day


GCT_IMPOSED_FROM = _changed("sentence.gct.method", "sentence_imposed")
"""Good conduct time on the sentence imposed (FSA 102(b), in force 2019-07-19)."""
GCT_FINAL_RULE_FROM: date = parameter("sentence.gct.final_rule.effective_from").values[-1].value
"""The day 87 FR 7938 took effect (28 CFR 523.20 and its Table 1)."""
FSA_ENACTED = fsa_enactment()
EARNING_AT_COMMENCEMENT_FROM = _changed("sentence.fsa.earning_starts_at", "commencement")
"""The interim rule's start of earning at commencement (2026-09-30, provisional)."""
_DAY = timedelta(days=1)


def _gct_days(day: date) -> int:
    """Good conduct time for a year (3624(b)(1)) in force on ``day``, for a version's title."""
    return int(value("sentence.gct.days_per_year", day))


def _explain_only(record: Record, day: date, ctx: Context) -> Determination:
    """These versions are applied by the sentence computation, not evaluated alone."""
    return Determination(
        program="sentence.computation",
        outcome=Outcome.not_applicable,
        reason="Applied within the sentence computation (see the sentence block).",
    )


GCT_VERSIONS: tuple[RuleVersion, ...] = (
    RuleVersion(
        program="sentence.good_conduct_time",
        version="ps5880.28-time-served",
        title="Good conduct time earned on time served (.148 method)",
        citation=(
            "18 U.S.C. 3624(b) (before FSA 102(b)); BOP PS 5880.28; "
            "Barber v. Thomas, 560 U.S. 474 (2010)"
        ),
        url=good_conduct.PS_5880_URL,
        evaluate=_explain_only,
        effective_to=GCT_IMPOSED_FROM - _DAY,
        known_gaps=("PS 5880.28 worked examples not retrieved; leap days ignored as in the PS",),
    ),
    RuleVersion(
        program="sentence.good_conduct_time",
        version="fsa-2019-sentence-imposed",
        title=f"{_gct_days(GCT_IMPOSED_FROM)} days per year of the sentence imposed, applied by "
        "the Bureau's proposed method",
        citation="18 U.S.C. 3624(b)(1) as amended by FSA 102(b); 84 FR 72274 (proposed method)",
        url="https://www.federalregister.gov/documents/2019/12/31/2019-27976/good-conduct-time-credit-under-the-first-step-act",
        evaluate=_explain_only,
        effective_from=GCT_IMPOSED_FROM,
        effective_to=GCT_FINAL_RULE_FROM - _DAY,
        sources=(
            "https://www.federalregister.gov/documents/2022/02/11/2022-02876/good-conduct-time-credit-under-the-first-step-act",
        ),
        known_gaps=(
            "The Bureau's internal guidance for 2019-2022 was not retrieved; the final "
            "rule states it adopts the proposed rule's method unchanged",
            f"Source: that the Bureau applied the new method from {GCT_IMPOSED_FROM.isoformat()} "
            "is reported only "
            "by the press (The Washington Post); no official release was retrieved",
        ),
    ),
    RuleVersion(
        program="sentence.good_conduct_time",
        version="87fr7938",
        title=f"{_gct_days(GCT_FINAL_RULE_FROM)} days per year of the sentence imposed, last "
        "partial year prorated",
        citation="18 U.S.C. 3624(b)(1); 28 CFR 523.20 (87 FR 7938)",
        url=good_conduct.URL,
        evaluate=_explain_only,
        effective_from=GCT_FINAL_RULE_FROM,
        known_gaps=("Current 28 CFR 523.20 text not retrieved verbatim; Table 1 rows as reported",),
    ),
)

EARNING_VERSIONS: tuple[RuleVersion, ...] = (
    RuleVersion(
        program="sentence.fsa_earning",
        version="2018",
        title="Time credits earned from arrival at the designated facility",
        citation="18 U.S.C. 3632(d)(4); 28 CFR 523.42(a) (87 FR 2705)",
        url=time_credits.EARN_URL,
        evaluate=_explain_only,
        effective_from=FSA_ENACTED,
        effective_to=EARNING_AT_COMMENCEMENT_FROM - _DAY,
    ),
    RuleVersion(
        program="sentence.fsa_earning",
        version="2026-interim",
        title="Time credits earned from commencement of the sentence (interim rule)",
        citation="28 CFR 523.42(a) as amended by 91 FR 55740 (reported; provisional)",
        url="https://www.federalregister.gov/documents/2026/08/31/2026-17752/first-step-act-time-credits-revisions",
        evaluate=_explain_only,
        effective_from=EARNING_AT_COMMENCEMENT_FROM,
        provisional=True,
        known_gaps=(
            "Interim rule text not verified from a government source; whether it reaches "
            f"days before {EARNING_AT_COMMENCEMENT_FROM.isoformat()} is not stated",
        ),
    ),
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
