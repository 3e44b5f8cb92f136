"""Fixtures for the web app and the store: a SQLite store per test, a real PostgreSQL server
per session (started here with initdb and pg_ctl as the ``postgres`` user), signed-in clients."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from secondchance.store import accounts
from secondchance.store.db import Store, open_store
from secondchance.web.app import create_app

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PASSWORD = "correct horse battery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(*args: str) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return list(args)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL server on a temporary directory, for this test session."""
    if not (PG_BIN / "initdb").exists():
        pytest.skip("PostgreSQL binaries are not installed (/usr/lib/postgresql/15/bin)")
    base = Path(tempfile.mkdtemp(prefix="sc-pg-"))
    data, sockets = base / "data", base / "sock"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(sockets, "postgres")
    port = free_port()
    subprocess.run(
        _as_postgres(str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
    start = [str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l", str(base / "log")]
    subprocess.run(_as_postgres(*start, "start"), check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"),
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def accounts_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with two organisations and their users, made once (argon2 is slow on purpose)."""
    path = tmp_path_factory.mktemp("accounts") / "template.db"
    opened = open_store(f"sqlite:///{path}")
    with opened.transaction() as session:
        accounts.add_user(session, "Clinic A", "admin@a.org", accounts.Role.admin, PASSWORD)
        accounts.add_user(session, "Clinic A", "advocate@a.org", accounts.Role.advocate, PASSWORD)
        accounts.add_user(session, "Clinic A", "viewer@a.org", accounts.Role.viewer, PASSWORD)
        accounts.add_user(session, "Clinic B", "advocate@b.org", accounts.Role.advocate, PASSWORD)
    with opened.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    opened.dispose()
    return path


@pytest.fixture
def store(tmp_path: Path, accounts_db: Path) -> Iterator[Store]:
    shutil.copyfile(accounts_db, tmp_path / "cases.db")
    opened = open_store(f"sqlite:///{tmp_path / 'cases.db'}")
    yield opened
    opened.dispose()


@pytest.fixture
def app(store: Store):  # type: ignore[no-untyped-def]
    return create_app(store=store)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found[1]


def sign_in(app, email: str) -> TestClient:  # type: ignore[no-untyped-def]
    client = TestClient(app)
    token = csrf_of(client.get("/login").text)
    done = client.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": token})
    assert done.status_code == 200 and done.url.path == "/", done.text[:300]
    return client


def new_case(client: TestClient, goal: str = "pardon", label: str = "Case one") -> str:
    token = csrf_of(client.get("/cases/new").text)
    done = client.post("/cases", data={"goal": goal, "label": label, "csrf_token": token})
    assert done.status_code == 200, done.text[:300]
    return done.url.path.split("/")[2]


def answer(client: TestClient, case_id: str, **form: str):  # type: ignore[no-untyped-def]
    """Answer the question the interview shows now."""
    page = client.get(f"/cases/{case_id}/interview").text
    version = re.search(r'name="version" value="(\d+)"', page)
    path = re.search(r'name="path" value="([^"]+)"', page)
    assert version and path, "no question on the page"
    data = {"csrf_token": csrf_of(page), "version": version[1], "path": path[1], **form}
    data.setdefault("action", "save")
    return client.post(f"/cases/{case_id}/answer", data=data)
