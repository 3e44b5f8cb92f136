"""Review s22: one reading of "custody for a term has begun by day D"
(``record.timeline.Timeline.custody_begun`` / ``term_begun``), shared by the SBA programs
(``law.sba.status.imposed_not_begun``) and the clemency petitions (``law.clemency.facts``). A
term of imprisonment commences when the person is received in custody to serve it (18 U.S.C.
3585(a)). Every expected value is worked by hand from the record and the rule quoted."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from secondchance.law.clemency.facts import confinement
from secondchance.record.approximate import readings
from secondchance.record.load import validate
from secondchance.record.timeline import Begun, timeline
from tests.record.test_unrecorded_s19d import PREFIX, _federal, _period, _person, _sba, _state

SBA = ("sba.7a", "sba.504", "sba.microloan", "sba.ilp", "sba.surety_bond", "sba.disaster")
DAY = date(2024, 6, 10)
# Wire fraud convicted 2023-11-01, 24 months imposed 2024-04-01 (on or before 2024-06-10).
SENTENCE = {
    "imposed_on": "2024-04-01",
    "imprisonment": "24 months",
    "fine_owed": 0,
    "restitution_owed": 0,
}


def _read(custody: list[dict[str, Any]], convictions: list[dict[str, Any]] | None = None) -> Any:
    return validate(_person(convictions or [_federal(SENTENCE, "2023-11-01")], custody), "test")


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # Starts 2024-09-01 > 2024-06-10: not begun; custody[0] is the first to begin.
        ("2024-09-01", None, Begun(False, 0)),
        # Starts on the day itself: received in custody on 2024-06-10, begun (3585(a)).
        ("2024-06-10", None, Begun(True)),
        # No start, no end: it may have begun on any day, so open, naming the start.
        (None, None, Begun(None, unsure=("custody[0].start",))),
        # No start, ended 2024-06-01 <= 2024-06-10: it began before it ended, so begun.
        (None, "2024-06-01", Begun(True)),
        # No start, ends 2024-07-01 after the day: it may have begun before or after. Open.
        (None, "2024-07-01", Begun(None, unsure=("custody[0].start",))),
    ],
)
def test_the_shared_reading_of_custody_begun(
    start: str | None, end: str | None, expected: Begun
) -> None:
    rec = _read([_period("designated_facility", start, end)])  # type: ignore[arg-type]
    assert timeline(rec).term_begun(0, DAY) == expected


def test_no_custody_recorded_is_not_begun_with_no_first_period() -> None:
    # Nothing serving the term is recorded: not begun on the record's word, no period to name
    # (the unrecorded-custody reading asks for it, record.unrecorded.unrecorded_terms).
    assert timeline(_read([])).term_begun(0, DAY) == Begun(False, None)


def test_pretrial_detention_is_not_service_of_the_term() -> None:
    # Detained before trial from 2023-06-01 (credit at most, 3585(b)); the term's own custody
    # begins 2024-09-01 > 2024-06-10: not begun, the first period being custody[1].
    custody = [
        _period("pretrial_detention", "2023-06-01", "2023-11-01"),
        _period("designated_facility", "2024-09-01", None),
    ]
    assert timeline(_read(custody)).term_begun(0, DAY) == Begun(False, 1)


APPROXIMATE = [_period("designated_facility", "2024-06", None)]
# The start is some day of 2024-06: 2024-06-01 .. 2024-06-30, straddling 2024-06-10.


def test_an_approximate_start_straddling_the_day_is_begun_on_one_reading_only() -> None:
    # Read at 2024-06-01 (<= 2024-06-10): begun, and the person is in custody on the day.
    # Read at 2024-06-30 (> 2024-06-10): not begun, custody[0] first. Neither reading alone is
    # the answer: the engine merges them, and the answer turns on custody[0].start.
    rec = _read(APPROXIMATE)
    seen = {}
    for reading in readings(rec):
        start = reading.record.custody[0].start
        seen[start] = timeline(reading.record).term_begun(0, DAY)
    assert seen == {date(2024, 6, 1): Begun(True), date(2024, 6, 30): Begun(False, 0)}


def test_the_petitions_read_the_same_day_the_same_way() -> None:
    # The clemency confinement reading of each exact reading agrees: on the 2024-06-01 reading
    # custody has begun (confined on 2024-06-10, not "not begun"); on the 2024-06-30 reading it
    # begins 2024-06-30, after the day.
    for reading in readings(_read(APPROXIMATE)):
        rec = reading.record
        conf = confinement(rec, 0, rec.convictions[0], DAY)
        if rec.custody[0].start == date(2024, 6, 1):
            assert (conf.confined_on_day, conf.not_begun) == (True, None)
        else:
            assert (conf.confined_on_day, conf.not_begun) == (False, date(2024, 6, 30))


@pytest.mark.parametrize("program_id", SBA)
def test_sba_an_approximate_start_straddling_the_application_day_turns_on_the_start(
    program_id: str,
) -> None:
    # On the 2024-06-01 reading the owner is in custody on 2024-06-10: "currently incarcerated"
    # bars under every text from 2024-05-30 (e.g. 13 CFR 120.110(n)) -> not_eligible. On the
    # 2024-06-30 reading they are sentenced (2024-04-01) but not yet received in custody
    # (3585(a)) -> needs_review (for the disaster text, whose felony-within-a-year bar leaves
    # the 2023-11-01 conviction undecided, insufficient_facts). Never eligible, and never "not
    # begun" alone: the readings differ, so needs_review naming custody[0].start.
    rec = _person([_federal(SENTENCE, "2023-11-01")], APPROXIMATE)
    det = _sba(rec, DAY.isoformat(), program_id)
    assert det.outcome.value == "needs_review"
    assert f"{PREFIX}custody[0].start" in det.missing_facts


def test_sba_custody_naming_no_conviction_serves_the_only_federal_conviction() -> None:
    # A federal conviction c1 (24 months imposed 2024-04-01) and a state one s1 (1 year, 2010,
    # served in state custody 2010). Federal custody at a designated facility naming no
    # conviction, from 2024-09-01: the record's only federal conviction is c1, so that custody
    # serves c1 (the petitions' reading, record.unrecorded.served; a state term is not served in
    # a federal facility). On 2024-06-10 c1's term is imposed (2024-04-01 <= 2024-06-10) and its
    # custody begins 2024-09-01 > 2024-06-10: not yet begun (3585(a)) -> needs_review under
    # 13 CFR 120.110(n) from 2024-05-30 ("serving a sentence of imprisonment"). The SBA's own
    # reading linked a period naming no conviction only on a record of one conviction, found no
    # custody for c1 here (while the unrecorded-custody reading found it), and answered eligible.
    rec = _person(
        [_federal(SENTENCE, "2023-11-01"), _state("2010-01-01", "1 year")],
        [
            _period("designated_facility", "2024-09-01", None, None),
            _period("state_custody", "2010-01-01", "2010-12-31", "s1"),
        ],
    )
    det = _sba(rec, DAY.isoformat(), "sba.7a")
    assert det.outcome.value == "needs_review"
    assert "not yet in custody" in det.reason
