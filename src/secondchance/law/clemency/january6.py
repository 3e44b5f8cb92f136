"""Proclamation 10887 (Jan. 20, 2025): the pardon of offenses related to the events at or near
the United States Capitol on January 6, 2021 (``clemency.january6.proclamation``). A federal or
D.C. offense recorded on that day, or undated and not ruled out by a recorded date before it
that bounds it (conviction, sentencing, sentence imposed, custody or supervision for the
conviction), is ``needs_review``: the record cannot show the relation to the events. Related
offenses recorded on other dates are not caught (:data:`JANUARY_6_GAP`).
"""

from __future__ import annotations

from datetime import date

from secondchance.law.clemency.categorical import Categorical
from secondchance.law.clemency.facts import FEDERAL, custody_for
from secondchance.law.parameters import date_value, parameter, value
from secondchance.law.rule_book import text
from secondchance.record.schema import Conviction, Count, PersonRecord

JANUARY_6 = "clemency.january6.proclamation"

JANUARY_6_GAP = text("clemency", "january_6_gap")


def _offense_bounds(record: PersonRecord, conviction: Conviction) -> list[tuple[str, date]]:
    """Recorded dates the offense cannot be later than: the conviction, the sentencing, the
    sentence's imposition, the start or end of any custody for this conviction, and the start
    or end of supervision naming it."""
    sentence = conviction.sentence
    bounds = [
        ("conviction_date", conviction.conviction_date),
        ("sentencing_date", conviction.sentencing_date),
        ("sentence.imposed_on", sentence.imposed_on if sentence else None),
    ]
    # Only custody for this conviction itself: an aggregate term (18 U.S.C. 3584(c)) may have
    # begun before an offense whose sentence was later joined to it.
    own = custody_for(record, conviction, joined=False)
    bounds += [(f"custody[{k}].start", p.start) for k, p in own]
    # Custody or supervision for the conviction that had ended (or begun) by a day also comes
    # after the offense: a release in 2018 rules out a 2021 offense even with no start recorded.
    bounds += [(f"custody[{k}].end", p.end) for k, p in own]
    for k, period in enumerate(record.supervision):
        if conviction.id is not None and period.conviction_id == conviction.id:
            bounds += [
                (f"supervision[{k}].start", period.start),
                (f"supervision[{k}].end", period.end),
            ]
    return [(name, d) for name, d in bounds if d is not None]


def january6(record: PersonRecord, conviction: Conviction, day: date) -> Categorical | None:
    """An offense recorded on 2021-01-06, or with no offense date and no recorded date before
    2021-01-06 that bounds it (conviction, sentencing, sentence imposed, custody for the
    conviction begun: an offense precedes them all). Related offenses recorded on other dates
    are not caught (a known gap)."""
    j6 = value(JANUARY_6, on=day)
    if conviction.jurisdiction not in FEDERAL or date_value(j6["signed"]) > day:
        return None
    on = date_value(j6["offense_date"])
    dates = [c.offense_date or conviction.offense_date for c in conviction.counts] or [
        conviction.offense_date
    ]
    if on not in dates and (
        None not in dates or any(d < on for _, d in _offense_bounds(record, conviction))
    ):
        return None  # not recorded on the day, and not undated unless a bound rules it out
    when = f"an offense committed on {on.isoformat()}" if on in dates else "an undated offense"
    return Categorical(
        j6["id"],
        f"{when}: the proclamation pardons offenses related to the events at or near the United "
        f"States Capitol on {on.isoformat()} (and commutes 14 named sentences), which the record "
        "cannot show",
        parameter(JANUARY_6).url,
    )


def count_dated_otherwise(conviction: Conviction, count: Count, day: date) -> bool:
    """The count's offense (its own date, else the conviction's) is recorded on a day other than
    2021-01-06: whether it is "related to events that occurred at or near the United States
    Capitol on January 6, 2021" (Proclamation 10887, section (b)) the record cannot show, so a
    certificate naming no conviction is not read as pardoning it (for review)."""
    when = count.offense_date or conviction.offense_date
    return when is not None and when != date_value(value(JANUARY_6, on=day)["offense_date"])


def count_undated_beside(conviction: Conviction, count: Count) -> bool:
    """The count's offense date (its own, else the conviction's) is not recorded, and the
    conviction has other counts: a certificate under Proclamation 10887 naming no conviction
    shows that some offense was found "related to events that occurred at or near the United
    States Capitol on January 6, 2021" (section (b)), not that this one was, so it is not read
    as pardoning it (for review, naming the count's offense date)."""
    return (
        count.offense_date is None
        and conviction.offense_date is None
        and len(conviction.counts) > 1
    )
