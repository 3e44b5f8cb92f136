"""Every test reads the shipped register plus a user register of its own (never the user's)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def own_register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "user-register.csv"
    monkeypatch.setenv("SECONDCHANCE_GRANTS_REGISTER", str(path))
    return path
