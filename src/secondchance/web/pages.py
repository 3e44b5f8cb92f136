"""Sign-in, the case list with its filters, a new case, the audit log."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from secondchance.store import accounts
from secondchance.store import cases as store_cases
from secondchance.web.interview import GOALS
from secondchance.web.render import OUTCOME_WORDS, PROGRAM_WORDS, render
from secondchance.web.security import Account, check_csrf, sign_in, signed_in

router = APIRouter(include_in_schema=False)


def account(request: Request) -> Account:
    found = signed_in(request)
    if found is None:
        raise HTTPException(401, "Sign in first.")
    return found


def editor(user: Annotated[Account, Depends(account)]) -> Account:
    if not user.can_edit:
        raise HTTPException(403, "Your role lets you read cases, not change them.")
    return user


SignedIn = Annotated[Account, Depends(account)]
Editor = Annotated[Account, Depends(editor)]
Csrf = Depends(check_csrf)


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/login")
def login_page(request: Request) -> Response:
    return render(request, "login.html", {"error": None})


@router.post("/login", dependencies=[Csrf])
def login(
    request: Request,
    email: Annotated[str, Form(max_length=320)],
    password: Annotated[str, Form(max_length=1000)],
) -> Response:
    limiter = request.app.state.limiter
    host = request.client.host if request.client else "?"
    keys = [f"ip:{host}", f"email:{email.strip().lower()}"]
    if limiter.blocked(keys):
        message = "Too many failed sign-ins. Wait 15 minutes and try again."
        return render(request, "login.html", {"error": message}, status=429)
    with request.app.state.store.transaction() as session:
        user = accounts.authenticate(session, email, password)
        if user is not None:
            store_cases.audit(session, user.org_id, user.id, "signed_in", None)
    if user is None:
        limiter.failed(keys)
        return render(request, "login.html", {"error": "Email or password is wrong."}, status=401)
    limiter.succeeded(keys)
    sign_in(request, Account(user.id, user.org_id, user.role, user.email))
    return see_other("/")


@router.post("/logout", dependencies=[Csrf])
def logout(request: Request) -> Response:
    request.session.clear()
    return see_other("/login")


@router.get("/")
def case_list(
    request: Request, user: SignedIn, program: str = "", outcome: str = "", changes: str = ""
) -> Response:
    """The case list; filters that hold nothing personal travel in the URL."""
    return _case_list(request, user, "", program, outcome, changes)


@router.post("/", dependencies=[Csrf])
def case_search(
    request: Request,
    user: SignedIn,
    q: Annotated[str, Form(max_length=100)] = "",
    program: Annotated[str, Form()] = "",
    outcome: Annotated[str, Form()] = "",
    changes: Annotated[str, Form()] = "",
) -> Response:
    """A search by case name is posted, so a name never appears in a URL or a server log."""
    return _case_list(request, user, q, program, outcome, changes)


def _case_list(
    request: Request, user: Account, q: str, program: str, outcome: str, changes: str
) -> Response:
    days = int(changes) if changes.isdigit() and int(changes) <= 3660 else None
    wanted = store_cases.CaseFilter(
        text=q[:100],
        program=program if program in PROGRAM_WORDS else "",
        outcome=outcome if outcome in OUTCOME_WORDS else "",
        changes_within_days=days,
    )
    with request.app.state.store.transaction() as session:
        found = store_cases.list_cases(session, user.org_id, wanted, date.today())
        current = store_cases.current_determinations(session, [c.id for c in found])
    context = {
        "cases": found,
        "current": current,
        "goals": GOALS,
        "filter": wanted,
        "changes": changes,
        "today": date.today(),
    }
    return render(request, "cases.html", context)


@router.get("/cases/new")
def new_case_page(request: Request, user: Editor) -> Response:
    return render(request, "new_case.html", {"goals": GOALS, "error": None})


@router.post("/cases", dependencies=[Csrf])
def new_case(
    request: Request,
    user: Editor,
    goal: Annotated[str, Form()],
    label: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    if goal not in GOALS:
        return render(
            request,
            "new_case.html",
            {"goals": GOALS, "error": "Choose what you want to know."},
            422,
        )
    with request.app.state.store.transaction() as session:
        case = store_cases.create_case(session, user.org_id, label, goal)
        store_cases.audit(session, user.org_id, user.user_id, "created_case", case.id)
    return see_other(f"/cases/{case.id}/interview")


@router.get("/audit")
def audit_page(request: Request, user: SignedIn) -> Response:
    if user.role != "admin":
        raise HTTPException(403, "Only an administrator can read the audit log.")
    from sqlalchemy import select

    from secondchance.store.models import User

    with request.app.state.store.transaction() as session:
        entries = store_cases.audit_entries(session, user.org_id)
        rows = session.execute(select(User.id, User.email).where(User.org_id == user.org_id))
        emails = {uid: mail for uid, mail in rows}
    return render(request, "audit.html", {"entries": entries, "emails": emails})
