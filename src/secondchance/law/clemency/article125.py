"""Proclamation 10780 (June 26, 2024): the pardon of unaggravated offenses based on consensual,
private conduct with persons 18 and older under former Article 125 UCMJ (and attempts,
conspiracies and solicitations of it), convictions from May 31, 1951 to Dec. 26, 2013
(``clemency.article125.proclamation``). The record cannot show the conduct, so a conviction in
the period is ``needs_review``; the certificate comes from the Military Department (for a Coast
Guard court-martial, the Department of Homeland Security).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.law.clemency.categorical import Categorical
from secondchance.law.parameters import date_value, parameter, value
from secondchance.record.schema import Conviction, Count, Jurisdiction
from secondchance.record.statute import names_article

ARTICLE_125 = "clemency.article125.proclamation"


def article125_counts(conviction: Conviction, art: dict[str, Any]) -> list[Count]:
    """Counts under former Article 125, or an attempt, conspiracy or solicitation of it."""
    return [
        c
        for c in conviction.counts
        if names_article(c.statute, art["provisions"])
        or (
            names_article(c.statute, art["inchoate"])
            and c.object_offense is not None
            and names_article(c.object_offense, art["provisions"])
        )
    ]


def in_period(conviction: Conviction, art: dict[str, Any]) -> bool:
    """Convicted in the proclamation's period (an unrecorded date is not ruled out)."""
    when = conviction.conviction_date
    return when is None or date_value(art["convicted_from"]) <= when <= date_value(
        art["convicted_to"]
    )


def article125(conviction: Conviction, day: date) -> Categorical | None:
    art = value(ARTICLE_125, on=day)
    if conviction.jurisdiction is not Jurisdiction.military or date_value(art["signed"]) > day:
        return None
    if not article125_counts(conviction, art) or not in_period(conviction, art):
        return None
    when = conviction.conviction_date
    start, end = date_value(art["convicted_from"]), date_value(art["convicted_to"])
    return Categorical(
        art["id"],
        "a conviction under former Article 125 UCMJ "
        f"({'date not recorded' if when is None else when.isoformat()}); the proclamation "
        f"pardons convictions from {start.isoformat()} to {end.isoformat()} for unaggravated, "
        "consensual, private conduct with persons 18 and older, which the record cannot show; a "
        "certificate is sought from the Military Department (Army, Navy or Air Force) that "
        "conducted the court-martial or, for a Coast Guard court-martial, the Department of "
        "Homeland Security",
        parameter(ARTICLE_125).url,
    )
