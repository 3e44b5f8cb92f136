"""Alembic migrations of the store, applied by :func:`secondchance.store.db.migrate`."""
