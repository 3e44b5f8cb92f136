"""The FastAPI application: store, sessions, body cap, error pages that hold nothing personal,
a request log of method, route template, status and time only."""

from __future__ import annotations

import gc
import logging
import secrets
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from secondchance.api import warm
from secondchance.store.db import Store, open_store
from secondchance.store.models import Setting
from secondchance.web import api, case_pages, pages
from secondchance.web.render import render
from secondchance.web.security import MAX_BODY_BYTES, SESSION_SECONDS, BodyLimit, LoginLimiter

HERE = Path(__file__).resolve().parent
LOG = logging.getLogger("secondchance.web")


def session_key(store: Store) -> str:
    """The key that signs session cookies: made once, kept in the store for every worker."""
    with store.transaction() as session:
        found = session.get(Setting, "session_key")
        if found is None:
            found = Setting(name="session_key", value=secrets.token_urlsafe(48))
            session.add(found)
        return found.value


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/healthz"


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    return render(request, "error.html", {"status": status, "message": message}, status=status)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 401 and not _wants_json(request):
        return Response(status_code=303, headers={"location": "/login"})
    response = _error(request, exc.status_code, str(exc.detail))
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    fields = sorted({".".join(str(p) for p in e["loc"][1:]) or "body" for e in exc.errors()})
    return _error(request, 422, "missing or invalid: " + ", ".join(fields))


async def _crash(request: Request, exc: Exception) -> Response:
    LOG.error("error %s on %s", type(exc).__name__, _route(request))
    return _error(request, 500, "Something went wrong on the server. Nothing was changed.")


def _route(request: Request) -> str:
    route = request.scope.get("route")
    return str(getattr(route, "path", "(no route)"))


def create_app(
    database_url: str | None = None, *, store: Store | None = None, secure_cookies: bool = False
) -> FastAPI:
    """The web app over the store at ``database_url`` (migrated on start)."""
    store = store or open_store(database_url)
    warm()  # the law's tables, built once per process before the first request
    web = FastAPI(
        title="secondchance",
        description="Where a person with a US federal record stands under federal second-chance "
        "law. Information, not legal advice.",
        version="0.1.0",
    )
    web.state.store = store
    web.state.limiter = LoginLimiter()
    web.add_middleware(
        SessionMiddleware,
        secret_key=session_key(store),
        session_cookie="sc_session",
        max_age=SESSION_SECONDS,
        same_site="lax",
        https_only=secure_cookies,
    )
    web.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)

    @web.middleware("http")
    async def log_requests(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        try:
            response = await call_next(request)
        except Exception as exc:  # answered here, so no traceback (with its message) is logged
            LOG.error("error %s on %s", type(exc).__name__, _route(request))
            response = _error(
                request, 500, "Something went wrong on the server. Nothing was changed."
            )
        elapsed = (time.perf_counter() - started) * 1000
        LOG.info("%s %s %d %.1fms", request.method, _route(request), response.status_code, elapsed)
        response.headers.setdefault("x-content-type-options", "nosniff")
        response.headers.setdefault("referrer-policy", "no-referrer")
        response.headers.setdefault("x-frame-options", "DENY")
        return response

    web.add_exception_handler(HTTPException, _http_error)
    web.add_exception_handler(RequestValidationError, _invalid)
    web.add_exception_handler(api.ApiError, api.api_error_response)
    web.add_exception_handler(Exception, _crash)
    web.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    web.include_router(api.router)
    web.include_router(pages.router)
    web.include_router(case_pages.router)
    web.openapi_schema = None
    _add_record_schema(web)
    return web


def app_from_environment() -> FastAPI:
    """The app for a worker process of ``serve --workers N`` ($SECONDCHANCE_DATABASE)."""
    import os

    web = create_app(secure_cookies=bool(os.environ.get("SECONDCHANCE_SECURE_COOKIES")))
    settle()
    return web


def settle() -> None:
    """Before a server answers: what start-up built (the law's tables, the grant register)
    lives as long as the process, so it is moved out of the garbage collector's way; a full
    collection then no longer walks it in the middle of a request."""
    gc.collect()
    gc.freeze()


def _add_record_schema(web: FastAPI) -> None:
    """OpenAPI docs show the record format as the body of ``/api/check``."""
    from secondchance.record import Record

    original = web.openapi

    def openapi() -> dict[str, object]:
        if web.openapi_schema:
            return web.openapi_schema
        schema = original()
        record = Record.model_json_schema(ref_template="#/components/schemas/{model}")
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.update(record.pop("$defs", {}))
        components["Record"] = record
        web.openapi_schema = schema
        return schema

    web.openapi = openapi  # type: ignore[method-assign]
