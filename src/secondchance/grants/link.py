"""Link the person a record is about to the official register of grants.

A listed grant that the record's ``clemency`` list already reflects is confirmed with its source
only where something besides the name ties it to the record's person: the same BOP register
number, or (the same written name) a record court in the district the register gives (in its
state, where one of them gives only the state: a district of another state, or another district
of the same state, is another court; "Washington, D.C." alone, the federal court or D.C.'s
Superior Court, confirms neither). The same name alone (many people share a name: the
register itself lists two ROBERT ANDERSONs) only says that a grant to someone of this name is
listed. A grant in force on the day asked about that the record does not reflect, or a match
that is only close (a spelling, a missing middle name), is never assumed: it asks for
confirmation (``needs_review`` with the candidate) so that an unrecorded grant cannot silently
change an answer."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from rapidfuzz.distance import OSA

from secondchance.engine.determination import Finding
from secondchance.grants.courts import court_confirms, listed_courts, read_court, same_court
from secondchance.grants.model import Grant
from secondchance.grants.register import shipped_register
from secondchance.grants.search import Match, parsed, search
from secondchance.law.clemency.register import RegisterLink
from secondchance.record.schema import ClemencyGrant, PersonRecord

CITATION = "U.S. Const. art. II, sec. 2, cl. 1 (grant as listed by the White House)"


@lru_cache(maxsize=4096)
def _matches(name: str, regno: str) -> tuple[Match, ...]:
    register = shipped_register()
    parts = parsed(name)
    # A name is compared only with its given name and surname: one word alone names no one.
    found = list(search(register.index, name)) if parts.given and parts.surname else []
    if regno:
        known = {id(m.grant) for m in found}
        found += [
            Match(g, 100.0, False, "same BOP register number")
            for g in register.grants
            if g.bop_register_number == regno and id(g) not in known
        ]
    return tuple(found)


def _day(value: object) -> date | None:
    exact = getattr(value, "exact", value)
    return exact if isinstance(exact, date) else None


def _recorded(record: PersonRecord, grant: Grant) -> bool:
    return any(
        c.kind.value == grant.type.value and _day(c.granted_on) == grant.date
        for c in record.clemency
        if isinstance(c, ClemencyGrant)
    )


def _describe(m: Match) -> str:
    g = m.grant
    regno = f", register number {g.bop_register_number}" if g.bop_register_number else ""
    return f"{g.type.value} of {g.name}{regno}, granted {g.date.isoformat()} by {g.president}"


def _same_person(m: Match, regno: str) -> bool | None:
    """True/False where register numbers decide it; None where only the name speaks."""
    if regno and m.grant.bop_register_number:
        return regno == m.grant.bop_register_number
    return None


def _one_slip(regno: str, listed: str) -> bool:
    """Register numbers one slip apart (one digit changed, or two neighbouring digits
    swapped): with the same or a close name, a typo is as likely as another person."""
    return bool(regno and listed) and OSA.distance(regno, listed) == 1


def _elsewhere(record: PersonRecord, grant: Grant) -> str:
    """Where the list names the grant's district and every court the record names is another
    court (another state, or another district of the same state): what each says (the record's
    person may be another of the same name)."""
    listed = grant.details.get("district", "")
    wanted = listed_courts(listed) if listed else None
    courts = [c.court for c in record.convictions if c.court]
    if not wanted or not courts:
        return ""
    read = [read_court(c) for c in courts]
    if any(r is None or any(same_court(r, w) for w in wanted) for r in read):
        return ""
    return f"the register gives the {listed}; the record's conviction court is {'; '.join(courts)}"


def _court_compared(record: PersonRecord, grant: Grant) -> tuple[bool, str]:
    """Whether a record court is the district the register gives for the grant, or in its
    state where one of them gives only the state (True, ""), or, where the courts could not be
    compared, why not (False, reason)."""
    listed = grant.details.get("district", "")
    if not listed:
        return False, "the register gives no court for that grant"
    courts = [c.court for c in record.convictions if c.court]
    if not courts:
        return False, f"the register gives the {listed}; the record names no conviction court"
    wanted = listed_courts(listed) or ()
    read = [r for r in map(read_court, courts) if r is not None]
    if any(court_confirms(r, w) for r in read for w in wanted):
        return True, ""
    return False, (
        f"the register gives the {listed}; the record's court {'; '.join(courts)} could not be "
        "read as the same district"
    )


REGNO = "person.bop_register_number"


def _settles(m: Match, regno: str) -> str:
    """Where only the name links the record's person to the grant (no register number in the
    record): what would settle it, the register number where the grant lists one (a different
    number is another person)."""
    if regno:
        return ""
    if not m.grant.bop_register_number:
        return (
            f" The register lists no register number for that grant: {REGNO} would not settle it."
        )
    return (
        f" The register lists register number {m.grant.bop_register_number} for that grant: "
        f"add {REGNO} to the record to settle it (a different number is another person)."
    )


def _one(
    record: PersonRecord, m: Match, regno: str, day: date, rule_version: str
) -> tuple[Finding | None, str | None]:
    same = _same_person(m, regno)
    slip = same is False and _one_slip(regno, m.grant.bop_register_number)
    if same is False and not slip:
        return None, None
    elsewhere = "" if same is True else _elsewhere(record, m.grant)
    facts: dict[str, object] = {
        "person.name": record.person.name,
        "register.name": m.grant.name,
        "register.source": m.grant.source_url,
        "match.score": m.score,
        "match.reason": m.reason,
    }
    if regno:
        facts["person.bop_register_number"] = regno
    # The same name alone is not the same person: an exact name counts only with the court.
    court_agrees, uncompared = _court_compared(record, m.grant)
    confirmed = same is True or (m.exact and court_agrees)
    name_only = m.exact and not confirmed
    recorded = _recorded(record, m.grant)
    later = m.grant.date > day
    kind = "a recorded grant" if recorded else "a grant the record does not list"

    def asks(question: str) -> str | None:
        """A grant the record lists stays the record's to state (the register neither confirms
        nor contradicts it); an unrecorded one asks ``question``."""
        return None if recorded else question

    if slip:
        text = (
            f"The official register lists a {_describe(m)} ({m.reason}; score {m.score}); "
            f"the record's {REGNO} {regno} is one digit from it (a digit changed or two "
            "swapped): check the number — a typo would make this the same person."
        )
        review = (
            None
            if recorded or later
            else (
                f"the record's {REGNO} {regno} is one digit from {m.grant.bop_register_number}, "
                f"the register number of {m.grant.name} of the official register "
                f"({m.grant.type.value} granted {m.grant.date.isoformat()}): check it"
            )
        )
    elif elsewhere and not later:
        text = (
            f"The official register lists a {_describe(m)} ({m.reason}; score {m.score}), "
            f"{kind}, but {elsewhere}: the register does not confirm this is the same person."
        ) + _settles(m, regno)
        review = asks(
            f"the official register lists a {m.grant.type.value} of {m.grant.name} "
            f"(granted {m.grant.date.isoformat()}), but {elsewhere}: confirm whether this "
            "is the same person"
        )
    elif confirmed and recorded:
        text = f"The official register confirms the recorded {_describe(m)}."
        review = None
    elif later:
        text = f"The official register lists a {_describe(m)}: after the date asked about."
        review = None
    elif name_only:
        # A grant to someone of this name, as a close name's: stated or asked (``asks``).
        text = (
            f"The official register lists a {_describe(m)}, {kind}: a grant to someone of this "
            f"name is in the register, but the court could not be compared ({uncompared}); the "
            "register does not confirm this is the same person."
        ) + _settles(m, regno)
        review = asks(
            f"the official register lists a {_describe(m)} not in the record (a grant to "
            "someone of this name; the court could not be compared): confirm whether this is "
            "the same person"
        )
    elif confirmed:
        text = (
            f"The official register lists a {_describe(m)}, which the record's clemency "
            "list does not include: confirm it and add it to clemency[]."
        )
        if same is None:
            text += _settles(m, regno)
        review = f"the official register lists a {_describe(m)} not in the record"
    else:
        text = (
            f"The record's name {record.person.name!r} is close to {_describe(m)} "
            f"({m.reason}; score {m.score}), {kind}: confirm whether this is the same person."
        ) + _settles(m, regno)
        review = asks(
            f"the record's person may be {m.grant.name} of the official register "
            f"({m.grant.type.value} granted {m.grant.date.isoformat()}): confirm"
        )
    text = text.replace("Jr..", "Jr.")
    finding = Finding(
        finding=text,
        facts=facts,
        citation=CITATION,
        rule_version=rule_version,
        url=m.grant.source_url,
    )
    return finding, review


def link_record(record: PersonRecord, day: date, rule_version: str) -> RegisterLink:
    """What the official register says about the person ``record`` is about, on ``day``."""
    name = (record.person.name or "").strip()
    regno = (record.person.bop_register_number or "").strip()
    if not name and not regno:
        return RegisterLink()
    findings: list[Finding] = []
    review: list[str] = []
    settles = False
    for m in _matches(name, regno):
        finding, why = _one(record, m, regno, day, rule_version)
        if finding is not None:
            findings.append(finding)
        if why is not None:
            review.append(why)
            # Only the name links them, and the grant gives a number: the record's would settle it.
            # Or the record's number is one slip from the grant's: the number decides it.
            settles = settles or (
                bool(m.grant.bop_register_number)
                and (not regno or _one_slip(regno, m.grant.bop_register_number))
            )
    return RegisterLink(tuple(findings), tuple(review), (REGNO,) if settles else ())
