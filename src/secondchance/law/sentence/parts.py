"""The typed results of one sentence computation, part by part: the term (18 U.S.C. 3585),
good conduct time (3624(b)), First Step Act time credits (3632(d)(4), 3624(g)), the 3621(e)
reduction and the Second Chance Act placement window (3624(c)). Each part holds its values and
the named conditions its findings read; ``to_dict`` gives the JSON block at the edge (the shape
``secondchance sentence``, ``check --json`` and batch screening read)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from secondchance.engine.determination import Finding


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(frozen=True)
class TermPart:
    """The term, its commencement and prior custody credit, and what ends it early."""

    term: str
    term_days: int | None
    """Days of the term from commencement (None for life and a commuted term)."""
    commenced_on: date
    arrived_on: date
    prior_custody_days: int
    full_term_date: date | None
    commuted_release_date: date | None
    served: bool
    """Prior custody credit and good conduct time cover the whole term."""
    released_on: date | None
    supervised_release: str | None
    life: bool

    @property
    def commuted(self) -> bool:
        """A commutation in force fixed the release date."""
        return self.commuted_release_date is not None

    @property
    def hidden(self) -> bool:
        """No computed release date is shown (the term is served or commuted)."""
        return self.served or self.commuted


@dataclass(frozen=True)
class GctPart:
    """Good conduct time and the release date it gives (3624(b), (a))."""

    method: str
    days: int
    release_date: date | None
    release_weekday_date: date | None


class FsaStage(Enum):
    """How far the time credit projection goes, in the order the conditions are tested."""

    NOT_PROJECTED = "served or commuted"
    RELEASED_BEFORE_ACT = "custody ended before the Act"
    NOT_IN_FORCE = "before the Act"
    CONVICTION_UNDECIDED = "whether a conviction bars credits is undecided"
    CONVICTION_LISTED = "a listed conviction"
    LIFE = "a term of life"
    ARRIVAL_UNKNOWN = "the start of earning is not known"
    RISK_UNKNOWN = "the risk level is not known"
    RISK_BARS_APPLICATION = "earned, not applied (risk level)"
    REMOVAL_ORDER = "earned, not applied (final order of removal)"
    APPLIED = "earned and applied"


@dataclass(frozen=True)
class FromCommencement:
    """The dates if the interim rule's start of earning at commencement reached back."""

    earning_start: date | None
    credits_days: int
    prerelease_custody_date: date | None
    release_date: date | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "earning_start": _iso(self.earning_start),
            "credits_days": self.credits_days,
            "prerelease_custody_date": _iso(self.prerelease_custody_date),
            "release_date": _iso(self.release_date),
        }


@dataclass(frozen=True)
class FsaPart:
    """First Step Act time credits: earned (3632(d)(4)) and applied (3624(g))."""

    stage: FsaStage
    eligible: bool | None
    """What ``fsa.time_credits`` answers: false for a listed conviction or a final order of
    removal, None where undecided."""
    risk: str | None
    non_earning_days: int | None
    earning_start: date | None = None
    credits_days: int | None = None
    credits_applied_days: int | None = None
    supervised_release_credit_days: int | None = None
    prerelease_custody_credit_days: int | None = None
    release_date: date | None = None
    release_weekday_date: date | None = None
    prerelease_custody_date: date | None = None
    projection: str | None = None
    from_commencement: FromCommencement | None = None
    start_version: str | None = None
    """The rule version that set the start of earning (the earlier rule where it reached back)."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "eligible": self.eligible,
            "risk": self.risk,
            "earning_start": _iso(self.earning_start),
            "non_earning_days": self.non_earning_days,
            "credits_days": self.credits_days,
            "credits_applied_days": self.credits_applied_days,
            "supervised_release_credit_days": self.supervised_release_credit_days,
            "prerelease_custody_credit_days": self.prerelease_custody_credit_days,
            "release_date": _iso(self.release_date),
            "release_weekday_date": _iso(self.release_weekday_date),
            "prerelease_custody_date": _iso(self.prerelease_custody_date),
            "projection": self.projection,
        }
        if self.from_commencement is not None:
            out["if_earning_from_commencement"] = self.from_commencement.to_dict()
        return out


@dataclass(frozen=True)
class RdapIfEligible:
    """The dates the 3621(e) reduction would give where its eligibility is undecided."""

    reduction_months: int
    release_date: date | None
    fsa_release_date: date | None
    prerelease_custody_date: date | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "reduction_months": self.reduction_months,
            "release_date": _iso(self.release_date),
            "fsa_release_date": _iso(self.fsa_release_date),
            "prerelease_custody_date": _iso(self.prerelease_custody_date),
        }


@dataclass(frozen=True)
class RdapPart:
    """The Residential Drug Abuse Program reduction (18 U.S.C. 3621(e)(2)(B))."""

    applies: bool | None
    completed: bool
    completed_on: date | None
    bureau_eligible: bool | None
    exclusions_found: tuple[str, ...]
    missing_facts: tuple[str, ...]
    reduction_months: int | None = None
    release_date: date | None = None
    if_eligible: RdapIfEligible | None = None

    @property
    def status(self) -> str:
        return {True: "applied", False: "not_eligible", None: "needs_review"}[self.applies]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "status": self.status,
            "completed": self.completed,
            "completed_on": _iso(self.completed_on),
            "bureau_eligible": self.bureau_eligible,
            "exclusions_found": list(self.exclusions_found),
            "missing_facts": list(self.missing_facts),
            "reduction_months": self.reduction_months,
            "release_date": _iso(self.release_date),
        }
        if self.if_eligible is not None:
            out["if_eligible"] = self.if_eligible.to_dict()
        return out


@dataclass(frozen=True)
class PlacementPart:
    """The Second Chance Act window (3624(c)) and the date with FSA prerelease credits."""

    leaves_custody_on: date | None
    rrc_earliest_date: date | None
    home_confinement_earliest_date: date | None
    home_confinement_days: int
    fsa_prerelease_credit_days: int
    combined_earliest_date: date | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "leaves_custody_on": _iso(self.leaves_custody_on),
            "rrc_earliest_date": _iso(self.rrc_earliest_date),
            "home_confinement_earliest_date": _iso(self.home_confinement_earliest_date),
            "home_confinement_days": self.home_confinement_days,
            "fsa_prerelease_credit_days": self.fsa_prerelease_credit_days,
            "combined_earliest_date": _iso(self.combined_earliest_date),
            "discretionary": True,
        }


@dataclass(frozen=True)
class SentenceOutcome:
    """The whole computed sentence of one person as of a day, with its findings."""

    as_of: date
    term: TermPart
    gct: GctPart
    fsa: FsaPart
    rdap: RdapPart | None
    placement: PlacementPart | None
    codes: tuple[str, ...]
    needs_review: tuple[str, ...]
    missing_facts: tuple[str, ...]
    findings: tuple[Finding, ...]

    @property
    def status(self) -> str:
        if self.needs_review:
            return "needs_review"
        return "term_served" if self.term.served else "computed"

    def dates(self) -> dict[str, Any]:
        """The computed dates and figures batch screening carries for each person, by the names
        of its results (each the block's own value, read without writing the block)."""
        t, f = self.term, self.fsa
        return {
            "commenced_on": t.commenced_on,
            "released_on": t.released_on,
            "full_term_date": t.full_term_date,
            "commuted_release_date": t.commuted_release_date,
            "gct_release_date": self.gct.release_date,
            "fsa_eligible": f.eligible,
            "fsa_credits_applied": f.credits_applied_days,
            "fsa_prerelease_date": f.prerelease_custody_date,
            "fsa_release_date": f.release_date,
        }

    def to_dict(self) -> dict[str, Any]:
        """The JSON block (``report.computation("sentence")``)."""
        t, g = self.term, self.gct
        return {
            "as_of": self.as_of.isoformat(),
            "status": self.status,
            "term": t.term,
            "term_days": t.term_days,
            "commenced_on": t.commenced_on.isoformat(),
            "arrived_on": t.arrived_on.isoformat(),
            "prior_custody_days": t.prior_custody_days,
            "full_term_date": _iso(t.full_term_date),
            "gct_method": g.method,
            "gct_days": g.days,
            "gct_release_date": _iso(g.release_date),
            "release_weekday_date": _iso(g.release_weekday_date),
            "commuted_release_date": _iso(t.commuted_release_date),
            "term_served": t.served,
            "released_on": _iso(t.released_on),
            "supervised_release": t.supervised_release,
            "fsa": self.fsa.to_dict(),
            "rdap": self.rdap.to_dict() if self.rdap else None,
            "placement": self.placement.to_dict() if self.placement else None,
            "codes": list(self.codes),
            "needs_review": list(self.needs_review),
            "missing_facts": list(self.missing_facts),
            "findings": [f.model_dump(mode="json") for f in self.findings],
        }
