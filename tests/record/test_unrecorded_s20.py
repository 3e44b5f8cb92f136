"""Review s20: a prison term the sentence states with no custody recorded serving it is never
over counted from the sentencing (``secondchance.record.unrecorded._prison``): it commences only
when the person is received in custody to serve it (18 U.S.C. 3585(a)). Every expected value is
worked by hand from the record and the statute quoted."""

from __future__ import annotations

from datetime import date

import pytest

from secondchance.record.load import validate
from secondchance.record.unrecorded import unrecorded_terms
from tests.record.test_unrecorded_s19d import PREFIX, _federal, _period, _person, _petition, _sba

SBA = ("sba.7a", "sba.504", "sba.microloan", "sba.ilp", "sba.surety_bond", "sba.disaster")
CLEARING = ("eligible", "eligible_from")

SURRENDER = {
    "imposed_on": "2025-01-01",
    "imprisonment": "12 months",
    "supervised_release": "3 years",
}
OLD = {"imposed_on": "1995-03-01", "imprisonment": "24 months"}


@pytest.mark.parametrize("program_id", SBA)
def test_a_self_surrender_not_recorded_is_no_release_from_imposed_plus_term(
    program_id: str,
) -> None:
    # Sentenced 2025-01-01 to 12 months; counted from the sentencing the term would end
    # 2025-12-31 (the day before the anniversary 2026-01-01), so on 2026-01-15 it read as over
    # and every program answered eligible. But a person who self-surrendered on 2025-04-01 (not
    # recorded) serves from then (3585(a)): 2025-04-01 + 12 months - 1 day = 2026-03-31, and a
    # term of one year earns no good conduct time (3624(b): "more than 1 year"), so on
    # 2026-01-15 they are in prison, which bars under every text from 2024-05-30 (e.g. 13 CFR
    # 120.110(n) "currently incarcerated"). With no custody recorded: insufficient_facts naming
    # the custody, never eligible.
    rec = _person([_federal(SURRENDER, "2024-10-01")], [])
    det = _sba(rec, "2026-01-15", program_id)
    assert det.outcome.value == "insufficient_facts"
    assert det.date is None
    assert f"{PREFIX}custody" in det.missing_facts


def test_the_shared_reading_gives_no_end_and_names_the_custody() -> None:
    # The same record read directly: on 2026-01-15 the term may run, from a day not recorded,
    # with no end; its reason cites 3585(a) and names the custody serving convictions[0]. On
    # 2024-12-31, before the sentencing, no term is running.
    rec = validate(_person([_federal(SURRENDER, "2024-10-01")], []), "test")
    prison = [u for u in unrecorded_terms(rec, date(2026, 1, 15)) if u.kind is None]
    assert len(prison) == 1
    assert prison[0].start is None and prison[0].ends is None
    assert prison[0].why is not None
    assert "3585(a)" in prison[0].why and "convictions[0]" in prison[0].why
    assert [u for u in unrecorded_terms(rec, date(2024, 12, 31)) if u.kind is None] == []


@pytest.mark.parametrize("program_id", SBA)
def test_the_surrender_recorded_decides_it(program_id: str) -> None:
    # Custody recorded for c1 from 2025-04-01 to 2026-03-31 (12 months served in full, no good
    # conduct time on a one-year term, 3624(b)): in custody on 2026-01-15, out from 2026-04-01;
    # supervised release after it is not named by the texts from 2024-05-30 -> eligible_from
    # 2026-04-01 (unchanged by the fix).
    custody = [_period("designated_facility", "2025-04-01", "2026-03-31")]
    rec = _person([_federal(SURRENDER, "2024-10-01")], custody)
    det = _sba(rec, "2026-01-15", program_id)
    assert (det.outcome.value, det.date) == ("eligible_from", date(2026, 4, 1))


@pytest.mark.parametrize("program_id", ("sba.7a", "sba.surety_bond"))
def test_an_old_term_with_no_custody_is_still_unknown(program_id: str) -> None:
    # 24 months imposed 1995-03-01 would end 1997-02-28 counted from the sentencing, yet with
    # no custody recorded when it commenced (3585(a)), and so whether it is being served on
    # 2026-06-01, is not recorded -> insufficient_facts naming the custody (it read eligible).
    rec = _person([_federal(OLD, "1994-11-01")], [])
    det = _sba(rec, "2026-06-01", program_id)
    assert det.outcome.value == "insufficient_facts"
    assert f"{PREFIX}custody" in det.missing_facts


@pytest.mark.parametrize("program_id", ("sba.7a", "sba.surety_bond"))
def test_the_old_term_with_its_custody_is_over(program_id: str) -> None:
    # Custody for c1 from 1995-03-01 to 1996-12-20: 24 months from 1995-03-01 end 1997-02-28;
    # good conduct time of at most 54 days a year (3624(b)) x 2 = 108 days gives 1996-11-12
    # (1997-02-28 less 108 days: 28 days of February, 31 of January, 31 of December -> 90 to
    # 1996-11-30, 18 more -> 1996-11-12), so the release on 1996-12-20 is the term's end. On
    # 2026-06-01 the person is not in custody and no supervision is stated; from 2024-05-30 a
    # felony conviction alone bars neither 7(a) (120.110(n)) nor the surety bond (115.13(a)(2))
    # -> eligible.
    custody = [_period("designated_facility", "1995-03-01", "1996-12-20")]
    rec = _person([_federal(OLD, "1994-11-01")], custody)
    det = _sba(rec, "2026-06-01", program_id)
    assert (det.outcome.value, det.date) == ("eligible", None)


@pytest.mark.parametrize(
    "program_id", ("clemency.pardon_petition", "clemency.commutation_petition")
)
@pytest.mark.parametrize(
    ("sentence", "convicted", "day"),
    [(SURRENDER, "2024-10-01", "2026-01-15"), (OLD, "1994-11-01", "2026-06-01")],
)
def test_the_petitions_do_not_clear_a_term_with_no_custody(
    program_id: str, sentence: dict[str, str], convicted: str, day: str
) -> None:
    # The petitions read the release from the custody serving the conviction (facts.served_on):
    # with none recorded, whether the sentence is still being served is not recorded
    # -> insufficient_facts naming that custody, before and after this fix.
    det = _petition(_person([_federal(sentence, convicted)], []), day, program_id)
    assert det.outcome.value == "insufficient_facts"
    assert "custody[] (a period with conviction_id c1, and its end)" in det.missing_facts
