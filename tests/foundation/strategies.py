"""Hypothesis strategies for valid records of every shape the format allows."""

from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

DAYS = st.integers(min_value=0, max_value=365 * 40)
BASE = date(1990, 1, 1)


def _day(offset: int) -> str:
    return (BASE + timedelta(days=offset)).isoformat()


@st.composite
def spans(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(DAYS)
    out: dict[str, Any] = {"start": _day(start)}
    if draw(st.booleans()):
        out["end"] = _day(start + draw(st.integers(0, 365 * 15)))
    return out


TERMS = st.one_of(
    st.just("life"),
    st.builds(lambda m: f"{m} months", st.integers(0, 600)),
    st.builds(lambda y, m, d: f"{y} years {m} months {d} days", *(st.integers(0, 30),) * 3),
)
OPT_BOOL = st.sampled_from([None, True, False])
STATUTES = st.sampled_from(
    [
        "21 U.S.C. 844(a)",
        "21 U.S.C. 846",
        "21 U.S.C. 841(a)(1)",
        "18 U.S.C. 924(c)",
        "18 U.S.C. 1001",
        "18 U.S.C. 1343",
        "D.C. Code 48-904.01(d)(1)",
        "UCMJ art. 125",
        "18 U.S.C. 2113(a)",
    ]
)


@st.composite
def counts(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "statute": draw(STATUTES),
        "substance": draw(st.sampled_from([None, "marijuana", "cocaine"])),
        "attempt": draw(st.booleans()),
        "conspiracy": draw(st.booleans()),
        "felony": draw(OPT_BOOL),
        "financial_misconduct": draw(OPT_BOOL),
        "false_statement": draw(OPT_BOOL),
        "moral_turpitude": draw(OPT_BOOL),
        "weapon": draw(OPT_BOOL),
        "court_findings": draw(st.lists(st.sampled_from(["leader_organizer"]), max_size=1)),
    }


@st.composite
def convictions(draw: st.DrawFn, index: int) -> dict[str, Any]:
    jurisdiction = draw(st.sampled_from(["federal", "federal", "dc", "military", "state"]))
    offense = draw(DAYS)
    conv: dict[str, Any] = {
        "id": f"c{index}",
        "jurisdiction": jurisdiction,
        "counts": draw(st.lists(counts(), min_size=0, max_size=3)),
        "offense_date": _day(offset=offense),
        "conviction_date": _day(offense + draw(st.integers(0, 900))),
    }
    if jurisdiction == "state":
        conv["state"] = "Ohio"
    if draw(st.booleans()):
        conv["sentence"] = {
            "imposed_on": conv["conviction_date"],
            "imprisonment": draw(st.one_of(st.none(), TERMS)),
            "supervised_release": draw(st.one_of(st.none(), st.just("36 months"))),
            "fine_owed": draw(st.one_of(st.none(), st.floats(0, 1e5))),
        }
    return conv


@st.composite
def person_records(draw: st.DrawFn) -> dict[str, Any]:
    n = draw(st.integers(0, 3))
    record: dict[str, Any] = {
        "person": {
            "name": draw(st.sampled_from(["A", "B"])),
            "status": draw(
                st.lists(
                    st.builds(
                        lambda s, span: {"status": s, **span},
                        st.sampled_from(["us_citizen", "lawful_permanent_resident"]),
                        spans(),
                    ),
                    max_size=1,
                )
            ),
        },
        "convictions": [draw(convictions(i)) for i in range(n)],
        "custody": draw(
            st.lists(
                st.builds(
                    lambda k, span: {"kind": k, **span},
                    st.sampled_from(
                        ["pretrial_detention", "designated_facility", "home_confinement"]
                    ),
                    spans(),
                ),
                max_size=3,
            )
        ),
        "supervision": draw(
            st.lists(
                st.builds(
                    lambda k, span: {"kind": k, **span},
                    st.sampled_from(["probation", "parole", "supervised_release"]),
                    spans(),
                ),
                max_size=2,
            )
        ),
        "pending_charges": draw(
            st.lists(
                st.builds(
                    lambda inst, cs, day: {"instrument": inst, "counts": cs, "filed_on": _day(day)},
                    st.sampled_from(["indictment", "information"]),
                    st.lists(counts(), max_size=2),
                    DAYS,
                ),
                max_size=1,
            )
        ),
        "clemency": draw(
            st.lists(
                st.builds(
                    lambda kind, day: {"kind": kind, "granted_on": _day(day)},
                    st.sampled_from(["pardon", "commutation"]),
                    DAYS,
                ),
                max_size=1,
            )
        ),
    }
    return record


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    record = draw(person_records())
    if draw(st.booleans()):
        people = []
        for i in range(draw(st.integers(0, 3))):
            role = draw(st.sampled_from(["owner", "officer", "director", "key_employee"]))
            entry: dict[str, Any] = {"role": role, **draw(spans())}
            if role == "owner":
                entry["ownership_percent"] = draw(st.sampled_from([5, 19.99, 20, 20.01, 33.33]))
            people.append({"name": f"P{i}", "roles": [entry], "record": draw(person_records())})
        record["business"] = {"name": "Biz", "people": people}
        record["application_date"] = _day(draw(DAYS))
    return record
