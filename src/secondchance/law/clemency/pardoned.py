"""Which convictions are already pardoned: by an individual grant recorded in ``record.clemency``,
or count by count, by a categorical proclamation on its own terms or by a recorded grant naming a
proclamation (a certificate) where that proclamation can cover the count. A conviction counts as
pardoned only when every count is. Someone already pardoned of a conviction needs no petition
for it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TypeVar

from secondchance.law.clemency.article125 import article125
from secondchance.law.clemency.categorical import Categorical
from secondchance.law.clemency.certificates import (
    certifying_grant,
    grant_reaches_any,
    january6_open_counts,
    january6_unsure,
    predates,
    recognised,
    refuted_grant,
)
from secondchance.law.clemency.facts import (
    grant_covers,
    grant_name,
    label,
    per_conviction,
    per_conviction_found,
    recorded_pardon,
)
from secondchance.law.clemency.january6 import january6
from secondchance.law.clemency.marijuana_count import answer_count
from secondchance.law.declarative import Answer, Test, Verdict
from secondchance.record.schema import (
    ClemencyGrant,
    ClemencyKind,
    Conviction,
    Count,
    PersonRecord,
)
from secondchance.record.timeline import timeline

F = TypeVar("F")


def count_pardoned_by(
    record: PersonRecord, index: int, conviction: Conviction, j: int, count: Count, day: date
) -> str | None:
    """What pardons this count on ``day``, named; None if nothing does."""
    answer = answer_count(record, index, conviction, j, count, day)
    if answer.covered_by is not None:
        return f"{answer.covered_by.id} ({answer.covered_by.signed.isoformat()})"
    grant = certifying_grant(record, index, conviction, j, count, day)
    return grant_name(grant) if grant is not None else None


def _named_proclamation_grant(
    record: PersonRecord, conviction: Conviction, day: date
) -> str | None:
    """For a conviction with no counts recorded: a grant naming a proclamation that names this
    conviction by id (one naming no conviction does not say it reaches this one)."""
    for grant in sorted(record.clemency, key=lambda g: g.granted_on):
        if grant.kind is not ClemencyKind.pardon or not grant.proclamation:
            continue
        if not recognised(grant, day):
            continue  # which offenses its terms reach is not known: for review
        if grant.granted_on <= day and grant.conviction_ids and grant_covers(grant, conviction):
            return grant_name(grant)
    return None


def pardoned_counts(
    record: PersonRecord, index: int, conviction: Conviction, day: date
) -> list[tuple[int, str | None]]:
    """Each count's index and what pardons it (None: not pardoned); read once per record,
    conviction and day (several programs ask)."""
    return list(
        per_conviction(
            record,
            index,
            conviction,
            ("pardoned_counts", day),
            lambda: tuple(_pardoned_counts(record, index, conviction, day)),
        )
    )


def _pardoned_counts(
    record: PersonRecord, index: int, conviction: Conviction, day: date
) -> list[tuple[int, str | None]]:
    return [
        (j, count_pardoned_by(record, index, conviction, j, count, day))
        for j, count in enumerate(conviction.counts)
    ]


def pardoned_by(record: PersonRecord, index: int, conviction: Conviction, day: date) -> str | None:
    """What pardons the whole conviction on ``day``, named; None if it is not wholly pardoned
    (read once per record, conviction and day: several programs ask)."""
    return per_conviction(
        record,
        index,
        conviction,
        ("pardoned_by", day),
        lambda: _pardoned_by(record, index, conviction, day),
    )


def _pardoned_by(record: PersonRecord, index: int, conviction: Conviction, day: date) -> str | None:
    grant = recorded_pardon(record, conviction, day)
    if grant is not None:
        return grant_name(grant)
    if not conviction.counts:
        return _named_proclamation_grant(record, conviction, day)
    names = [name for _, name in pardoned_counts(record, index, conviction, day)]
    if any(name is None for name in names):
        return None
    return "; ".join(sorted({name for name in names if name is not None}))


def pardoned_on(
    record: PersonRecord, convictions: Iterable[tuple[int, Conviction]], day: date
) -> date | None:
    """Where recorded individual grants pardon every one of ``convictions`` by ``day``: the day
    the last of them was granted. None where any was pardoned otherwise (by proclamation) or not
    at all."""
    days = []
    for _, conviction in convictions:
        grant = recorded_pardon(record, conviction, day)
        if grant is None:
            return None
        days.append(grant.granted_on)
    return max(days, default=None)


def other_categorical(
    record: PersonRecord, conviction: Conviction, day: date
) -> Categorical | None:
    """The other categorical pardon (its id, why, its text's address) that may cover the
    conviction (none for a foreign conviction transferred under a treaty)."""
    if conviction.treaty_transfer is not None:
        return None
    return per_conviction_found(
        record,
        conviction,
        ("other_categorical", day),
        lambda: article125(conviction, day) or january6(record, conviction, day),
    )


def doubtful_pardons(
    record: PersonRecord, convictions: list[tuple[int, Conviction]], day: date
) -> list[tuple[str, list[str]]]:
    """Recorded pardons granted by ``day`` whose reach over one of ``convictions`` the record
    leaves open, each said with the paths that would decide it (for review, never read as
    pardoning it): one naming no conviction, where the conviction's date is not recorded but
    its sentencing or custody comes after the grant; one naming a proclamation not encoded here
    and no conviction; one naming the conviction under a proclamation the engine cannot
    identify (which counts its terms reach is not known), for the counts nothing else pardons;
    one naming Proclamation 10887 and no conviction where several convictions may be the one it
    pardons, or, of the one, a count not shown related to the events (dated otherwise, or
    undated beside other counts);
    one dated before the proclamation it names was signed; one naming the conviction under a
    marijuana proclamation whose date its count's offense and conviction come after (a
    contradiction: the proclamation pardons only offenses on or before its date)."""
    found: list[tuple[str, list[str]]] = []
    for i, conviction in convictions:
        name = label(i, conviction)
        for k, grant, paths in timeline(record).unsure(conviction, day):
            found.append(
                (
                    f"clemency[{k}] ({grant_name(grant)}) names no conviction, and {name} has no "
                    "conviction date but is sentenced or in custody after the grant: whether it "
                    "was entered (or its offense committed) before the grant, and so whether the "
                    "pardon reaches it, is not recorded",
                    paths,
                )
            )
        for k, grant in enumerate(record.clemency):
            if grant.kind is not ClemencyKind.pardon or not grant.proclamation:
                continue
            if grant.granted_on > day or not grant_covers(grant, conviction):
                continue
            signed = predates(grant, day)
            if signed is not None:
                found.append(
                    (
                        f"clemency[{k}] ({grant_name(grant)}) is dated before the proclamation it "
                        f"names was signed ({signed.isoformat()}): the record contradicts itself, "
                        f"and the grant is not read as pardoning {name}",
                        [f"clemency[{k}].granted_on"],
                    )
                )
            elif not grant.conviction_ids and not recognised(grant, day):
                found.append(
                    (
                        f"clemency[{k}] ({grant_name(grant)}) names a proclamation not encoded "
                        f"here and no conviction: it does not say whether it pardons {name}",
                        [f"clemency[{k}].conviction_ids"],
                    )
                )
            elif january6_unsure(grant, record, conviction, day):
                found.append(
                    (
                        f"clemency[{k}] ({grant_name(grant)}) names the January 20, 2025 "
                        f"proclamation and no conviction, and {name} is one of several it may "
                        "reach (offenses related to the events of January 6, 2021): which of "
                        "them it pardons is not recorded",
                        [f"clemency[{k}].conviction_ids"],
                    )
                )
            elif recognised(grant, day):
                found += _late(record, i, conviction, k, grant, day)
                found += _january6_open(record, i, conviction, k, grant, day)
            else:
                open_counts = _open_counts(record, i, conviction, day)
                if conviction.counts and not open_counts:
                    continue
                which = ", ".join(f"{name}.counts[{j}]" for j in open_counts) or name
                found.append(
                    (
                        f"clemency[{k}] ({grant_name(grant)}) names {name} under a proclamation "
                        f"the engine cannot identify ({grant.proclamation!r}): a categorical "
                        "pardon reaches only the offenses its terms describe, and which of the "
                        f"conviction's offenses those are is not known ({which})",
                        [f"clemency[{k}].proclamation"],
                    )
                )
    return found


def _late(
    record: PersonRecord,
    index: int,
    conviction: Conviction,
    k: int,
    grant: ClemencyGrant,
    day: date,
) -> list[tuple[str, list[str]]]:
    """The counts of the conviction that ``clemency[k]`` names under a marijuana proclamation
    whose own conditions rule them out (:func:`refuted_grant`: an offense after its date, a
    person it does not reach), nothing else pardoning them: the record contradicts itself."""
    found = []
    for j, count in enumerate(conviction.counts):
        refuted = refuted_grant(grant, record, index, conviction, j, count, day)
        if refuted is None or count_pardoned_by(record, index, conviction, j, count, day):
            continue
        why, path = refuted
        found.append(
            (
                f"clemency[{k}] ({grant_name(grant)}) names {label(index, conviction)} under a "
                f"proclamation that does not reach convictions[{index}].counts[{j}]: {why}. The "
                "record contradicts itself, and the grant is not read as pardoning the count",
                [f"clemency[{k}].proclamation", path],
            )
        )
    return found


def _january6_open(
    record: PersonRecord,
    index: int,
    conviction: Conviction,
    k: int,
    grant: ClemencyGrant,
    day: date,
) -> list[tuple[str, list[str]]]:
    """The counts of the conviction that ``clemency[k]``, naming Proclamation 10887 and no
    conviction, is not read as pardoning (:func:`certificates.january6_open_counts`), nothing
    else pardoning them: whether each is "related to events that occurred at or near the United
    States Capitol on January 6, 2021" (section (b)) is not recorded."""
    found = []
    for j, undated in january6_open_counts(grant, record, conviction, day):
        if count_pardoned_by(record, index, conviction, j, conviction.counts[j], day):
            continue
        where = f"convictions[{index}].counts[{j}]"
        why = "has no offense date" if undated else "is dated on another day"
        paths = [f"{where}.offense_date"] if undated else []
        found.append(
            (
                f"clemency[{k}] ({grant_name(grant)}) names the January 20, 2025 proclamation and "
                f"no conviction; {where} {why}, and whether it is related to the events at or "
                "near the United States Capitol on January 6, 2021 is not recorded: the grant is "
                "not read as pardoning it",
                [*paths, f"clemency[{k}].conviction_ids"],
            )
        )
    return found


def late_grants(record: PersonRecord, day: date) -> list[tuple[str, list[str]]]:
    """Every contradiction :func:`_late` finds, over the record's convictions and grants."""
    found = []
    for k, grant in enumerate(record.clemency):
        if grant.kind is not ClemencyKind.pardon or not grant.proclamation:
            continue
        if grant.granted_on > day or predates(grant, day) is not None:
            continue
        for i, conviction in enumerate(record.convictions):
            if grant_covers(grant, conviction):
                found += _late(record, i, conviction, k, grant, day)
    return found


def unapplied_grants(record: PersonRecord, day: date) -> list[str]:
    """Recorded pardons granted by ``day`` naming a proclamation encoded here (and dated after
    its signing) that reach no count of the record: said, since the record shows a grant the
    answers do not read as pardoning anything (a proclamation pardons only the offenses its
    terms describe)."""
    said = []
    for k, grant in enumerate(record.clemency):
        if grant.kind is not ClemencyKind.pardon or not grant.proclamation:
            continue
        if grant.granted_on > day or not recognised(grant, day) or predates(grant, day):
            continue
        if any(
            january6_unsure(grant, record, c, day) or january6_open_counts(grant, record, c, day)
            for c in record.convictions
        ):
            continue  # which conviction or count it pardons is not recorded (``doubtful_pardons``)
        if not grant_reaches_any(grant, record, day):
            said.append(
                f"The recorded grant clemency[{k}] ({grant_name(grant)}) names a proclamation "
                "whose terms reach no "
                "recorded conviction (its offense, date or kind is not one the proclamation "
                "describes): it is not read as pardoning any of them"
            )
    return said


def _open_counts(record: PersonRecord, index: int, conviction: Conviction, day: date) -> list[int]:
    """The counts of the conviction nothing pardons on ``day``."""
    return [j for j, by in pardoned_counts(record, index, conviction, day) if by is None]


def grant_doubt_tests(
    contradicted: Callable[[F], list[str]],
    doubtful: Callable[[F], list[tuple[str, list[str]]]],
    decides: str,
) -> tuple[Test[F], Test[F]]:
    """The two tests both petitions make of the recorded pardons, in order: one naming a
    conviction recorded after it (``contradicted_pardons``), and one whose reach the record
    leaves open (:func:`doubtful_pardons`); ``decides`` says what the answer turns on."""
    return (
        Test(
            "a pardon names a conviction recorded after it",
            Verdict.review,
            holds=lambda f: bool(contradicted(f)),
            answer=lambda f: Answer(
                "The record contradicts itself: a pardon names a conviction recorded after the "
                "grant, and a pardon reaches only offenses committed before it; which is right "
                f"decides {decides} — a matter for review."
            ),
        ),
        Test(
            "whether a recorded pardon reaches a conviction is not recorded",
            Verdict.review,
            holds=lambda f: bool(doubtful(f)),
            answer=lambda f: Answer(
                "A recorded pardon may reach a conviction not read as pardoned, and the record "
                f"does not say whether it does; which is right decides {decides} — a matter "
                "for review.",
                missing=sorted({p for _, paths in doubtful(f) for p in paths}),
            ),
        ),
    )
