"""Charges pending on a day, which the marijuana proclamations reach: they pardon the offense
"regardless of whether they have been charged with or prosecuted for" it."""

from __future__ import annotations

from datetime import date

from secondchance.record.schema import Conviction, PendingCharge, PersonRecord


def open_charges(record: PersonRecord, day: date) -> list[tuple[int, PendingCharge]]:
    """The charges pending on ``day``: filed by then (or filing date not recorded) and not yet
    resolved. A charge resolved by conviction is answered as the conviction."""
    return [
        (k, charge)
        for k, charge in enumerate(record.pending_charges)
        if (charge.filed_on is None or charge.filed_on <= day)
        and (charge.resolved_on is None or charge.resolved_on > day)
    ]


def charge_as_conviction(charge: PendingCharge) -> Conviction:
    """A pending charge in the shape :func:`answer_count` reads: its jurisdiction and counts,
    and no conviction date (only the offense date can place it before a proclamation)."""
    return Conviction.model_construct(
        jurisdiction=charge.jurisdiction,
        state=charge.state,
        court=charge.court,
        counts=list(charge.counts),
    )
