"""``secondchance sentence``: compute a federal sentence's dates (see law/sentence)."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

import typer
from pydantic import ValidationError

from secondchance.cli.app import OutputFormat, app, fail_input, parse_date
from secondchance.law.sentence.block import SentenceFacts, compute_block
from secondchance.law.sentence.rdap import RdapClaim
from secondchance.record.schema import MAX_DAY_COUNT, RiskLevel
from secondchance.record.terms import Term, TermError, parse_term_text
from secondchance.report.text import render_sentence


class RiskOption(StrEnum):
    minimum = "minimum"
    low = "low"
    medium = "medium"
    high = "high"


def _term(text: str, flag: str) -> Term:
    """The term written after ``flag``; Term's validation bounds its length."""
    try:
        return Term.model_validate(parse_term_text(text))
    except ValidationError as exc:
        reasons = (str(error["msg"]).removeprefix("Value error, ") for error in exc.errors())
        fail_input(f"{flag}: " + "; ".join(reasons))
    except (TermError, ValueError) as exc:
        fail_input(f"{flag}: {exc}")


MAX_FLAG_DAYS = 400_000
"""Day counts above this (over 1000 years) are not a sentence: exit 2."""


def _counts(values: dict[str, int], restored: int, lost: int) -> None:
    """Day counts are 0 or more and bounded; no more credits restored than lost."""
    for flag, count in values.items():
        if count < 0:
            fail_input(f"{flag}: must be 0 or more")
        if count > MAX_FLAG_DAYS:
            fail_input(f"{flag}: {count} days is more than {MAX_FLAG_DAYS:,}")
    if restored > lost:
        fail_input(
            f"--fsa-credits-restored-days: {restored} is more than the "
            f"{lost} days lost (--fsa-credits-lost-days)"
        )


def _rdap_claim(expected: bool, completed_on: date | None, eligible: bool) -> RdapClaim | None:
    """The RDAP facts of the flags: none without --rdap or --rdap-completed."""
    if not expected and completed_on is None:
        if eligible:
            fail_input("--rdap-eligible: give --rdap or --rdap-completed DATE with it")
        return None
    return RdapClaim(
        completed=completed_on is not None,
        completed_on=completed_on,
        bureau_eligible=True if eligible else None,
        source="--rdap",
        missing_hint="--rdap-eligible (the Bureau's provisional eligibility decision; the "
        "exclusions are not read from flags)",
    )


def _one_term(term: list[str]) -> Any:
    """The one ``--term`` given, read; an input error for none, several, or zero."""
    if len(term) != 1:
        fail_input(
            f"--term given {len(term)} times: give one term. Consecutive terms are added by "
            'writing their sum (--term "84 months" for 60 + 24 months consecutive); several '
            "terms with their relation go in a record file (`relation: consecutive`, "
            "`relative_to`) for `secondchance check`."
        )
    imposed = _term(term[0], "--term")
    if imposed.is_zero:
        fail_input("--term: a term of imprisonment cannot be zero")
    return imposed


@app.command()
def sentence(
    term: Annotated[
        list[str],
        typer.Option(
            "--term",
            help='Term of imprisonment: "60 months", "5 years 3 months", "life". Give it once: '
            "consecutive terms are one term of their sum (or a record file with `relation: "
            "consecutive` for `check`).",
        ),
    ],
    commenced: Annotated[
        str,
        typer.Option(
            "--commenced", help="Day the sentence commenced (YYYY-MM-DD), 18 U.S.C. 3585(a)."
        ),
    ],
    arrived: Annotated[
        str | None,
        typer.Option(
            "--arrived", help="Arrival at the designated facility (default: --commenced)."
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Compute under the law of this day (default: today)."),
    ] = None,
    prior_custody_days: Annotated[
        int,
        typer.Option(
            "--prior-custody-days",
            min=0,
            max=MAX_DAY_COUNT,
            help="Days of prior custody credit, 3585(b).",
        ),
    ] = 0,
    supervised_release: Annotated[
        str | None,
        typer.Option("--supervised-release", help='Term of supervised release, e.g. "36 months".'),
    ] = None,
    fsa_risk: Annotated[
        RiskOption | None,
        typer.Option("--fsa-risk", help="PATTERN risk level.", case_sensitive=False),
    ] = None,
    fsa_ineligible: Annotated[
        bool,
        typer.Option("--fsa-ineligible", help="Serving a sentence for a 3632(d)(4)(D) offense."),
    ] = False,
    rdap_expected: Annotated[
        bool,
        typer.Option(
            "--rdap",
            help="Expected to complete the Residential Drug Abuse Program (18 U.S.C. 3621(e)).",
        ),
    ] = False,
    rdap_completed: Annotated[
        str | None,
        typer.Option("--rdap-completed", help="Day the residential program was completed."),
    ] = None,
    rdap_eligible: Annotated[
        bool,
        typer.Option(
            "--rdap-eligible",
            help="The Bureau found the prisoner provisionally eligible for the 3621(e) early "
            "release (else the exclusions of 28 CFR 550.55(b) are unknown: needs_review).",
        ),
    ] = False,
    gct_disallowed_days: Annotated[
        int, typer.Option("--gct-disallowed-days", help="Good conduct time disallowed (days).")
    ] = 0,
    gct_forfeited_days: Annotated[
        int, typer.Option("--gct-forfeited-days", help="Good conduct time forfeited (days).")
    ] = 0,
    gct_without_ged: Annotated[
        bool,
        typer.Option(
            "--gct-without-ged",
            help="The GED rate (42 days a year): no GED and no satisfactory progress, offense on "
            "or after 1996-04-26 (28 CFR 523.20).",
        ),
    ] = False,
    credits_lost_days: Annotated[
        int,
        typer.Option("--fsa-credits-lost-days", help="Time credits lost, 28 CFR 523.43 (days)."),
    ] = 0,
    credits_restored_days: Annotated[
        int,
        typer.Option(
            "--fsa-credits-restored-days", help="Lost time credits restored, 28 CFR 523.43."
        ),
    ] = 0,
    non_earning_days: Annotated[
        int,
        typer.Option("--non-earning-days", help="Days in a status that earns no time credits."),
    ] = 0,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help="text or json.")
    ] = OutputFormat.text,
) -> None:
    """Compute the full term, good conduct time, First Step Act time credits and every
    projected release date of a federal sentence, with the law applied and its citations."""
    day = parse_date(as_of, "--as-of") or date.today()
    start = parse_date(commenced, "--commenced")
    assert start is not None
    arrival = parse_date(arrived, "--arrived") or start
    if arrival < start:
        fail_input(f"--arrived: {arrival.isoformat()} is before --commenced {start.isoformat()}")
    _counts(
        {
            "--prior-custody-days": prior_custody_days,
            "--gct-disallowed-days": gct_disallowed_days,
            "--gct-forfeited-days": gct_forfeited_days,
            "--fsa-credits-lost-days": credits_lost_days,
            "--fsa-credits-restored-days": credits_restored_days,
            "--non-earning-days": non_earning_days,
        },
        restored=credits_restored_days,
        lost=credits_lost_days,
    )
    completed_on = parse_date(rdap_completed, "--rdap-completed")
    if completed_on is not None and completed_on < start:
        fail_input(f"--rdap-completed: {completed_on.isoformat()} is before --commenced")
    imposed = _one_term(term)
    supervision = _term(supervised_release, "--supervised-release") if supervised_release else None
    facts = SentenceFacts(
        term=imposed,
        commenced=start,
        arrived=arrival,
        prior_custody_days=prior_custody_days,
        supervised_release=supervision,
        risk=RiskLevel(fsa_risk.value) if fsa_risk else None,
        fsa_ineligible=fsa_ineligible,
        risk_without_dates=True,
        gct_lost_days=gct_disallowed_days + gct_forfeited_days,
        gct_without_ged=gct_without_ged,
        fsa_credits_lost_days=credits_lost_days,
        fsa_credits_restored_days=credits_restored_days,
        non_earning_days=non_earning_days,
        rdap=_rdap_claim(rdap_expected, completed_on, rdap_eligible),
    )
    block = compute_block(facts, day)
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(block, indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(render_sentence(block)) + "\n")
