"""The table layout for many people (docs/batch-format.md): which tables, which columns, which
type each column holds. :mod:`secondchance.batch.mapping` turns the rows into records.

Every table carries ``person_id``; rows of one person belong together. Tables that describe a
business's associate carry ``associate_id`` too (empty: the person's own record).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """How a cell is read: text as is, a yes/no, a whole number, an amount, a list."""

    text = "text"
    flag = "flag"
    whole = "whole"
    amount = "amount"
    items = "items"  # several values in one cell, separated by ';'


@dataclass(frozen=True)
class Table:
    """One table of the layout: its columns and the kind of each."""

    name: str
    columns: dict[str, Kind]
    required: tuple[str, ...] = ()


T, F, W, A, L = Kind.text, Kind.flag, Kind.whole, Kind.amount, Kind.items

_COUNT_FLAGS = (
    "attempt",
    "conspiracy",
    "felony",
    "financial_misconduct",
    "false_statement",
    "moral_turpitude",
    "fraud_or_dishonesty",
    "against_children",
    "serious",
    "violence",
    "weapon",
    "riot_or_civil_disorder",
)

BUREAU_COLUMNS: dict[str, Kind] = {
    "bureau_stated_on": T,
    "bureau_projected_release_date": T,
    "bureau_release_method": T,
    "bureau_fsa_credits_earned": W,
    "bureau_fsa_credits_applied": W,
    "bureau_fsa_eligible": F,
    "bureau_custody_status": T,
    "bureau_prerelease_date": T,
    "bureau_source": T,
}
"""What the Bureau of Prisons itself states (the record format's ``bureau:`` block): shown
beside our computation and compared by the discrepancy campaign, never used in its place."""

RDAP_COLUMNS: dict[str, Kind] = {
    "rdap_status": T,
    "rdap_completed_on": T,
    "rdap_bureau_provisionally_eligible": F,
    "rdap_ice_detainee": F,
    "rdap_contractual_boarder": F,
    "rdap_prior_disqualifying_conviction": F,
    "rdap_current_violent_or_weapon_offense": F,
    "rdap_attempt_or_conspiracy_of_excluded_offense": F,
    "rdap_previous_rdap_early_release": F,
}
"""The record format's ``rdap:`` block (format 1.1), as people columns: each ``rdap_X`` column
is the block's field ``X``."""

PEOPLE = Table(
    "people",
    {
        "person_id": T,
        "name": T,
        "date_of_birth": T,
        "bop_register_number": T,
        "application_date": T,
        "unknown": L,
        "fsa_ged_status": T,
        "fsa_final_order_of_removal": T,
        "fsa_gct_disallowed_days": W,
        "fsa_gct_forfeited_days": W,
        "fsa_time_credits_lost_days": W,
        "fsa_time_credits_restored_days": W,
        **RDAP_COLUMNS,
        **BUREAU_COLUMNS,
    },
    ("person_id",),
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        PEOPLE,
        Table(
            "status",
            {"person_id": T, "associate_id": T, "status": T, "start": T, "end": T},
            ("person_id", "status"),
        ),
        Table(
            "convictions",
            {
                "person_id": T,
                "associate_id": T,
                "conviction_id": T,
                "jurisdiction": T,
                "state": T,
                "court": T,
                "case_number": T,
                "offense_date": T,
                "conviction_date": T,
                "sentencing_date": T,
                "imposed_on": T,
                "imprisonment": T,
                "probation": T,
                "supervised_release": T,
                "parole_eligible": F,
                "fine": A,
                "fine_owed": A,
                "restitution": A,
                "restitution_owed": A,
                "relation": T,
                "relative_to": T,
                # format 1.1: the conviction and its sentence
                "awaiting_sentencing": F,
                "imprisonment_length_unknown": F,
                "prior_custody_credit_days": W,
                "completed": F,
                "treaty_transfer": F,
                "treaty_country": T,
                "treaty_foreign_court": T,
                "treaty_transferred_on": T,
            },
            ("person_id", "conviction_id", "jurisdiction"),
        ),
        Table(
            "counts",
            {
                "person_id": T,
                "associate_id": T,
                "conviction_id": T,
                "charge_id": T,
                "statute": T,
                "description": T,
                "substance": T,
                "object_offense": T,
                **dict.fromkeys(_COUNT_FLAGS, F),
                "court_findings": L,
                "offense_date": T,
                "imprisonment": T,
                "consecutive": F,
            },
            ("person_id", "statute"),
        ),
        Table(
            "commutations",
            {
                "person_id": T,
                "associate_id": T,
                "conviction_id": T,
                "granted_on": T,
                "new_imprisonment": T,
                "new_release_date": T,
                "home_confinement_remainder": F,
                "supervised_release_kept": F,
                "fine_restitution_kept": F,
                "terms": T,
            },
            ("person_id", "conviction_id", "granted_on"),
        ),
        Table(
            "revocations",
            {
                "person_id": T,
                "associate_id": T,
                "conviction_id": T,
                "revoked_on": T,
                "imprisonment": T,
                "supervised_release": T,
            },
            ("person_id", "conviction_id"),
        ),
        Table(
            "court_challenges",
            {
                "person_id": T,
                "associate_id": T,
                "kind": T,
                "conviction_id": T,
                "filed_on": T,
                "resolved_on": T,
            },
            ("person_id", "kind"),
        ),
        Table(
            "custody",
            {
                "person_id": T,
                "associate_id": T,
                "kind": T,
                "start": T,
                "end": T,
                "conviction_id": T,
                "credited_to_other_sentence": F,
                "facility": T,
            },
            ("person_id", "kind"),
        ),
        Table(
            "supervision",
            {
                "person_id": T,
                "associate_id": T,
                "kind": T,
                "start": T,
                "end": T,
                "conviction_id": T,
                "ended_early": F,
            },
            ("person_id", "kind"),
        ),
        Table(
            "pending_charges",
            {
                "person_id": T,
                "associate_id": T,
                "charge_id": T,
                "instrument": T,
                "jurisdiction": T,
                "state": T,
                "court": T,
                "filed_on": T,
                "resolved_on": T,
            },
            ("person_id", "charge_id", "instrument"),
        ),
        Table(
            "grants",
            {
                "person_id": T,
                "associate_id": T,
                "kind": T,
                "granted_on": T,
                "conviction_ids": L,
                "by": T,
                "proclamation": T,
                "certificate_issued": F,
                "certificate_issued_on": T,
            },
            ("person_id", "kind", "granted_on"),
        ),
        Table(
            "risk_assessments",
            {"person_id": T, "associate_id": T, "assessed_on": T, "level": T},
            ("person_id", "assessed_on", "level"),
        ),
        Table(
            "non_earning_periods",
            {"person_id": T, "associate_id": T, "start": T, "end": T, "reason": T},
            ("person_id",),
        ),
        Table(
            "removal_orders",
            {"person_id": T, "associate_id": T, "kind": T, "issued_on": T},
            ("person_id",),
        ),
        Table(
            "immigration_detainers",
            {"person_id": T, "associate_id": T, "lodged_on": T, "agency": T},
            ("person_id",),
        ),
        Table(
            "businesses",
            {"person_id": T, "name": T, "child_care": F, "no_other_owner_of_20_percent": F},
            ("person_id", "name"),
        ),
        Table(
            "business_people",
            {
                "person_id": T,
                "associate_id": T,
                "name": T,
                "is_subject": F,
                "role": T,
                "ownership_percent": A,
                "start": T,
                "end": T,
                "unknown": L,
            },
            ("person_id", "associate_id", "name", "role"),
        ),
    )
}
"""Every table of the record layout, people first."""

SUFFIXES = (".parquet", ".csv")
