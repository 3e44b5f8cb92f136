"""One person's sentence: the kernel run on a batch of one, explained finding by finding.

``compute_block`` takes the facts of one (aggregate) term and returns the JSON block that both
``secondchance sentence`` and ``check`` show: every date, the time credit split, and findings
with their citations and rule versions, built from the kernel's intermediate columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np

from secondchance.engine.determination import Finding
from secondchance.law.parameters import value
from secondchance.law.sentence import exclusions, explain, good_conduct, rdap, term, time_credits
from secondchance.law.sentence.days import (
    EPOCH,
    NO_DATE,
    from_day,
    holiday_name,
    last_weekday_on_or_before,
    to_day,
)
from secondchance.law.sentence.kernel import Code, KernelLaw, Risk, SentenceColumns, compute
from secondchance.law.sentence.versions import EARNING_PROGRAM, GCT_PROGRAM
from secondchance.record.schema import RiskLevel
from secondchance.record.terms import Term

RISK_CODE = {
    None: Risk.unknown,
    RiskLevel.minimum: Risk.minimum,
    RiskLevel.low: Risk.low,
    RiskLevel.medium: Risk.medium,
    RiskLevel.high: Risk.high,
}


RDAP_UNIT_CITATION = "28 CFR 550.53(a)(1); 18 U.S.C. 3621(e)(2)(B); 18 U.S.C. 3624(g)"
RDAP_UNIT_URL = (
    "https://www.ecfr.gov/current/title-28/chapter-V/subchapter-C/part-550/subpart-F/section-550.53"
)


@dataclass
class SentenceFacts:
    """The facts of one (aggregate) term of imprisonment."""

    term: Term
    commenced: date
    arrived: date | None = None
    prior_custody_days: int = 0
    supervised_release: Term | None = None
    risk: RiskLevel | None = None
    fsa_ineligible: bool | None = False
    removal_order: bool = False
    removal_ordered_on: date | None = None
    """The day of the final order of removal (for the findings), when known."""
    non_earning_days: int = 0
    gct_without_ged: bool = False
    gct_lost_days: int = 0
    fsa_credits_lost_days: int = 0
    """Time credits lost under 28 CFR 523.43 (before restoration)."""
    fsa_credits_restored_days: int = 0
    rdap: rdap.RdapClaim | None = None
    """The Residential Drug Abuse Program, when claimed (18 U.S.C. 3621(e))."""
    additional_from: date | None = None
    """Day on which the two most recent risk assessments had both been minimum or low (from
    the record), when known; else the projection assumption applies."""
    commuted_release_date: date | None = None
    """The day a commutation in force fixed as the sentence's expiry ("commuted to expire on")."""
    commuted_on: date | None = None
    commutation_path: str | None = None
    """Where the commutation in force is in the record (convictions[i].sentence.commutations[j])."""
    commutation_terms: str | None = None
    released_on: date | None = None
    """The record shows custody for the sentence ended on this day (on or before the as-of day)."""
    released_path: str | None = None
    risk_without_dates: bool = False
    """The risk level was given without assessment dates (the command line): the projection
    assumes the handout's rate schedule, and a finding says so."""
    findings: list[Finding] = field(default_factory=list)
    """Findings made while gathering the facts (aggregation, exclusions, prior custody)."""
    missing_facts: list[str] = field(default_factory=list)
    needs_review: list[str] = field(default_factory=list)


def columns_of(facts: SentenceFacts, with_rdap: bool | None = None) -> SentenceColumns:
    """The kernel's columns of one person; ``with_rdap`` forces the 3621(e) reduction on (the
    dates it would give) where its eligibility is undecided."""
    cols = SentenceColumns.of(1)
    cols.commenced[0] = to_day(facts.commenced)
    cols.years[0] = facts.term.years
    cols.months[0] = facts.term.months
    cols.days[0] = facts.term.days
    cols.life[0] = facts.term.life
    cols.prior_custody_days[0] = facts.prior_custody_days
    cols.arrived[0] = to_day(facts.arrived or facts.commenced)
    cols.supervised_release[0] = bool(
        facts.supervised_release and not facts.supervised_release.is_zero
    )
    cols.risk[0] = RISK_CODE[facts.risk]
    cols.fsa_ineligible[0] = facts.fsa_ineligible is not False
    cols.removal_order[0] = facts.removal_order
    cols.non_earning_days[0] = facts.non_earning_days
    cols.gct_without_ged[0] = facts.gct_without_ged
    cols.gct_lost_days[0] = facts.gct_lost_days
    if facts.additional_from is not None:
        cols.additional_from[0] = to_day(facts.additional_from)
    claim = facts.rdap
    if claim is not None:
        cols.rdap[0] = bool(with_rdap) or claim.decision()[0] is True
        if claim.completed_on is not None:
            cols.rdap_completed[0] = to_day(claim.completed_on)
    lost = facts.fsa_credits_lost_days - facts.fsa_credits_restored_days
    cols.fsa_credits_lost_days[0] = max(lost, 0)
    return cols


def kernel_rows(many: Sequence[SentenceFacts], as_of: date) -> list[dict[str, int]]:
    """The kernel's row for each person's ``columns_of(facts)``, computed in one pass over all
    of them (each row is computed on its own; the kernel works column by column)."""
    if not many:
        return []
    columns = [columns_of(facts) for facts in many]
    stacked = SentenceColumns(
        **{name: np.concatenate([vars(c)[name] for c in columns]) for name in vars(columns[0])}
    )
    result = compute(stacked, KernelLaw.on(as_of))
    return [result.row(i) for i in range(len(many))]


_FIRST_DAY = to_day(date.min)
_LAST_DAY = to_day(date.max)
WEEKDAY_URL = "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title18-section3624"
COMMUTATION_VERSION = "sentence.commutation@warrant"
COMMUTATION_CITATION = "U.S. Const. art. II, sec. 2, cl. 1 (the commutation warrant)"
DATE_KEYS = (
    "term_end",
    "full_term_date",
    "gct_release_date",
    "release_weekday_date",
    "fsa_earning_start",
    "fsa_release_date",
    "fsa_prerelease_custody_date",
    "rdap_release_date",
    "sca_rrc_date",
    "sca_home_confinement_date",
    "sca_combined_placement_date",
)


def _in_calendar(value: int) -> bool:
    return _FIRST_DAY <= value <= _LAST_DAY


def _day(value: int) -> date | None:
    """The date of a day number; None for NO_DATE and for days the calendar cannot hold (years
    outside 1-9999), which ``compute_block`` reports."""
    return from_day(value) if _in_calendar(value) else None


def _iso(value: int) -> str | None:
    day = _day(value)
    return day.isoformat() if day else None


def _weekday_of(day: date, country: str) -> date:
    """The weekday rule of 3624(a) for one day."""
    column = np.array([to_day(day)], dtype=np.int64)
    return from_day(int(last_weekday_on_or_before(column, country)[0])) or day


def compute_block(
    facts: SentenceFacts, as_of: date, computed: dict[str, int] | None = None
) -> dict[str, Any]:
    """The sentence block for one person as of ``as_of``; ``computed``: the kernel's row for
    ``columns_of(facts)`` where it was computed ahead with others (:func:`kernel_rows`)."""
    law = KernelLaw.on(as_of)
    row = computed if computed is not None else compute(columns_of(facts), law).row(0)
    codes = Code(int(np.int64(row["codes"])))
    gct_version = GCT_PROGRAM.version_on(as_of)
    earn_version = EARNING_PROGRAM.version_on(as_of)
    gct_id = gct_version.id if gct_version else "sentence.good_conduct_time@none"
    earn_id = earn_version.id if earn_version else "sentence.fsa_earning@none"
    findings = list(facts.findings)
    if (
        facts.risk_without_dates
        and facts.additional_from is None
        and facts.risk in (RiskLevel.minimum, RiskLevel.low)
        and facts.fsa_ineligible is False
        and law.fsa_in_force
    ):
        findings.append(time_credits.schedule_assumption(law, earn_id))
    missing = list(facts.missing_facts)

    def add(text: str, citation: str, version: str, url: str | None, **used: Any) -> None:
        findings.append(
            Finding(finding=text, facts=used, citation=citation, rule_version=version, url=url)
        )

    life = Code.LIFE in codes
    full_term = row["full_term_date"]
    review = list(facts.needs_review)
    beyond = [key for key in DATE_KEYS if row[key] != NO_DATE and not _in_calendar(row[key])]
    if beyond:
        review.append(
            "a computed date falls outside the calendar (years 1-9999): "
            + ", ".join(beyond)
            + " not shown"
        )
    commuted = facts.commuted_release_date
    served = (
        not life
        and commuted is None
        and (
            Code.PRIOR_CUSTODY_EXCEEDS_TERM in codes
            or (
                row["gct_release_date"] != NO_DATE
                and row["gct_release_date"] < to_day(facts.commenced)
            )
        )
    )
    if commuted is not None:
        granted = facts.commuted_on.isoformat() if facts.commuted_on else "(date not recorded)"
        add(
            f"The sentence ({facts.term}) was commuted on {granted} to expire on "
            f"{commuted.isoformat()} ({facts.commutation_path}): that day is the release date. "
            "The term as imposed, good conduct time and time credits do not compute it.",
            COMMUTATION_CITATION,
            COMMUTATION_VERSION,
            None,
            granted_on=granted,
            new_release_date=commuted.isoformat(),
        )
        review.append(
            "commuted to a release date: whether time credits can move a release date fixed "
            "by the commutation warrant (see fsa)"
        )
    elif life:
        add(
            "A term of life has no full term date, earns no good conduct time and has no "
            "release date to compute.",
            "18 U.S.C. 3624(b)(1)",
            gct_id,
            good_conduct.URL,
            term=str(facts.term),
        )
    else:
        add(
            f"The sentence commenced on {facts.commenced.isoformat()}; a term of {facts.term} "
            f"runs {row['term_days']} days, to {_iso(row['term_end'])} (the day before the "
            f"anniversary, plus any days), less {facts.prior_custody_days} days of prior "
            f"custody credit: full term date {_iso(full_term)}.",
            term.CITATION,
            gct_id,
            term.URL,
            commenced_on=facts.commenced.isoformat(),
            term=str(facts.term),
            prior_custody_days=facts.prior_custody_days,
        )
        if Code.MONTH_END_CLAMPED in codes:
            add(
                "The anniversary day does not exist in the term's last month; the last day of "
                "that month was taken as the anniversary (a convention, to be checked against "
                "the Bureau's computation).",
                term.CITATION,
                gct_id,
                term.URL,
            )
        if Code.PRIOR_CUSTODY_EXCEEDS_TERM in codes:
            add(
                "Prior custody credit is as long as the term or longer: the term is served.",
                term.CITATION,
                gct_id,
                term.URL,
            )
        method = law.gct_method
        if Code.NO_GCT_TERM_ONE_YEAR_OR_LESS in codes:
            gct_text = "A term of one year or less earns no good conduct time."
        elif method == "sentence_imposed":
            lost_text = (
                ", less disallowed or forfeited days"
                if Code.GCT_DISALLOWED_OR_FORFEITED in codes
                else ""
            )
            rate = (
                law.gct_days_per_year_without_ged
                if facts.gct_without_ged
                else law.gct_days_per_year
            )
            gct_text = (
                f"Good conduct time: {rate} days for each of {row['whole_years']} whole years of "
                f"the sentence imposed plus {rate} x {row['partial_year_days']} / "
                f"{law.gct_days_in_year} rounded down for the last partial year"
                f"{lost_text}"
                f" = {row['gct_days']} days; release date {_iso(row['gct_release_date'])}."
            )
        else:
            gct_text = (
                f"Good conduct time on time served (the method in force on {as_of.isoformat()}): "
                f"{row['gct_days']} days; release date {_iso(row['gct_release_date'])}."
            )
        add(
            gct_text,
            gct_version.citation if gct_version else good_conduct.CITATION,
            gct_id,
            gct_version.url if gct_version else good_conduct.URL,
            gct_days=row["gct_days"],
            gct_lost_days=facts.gct_lost_days,
            gct_without_ged=facts.gct_without_ged,
        )
        if Code.GCT_WITHOUT_GED_RATE in codes:
            ged_from = value("sentence.gct.ged_rule_offenses_from", as_of)
            add(
                "The GED rule applies (no GED credential and no satisfactory progress, offense "
                f"on or after {ged_from.isoformat()}): {law.gct_days_per_year_without_ged} days "
                f"a year instead of {law.gct_days_per_year}.",
                "28 CFR 523.20",
                gct_id,
                good_conduct.URL,
            )
        release = _day(row["gct_release_date"])
        weekday = _day(row["release_weekday_date"])
        if release and weekday and weekday != release:
            name = holiday_name(release, law.holiday_country)
            why = f"a legal holiday ({name})" if name else release.strftime("a %A")
            add(
                f"The release date falls on {why}; the Bureau may release on the last preceding "
                f"weekday, {weekday.isoformat()}. Federal holidays only: holidays of the state "
                "of confinement are not known.",
                "18 U.S.C. 3624(a)",
                gct_id,
                WEEKDAY_URL,
            )
    if served:
        add(
            f"Prior custody credit ({facts.prior_custody_days} days) and good conduct time "
            f"cover the whole term ({row['term_days']} days from commencement on "
            f"{facts.commenced.isoformat()}): the term is served, and release is due on "
            "commencement. No full term date, release date or time credit is shown (the dates "
            "computed would fall before commencement); credit beyond the term is not carried "
            "to anything here."
            if Code.PRIOR_CUSTODY_EXCEEDS_TERM not in codes
            else f"Prior custody credit ({facts.prior_custody_days} days) is at least the term "
            f"({row['term_days']} days from commencement on {facts.commenced.isoformat()}): "
            "the term is served by credit for time before commencement, and release is due on "
            "commencement. No full term date, release date or time credit is shown (the dates "
            "computed would fall before commencement); credit beyond the term is not carried "
            "to anything here.",
            "18 U.S.C. 3585(b); 3624(a)",
            gct_id,
            term.URL,
            prior_custody_days=facts.prior_custody_days,
            term_days=row["term_days"],
        )
    if facts.released_on is not None:
        add(
            f"Released on {facts.released_on.isoformat()} per {facts.released_path}: the "
            "computed dates are what the law gives, for comparison, not a release to come.",
            term.CITATION,
            gct_id,
            term.URL,
            released_on=facts.released_on.isoformat(),
        )

    if served or commuted is not None:
        fsa = _fsa_not_projected(facts, law)
        if commuted is not None:
            fsa["eligible"] = None if fsa["eligible"] else fsa["eligible"]
            add(
                "Commuted to a release date: time credits cannot move a release date fixed by "
                "the commutation warrant unless the warrant says otherwise (its terms decide); "
                "no time credits are projected.",
                f"{COMMUTATION_CITATION}; 18 U.S.C. 3624(g)",
                COMMUTATION_VERSION,
                time_credits.APPLY_URL,
                terms=facts.commutation_terms,
            )
    else:
        fsa = _fsa_part(facts, as_of, row, codes, law, earn_id, add, missing, review)
    hide = served or commuted is not None
    rdap_block = _rdap(facts, row, hide or life, law, add, review, gct_id)
    if rdap_block:
        missing += rdap_block["missing_facts"]
    placement_block = None
    if not (hide or life):
        explain.loss_finding(
            facts.fsa_credits_lost_days, facts.fsa_credits_restored_days, add, earn_id
        )
        explain.cap_finding(row, law, add, earn_id)
        placement_block = explain.placement_part(row, add, gct_id)
        _credits_before_completion(facts, fsa, placement_block, add, review, gct_id)
    status = "needs_review" if review else ("term_served" if served else "computed")
    return {
        "as_of": as_of.isoformat(),
        "status": status,
        "term": str(facts.term),
        "term_days": None if life or commuted is not None else row["term_days"],
        "commenced_on": facts.commenced.isoformat(),
        "arrived_on": (facts.arrived or facts.commenced).isoformat(),
        "prior_custody_days": facts.prior_custody_days,
        "full_term_date": commuted.isoformat() if commuted else (None if hide else _iso(full_term)),
        "gct_method": law.gct_method,
        "gct_days": 0 if commuted is not None else row["gct_days"],
        "gct_release_date": None if hide else _iso(row["gct_release_date"]),
        "release_weekday_date": None if hide else _iso(row["release_weekday_date"]),
        "commuted_release_date": commuted.isoformat() if commuted else None,
        "term_served": served,
        "released_on": facts.released_on.isoformat() if facts.released_on else None,
        "supervised_release": str(facts.supervised_release) if facts.supervised_release else None,
        "fsa": fsa,
        "rdap": rdap_block,
        "placement": placement_block,
        "codes": [c.name for c in Code if c in codes and c.name],
        "needs_review": review,
        "missing_facts": sorted(set(missing)),
        "findings": [f.model_dump(mode="json") for f in findings],
    }


def _credits_before_completion(
    facts: SentenceFacts,
    fsa: dict[str, Any],
    placement_block: dict[str, Any] | None,
    add: Any,
    review: list[str],
    version: str,
) -> None:
    """No date with time credits before the residential program's recorded completion: its
    unit-based part is served in a unit set apart from the general population (28 CFR
    550.53(a)(1)), so the Bureau does not move the prisoner out before it ends. Such dates are
    not projected (left out, with the computed ones in the finding) and the block needs review."""
    done = facts.rdap.completed_on if facts.rdap else None
    if done is None:
        return
    keys = ("prerelease_custody_date", "release_date", "release_weekday_date")
    early = {k: fsa[k] for k in keys if fsa.get(k) and fsa[k] < done.isoformat()}
    window = ("rrc_earliest_date", "home_confinement_earliest_date", "combined_earliest_date")
    placed = placement_block or {}
    early |= {k: placed[k] for k in window if placed.get(k) and placed[k] < done.isoformat()}
    if not early:
        return
    for key in early:
        (fsa if key in keys else placed)[key] = None
    shown = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in early.items())
    add(
        f"The residential drug abuse program was completed on {done.isoformat()}; time credits "
        f"would give {shown}, earlier. The program's unit-based part is served apart from the "
        "general population, so no move to prerelease custody or release comes before it ends: "
        "those dates are not projected, and how the Bureau then applies the credits and the "
        "3621(e) reduction is for review.",
        RDAP_UNIT_CITATION,
        version,
        RDAP_UNIT_URL,
        completed_on=done.isoformat(),
    )
    review.append(
        f"rdap: time credits would move the prisoner before the program's completion on "
        f"{done.isoformat()} ({shown})"
    )


def _rdap(
    facts: SentenceFacts,
    row: dict[str, int],
    hide: bool,
    law: KernelLaw,
    add: Any,
    review: list[str],
    version: str,
) -> dict[str, Any] | None:
    """The ``rdap`` part, with the reduction's dates computed on the side when undecided."""
    claim = facts.rdap
    if claim is None or hide:
        return None
    applies, _, missing = claim.decision()
    alt = None
    if applies is None:
        alt = compute(columns_of(facts, with_rdap=True), law).row(0)
        review.append(
            "rdap: whether an exclusion of 28 CFR 550.55(b) applies (" + ", ".join(missing) + ")"
        )
    return explain.rdap_part(claim, row, alt, str(facts.term), add, version)


def _fsa_empty(eligible: bool | None, facts: SentenceFacts) -> dict[str, Any]:
    """The FSA part of the block with nothing projected."""
    return {
        "eligible": eligible,
        "risk": facts.risk.value if facts.risk else None,
        "earning_start": None,
        "non_earning_days": facts.non_earning_days,
        "credits_days": None,
        "credits_applied_days": None,
        "supervised_release_credit_days": None,
        "prerelease_custody_credit_days": None,
        "release_date": None,
        "release_weekday_date": None,
        "prerelease_custody_date": None,
        "projection": None,
    }


def _fsa_not_projected(facts: SentenceFacts, law: KernelLaw) -> dict[str, Any]:
    eligible: bool | None = None if facts.fsa_ineligible is None else not facts.fsa_ineligible
    if facts.removal_order or not law.fsa_in_force:
        eligible = False if law.fsa_in_force else None
    return _fsa_empty(eligible, facts)


REMOVAL_CITATION = "18 U.S.C. 3632(d)(4)(E)"


def _statute_vs_regulation(law: KernelLaw) -> str:
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


def _fsa_part(
    facts: SentenceFacts,
    as_of: date,
    row: dict[str, int],
    codes: Code,
    law: KernelLaw,
    earn_id: str,
    add: Any,
    missing: list[str],
    review: list[str],
) -> dict[str, Any]:
    # ``eligible`` means what the program fsa.time_credits answers: false for a listed conviction
    # and for a final order of removal (credits cannot be applied, 3632(d)(4)(E)), null when a
    # clause's condition is undecided.
    eligible: bool | None = None if facts.fsa_ineligible is None else not facts.fsa_ineligible
    if facts.removal_order:
        eligible = False
    block = _fsa_empty(eligible, facts)
    enacted = date.fromordinal(law.fsa_enacted + EPOCH)
    released_early = facts.released_on is not None and facts.released_on < enacted
    if law.fsa_in_force and released_early and facts.released_on:
        block["eligible"] = None
        add(
            f"The record shows the prison term ended on {facts.released_on.isoformat()} "
            f"({facts.released_path}), before the First Step Act ({enacted.isoformat()}): no "
            "time credits can be earned for any day before it (28 CFR 523.42(b)(1)), so "
            "none apply to this term.",
            "28 CFR 523.42(b)(1)",
            earn_id,
            time_credits.EARN_URL,
            released_on=facts.released_on.isoformat(),
        )
        return block
    if not law.fsa_in_force:
        block["eligible"] = None
        block["non_earning_days"] = None
        add(
            f"First Step Act time credits did not exist on {as_of.isoformat()} (enacted "
            f"{enacted.isoformat()}).",
            "Pub. L. 115-391, 101",
            earn_id,
            time_credits.EARN_URL,
        )
        return block
    removal_on = facts.removal_ordered_on.isoformat() if facts.removal_ordered_on else None
    removal_text = (
        f"A final order of removal{f' ({removal_on})' if removal_on else ''}: the prisoner is "
        "ineligible to apply time credits toward prerelease custody or supervised release, so "
        "fsa.time_credits is not eligible and the release date is the good conduct time release "
        "date; credits may still be earned (shown if projected), but they cannot shorten the term."
    )
    if facts.fsa_ineligible is None:
        add(
            "Whether a conviction bars time credits is undecided (see the findings of "
            "fsa.time_credits); no time credits are projected.",
            exclusions.CITATION,
            earn_id,
            exclusions.URL,
        )
        if facts.removal_order:
            add(removal_text, REMOVAL_CITATION, earn_id, exclusions.URL)
        return block
    if facts.fsa_ineligible:
        add(
            "Serving a sentence for a conviction listed in 3632(d)(4)(D): no time credits are "
            "earned, and the release date is the good conduct time release date.",
            exclusions.CITATION,
            earn_id,
            exclusions.URL,
        )
        return block
    if Code.LIFE in codes:
        return block
    if facts.removal_order:
        add(
            removal_text,
            REMOVAL_CITATION,
            earn_id,
            exclusions.URL,
            final_order_of_removal=removal_on,
        )
    rule_day = (
        from_day(law.fsa_commencement_rule_day)
        if law.fsa_commencement_rule_day is not None
        else None
    )
    rule_from = rule_day.isoformat() if rule_day else "the rule's effective day"
    if facts.arrived is None and not (rule_day and facts.commenced >= rule_day):
        missing.append("custody[].kind=designated_facility")
        add(
            "The day of arrival at the designated facility, when earning starts, is not in the "
            "record: time credits are not projected.",
            time_credits.EARN_CITATION,
            earn_id,
            time_credits.EARN_URL,
        )
        return block
    block["earning_start"] = _iso(row["fsa_earning_start"])
    if Code.FSA_RISK_UNKNOWN in codes:
        missing.append("fsa.risk_assessments")
        add(
            "The risk level is not known, so the rate and the application of time credits "
            "cannot be projected.",
            time_credits.EARN_CITATION,
            earn_id,
            time_credits.EARN_URL,
        )
        return block
    block["credits_days"] = row["fsa_credits_days"]
    interim_id = earn_id
    reach_back = law.fsa_earning_starts_at == "commencement" and row["fsa_earning_start"] > max(
        to_day(facts.commenced), law.fsa_enacted
    )
    if reach_back and Code.FSA_START_UNDER_2026_RULE not in codes and rule_day:
        # Earning ran from arrival, before the interim rule's day: the 2018 rule computed it.
        earlier = EARNING_PROGRAM.version_on(rule_day - timedelta(days=1))
        earn_id = earlier.id if earlier else earn_id
    start_text = f"Time credits are earned from {block['earning_start']}"
    if Code.FSA_START_UNDER_2026_RULE in codes:
        start_text += (
            f" (from commencement, not arrival, for days from {rule_from}: interim rule, "
            "PROVISIONAL)"
        )
    elif Code.FSA_START_AT_ENACTMENT in codes:
        start_text += f" (not before the Act's enactment on {enacted.isoformat()})"
    elif law.fsa_earning_starts_at == "arrival":
        start_text += " (arrival at the designated facility, 28 CFR 523.42(a))"
    else:
        start_text += (
            f" (arrival at the designated facility, for days before {rule_from}, when the "
            "interim rule moves the start to commencement)"
        )
    add(
        start_text + ".",
        time_credits.EARN_CITATION,
        earn_id,
        time_credits.EARN_URL,
        arrived_on=(facts.arrived or facts.commenced).isoformat(),
        commenced_on=facts.commenced.isoformat(),
    )
    if reach_back:
        _from_commencement(facts, law, block, add, review, interim_id, rule_from)
    if facts.non_earning_days:
        add(
            f"{facts.non_earning_days} days in non-earning status (from "
            f"{block['earning_start']}, the start of earning, to {as_of.isoformat()}) are not "
            f"counted toward any {law.fsa_period_days}-day period: every projected period "
            "completes that many days later (the days are taken as falling before the "
            "placement day).",
            time_credits.EARN_CITATION,
            earn_id,
            time_credits.EARN_URL,
            non_earning_days=facts.non_earning_days,
        )
    if Code.FSA_RISK_BARS_APPLICATION in codes:
        add(
            f"At {facts.risk.value if facts.risk else ''} risk, {law.fsa_base_days} days per "
            f"{law.fsa_period_days} are earned "
            f"({row['fsa_credits_days']} by the release date if participation continues), but "
            "they cannot move the transfer to supervised release (minimum or low risk at the "
            "last reassessment is needed) and reach prerelease custody only on a warden's "
            "petition: no date is projected.",
            "18 U.S.C. 3624(g)(1)(D); 3632(d)(4)(A)",
            earn_id,
            time_credits.APPLY_URL,
        )
        return block
    if facts.additional_from is not None:
        schedule = (
            f"{law.fsa_base_days + law.fsa_additional_days} days per {law.fsa_period_days} for "
            f"periods completed after {facts.additional_from.isoformat()}, when the two most "
            "recent assessments had both been minimum or low (28 CFR 523.42(c)(2)), "
            f"{law.fsa_base_days} before"
        )
    else:
        k0 = law.fsa_periods_before_additional
        schedule = (
            f"{law.fsa_base_days} days per {law.fsa_period_days} for the first {k0} periods and "
            f"{law.fsa_base_days + law.fsa_additional_days} after (the Bureau's handout)"
        )
    block["projection"] = (
        "Assumes successful participation without a break from the start of earning, "
        f"{schedule}, credits posting at the end of each period and being earned until "
        "applied. Not a guarantee."
    )
    if Code.FSA_ADDITIONAL_RATE_PROJECTED in codes:
        add(
            _statute_vs_regulation(law),
            "18 U.S.C. 3632(d)(4)(A)(ii); 28 CFR 523.42(c)(2)",
            earn_id,
            time_credits.EARN_URL,
        )
    if facts.removal_order:
        add(
            f"Projected: {row['fsa_periods']} periods of {law.fsa_period_days} days earn "
            f"{row['fsa_credits_days']} days of time credits by the release date "
            f"{_iso(row['gct_release_date'])} if participation continues; none of them can be "
            "applied (final order of removal).",
            f"{time_credits.EARN_CITATION}; {REMOVAL_CITATION}",
            earn_id,
            time_credits.EARN_URL,
            periods=row["fsa_periods"],
            credits_days=row["fsa_credits_days"],
        )
        return block
    placed = _iso(row["fsa_prerelease_custody_date"]) or _iso(row["fsa_release_date"])
    applied = row["fsa_applied_days"]
    block["credits_applied_days"] = applied
    earned = (
        f"Projected: {row['fsa_periods']} periods of {law.fsa_period_days} days earn "
        f"{row['fsa_credits_days']} days of time credits by {placed}, the first day on which "
        f"the credits earned are at least the {applied} days left of the term "
        "(18 U.S.C. 3624(g)(1)(A): credits \"equal to the remainder of the prisoner's imposed "
        'term"); those days are applied.'
    )
    if row["fsa_credits_days"] > applied:
        earned += (
            f" The last period brings the total to {row['fsa_credits_days']}, "
            f"{row['fsa_credits_days'] - applied} more than the {applied} days left: those "
            f"{row['fsa_credits_days'] - applied} are not needed and are not applied (no term "
            "is left for them to shorten)."
        )
    add(
        earned,
        f"{time_credits.EARN_CITATION}; {time_credits.APPLY_CITATION}; "
        f"{time_credits.HANDOUT_CITATION}",
        earn_id,
        time_credits.HANDOUT_URL,
        periods=row["fsa_periods"],
        credits_days=row["fsa_credits_days"],
        credits_applied_days=applied,
    )
    block["supervised_release_credit_days"] = row["fsa_supervised_release_credit_days"]
    block["prerelease_custody_credit_days"] = row["fsa_prerelease_custody_credit_days"]
    block["release_date"] = _iso(row["fsa_release_date"])
    block["prerelease_custody_date"] = _iso(row["fsa_prerelease_custody_date"])
    fsa_release = _day(row["fsa_release_date"])
    if fsa_release is not None:
        fsa_weekday = _weekday_of(fsa_release, law.holiday_country)
        block["release_weekday_date"] = fsa_weekday.isoformat()
        if fsa_weekday != fsa_release:
            name = holiday_name(fsa_release, law.holiday_country)
            why = f"a legal holiday ({name})" if name else fsa_release.strftime("a %A")
            add(
                f"The transfer to supervised release, {fsa_release.isoformat()}, falls on {why}: "
                "it is a release from imprisonment, so the Bureau may release on the last "
                f'preceding weekday, {fsa_weekday.isoformat()} (3624(a): "the date for a '
                "prisoner's release\"). The prerelease custody date is not a release from "
                "imprisonment (the prisoner stays in the Bureau's custody), and 3624(a)'s text "
                "does not reach it: no weekday date is given for it. Federal holidays only.",
                "18 U.S.C. 3624(a), (g)(3)",
                earn_id,
                WEEKDAY_URL,
            )
    if Code.FSA_NO_SUPERVISED_RELEASE in codes:
        split = (
            "No term of supervised release was imposed, so no credit moves the release date; "
            f"all {applied} days applied go to prerelease custody."
        )
    else:
        split = (
            f"Of {applied} days applied, "
            f"{row['fsa_supervised_release_credit_days']} "
            f"move the transfer to supervised release to {block['release_date']} (at most "
            f"{law.supervised_release_cap_days} days, the Bureau's count of the statute's "
            f"{law.supervised_release_months} months) and "
            f"{row['fsa_prerelease_custody_credit_days']} go to prerelease custody "
            "(residential re-entry centre or home confinement)."
        )
    add(split, time_credits.APPLY_CITATION, earn_id, time_credits.APPLY_URL)
    return block


def _from_commencement(
    facts: SentenceFacts,
    law: KernelLaw,
    block: dict[str, Any],
    add: Any,
    review: list[str],
    interim_id: str,
    rule_from: str,
) -> None:
    """The dates if the 2026 interim rule's start of earning (commencement) reached back over
    the days before it took effect on ``rule_from`` (not stated: a known gap of the rule
    version)."""
    cols = columns_of(facts)
    cols.arrived[0] = cols.commenced[0]
    alt = compute(cols, law).row(0)
    placed = _iso(alt["fsa_prerelease_custody_date"])
    released = _iso(alt["fsa_release_date"])
    block["if_earning_from_commencement"] = {
        "earning_start": _iso(alt["fsa_earning_start"]),
        "credits_days": alt["fsa_credits_days"],
        "prerelease_custody_date": placed,
        "release_date": released,
    }
    add(
        f"Computed above from arrival ({block['earning_start']}), as the rule in force before "
        f"{rule_from} gave. If the interim rule's start of earning at commencement reaches back "
        f"to days before {rule_from}, earning would run from {_iso(alt['fsa_earning_start'])}: "
        f"prerelease custody from {placed or '-'}, transfer to supervised release on "
        f"{released or '-'} (same projection assumptions). Whether the rule reaches back is not "
        "stated (its text is not verified: a known gap).",
        "28 CFR 523.42(a) as amended by 91 FR 55740 (reported; provisional)",
        interim_id,
        time_credits.EARN_URL,
        commenced_on=facts.commenced.isoformat(),
        arrived_on=(facts.arrived or facts.commenced).isoformat(),
    )
    review.append(
        "2026 interim rule (provisional): whether earning from commencement reaches days before "
        f"{rule_from}; both computations are shown"
    )


def days_between(first: date, last: date) -> int:
    """Days from ``first`` to ``last``, both counted."""
    return (last - first + timedelta(days=1)).days
