"""The register of clemency grants: the official lists shipped with the package (see
``data/PROVENANCE.md``) and the grants a user imported into their own register file."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from importlib.resources import files
from pathlib import Path

from secondchance.grants.model import Grant, GrantType
from secondchance.grants.search import NameIndex, parsed

SHIPPED_FILES = (
    "biden_whitehouse_clemency_grants.csv",
    "biden_whitehouse_commutations_name_regno.csv",
)
DETAIL_COLUMNS = ("offense", "district", "sentence", "grant_terms", "grant_note")
USER_COLUMNS = (
    "announcement_date",
    "president",
    "clemency_type",
    "name",
    "residence",
    "bop_register_number",
    "source_url",
    "added_on",
)
REGISTER_ENV = "SECONDCHANCE_GRANTS_REGISTER"


def _row_grant(row: dict[str, str], origin: str) -> Grant:
    return Grant(
        name=row["name"].strip(),
        type=GrantType(row["clemency_type"].strip()),
        date=date.fromisoformat(row["announcement_date"].strip()),
        president=row["president"].strip(),
        source_url=row["source_url"].strip(),
        residence=(row.get("residence") or "").strip(),
        bop_register_number=(row.get("bop_register_number") or "").strip(),
        details={k: (row.get(k) or "").strip() for k in DETAIL_COLUMNS if row.get(k)},
        origin=origin,
    )


@cache
def shipped_grants() -> tuple[Grant, ...]:
    """Every grant of the shipped official lists (1,717 rows)."""
    out: list[Grant] = []
    for name in SHIPPED_FILES:
        text = (
            files("secondchance.grants").joinpath("data").joinpath(name).read_text(encoding="utf-8")
        )
        out.extend(_row_grant(row, "shipped") for row in csv.DictReader(io.StringIO(text)))
    return tuple(out)


def default_register_path() -> Path:
    """The user's register: $SECONDCHANCE_GRANTS_REGISTER, else grants.csv in the user data
    directory ($XDG_DATA_HOME/secondchance, by default ~/.local/share/secondchance)."""
    explicit = os.environ.get(REGISTER_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "secondchance" / "grants.csv"


def load_user_grants(path: Path) -> list[Grant]:
    """The grants in a user register file (none if it does not exist yet)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [_row_grant(row, "user") for row in csv.DictReader(handle)]


def write_user_grants(path: Path, grants: Iterable[Grant]) -> None:
    """Write the user register atomically: a new file beside it, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    today = date.today().isoformat()
    with temporary.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=USER_COLUMNS)
        writer.writeheader()
        for g in grants:
            writer.writerow(
                {
                    "announcement_date": g.date.isoformat(),
                    "president": g.president,
                    "clemency_type": g.type.value,
                    "name": g.name,
                    "residence": g.residence,
                    "bop_register_number": g.bop_register_number,
                    "source_url": g.source_url,
                    "added_on": g.details.get("added_on", today),
                }
            )
    temporary.replace(path)


@cache
def shipped_register() -> Register:
    """The shipped official lists alone (what record linking reads: no user file)."""
    return Register(list(shipped_grants()))


@dataclass
class Register:
    """Shipped grants plus the user's, searchable together."""

    grants: list[Grant] = field(default_factory=list)

    @classmethod
    def load(cls, user_path: Path | None = None) -> Register:
        user = load_user_grants(user_path) if user_path is not None else []
        return cls([*shipped_grants(), *user])

    @cached_property
    def index(self) -> NameIndex:
        return NameIndex(self.grants)

    @cached_property
    def given_names(self) -> frozenset[str]:
        """The given names of the register (to tell a person's name from other capitals)."""
        return frozenset(g for g in (parsed(x.name).given for x in self.grants) if len(g) > 1)

    def __iter__(self) -> Iterator[Grant]:
        return iter(self.grants)

    def __len__(self) -> int:
        return len(self.grants)
