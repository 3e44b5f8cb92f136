"""Sign-in sessions, CSRF tokens, roles, the sign-in rate limit and the request-body cap."""

from __future__ import annotations

import hmac
import secrets
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request

SESSION_SECONDS = 8 * 3600
"""A sign-in lasts a working day; after that the person signs in again."""
MAX_BODY_BYTES = 1_000_000
"""The largest request body accepted (a record file is a few kilobytes)."""


@dataclass(frozen=True)
class Account:
    user_id: int
    org_id: int
    role: str
    email: str

    @property
    def can_edit(self) -> bool:
        return self.role in ("admin", "advocate")


class LoginLimiter:
    """At most ``limit`` failed sign-ins per ``window`` seconds per address and per email."""

    def __init__(self, limit: int = 5, window: float = 900.0) -> None:
        self.limit, self.window = limit, window
        self._failures: dict[str, deque[float]] = defaultdict(deque)

    def _recent(self, key: str, moment: float) -> deque[float]:
        times = self._failures[key]
        while times and times[0] < moment - self.window:
            times.popleft()
        return times

    def blocked(self, keys: list[str]) -> bool:
        moment = time.monotonic()
        return any(len(self._recent(k, moment)) >= self.limit for k in keys)

    def failed(self, keys: list[str]) -> None:
        moment = time.monotonic()
        for k in keys:
            self._recent(k, moment).append(moment)
        if len(self._failures) > 100_000:
            self._failures.clear()

    def succeeded(self, keys: list[str]) -> None:
        for k in keys:
            self._failures.pop(k, None)


def csrf_token(request: Request) -> str:
    session = request.session
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return str(session["csrf"])


async def check_csrf(request: Request) -> None:
    """Refuse a state-changing request without this session's CSRF token (form field
    ``csrf_token`` or header ``X-CSRF-Token``)."""
    expected = request.session.get("csrf")
    given = request.headers.get("x-csrf-token")
    if given is None:
        form = await request.form()
        value = form.get("csrf_token")
        given = value if isinstance(value, str) else None
    if not expected or not given or not hmac.compare_digest(str(expected), given):
        raise HTTPException(
            403, "The form had expired or did not come from this site. Reload and try again."
        )


def signed_in(request: Request) -> Account | None:
    data = request.session.get("account")
    if not isinstance(data, dict):
        return None
    if time.time() - float(data.get("since", 0)) > SESSION_SECONDS:
        request.session.clear()
        return None
    return Account(int(data["uid"]), int(data["org"]), str(data["role"]), str(data["email"]))


def sign_in(request: Request, account: Account) -> None:
    request.session.clear()
    request.session["account"] = {
        "uid": account.user_id,
        "org": account.org_id,
        "role": account.role,
        "email": account.email,
        "since": time.time(),
    }
    request.session["csrf"] = secrets.token_urlsafe(32)


Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


class BodyLimit:
    """ASGI middleware: a body over ``limit`` bytes is answered 413 before it is read whole."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _too_large(send, self.limit)
            return
        seen = 0

        async def bounded() -> MutableMapping[str, Any]:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge
            return message

        try:
            await self.app(scope, bounded, send)
        except _TooLarge:
            await _too_large(send, self.limit)


class _TooLarge(Exception):
    pass


async def _too_large(send: Send, limit: int) -> None:
    body = (
        f'{{"error": "the request body is larger than the {limit} bytes this server accepts"}}'
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
