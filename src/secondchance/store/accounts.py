"""Organisations, users (argon2-hashed passwords, roles) and API tokens (stored as hashes)."""

from __future__ import annotations

import hashlib
import secrets
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from secondchance.store.models import ApiToken, Organisation, User

_HASHER = PasswordHasher()
_DUMMY_HASH = _HASHER.hash("not a password of anyone")
MIN_PASSWORD = 10
TOKEN_PREFIX = "sc_"


class Role(StrEnum):
    admin = "admin"
    advocate = "advocate"
    viewer = "viewer"


class AccountError(ValueError):
    """A request about accounts that cannot be met; the message says why."""


def organisation(session: Session, name: str, *, create: bool = False) -> Organisation | None:
    found = session.scalar(select(Organisation).where(Organisation.name == name))
    if found is None and create:
        found = Organisation(name=name)
        session.add(found)
        session.flush()
    return found


def add_user(session: Session, org_name: str, email: str, role: Role, password: str) -> User:
    """Create a user (and the organisation, if new). Emails are unique across the server."""
    email = email.strip().lower()
    if "@" not in email or len(email) > 320:
        raise AccountError(f"--email: {email!r} is not an email address")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password: at least {MIN_PASSWORD} characters")
    if session.scalar(select(User).where(User.email == email)) is not None:
        raise AccountError(f"--email: a user {email} already exists")
    org = organisation(session, org_name.strip(), create=True)
    assert org is not None
    user = User(org_id=org.id, email=email, password_hash=_HASHER.hash(password), role=role.value)
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The user with this email and password, else None (same work either way)."""
    user = session.scalar(select(User).where(User.email == email.strip().lower()))
    try:
        _HASHER.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    return user


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def add_token(session: Session, org_name: str) -> str:
    """A new API token for an existing organisation; only its hash is kept."""
    org = organisation(session, org_name.strip())
    if org is None:
        raise AccountError(f"--org: no organisation {org_name!r} (add a user to it first)")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(org_id=org.id, token_hash=_token_hash(token)))
    session.flush()
    return token


def token_org(session: Session, token: str) -> int | None:
    """The organisation id a bearer token belongs to, else None."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    found = session.scalar(select(ApiToken).where(ApiToken.token_hash == _token_hash(token)))
    return found.org_id if found else None
