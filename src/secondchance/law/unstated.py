"""Parts of a record the person could not state (the record's ``unknown`` list): never read as
empty.

A record part left empty says there is nothing to report in it; a part listed in ``unknown``
says the person does not know (whether a charge is pending, whether they are on supervision).
Unknown is never false: an answer that would clear the person (``eligible``, ``eligible_from``,
or a clemency or credits program's ``not_applicable``) under a program that can depend on that
part becomes ``insufficient_facts`` naming the part's path, the finding citing the program's own
rule. Entries written in such a part are read as the ones known (there may be more): an answer
they decide against the person stands.

Most parts reach every program through the shared reading of the record (custody, supervision
and the sentence's facts), so they concern every program and the sentence computation; pending
charges concern the SBA and clemency rules, court challenges the clemency rules, and the
Bureau's own figures (``bureau``) never change an answer. A business person's record concerns
the SBA programs alone.

A field named in ``unknown`` by its path (format 1.2: ``convictions[0].sentence.fine_owed``,
``business.people``) is read the same way, as a missing fact the person was asked about: the
programs that read the field (a table of the fields whose readers are known: the business's
people are read only by the SBA programs), else every program that reads its part, give no
clearing answer and name the path. What is still owed of a fine or restitution is read by the
pardon and commutation petitions themselves, as a penalty whose payment is not recorded
(``law/clemency/facts.penalties``), exactly as a missing fact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from secondchance.engine.determination import Determination, Finding, Outcome, Report
from secondchance.engine.overrule import overrule, unsettled_ahead, was
from secondchance.engine.rules import Program
from secondchance.law.unweighed import clears, guarded
from secondchance.record.schema import PersonRecord, Record, RecordPart

EVERY = ("",)
"""Every program (an id prefix every id starts with)."""
NONE: tuple[str, ...] = ()
SBA = ("sba.",)
BLOCK = "sentence."
"""The sentence computation's block (its notes, not a program's answer)."""

FORMAT_CITATION = "secondchance record format 1.1, `unknown` (docs/record-format.md)"
"""Cited where the answer names no rule version of its program."""

_READ_BY: dict[RecordPart, tuple[str, ...]] = {
    **{part: (*EVERY, BLOCK) for part in RecordPart},
    RecordPart.pending_charges: ("sba.", "clemency."),
    RecordPart.court_challenges: ("clemency.",),
    RecordPart.bureau: NONE,
}
"""The programs (by id prefix) that can depend on each part of the top-level record: only the
SBA and clemency rules read pending charges, only the clemency rules court challenges."""

_WORDS: dict[RecordPart, str] = {
    RecordPart.person: "who the person is (citizenship and immigration status)",
    RecordPart.convictions: "whether the person has (other) convictions",
    RecordPart.court_challenges: "whether the person has (other) court challenges",
    RecordPart.custody: "the person's (other) periods of custody",
    RecordPart.supervision: "whether the person is or was on probation, parole or "
    "supervised release",
    RecordPart.pending_charges: "whether any criminal charge is pending against the person",
    RecordPart.clemency: "whether the person received (other) clemency",
    RecordPart.fsa: "the person's First Step Act facts",
    RecordPart.bureau: "the Bureau of Prisons' own figures",
    RecordPart.rdap: "the person's Residential Drug Abuse Program facts",
}


_FIELDS: tuple[tuple[re.Pattern[str], tuple[str, ...], str], ...] = (
    (
        re.compile(r"convictions\[[0-9]+\]\.sentence\.fine_owed"),
        NONE,
        "whether a fine is still owed",
    ),
    (
        re.compile(r"convictions\[[0-9]+\]\.sentence\.restitution_owed"),
        NONE,
        "whether restitution is still owed",
    ),
    (
        re.compile(r"business\.people"),
        SBA,
        "whether the business has other owners, officers, directors, general partners, "
        "managing members or key employees",
    ),
)
"""Fields (by path) whose readers are known, the programs (by id prefix) this guard holds to
them, and what is not known, in words. The amounts still owed are read only by the pardon and
commutation petitions, which read one stated unknown themselves, as a fine or restitution whose
payment is not recorded (``law/clemency/facts.penalties``): the answer is then whatever that
missing fact gives (nothing owed bars a person still in prison from petitioning for
commutation of the prison term), so no guard is added. The business's people are read by the
SBA rules on Associates (13 CFR 120.110(n) and the rules that follow it)."""


@dataclass(frozen=True)
class Unstated:
    """A part or field of a record stated unknown, what it is in words, and the programs (by id
    prefix) it may change."""

    path: str
    words: str
    programs: tuple[str, ...]


def unstated_parts(record: Record) -> list[Unstated]:
    """The parts and fields stated unknown, in the record and its business people's records
    (whose parts and fields concern SBA alone)."""
    found = [_read(entry) for entry in _entries(record)]
    if record.business is not None:
        for i, person in enumerate(record.business.people):
            if person.is_subject:
                continue
            prefix = f"business.people[{i}].record."
            for entry in _entries(person.record):
                own = _read(entry)
                programs = SBA if _sba_reads(own.programs) else NONE
                found.append(Unstated(prefix + own.path, own.words, programs))
    return found


def _read(entry: RecordPart | str) -> Unstated:
    """A part or field path of a person's record, its words and the programs that read it."""
    if isinstance(entry, RecordPart):
        return Unstated(entry.value, _WORDS[entry], _READ_BY[entry])
    for pattern, programs, words in _FIELDS:
        if pattern.fullmatch(entry):
            return Unstated(entry, words, programs)
    top = entry.split(".")[0].split("[")[0]
    part = RecordPart._value2member_map_.get(top)
    if isinstance(part, RecordPart):
        return Unstated(entry, "the value of the field", _READ_BY[part])
    return Unstated(entry, "the value of the field", SBA)  # business, application_date: the SBA's


def _sba_reads(programs: tuple[str, ...]) -> bool:
    return any("sba.".startswith(prefix) or prefix.startswith("sba.") for prefix in programs)


def _entries(record: PersonRecord) -> list[RecordPart | str]:
    return list(dict.fromkeys(record.unknown))


def _citation(det: Determination, programs: Sequence[Program]) -> tuple[str, str, str | None]:
    """(citation, rule version, url) of the rule version that answered ``det``."""
    versions = {v.id: v for p in programs if p.id == det.program for v in p.versions}
    for finding in det.findings:
        version = versions.get(finding.rule_version)
        if version is not None:
            return version.citation, version.id, version.url
    return FORMAT_CITATION, f"{det.program}@record-format", None


def guard(
    det: Determination, parts: list[Unstated], programs: Sequence[Program] = ()
) -> Determination:
    """``det`` itself, or ``insufficient_facts`` when it would clear the person while the record
    states that a part the program can depend on is not known."""
    relevant = [u for u in parts if det.program.startswith(u.programs)]
    if not relevant:
        return det
    if not clears(det):
        return _also_missing(unsettled_ahead(det, Outcome.insufficient_facts), relevant)
    citation, rule_version, url = _citation(det, programs)
    named = "; ".join(f"{u.words} ({u.path})" for u in relevant)
    before = was(det)
    finding = Finding(
        finding=f"The record states that it does not know {named}. An answer that clears the "
        "person needs that part known; read as empty, the answer would be: "
        f"{before}.",
        facts={u.path: "unknown" for u in relevant},
        citation=citation,
        rule_version=rule_version,
        url=url,
    )
    paths = ", ".join(u.path for u in relevant)
    return overrule(
        det,
        Outcome.insufficient_facts,
        f"The record states that {paths} is not known; without it the answer would be: {before}. "
        f"{det.reason or ''}".strip(),
        findings=[finding, *det.findings],
        missing_facts=[u.path for u in relevant],
        note=f"not known: {paths}",
    )


def _also_missing(det: Determination, relevant: list[Unstated]) -> Determination:
    """``det``, already ``insufficient_facts`` for facts of its own, with the parts and fields
    stated unknown that its program can depend on named among its missing facts too (after its
    own), so that every fact still needed is named at once; any other answer unchanged."""
    if det.outcome is not Outcome.insufficient_facts:
        return det
    missing = list(dict.fromkeys([*det.missing_facts, *(u.path for u in relevant)]))
    if missing == det.missing_facts:
        return det
    return det.model_copy(update={"missing_facts": missing})


def _noted(block: dict[str, Any] | None, parts: list[Unstated]) -> dict[str, Any] | None:
    """The sentence block with a review note for each part of the person's own record stated
    unknown that its computation reads."""
    relevant = [u for u in parts if BLOCK in u.programs and not u.path.startswith("business.")]
    if block is None or not relevant or not isinstance(block.get("needs_review"), list):
        return block
    notes = [
        f"The record states that it does not know {u.words} ({u.path}); this "
        "computation reads it as "
        + ("empty." if "." not in u.path and "[" not in u.path else "not recorded.")
        for u in relevant
    ]
    return {**block, "needs_review": [*block["needs_review"], *notes]}


def review(report: Report, record: Record, programs: Sequence[Program] = ()) -> Report:
    """``report`` with every answer guarded against the parts the record states unknown
    (``programs``: those that answered, for their rules' citations)."""
    parts = unstated_parts(record)
    if not parts:
        return report
    return guarded(
        report, lambda det: guard(det, parts, programs), lambda block: _noted(block, parts)
    )
