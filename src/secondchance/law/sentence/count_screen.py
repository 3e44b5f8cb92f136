"""The counts of the aggregate term screened against 18 U.S.C. 3632(d)(4)(D), for
``fsa.time_credits``: each count listed, possibly reached (a fact missing) or unreadable, with
the findings that say so."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from secondchance.engine.determination import Finding
from secondchance.law.sentence import exclusions
from secondchance.law.sentence.aggregate import Served
from secondchance.record.schema import Count


@dataclass
class CountScreen:
    """What the screen of every count found: the findings in order, the fields missing, the
    counts listed and those undecided, and the counts the reader could not read."""

    findings: list[Finding] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    listed: list[str] = field(default_factory=list)
    undecided: list[str] = field(default_factory=list)
    unread: list[exclusions.UnreadCount] = field(default_factory=list)
    not_recorded: list[str] = field(default_factory=list)
    """Facts of a count the record does not give (the object offense of a 371 or 2 count)."""


def screen_counts(current: list[Served], version_id: str) -> CountScreen:
    """Every count of every sentence of the aggregate term, screened in order."""
    screen = CountScreen()
    for s in current:
        if not s.conviction.counts:
            screen.missing.append(f"convictions[{s.index}].counts")
        for j, count in enumerate(s.conviction.counts):
            _screen_one(count, f"convictions[{s.index}].counts[{j}]", version_id, screen)
    if len(current) > 1:
        screen.findings.append(_aggregate_finding(version_id))
    return screen


@cache
def _aggregate_finding(version_id: str) -> Finding:
    """Built once per version: a finding with no facts is never changed in place."""
    return Finding(
        finding="Several terms are one aggregate term: a disqualifying conviction in any "
        "of them bars time credits for the whole term.",
        citation=exclusions.AGGREGATE_CITATION,
        rule_version=version_id,
        url=exclusions.AGGREGATE_URL,
    )


def _used(count: Count, path: str, inchoate: bool) -> dict[str, object]:
    """The fields of a count the screen reads (its object offense, for an attempt or
    conspiracy, or where one is given)."""
    used: dict[str, object] = {
        f"{path}.statute": count.statute,
        f"{path}.court_findings": list(count.court_findings),
    }
    if inchoate or count.object_offense is not None:
        used[f"{path}.object_offense"] = count.object_offense
    return used


def _screen_one(count: Count, path: str, version_id: str, screen: CountScreen) -> None:
    inchoate = exclusions.is_inchoate(count)
    used = _used(count, path, inchoate)
    unread = exclusions.unreadable(count, path)
    for item in unread:
        screen.findings.append(unread_finding(item, used, version_id))
        screen.missing.append(item.field)
    if unread and all(item.not_recorded for item in unread):
        screen.not_recorded.extend(item.field for item in unread)
        return
    if unread:
        screen.undecided.append(path)
        screen.unread.extend(unread)
        return
    # only an attempt or conspiracy has a note on its object offense (read once, above)
    note = exclusions.object_offense_note(count) if inchoate else None
    if note is not None:
        screen.findings.append(
            Finding(
                finding=note,
                facts=used,
                citation=exclusions.CITATION,
                rule_version=version_id,
                url=exclusions.URL,
            )
        )
    for hit in exclusions.screen_count(count, path):
        screen.findings.append(_hit_finding(count, hit, used, version_id))
        if hit.match is exclusions.Match.listed:
            screen.listed.append(path)
        else:
            screen.undecided.append(path)
            screen.missing.extend(hit.missing)


@cache
def _relating(number: int) -> str:
    """What clause ``number`` relates to, in the statute's words ("" if its text is unknown)."""
    text = exclusions.clause_texts().get(number, "")
    return text.split(", relating to ")[-1].rstrip(".") if text else ""


def _hit_finding(
    count: Count, hit: exclusions.ClauseHit, used: dict[str, object], version_id: str
) -> Finding:
    """A clause that reaches the count, or may reach it."""
    relating = _relating(hit.clause.number)
    return Finding(
        finding=(
            f"{count.statute} is reached by {hit.clause.label} ({relating}): {hit.reason}."
            if hit.match is exclusions.Match.listed
            else f"{count.statute} may be reached by {hit.clause.label} ({relating}): {hit.reason}."
        ),
        facts=used,
        citation=f"18 U.S.C. {hit.clause.label}",
        rule_version=version_id,
        url=exclusions.URL,
    )


def unread_finding(
    item: exclusions.UnreadCount, used: dict[str, object], version_id: str
) -> Finding:
    """A count the reader could not read, or whose object offense is not recorded: unknown,
    never "not listed" (quoting the text)."""
    if item.not_recorded:
        return Finding(
            finding=f"{item.text!r} {item.reason} ({item.field}): whether a clause of "
            f"{exclusions.CITATION} lists it is unknown, so it is not taken as unlisted; record "
            "the offense aimed at, e.g. '18 U.S.C. 2119'.",
            facts=used,
            citation=exclusions.CITATION,
            rule_version=version_id,
            url=exclusions.URL,
        )
    quoted = f" {item.text!r}" if item.text.strip() else ""
    return Finding(
        finding=f"{item.field}{quoted} {item.reason}: whether a clause of "
        f"{exclusions.CITATION} lists it is unknown, so it is not taken as unlisted; write the "
        "citation as the judgment does, e.g. '18 U.S.C. 924(c)(1)(A)'.",
        facts=used,
        citation=exclusions.CITATION,
        rule_version=version_id,
        url=exclusions.URL,
    )


def unread_reason(unread: list[exclusions.UnreadCount]) -> str:
    """The reason of an answer left open by an unreadable count."""
    first = unread[0]
    more = f" (and {len(unread) - 1} more)" if len(unread) > 1 else ""
    if not first.text.strip():
        return (
            f"The statute of a count is not recorded ({first.field}){more}: whether 18 U.S.C. "
            "3632(d)(4)(D) lists it is unknown."
        )
    return (
        f"The statute of a count could not be read ({first.field}: {first.text[:80]!r}){more}: "
        "whether 18 U.S.C. 3632(d)(4)(D) lists it is unknown."
    )
