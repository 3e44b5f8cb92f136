"""The sentence computation reads its dates and rates from the parameters, states its
assumptions itself (not the command line), and builds the law of a day once."""

from __future__ import annotations

from datetime import date, timedelta

from secondchance.law.parameters import parameter
from secondchance.law.sentence import COMPUTATIONS
from secondchance.law.sentence.block import SentenceFacts, compute_block
from secondchance.law.sentence.kernel import KernelLaw
from secondchance.law.sentence.program import PROGRAM
from secondchance.law.sentence.time_credits import earning_start
from secondchance.record.schema import RiskLevel
from secondchance.record.terms import Term


def _starts(name: str) -> list[date]:
    return [d.start for d in parameter(name).values if d.start is not None]


def test_rule_versions_take_their_days_from_the_parameters() -> None:
    gct, earning = COMPUTATIONS
    (imposed_from,) = _starts("sentence.gct.method")
    assert gct.versions[0].effective_to == imposed_from - timedelta(days=1)
    assert gct.versions[1].effective_from == imposed_from
    enacted = parameter("sentence.fsa.enacted").values[0].value
    (commencement_from,) = _starts("sentence.fsa.earning_starts_at")
    assert earning.versions[0].effective_from == enacted
    assert earning.versions[0].effective_to == commencement_from - timedelta(days=1)
    assert earning.versions[1].effective_from == commencement_from
    assert PROGRAM.versions[0].effective_to == enacted - timedelta(days=1)


def test_kernel_law_is_built_once_per_day() -> None:
    assert KernelLaw.on(date(2025, 6, 1)) is KernelLaw.on(date(2025, 6, 1))


def test_earning_start_one_sentence() -> None:
    law = KernelLaw.on(date(2027, 1, 1))
    # Before the Act: its enactment; arrival before the interim rule; commencement after it.
    assert earning_start(date(2017, 1, 1), date(2017, 2, 1), law) == date(2018, 12, 21)
    assert earning_start(date(2024, 1, 1), date(2024, 2, 1), law) == date(2024, 2, 1)
    assert earning_start(date(2026, 10, 1), date(2026, 12, 1), law) == date(2026, 10, 1)
    assert earning_start(date(2026, 9, 1), date(2026, 12, 1), law) == date(2026, 9, 30)
    assert earning_start(date(2026, 9, 1), None, law) == date(2026, 9, 1)


def _schedule_stated(
    risk: RiskLevel,
    without_dates: bool = True,
    additional_from: date | None = None,
    ineligible: bool = False,
) -> bool:
    facts = SentenceFacts(
        term=Term(months=87),
        commenced=date(2024, 1, 1),
        risk=risk,
        risk_without_dates=without_dates,
        additional_from=additional_from,
        fsa_ineligible=ineligible,
    )
    block = compute_block(facts, date(2025, 6, 1))
    return any("handout schedule" in f["finding"] for f in block["findings"])


def test_schedule_assumption_stated_only_without_assessment_dates() -> None:
    low = RiskLevel.low
    assert _schedule_stated(low)
    assert not _schedule_stated(low, without_dates=False)  # a record's assessments
    assert not _schedule_stated(low, additional_from=date(2024, 6, 1))
    assert not _schedule_stated(RiskLevel.high)
    assert not _schedule_stated(low, ineligible=True)
