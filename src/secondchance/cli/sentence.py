"""``secondchance sentence``: compute a federal sentence's dates (see law/sentence)."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer
from pydantic import ValidationError

from secondchance.cli.app import OutputFormat, app, fail_input, parse_date
from secondchance.law.sentence.block import SentenceFacts, compute_block
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
        risk_without_dates=True,
    )
    block = compute_block(facts, day)
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(block, indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(render_sentence(block)) + "\n")
