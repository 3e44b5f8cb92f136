"""The SBA examples through the real ``secondchance check ... --format json`` command: the
application-date default, findings and the rules listing. Outcomes and dates of every example
are cases (cases/sba/examples/)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from secondchance.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "sba"
SBA = ("sba.7a", "sba.504", "sba.microloan", "sba.ilp", "sba.surety_bond", "sba.disaster")

runner = CliRunner()


def check(name: str, application_date: str, as_of: str = "2025-03-03") -> dict[str, Any]:
    result = runner.invoke(
        app,
        [
            "check",
            str(EXAMPLES / name),
            "--as-of",
            as_of,
            "--application-date",
            application_date,
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    return {d["program"]: d for d in report["determinations"] if d["program"].startswith("sba.")}


def outcomes(dets: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
    return {p: (d["outcome"], d["date"]) for p, d in dets.items()}


def test_parole_owner_before_the_rule() -> None:
    dets = check("parole-owner.yaml", "2024-05-29", as_of="2024-05-29")
    # Old 120.110(n): "an Associate who is ... on parole"; a 30% owner owns "more than 20
    # percent" (120.10). New text from 2024-05-30 drops parole, so eligible from that day.
    assert outcomes(dets)["sba.7a"] == ("eligible_from", "2024-05-30")
    assert outcomes(dets)["sba.504"] == ("eligible_from", "2024-05-30")
    # Old 120.707(a): probation/parole allowed unless fraud or dishonesty (burglary: no) or a
    # child care business and an offense against children (not a child care business).
    assert outcomes(dets)["sba.microloan"] == ("eligible", None)
    # Old 109.400(b)(15) and old 123.101(i) were not found: a status on the day → review.
    assert outcomes(dets)["sba.ilp"] == ("needs_review", None)
    assert outcomes(dets)["sba.disaster"] == ("needs_review", None)
    # Old 115.13(a)(2): "has been convicted of a felony" (2020) → good character presumed
    # absent; the new text names current custody / indictment only → eligible from 2024-05-30.
    assert outcomes(dets)["sba.surety_bond"] == ("eligible_from", "2024-05-30")
    for det in dets.values():
        for finding in det["findings"]:
            assert finding["citation"] and finding["rule_version"].startswith(det["program"])


def test_parole_owner_file_default_is_the_record_application_date() -> None:
    result = runner.invoke(
        app,
        ["check", str(EXAMPLES / "parole-owner.yaml"), "--as-of", "2024-05-01", "--format", "json"],
    )
    report = json.loads(result.stdout)
    # The record's application_date (2024-05-30) decides, not --as-of (2024-05-01).
    assert report["application_date"] == "2024-05-30"
    assert {d["program"]: d["outcome"] for d in report["determinations"]}["sba.7a"] == "eligible"


def test_officer_in_reentry_centre_is_still_incarcerated() -> None:
    dets = check("officer-incarcerated.yaml", "2026-06-30", as_of="2026-06-30")
    # 2026-06-30 is the last day in the residential re-entry centre: prerelease custody.
    assert outcomes(dets)["sba.7a"] == ("eligible_from", "2026-07-01")
    text = " ".join(f["finding"] for f in dets["sba.7a"]["findings"])
    assert "prerelease custody" in text
    dets = check("officer-incarcerated.yaml", "2026-07-01", as_of="2026-07-01")
    # Supervised release from 2026-07-01 is not imprisonment.
    assert outcomes(dets)["sba.7a"] == ("eligible", None)


MORAL_TURPITUDE = "business.people[1].record.pending_charges[0].counts[0].moral_turpitude"


def test_key_employee_misdemeanor_false_statement_before() -> None:
    dets = check("key-employee-indictment.yaml", "2024-05-01", as_of="2024-05-01")
    # Old 120.110(n) names "a felony or a crime of moral turpitude": not a felony, moral
    # turpitude unknown. The lenders' SOP names "a false statement": it bars whatever the
    # moral-turpitude answer. If the regulation bars too → not_eligible; if not, the texts
    # differ → needs_review. The SOP bars either way → needs_review, naming the open field in
    # the finding. From 2024-05-30 the new text bars (not_eligible): next change that day.
    for program in ("sba.7a", "sba.504"):
        assert outcomes(dets)[program] == ("needs_review", None), program
        assert dets[program]["next_change"] == "2024-05-30"
        review = [f for f in dets[program]["findings"] if "SOP" in f["citation"]]
        assert len(review) == 1 and MORAL_TURPITUDE in review[0]["finding"]
    # Microloans follow the regulation only (old 120.707(a) with old 120.110(n)): "a felony or
    # a crime of moral turpitude" turns on the unknown moral_turpitude.
    assert outcomes(dets)["sba.microloan"] == ("insufficient_facts", None)
    assert dets["sba.microloan"]["missing_facts"] == [MORAL_TURPITUDE]
    assert dets["sba.microloan"]["next_change"] == "2024-05-30"
    assert not any("SOP" in f["citation"] for f in dets["sba.microloan"]["findings"])
    # Key employees are not counted by 115.13(a)(2); the owner has no record.
    assert outcomes(dets)["sba.surety_bond"] == ("eligible", None)
    # Old 109.400(b)(15) and old 123.101(i) not found, and a charge is pending → review.
    assert outcomes(dets)["sba.ilp"] == ("needs_review", None)
    assert outcomes(dets)["sba.disaster"] == ("needs_review", None)


def test_rules_command_lists_every_sba_version_with_gaps() -> None:
    result = runner.invoke(app, ["rules", "--format", "json"])
    assert result.exit_code == 0
    table = {p["program"]: p for p in json.loads(result.stdout)["programs"]}
    for program in SBA:
        versions = table[program]["versions"]
        assert [v["effective_to"] for v in versions] == ["2024-05-29", None]
        assert [v["effective_from"] for v in versions] == [None, "2024-05-30"]
        assert all(v["url"].startswith("http") for v in versions)
    assert any("not found" in gap for gap in table["sba.ilp"]["versions"][0]["known_gaps"])
    assert any("not found" in gap for gap in table["sba.disaster"]["versions"][0]["known_gaps"])


def test_owner_is_subject() -> None:
    dets = check("owner-is-subject.yaml", "2026-11-24", as_of="2026-11-24")
    # The business's 100% owner is marked is_subject, so the top-level record is theirs. From
    # 2024-05-30, 120.110(n) bars an Associate (a 100% owner owns more than 20%, 120.10)
    # "currently incarcerated, serving a sentence of imprisonment"; home confinement is
    # prerelease custody, part of the term (18 U.S.C. 3624(c)). Last day in custody 2027-01-15,
    # so the day after, 2027-01-16. The other programs use the same custody words and count a
    # 100% owner (109.20; 115.13(a)(2); 123.202(b)(2)); the felony is not riot-related.
    for program in SBA:
        assert outcomes(dets)[program] == ("eligible_from", "2027-01-16"), program
    facts = {k for f in dets["sba.7a"]["findings"] for k in f["facts"]}
    assert "custody[1].end" in facts  # the top-level home-confinement period
