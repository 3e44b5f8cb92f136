"""Findings of the sentence block for the Residential Drug Abuse Program reduction (3621(e)),
the Second Chance Act placement window (3624(c)), the Bureau's 365 days of credit to supervised
release and lost time credits (28 CFR 523.43), built from the kernel's row of one person."""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from dateutil.relativedelta import relativedelta

from secondchance.law.sentence import placement, rdap, time_credits
from secondchance.law.sentence.days import NO_DATE, from_day
from secondchance.law.sentence.kernel import Code, KernelLaw

LOSS_CITATION = "28 CFR 523.43"
LOSS_URL = (
    "https://www.ecfr.gov/current/title-28/chapter-V/subchapter-B/part-523/subpart-E/section-523.43"
)
CAP_CITATION = "18 U.S.C. 3624(g)(3); BOP FSA Time Credit handout (as reported)"


class Add(Protocol):
    def __call__(
        self, text: str, citation: str, version: str, url: str | None, **used: Any
    ) -> None: ...


_FIRST_DAY = date.min.toordinal() - date(1970, 1, 1).toordinal()
_LAST_DAY = date.max.toordinal() - date(1970, 1, 1).toordinal()


def _date(value: int) -> date | None:
    """The date of a day number; None for NO_DATE and days outside the calendar (years 1-9999,
    which the block reports)."""
    return from_day(value) if _FIRST_DAY <= value <= _LAST_DAY else None


def _iso(value: int) -> str | None:
    day = _date(value)
    return day.isoformat() if day else None


def credit_release(row: dict[str, int]) -> int:
    """The date time credits are applied to: the 3621(e) date, else the release date."""
    reduced = row["rdap_release_date"]
    return reduced if reduced != NO_DATE else row["gct_release_date"]


def rdap_part(
    claim: rdap.RdapClaim,
    row: dict[str, int],
    alt: dict[str, int] | None,
    term: str,
    add: Add,
    version: str,
) -> dict[str, Any]:
    """The ``rdap`` part of the block and its findings. ``alt`` is the row computed with the
    reduction when its eligibility is undecided (the dates it would give, not applied)."""
    applies, found, missing = claim.decision()
    status = {True: "applied", False: "not_eligible", None: "needs_review"}[applies]
    when = (
        f"completed on {claim.completed_on.isoformat()}"
        if claim.completed_on
        else ("completed (day not stated)" if claim.completed else "expected to be completed")
    )
    part: dict[str, Any] = {
        "status": status,
        "completed": claim.completed,
        "completed_on": claim.completed_on.isoformat() if claim.completed_on else None,
        "bureau_eligible": claim.bureau_eligible,
        "exclusions_found": found,
        "missing_facts": missing,
        "reduction_months": None,
        "release_date": None,
    }
    if applies is False:
        _not_eligible(claim, when, found, add, version)
        return part
    used = row if applies else alt
    if used is None or used["rdap_release_date"] == NO_DATE:
        return part
    months = used["rdap_months"]
    reduced = _iso(used["rdap_release_date"])
    if applies:
        part["reduction_months"] = months
        part["release_date"] = reduced
    text = (
        f"Residential Drug Abuse Program ({when}): for a term of {term} the Bureau's program "
        f"statement allows up to {months} months of early release; the release date "
        f"{_iso(used['gct_release_date'])} less {months} months is {reduced}"
    )
    if Code.RDAP_LIMITED_BY_COMPLETION in Code(int(used["codes"])):
        text += " (no earlier than the completion of the program or commencement)"
    text += (
        ". The Bureau applies this reduction first and the time credits on the earlier date "
        "(PS 5410.01). The Bureau decides successful completion and may reduce by less."
    )
    if applies is None:
        part["if_eligible"] = {
            "reduction_months": months,
            "release_date": reduced,
            "fsa_release_date": _iso(used["fsa_release_date"]),
            "prerelease_custody_date": _iso(used["fsa_prerelease_custody_date"]),
        }
        text += (
            " Whether an exclusion of 28 CFR 550.55(b) applies is not known ("
            + ", ".join(missing)
            + "): the reduction is NOT applied to the dates shown"
            + _if_none_applies(used)
        )
    add(text, rdap.CITATION, version, rdap.PS_URL, source=claim.source, reduction_months=months)
    return part


def _if_none_applies(used: dict[str, Any]) -> str:
    """The time-credit dates that would follow the reduction, where they could be projected."""
    released = _iso(used["fsa_release_date"])
    placed = _iso(used["fsa_prerelease_custody_date"])
    if released is None and placed is None:
        return "."
    return (
        f"; if none applies, transfer to supervised release on {released or '-'} and "
        f"prerelease custody from {placed or '-'}."
    )


def _not_eligible(
    claim: rdap.RdapClaim, when: str, found: list[str], add: Add, version: str
) -> None:
    why = "; ".join(found) if found else "the Bureau found the prisoner not eligible"
    add(
        f"The Residential Drug Abuse Program ({when}) gives no early release here: {why}. "
        "The dates are computed without it.",
        rdap.CITATION,
        version,
        rdap.URL,
        source=claim.source,
    )


def placement_part(row: dict[str, int], add: Add, version: str) -> dict[str, Any] | None:
    """The ``placement`` part: the Second Chance Act window and the date combined with FSA
    prerelease credits, stated as the earliest the law allows."""
    if row["sca_rrc_date"] == NO_DATE:
        return None
    leave = row["fsa_release_date"]
    leave = leave if leave != NO_DATE else credit_release(row)
    placed = row["fsa_prerelease_custody_date"] != NO_DATE
    fsa_days = row["fsa_prerelease_custody_credit_days"] if placed else 0
    part = {
        "leaves_custody_on": _iso(leave),
        "rrc_earliest_date": _iso(row["sca_rrc_date"]),
        "home_confinement_earliest_date": _iso(row["sca_home_confinement_date"]),
        "home_confinement_days": row["sca_home_confinement_days"],
        "fsa_prerelease_credit_days": fsa_days,
        "combined_earliest_date": _iso(row["sca_combined_placement_date"]),
        "discretionary": True,
    }
    text = (
        f"Second Chance Act: the Bureau may place the prisoner in a residential reentry centre "
        f"for up to the final 12 months before leaving its custody on {part['leaves_custody_on']}"
        f" - from {part['rrc_earliest_date']} at the earliest - and in home confinement for the "
        "shorter of 10 percent of the term or 6 months "
        f"({row['sca_home_confinement_days']} days, from "
        f"{part['home_confinement_earliest_date']})."
    )
    if fsa_days:
        text += (
            f" The {fsa_days} days of time credits placed in prerelease custody are not bound "
            "by those limits (3624(g)(10)) and the Bureau treats the two as cumulative: "
            f"prerelease custody from {part['combined_earliest_date']} at the earliest."
        )
    text += (
        " The Bureau decides the length individually (five factors of 3621(b); 28 CFR 570.22): "
        "this is the window the statute allows, not a promise. No day is before commencement."
    )
    add(text, f"{placement.CITATION}; {placement.STACK_CITATION}", version, placement.URL)
    return part


def cap_finding(row: dict[str, int], law: KernelLaw, add: Add, version: str) -> None:
    """When the 365 days to supervised release are reached: the Bureau's count, and the
    statute's "12 months" as the contested point, with the date it would give when it differs."""
    codes = Code(int(row["codes"]))
    if Code.FSA_SUPERVISED_RELEASE_CAP_REACHED not in codes:
        return
    release = _date(credit_release(row))
    if release is None:
        return
    cap = law.supervised_release_cap_days
    calendar = release - relativedelta(months=law.supervised_release_months)
    span = (release - calendar).days
    applied = row["fsa_applied_days"]
    text = (
        f"The Bureau applies at most {cap} days of time credits to supervised release (its FSA "
        'Time Credit handout: "the first 365 days"; yet the same handout\'s RDAP example counts '
        '12 calendar months, 366 days across a 29 February). The statute says "not to exceed '
        f'{law.supervised_release_months} months" (3624(g)(3)): that wording is the contested '
        "point, and the two readings differ by a day."
    )
    leap_day = release.month == 2 and release.day == 29
    if span > cap and applied > cap and not leap_day:
        moved = min(applied, span)
        alt: date = release - relativedelta(days=moved)
        text += (
            f" Read as {law.supervised_release_months} calendar months back from "
            f"{release.isoformat()} ({span} days, a 29 February lying between), the transfer "
            f"to supervised release would be {alt.isoformat()}, one day earlier, with "
            f"{applied - moved} days to prerelease custody."
        )
    add(text, CAP_CITATION, version, time_credits.APPLY_URL)


def loss_finding(lost: int, restored: int, add: Add, version: str) -> None:
    """Time credits lost under 28 CFR 523.43 and restored."""
    if not lost and not restored:
        return
    net = max(lost - restored, 0)
    add(
        f"{lost} days of time credits lost for prohibited acts, {restored} restored "
        f"(28 CFR 523.43): the credits held are {net} days fewer at every period, so the "
        "placement day comes when the credits left cover the days left.",
        LOSS_CITATION,
        version,
        LOSS_URL,
        credits_lost_days=lost,
        credits_restored_days=restored,
    )
