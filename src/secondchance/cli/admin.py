"""``secondchance admin``: accounts and API tokens for the web app (first start, scripts)."""

from __future__ import annotations

import getpass
import sys
from typing import Annotated

import typer

from secondchance.cli.app import app, fail_input

admin = typer.Typer(help="Add users and API tokens to the web app's store.", no_args_is_help=True)
app.add_typer(admin, name="admin")

DatabaseOption = Annotated[
    str | None,
    typer.Option(
        "--database",
        help="Database URL (default: a SQLite file in the user's data directory, or "
        "$SECONDCHANCE_DATABASE); e.g. postgresql://user@host/db.",
    ),
]


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat password: ") != first:
        fail_input("password: the two entries differ")
    return first


@admin.command("add-user")
def add_user(
    org: Annotated[str, typer.Option("--org", help="Organisation (created if new).")],
    email: Annotated[str, typer.Option("--email", help="The user's email, used to sign in.")],
    role: Annotated[str, typer.Option("--role", help="admin, advocate or viewer.")] = "advocate",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    database: DatabaseOption = None,
) -> None:
    """Add a user to an organisation (the password is asked for, never given as an option)."""
    from secondchance.store import accounts
    from secondchance.store.db import StoreError, open_store

    try:
        chosen = accounts.Role(role)
    except ValueError:
        fail_input(f"--role: {role!r} is not one of admin, advocate, viewer")
    password = _password(password_stdin)
    try:
        store = open_store(database)
        with store.transaction() as session:
            user = accounts.add_user(session, org, email, chosen, password)
            sys.stdout.write(f"added {user.email} ({chosen.value}) to {org.strip()}\n")
    except (StoreError, accounts.AccountError) as exc:
        fail_input(str(exc))


@admin.command("add-token")
def add_token(
    org: Annotated[str, typer.Option("--org", help="Organisation the token acts for.")],
    database: DatabaseOption = None,
) -> None:
    """Print a new API bearer token for an organisation (shown once; only its hash is kept)."""
    from secondchance.store import accounts
    from secondchance.store.db import StoreError, open_store

    try:
        store = open_store(database)
        with store.transaction() as session:
            token = accounts.add_token(session, org)
    except (StoreError, accounts.AccountError) as exc:
        fail_input(str(exc))
    sys.stdout.write(token + "\n")
