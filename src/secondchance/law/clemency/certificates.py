"""A recorded pardon naming a proclamation (a certificate): which counts it reaches.

It covers only the counts the proclamation can cover: a marijuana proclamation's count the record
leaves open (facts missing, for review) is covered, since the certificate shows the Office found
it covered, but never one the proclamation rules out; an Article 125 grant only Article 125 counts
in its period (named by "Article 125" or by its number, Proclamation 10780); a January 20, 2025
grant (Proclamation 10887) the convictions it names or, naming none, the counts dated 2021-01-06
(or undated, where it is the conviction's only count) of the one conviction the January 6
program itself reaches (with several, which was certified is not known: for review; a count
dated otherwise, or undated beside other counts, is not shown related to the events: for
review).
A grant naming a proclamation the engine cannot identify (not encoded here, or named other than
by its number) pardons no count by itself: which counts its terms reach is not
known, so each count not pardoned otherwise is for review (``pardoned.doubtful_pardons``). A grant
dated before the proclamation it names was signed is never in force (for review).
"""

from __future__ import annotations

import re
from datetime import date

from secondchance.law.clemency.article125 import ARTICLE_125, article125_counts, in_period
from secondchance.law.clemency.facts import grant_covers
from secondchance.law.clemency.january6 import (
    JANUARY_6,
    count_dated_otherwise,
    count_undated_beside,
    january6,
)
from secondchance.law.clemency.marijuana_count import answer_count, rules_out
from secondchance.law.clemency.marijuana_proclamations import (
    Proclamation,
    marijuana_proclamations,
)
from secondchance.law.parameters import date_value, value
from secondchance.record.schema import (
    ClemencyGrant,
    ClemencyKind,
    Conviction,
    Count,
    PersonRecord,
)
from secondchance.record.timeline import names


def _text(grant: ClemencyGrant) -> str:
    """The grant's proclamation text with thousands separators taken out of its numbers
    ("Proclamation 10,467" names 10467)."""
    return re.sub(r"(?<=[0-9])[,.](?=[0-9]{3}(?![0-9]))", "", grant.proclamation or "")


def named_marijuana(grant: ClemencyGrant, day: date) -> Proclamation | None:
    """The marijuana proclamation a recorded grant names (by its number, written with or
    without a thousands separator), if any. Other ways of naming it (a Federal Register page, a
    description) are not read: such a grant is one the engine cannot identify."""
    text = _text(grant)
    for proc in marijuana_proclamations(day):
        if re.search(rf"\b{proc.id.split()[-1]}\b", text):
            return proc
    return None


def _names(grant: ClemencyGrant, *words: str) -> bool:
    text = _text(grant)
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)


def _names_article125(grant: ClemencyGrant, day: date) -> bool:
    """The grant names the Article 125 proclamation: by the article or by its number."""
    return _names(grant, "125", str(value(ARTICLE_125, on=day)["number"]))


def _names_january6(grant: ClemencyGrant, day: date) -> bool:
    """The grant names the January 20, 2025 proclamation by its number."""
    return _names(grant, str(value(JANUARY_6, on=day)["number"]))


def recognised(grant: ClemencyGrant, day: date) -> bool:
    """The grant names a proclamation encoded here (marijuana, Article 125, January 6)."""
    return (
        named_marijuana(grant, day) is not None
        or _names_article125(grant, day)
        or _names_january6(grant, day)
    )


def grant_reaches(
    grant: ClemencyGrant,
    record: PersonRecord,
    index: int,
    conviction: Conviction,
    j: int,
    count: Count,
    day: date,
) -> bool:
    """Whether a recorded pardon naming a proclamation covers this count: yes where the
    proclamation covers it or leaves it open (facts missing, for review), since the grant shows
    the Office found it covered; never where the proclamation rules it out. A grant naming a
    January 20, 2025 proclamation reaches the convictions it names, or, naming none, those the
    January 6 program itself reaches (offense recorded on that day, or undated and not ruled
    out) when it is the only conviction so reached (else which one was certified is not known);
    a grant naming a proclamation the engine cannot identify none (which counts its terms
    reach is not known: for review). A count the proclamation leaves open is taken
    as the one certified only when the grant names its conviction, or when it is the only count
    of the record the proclamation reaches: a certificate naming no conviction shows that some
    count was found covered, not which (another drug beside marijuana, say, stays for review). A
    count the marijuana proclamation's own conditions rule out (committed and convicted after its
    date; a person it does not reach) is never reached, whatever else the record leaves open (a
    grant naming its conviction is then a contradiction, :func:`refuted_grant`)."""
    proc = named_marijuana(grant, day)
    if proc is not None:
        if rules_out(record, index, conviction, j, count, proc) is not None:
            return False  # its conditions rule the count out (``refuted_grant``)
        answer = answer_count(record, index, conviction, j, count, day, only=proc)
        decided = answer.covered_by is not None or answer.pending is not None
        if not answer.relevant or decided:
            return answer.relevant
        if not (answer.missing or answer.review):
            return False
        return names(grant, conviction) or _the_only_open(record, proc, index, j, day)
    if _names_article125(grant, day):
        art = value(ARTICLE_125, on=day)
        return count in article125_counts(conviction, art) and in_period(conviction, art)
    if _names_january6(grant, day):
        if grant.conviction_ids:
            return names(grant, conviction)
        if count_dated_otherwise(conviction, count, day) or count_undated_beside(conviction, count):
            return False  # dated otherwise, or undated beside others: relation not shown
        return january6(record, conviction, day) is not None and _the_only_january6(
            grant, record, conviction, day
        )
    # A categorical grant under a proclamation the engine cannot identify: which counts of the
    # conviction it pardons depends on that proclamation's terms, which are not read here, so it
    # pardons none by itself (for review, ``pardoned.doubtful_pardons``).
    return False


def _the_only_january6(
    grant: ClemencyGrant, record: PersonRecord, conviction: Conviction, day: date
) -> bool:
    """No other conviction the grant covers is one the January 6 program reaches: a certificate
    under Proclamation 10887 naming no conviction shows that some conviction was found related
    to the events of January 6, 2021 (section (b)), not which; with two candidates (an undated
    drug offense beside one dated that day, say) neither is taken as pardoned (for review)."""
    return not any(
        other is not conviction
        and grant_covers(grant, other)
        and january6(record, other, day) is not None
        for other in record.convictions
    )


def january6_unsure(
    grant: ClemencyGrant, record: PersonRecord, conviction: Conviction, day: date
) -> bool:
    """A grant naming Proclamation 10887 and no conviction, covering this conviction, which the
    January 6 program reaches beside another: which of them it pardons is not recorded."""
    return (
        named_marijuana(grant, day) is None
        and not _names_article125(grant, day)
        and _names_january6(grant, day)
        and not grant.conviction_ids
        and grant_covers(grant, conviction)
        and january6(record, conviction, day) is not None
        and not _the_only_january6(grant, record, conviction, day)
    )


def january6_open_counts(
    grant: ClemencyGrant, record: PersonRecord, conviction: Conviction, day: date
) -> list[tuple[int, bool]]:
    """For a grant naming Proclamation 10887 and no conviction, where this conviction is the
    only one the January 6 program reaches: its counts the grant is not read as pardoning
    because the record does not show them related to the events (dated otherwise, or undated
    beside other counts), each with whether its offense date is missing."""
    if (
        named_marijuana(grant, day) is not None
        or _names_article125(grant, day)
        or not _names_january6(grant, day)
        or grant.conviction_ids
        or not grant_covers(grant, conviction)
        or january6(record, conviction, day) is None
        or not _the_only_january6(grant, record, conviction, day)
    ):
        return []
    return [
        (j, count_undated_beside(conviction, count))
        for j, count in enumerate(conviction.counts)
        if count_dated_otherwise(conviction, count, day) or count_undated_beside(conviction, count)
    ]


def _the_only_open(record: PersonRecord, proc: Proclamation, index: int, j: int, day: date) -> bool:
    """The count (``index``, ``j``) is the only one of the record's convictions that ``proc``
    reaches (covered, pending or open)."""
    for i, conviction in enumerate(record.convictions):
        for k, count in enumerate(conviction.counts):
            if (i, k) == (index, j):
                continue
            if answer_count(record, i, conviction, k, count, day, only=proc).relevant:
                return False
    return True


def predates(grant: ClemencyGrant, day: date) -> date | None:
    """The signing date of the proclamation the grant names, when the grant is dated before it
    (None otherwise): a pardon under a proclamation cannot be granted before the proclamation
    exists, so the record contradicts itself and the grant is never in force."""
    proc = named_marijuana(grant, day)
    if proc is not None:
        signed = proc.signed
    elif _names_article125(grant, day):
        signed = date_value(value(ARTICLE_125, on=day)["signed"])
    elif _names_january6(grant, day):
        signed = date_value(value(JANUARY_6, on=day)["signed"])
    else:
        return None
    return signed if grant.granted_on < signed else None


def early_grant(
    record: PersonRecord, conviction: Conviction, day: date
) -> tuple[ClemencyGrant, Proclamation] | None:
    """A recorded pardon granted by ``day`` that names a marijuana proclamation and covers the
    conviction but is dated before the proclamation was signed (for review)."""
    for grant in sorted(record.clemency, key=lambda g: g.granted_on):
        if grant.kind is not ClemencyKind.pardon or not grant.proclamation:
            continue
        if grant.granted_on > day or not grant_covers(grant, conviction):
            continue
        proc = named_marijuana(grant, day)
        if proc is not None and predates(grant, day) is not None:
            return grant, proc
    return None


def certifying_grant(
    record: PersonRecord, index: int, conviction: Conviction, j: int, count: Count, day: date
) -> ClemencyGrant | None:
    """The first recorded pardon granted by ``day`` that names a proclamation, is dated on or
    after its signing, and reaches the count."""
    for grant in sorted(record.clemency, key=lambda g: g.granted_on):
        if grant.kind is not ClemencyKind.pardon or not grant.proclamation:
            continue
        if grant.granted_on > day or not grant_covers(grant, conviction):
            continue
        if predates(grant, day) is not None:
            continue
        if grant_reaches(grant, record, index, conviction, j, count, day):
            return grant
    return None


def refuted_grant(
    grant: ClemencyGrant,
    record: PersonRecord,
    index: int,
    conviction: Conviction,
    j: int,
    count: Count,
    day: date,
) -> tuple[str, str] | None:
    """Where a grant names the conviction under a marijuana proclamation whose own conditions
    rule the count out (:func:`marijuana_count.rules_out`), though the count is one the
    proclamation would otherwise speak to: why, and the path of the deciding fact. The record
    then contradicts itself (for review, never read as pardoning the count)."""
    proc = named_marijuana(grant, day)
    if proc is None or not grant.conviction_ids or not names(grant, conviction):
        return None
    why = rules_out(record, index, conviction, j, count, proc)
    if why is None:
        return None
    answer = answer_count(record, index, conviction, j, count, day, only=proc)
    return why if answer.relevant else None


def grant_reaches_any(grant: ClemencyGrant, record: PersonRecord, day: date) -> bool:
    """Whether a recorded grant naming a proclamation encoded here reaches any count of any
    conviction it covers (a conviction with no counts recorded that it names counts as reached)."""
    for i, conviction in enumerate(record.convictions):
        if not grant_covers(grant, conviction):
            continue
        if not conviction.counts and grant.conviction_ids and names(grant, conviction):
            return True
        for j, count in enumerate(conviction.counts):
            if grant_reaches(grant, record, i, conviction, j, count, day):
                return True
    return False
