"""Properties of the SBA rules over generated business records (hypothesis):

* any valid record yields exactly one determination per SBA program and never raises;
* outcomes are well formed (an eligible_from date lies after the decisive day, insufficient
  facts name the fields);
* the outcome never depends on facts the rules do not mention (names, descriptions, courts,
  facilities, clemency, First Step Act facts, the record's own top-level person while no
  business person is marked ``is_subject``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.api import evaluate
from secondchance.law.sba import PROGRAMS
from secondchance.record.load import validate

BASE = date(2021, 1, 1)
OFFSETS = st.integers(min_value=0, max_value=365 * 6)
OPT_BOOL = st.sampled_from([None, True, False])
ROLES = ["owner", "officer", "director", "key_employee", "general_partner", "managing_member"]
SBA_IDS = [p.id for p in PROGRAMS]


def day(offset: int) -> str:
    return (BASE + timedelta(days=offset)).isoformat()


def after(start: int) -> Callable[[int], str]:
    """The day ``delta`` days after offset ``start``."""

    def shifted(delta: int) -> str:
        return day(start + delta)

    return shifted


@st.composite
def span(draw: st.DrawFn, open_end: bool = True) -> dict[str, Any]:
    start = draw(OFFSETS)
    out: dict[str, Any] = {"start": day(start)}
    if not open_end or draw(st.booleans()):
        out["end"] = day(start + draw(st.integers(0, 900)))
    return out


@st.composite
def count(draw: st.DrawFn) -> dict[str, Any]:
    attrs = (
        "felony",
        "financial_misconduct",
        "false_statement",
        "moral_turpitude",
        "fraud_or_dishonesty",
        "against_children",
        "riot_or_civil_disorder",
    )
    return {"statute": "18 U.S.C. 1001", **{a: draw(OPT_BOOL) for a in attrs}}


@st.composite
def person_record(draw: st.DrawFn) -> dict[str, Any]:
    n_conv = draw(st.integers(0, 2))
    ids = [f"c{i}" for i in range(n_conv)]
    convictions = [
        {
            "id": cid,
            "jurisdiction": "federal",
            "conviction_date": draw(st.one_of(st.none(), OFFSETS.map(day))),
            "counts": draw(st.lists(count(), max_size=2)),
        }
        for cid in ids
    ]
    kinds = st.sampled_from(
        [
            "pretrial_detention",
            "designated_facility",
            "residential_reentry_center",
            "home_confinement",
        ]
    )
    custody = [{"kind": draw(kinds), **draw(span())} for _ in range(draw(st.integers(0, 2)))]
    sup_kinds = st.sampled_from(
        ["probation", "parole", "supervised_release", "deferred_prosecution"]
    )
    supervision = [
        {
            "kind": draw(sup_kinds),
            "conviction_id": draw(st.sampled_from([None, *ids])),
            **draw(span()),
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    charges = []
    for _ in range(draw(st.integers(0, 2))):
        filed = draw(OFFSETS)
        charges.append(
            {
                "instrument": draw(st.sampled_from(["indictment", "information", "complaint"])),
                "filed_on": draw(st.sampled_from([day(filed), None])),
                "resolved_on": draw(st.one_of(st.none(), st.integers(0, 900).map(after(filed)))),
                "counts": draw(st.lists(count(), max_size=2)),
            }
        )
    return {
        "convictions": convictions,
        "custody": custody,
        "supervision": supervision,
        "pending_charges": charges,
    }


@st.composite
def business_person(draw: st.DrawFn, index: int) -> dict[str, Any]:
    roles = []
    for _ in range(draw(st.integers(1, 2))):
        kind = draw(st.sampled_from(ROLES))
        role: dict[str, Any] = {"role": kind, **draw(span())}
        if kind == "owner":
            role["ownership_percent"] = draw(
                st.one_of(st.none(), st.sampled_from([10, 19.99, 20, 20.01, 51, 100]))
            )
        roles.append(role)
    return {"name": f"Person {index}", "roles": roles, "record": draw(person_record())}


@st.composite
def sba_records(draw: st.DrawFn) -> dict[str, Any]:
    people = [draw(business_person(i)) for i in range(draw(st.integers(0, 3)))]
    # The owners may hold at most 100% of the equity on any day (the schema checks it): counted
    # over all dates at once, a share that would pass 100% takes what is left, or none.
    left = 100.0
    for bp in people:
        for role in bp["roles"]:
            share = role.get("ownership_percent")
            if share is not None:
                role["ownership_percent"] = min(share, left) if left > 0 else None
                left -= role["ownership_percent"] or 0
    data: dict[str, Any] = {
        "application_date": day(draw(OFFSETS)),
        "business": {"name": "Co", "child_care": draw(OPT_BOOL), "people": people},
    }
    if draw(st.integers(0, 9)) == 0:
        data.pop("business")
    return data


def sba_answers(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    rec = validate(data, "generated")
    report = evaluate(rec, as_of=date(2024, 1, 1), programs=PROGRAMS)
    return [
        (d.program, d.outcome, d.date, d.next_change, tuple(d.missing_facts))
        for d in report.determinations
    ]


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(sba_records())
def test_one_well_formed_determination_per_program(data: dict[str, Any]) -> None:
    rec = validate(data, "generated")
    report = evaluate(rec, as_of=date(2024, 1, 1), programs=PROGRAMS)
    assert [d.program for d in report.determinations] == SBA_IDS
    decisive = rec.application_date
    assert decisive is not None
    for det in report.determinations:
        if det.outcome.value == "eligible_from":
            assert det.date is not None and det.date > decisive
        if det.outcome.value == "insufficient_facts":
            assert det.missing_facts
        if det.outcome.value == "not_applicable":
            assert det.reason
        for finding in det.findings:
            assert finding.citation and finding.rule_version.startswith(det.program)


def with_unmentioned_facts(data: dict[str, Any]) -> dict[str, Any]:
    """The same record with facts no SBA rule mentions changed or added."""
    out = copy.deepcopy(data)
    out["person"] = {"name": "Someone Else", "date_of_birth": "1970-01-01"}
    out["convictions"] = [
        {
            "id": "top",
            "jurisdiction": "federal",
            "conviction_date": "2020-01-01",
            "counts": [{"statute": "18 U.S.C. 1343", "felony": True}],
        }
    ]
    out["custody"] = [{"kind": "designated_facility", "start": "2020-01-01"}]
    for i, bp in enumerate(out.get("business", {}).get("people", [])):
        bp["name"] = f"Renamed {i}"
        rec = bp["record"]
        rec["clemency"] = [{"kind": "commutation", "granted_on": "2022-01-01"}]
        rec["court_challenges"] = [{"kind": "direct_appeal", "filed_on": "2021-01-01"}]
        rec["fsa"] = {"ged_status": "has_credential"}
        for c in rec["custody"]:
            c["facility"] = "FCI Somewhere"
        for conv in rec["convictions"]:
            conv["court"] = "D. Mass."
            for n in conv["counts"]:
                n.update(
                    description="changed", weapon=True, violence=False, statute="21 U.S.C. 846"
                )
        for charge in rec["pending_charges"]:
            charge["court"] = "S.D.N.Y."
    return out


@FAST
@given(sba_records())
def test_outcome_ignores_facts_the_rules_do_not_mention(data: dict[str, Any]) -> None:
    assert sba_answers(data) == sba_answers(with_unmentioned_facts(data))


def as_subject(data: dict[str, Any]) -> dict[str, Any] | None:
    """The same record with the first business person's own record moved to the top level and
    the person marked ``is_subject`` (``None`` when there is no one to move)."""
    people = data.get("business", {}).get("people", [])
    if not people:
        return None
    out = copy.deepcopy(data)
    first = out["business"]["people"][0]
    out.update(first.pop("record"))
    first["is_subject"] = True
    return out


@FAST
@given(sba_records())
def test_is_subject_reads_the_top_level_record_as_the_persons_own(data: dict[str, Any]) -> None:
    moved = as_subject(data)
    if moved is None:
        return
    # The same facts, held at the top level instead of nested: the same answers and dates, and
    # the same missing facts named by their top-level paths.
    prefix = "business.people[0].record."
    expected = [
        (*answer[:4], tuple(m.removeprefix(prefix) for m in answer[4]))
        for answer in sba_answers(data)
    ]
    assert sba_answers(moved) == expected
