"""``secondchance sentence``: compute a federal sentence's dates (see law/sentence)."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from secondchance.cli.app import OutputFormat, app, fail_input, parse_date
from secondchance.engine.determination import Finding
from secondchance.law.sentence.block import SentenceFacts, compute_block
from secondchance.law.sentence.kernel import KernelLaw
from secondchance.law.sentence.time_credits import EARN_URL
from secondchance.law.sentence.versions import EARNING_VERSIONS, version_on
from secondchance.record.schema import RiskLevel
from secondchance.record.terms import Term, TermError, parse_term_text
from secondchance.report.text import render_sentence


class RiskOption(StrEnum):
    minimum = "minimum"
    low = "low"
    medium = "medium"
    high = "high"


MAX_TERM_YEARS = 1000
"""Longer terms would run past the calendar's end from the latest date a record may hold."""


def _term(text: str, flag: str) -> Term:
    try:
        parsed = Term.model_validate(parse_term_text(text))
    except (TermError, ValueError) as exc:
        fail_input(f"{flag}: {exc}")
    # Mean Gregorian year of 365.2425 days: months are 1/12 of it.
    if (
        not parsed.life
        and parsed.total_months * 365.2425 / 12 + parsed.days > MAX_TERM_YEARS * 365.2425
    ):
        fail_input(f"{flag}: a term over {MAX_TERM_YEARS} years cannot be computed")
    return parsed


def _schedule_finding(law: KernelLaw, day: date) -> Finding:
    """The rate schedule this command assumes for lack of assessment dates (``check`` reads
    them from the record, which can move the dates by some days)."""
    k0 = law.fsa_periods_before_additional
    version = version_on(EARNING_VERSIONS, day)
    base = law.fsa_base_days
    high = base + law.fsa_additional_days
    period = law.fsa_period_days
    return Finding(
        finding=f"No risk assessment dates are given here: time credits are projected on the "
        f"Bureau's handout schedule, {base} days per {period} for the first {k0} periods "
        f"({k0 * period} days) and {high} after. With the assessments recorded in a record file "
        f"(fsa.risk_assessments, `secondchance check`), periods completed after the second of "
        f"two consecutive minimum or low assessments earn {high} (28 CFR 523.42(c)(2)), which "
        "may move the credits and the dates by some days.",
        facts={"--fsa-risk": "given without assessment dates"},
        citation="18 U.S.C. 3632(d)(4)(A); 28 CFR 523.42(c)",
        rule_version=version.id if version else "sentence.fsa_earning@none",
        url=EARN_URL,
    )


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
        int, typer.Option("--prior-custody-days", help="Days of prior custody credit, 3585(b).")
    ] = 0,
    supervised_release: Annotated[
        str | None,
        typer.Option("--supervised-release", help='Term of supervised release, e.g. "36 months".'),
    ] = None,
    fsa_risk: Annotated[
        RiskOption | None, typer.Option("--fsa-risk", help="PATTERN risk level.")
    ] = None,
    fsa_ineligible: Annotated[
        bool,
        typer.Option("--fsa-ineligible", help="Serving a sentence for a 3632(d)(4)(D) offense."),
    ] = False,
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
    if prior_custody_days < 0:
        fail_input("--prior-custody-days: must be 0 or more")
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
    supervision = _term(supervised_release, "--supervised-release") if supervised_release else None
    facts = SentenceFacts(
        term=imposed,
        commenced=start,
        arrived=arrival,
        prior_custody_days=prior_custody_days,
        supervised_release=supervision,
        risk=RiskLevel(fsa_risk.value) if fsa_risk else None,
        fsa_ineligible=fsa_ineligible,
    )
    law = KernelLaw.on(day)
    if facts.risk in (RiskLevel.minimum, RiskLevel.low) and not fsa_ineligible and law.fsa_in_force:
        facts.findings.append(_schedule_finding(law, day))
    block = compute_block(facts, day)
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(block, indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(render_sentence(block)) + "\n")
