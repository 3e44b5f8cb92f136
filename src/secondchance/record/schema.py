"""The record format: everything the three bodies of law need to know about a person.

One person's record is a YAML or JSON document validated by :class:`Record`. Unknown facts may
be left out; the law then answers ``insufficient_facts`` naming the field. Unknown *fields* are
an error, so a typo never silently drops a fact. docs/record-format.md documents every section.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    PrivateAttr,
    Strict,
    StrictBool,
    StrictInt,
    field_validator,
    model_validator,
)
from pydantic.json_schema import WithJsonSchema

from secondchance.record.dates import (
    DATE_JSON_SCHEMA,
    ApproxDate,
    is_approximate_form,
    on_calendar,
    parse_date,
)
from secondchance.record.dates import FIRST_YEAR as FIRST_YEAR
from secondchance.record.dates import LAST_YEAR as LAST_YEAR
from secondchance.record.limits import MAX_CITATION_CHARS
from secondchance.record.spelling import did_you_mean
from secondchance.record.terms import Term

SCHEMA_VERSION = "1.2"
READABLE_VERSIONS = ("1.0", "1.1", "1.2")

Percent = Annotated[float, Strict(), Field(ge=0, le=100, allow_inf_nan=False)]
Money = Annotated[float, Strict(), Field(ge=0, allow_inf_nan=False)]


def _exact_day(value: Any) -> date:
    """An exact day. Approximate forms are read by :func:`secondchance.record.validate`, which
    answers for each day they allow; validating them here directly would pick one day."""
    if isinstance(value, str):
        return _exact_text(value)
    if isinstance(value, date):
        return on_calendar(value)
    return _exact_other(value)


@lru_cache(maxsize=16384)
def _exact_text(value: str) -> date:
    """:func:`_exact_day` of a text (remembered: the same days recur across records). A day
    written YYYY-MM-DD is read directly; any other text as :func:`parse_date` reads it."""
    if len(value) == 10 and ISO_DATE.fullmatch(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:  # not on the calendar: parse_date says so
            return _exact_other(value)
        return on_calendar(day)
    return _exact_other(value)


def _exact_other(value: Any) -> date:
    if is_approximate_form(value):
        raise ValueError(
            f"{value!r} is an approximate date: load the record with secondchance.record.validate"
        )
    exact = parse_date(value).exact
    assert exact is not None
    return exact


ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""The one way a record (or a command-line flag) writes a day: YYYY-MM-DD in ASCII digits."""


def read_iso_date(value: Any) -> date:
    """A day written as an ISO ``YYYY-MM-DD`` string, and nothing else: not a number (which
    some parsers read as a Unix timestamp), not ``20240101`` or a week date, not a YAML
    timestamp."""
    if not isinstance(value, str):
        raise ValueError("a date is written as text, YYYY-MM-DD")
    if not ISO_DATE.fullmatch(value):
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise ValueError(f"{shown!r} is not a date; write it as YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a day of the calendar") from None


Day = Annotated[date, BeforeValidator(_exact_day), WithJsonSchema(DATE_JSON_SCHEMA)]
"""A date field: exact in the model; in a record file also ``YYYY-MM``, ``YYYY`` or a range
(see :mod:`secondchance.record.dates`)."""

MAX_DAY_COUNT = 366_000
"""The most days a count of days in a record may hold (about 1000 years)."""


class Choice(StrEnum):
    """A field that takes one of a fixed set of values, each written in lower case. A value that
    differs from one of them only in the letter case of A-Z or in spaces around it is read as
    that value ("Low", " LOW " → ``low``); nothing looser (no prefix, no other spelling), and
    nothing else, such as a letter outside A-Z that merely folds to one."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if isinstance(value, str):
            text = value.strip()
            if text.isascii():
                return cls._value2member_map_.get(text.lower())
        return None


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False)


class _Span(_Model):
    """A period with a first day and, if it has ended or its end is known, a last day."""

    start: Day | None = Field(None, description="First day of the period.")
    end: Day | None = Field(
        None, description="Last day of the period (actual, or projected when still running)."
    )

    @model_validator(mode="after")
    def _ordered(self) -> _Span:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"@end: end {self.end} is before start {self.start}")
        return self

    def covers(self, day: date) -> bool:
        """True when ``day`` falls within the period (an unknown end means still running)."""
        if self.start is None or day < self.start:
            return False
        return self.end is None or day <= self.end


# --- who the person is -------------------------------------------------------------------------


class ImmigrationStatus(Choice):
    us_citizen = "us_citizen"
    us_national = "us_national"
    lawful_permanent_resident = "lawful_permanent_resident"
    other_lawful = "other_lawful"
    unlawfully_present = "unlawfully_present"


class StatusPeriod(_Span):
    """Citizenship or lawful status held over a period. An empty ``start`` means held since birth
    (or since before any date that matters); a status that began later must give its start."""

    status: ImmigrationStatus

    def covers(self, day: date) -> bool:
        """A status with no ``start`` has been held since birth (or since before any date asked)."""
        if self.start is not None and day < self.start:
            return False
        return self.end is None or day <= self.end


class Person(_Model):
    """Who the record is about."""

    name: str | None = None
    date_of_birth: Day | None = None
    bop_register_number: str | None = Field(
        None, pattern=r"^[0-9]{5}-[0-9]{3}$", description="BOP register number, NNNNN-NNN."
    )
    status: list[StatusPeriod] = Field(
        default_factory=list, description="Citizenship / lawful status and on which dates."
    )


# --- convictions --------------------------------------------------------------------------------


class Jurisdiction(Choice):
    federal = "federal"
    dc = "dc"
    military = "military"
    state = "state"


def _court_finding(text: str) -> str:
    """A court finding is one the law reads (``law/sentence/clauses.py``'s ``finding_names``,
    listed in docs/law-sentence.md), or ``not:`` and one: any other name (a misspelling) would
    be silently unread, so it is refused, with the closest name where one is close."""
    from secondchance.law.sentence.clauses import NEGATED, finding_names

    known = finding_names()
    negated = text.startswith(NEGATED)
    name = text.removeprefix(NEGATED)
    if name in known:
        return text
    close = did_you_mean(name.strip().lower(), sorted(known), NEGATED if negated else "")
    hint = f": {close}" if close else ""
    raise ValueError(
        f"unknown court finding {text!r}{hint} (the findings the law reads are listed in "
        "docs/law-sentence.md; 'not:<name>' where the court found it absent)"
    )


CourtFinding = Annotated[str, AfterValidator(_court_finding)]
"""A finding's name (or ``not:`` and its name), one the law reads."""


class Count(_Model):
    """One count of conviction (or one charge) and the facts its statute alone does not settle."""

    statute: str = Field(
        "",
        max_length=MAX_CITATION_CHARS,
        description="Citation with subsection, e.g. '21 U.S.C. 841(a)(1)', '18 U.S.C. 924(c)', "
        "'D.C. Code 48-904.01(d)(1)', 'UCMJ art. 125'. Left out (or blank) when not known: "
        "every program that needs it names it as a missing fact.",
    )
    description: str | None = None
    substance: str | None = Field(None, description="Controlled substance, e.g. 'marijuana'.")
    attempt: StrictBool = False
    conspiracy: StrictBool = False
    object_offense: str | None = Field(
        None,
        max_length=MAX_CITATION_CHARS,
        description="For an attempt or conspiracy under a general provision (e.g. 21 U.S.C. 846): "
        "the statute of the offense attempted, e.g. '21 U.S.C. 844'.",
    )
    felony: StrictBool | None = Field(
        None, description="A felony (punishable by more than one year)."
    )
    financial_misconduct: StrictBool | None = Field(
        None, description="The crime involves or relates to financial misconduct."
    )
    false_statement: StrictBool | None = Field(
        None, description="The crime involves or relates to a false statement."
    )
    moral_turpitude: StrictBool | None = Field(None, description="A crime of moral turpitude.")
    fraud_or_dishonesty: StrictBool | None = Field(
        None, description="An offense involving fraud or dishonesty."
    )
    against_children: StrictBool | None = Field(None, description="An offense against children.")
    serious: StrictBool | None = Field(None, description="A serious criminal offense.")
    violence: StrictBool | None = Field(None, description="A crime of violence.")
    weapon: StrictBool | None = Field(None, description="A weapon was involved.")
    riot_or_civil_disorder: StrictBool | None = Field(
        None,
        description="Committed during and in connection with a riot, civil disorder or declared "
        "disaster.",
    )
    court_findings: list[CourtFinding] = Field(
        default_factory=list,
        description="Findings some First Step Act exclusions need, e.g. 'leader_organizer', "
        "'death_or_serious_bodily_injury', 'weapon_of_mass_destruction' (the court found it), or "
        "'not:leader_organizer' (the court found it absent); a finding not listed is unknown. "
        "Only the names the law reads (docs/law-sentence.md) are accepted.",
    )
    offense_date: Day | None = Field(None, description="When this count's offense was committed.")
    imprisonment: Term | None = Field(
        None,
        description="The prison term on this count, where the judgment gives one per count "
        "(format 1.1). Terms on counts run concurrently unless marked consecutive.",
    )
    consecutive: StrictBool = Field(
        False, description="This count's term runs consecutively to the other counts' terms."
    )


class SentenceRelation(Choice):
    concurrent = "concurrent"
    consecutive = "consecutive"


class Commutation(_Model):
    """A commutation of this sentence."""

    granted_on: Day
    new_imprisonment: Term | None = Field(None, description="Prison term as commuted.")
    new_release_date: Day | None = Field(None, description="'Commuted to expire on' this date.")
    home_confinement_remainder: StrictBool = False
    supervised_release_kept: StrictBool | None = None
    fine_restitution_kept: StrictBool | None = None
    terms: str | None = Field(None, description="The warrant's terms, as written.")


class Revocation(_Model):
    """A revocation of supervised release (or probation) and the term imposed on it (format 1.1;
    18 U.S.C. 3583(e)(3), 3565)."""

    revoked_on: Day | None = None
    imprisonment: Term | None = Field(None, description="Prison term imposed on revocation.")
    supervised_release: Term | None = Field(
        None, description="New term of supervised release to follow (18 U.S.C. 3583(h))."
    )


class Sentence(_Model):
    """The sentence imposed on a conviction."""

    imposed_on: Day | None = Field(None, description="Date the sentence was imposed.")
    imprisonment: Term | None = Field(None, description="Term of imprisonment, or life.")
    probation: Term | None = None
    supervised_release: Term | None = None
    parole_eligible: StrictBool | None = Field(
        None, description="An old-law (parole-eligible) sentence."
    )
    fine: Money | None = Field(None, description="Fine imposed (dollars).")
    fine_owed: Money | None = Field(None, description="Fine still owed (dollars).")
    restitution: Money | None = Field(None, description="Restitution ordered (dollars).")
    restitution_owed: Money | None = Field(None, description="Restitution still owed (dollars).")
    relation: SentenceRelation | None = Field(
        None, description="Concurrent with or consecutive to the sentence named in relative_to."
    )
    relative_to: str | None = Field(None, description="Id of the other conviction.")
    commutations: list[Commutation] = Field(default_factory=list)
    imprisonment_length_unknown: StrictBool = Field(
        False,
        description="A prison term was imposed but its length is not known (leave "
        "'imprisonment' out).",
    )
    prior_custody_credit_days: StrictInt | None = Field(
        None,
        ge=0,
        le=MAX_DAY_COUNT,
        description="Days of prior custody credit as the Bureau of Prisons states them "
        "(18 U.S.C. 3585(b)).",
    )
    revocations: list[Revocation] = Field(default_factory=list)
    completed: StrictBool = Field(
        False,
        description="Every part of the sentence (prison and supervision) is completed, on a date "
        "not known; give the custody and supervision dates whenever they are known.",
    )

    @model_validator(mode="after")
    def _length_known_or_not(self) -> Sentence:
        if self.imprisonment_length_unknown and self.imprisonment is not None:
            raise ValueError(
                "@imprisonment_length_unknown: goes with no 'imprisonment' term, yet one is given"
            )
        return self


class TreatyTransfer(_Model):
    """A conviction by a foreign court whose sentence is served in the United States under a
    transfer treaty (18 U.S.C. 4100-4115)."""

    country: str | None = Field(None, description="The country whose court convicted.")
    foreign_court: str | None = None
    transferred_on: Day | None = Field(None, description="Date of transfer to U.S. custody.")


class Conviction(_Model):
    """A judgment of conviction."""

    id: str | None = Field(None, description="A short id other parts of the record refer to.")
    jurisdiction: Jurisdiction
    state: str | None = Field(None, description="Which state, for a state conviction.")
    court: str | None = Field(None, description="E.g. 'W.D. Tenn.' or 'D.C. Superior Court'.")
    case_number: str | None = None
    counts: list[Count] = Field(default_factory=list)
    offense_date: Day | None = Field(None, description="Offense date when the same for all counts.")
    conviction_date: Day | None = None
    sentencing_date: Day | None = None
    sentence: Sentence | None = None
    awaiting_sentencing: StrictBool = Field(
        False, description="Convicted and not yet sentenced (format 1.1)."
    )
    treaty_transfer: TreatyTransfer | None = Field(
        None, description="A foreign conviction transferred under a treaty (format 1.1)."
    )

    @model_validator(mode="after")
    def _not_both_sentenced_and_awaiting(self) -> Conviction:
        imposed = self.sentencing_date or (self.sentence and self.sentence.imposed_on)
        if self.awaiting_sentencing and imposed:
            which = "sentencing_date" if self.sentencing_date else "sentence.imposed_on"
            raise ValueError(
                f"@awaiting_sentencing: awaiting sentencing, yet a sentencing date is recorded "
                f"({which} {imposed})"
            )
        return self

    @model_validator(mode="after")
    def _state_named(self) -> Conviction:
        if self.jurisdiction is Jurisdiction.state and not self.state:
            raise ValueError("@state: a state conviction must name its state")
        return self

    @model_validator(mode="after")
    def _dates_in_order(self) -> Conviction:
        offenses = [("offense_date", self.offense_date)]
        offenses += [
            (f"counts[{i}].offense_date", c.offense_date) for i, c in enumerate(self.counts)
        ]
        if self.conviction_date:
            for name, day in offenses:
                if day and day > self.conviction_date:
                    whose = "the conviction's " if "." in name else ""
                    raise ValueError(
                        f"@{name}: offense_date {day} is after {whose}conviction_date "
                        f"{self.conviction_date}"
                    )
        if (
            self.conviction_date
            and self.sentencing_date
            and self.sentencing_date < self.conviction_date
        ):
            raise ValueError(
                f"@sentencing_date: sentencing_date {self.sentencing_date} is before "
                "conviction_date "
                f"{self.conviction_date}"
            )
        return self


# --- what happened after ------------------------------------------------------------------------


class ChallengeKind(Choice):
    direct_appeal = "direct_appeal"
    motion_2255 = "motion_2255"
    petition_2241 = "petition_2241"
    sentence_reduction = "sentence_reduction"
    other = "other"


class CourtChallenge(_Model):
    """An appeal or other court challenge to a conviction or sentence."""

    kind: ChallengeKind
    conviction_id: str | None = None
    filed_on: Day | None = None
    resolved_on: Day | None = Field(None, description="Empty while pending.")


class CustodyKind(Choice):
    pretrial_detention = "pretrial_detention"
    federal_custody = "federal_custody"
    designated_facility = "designated_facility"
    residential_reentry_center = "residential_reentry_center"
    home_confinement = "home_confinement"
    state_custody = "state_custody"
    military_custody = "military_custody"


class CustodyPeriod(_Span):
    """Time in custody or detention. ``residential_reentry_center`` and ``home_confinement`` are
    the Bureau of Prisons' prerelease custody (18 U.S.C. 3624(c), (g)), still part of a term of
    imprisonment; home detention as a condition of probation belongs in ``supervision``."""

    kind: CustodyKind
    conviction_id: str | None = None
    credited_to_other_sentence: StrictBool | None = Field(
        None, description="Already credited against another sentence (18 U.S.C. 3585(b))."
    )
    facility: str | None = None


class SupervisionKind(Choice):
    probation = "probation"
    parole = "parole"
    supervised_release = "supervised_release"
    deferred_prosecution = "deferred_prosecution"


class SupervisionPeriod(_Span):
    """A period of probation, parole or supervised release."""

    kind: SupervisionKind
    conviction_id: str | None = None
    ended_early: StrictBool = False


class ChargeInstrument(Choice):
    indictment = "indictment"
    information = "information"
    complaint = "complaint"


class PendingCharge(_Model):
    """A criminal charge not yet resolved (or resolved on ``resolved_on``)."""

    instrument: ChargeInstrument
    jurisdiction: Jurisdiction = Jurisdiction.federal
    state: str | None = None
    court: str | None = None
    filed_on: Day | None = None
    resolved_on: Day | None = Field(None, description="Dismissed, acquitted or convicted on.")
    counts: list[Count] = Field(default_factory=list)


class ClemencyKind(Choice):
    pardon = "pardon"
    commutation = "commutation"
    remission = "remission"


class ClemencyGrant(_Model):
    """Clemency the person has received (a commutation is also recorded on the sentence)."""

    kind: ClemencyKind
    granted_on: Day
    conviction_ids: list[str] = Field(
        default_factory=list,
        description="Convictions covered; left out means all federal ones (an empty list is an "
        "error: it would read as every conviction).",
    )
    by: str | None = Field(None, description="The President who granted it.")
    proclamation: str | None = Field(None, description="E.g. 'Proclamation 10467'.")
    certificate_issued: StrictBool | None = None
    certificate_issued_on: Day | None = Field(
        None, description="Date the warrant or certificate of clemency was issued (format 1.1)."
    )

    @field_validator("conviction_ids")
    @classmethod
    def _names_some(cls, ids: list[str]) -> list[str]:
        """A list written empty names no conviction, yet a grant naming none covers every
        federal conviction: an error, so that "none known" is never read as "all pardoned"."""
        if not ids:
            raise ValueError(
                "an empty list names no conviction: list the ids the grant covers, or leave the "
                "field out to mean every federal conviction"
            )
        return ids


# --- First Step Act facts -----------------------------------------------------------------------


class RiskLevel(Choice):
    minimum = "minimum"
    low = "low"
    medium = "medium"
    high = "high"


class RiskAssessment(_Model):
    assessed_on: Day
    level: RiskLevel


class NonEarningPeriod(_Span):
    """A period in which no time credits were earned (e.g. not participating, in a status that
    does not earn)."""

    reason: str | None = None


class GedStatus(Choice):
    has_credential = "has_credential"
    making_satisfactory_progress = "making_satisfactory_progress"
    not_making_satisfactory_progress = "not_making_satisfactory_progress"
    exempt = "exempt"


class RemovalKind(Choice):
    final_order = "final_order"
    expedited = "expedited"
    reinstated = "reinstated"
    other = "other"


class RemovalOrder(_Model):
    """An order of removal under the immigration laws (format 1.1); its date may be unknown."""

    kind: RemovalKind | None = Field(
        None,
        description="final_order, expedited (8 U.S.C. 1225(b)(1)), reinstated "
        "(8 U.S.C. 1231(a)(5)) or other.",
    )
    issued_on: Day | None = Field(None, description="Leave out when the date is not known.")


class ImmigrationDetainer(_Model):
    """An immigration detainer lodged with the Bureau of Prisons (format 1.1)."""

    lodged_on: Day | None = None
    agency: str | None = Field(None, description="E.g. 'ICE'.")


class FsaFacts(_Model):
    """Facts for the First Step Act and good conduct time."""

    risk_assessments: list[RiskAssessment] = Field(default_factory=list)
    non_earning_periods: list[NonEarningPeriod] = Field(default_factory=list)
    ged_status: GedStatus | None = None
    final_order_of_removal: Day | None = Field(
        None, description="Date of a final order of removal under immigration law."
    )
    gct_disallowed_days: StrictInt | None = Field(None, ge=0, le=MAX_DAY_COUNT)
    gct_forfeited_days: StrictInt | None = Field(None, ge=0, le=MAX_DAY_COUNT)
    removal_orders: list[RemovalOrder] = Field(default_factory=list)
    immigration_detainers: list[ImmigrationDetainer] = Field(default_factory=list)
    time_credits_lost_days: StrictInt | None = Field(
        None, ge=0, le=MAX_DAY_COUNT, description="Time credits lost, 28 CFR 523.43."
    )
    time_credits_restored_days: StrictInt | None = Field(
        None, ge=0, le=MAX_DAY_COUNT, description="Lost time credits restored, 28 CFR 523.43."
    )

    @model_validator(mode="after")
    def _restored_not_above_lost(self) -> FsaFacts:
        lost = self.time_credits_lost_days or 0
        if (self.time_credits_restored_days or 0) > lost:
            raise ValueError(
                f"@time_credits_restored_days: more than the {lost} days lost "
                "(time_credits_lost_days)"
            )
        return self


class RdapStatus(Choice):
    expected = "expected"
    completed = "completed"
    not_participating = "not_participating"


class RdapFacts(_Model):
    """The Residential Drug Abuse Program and the early release of 18 U.S.C. 3621(e): the
    exclusions of 28 CFR 550.55(b) as facts (true: applies; false: does not; absent: unknown)."""

    status: RdapStatus | None = None
    completed_on: Day | None = None
    bureau_provisionally_eligible: StrictBool | None = Field(
        None, description="The Bureau's provisional 3621(e) eligibility decision."
    )
    ice_detainee: StrictBool | None = None
    contractual_boarder: StrictBool | None = None
    prior_disqualifying_conviction: StrictBool | None = Field(
        None, description="550.55(b)(4), within ten years before sentencing."
    )
    current_violent_or_weapon_offense: StrictBool | None = Field(None, description="550.55(b)(5).")
    attempt_or_conspiracy_of_excluded_offense: StrictBool | None = Field(
        None, description="550.55(b)(6)."
    )
    previous_rdap_early_release: StrictBool | None = Field(None, description="550.55(b)(7).")


class ReleaseMethod(Choice):
    good_conduct_time = "good_conduct_time"
    fsa_release = "fsa_release"
    full_term = "full_term"
    other = "other"


class BureauCustodyStatus(Choice):
    in_custody = "in_custody"
    prerelease_custody = "prerelease_custody"
    released = "released"


class BureauFigures(_Model):
    """What the Bureau of Prisons itself states (format 1.1): kept as the agency's figures and
    shown beside the computation, never used in place of it."""

    stated_on: Day | None = Field(None, description="Date of the Bureau's data sheet.")
    projected_release_date: Day | None = None
    release_method: ReleaseMethod | None = None
    fsa_credits_earned: StrictInt | None = Field(None, ge=0, le=MAX_DAY_COUNT)
    fsa_credits_applied: StrictInt | None = Field(None, ge=0, le=MAX_DAY_COUNT)
    fsa_eligible: StrictBool | None = None
    custody_status: BureauCustodyStatus | None = None
    prerelease_date: Day | None = Field(
        None, description="Home detention or residential reentry center placement date."
    )
    source: str | None = Field(None, description="E.g. 'sentence monitoring computation data'.")


# --- the person's record ------------------------------------------------------------------------


class RecordPart(Choice):
    """A top-level part of a person's record, as named in its ``unknown`` list."""

    person = "person"
    convictions = "convictions"
    court_challenges = "court_challenges"
    custody = "custody"
    supervision = "supervision"
    pending_charges = "pending_charges"
    clemency = "clemency"
    fsa = "fsa"
    bureau = "bureau"
    rdap = "rdap"


UNKNOWN_PATH = re.compile(r"[a-z_]+(\[[0-9]+\])?(\.[a-z_]+(\[[0-9]+\])?)*\.[a-z_]+")
"""How a field path in ``unknown`` is written: field names joined by dots, a list's entry by
its index in brackets, ending with a field's name (``convictions[0].sentence.fine_owed``,
``business.people``)."""

_UNKNOWN_JSON_SCHEMA: dict[str, Any] = {
    "description": "A part of the record (a top-level key of a person's record), or a field "
    "path within the record, e.g. 'convictions[0].sentence.fine_owed' (format 1.2).",
    "anyOf": [
        {"type": "string", "enum": [part.value for part in RecordPart]},
        {
            "type": "string",
            "pattern": "^[a-z_]+(\\[[0-9]+\\])?(\\.[a-z_]+(\\[[0-9]+\\])?)*\\.[a-z_]+$",
        },
    ],
}


def _unknown_entry(value: Any) -> RecordPart | str:
    """An entry of ``unknown``: a part's name (a choice, read as :class:`Choice` reads one), or
    a field path (its fields are checked against the format by :class:`PersonRecord`)."""
    if isinstance(value, RecordPart):
        return value
    if not isinstance(value, str):
        raise ValueError("an entry of unknown is a part's name or a field path, written as text")
    text = value.strip()
    if "." not in text and "[" not in text:
        part = RecordPart._missing_(value)
        if isinstance(part, RecordPart):
            return part
        allowed = [p.value for p in RecordPart]
        close = did_you_mean(text.lower(), allowed)
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise ValueError(
            f"{shown!r} is not one of: {', '.join(allowed)}" + (f"; {close}" if close else "")
        )
    if not UNKNOWN_PATH.fullmatch(text):
        shown = value if len(value) <= 80 else value[:80] + "…"
        raise ValueError(
            f"{shown!r} is not a field path (field names joined by dots, a list's entry by its "
            "index, ending with a field's name: 'convictions[0].sentence.fine_owed')"
        )
    return text


UnknownEntry = Annotated[
    RecordPart | str, PlainValidator(_unknown_entry), WithJsonSchema(_UNKNOWN_JSON_SCHEMA)
]
"""A part of the record, or a field path within it, stated not known (``unknown``)."""


class PersonRecord(_Model):
    """One person's federal record."""

    person: Person = Field(default_factory=Person)
    convictions: list[Conviction] = Field(default_factory=list)
    court_challenges: list[CourtChallenge] = Field(default_factory=list)
    custody: list[CustodyPeriod] = Field(default_factory=list)
    supervision: list[SupervisionPeriod] = Field(default_factory=list)
    pending_charges: list[PendingCharge] = Field(default_factory=list)
    clemency: list[ClemencyGrant] = Field(default_factory=list)
    fsa: FsaFacts | None = None
    bureau: BureauFigures | None = Field(
        None, description="The Bureau of Prisons' own stated figures (never used in place of ours)."
    )
    rdap: RdapFacts | None = None
    unknown: list[UnknownEntry] = Field(
        default_factory=list,
        description="The parts of this record the person could not state (e.g. "
        "'pending_charges': whether any charge is pending is not known), or fields within it "
        "(e.g. 'convictions[0].sentence.fine_owed': whether the fine is still owed is not "
        "known; 'business.people': whether anyone else holds a role, format 1.2). Entries given "
        "in such a part or list are read as the ones known; no answer clears the person while a "
        "part or field it can depend on is unknown (1.1).",
    )
    _timeline: Any = PrivateAttr(None)
    """The shared reading of this record (``secondchance.record.timeline``), once computed."""

    @model_validator(mode="after")
    def _conviction_links(self) -> PersonRecord:
        """Conviction ids are unique, and every reference names a conviction of this record."""
        ids: set[str] = set()
        for i, conviction in enumerate(self.convictions):
            if conviction.id is not None:
                if conviction.id in ids:
                    raise ValueError(f"@convictions[{i}].id: {conviction.id!r} is used twice")
                ids.add(conviction.id)
        for name, k, field, ref in self._references():
            if ref is not None and ref not in ids:
                known = ", ".join(sorted(ids)) or "none"
                raise ValueError(
                    f"@{name}[{k}].{field}: {ref!r} names no conviction (conviction ids: {known})"
                )
        return self

    @model_validator(mode="after")
    def _unknown_paths_name_fields(self) -> PersonRecord:
        """Each field path in ``unknown`` names a field of the format (an entry of a list by an
        index the list has), and a field stated unknown holds no value (a list or a section may
        hold the entries known)."""
        for k, entry in enumerate(self.unknown):
            if not isinstance(entry, RecordPart):
                problem = _path_problem(self, entry)
                if problem:
                    raise ValueError(f"@unknown[{k}]: {entry!r} {problem}")
        return self

    @property
    def unknown_paths(self) -> frozenset[str]:
        """The field paths named in ``unknown`` (format 1.2)."""
        return frozenset(str(e) for e in self.unknown if not isinstance(e, RecordPart))

    def _references(self) -> Iterator[tuple[str, int, str, str | None]]:
        """Every conviction reference, in record order: (list, index, field, the id it names);
        the field path is written only for one that names no conviction."""
        for name in ("custody", "supervision", "court_challenges"):
            for k, entry in enumerate(getattr(self, name)):
                yield name, k, "conviction_id", entry.conviction_id
        for k, grant in enumerate(self.clemency):
            for ref in grant.conviction_ids:
                yield "clemency", k, "conviction_ids", ref
        for i, conviction in enumerate(self.convictions):
            if conviction.sentence is not None:
                yield "convictions", i, "sentence.relative_to", conviction.sentence.relative_to


# --- SBA: a business and its people -------------------------------------------------------------


class BusinessRoleKind(Choice):
    owner = "owner"
    officer = "officer"
    director = "director"
    key_employee = "key_employee"
    general_partner = "general_partner"
    managing_member = "managing_member"


class BusinessRole(_Span):
    """A role a person holds in the business, with its dates (empty ``end``: still held)."""

    role: BusinessRoleKind
    ownership_percent: Percent | None = Field(
        None, description="Share of the equity, for an owner."
    )

    @model_validator(mode="after")
    def _owner_share(self) -> BusinessRole:
        if self.role is not BusinessRoleKind.owner and self.ownership_percent is not None:
            raise ValueError(f"@ownership_percent: belongs on a role of 'owner', not '{self.role}'")
        return self


class BusinessPerson(_Model):
    """Someone connected with the business, with their own record."""

    name: str
    roles: list[BusinessRole] = Field(min_length=1)
    is_subject: StrictBool = Field(
        False,
        description="This person is the one the record is about: their record is the top-level "
        "one (leave ``record`` out).",
    )
    record: PersonRecord = Field(default_factory=PersonRecord)

    @model_validator(mode="after")
    def _one_record(self) -> BusinessPerson:
        if self.is_subject and self.record != PersonRecord():
            raise ValueError(
                "a person marked is_subject uses the top-level record; leave 'record' out"
            )
        return self


class Business(_Model):
    """A small business applying for SBA financing."""

    name: str
    people: list[BusinessPerson] = Field(default_factory=list)
    child_care: StrictBool | None = Field(
        None, description="A child care business (13 CFR 120.707(a) treats these apart)."
    )
    no_other_owner_of_20_percent: StrictBool | None = Field(
        None,
        description="true: no one outside the people listed owns 20% or more of the equity "
        "on the application day (any share the listed owners leave that day is held by owners "
        "of less than 20% each; a share not listed only on an earlier day of a look-back, and "
        "listed on the application day, is not covered). Left "
        "out, a share of the equity the listed owners leave unaccounted for that could hold an "
        "owner the SBA rule counts keeps every clearing SBA answer from clearing.",
    )

    @model_validator(mode="after")
    def _ownership_at_most_whole(self) -> Business:
        """On no day may the owners together hold more than 100% of the equity.

        One sweep over the days shares begin and end (sorted), so 10,000 owners take a moment.
        """
        # (day, 0 leaves / 1 joins, share, where the share is written)
        changes: list[tuple[date, int, Fraction, str]] = []
        for i, person in enumerate(self.people):
            for j, role in enumerate(person.roles):
                if role.role is not BusinessRoleKind.owner or role.ownership_percent is None:
                    continue
                share = Fraction(role.ownership_percent)
                at = f"people[{i}].roles[{j}].ownership_percent"
                changes.append((role.start or date(FIRST_YEAR, 1, 1), 1, share, at))
                if role.end is not None:
                    changes.append((role.end + timedelta(days=1), 0, -share, at))
        changes.sort(key=lambda change: change[:2])
        held = Fraction(0)
        for k, (day, joins, share, at) in enumerate(changes):
            held += share
            last_of_day = k + 1 == len(changes) or changes[k + 1][0] != day
            if joins and last_of_day and held > 100 + Fraction(1, 10**9):
                # Named: the last share to begin that day, the one that takes the total over.
                raise ValueError(
                    f"@{at}: owners hold {float(held):g}% of the equity on {day} (more than "
                    f"100%), counting this share of {float(share):g}% begun that day"
                )
        return self


class Record(PersonRecord):
    """A record file: one person's record, optionally with a business applying to the SBA."""

    schema_version: str = Field(SCHEMA_VERSION, description="Version of this record format.")

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, version: str) -> str:
        if version not in READABLE_VERSIONS:
            raise ValueError(
                f"this version of secondchance reads record format "
                f"{' and '.join(READABLE_VERSIONS)}, not {version!r}"
            )
        return version

    business: Business | None = None
    application_date: Day | None = Field(
        None, description="Date of the SBA loan application (or surety bond guarantee request)."
    )

    # Empty dicts as defaults (each record gets its own copy): quicker to set up than a
    # default_factory, whose signature pydantic inspects on every validation.
    _approximate: dict[str, ApproxDate] = PrivateAttr({})
    _source: Any = PrivateAttr(None)
    _readings: dict[tuple[date, ...], list[Any]] = PrivateAttr({})

    @property
    def approximate_dates(self) -> dict[str, ApproxDate]:
        """Field path → approximate date, for each date the record file gave as a range. The
        model itself holds one allowed reading; answers use every reading
        (:func:`secondchance.record.approximate.readings`)."""
        return dict(self._approximate)


# --- field paths in ``unknown`` -------------------------------------------------------------------

_PATH_STEP = re.compile(r"([a-z_]+)(?:\[([0-9]+)\])?")


def _shape(annotation: Any) -> tuple[bool, type[_Model] | None]:
    """(whether a field holds a list, the section its value or entries are: None for a value)."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, UnionType):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        elif origin is list:
            inner = _shape(get_args(annotation)[0])[1]
            return True, inner
        else:
            section = isinstance(annotation, type) and issubclass(annotation, _Model)
            return False, annotation if section else None


def _path_problem(record: PersonRecord, path: str) -> str | None:
    """What is wrong with a field path of ``record``'s ``unknown``, or None. The path is read
    from the record that holds the list (a business person's own record for theirs)."""
    model: type[_Model] | None = type(record)
    value: Any = record
    done = ""
    steps = path.split(".")
    for n, step in enumerate(steps):
        found = _PATH_STEP.fullmatch(step)
        assert found is not None and model is not None  # UNKNOWN_PATH and the check below
        name, index = found[1], found[2]
        fields = [f for f in model.model_fields if f not in ("unknown", "schema_version")]
        if name not in fields:
            close = did_you_mean(name, fields, done)
            where = f"of {done.rstrip('.')}" if done else "of the record"
            return f"names no field of the record format ({name!r} is not a field {where})" + (
                f"; {close}" if close else ""
            )
        listed, model = _shape(model.model_fields[name].annotation)
        given = name in value.model_fields_set if value is not None else False
        value = getattr(value, name) if value is not None else None
        last = n == len(steps) - 1
        if index is not None and not listed:
            return f"names an entry of {done}{name}, which is not a list"
        if listed and index is not None:
            entries = value or []
            if int(index) >= len(entries):
                return (
                    f"names an entry the record does not hold ({done}{name} has "
                    f"{len(entries)} {'entry' if len(entries) == 1 else 'entries'})"
                )
            value = entries[int(index)]
        elif listed and not last:
            return f"goes on past {done}{name}, a list: name its entry, e.g. {done}{name}[0]"
        done += step + "."
        if last:
            if not listed and model is None and given and value is not None:
                return "is given a value and stated unknown: leave one of them out"
            return None
        if model is None:
            return f"goes on past {done.rstrip('.')}, which holds a value, not fields"
        if not isinstance(value, _Model):
            value = None  # a section not given: its fields are not given either
    return None
