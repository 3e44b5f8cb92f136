"""The Bureau of Prisons' own figures beside ours: the difference in days and, where the
engine can name one, its likely reason. The Bureau's figures are shown, never used in place of
the computation (record format 1.1, ``bureau:`` block: ``stated_on``,
``projected_release_date``, ``release_method``, ``fsa_credits_earned``,
``fsa_credits_applied``, ``fsa_eligible``, ``custody_status``, ``prerelease_date``,
``source``).

``compare`` takes those values as a mapping (or any object with those attributes); a date may
be a ``date``, an ISO string, or an approximate date exposing ``.exact`` (None when only a
range is known: then it is not compared to the day).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from secondchance.law import parameters
from secondchance.law.sentence.parts import FsaPart, SentenceOutcome

FIELDS = (
    "stated_on",
    "projected_release_date",
    "release_method",
    "fsa_credits_earned",
    "fsa_credits_applied",
    "fsa_eligible",
    "custody_status",
    "prerelease_date",
    "source",
)
Row = dict[str, Any]
CITATION = "BOP sentence monitoring computation data (as recorded); 18 U.S.C. 3624"


_READ_BY_KEY: dict[type, bool] = {}
"""Whether figures of a type are read by key: the ABC check once per type (a handful)."""


def _get(figures: Mapping[str, Any] | object, name: str) -> Any:
    kind = type(figures)
    by_key = _READ_BY_KEY.get(kind)
    if by_key is None:
        by_key = _READ_BY_KEY[kind] = issubclass(kind, Mapping)
    if by_key:
        return figures.get(name)  # type: ignore[union-attr]
    return getattr(figures, name, None)


def figure(figures: Mapping[str, Any] | object, name: str) -> Any:
    """One of the Bureau's figures by name (None when not stated)."""
    return _get(figures, name)


def _date(value: Any) -> tuple[date | None, str | None]:
    """The exact day of a value, and why it cannot be compared when it has none."""
    if value is None:
        return None, None
    if isinstance(value, date):
        return value, None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value), None
        except ValueError:
            return None, f"{value!r} is not a day"
    exact = getattr(value, "exact", None)
    if isinstance(exact, date):
        return exact, None
    earliest, latest = getattr(value, "earliest", None), getattr(value, "latest", None)
    if isinstance(earliest, date) and isinstance(latest, date):
        return None, (
            f"approximate (a day between {earliest.isoformat()} and {latest.isoformat()}): "
            "not compared to the day"
        )
    return None, "approximate (only a range is known): not compared to the day"


def _written(value: Any) -> str | None:
    """A stated date as the record wrote it."""
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _our_release(ours: SentenceOutcome, method: str | None) -> tuple[str | None, str]:
    fsa, rdap = ours.fsa, ours.rdap
    if method == "good_conduct_time":
        return _iso(ours.gct.release_date), "gct_release_date"
    if method == "fsa_release":
        return _iso(fsa.release_date), "fsa.release_date"
    for value, key in (
        (fsa.release_date, "fsa.release_date"),
        (rdap.release_date if rdap else None, "rdap.release_date"),
        (ours.gct.release_date, "gct_release_date"),
    ):
        if value:
            return value.isoformat(), key
    return None, "gct_release_date"


def _release_reason(ours: SentenceOutcome, theirs: date, diff: int) -> str | None:
    """The likely reason of a difference between release dates, where one can be named."""
    fsa, rdap = ours.fsa, ours.rdap
    weekday = "the Bureau's date is the weekday before (3624(a))"
    named = (
        (
            ours.gct.release_date,
            "the Bureau's date is our good conduct time release date: time credits (or the "
            "RDAP reduction) not applied in its figure",
        ),
        (
            rdap.release_date if rdap else None,
            "the Bureau's date is our RDAP date: time credits not applied",
        ),
        (ours.gct.release_weekday_date, weekday),
        (fsa.release_weekday_date, weekday),
    )
    for day, reason in named:
        if day == theirs:
            return reason
    cap = parameters.value("sentence.fsa.supervised_release_cap_days", theirs)
    months = parameters.value("sentence.fsa.supervised_release_months", theirs)
    if diff == -1 and fsa.supervised_release_credit_days == cap:
        return (
            f"one day earlier: {months} calendar months across a 29 February ({cap + 1} days) "
            f"where we apply the Bureau's {cap} days"
        )
    applied = fsa.credits_applied_days
    if diff > 0 and applied and diff <= applied:
        return "later by up to the credits we apply: fewer time credits applied by the Bureau"
    return None


def _row(name: str, theirs: Any, ours: Any, key: str, reason: str | None, diff: Any) -> Row:
    return {
        "figure": name,
        "bureau": theirs,
        "ours": ours,
        "ours_from": key,
        "difference": diff,
        "likely_reason": reason if diff else None,
    }


def _release_row(figures: Any, block: SentenceOutcome) -> Row | None:
    given = _get(figures, "projected_release_date")
    if given is None:
        return None
    theirs, why = _date(given)
    ours, key = _our_release(block, _get(figures, "release_method"))
    if theirs and ours:
        diff = (theirs - date.fromisoformat(ours)).days
        reason = _release_reason(block, theirs, diff) or "unknown"
        return _row("projected_release_date", theirs.isoformat(), ours, key, reason, diff)
    shown = _row("projected_release_date", _written(given), ours, key, None, None)
    shown["likely_reason"] = why or "ours not computed"
    return shown


def _credit_rows(figures: Any, fsa: FsaPart, stated: date | None) -> list[Row]:
    rows = []
    for name, our_key, counted in (
        ("fsa_credits_earned", "credits_days", fsa.credits_days),
        ("fsa_credits_applied", "credits_applied_days", fsa.credits_applied_days),
    ):
        theirs = _get(figures, name)
        if theirs is None:
            continue
        more = theirs - counted if isinstance(counted, int) else None
        reason = "unknown"
        if more and stated is not None:
            reason = (
                f"the Bureau counts credits to its data sheet of {stated.isoformat()}; ours are "
                "projected to the placement day"
            )
        rows.append(_row(name, theirs, counted, f"fsa.{our_key}", reason, more))
    return rows


def _eligible_row(figures: Any, fsa: FsaPart) -> Row | None:
    eligible = _get(figures, "fsa_eligible")
    if eligible is None:
        return None
    mine = fsa.eligible
    shown = _row("fsa_eligible", eligible, mine, "fsa.eligible", None, None)
    if mine is None:
        shown["likely_reason"] = "ours undecided: a deciding fact is missing"
    else:
        shown["difference"] = mine != eligible
        if mine != eligible:
            shown["likely_reason"] = (
                "eligibility read differently: see the findings of fsa.time_credits"
            )
    return shown


def _prerelease_row(figures: Any, ours: SentenceOutcome) -> Row | None:
    given = _get(figures, "prerelease_date")
    if given is None:
        return None
    theirs, why = _date(given)
    combined = ours.placement.combined_earliest_date if ours.placement else None
    day = ours.fsa.prerelease_custody_date or combined
    mine = _iso(day)
    key = "fsa.prerelease_custody_date"
    if theirs is None:
        shown = _row("prerelease_date", _written(given), mine, key, None, None)
        shown["likely_reason"] = why
        return shown
    gap = (theirs - day).days if day else None
    reason = "the Bureau decides the length of prerelease custody (3624(c); five factors)"
    return _row("prerelease_date", theirs.isoformat(), mine, key, reason, gap)


def compare(figures: Mapping[str, Any] | object, ours: SentenceOutcome) -> dict[str, Any]:
    """The Bureau's figures beside the computed sentence's (``block.sentence_outcome``), each
    with the difference (the Bureau's figure less ours: positive when the Bureau's date is later
    or its count larger) and the likely reason where one can be named; ``unknown`` where no
    reason is named."""
    given = _get(figures, "stated_on")
    stated, _ = _date(given)
    rows = [
        _release_row(figures, ours),
        *_credit_rows(figures, ours.fsa, stated),
        _eligible_row(figures, ours.fsa),
        _prerelease_row(figures, ours),
    ]
    return {
        "stated_on": stated.isoformat() if stated else _written(given),
        "source": _get(figures, "source"),
        "release_method": _get(figures, "release_method"),
        "custody_status": _get(figures, "custody_status"),
        "comparisons": [row for row in rows if row is not None],
    }
