"""``secondchance serve``: the web app and JSON API (see docs/web.md)."""

from __future__ import annotations

from typing import Annotated

import typer

from secondchance.cli.admin import DatabaseOption
from secondchance.cli.app import app, fail_input


@app.command()
def serve(
    database: DatabaseOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    secure_cookies: Annotated[
        bool,
        typer.Option("--secure-cookies", help="Send the session cookie over HTTPS only."),
    ] = False,
) -> None:
    """Start the web app: guided interviews, cases, letters, the JSON API (applies migrations)."""
    import uvicorn

    from secondchance.store.db import StoreError
    from secondchance.web.app import create_app

    try:
        web = create_app(database, secure_cookies=secure_cookies)
    except StoreError as exc:
        fail_input(str(exc))
    uvicorn.run(web, host=host, port=port, access_log=False, log_level="info")
