"""A case: its page (record versions, determination history, notes), the guided interview,
record upload and download, printable letters."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

import yaml
from fastapi import APIRouter, Form, HTTPException, Request, UploadFile
from fastapi.responses import Response

from secondchance.record import RecordError
from secondchance.record.load import parse_text
from secondchance.store import cases as store_cases
from secondchance.web import letters
from secondchance.web.answers import AnswerError
from secondchance.web.casework import (
    assess,
    find_case,
    interview_memory,
    next_for,
    remember,
    reopen,
)
from secondchance.web.interview import (
    GOALS,
    again_value,
    apply_answer,
    apply_none,
    apply_unknown,
    carry_unknown,
    key,
    question_for,
)
from secondchance.web.pages import Csrf, Editor, SignedIn, see_other
from secondchance.web.paths import get_path, split_path
from secondchance.web.render import render

router = APIRouter(include_in_schema=False)


@router.get("/cases/{case_id}")
def case_page(request: Request, user: SignedIn, case_id: str) -> Response:
    with request.app.state.store.transaction() as session:
        case = find_case(session, user, case_id)
        record = store_cases.current_record(session, case)
        seen = assess(case.goal, record)
        if seen.report is not None:
            store_cases.store_report(session, case, seen.report)
        store_cases.audit(session, user.org_id, user.user_id, "viewed_case", case.id)
        context = {
            "case": case,
            "seen": seen,
            "goal_title": GOALS[case.goal][0],
            "versions": store_cases.record_versions(session, case),
            "history": store_cases.determination_history(session, case),
            "notes": store_cases.notes(session, case),
            "memory": interview_memory(case),
            "question": next_for(case, seen),  # marks the answers unfinished while one is left
        }
    return render(request, "case.html", context)


def _panel(request: Request, case_id: str, user: SignedIn, error: str | None = None) -> Response:
    with request.app.state.store.transaction() as session:
        case = find_case(session, user, case_id)
        record = store_cases.current_record(session, case)
    seen = assess(case.goal, record)
    context = {
        "case": case,
        "seen": seen,
        "question": next_for(case, seen),
        "memory": interview_memory(case),
        "goal_title": GOALS[case.goal][0],
        "error": error,
    }
    name = "_panel.html" if request.headers.get("hx-request") else "interview.html"
    return render(request, name, context, status=409 if error and "changed" in error else 200)


@router.get("/cases/{case_id}/interview")
def interview_page(request: Request, user: SignedIn, case_id: str) -> Response:
    return _panel(request, case_id, user)


@router.post("/cases/{case_id}/answer", dependencies=[Csrf])
async def answer(request: Request, user: Editor, case_id: str) -> Response:
    posted = await request.form()
    form = {k: v for k, v in posted.items() if isinstance(v, str)}
    form["finding"] = "\n".join(v for v in posted.getlist("finding") if isinstance(v, str))
    path, action = form.get("path", "")[:300], form.get("action", "save")
    version = int(form["version"]) if form.get("version", "").isdigit() else -1
    with request.app.state.store.transaction() as session:
        case = find_case(session, user, case_id)
        record = store_cases.current_record(session, case)
        question = _starter(case.goal, path, record) or question_for(path, record)
        if question is None:
            raise HTTPException(422, "That question is not part of this interview.")
        before = get_path(record, split_path(key(path)))
        asked_again = before is not None and not isinstance(before, (dict, list))
        try:
            changes = action == "save" or (action == "none" and question.kind == "findings")
            if changes:
                updated = apply_answer(record, question, form)
            else:
                unknown_paths = interview_memory(case)["unknown_paths"]
                if action == "none":
                    updated = apply_none(record, question, unknown_paths)
                elif action == "unknown":
                    updated = apply_unknown(record, question)
                else:
                    updated = record
        except AnswerError as exc:
            return _panel(request, case_id, user, error=str(exc))
        now = get_path(updated, split_path(key(path)))
        reasked = again_value(now) if asked_again else None  # a field asked again (see next_for)
        words = f"{question.text} ({question.about})" if question.about else question.text
        memory = remember(case, path.split(" ")[0], words, action == "unknown", reasked)
        updated = carry_unknown(updated, json.loads(memory)["unknown_paths"])
        try:
            store_cases.save_record(session, case, updated, version, user.user_id, memory)
        except store_cases.VersionConflict as exc:
            session.rollback()
            return _panel(request, case_id, user, error=str(exc))
        seen = assess(case.goal, updated)
        if seen.report is not None:
            store_cases.store_report(session, case, seen.report)
        store_cases.audit(session, user.org_id, user.user_id, "answered_question", case.id)
    return _panel(request, case_id, user)


def _starter(goal: str, path: str, record: dict[str, object]):  # type: ignore[no-untyped-def]
    from secondchance.web.interview import _starters

    return next((q for q in _starters(goal, record, asked=set()) if q.path == path), None)


@router.post("/cases/{case_id}/reopen", dependencies=[Csrf])
def reopen_question(
    request: Request, user: Editor, case_id: str, path: Annotated[str, Form(max_length=300)]
) -> Response:
    """ "Answer it now": a question answered "I don't know" is asked again."""
    with request.app.state.store.transaction() as session:
        case = find_case(session, user, case_id)
        case.unknown_facts = reopen(case, path)
        store_cases.audit(session, user.org_id, user.user_id, "reopened_question", case.id)
    return see_other(f"/cases/{case_id}/interview")


@router.post("/cases/{case_id}/notes", dependencies=[Csrf])
def add_note(
    request: Request, user: Editor, case_id: str, body: Annotated[str, Form(max_length=10_000)]
) -> Response:
    with request.app.state.store.transaction() as session:
        case = find_case(session, user, case_id)
        if body.strip():
            store_cases.add_note(session, case, user.user_id, body)
            store_cases.audit(session, user.org_id, user.user_id, "added_note", case.id)
    return see_other(f"/cases/{case_id}#notes")


@router.post("/cases/{case_id}/record", dependencies=[Csrf])
async def upload_record(
    request: Request,
    user: Editor,
    case_id: str,
    file: UploadFile,
    version: Annotated[int, Form()],
) -> Response:
    raw = await file.read(1_000_001)
    fmt = "json" if (file.filename or "").lower().endswith(".json") else "yaml"
    try:
        data = parse_text(raw.decode("utf-8", errors="strict"), "uploaded file", fmt)
    except (RecordError, UnicodeDecodeError) as exc:
        problems = getattr(exc, "problems", ["the file is not UTF-8 text"])
        raise HTTPException(400, "The file cannot be read: " + "; ".join(problems)) from None
    if not isinstance(data, dict):
        raise HTTPException(400, "The file is not a record (a record is a mapping of fields).")
    with request.app.state.store.transaction() as session:
        case = find_case(session, user, case_id)
        try:
            store_cases.save_record(session, case, data, version, user.user_id)
        except store_cases.VersionConflict as exc:
            raise HTTPException(409, str(exc)) from None
        seen = assess(case.goal, data)
        if seen.report is not None:
            store_cases.store_report(session, case, seen.report)
        store_cases.audit(session, user.org_id, user.user_id, "uploaded_record", case.id)
    return see_other(f"/cases/{case_id}")


@router.get("/cases/{case_id}/record.{fmt}")
def download_record(request: Request, user: SignedIn, case_id: str, fmt: str) -> Response:
    if fmt not in ("yaml", "json"):
        raise HTTPException(404, "Records download as .yaml or .json.")
    with request.app.state.store.transaction() as session:
        case = find_case(session, user, case_id)
        record = store_cases.current_record(session, case)
        store_cases.audit(session, user.org_id, user.user_id, "downloaded_record", case.id)
    if fmt == "json":
        body, media = json.dumps(record, indent=2, ensure_ascii=False) + "\n", "application/json"
    else:
        body = yaml.safe_dump(record, sort_keys=False, allow_unicode=True)
        media = "application/yaml"
    headers = {"content-disposition": f'attachment; filename="record.{fmt}"'}
    return Response(body, media_type=media, headers=headers)


@router.get("/cases/{case_id}/letter/{program}")
def letter(request: Request, user: SignedIn, case_id: str, program: str) -> Response:
    pdf = program.endswith(".pdf")
    program = program.removesuffix(".pdf")
    with request.app.state.store.transaction() as session:
        case = find_case(session, user, case_id)
        record = store_cases.current_record(session, case)
        store_cases.audit(session, user.org_id, user.user_id, "printed_letter", case.id)
    seen = assess(case.goal, record)
    if seen.report is None:
        raise HTTPException(409, "The record cannot be evaluated yet; finish the interview first.")
    found = next((d for d in seen.report.determinations if d.program == program), None)
    if found is None:
        raise HTTPException(404, "No such program.")
    unknown = interview_memory(case)["unknown"]
    html = letters.letter_html(request, seen.report, found, date.today(), unknown)
    if not pdf:
        return Response(html, media_type="text/html")
    headers = {"content-disposition": f'inline; filename="{program}.pdf"'}
    return Response(letters.to_pdf(html), media_type="application/pdf", headers=headers)
