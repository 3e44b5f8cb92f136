"""``secondchance serve``: the web app and JSON API (see docs/web.md)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from secondchance.cli.admin import DatabaseOption
from secondchance.cli.app import app, fail_input


@app.command()
def serve(
    database: DatabaseOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option("--workers", min=1, max=64, help="Server processes (one per core).")
    ] = 1,
    secure_cookies: Annotated[
        bool,
        typer.Option("--secure-cookies", help="Send the session cookie over HTTPS only."),
    ] = False,
) -> None:
    """Start the web app: guided interviews, cases, letters, the JSON API (applies migrations)."""
    import uvicorn

    from secondchance.store.db import StoreError
    from secondchance.web.app import create_app, settle

    try:
        web = create_app(database, secure_cookies=secure_cookies)  # migrates the store once
    except StoreError as exc:
        fail_input(str(exc))
    if workers == 1:
        settle()
        uvicorn.run(web, host=host, port=port, access_log=False, log_level="info")
        return
    web.state.store.dispose()
    if database:
        os.environ["SECONDCHANCE_DATABASE"] = database
    os.environ["SECONDCHANCE_SECURE_COOKIES"] = "1" if secure_cookies else ""
    uvicorn.run(
        "secondchance.web.app:app_from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        access_log=False,
        log_level="info",
    )
