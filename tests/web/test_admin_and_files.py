"""`secondchance admin` from the command line; record files uploaded and downloaded."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from secondchance.cli import app
from secondchance.store import accounts
from secondchance.store.db import open_store
from tests.support import EXAMPLES
from tests.web.conftest import csrf_of, new_case, sign_in


class _Done:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def _admin(*args: str, stdin: str = "") -> _Done:
    """``secondchance admin ARGS`` in this process (the CLI's own code path, without the cost
    of starting Python each time; test_cli runs the real process)."""
    done = CliRunner().invoke(app, ["admin", *args], input=stdin)
    return _Done(done.exit_code, done.stdout, done.stderr)


def test_admin_adds_a_user_and_a_token(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    added = _admin(
        "add-user",
        "--org",
        "Clinic",
        "--email",
        "Ana@Clinic.org",
        "--role",
        "admin",
        "--password-stdin",
        "--database",
        url,
        stdin="a long password\n",
    )
    assert added.returncode == 0, added.stderr
    assert added.stdout == "added ana@clinic.org (admin) to Clinic\n"
    token = _admin("add-token", "--org", "Clinic", "--database", url)
    assert token.returncode == 0 and token.stdout.startswith("sc_")
    store = open_store(url)
    with store.transaction() as session:
        assert accounts.authenticate(session, "ana@clinic.org", "a long password") is not None
        assert accounts.authenticate(session, "ana@clinic.org", "wrong password!") is None
        assert accounts.token_org(session, token.stdout.strip()) is not None
    store.dispose()


def test_admin_input_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    role = _admin(
        "add-user",
        "--org",
        "C",
        "--email",
        "a@c.org",
        "--role",
        "boss",
        "--password-stdin",
        "--database",
        url,
        stdin="a long password\n",
    )
    assert role.returncode == 2 and role.stderr.startswith("error: --role:")
    short = _admin(
        "add-user",
        "--org",
        "C",
        "--email",
        "a@c.org",
        "--password-stdin",
        "--database",
        url,
        stdin="short\n",
    )
    assert short.returncode == 2 and "at least 10 characters" in short.stderr
    nobody = _admin("add-token", "--org", "Nobody", "--database", url)
    assert nobody.returncode == 2 and "no organisation" in nobody.stderr
    bad_url = _admin("add-token", "--org", "C", "--database", "oracle://x")
    assert bad_url.returncode == 2 and "Traceback" not in bad_url.stderr


def test_a_record_file_goes_in_and_comes_out(app) -> None:  # type: ignore[no-untyped-def]
    client = sign_in(app, "advocate@a.org")
    case = new_case(client, goal="sba")
    page = client.get(f"/cases/{case}").text
    source = (EXAMPLES / "sba" / "parole-owner.yaml").read_bytes()
    sent = client.post(
        f"/cases/{case}/record",
        data={"csrf_token": csrf_of(page), "version": "0"},
        files={"file": ("parole-owner.yaml", source, "application/yaml")},
    )
    assert sent.status_code == 200
    # parole-owner.yaml, application 2024-05-30 (its header): the new 120.110(n) names neither
    # parole nor past convictions, and nothing is pending, so sba.7a is eligible.
    assert "SBA 7(a) loan" in sent.text and "o-eligible" in sent.text
    back = yaml.safe_load(client.get(f"/cases/{case}/record.yaml").text)
    assert back["business"]["people"][0]["name"] == "Maria Ortiz"
    broken = client.post(
        f"/cases/{case}/record",
        data={"csrf_token": csrf_of(page), "version": "1"},
        files={"file": ("r.yaml", b"person: [unclosed", "application/yaml")},
    )
    assert broken.status_code == 400 and "cannot be read" in broken.text
