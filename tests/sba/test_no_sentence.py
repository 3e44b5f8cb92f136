"""A conviction recorded with no ``sentence`` (and no custody or supervision period for it) is a
sentence that could be running: a prison term now being served, or probation, parole or
supervised release. Every SBA program whose rule turns on custody or supervision then answers
``insufficient_facts`` naming the conviction's sentence, never ``eligible``. Every expected
value is worked by hand from the rule text, quoted in short in the comments."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sba.builders import (
    conviction,
    custody,
    determine,
    outcome,
    owner,
    person,
    record,
    supervision,
)

ALL = ("sba.7a", "sba.504", "sba.microloan", "sba.ilp", "sba.surety_bond", "sba.disaster")
DAY = "2026-01-15"
SENTENCE = "business.people[0].record.convictions[0].sentence"


def wire_fraud(**attrs: Any) -> dict[str, Any]:
    """A 100% owner convicted on 2024-03-01 of felony wire fraud (18 U.S.C. 1343)."""
    conv = conviction("c1", "2024-03-01", felony=True, financial_misconduct=True)
    conv["counts"][0]["statute"] = "18 U.S.C. 1343"
    conv.update(attrs)
    return conv


@pytest.mark.parametrize("program_id", ALL)
def test_conviction_with_no_sentence_is_not_cleared(program_id: str) -> None:
    # From 2024-05-30 every program bars a counted person "currently incarcerated, serving a
    # sentence of imprisonment" (120.110(n) as amended by 89 FR 34094, 120.707(a), 109.400(b),
    # 115.13(a)(2)(i), 123.101(i)); a 100% owner counts in each. Wire fraud carries up to 20
    # years (18 U.S.C. 1343): a sentence imposed after 2024-03-01 could be a prison term still
    # running on 2026-01-15. No sentence and no custody recorded -> whether she is in custody
    # is not recorded -> insufficient_facts naming the sentence (never eligible).
    data = record(person("P", [owner(100)], convictions=[wire_fraud()]))
    det = determine(program_id, data, DAY)
    assert det.outcome.value == "insufficient_facts"
    assert SENTENCE in det.missing_facts


@pytest.mark.parametrize("program_id", ALL)
def test_probation_ended_in_2025_clears_as_before(program_id: str) -> None:
    # The same conviction, sentenced 2024-06-03 to 1 year of probation (no prison term), the
    # probation recorded 2024-06-03 to 2025-06-02. On 2026-01-15 she is neither in custody nor
    # on probation, and no charge is pending; the new texts name no past conviction (115.13's
    # "has been convicted of a felony" ended 2024-05-29), and the conviction is no riot felony
    # (123.101(a)) -> eligible under every program.
    conv = wire_fraud(sentence={"imposed_on": "2024-06-03", "probation": "1 year"})
    period = supervision("probation", "2024-06-03", "2025-06-02", conviction_id="c1")
    data = record(person("P", [owner(100)], convictions=[conv], supervision=[period]))
    assert outcome(program_id, data, DAY) == ("eligible", None)


@pytest.mark.parametrize("program_id", ALL)
def test_custody_recorded_for_the_conviction_decides_it(program_id: str) -> None:
    # No sentence recorded, but custody serving the conviction is: a designated facility from
    # 2024-06-03 to 2025-09-30, and supervised release 2025-09-30 to 2026-09-29 (every new text
    # leaves supervision out of its bars; 120.110(n), 123.101(i) and 109.400(b) do not name it,
    # 115.13(a)(2) neither, 120.707(a) only for an offense against children in a child care
    # business, and this one is not). On 2026-01-15 the custody recorded has ended and no
    # charge is pending -> eligible; the custody and supervision recorded decide it, so the
    # sentence is not asked for.
    served = custody("designated_facility", "2024-06-03", "2025-09-30", conviction_id="c1")
    released = {
        "kind": "supervised_release",
        "start": "2025-09-30",
        "end": "2026-09-29",
        "conviction_id": "c1",
    }
    owner_p = person("P", [owner(100)], convictions=[wire_fraud()])
    owner_p["record"].update(custody=[served], supervision=[released])
    data = record(owner_p)
    assert outcome(program_id, data, DAY) == ("eligible", None)


def test_awaiting_sentencing_keeps_its_own_reading() -> None:
    # Marked awaiting sentencing: no sentence exists yet, so none can be running; the record's
    # existing reading of a conviction awaiting sentencing (not weighed yet -> needs_review
    # naming the flag) stands, and the sentence is not asked for.
    data = record(person("P", [owner(100)], convictions=[wire_fraud(awaiting_sentencing=True)]))
    det = determine("sba.7a", data, DAY)
    assert det.outcome.value == "needs_review"
    assert det.missing_facts == ["business.people[0].record.convictions[0].awaiting_sentencing"]


def test_the_subject_s_own_conviction_names_the_top_level_field() -> None:
    # The person is the business's owner (is_subject): the missing fact is the top-level
    # record's convictions[0].sentence.
    data = {
        "person": {"name": "P"},
        "convictions": [wire_fraud()],
        "business": {
            "name": "Co",
            "child_care": False,
            "people": [{"name": "P", "roles": [owner(100)], "is_subject": True}],
        },
    }
    det = determine("sba.7a", data, DAY)
    assert det.outcome.value == "insufficient_facts"
    assert "convictions[0].sentence" in det.missing_facts


def test_custody_recorded_without_supervision_leaves_supervision_after_it_unknown() -> None:
    # An offense against children, convicted 2022-03-01, no sentence recorded; custody serving
    # it recorded 2022-06-01 to 2024-03-01, no supervision period. After the release, supervised
    # release (or parole) of a length not recorded could be running on 2026-01-15. In a child
    # care business, new 120.707(a) bars an Associate "currently on probation or parole for an
    # offense against children" (supervised release to review) -> the Microloan cannot clear
    # her: insufficient_facts naming the sentence. 7(a) (120.110(n) as amended by 89 FR 34094)
    # names no supervision: the custody recorded has ended -> eligible.
    conv = conviction("c1", "2022-03-01", felony=True, against_children=True)
    served = custody("designated_facility", "2022-06-01", "2024-03-01", conviction_id="c1")
    data = record(person("P", [owner(100)], convictions=[conv], custody=[served]), child_care=True)
    det = determine("sba.microloan", data, DAY)
    assert det.outcome.value == "insufficient_facts"
    assert SENTENCE in det.missing_facts
    assert outcome("sba.7a", data, DAY) == ("eligible", None)
