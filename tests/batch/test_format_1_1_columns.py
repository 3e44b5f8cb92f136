"""Format 1.1 facts through the batch tables (docs/batch-format.md): terms per count and
``consecutive``, revocations, a conviction awaiting sentencing, the certificate's date, a
treaty transfer, removal orders, immigration detainers, the RDAP block and the other 1.1
sentence and FSA fields. Each table set reads as exactly the record ``check`` reads and gets the
same answers; some show the column changing the answer; a bad cell in each new column goes to
errors.csv with its table, row and column, and its person is not screened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.batch.same_as_check import errors, people, same_as_check, screen, screened

PERSON = {"person_id": "P1"}


def _conviction(**cells: str) -> dict[str, str]:
    return {"person_id": "P1", "conviction_id": "a", "jurisdiction": "federal", **cells}


def _count(**cells: str) -> dict[str, str]:
    return {"person_id": "P1", "conviction_id": "a", "statute": "18 U.S.C. 1343", **cells}


# --- 1. terms per count and ``consecutive`` ------------------------------------------------------


def _per_count(consecutive: str | None) -> dict[str, list[dict[str, Any]]]:
    second = _count(statute="18 U.S.C. 1349", imprisonment="24 months")
    if consecutive is not None:
        second["consecutive"] = consecutive
    return {
        "people": [PERSON],
        "convictions": [_conviction(conviction_date="2019-01-02", imposed_on="2019-01-02")],
        "counts": [_count(felony="true", imprisonment="60 months"), second],
        "custody": [
            {
                "person_id": "P1",
                "kind": "designated_facility",
                "conviction_id": "a",
                "start": "2019-01-02",
            }
        ],
        "risk_assessments": [{"person_id": "P1", "assessed_on": "2019-03-01", "level": "low"}],
    }


def _per_count_record(consecutive: bool) -> dict[str, Any]:
    return {
        "convictions": [
            {
                "id": "a",
                "jurisdiction": "federal",
                "conviction_date": "2019-01-02",
                "counts": [
                    {"statute": "18 U.S.C. 1343", "felony": True, "imprisonment": "60 months"},
                    {
                        "statute": "18 U.S.C. 1349",
                        "imprisonment": "24 months",
                        "consecutive": consecutive,
                    },
                ],
                "sentence": {"imposed_on": "2019-01-02"},
            }
        ],
        "custody": [{"kind": "designated_facility", "conviction_id": "a", "start": "2019-01-02"}],
        "fsa": {"risk_assessments": [{"assessed_on": "2019-03-01", "level": "low"}]},
    }


def test_a_consecutive_count_term_reads_as_check_and_ends_later(tmp_path: Path) -> None:
    """The worked case cases/sentence/examples/per-count-terms.yaml as tables. 60 months and
    24 months on two counts: concurrent by default (18 U.S.C. 3584(a)), 60 months from
    2019-01-02, full term ending 2024-01-01; marked consecutive, 84 months: 2019-01-02 + 84
    months = 2026-01-02, so the full term ends 2026-01-01, two years later."""
    _, out = same_as_check(_per_count("yes"), _per_count_record(True), tmp_path / "c", "2021-01-01")
    assert people(out)["P1"]["full_term_date"].isoformat() == "2026-01-01"
    _, out = same_as_check(_per_count(""), _per_count_record(False), tmp_path / "e", "2021-01-01")
    assert people(out)["P1"]["full_term_date"].isoformat() == "2024-01-01"
    _, out = same_as_check(_per_count(None), _per_count_record(False), tmp_path / "n", "2021-01-01")
    assert people(out)["P1"]["full_term_date"].isoformat() == "2024-01-01"


# --- 2. revocations ------------------------------------------------------------------------------


def _revoked(revocation: bool, revocation_custody: bool) -> dict[str, list[dict[str, Any]]]:
    """cases/clemency/examples/revocation-term.yaml: wire fraud, 24 months imposed 2010-03-01,
    released 2011-12-15; supervised release revoked 2013-06-01 with 8 months and no supervised
    release after it (a revocation silent on it may have imposed a new term: 18 U.S.C. 3583(h)),
    in custody for it 2013-05-20 to 2014-01-10."""
    custody = [
        {
            "person_id": "P1",
            "kind": "designated_facility",
            "conviction_id": "a",
            "start": "2010-03-01",
            "end": "2011-12-15",
        }
    ]
    if revocation_custody:
        custody.append(
            {
                "person_id": "P1",
                "kind": "federal_custody",
                "conviction_id": "a",
                "start": "2013-05-20",
                "end": "2014-01-10",
            }
        )
    tables: dict[str, list[dict[str, Any]]] = {
        "people": [PERSON],
        "convictions": [
            _conviction(
                conviction_date="2010-01-04",
                imposed_on="2010-03-01",
                imprisonment="24 months",
                supervised_release="3 years",
            )
        ],
        "counts": [_count(felony="true")],
        "custody": custody,
        "supervision": [
            {
                "person_id": "P1",
                "kind": "supervised_release",
                "conviction_id": "a",
                "start": "2011-12-15",
                "end": "2013-06-01",
            }
        ],
    }
    if revocation:
        tables["revocations"] = [
            {
                "person_id": "P1",
                "conviction_id": "a",
                "revoked_on": "2013-06-01",
                "imprisonment": "8 months",
                "supervised_release": "0 months",
            }
        ]
    return tables


def _revoked_record(revocation: bool, revocation_custody: bool) -> dict[str, Any]:
    sentence: dict[str, Any] = {
        "imposed_on": "2010-03-01",
        "imprisonment": "24 months",
        "supervised_release": "3 years",
    }
    if revocation:
        sentence["revocations"] = [
            {
                "revoked_on": "2013-06-01",
                "imprisonment": "8 months",
                "supervised_release": "0 months",
            }
        ]
    custody = [
        {
            "kind": "designated_facility",
            "conviction_id": "a",
            "start": "2010-03-01",
            "end": "2011-12-15",
        }
    ]
    if revocation_custody:
        custody.append(
            {
                "kind": "federal_custody",
                "conviction_id": "a",
                "start": "2013-05-20",
                "end": "2014-01-10",
            }
        )
    return {
        "convictions": [
            {
                "id": "a",
                "jurisdiction": "federal",
                "conviction_date": "2010-01-04",
                "counts": [{"statute": "18 U.S.C. 1343", "felony": True}],
                "sentence": sentence,
            }
        ],
        "custody": custody,
        "supervision": [
            {
                "kind": "supervised_release",
                "conviction_id": "a",
                "start": "2011-12-15",
                "end": "2013-06-01",
            }
        ],
    }


def test_a_revocation_reads_as_check(tmp_path: Path) -> None:
    """28 CFR 1.2: five years after release from the last confinement, the revocation term's,
    2014-01-10 + 5 years = 2019-01-10, the anniversary itself for review: eligible from
    2019-01-11 (as of 2015-01-01)."""
    answers, _ = same_as_check(
        _revoked(True, True), _revoked_record(True, True), tmp_path, "2015-01-01"
    )
    assert answers["clemency.pardon_petition"][:2] == ("eligible_from", "2019-01-11")


def test_a_revocation_without_its_custody_no_longer_gives_the_early_date(tmp_path: Path) -> None:
    """Without the revocations table the only release known is 2011-12-15, and the pardon wait
    would end 2011-12-15 + 5 years = 2016-12-15: too early, the person was confined again. The
    supervised release ending 2013-06-01, short of its 3 years with no early termination or
    revocation recorded, already leaves that release unknown: insufficient_facts.
    With the revocation row and no custody recorded for its term, the release from the last
    confinement is unknown: insufficient_facts (docs/record-format.md, revocations)."""
    answers, _ = same_as_check(
        _revoked(False, False), _revoked_record(False, False), tmp_path / "w", "2015-01-01"
    )
    assert answers["clemency.pardon_petition"][:2] == ("insufficient_facts", None)
    answers, _ = same_as_check(
        _revoked(True, False), _revoked_record(True, False), tmp_path / "r", "2015-01-01"
    )
    assert answers["clemency.pardon_petition"][:2] == ("insufficient_facts", None)


# --- 3. convicted, awaiting sentencing -----------------------------------------------------------


def test_awaiting_sentencing_reads_as_check_and_changes_the_answers(tmp_path: Path) -> None:
    """Convicted 2025-06-02, not yet sentenced, as of 2026-01-01. 28 CFR 1.2's wait runs from
    release or (no prison sentence) from conviction, after the sentence: not yet begun, so the
    pardon petition is not_eligible; nothing to commute (28 CFR 1.3): not_applicable; no term
    to earn credits on (18 U.S.C. 3632(d)(4)(B)(ii)): not_applicable. Left out, the missing
    sentence leaves both petitions insufficient_facts."""
    tables: dict[str, list[dict[str, Any]]] = {
        "people": [PERSON],
        "convictions": [_conviction(conviction_date="2025-06-02", awaiting_sentencing="true")],
        "counts": [_count(felony="true")],
    }
    record: dict[str, Any] = {
        "convictions": [
            {
                "id": "a",
                "jurisdiction": "federal",
                "conviction_date": "2025-06-02",
                "awaiting_sentencing": True,
                "counts": [{"statute": "18 U.S.C. 1343", "felony": True}],
            }
        ]
    }
    answers, _ = same_as_check(tables, record, tmp_path / "a", "2026-01-01")
    assert answers["clemency.pardon_petition"][0] == "not_eligible"
    assert answers["clemency.commutation_petition"][0] == "not_applicable"
    assert answers["fsa.time_credits"][:1] == ("not_applicable",)
    assert "18 U.S.C. 3632(d)(4)(B)(ii)" in answers["fsa.time_credits"][2]
    tables["convictions"][0]["awaiting_sentencing"] = ""
    del record["convictions"][0]["awaiting_sentencing"]
    answers, _ = same_as_check(tables, record, tmp_path / "e", "2026-01-01")
    assert answers["clemency.pardon_petition"][0] == "insufficient_facts"
    assert answers["clemency.commutation_petition"][0] == "insufficient_facts"


# --- 4. the certificate's date, and the other 1.1 sentence fields --------------------------------


def test_the_certificate_date_and_other_sentence_facts_read_as_check(tmp_path: Path) -> None:
    """A marijuana possession conviction (21 U.S.C. 844) pardoned by Proclamation 10467 with
    its certificate issued 2023-01-13; a second conviction with the Bureau's prior custody
    credit, and a third completed with a term of unknown length."""
    tables: dict[str, list[dict[str, Any]]] = {
        "people": [PERSON],
        "status": [{"person_id": "P1", "status": "us_citizen"}],
        "convictions": [
            _conviction(conviction_id="m", conviction_date="2015-03-02", imposed_on="2015-05-01",
                        probation="1 year"),
            _conviction(conviction_id="w", conviction_date="2019-01-02", imposed_on="2019-01-02",
                        imprisonment="60 months", prior_custody_credit_days="120"),
            _conviction(conviction_id="x", conviction_date="2001-01-02", imposed_on="2001-03-02",
                        imprisonment_length_unknown="yes", completed="TRUE"),
        ],
        "counts": [
            _count(conviction_id="m", statute="21 U.S.C. 844(a)", substance="marijuana",
                   felony="false"),
            _count(conviction_id="w", felony="true"),
            _count(conviction_id="x", felony="true"),
        ],
        "custody": [
            {"person_id": "P1", "kind": "designated_facility", "conviction_id": "w",
             "start": "2019-01-02"}
        ],
        "grants": [
            {"person_id": "P1", "kind": "pardon", "granted_on": "2022-10-06",
             "conviction_ids": "m", "proclamation": "Proclamation 10467",
             "certificate_issued": "true", "certificate_issued_on": "2023-01-13"}
        ],
    }  # fmt: skip
    record: dict[str, Any] = {
        "person": {"status": [{"status": "us_citizen"}]},
        "convictions": [
            {"id": "m", "jurisdiction": "federal", "conviction_date": "2015-03-02",
             "counts": [{"statute": "21 U.S.C. 844(a)", "substance": "marijuana",
                         "felony": False}],
             "sentence": {"imposed_on": "2015-05-01", "probation": "1 year"}},
            {"id": "w", "jurisdiction": "federal", "conviction_date": "2019-01-02",
             "counts": [{"statute": "18 U.S.C. 1343", "felony": True}],
             "sentence": {"imposed_on": "2019-01-02", "imprisonment": "60 months",
                          "prior_custody_credit_days": 120}},
            {"id": "x", "jurisdiction": "federal", "conviction_date": "2001-01-02",
             "counts": [{"statute": "18 U.S.C. 1343", "felony": True}],
             "sentence": {"imposed_on": "2001-03-02", "imprisonment_length_unknown": True,
                          "completed": True}},
        ],
        "custody": [{"kind": "designated_facility", "conviction_id": "w", "start": "2019-01-02"}],
        "clemency": [
            {"kind": "pardon", "granted_on": "2022-10-06", "conviction_ids": ["m"],
             "proclamation": "Proclamation 10467", "certificate_issued": True,
             "certificate_issued_on": "2023-01-13"}
        ],
    }  # fmt: skip
    same_as_check(tables, record, tmp_path, "2021-01-01")


# --- 5. treaty transfer, removal orders, detainers, the other FSA facts, RDAP --------------------


def test_a_treaty_transfer_reads_as_check_and_leaves_clemency_out(tmp_path: Path) -> None:
    """A foreign conviction served here under a treaty (18 U.S.C. 4100 ff.) is no offense
    against the United States (28 CFR 1.1): as the only conviction, both petitions are
    not_applicable. The flag alone (no detail) is a transfer too."""
    for name, cells, block in (
        ("detail", {"treaty_country": "Mexico", "treaty_transferred_on": "2017-04-03"},
         {"country": "Mexico", "transferred_on": "2017-04-03"}),
        ("flag", {"treaty_transfer": "true"}, {}),
    ):  # fmt: skip
        tables: dict[str, list[dict[str, Any]]] = {
            "people": [PERSON],
            "convictions": [_conviction(imposed_on="2015-06-01", imprisonment="10 years", **cells)],
            "counts": [_count(statute="Codigo Penal Federal art. 194", felony="true")],
        }
        record: dict[str, Any] = {
            "convictions": [
                {
                    "id": "a",
                    "jurisdiction": "federal",
                    "counts": [{"statute": "Codigo Penal Federal art. 194", "felony": True}],
                    "sentence": {"imposed_on": "2015-06-01", "imprisonment": "10 years"},
                    "treaty_transfer": block,
                }
            ]
        }
        answers, _ = same_as_check(tables, record, tmp_path / name, "2026-01-01")
        assert answers["clemency.pardon_petition"][0] == "not_applicable"
        assert answers["clemency.commutation_petition"][0] == "not_applicable"


def _handout(**people_cells: str) -> dict[str, list[dict[str, Any]]]:
    """examples/sentence/handout-60-months-low-risk.yaml as tables."""
    return {
        "people": [{**PERSON, **people_cells}],
        "convictions": [
            _conviction(
                sentencing_date="2024-11-15",
                imposed_on="2024-11-15",
                imprisonment="60 months",
                supervised_release="3 years",
            )
        ],
        "counts": [_count(offense_date="2022-03-01")],
        "custody": [
            {
                "person_id": "P1",
                "kind": "designated_facility",
                "start": "2025-01-01",
                "conviction_id": "a",
            }
        ],
        "risk_assessments": [{"person_id": "P1", "assessed_on": "2025-02-15", "level": "low"}],
    }


def _handout_record(**extra: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "convictions": [
            {
                "id": "a",
                "jurisdiction": "federal",
                "counts": [{"statute": "18 U.S.C. 1343", "offense_date": "2022-03-01"}],
                "sentencing_date": "2024-11-15",
                "sentence": {
                    "imposed_on": "2024-11-15",
                    "imprisonment": "60 months",
                    "supervised_release": "3 years",
                },
            }
        ],
        "custody": [{"kind": "designated_facility", "start": "2025-01-01", "conviction_id": "a"}],
        "fsa": {"risk_assessments": [{"assessed_on": "2025-02-15", "level": "low"}]},
    }
    for block, values in extra.items():
        record.setdefault(block, {}).update(values)
    return record


def test_removal_orders_and_detainers_read_as_check(tmp_path: Path) -> None:
    """An undated order of removal bars applying time credits once dated on or before the day
    (18 U.S.C. 3632(d)(4)(E)); its date unknown, the credits need review naming its issued_on.
    Without it the handout example's credits are eligible."""
    tables = _handout(fsa_time_credits_lost_days="10", fsa_time_credits_restored_days="4")
    tables["removal_orders"] = [{"person_id": "P1", "kind": "reinstated", "issued_on": ""}]
    tables["immigration_detainers"] = [
        {"person_id": "P1", "lodged_on": "2025-05-01", "agency": "ICE"}
    ]
    record = _handout_record(
        fsa={
            "time_credits_lost_days": 10,
            "time_credits_restored_days": 4,
            "removal_orders": [{"kind": "reinstated"}],
            "immigration_detainers": [{"lodged_on": "2025-05-01", "agency": "ICE"}],
        }
    )
    answers, _ = same_as_check(tables, record, tmp_path / "r", "2026-01-01")
    assert answers["fsa.time_credits"][0] == "needs_review"
    answers, _ = same_as_check(_handout(), _handout_record(), tmp_path / "n", "2026-01-01")
    assert answers["fsa.time_credits"][0] == "eligible"


def test_rdap_columns_read_as_check(tmp_path: Path) -> None:
    """examples/sentence/rdap-prior-unknown.yaml's rdap block as people columns."""
    tables = _handout(
        rdap_status="expected",
        rdap_ice_detainee="no",
        rdap_contractual_boarder="no",
        rdap_current_violent_or_weapon_offense="false",
        rdap_attempt_or_conspiracy_of_excluded_offense="0",
        rdap_previous_rdap_early_release="false",
    )
    record = _handout_record(
        rdap={
            "status": "expected",
            "ice_detainee": False,
            "contractual_boarder": False,
            "current_violent_or_weapon_offense": False,
            "attempt_or_conspiracy_of_excluded_offense": False,
            "previous_rdap_early_release": False,
        }
    )
    same_as_check(tables, record, tmp_path, "2026-01-01")


# --- bad cells -----------------------------------------------------------------------------------


def _with(table: str, cells: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """The handout tables with ``cells`` added to the first row of ``table`` (or as its row)."""
    tables = _handout()
    rows = tables.setdefault(table, [{"person_id": "P1"}])
    if table in ("revocations",):
        rows[0]["conviction_id"] = "a"
    rows[0].update(cells)
    return tables


@pytest.mark.parametrize(
    ("table", "cells", "field"),
    [
        ("counts", {"imprisonment": "sixty months"}, "imprisonment"),
        ("counts", {"consecutive": "maybe"}, "consecutive"),
        ("revocations", {"revoked_on": "2023-02-30"}, "revoked_on"),
        ("revocations", {"imprisonment": "ten"}, "imprisonment"),
        ("revocations", {"supervised_release": "-3 months"}, "supervised_release"),
        ("revocations", {"conviction_id": "zz"}, "conviction_id"),
        ("convictions", {"awaiting_sentencing": "soon"}, "awaiting_sentencing"),
        ("convictions", {"imprisonment_length_unknown": "?"}, "imprisonment_length_unknown"),
        ("convictions", {"prior_custody_credit_days": "12.5"}, "prior_custody_credit_days"),
        ("convictions", {"completed": "done"}, "completed"),
        ("convictions", {"treaty_transfer": "Mexico"}, "treaty_transfer"),
        ("convictions", {"treaty_transferred_on": "2017-13-01"}, "treaty_transferred_on"),
        (
            "convictions",
            {"treaty_transfer": "false", "treaty_country": "Mexico"},
            "treaty_country",
        ),
        ("grants", {"kind": "pardon", "granted_on": "2022-10-06",
                    "certificate_issued_on": "Jan 13th"}, "certificate_issued_on"),
        ("people", {"fsa_time_credits_lost_days": "ten"}, "fsa_time_credits_lost_days"),
        ("people", {"fsa_time_credits_restored_days": "-1"}, "fsa_time_credits_restored_days"),
        ("removal_orders", {"kind": "deported"}, "kind"),
        ("removal_orders", {"issued_on": "2026-02-30"}, "issued_on"),
        ("immigration_detainers", {"lodged_on": "yesterday"}, "lodged_on"),
        ("people", {"rdap_status": "started"}, "rdap_status"),
        ("people", {"rdap_completed_on": "2025-13-01"}, "rdap_completed_on"),
        ("people", {"rdap_ice_detainee": "unknown"}, "rdap_ice_detainee"),
    ],
)  # fmt: skip
def test_a_bad_cell_in_a_new_column_is_a_row_error(
    tmp_path: Path, table: str, cells: dict[str, str], field: str
) -> None:
    """Never dropped, never read as "not stated": errors.csv names the table, row 1 and the
    column, and the person is not screened."""
    out = screen(_with(table, cells), tmp_path, "2026-01-01")
    assert errors(out) == [("P1", table, "1", field)]
    assert screened(out) == {}


def test_a_revocation_row_with_no_date_or_term_is_a_revocation(tmp_path: Path) -> None:
    """A row naming only its conviction records a revocation whose date and term are unknown
    (``revocations: [{}]``), never a row left out; screen answers what check answers for it."""
    tables = _revoked(False, False)
    tables["revocations"] = [{"person_id": "P1", "conviction_id": "a", "revoked_on": ""}]
    record = _revoked_record(False, False)
    record["convictions"][0]["sentence"]["revocations"] = [{}]
    same_as_check(tables, record, tmp_path, "2015-01-01")


def test_typed_parquet_columns_read_as_their_csv_cells(tmp_path: Path) -> None:
    """Parquet gives a yes/no as a boolean, a count of days as an integer and a day as a date:
    the same record as the CSV text cells (the consecutive per-count case above)."""
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    from secondchance.batch.evaluate import record_of
    from secondchance.batch.read import people_from_tables

    folder = tmp_path / "in"
    tables = _per_count("yes")
    del tables["counts"]
    from tests.batch.tables import write_tables

    write_tables(folder, tables)
    pq.write_table(
        pa.table(
            {
                "person_id": ["P1", "P1"],
                "conviction_id": ["a", "a"],
                "statute": ["18 U.S.C. 1343", "18 U.S.C. 1349"],
                "felony": [True, None],
                "imprisonment": ["60 months", "24 months"],
                "consecutive": [None, True],
            }
        ),
        folder / "counts.parquet",
    )
    pq.write_table(
        pa.table(
            {
                "person_id": ["P1"],
                "conviction_id": ["a"],
                "revoked_on": pa.array([dt.date(2023, 3, 1)], pa.date32()),
            }
        ),
        folder / "revocations.parquet",
    )
    (person,) = people_from_tables(folder, [])
    record, problems = record_of(person)
    assert problems == [] and record is not None
    counts = record.convictions[0].counts
    assert [c.consecutive for c in counts] == [False, True]
    assert record.convictions[0].sentence is not None
    assert record.convictions[0].sentence.revocations[0].revoked_on == dt.date(2023, 3, 1)
