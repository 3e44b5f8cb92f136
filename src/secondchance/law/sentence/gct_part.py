"""The good conduct time part of the sentence block (18 U.S.C. 3624(b); 28 CFR 523.20) and the
release date it gives, with the weekday rule of 3624(a); with their findings."""

from __future__ import annotations

from datetime import date

from secondchance.engine.rules import RuleVersion
from secondchance.law.parameters import value
from secondchance.law.sentence import good_conduct
from secondchance.law.sentence.days import holiday_name
from secondchance.law.sentence.kernel import Code, KernelLaw
from secondchance.law.sentence.notes import Notes
from secondchance.law.sentence.parts import GctPart, TermPart
from secondchance.law.sentence.row import KernelRow, day_of, iso

WEEKDAY_URL = "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title18-section3624"


def gct_part(part: TermPart, row: KernelRow, law: KernelLaw) -> GctPart:
    """Good conduct time and the release date; no date shown for a served or commuted term."""
    return GctPart(
        method=law.gct_method,
        days=0 if part.commuted else row.gct_days,
        release_date=None if part.hidden else day_of(row.gct_release_date),
        release_weekday_date=None if part.hidden else day_of(row.release_weekday_date),
    )


def _gct_text(
    row: KernelRow, law: KernelLaw, without_ged: bool, law_day: date, released: bool
) -> str:
    if row.has(Code.NO_GCT_TERM_ONE_YEAR_OR_LESS):
        return "A term of one year or less earns no good conduct time."
    if law.gct_method == "sentence_imposed":
        lost_text = (
            ", less disallowed or forfeited days"
            if row.has(Code.GCT_DISALLOWED_OR_FORFEITED)
            else ""
        )
        rate = law.gct_days_per_year_without_ged if without_ged else law.gct_days_per_year
        return (
            f"Good conduct time: {rate} days for each of {row.whole_years} whole years of "
            f"the sentence imposed plus {rate} x {row.partial_year_days} / "
            f"{law.gct_days_in_year} rounded down for the last partial year"
            f"{lost_text}"
            f" = {row.gct_days} days; release date {iso(row.gct_release_date)}."
        )
    when = f"on the day of release, {law_day.isoformat()}" if released else f"on {law_day}"
    return (
        f"Good conduct time on time served (the method in force {when}): "
        f"{row.gct_days} days; release date {iso(row.gct_release_date)}."
    )


def gct_findings(
    row: KernelRow,
    law: KernelLaw,
    version: RuleVersion | None,
    gct_id: str,
    law_day: date,
    lost_days: int,
    without_ged: bool,
    notes: Notes,
    released: bool = False,
) -> None:
    """Good conduct time earned under the law of ``law_day`` (``released``: the day of a
    recorded release, before the day asked), the GED rate where it applies, the weekday
    release."""
    notes.add(
        _gct_text(row, law, without_ged, law_day, released),
        version.citation if version else good_conduct.CITATION,
        gct_id,
        version.url if version else good_conduct.URL,
        gct_days=row.gct_days,
        gct_lost_days=lost_days,
        gct_without_ged=without_ged,
    )
    if row.has(Code.GCT_WITHOUT_GED_RATE):
        ged_from = value("sentence.gct.ged_rule_offenses_from", law_day)
        notes.add(
            "The GED rule applies (no GED credential and no satisfactory progress, offense "
            f"on or after {ged_from.isoformat()}): {law.gct_days_per_year_without_ged} days "
            f"a year instead of {law.gct_days_per_year}.",
            "28 CFR 523.20",
            gct_id,
            good_conduct.URL,
        )
    release = day_of(row.gct_release_date)
    weekday = day_of(row.release_weekday_date)
    if release and weekday and weekday != release:
        name = holiday_name(release, law.holiday_country)
        why = f"a legal holiday ({name})" if name else release.strftime("a %A")
        notes.add(
            f"The release date falls on {why}; the Bureau may release on the last preceding "
            f"weekday, {weekday.isoformat()}. Federal holidays only: holidays of the state "
            "of confinement are not known.",
            "18 U.S.C. 3624(a)",
            gct_id,
            WEEKDAY_URL,
        )
