"""Imprisonment after the first release, and a sentence stated completed (record format 1.1).

A term imposed on revoking supervised release or probation (18 U.S.C. 3583(e)(3), 3565) is
further confinement on the same conviction: the pardon petition's wait runs from release from
the last confinement (28 CFR 1.2), and a commutation may be sought while it is served. A
revocation whose term is not recorded may have imposed one: the release from it is unknown
until the term is given (a term recorded as zero is no confinement). A sentence the record
states completed on a date not recorded is not being served, and its release cannot be dated.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from secondchance.record.schema import (
    Conviction,
    PersonRecord,
    Revocation,
    SupervisionKind,
    SupervisionPeriod,
)
from secondchance.record.unrecorded import periods_for, term_end

if TYPE_CHECKING:
    from secondchance.law.clemency.facts import Confinement


def revocation_terms(conviction: Conviction, day: date) -> list[tuple[int, Revocation]]:
    """Revocations that imposed, or may have imposed, a prison term (its ``imprisonment`` not
    recorded), revoked on or before ``day`` or on a date not recorded, with their index in
    ``sentence.revocations``. Only a term recorded as zero is read as no confinement."""
    if conviction.sentence is None:
        return []
    return [
        (k, r)
        for k, r in enumerate(conviction.sentence.revocations)
        if (r.imprisonment is None or not r.imprisonment.is_zero)
        and (r.revoked_on is None or r.revoked_on <= day)
    ]


def after_revocations(
    record: PersonRecord, index: int, conviction: Conviction, day: date, conf: Confinement
) -> Confinement:
    """``conf`` once the revocation terms are read: its release stands only when it is on or
    after the latest revocation (the custody recorded for the revocation term); otherwise the
    release from the revocation term is not recorded and is named as missing."""
    revoked = revocation_terms(conviction, day)
    if not revoked:
        return conf
    path = f"convictions[{index}].sentence.revocations"
    undated = [f"{path}[{k}].revoked_on" for k, r in revoked if r.revoked_on is None]
    unsized = [f"{path}[{k}].imprisonment" for k, r in revoked if r.imprisonment is None]
    if unsized and conf.prison and conf.confined_on_day:
        return conf  # in custody on the day: being served, whatever the term (no release read)
    if undated:
        return _unknown(conf, undated + unsized, "the date of a revocation is not recorded")
    k, last = max(revoked, key=lambda kr: kr[1].revoked_on or date.min)
    assert last.revoked_on is not None
    on = last.revoked_on.isoformat()
    if unsized:
        # Never a release counted past a term that may have been imposed: the term decides
        # whether custody recorded after the revocation is its whole service.
        wanted = [*unsized]
        if conf.release is None or conf.release <= last.revoked_on:
            wanted.append(
                f"custody[] (custody for any term imposed on the revocation of {on}, "
                f"{path}[{k}], and its end)"
            )
        return _unknown(
            conf, wanted, f"the prison term imposed on a revocation ({path}) is not recorded"
        )
    if conf.release is not None and conf.release >= last.revoked_on:
        return replace(
            conf,
            source=f"{conf.source}; after the revocation of {on} ({path}[{k}], "
            f"{last.imprisonment})",
        )
    if conf.release is None and conf.prison and (conf.confined_on_day or conf.missing):
        return conf  # custody after the revocation is open, or its end is already missing
    wanted = [
        f"custody[] (custody for the revocation term of {last.imprisonment} imposed {on}, "
        f"{path}[{k}], and its end)"
    ]
    return _unknown(conf, wanted, f"no custody is recorded for the revocation term of {on}")


def ended_short(
    record: PersonRecord, index: int, conviction: Conviction, day: date
) -> tuple[list[str], str] | None:
    """A supervised release or probation period of the conviction that ended before ``day`` and
    before the term the sentence imposed could run out (its last day: the start plus the term,
    less a day; imprisonment during it only extends it, 18 U.S.C. 3624(e), 3564(b)), with
    neither an early termination (``ended_early``) nor any revocation recorded. A term ends
    early only by early termination (3583(e)(1), 3564(c)), revocation (3583(e)(3), 3565) or a
    commutation that does not keep it; a revocation may impose further imprisonment, from which
    the pardon petition's wait would run (28 CFR 1.2), so the release recorded may not be the
    last. An early termination recorded sooner than the law allows is read, for every program,
    by :mod:`secondchance.law.early_termination`. Returns the deciding facts and why, or
    None."""
    sentence = conviction.sentence
    if sentence is None or sentence.revocations:
        return None
    terms = {
        SupervisionKind.supervised_release: sentence.supervised_release,
        SupervisionKind.probation: sentence.probation,
    }
    if any(c.supervised_release_kept is False for c in sentence.commutations):
        terms[SupervisionKind.supervised_release] = None
    path = f"convictions[{index}].sentence"
    for k in periods_for(record.supervision, record, conviction):
        period: SupervisionPeriod = record.supervision[k]
        term = terms.get(period.kind)
        if (
            term is None
            or term.is_zero
            or period.ended_early
            or period.start is None
            or period.end is None
            or period.end >= day
        ):
            continue
        runs_out = term_end(period.start, term)
        if runs_out is None or period.end + timedelta(days=1) >= runs_out:
            continue
        kind = period.kind.value.replace("_", " ")
        last = (runs_out - timedelta(days=1)).isoformat()
        why = (
            f"supervision[{k}] ({kind} from {period.start.isoformat()}) ends "
            f"{period.end.isoformat()}, before the {term} imposed could run out (not before "
            f"{last}), and neither an early termination (supervision[{k}].ended_early) nor a "
            f"revocation ({path}.revocations) is recorded: a revocation may have imposed further "
            "imprisonment (18 U.S.C. 3583(e)(3), 3565), from which the wait would run"
        )
        return [f"supervision[{k}].ended_early", f"{path}.revocations"], why
    return None


def unexplained(conf: Confinement, missing: list[str], why: str) -> Confinement:
    """``conf`` once supervision ended short of its term with nothing recorded to explain it
    (:func:`ended_short`): the release recorded may not be the last, so it is not known."""
    return _unknown(conf, missing, why)


def _unknown(conf: Confinement, missing: list[str], why: str) -> Confinement:
    """The release from the last confinement is not recorded: whether the person is still
    confined, and when released, is unknown."""
    return replace(
        conf,
        prison=True,
        release=None,
        source=why,
        confined_on_day=False,
        missing=[*conf.missing, *missing],
        revocation=missing,
    )


def completed(conf: Confinement) -> Confinement:
    """A sentence stated completed (``sentence.completed``): not in confinement, not to begin;
    the release is the recorded one, or is missing."""
    return replace(conf, confined_on_day=False, not_begun=None, unsure=[], completed=True)
