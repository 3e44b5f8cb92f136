"""Record format 1.2: ``unknown`` may name a field by its path (``convictions[0].sentence.
fine_owed``, ``business.people``). A field stated unknown is a missing fact the person was asked
about: no program that reads it clears the person, and the answer names the path
(law/unstated.py); a path that names no field of the format is an input error (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from secondchance.engine.determination import Outcome
from secondchance.record import RecordError, validate
from tests.foundation.test_format_1_1 import answer, report, serving
from tests.support import run_cli

RELEASED_2014 = """\
schema_version: "1.2"
convictions:
  - id: c1
    jurisdiction: federal
    counts: [{statute: 18 U.S.C. 1343}]
    conviction_date: 2012-03-01
    sentence: {imprisonment: 24 months%s}
custody:
  - {kind: designated_facility, conviction_id: c1, start: 2012-05-01, end: 2014-03-01}
"""
"""Wire fraud, 24 months, in prison 2012-05-01 to 2014-03-01; no supervision."""

BAKERY = """\
application_date: 2024-06-03
business:
  name: Ortiz Bakery
  child_care: false
  people:
    - name: Maria Ortiz
      roles: [{role: owner, ownership_percent: 100}]
      record: {}
"""
"""Maria owns the whole business (100%) and has nothing to report; the application is made on
2024-06-03."""


def _check(tmp_path: Path, text: str, as_of: str) -> dict[str, dict[str, Any]]:
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    done = run_cli("check", str(path), "--as-of", as_of, "--format", "json")
    assert done.returncode in (0, 1), done.stderr
    return {d["program"]: d for d in json.loads(done.stdout)["determinations"]}


def test_a_fine_owed_stated_unknown_keeps_the_pardon_petition_open(tmp_path: Path) -> None:
    # Released 2014-03-01 → the five-year wait of 28 CFR 1.2 ended 2019-03-01. No fine is
    # recorded, and whether any fine is still owed is stated unknown. Owed, the Office's
    # instructions ("the petitioner should have satisfied the penalty imposed") make the
    # answer needs_review; paid or none, eligible. So on 2026-12-07: insufficient_facts naming
    # convictions[0].sentence.fine_owed (the same record without the statement: eligible).
    plain = _check(tmp_path, RELEASED_2014 % "", "2026-12-07")
    assert plain["clemency.pardon_petition"]["outcome"] == "eligible"
    stated = RELEASED_2014 % "" + 'unknown: ["convictions[0].sentence.fine_owed"]\n'
    got = _check(tmp_path, stated, "2026-12-07")
    pardon = got["clemency.pardon_petition"]
    assert pardon["outcome"] == "insufficient_facts"
    assert pardon["missing_facts"] == ["convictions[0].sentence.fine_owed"]
    assert any(
        "whether any fine is still owed is not known" in f["finding"] for f in pardon["findings"]
    )
    # Neither the marijuana proclamations nor the time-credit rules read what is owed.
    for program in ("clemency.marijuana_pardon", "fsa.time_credits"):
        assert got[program] == plain[program], program


def test_restitution_owed_stated_unknown_with_restitution_imposed(tmp_path: Path) -> None:
    # As above, $500,000 of restitution imposed and whether any is still owed stated unknown:
    # owed → needs_review, paid → eligible, so insufficient_facts naming restitution_owed.
    text = RELEASED_2014 % ", restitution: 500000"
    text += "unknown:\n  - convictions[0].sentence.restitution_owed\n"
    pardon = _check(tmp_path, text, "2026-12-07")["clemency.pardon_petition"]
    assert pardon["outcome"] == "insufficient_facts"
    assert pardon["missing_facts"] == ["convictions[0].sentence.restitution_owed"]


def test_a_fine_owed_stated_unknown_reads_as_a_fine_whose_payment_is_not_recorded(
    tmp_path: Path,
) -> None:
    # Released 2014-03-01, so on 2017-06-01 the five-year wait (to 2019-03-01) is not over:
    # not eligible then; the anniversary 2019-03-01 itself is for review (28 CFR 1.2 and the
    # Office's form differ on it), and from 2019-03-02 the answer turns on what is owed
    # (insufficient facts), never eligible_from as if nothing were owed. The same answer as for
    # a $1,000 fine imposed whose payment is not recorded.
    text = RELEASED_2014 % "" + 'unknown: ["convictions[0].sentence.fine_owed"]\n'
    pardon = _check(tmp_path, text, "2017-06-01")["clemency.pardon_petition"]
    assert pardon["outcome"] == "not_eligible"
    assert pardon["eligible_from_date"] is None and pardon["next_change"] == "2019-03-01"
    assert "On 2019-03-02 the answer is insufficient_facts" in pardon["reason"]
    imposed = _check(tmp_path, RELEASED_2014 % ", fine: 1000", "2017-06-01")
    assert imposed["clemency.pardon_petition"]["reason"] == pardon["reason"]


def test_a_fine_owed_stated_unknown_leaves_a_prisoner_free_to_petition_for_commutation() -> None:
    # Serving 60 months since 2019-01-02, in prison on 2021-01-01: 28 CFR 1.3 lets a person
    # serving a federal sentence petition for commutation, whatever fine is owed; the answer
    # stays eligible, as with a $1,000 fine imposed whose payment is not recorded. What is owed
    # does not touch time credits (18 U.S.C. 3632(d)(4)): eligible too.
    data = serving() | {"unknown": ["convictions[0].sentence.fine_owed"]}
    imposed = serving()
    imposed["convictions"][0]["sentence"]["fine"] = 1000
    for program in ("clemency.commutation_petition", "fsa.time_credits"):
        assert answer(data, program).outcome is Outcome.eligible, program
        assert answer(imposed, program).outcome is Outcome.eligible, program


def test_the_business_people_stated_unknown_keep_every_sba_answer_open(tmp_path: Path) -> None:
    # 13 CFR 120.110(n) (and the rules of the other SBA programs) reach every Associate, not
    # only Maria. Maria alone: every SBA program eligible. Whether the business has anyone
    # else stated unknown: each SBA answer is insufficient_facts naming business.people.
    plain = _check(tmp_path, BAKERY, "2024-06-03")
    sba = [p for p in plain if p.startswith("sba.")]
    assert len(sba) == 6 and all(plain[p]["outcome"] == "eligible" for p in sba)
    got = _check(tmp_path, BAKERY + "unknown: [business.people]\n", "2024-06-03")
    for program in sba:
        assert got[program]["outcome"] == "insufficient_facts", program
        assert got[program]["missing_facts"] == ["business.people"], program
    assert got["clemency.pardon_petition"] == plain["clemency.pardon_petition"]


def test_a_field_with_no_table_entry_concerns_every_program_reading_its_part() -> None:
    # Serving 60 months since 2019-01-02 (custody with no end: still in prison): on 2021-01-01
    # the commutation petition (28 CFR 1.3) and time credits (18 U.S.C. 3632(d)(4)) are
    # eligible. With the end of that custody stated unknown, whether the person is still
    # serving is not known: both insufficient_facts naming custody[0].end, and the sentence
    # block notes it.
    data = serving() | {"unknown": ["custody[0].end"]}
    for program in ("clemency.commutation_petition", "fsa.time_credits"):
        assert answer(serving(), program).outcome is Outcome.eligible
        det = answer(data, program)
        assert det.outcome is Outcome.insufficient_facts, program
        assert det.missing_facts == ["custody[0].end"]
        assert det.findings[0].facts == {"custody[0].end": "unknown"}
    block = report(data).computation("sentence")
    assert block is not None
    assert any("(custody[0].end)" in note for note in block["needs_review"])


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (
            "convictions[0].sentence.fine_ownd",
            "unknown[0]: 'convictions[0].sentence.fine_ownd' names no field of the record "
            "format ('fine_ownd' is not a field of convictions[0].sentence); did you mean "
            "'convictions[0].sentence.fine_owed'?",
        ),
        (
            "busines.people",
            "unknown[0]: 'busines.people' names no field of the record format ('busines' is "
            "not a field of the record); did you mean 'business'?",
        ),
        (
            "convictions[3].sentence.fine_owed",
            "unknown[0]: 'convictions[3].sentence.fine_owed' names an entry the record does "
            "not hold (convictions has 1 entry)",
        ),
        (
            "convictions.sentence.fine_owed",
            "unknown[0]: 'convictions.sentence.fine_owed' goes on past convictions, a list: "
            "name its entry, e.g. convictions[0]",
        ),
        (
            "convictions[0].sentence.imprisonment",
            "unknown[0]: 'convictions[0].sentence.imprisonment' is given a value and stated "
            "unknown: leave one of them out",
        ),
        (
            "convictions[0]",
            "unknown[0]: 'convictions[0]' is not a field path (field names joined by dots, a "
            "list's entry by its index, ending with a field's name: "
            "'convictions[0].sentence.fine_owed')",
        ),
    ],
)
def test_a_path_that_names_no_field_is_an_input_error(entry: str, problem: str) -> None:
    data = serving() | {"unknown": [entry]}
    with pytest.raises(RecordError) as raised:
        validate(data, "r.yaml")
    assert raised.value.problems == [problem]


def test_a_bad_path_exits_2_naming_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        RELEASED_2014 % "" + 'unknown: [custody, "convictions[0].sentence.fine_ownd"]\n',
        encoding="utf-8",
    )
    done = run_cli("check", str(path), "--as-of", "2026-12-07")
    assert done.returncode == 2
    assert "unknown[1]" in done.stderr and "convictions[0].sentence.fine_ownd" in done.stderr
    assert "did you mean 'convictions[0].sentence.fine_owed'?" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_business_persons_record_reads_paths_within_it() -> None:
    # Paths in a business person's own `unknown` are read within their record: Luis's first
    # conviction's fine owed. No SBA rule reads what is owed of a fine, so the SBA answers
    # stand as they are (every SBA program still names Luis's conviction facts it reads).
    luis = {
        "name": "Luis Ortiz",
        "roles": [{"role": "owner", "ownership_percent": 40}],
        "record": {
            "convictions": [{"jurisdiction": "state", "state": "Ohio", "sentence": {"fine": 500}}],
            "unknown": ["convictions[0].sentence.fine_owed"],
        },
    }
    data: dict[str, Any] = {
        "application_date": "2024-06-03",
        "business": {"name": "B", "people": [luis]},
    }
    record = validate(data, "r.yaml")
    assert record.business is not None
    assert record.business.people[0].record.unknown_paths == {"convictions[0].sentence.fine_owed"}
    without = json.loads(json.dumps(data))
    del without["business"]["people"][0]["record"]["unknown"]
    assert report(data).model_dump() == report(without).model_dump()
    bad = json.loads(json.dumps(data))
    bad["business"]["people"][0]["record"]["unknown"] = ["convictions[1].sentence.fine_owed"]
    with pytest.raises(RecordError, match=r"business\.people\[0\]\.record\.unknown\[0\]"):
        validate(bad, "r.yaml")
