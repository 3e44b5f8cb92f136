"""The JSON API: ``/api/check`` (a record → the ``check --format json`` report),
``/api/sentence``, ``/api/rules``, ``/healthz``. Each ``/api`` call takes an organisation's
bearer token."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from secondchance.api import evaluate
from secondchance.law.sentence.block import SentenceFacts, compute_block
from secondchance.record import Record, RecordError
from secondchance.record.load import parse_text, validate
from secondchance.record.schema import FIRST_YEAR, LAST_YEAR, RiskLevel
from secondchance.record.terms import Term, TermError, parse_term_text
from secondchance.store import accounts

router = APIRouter()


class ApiError(Exception):
    """Answered as ``{"error": message, "problems": [...]}`` with ``status``."""

    def __init__(self, status: int, message: str, problems: list[str] | None = None) -> None:
        self.status, self.message, self.problems = status, message, problems or []
        super().__init__(message)


def api_error_response(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    body: dict[str, Any] = {"error": exc.message}
    if exc.problems:
        body["problems"] = exc.problems
    return JSONResponse(body, status_code=exc.status)


def bearer_org(request: Request) -> int:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(
            401,
            "an API token is required: Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )
    with request.app.state.store.transaction() as session:
        org = accounts.token_org(session, token.strip())
    if org is None:
        raise HTTPException(
            401, "the API token is not valid", headers={"WWW-Authenticate": "Bearer"}
        )
    return org


Org = Annotated[int, Depends(bearer_org)]


def _day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ApiError(
            400, f"{name}: {value[:40]!r} is not a date; write it as YYYY-MM-DD"
        ) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ApiError(400, f"{name}: outside the years {FIRST_YEAR}-{LAST_YEAR}")
    return day


async def _json_body(request: Request) -> Any:
    raw = await request.body()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "the request body is not UTF-8 text") from None
    if not text.strip():
        raise ApiError(400, "the request body is empty: send a JSON document")
    try:
        return parse_text(text, "request body", "json")
    except RecordError as exc:
        raise ApiError(400, "the request body is not valid JSON", exc.problems) from None


def record_from(data: Any) -> Record:
    try:
        return validate(data, "record")
    except RecordError as exc:
        raise ApiError(422, "the record is not valid", exc.problems) from None


_RECORD_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Record"}}},
    }
}


@router.post("/api/check", openapi_extra=_RECORD_BODY, tags=["api"])
async def api_check(
    request: Request,
    _org: Org,
    as_of: Annotated[str | None, Query(description="YYYY-MM-DD; default today")] = None,
    application_date: Annotated[str | None, Query(description="SBA application date")] = None,
) -> JSONResponse:
    """Evaluate a record (JSON, the record format) under every program: the same JSON as
    ``secondchance check --format json``."""
    day = _day(as_of, "as_of") or date.today()
    applied = _day(application_date, "application_date")
    record = record_from(await _json_body(request))
    report = evaluate(record, as_of=day, application_date=applied)
    return JSONResponse(report.model_dump(mode="json"))


class SentenceRequest(BaseModel):
    """The ``secondchance sentence`` options as JSON."""

    model_config = ConfigDict(extra="forbid")
    term: str = Field(max_length=100, description='E.g. "60 months", "life".')
    commenced: date
    arrived: date | None = None
    as_of: date | None = None
    prior_custody_days: int = Field(0, ge=0, le=366_000)
    supervised_release: str | None = Field(None, max_length=100)
    fsa_risk: RiskLevel | None = None
    fsa_ineligible: bool = False


def _term(text: str, name: str) -> Term:
    try:
        return Term.model_validate(parse_term_text(text))
    except (ValidationError, TermError, ValueError) as exc:
        raise ApiError(422, f"{name}: {str(exc).splitlines()[0][:200]}") from None


@router.post(
    "/api/sentence",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": SentenceRequest.model_json_schema()}},
        }
    },
    tags=["api"],
)
async def api_sentence(request: Request, _org: Org) -> JSONResponse:
    """Compute a sentence's dates, as ``secondchance sentence --format json``."""
    data = await _json_body(request)
    try:
        asked = SentenceRequest.model_validate(data)
    except ValidationError as exc:
        problems = [
            f"{'.'.join(map(str, e['loc'])) or '(top level)'}: {e['msg']}" for e in exc.errors()
        ]
        raise ApiError(422, "the request is not valid", problems) from None
    for name in ("commenced", "arrived", "as_of"):
        value = getattr(asked, name)
        if value is not None:
            _day(value.isoformat(), name)
    imposed = _term(asked.term, "term")
    if imposed.is_zero:
        raise ApiError(422, "term: a term of imprisonment cannot be zero")
    arrival = asked.arrived or asked.commenced
    if arrival < asked.commenced:
        raise ApiError(422, "arrived: before commenced")
    facts = SentenceFacts(
        term=imposed,
        commenced=asked.commenced,
        arrived=arrival,
        prior_custody_days=asked.prior_custody_days,
        supervised_release=_term(asked.supervised_release, "supervised_release")
        if asked.supervised_release
        else None,
        risk=asked.fsa_risk,
        fsa_ineligible=asked.fsa_ineligible,
        risk_without_dates=True,
    )
    return JSONResponse(json.loads(json.dumps(compute_block(facts, asked.as_of or date.today()))))


@router.get("/api/rules", tags=["api"])
def api_rules(_org: Org) -> dict[str, Any]:
    """Every program and rule version with citation, source, dates, known gaps; parameters."""
    from secondchance.cli.rules import parameters_table, rules_table

    return {"programs": rules_table(), "parameters": parameters_table()}


@router.get("/healthz", tags=["api"])
def healthz(request: Request) -> dict[str, str]:
    """The server answers and its database is reachable."""
    from sqlalchemy import text

    with request.app.state.store.transaction() as session:
        session.execute(text("SELECT 1"))
    return {"status": "ok"}
