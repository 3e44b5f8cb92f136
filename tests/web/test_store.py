"""The store against SQLite and a real PostgreSQL server: migrations up from empty and down,
the optimistic version check, organisation isolation, determination history."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect

from secondchance.api import evaluate
from secondchance.record import load_record
from secondchance.store import accounts
from secondchance.store import cases as store_cases
from secondchance.store.db import StoreError, make_engine, migrate, open_store
from tests.support import EXAMPLES

TABLES = {
    "organisations",
    "users",
    "api_tokens",
    "settings",
    "cases",
    "record_versions",
    "determinations",
    "notes",
    "audit_log",
}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    base: str = request.getfixturevalue("postgres_url")
    engine = make_engine(base)
    migrate(engine, "base")  # each test starts from an empty database
    engine.dispose()
    return base


def test_migrations_up_from_empty_and_down(url: str) -> None:
    engine = make_engine(url)
    assert TABLES.isdisjoint(inspect(engine).get_table_names())
    migrate(engine)
    assert set(inspect(engine).get_table_names()) >= TABLES
    migrate(engine, "base")
    assert TABLES.isdisjoint(inspect(engine).get_table_names())
    engine.dispose()


def test_version_check_refuses_a_stale_edit(url: str) -> None:
    store = open_store(url)
    with store.transaction() as session:
        accounts.add_user(session, "Org", "a@org.test", accounts.Role.advocate, "long password")
        org_id = accounts.organisation(session, "Org").id  # type: ignore[union-attr]
        case = store_cases.create_case(session, org_id, "C", "pardon")
        assert store_cases.save_record(session, case, {"convictions": []}, 0, None) == 1
    # Two people opened version 1; the first saves, the second's save must fail, unwritten.
    with store.transaction() as session:
        store_cases.save_record(session, case, {"person": {"name": "first"}}, 1, None)
    stale = pytest.raises(store_cases.VersionConflict, match="changed by someone else")
    with stale, store.transaction() as session:
        store_cases.save_record(session, case, {"person": {"name": "second"}}, 1, None)
    with store.transaction() as session:
        fresh = store_cases.get_case(session, org_id, case.id)
        assert fresh is not None and fresh.version == 2
        assert store_cases.current_record(session, fresh) == {"person": {"name": "first"}}
        assert [v.version for v in store_cases.record_versions(session, fresh)] == [2, 1]
    store.dispose()


def test_an_organisation_sees_only_its_cases(url: str) -> None:
    store = open_store(url)
    with store.transaction() as session:
        accounts.add_user(session, "A", "a@a.test", accounts.Role.advocate, "long password")
        accounts.add_user(session, "B", "b@b.test", accounts.Role.advocate, "long password")
        org_a = accounts.organisation(session, "A").id  # type: ignore[union-attr]
        org_b = accounts.organisation(session, "B").id  # type: ignore[union-attr]
        case = store_cases.create_case(session, org_a, "Mine", "sba")
    with store.transaction() as session:
        assert store_cases.get_case(session, org_b, case.id) is None
        assert store_cases.get_case(session, org_a, case.id) is not None
        everything = store_cases.CaseFilter()
        assert store_cases.list_cases(session, org_b, everything, date(2026, 1, 1)) == []
    store.dispose()


def test_history_keeps_each_change_of_answer_and_filters_by_next_change(url: str) -> None:
    # parole-owner.yaml (its header works the dates by hand): for an application on 2024-05-29,
    # sba.7a is eligible_from 2024-05-30 (the new 120.110(n) no longer names parole); the
    # answer's next change is therefore 2024-05-30, one day after 2024-05-29.
    record = load_record(EXAMPLES / "sba" / "parole-owner.yaml")
    store = open_store(url)
    with store.transaction() as session:
        accounts.add_user(session, "A", "a@a.test", accounts.Role.advocate, "long password")
        org = accounts.organisation(session, "A").id  # type: ignore[union-attr]
        case = store_cases.create_case(session, org, "Bakery", "sba")
        store_cases.save_record(session, case, {}, 0, None)
        before = evaluate(record, date(2024, 5, 29), application_date=date(2024, 5, 29))
        assert store_cases.store_report(session, case, before)
        assert not store_cases.store_report(session, case, before)  # nothing changed
        after = evaluate(record, date(2024, 5, 30), application_date=date(2024, 5, 30))
        assert store_cases.store_report(session, case, after)
    with store.transaction() as session:
        rows = store_cases.determination_history(session, case)
        seven_a = [(r.as_of, r.outcome, r.current) for r in rows if r.program == "sba.7a"]
        assert sorted(seven_a) == [
            (date(2024, 5, 29), "eligible_from", 0),
            (date(2024, 5, 30), "eligible", 1),
        ]
        soon = store_cases.CaseFilter(program="sba.7a", changes_within_days=30)
        assert store_cases.list_cases(session, org, soon, date(2024, 5, 29)) == []
    store.dispose()


def test_an_unusable_database_url_is_one_clear_message() -> None:
    with pytest.raises(StoreError, match="--database"):
        open_store("mysql://nobody@localhost/none")
    with pytest.raises(StoreError, match="cannot open the database"):
        open_store("postgresql://nobody@127.0.0.1:1/none")
