"""The honest glance and the short report (issue 7, items 5 and 6), on realistic records."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from secondchance.api import evaluate
from secondchance.engine import Outcome
from secondchance.record import load_record, validate
from secondchance.report import render_report
from tests.support import run_cli

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# A man sentenced in 1996 to 300 months for crack cocaine (21 U.S.C. 841(a)(1)), released on
# 2018-01-19, supervised release to 2023-01-18. No offense or conviction date recorded: his
# custody and supervision, which name the conviction and began before 2021, rule out a January 6,
# 2021 offense.
RELEASED_1990S: dict[str, Any] = {
    "person": {"name": "Marcus Reed"},
    "convictions": [
        {
            "id": "crack",
            "jurisdiction": "federal",
            "counts": [{"statute": "21 U.S.C. 841(a)(1)", "felony": True}],
            "sentence": {"imprisonment": "300 months", "supervised_release": "5 years"},
        }
    ],
    "custody": [
        {
            "kind": "designated_facility",
            "conviction_id": "crack",
            "start": "1995-09-01",
            "end": "2018-01-19",
        }
    ],
    "supervision": [
        {
            "kind": "supervised_release",
            "conviction_id": "crack",
            "start": "2018-01-19",
            "end": "2023-01-18",
        }
    ],
}


def _by_program(data: dict[str, Any], as_of: str) -> dict[str, Any]:
    report = evaluate(validate(data, "test"), as_of=date.fromisoformat(as_of))
    return {d.program: d for d in report.determinations}


def test_released_man_reads_one_screen_without_noise() -> None:
    # 28 CFR 1.2: five years after release 2018-01-19 → 2023-01-19; supervision ended
    # 2023-01-18, so on 2026-12-03 a petition may be filed.
    report = evaluate(validate(RELEASED_1990S, "test"), as_of=date(2026, 12, 3))
    dets = {d.program: d for d in report.determinations}
    assert dets["clemency.pardon_petition"].outcome is Outcome.eligible
    text = render_report(report)
    assert len(text.splitlines()) <= 40
    assert "January" not in text  # custody ended 2018: no January 6 offense
    assert "True" not in text and "False" not in text
    # Credits for a term that ended before 2018-12-21: one line, with its rule.
    assert "Not applicable (fsa.time_credits)" in text and "[28 CFR 523.42(b)(1)]" in text
    assert "fsa.time_credits: NOT APPLICABLE" not in text
    # Where to file only for the petition he can file, not for commutation or marijuana.
    assert text.count("Where to file") == 1
    verbose = render_report(report, verbose=True)
    assert "What a pardon does" in verbose and "What a pardon does" not in text


def test_every_not_applicable_cites_its_rule() -> None:
    dets = _by_program(RELEASED_1990S, "2026-12-03")
    fsa = dets["fsa.time_credits"]
    assert fsa.outcome is Outcome.not_applicable
    assert any("523.42(b)(1)" in f.citation for f in fsa.findings)
    sba = dets["sba.7a"]
    assert sba.outcome is Outcome.not_applicable
    assert sba.findings[0].citation == "13 CFR 120.110(n)"
    assert not any(
        f.role == "where_to_file"
        for d in dets.values()
        for f in d.findings
        if d.outcome is Outcome.not_applicable
    )


def test_sba_application_failing_on_its_own_date() -> None:
    # Old 13 CFR 115.13(a)(2) presumes a 20%-or-more owner convicted of a felony lacks good
    # character; from 2024-05-30 (89 FR 34094) a past conviction no longer does. An application
    # on 2024-04-15 fails; one from 2024-05-30 would pass.
    record = load_record(EXAMPLES / "sba" / "old-felony-owner.yaml")
    report = evaluate(record, as_of=date(2024, 4, 15))
    det = next(d for d in report.determinations if d.program == "sba.surety_bond")
    assert det.outcome is Outcome.eligible_from
    assert det.date == det.eligible_from_date == date(2024, 5, 30)
    assert det.date_reason == "the 2024 SBA rule (89 FR 34094) takes effect"
    assert det.headline == (
        "NOT ELIGIBLE for an application on 2024-04-15 — a new application from 2024-05-30 "
        "would be (the 2024 SBA rule (89 FR 34094) takes effect)"
    )
    assert det.headline in render_report(report)


def test_six_months_after_leaving_the_business() -> None:
    # An officer in prison left the business on 2024-01-15. Old 13 CFR 120.10 counts as an
    # Associate anyone who held the role in the six months before the application: 2024-01-15
    # + 6 months = 2024-07-15 is still inside; 2024-07-16 is the first day outside.
    data = {
        "application_date": "2024-03-01",
        "business": {
            "name": "Rivera Bakery LLC",
            "people": [
                {
                    "name": "Ana Rivera",
                    "roles": [{"role": "owner", "ownership_percent": 100, "start": "2019-01-01"}],
                    "record": {},
                },
                {
                    "name": "Luis Gomez",
                    "roles": [{"role": "officer", "start": "2019-01-01", "end": "2024-01-15"}],
                    "record": {"custody": [{"kind": "designated_facility", "start": "2023-12-01"}]},
                },
            ],
        },
    }
    det = _by_program(data, "2024-03-01")["sba.7a"]
    assert det.outcome is Outcome.eligible_from
    assert det.date == date(2024, 7, 16)
    assert det.date_reason == "6 months after Luis Gomez left the business"
    assert det.headline is not None and det.headline.startswith(
        "NOT ELIGIBLE for an application on 2024-03-01 — a new application from 2024-07-16"
    )


def test_already_pardoned_says_so_with_its_date() -> None:
    # Jason Hernandez: pardoned 2024-04-24 (the record's grant).
    record = load_record(EXAMPLES / "clemency" / "jason-hernandez.yaml")
    report = evaluate(record, as_of=date(2024, 6, 1))
    dets = {d.program: d for d in report.determinations}
    for program in ("clemency.pardon_petition", "clemency.commutation_petition"):
        assert dets[program].outcome is Outcome.not_applicable
        assert dets[program].pardoned_on == date(2024, 4, 24)
        assert dets[program].headline == "ALREADY PARDONED on 2024-04-24"
    text = render_report(report)
    assert "clemency.pardon_petition       ALREADY PARDONED on 2024-04-24" in text


def test_petition_date_not_hidden_behind_the_next_change() -> None:
    # In prison: custody for the conviction 2021-09-14 to 2029-05-10 (recorded end). The
    # commutation/pardon answers change on release; the pardon petition becomes possible five
    # years after release: 2029-05-10 + 5 years = 2034-05-10, after supervised release (5 years
    # from 2029-05-10, to 2034-05-09) ends.
    data: dict[str, Any] = {
        "convictions": [
            {
                "id": "meth",
                "jurisdiction": "federal",
                "offense_date": "2020-03-01",
                "conviction_date": "2021-05-10",
                "counts": [{"statute": "21 U.S.C. 846", "felony": True}],
                "sentence": {"imprisonment": "120 months"},
            }
        ],
        "custody": [
            {
                "kind": "designated_facility",
                "conviction_id": "meth",
                "start": "2021-09-14",
                "end": "2029-05-10",
            }
        ],
        "supervision": [
            {
                "kind": "supervised_release",
                "conviction_id": "meth",
                "start": "2029-05-10",
                "end": "2034-05-09",
            }
        ],
    }
    det = _by_program(data, "2026-12-03")["clemency.pardon_petition"]
    assert det.outcome is Outcome.not_eligible
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert det.eligible_from_date == date(2034, 5, 11)
    assert det.headline is not None and "eligible from 2034-05-11" in det.headline


def test_custody_end_alone_rules_out_a_january_6_offense() -> None:
    # No offense, conviction or custody start recorded; the custody for the conviction ended on
    # 2018-01-19, so the offense came before 2021-01-06: no January 6 proclamation question.
    data = {**RELEASED_1990S, "custody": [dict(RELEASED_1990S["custody"][0])]}
    del data["custody"][0]["start"]
    det = _by_program(data, "2026-12-03")["clemency.pardon_petition"]
    assert det.outcome is Outcome.eligible
    assert not any("January 20, 2025" in f.finding for f in det.findings)


def test_check_verbose_on_the_command_line() -> None:
    # Jason Hernandez, 2024-06-01: pardoned 2024-04-24. The short report says so at a glance and
    # leaves "what a pardon does" to --verbose.
    path = str(EXAMPLES / "clemency" / "jason-hernandez.yaml")
    short = run_cli("check", path, "--as-of", "2024-06-01")
    full = run_cli("check", path, "--as-of", "2024-06-01", "--verbose")
    assert short.returncode == full.returncode == 0
    assert "ALREADY PARDONED on 2024-04-24" in short.stdout
    assert "What a pardon does" not in short.stdout
    assert "What a pardon does" in full.stdout
    assert "--verbose" in short.stdout


def test_a_count_pardoned_by_proclamation_reads_as_pardoned_not_eligible() -> None:
    # Attempted simple possession (21 U.S.C. 846 → 844), offense 2023-02-10, citizen:
    # Proclamation 10688 (signed 2023-12-22) adds attempts, so on 2024-06-01 the offense is
    # already pardoned; the answer (``eligible``, dated 2023-12-22) means "pardoned, may apply
    # for the certificate", and the glance says so, never a bare "ELIGIBLE" (an invitation to
    # apply for a pardon the person already has).
    record = load_record(EXAMPLES / "clemency" / "marijuana-846-attempt-2023.yaml")
    report = evaluate(record, as_of=date(2024, 6, 1))
    det = next(d for d in report.determinations if d.program == "clemency.marijuana_pardon")
    assert det.outcome is Outcome.eligible and det.date == date(2023, 12, 22)  # JSON unchanged
    said = "PARDONED by Proclamation 10688 of 2023-12-22 — may apply for the certificate of pardon"
    assert det.headline == said
    text = render_report(report)
    assert f"clemency.marijuana_pardon  {said}" in text
    assert "clemency.marijuana_pardon: ELIGIBLE" not in text
    assert "marijuana_pardon  ELIGIBLE" not in text
    # The web card and the printable letter say the same words, not "Eligible".
    from secondchance.web.render import TEMPLATES, outcome_label

    card = TEMPLATES.get_template("_determination.html").render(d=det, open_findings=False)
    assert said in card and ">Eligible" not in card
    assert outcome_label(det.program, "eligible", "2023-12-22") == said
    assert outcome_label("clemency.pardon_petition", "eligible") == "Eligible"
    # Before the proclamation: not yet pardoned, the general words (eligible from its day).
    before = evaluate(record, as_of=date(2023, 7, 1))
    det = next(d for d in before.determinations if d.program == "clemency.marijuana_pardon")
    assert det.outcome is Outcome.eligible_from
    assert det.headline is not None and det.headline.startswith(
        "NOT YET ELIGIBLE — eligible from 2023-12-22"
    )
