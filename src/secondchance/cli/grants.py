"""``secondchance grants``: search, list and import the register of clemency grants."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from secondchance.cli.app import OutputFormat, app, fail_input, parse_date
from secondchance.grants.importing import Defaults, GrantInputError, import_grants
from secondchance.grants.model import Grant, GrantType
from secondchance.grants.register import Register, default_register_path
from secondchance.grants.search import matches_filters, search

grants_app = typer.Typer(
    help="The register of clemency grants (official lists, with sources).", no_args_is_help=True
)
app.add_typer(grants_app, name="grants")

RegisterOption = Annotated[
    Path | None,
    typer.Option("--register", help="The user register file (default: the user data dir)."),
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", help="text or json.")]


def _register(path: Path | None) -> Register:
    try:
        return Register.load(path or default_register_path())
    except (OSError, ValueError, KeyError) as exc:
        fail_input(f"{path or default_register_path()}: the register cannot be read ({exc})")


def _kind(value: str | None) -> GrantType | None:
    if value is None:
        return None
    if value not in GrantType.__members__:
        raise typer.BadParameter(f"{value!r} is not pardon or commutation", param_hint="--type")
    return GrantType(value)


def _line(g: Grant) -> str:
    regno = f" [{g.bop_register_number}]" if g.bop_register_number else ""
    place = f", {g.residence}" if g.residence else ""
    return f"{g.date.isoformat()}  {g.type.value:<11} {g.name}{regno}{place} — {g.president}"


@grants_app.command("search")
def search_command(
    name: Annotated[str, typer.Argument(help="A name as a report writes it.")],
    president: Annotated[str | None, typer.Option("--president", help="E.g. Biden.")] = None,
    kind: Annotated[str | None, typer.Option("--type", help="pardon or commutation.")] = None,
    start: Annotated[str | None, typer.Option("--from", help="Granted on or after.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Granted on or before.")] = None,
    register: RegisterOption = None,
    fmt: FormatOption = OutputFormat.text,
) -> None:
    """Find grants by NAME, tolerant of misspellings, initials, suffixes and maiden names."""
    if not name.strip():
        fail_input("NAME: empty")
    reg = _register(register)
    found = search(
        reg.index,
        name,
        president=president,
        kind=_kind(kind),
        start=parse_date(start, "--from"),
        end=parse_date(end, "--to"),
    )
    if fmt is OutputFormat.json:
        payload = {
            "query": name,
            "register_size": len(reg),
            "matches": [m.as_dict() for m in found],
        }
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return
    if not found:
        sys.stdout.write(f"No grant in the register ({len(reg)} grants) matches {name!r}.\n")
        return
    for m in found:
        sys.stdout.write(f"{m.kind.upper():<5} {m.score:5.1f}  {_line(m.grant)}\n")
        sys.stdout.write(f"      why: {m.reason}\n      source: {m.grant.source_url}\n")


@grants_app.command("list")
def list_command(
    president: Annotated[str | None, typer.Option("--president", help="E.g. Biden.")] = None,
    kind: Annotated[str | None, typer.Option("--type", help="pardon or commutation.")] = None,
    start: Annotated[str | None, typer.Option("--from", help="Granted on or after.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Granted on or before.")] = None,
    user_only: Annotated[
        bool, typer.Option("--user", help="Only the grants you imported.")
    ] = False,
    register: RegisterOption = None,
    fmt: FormatOption = OutputFormat.text,
) -> None:
    """List the register's grants (shipped official lists and your imports), oldest first."""
    day_from, day_to, wanted = parse_date(start, "--from"), parse_date(end, "--to"), _kind(kind)
    rows = [
        g
        for g in _register(register)
        if matches_filters(g, president, wanted, day_from, day_to)
        and (not user_only or g.origin == "user")
    ]
    rows.sort(key=lambda g: (g.date, g.type.value, g.name))
    if fmt is OutputFormat.json:
        sys.stdout.write(
            json.dumps([g.as_dict() for g in rows], indent=2, ensure_ascii=False) + "\n"
        )
        return
    sys.stdout.write("".join(f"{_line(g)}\n" for g in rows))
    sys.stdout.write(f"{len(rows)} grants\n")


@grants_app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="An official list page (HTML or text) or a CSV.")],
    source: Annotated[
        str | None, typer.Option("--source", help="Source URL, where the file does not give one.")
    ] = None,
    day: Annotated[str | None, typer.Option("--date", help="Grant date, where not stated.")] = None,
    president: Annotated[str | None, typer.Option("--president", help="Who granted.")] = None,
    register: RegisterOption = None,
    fmt: FormatOption = OutputFormat.text,
) -> None:
    """Add the grants FILE states to your register, each with its source; duplicates are skipped."""
    path = register or default_register_path()
    defaults = Defaults(source, parse_date(day, "--date"), president)
    try:
        result = import_grants(file, path, defaults)
    except GrantInputError as exc:
        fail_input(str(exc))
    except OSError as exc:
        fail_input(f"{path}: cannot write the register ({exc.strerror or exc})")
    if fmt is OutputFormat.json:
        payload = {
            "register": str(path),
            "added": [g.as_dict() for g in result.added],
            "duplicates": [g.as_dict() for g in result.duplicates],
        }
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return
    sys.stdout.write(
        f"Added {len(result.added)} grants to {path}; "
        f"{len(result.duplicates)} already in the register.\n"
    )
    for g in result.added:
        sys.stdout.write(f"  + {_line(g)}\n")
