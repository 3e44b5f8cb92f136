"""Security: sign-in required, organisations apart, CSRF, bounded and well-formed bodies,
roles, rate-limited sign-in, nothing personal in the server log."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from secondchance.store import accounts
from secondchance.web import security
from tests.web.conftest import answer, csrf_of, new_case, sign_in


def _token(store, org: str) -> str:  # type: ignore[no-untyped-def]
    with store.transaction() as session:
        return accounts.add_token(session, org)


def test_pages_and_api_refuse_the_unauthenticated(app, store) -> None:  # type: ignore[no-untyped-def]
    case = new_case(sign_in(app, "advocate@a.org"))
    anonymous = TestClient(app, follow_redirects=False)
    for path in ("/", f"/cases/{case}", f"/cases/{case}/record.yaml", "/audit"):
        assert anonymous.get(path).headers.get("location") == "/login", path
    for path in ("/api/rules",):
        assert anonymous.get(path).status_code == 401
    refused = anonymous.post("/api/check", content=b"{}", headers={"Authorization": "Bearer sc_x"})
    assert refused.status_code == 401 and "not valid" in refused.json()["error"]


def test_another_organisation_cannot_open_or_change_a_case(app) -> None:  # type: ignore[no-untyped-def]
    case = new_case(sign_in(app, "advocate@a.org"))
    other = sign_in(app, "advocate@b.org")
    for path in (f"/cases/{case}", f"/cases/{case}/interview", f"/cases/{case}/record.json"):
        assert other.get(path).status_code == 404, path
    token = csrf_of(other.get("/").text)
    note = other.post(f"/cases/{case}/notes", data={"body": "x", "csrf_token": token})
    assert note.status_code == 404


def test_a_form_without_this_sessions_csrf_token_is_refused(app) -> None:  # type: ignore[no-untyped-def]
    client = sign_in(app, "advocate@a.org")
    assert client.post("/cases", data={"goal": "sba", "label": "x"}).status_code == 403
    forged = client.post("/cases", data={"goal": "sba", "csrf_token": "forged"})
    assert forged.status_code == 403 and "did not come from this site" in forged.text
    assert TestClient(app).post("/login", data={"email": "a", "password": "b"}).status_code == 403


def test_malformed_invalid_and_oversized_bodies_get_4xx_with_a_message(app, store) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(app)
    auth = {"Authorization": f"Bearer {_token(store, 'Clinic A')}"}
    broken = client.post("/api/check", content=b'{"convictions": [', headers=auth)
    assert (
        broken.status_code == 400 and broken.json()["error"] == "the request body is not valid JSON"
    )
    wrong = client.post(
        "/api/check", json={"convictions": [{"jurisdiction": "mars"}]}, headers=auth
    )
    assert wrong.status_code == 422
    assert any(p.startswith("convictions[0].jurisdiction") for p in wrong.json()["problems"])
    huge = client.post("/api/check", content=b" " * (security.MAX_BODY_BYTES + 1), headers=auth)
    assert huge.status_code == 413 and "larger than" in huge.json()["error"]
    empty = client.post("/api/sentence", content=b"", headers=auth)
    assert empty.status_code == 400 and "empty" in empty.json()["error"]
    bad_date = client.post("/api/check?as_of=2024-13-01", json={}, headers=auth)
    assert bad_date.status_code == 400 and bad_date.json()["error"].startswith("as_of:")


def test_a_viewer_reads_but_cannot_change(app) -> None:  # type: ignore[no-untyped-def]
    case = new_case(sign_in(app, "advocate@a.org"))
    viewer = sign_in(app, "viewer@a.org")
    assert viewer.get(f"/cases/{case}").status_code == 200
    assert viewer.get("/cases/new").status_code == 403
    token = csrf_of(viewer.get("/").text)
    refused = viewer.post(f"/cases/{case}/notes", data={"body": "x", "csrf_token": token})
    assert refused.status_code == 403


def test_audit_log_is_for_the_admin_and_records_views(app) -> None:  # type: ignore[no-untyped-def]
    advocate = sign_in(app, "advocate@a.org")
    case = new_case(advocate)
    advocate.get(f"/cases/{case}")
    assert advocate.get("/audit").status_code == 403
    log = sign_in(app, "admin@a.org").get("/audit").text
    assert "viewed case" in log and "created case" in log and "advocate@a.org" in log


def test_sign_in_is_rate_limited(app) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(app)
    token = csrf_of(client.get("/login").text)
    for _ in range(5):
        wrong = {"email": "advocate@a.org", "password": "wrong", "csrf_token": token}
        assert client.post("/login", data=wrong).status_code == 401
    right = {"email": "advocate@a.org", "password": "correct horse battery", "csrf_token": token}
    blocked = client.post("/login", data=right)
    assert blocked.status_code == 429 and "Too many" in blocked.text


def test_sessions_expire(app, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    client = sign_in(app, "advocate@a.org")
    assert client.get("/").status_code == 200
    later = security.time.time() + security.SESSION_SECONDS + 1
    monkeypatch.setattr(security.time, "time", lambda: later)
    assert client.get("/", follow_redirects=False).headers.get("location") == "/login"


def test_nothing_personal_reaches_the_server_log(app, store, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    client = sign_in(app, "advocate@a.org")
    case = new_case(client, label="Zebediah Quux")
    answer(client, case, value="federal")
    answer(client, case, value="18 U.S.C. 1343")
    listed = client.post("/", data={"q": "zebed", "csrf_token": csrf_of(client.get("/").text)})
    assert "Zebediah Quux" in listed.text  # found by a part of its name, case-insensitively
    auth = {"Authorization": f"Bearer {_token(store, 'Clinic A')}"}
    TestClient(app).post("/api/check", json={"person": {"name": "Zebediah Quux"}}, headers=auth)
    # The test client's own logger (httpx) prints the URLs it asked for; the server's do not.
    server = [r for r in caplog.records if not r.name.startswith("httpx")]
    logged = "\n".join(f"{r.name} {r.getMessage()}" for r in server)
    assert "GET /cases/{case_id}" in logged  # the log does record requests, by route template
    for secret in ("Zebediah", "Quux", "1343", case, "advocate@a.org"):
        assert secret not in logged, secret


def test_two_editors_of_one_case_cannot_overwrite_each_other(app) -> None:  # type: ignore[no-untyped-def]
    first = sign_in(app, "advocate@a.org")
    second = sign_in(app, "admin@a.org")
    case = new_case(first)
    page = second.get(f"/cases/{case}/interview").text  # opened at version 0
    assert answer(first, case, value="federal").status_code == 200  # now version 1
    stale = {"csrf_token": csrf_of(page), "version": "0", "path": "convictions[0].jurisdiction"}
    clash = second.post(f"/cases/{case}/answer", data={**stale, "value": "state"})
    assert clash.status_code == 409 and "changed by someone else" in clash.text
    record = first.get(f"/cases/{case}/record.json").json()
    assert record["convictions"][0]["jurisdiction"] == "federal"


def test_a_crash_answers_500_without_the_details(app, caplog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from secondchance.web import case_pages

    client = sign_in(app, "advocate@a.org")
    case = new_case(client)

    def broken(goal: str, record: object) -> None:
        raise ValueError("Zebediah Quux, born 1970-01-01")

    monkeypatch.setattr(case_pages, "assess", broken)
    caplog.set_level(logging.DEBUG)
    crashed = client.get(f"/cases/{case}")
    assert crashed.status_code == 500 and "Something went wrong" in crashed.text
    assert "Zebediah" not in crashed.text and "Traceback" not in crashed.text
    server = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("httpx"))
    assert "error ValueError on /cases/{case_id}" in server
    assert "Zebediah" not in server and "Traceback" not in caplog.text
