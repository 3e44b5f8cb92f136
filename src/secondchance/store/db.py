"""Opening the store: where the database lives, migrations applied on start, transactions."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class StoreError(Exception):
    """The database URL is unusable or the database cannot be opened (message names why)."""


def data_dir() -> Path:
    """The user's data directory (XDG_DATA_HOME, else ~/.local/share) for secondchance."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "secondchance"


def default_database_url() -> str:
    """$SECONDCHANCE_DATABASE, else a SQLite file in the user's data directory."""
    configured = os.environ.get("SECONDCHANCE_DATABASE")
    if configured:
        return configured
    return f"sqlite:///{data_dir() / 'secondchance.db'}"


def _normalise(url: str) -> str:
    """``postgresql://`` means psycopg 3 (the driver the project installs)."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(_normalise(url))
    except ArgumentError:
        raise StoreError("--database: not a database URL (e.g. sqlite:///cases.db)") from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"check_same_thread": False})
        _sqlite_pragmas(engine)
        return engine
    if parsed.get_backend_name() != "postgresql":
        raise StoreError("--database: only sqlite:/// and postgresql:// URLs are supported")
    return create_engine(parsed, pool_pre_ping=True, pool_size=10)


def _alembic_config(engine_connection: object) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = engine_connection
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up (or down) to ``revision``, in one transaction."""
    with engine.begin() as connection:
        config = _alembic_config(connection)
        if revision.startswith("-") or revision == "base":
            command.downgrade(config, revision)
        else:
            command.upgrade(config, revision)


class Store:
    """An engine and its sessions. ``transaction()`` commits on success, rolls back on error."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(url: str | None = None, *, upgrade: bool = True) -> Store:
    """Open the store at ``url`` (default: :func:`default_database_url`), migrating it."""
    engine = make_engine(url or default_database_url())
    if upgrade:
        try:
            migrate(engine)
        except Exception as exc:  # connection refused, bad credentials, ...
            engine.dispose()
            first = (
                str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
            )
            raise StoreError(f"--database: cannot open the database: {first}") from None
    return Store(engine)
