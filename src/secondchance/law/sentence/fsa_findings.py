"""The findings of the First Step Act part of the sentence block, read from its typed result
(``parts.FsaPart``) and the kernel's row: why credits are not projected, the start of earning,
the credits earned and how they are applied (3632(d)(4), 3624(g))."""

from __future__ import annotations

from datetime import date

from secondchance.law.sentence import exclusions, time_credits
from secondchance.law.sentence.days import holiday_name
from secondchance.law.sentence.facts import SentenceFacts
from secondchance.law.sentence.fsa_part import enacted_on, rule_day
from secondchance.law.sentence.kernel import Code, KernelLaw
from secondchance.law.sentence.notes import Notes
from secondchance.law.sentence.parts import FsaPart, FsaStage
from secondchance.law.sentence.row import KernelRow, iso
from secondchance.law.sentence.term_part import COMMUTATION_CITATION, COMMUTATION_VERSION

REMOVAL_CITATION = "18 U.S.C. 3632(d)(4)(E)"
WEEKDAY_URL = "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title18-section3624"
EARN = time_credits.EARN_CITATION
EARN_URL = time_credits.EARN_URL


def fsa_findings(
    part: FsaPart,
    facts: SentenceFacts,
    row: KernelRow,
    law: KernelLaw,
    as_of: date,
    earn_id: str,
    notes: Notes,
) -> None:
    """The findings of ``part``, stage by stage, in the order the conditions are tested."""
    if part.stage is FsaStage.NOT_PROJECTED:
        return
    if _before_earning(part, facts, law, as_of, earn_id, notes):
        return
    version = part.start_version or earn_id
    _start_finding(part, facts, row, law, version, notes)
    if part.from_commencement is not None:
        _from_commencement_finding(part, facts, law, earn_id, notes)
    if facts.non_earning_days:
        notes.add(
            f"{facts.non_earning_days} days in non-earning status (from "
            f"{part.earning_start}, the start of earning, to {as_of.isoformat()}) are not "
            f"counted toward any {law.fsa_period_days}-day period: every projected period "
            "completes that many days later (the days are taken as falling before the "
            "placement day).",
            EARN,
            version,
            EARN_URL,
            non_earning_days=facts.non_earning_days,
        )
    if part.stage is FsaStage.RISK_BARS_APPLICATION:
        _risk_bars_finding(facts, row, law, version, notes)
        return
    if row.has(Code.FSA_ADDITIONAL_RATE_PROJECTED):
        notes.add(
            statute_vs_regulation(law),
            "18 U.S.C. 3632(d)(4)(A)(ii); 28 CFR 523.42(c)(2)",
            version,
            EARN_URL,
        )
    if part.stage is FsaStage.REMOVAL_ORDER:
        _removal_projected(row, law, version, notes)
        return
    _earned_finding(part, row, law, version, notes)
    _weekday_finding(part, law, version, notes)
    _split_finding(part, row, law, version, notes)


def _removal_text(facts: SentenceFacts) -> str:
    on = facts.removal_ordered_on.isoformat() if facts.removal_ordered_on else None
    return (
        f"A final order of removal{f' ({on})' if on else ''}: the prisoner is "
        "ineligible to apply time credits toward prerelease custody or supervised release, so "
        "fsa.time_credits is not eligible and the release date is the good conduct time release "
        "date; credits may still be earned (shown if projected), but they cannot shorten the term."
    )


def _before_earning(
    part: FsaPart,
    facts: SentenceFacts,
    law: KernelLaw,
    as_of: date,
    earn_id: str,
    notes: Notes,
) -> bool:
    """The findings of a projection stopped before the start of earning (True: stopped)."""
    stage = part.stage
    if stage is FsaStage.RELEASED_BEFORE_ACT:
        _released_before_act(facts, law, earn_id, notes)
        return True
    if stage is FsaStage.NOT_IN_FORCE:
        notes.add(
            f"First Step Act time credits did not exist on {as_of.isoformat()} (enacted "
            f"{enacted_on(law).isoformat()}).",
            "Pub. L. 115-391, 101",
            earn_id,
            EARN_URL,
        )
        return True
    if stage is FsaStage.CONVICTION_UNDECIDED:
        notes.add(
            "Whether a conviction bars time credits is undecided (see the findings of "
            "fsa.time_credits); no time credits are projected.",
            exclusions.CITATION,
            earn_id,
            exclusions.URL,
        )
        if facts.removal_order:
            notes.add(_removal_text(facts), REMOVAL_CITATION, earn_id, exclusions.URL)
        return True
    if stage is FsaStage.CONVICTION_LISTED:
        notes.add(
            "Serving a sentence for a conviction listed in 3632(d)(4)(D): no time credits are "
            "earned, and the release date is the good conduct time release date.",
            exclusions.CITATION,
            earn_id,
            exclusions.URL,
        )
        return True
    if stage is FsaStage.LIFE:
        notes.add(
            "A term of life: time credits are applied only once they equal the remainder of "
            "the imposed term (18 U.S.C. 3624(g)(1)(A)), which a life term does not have, so "
            "none can be applied and fsa.time_credits is not eligible; credits may still be "
            "earned.",
            "18 U.S.C. 3624(g)(1)(A)",
            earn_id,
            time_credits.APPLY_URL,
        )
        return True
    if facts.removal_order:
        on = facts.removal_ordered_on.isoformat() if facts.removal_ordered_on else None
        notes.add(
            _removal_text(facts),
            REMOVAL_CITATION,
            earn_id,
            exclusions.URL,
            final_order_of_removal=on,
        )
    return _unknown_start_or_risk(part, earn_id, notes)


def _released_before_act(facts: SentenceFacts, law: KernelLaw, earn_id: str, notes: Notes) -> None:
    released = facts.released_on
    assert released is not None
    notes.add(
        f"The record shows the prison term ended on {released.isoformat()} "
        f"({facts.released_path}), before the First Step Act ({enacted_on(law).isoformat()}): "
        "no time credits can be earned for any day before it (28 CFR 523.42(b)(1)), so "
        "none apply to this term.",
        "28 CFR 523.42(b)(1)",
        earn_id,
        EARN_URL,
        released_on=released.isoformat(),
    )


def _unknown_start_or_risk(part: FsaPart, earn_id: str, notes: Notes) -> bool:
    """The start of earning or the risk level is not known (True: stopped)."""
    if part.stage is FsaStage.ARRIVAL_UNKNOWN:
        notes.missing_facts.append("custody[].kind=designated_facility")
        notes.add(
            "The day of arrival at the designated facility, when earning starts, is not in the "
            "record: time credits are not projected.",
            EARN,
            earn_id,
            EARN_URL,
        )
        return True
    if part.stage is FsaStage.RISK_UNKNOWN:
        notes.missing_facts.append("fsa.risk_assessments")
        notes.add(
            "The risk level is not known, so the rate and the application of time credits "
            "cannot be projected.",
            EARN,
            earn_id,
            EARN_URL,
        )
        return True
    return False


def _rule_from(law: KernelLaw) -> str:
    start_rule = rule_day(law)
    return start_rule.isoformat() if start_rule else "the rule's effective day"


def _start_finding(
    part: FsaPart,
    facts: SentenceFacts,
    row: KernelRow,
    law: KernelLaw,
    version: str,
    notes: Notes,
) -> None:
    """When earning starts, and which rule sets it."""
    rule_from = _rule_from(law)
    text = f"Time credits are earned from {part.earning_start}"
    if row.has(Code.FSA_START_UNDER_2026_RULE):
        text += (
            f" (from commencement, not arrival, for days from {rule_from}: interim rule, "
            "PROVISIONAL)"
        )
    elif row.has(Code.FSA_START_AT_ENACTMENT):
        text += f" (not before the Act's enactment on {enacted_on(law).isoformat()})"
    elif law.fsa_earning_starts_at == "arrival":
        text += " (arrival at the designated facility, 28 CFR 523.42(a))"
    else:
        text += (
            f" (arrival at the designated facility, for days before {rule_from}, when the "
            "interim rule moves the start to commencement)"
        )
    notes.add(
        text + ".",
        EARN,
        version,
        EARN_URL,
        arrived_on=(facts.arrived or facts.commenced).isoformat(),
        commenced_on=facts.commenced.isoformat(),
    )


def _from_commencement_finding(
    part: FsaPart, facts: SentenceFacts, law: KernelLaw, interim_id: str, notes: Notes
) -> None:
    """Both computations where the interim rule's start at commencement may reach back over
    the days before it took effect (not stated: a known gap of the rule version)."""
    alt = part.from_commencement
    assert alt is not None
    rule_from = _rule_from(law)
    placed = alt.prerelease_custody_date.isoformat() if alt.prerelease_custody_date else None
    released = alt.release_date.isoformat() if alt.release_date else None
    notes.add(
        f"Computed above from arrival ({part.earning_start}), as the rule in force before "
        f"{rule_from} gave. If the interim rule's start of earning at commencement reaches back "
        f"to days before {rule_from}, earning would run from {alt.earning_start}: "
        f"prerelease custody from {placed or '-'}, transfer to supervised release on "
        f"{released or '-'} (same projection assumptions). Whether the rule reaches back is not "
        "stated (its text is not verified: a known gap).",
        "28 CFR 523.42(a) as amended by 91 FR 55740 (reported; provisional)",
        interim_id,
        EARN_URL,
        commenced_on=facts.commenced.isoformat(),
        arrived_on=(facts.arrived or facts.commenced).isoformat(),
    )
    notes.needs_review.append(
        "2026 interim rule (provisional): whether earning from commencement reaches days before "
        f"{rule_from}; both computations are shown"
    )


def _risk_bars_finding(
    facts: SentenceFacts, row: KernelRow, law: KernelLaw, version: str, notes: Notes
) -> None:
    notes.add(
        f"At {facts.risk.value if facts.risk else ''} risk, {law.fsa_base_days} days per "
        f"{law.fsa_period_days} are earned "
        f"({row.fsa_credits_days} by the release date if participation continues), but "
        "they cannot move the transfer to supervised release (minimum or low risk at the "
        "last reassessment is needed) and reach prerelease custody only on a warden's "
        "petition: no date is projected.",
        "18 U.S.C. 3624(g)(1)(D); 3632(d)(4)(A)",
        version,
        time_credits.APPLY_URL,
    )


def _removal_projected(row: KernelRow, law: KernelLaw, version: str, notes: Notes) -> None:
    notes.add(
        f"Projected: {row.fsa_periods} periods of {law.fsa_period_days} days earn "
        f"{row.fsa_credits_days} days of time credits by the release date "
        f"{iso(row.gct_release_date)} if participation continues; none of them can be "
        "applied (final order of removal).",
        f"{EARN}; {REMOVAL_CITATION}",
        version,
        EARN_URL,
        periods=row.fsa_periods,
        credits_days=row.fsa_credits_days,
    )


def _earned_finding(
    part: FsaPart, row: KernelRow, law: KernelLaw, version: str, notes: Notes
) -> None:
    """The credits earned by the placement day and those applied (3624(g)(1)(A))."""
    placed = iso(row.fsa_prerelease_custody_date) or iso(row.fsa_release_date)
    applied = row.fsa_applied_days
    credits = row.fsa_credits_days
    earned = (
        f"Projected: {row.fsa_periods} periods of {law.fsa_period_days} days earn "
        f"{credits} days of time credits by {placed}, the first day on which "
        f"the credits earned are at least the {applied} days left of the term "
        "(18 U.S.C. 3624(g)(1)(A): credits \"equal to the remainder of the prisoner's imposed "
        'term"); those days are applied.'
    )
    if credits > applied:
        earned += (
            f" The last period brings the total to {credits}, "
            f"{credits - applied} more than the {applied} days left: those "
            f"{credits - applied} are not needed and are not applied (no term "
            "is left for them to shorten)."
        )
    notes.add(
        earned,
        f"{EARN}; {time_credits.APPLY_CITATION}; {time_credits.HANDOUT_CITATION}",
        version,
        time_credits.HANDOUT_URL,
        periods=row.fsa_periods,
        credits_days=credits,
        credits_applied_days=applied,
    )


def _weekday_finding(part: FsaPart, law: KernelLaw, version: str, notes: Notes) -> None:
    """The transfer to supervised release on a weekend or holiday (3624(a))."""
    release, weekday = part.release_date, part.release_weekday_date
    if release is None or weekday is None or weekday == release:
        return
    name = holiday_name(release, law.holiday_country)
    why = f"a legal holiday ({name})" if name else release.strftime("a %A")
    notes.add(
        f"The transfer to supervised release, {release.isoformat()}, falls on {why}: "
        "it is a release from imprisonment, so the Bureau may release on the last "
        f'preceding weekday, {weekday.isoformat()} (3624(a): "the date for a '
        "prisoner's release\"). The prerelease custody date is not a release from "
        "imprisonment (the prisoner stays in the Bureau's custody), and 3624(a)'s text "
        "does not reach it: no weekday date is given for it. Federal holidays only.",
        "18 U.S.C. 3624(a), (g)(3)",
        version,
        WEEKDAY_URL,
    )


def _split_finding(
    part: FsaPart, row: KernelRow, law: KernelLaw, version: str, notes: Notes
) -> None:
    """The days applied, split between supervised release and prerelease custody."""
    applied = row.fsa_applied_days
    if row.has(Code.FSA_NO_SUPERVISED_RELEASE):
        split = (
            "No term of supervised release was imposed, so no credit moves the release date; "
            f"all {applied} days applied go to prerelease custody."
        )
    else:
        split = (
            f"Of {applied} days applied, "
            f"{row.fsa_supervised_release_credit_days} "
            f"move the transfer to supervised release to {part.release_date} (at most "
            f"{law.supervised_release_cap_days} days, the Bureau's count of the statute's "
            f"{law.supervised_release_months} months) and "
            f"{row.fsa_prerelease_custody_credit_days} go to prerelease custody "
            "(residential re-entry centre or home confinement)."
        )
    notes.add(split, time_credits.APPLY_CITATION, version, time_credits.APPLY_URL)


def statute_vs_regulation(law: KernelLaw) -> str:
    """The additional days: the regulation's test and the statute's words differ."""
    extra = law.fsa_additional_days
    return (
        f"The additional {extra} days per {law.fsa_period_days} follow the regulation, "
        "28 CFR 523.42(c)(2): a prisoner who "
        '"has maintained a consistent minimum or low risk of recidivism over the most recent two '
        'consecutive risk and needs assessments". The statute, 18 U.S.C. 3632(d)(4)(A)(ii), gives '
        'them to a minimum or low risk prisoner "who, over 2 consecutive assessments, has not '
        'increased their risk of recidivism". The two part where the assessments move: a prisoner '
        "now at low risk after a medium or high assessment has not increased their risk (the "
        f"statute's words would give the {extra} days; the regulation does not), and one who "
        "went from minimum to low has increased it (the regulation gives them; the statute's "
        "words would not). The regulation is encoded; which governs is not decided here."
    )


def commuted_finding(facts: SentenceFacts, notes: Notes) -> None:
    """A commutation to a release date: no credits projected, the warrant's terms decide."""
    notes.add(
        "Commuted to a release date: time credits cannot move a release date fixed by "
        "the commutation warrant unless the warrant says otherwise (its terms decide); "
        "no time credits are projected.",
        f"{COMMUTATION_CITATION}; 18 U.S.C. 3624(g)",
        COMMUTATION_VERSION,
        time_credits.APPLY_URL,
        terms=facts.commutation_terms,
    )
