"""The store: organisations, accounts, cases with their record versions, determination history,
notes and the audit log (SQLAlchemy 2, Alembic migrations; SQLite by default, PostgreSQL by URL).
"""

from secondchance.store.db import Store, default_database_url, open_store

__all__ = ["Store", "default_database_url", "open_store"]
