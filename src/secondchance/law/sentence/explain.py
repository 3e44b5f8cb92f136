"""Findings of the sentence block for the Residential Drug Abuse Program reduction (3621(e)),
the Second Chance Act placement window (3624(c)), the Bureau's 365 days of credit to supervised
release and lost time credits (28 CFR 523.43): the typed parts (``parts``) built from the kernel's
row of one person (``row.KernelRow``), and their findings read from those parts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dateutil.relativedelta import relativedelta

from secondchance.law.parameters import parameter
from secondchance.law.sentence import placement, rdap, time_credits
from secondchance.law.sentence.days import NO_DATE
from secondchance.law.sentence.kernel import Code, KernelLaw
from secondchance.law.sentence.notes import Notes
from secondchance.law.sentence.parts import PlacementPart, RdapIfEligible, RdapPart
from secondchance.law.sentence.row import KernelRow, day_of, iso

LOSS_CITATION = "28 CFR 523.43"
LOSS_URL = (
    "https://www.ecfr.gov/current/title-28/chapter-V/subchapter-B/part-523/subpart-E/section-523.43"
)
CAP_CITATION = "18 U.S.C. 3624(g)(3); BOP FSA Time Credit handout (as reported)"


def rdap_part(claim: rdap.RdapClaim, row: KernelRow, alt: KernelRow | None) -> RdapPart:
    """The ``rdap`` part. ``alt`` is the row computed with the reduction when its eligibility is
    undecided (the dates it would give, not applied)."""
    applies, found, missing = claim.decision()
    part = RdapPart(
        applies=applies,
        completed=claim.completed,
        completed_on=claim.completed_on,
        bureau_eligible=claim.bureau_eligible,
        exclusions_found=tuple(found),
        missing_facts=tuple(missing),
    )
    used = row if applies else alt
    if applies is False or used is None or used.rdap_release_date == NO_DATE:
        return part
    if applies:
        return replace(
            part, reduction_months=used.rdap_months, release_date=day_of(used.rdap_release_date)
        )
    would = RdapIfEligible(
        reduction_months=used.rdap_months,
        release_date=day_of(used.rdap_release_date),
        fsa_release_date=day_of(used.fsa_release_date),
        prerelease_custody_date=day_of(used.fsa_prerelease_custody_date),
    )
    return replace(part, if_eligible=would)


def rdap_finding(
    claim: rdap.RdapClaim,
    part: RdapPart,
    row: KernelRow,
    alt: KernelRow | None,
    term: str,
    notes: Notes,
    version: str,
) -> None:
    """The reduction's finding: not eligible, applied, or the dates it would give."""
    when = (
        f"completed on {claim.completed_on.isoformat()}"
        if claim.completed_on
        else ("completed (day not stated)" if claim.completed else "expected to be completed")
    )
    if part.applies is False:
        _not_eligible(claim, when, list(part.exclusions_found), notes, version)
        return
    used = row if part.applies else alt
    if used is None or used.rdap_release_date == NO_DATE:
        return
    months = used.rdap_months
    reduced = iso(used.rdap_release_date)
    text = (
        f"Residential Drug Abuse Program ({when}): for a term of {term} the Bureau's program "
        f"statement allows up to {months} months of early release; the release date "
        f"{iso(used.gct_release_date)} less {months} months is {reduced}"
    )
    if used.has(Code.RDAP_LIMITED_BY_COMPLETION):
        text += " (no earlier than the completion of the program or commencement)"
    text += (
        ". The Bureau applies this reduction first and the time credits on the earlier date "
        "(PS 5410.01). The Bureau decides successful completion and may reduce by less."
    )
    if part.applies is None:
        text += (
            " Whether an exclusion of 28 CFR 550.55(b) applies is not known ("
            + ", ".join(part.missing_facts)
            + "): the reduction is NOT applied to the dates shown"
            + _if_none_applies(used)
        )
    notes.add(
        text, rdap.CITATION, version, rdap.PS_URL, source=claim.source, reduction_months=months
    )


def _if_none_applies(used: KernelRow) -> str:
    """The time-credit dates that would follow the reduction, where they could be projected."""
    released = iso(used.fsa_release_date)
    placed = iso(used.fsa_prerelease_custody_date)
    if released is None and placed is None:
        return "."
    return (
        f"; if none applies, transfer to supervised release on {released or '-'} and "
        f"prerelease custody from {placed or '-'}."
    )


def _not_eligible(
    claim: rdap.RdapClaim, when: str, found: list[str], notes: Notes, version: str
) -> None:
    why = "; ".join(found) if found else "the Bureau found the prisoner not eligible"
    notes.add(
        f"The Residential Drug Abuse Program ({when}) gives no early release here: {why}. "
        "The dates are computed without it.",
        rdap.CITATION,
        version,
        rdap.URL,
        source=claim.source,
    )


def placement_part(row: KernelRow) -> PlacementPart | None:
    """The ``placement`` part: the Second Chance Act window and the date combined with FSA
    prerelease credits, stated as the earliest the law allows."""
    if row.sca_rrc_date == NO_DATE:
        return None
    leave = row.fsa_release_date
    leave = leave if leave != NO_DATE else row.credit_release
    placed = row.fsa_prerelease_custody_date != NO_DATE
    return PlacementPart(
        leaves_custody_on=day_of(leave),
        rrc_earliest_date=day_of(row.sca_rrc_date),
        home_confinement_earliest_date=day_of(row.sca_home_confinement_date),
        home_confinement_days=row.sca_home_confinement_days,
        fsa_prerelease_credit_days=row.fsa_prerelease_custody_credit_days if placed else 0,
        combined_earliest_date=day_of(row.sca_combined_placement_date),
    )


SCA_CITATION = "18 U.S.C. 3624(c) (before and after Pub. L. 110-199, sec. 251(a))"
SCA_ACT_URL = "https://www.govinfo.gov/content/pkg/PLAW-110publ199/html/PLAW-110publ199.htm"


def _sca_in_force() -> date:
    """The Second Chance Act's rewrite of 3624(c) (``sentence.sca.in_force_from``)."""
    day: date = parameter("sentence.sca.in_force_from").values[0].value
    return day


def before_second_chance_act(part: PlacementPart) -> bool:
    """The window of the rewritten 3624(c) would open before its enactment (a term served out
    before 2008-04-09, or whose last 12 months began before it): not the law of that time."""
    return part.rrc_earliest_date is not None and part.rrc_earliest_date < _sca_in_force()


def before_act_finding(part: PlacementPart, law: KernelLaw, notes: Notes, version: str) -> None:
    """No Second Chance Act window for a placement before the Act: the earlier text governed."""
    notes.add(
        f"Second Chance Act: its window (up to the final {law.sca_rrc_months} months "
        f"in a residential reentry centre) would open on {part.rrc_earliest_date}, before the "
        f"Act rewrote 3624(c) on {_sca_in_force().isoformat()}. Until then 3624(c) allowed only "
        '"a reasonable part, not to exceed six months, of the last 10 per centum of the term to '
        'be served"; that window is not computed here, so no placement date is given.',
        SCA_CITATION,
        version,
        SCA_ACT_URL,
    )


def placement_finding(part: PlacementPart, law: KernelLaw, notes: Notes, version: str) -> None:
    """The window the statute allows (its limits from the law in force), and where the Bureau
    adds FSA prerelease credits."""
    fsa_days = part.fsa_prerelease_credit_days
    text = (
        f"Second Chance Act: the Bureau may place the prisoner in a residential reentry centre "
        f"for up to the final {law.sca_rrc_months} months before leaving its custody on "
        f"{part.leaves_custody_on} - from {part.rrc_earliest_date} at the earliest - and in "
        f"home confinement for the shorter of {law.sca_home_percent} percent of the term or "
        f"{law.sca_home_months} months ({part.home_confinement_days} days, from "
        f"{part.home_confinement_earliest_date})."
    )
    if fsa_days:
        text += (
            f" The {fsa_days} days of time credits placed in prerelease custody are not bound "
            "by those limits (3624(g)(10)) and the Bureau treats the two as cumulative: "
            f"prerelease custody from {part.combined_earliest_date} at the earliest."
        )
    text += (
        " The Bureau decides the length individually (five factors of 3621(b); 28 CFR 570.22): "
        "this is the window the statute allows, not a promise. No day is before commencement."
    )
    notes.add(text, f"{placement.CITATION}; {placement.STACK_CITATION}", version, placement.URL)


def cap_finding(row: KernelRow, law: KernelLaw, notes: Notes, version: str) -> None:
    """When the 365 days to supervised release are reached: the Bureau's count, and the
    statute's "12 months" as the contested point, with the date it would give when it differs."""
    if not row.has(Code.FSA_SUPERVISED_RELEASE_CAP_REACHED):
        return
    release = day_of(row.credit_release)
    if release is None:
        return
    cap = law.supervised_release_cap_days
    calendar = release - relativedelta(months=law.supervised_release_months)
    span = (release - calendar).days
    applied = row.fsa_applied_days
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
    notes.add(text, CAP_CITATION, version, time_credits.APPLY_URL)


def loss_finding(lost: int, restored: int, notes: Notes, version: str) -> None:
    """Time credits lost under 28 CFR 523.43 and restored."""
    if not lost and not restored:
        return
    net = max(lost - restored, 0)
    notes.add(
        f"{lost} days of time credits lost for prohibited acts, {restored} restored "
        f"(28 CFR 523.43): the credits held are {net} days fewer at every period, so the "
        "placement day comes when the credits left cover the days left.",
        LOSS_CITATION,
        version,
        LOSS_URL,
        credits_lost_days=lost,
        credits_restored_days=restored,
    )
