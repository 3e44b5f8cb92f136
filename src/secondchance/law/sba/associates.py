"""Who counts: the people whose status each SBA rule tests.

* **Associate of a small business** (13 CFR 120.10, for 7(a), 504 and Microloans; the same
  words in 13 CFR 109.20 for the Intermediary Lending Pilot): an officer, director, key
  employee, or owner of *more than* 20 percent of the equity; also any individual in control of
  the business (para. (2)(iii)), which may reach a general partner or managing member (we
  answer ``unclear`` for those, so a bar through them needs review). The relationship starts
  six months before the loan application date, so a role held at any time in the six months
  up to that date still counts (para. (3)).
* **Surety bonds** (13 CFR 115.13(a)(2)): each owner of 20 percent *or more* of the equity and
  each officer, director or general partner, on the day of the request. Key employees are not
  named; a managing member is not named either (``unclear``).
* **Disaster loans** (13 CFR 123.101(i), 123.201, 123.301): the applicant "or any principal of
  the business" / the "principal owners". Part 123 gives principal owners a number in
  123.202(b)(2) ("20% or greater ownership interest"), 123.300(b) ("20% or more ownership
  interest") and 123.500(d) (Military Reservist EIDL: 20 percent or more); other roles are not
  defined (``unclear``).

A role with no start date is read as held since before the window; a role with no end date as
still held. An owner with no share recorded is ``unknown`` (its share may decide it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from secondchance.law.parameters import value
from secondchance.law.sba.checks import Membership, Standing, words
from secondchance.law.sba.days import months_before
from secondchance.record.schema import BusinessPerson, BusinessRole, BusinessRoleKind

_RANK = {Standing.counts: 0, Standing.unknown: 1, Standing.unclear: 2, Standing.excluded: 3}

EQUITY_ROLES_120_10 = (
    BusinessRoleKind.officer,
    BusinessRoleKind.director,
    BusinessRoleKind.key_employee,
)
CONTROL_ROLES = (BusinessRoleKind.general_partner, BusinessRoleKind.managing_member)
SURETY_ROLES = (
    BusinessRoleKind.officer,
    BusinessRoleKind.director,
    BusinessRoleKind.general_partner,
)


def _a(role: BusinessRoleKind) -> str:
    """The role with its article ('an officer', 'a director')."""
    name = words(role)
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def held_within(role: BusinessRole, first: date, last: date) -> bool:
    """The role was held on some day from ``first`` to ``last`` (both included)."""
    starts_in_time = role.start is None or role.start <= last
    return starts_in_time and (role.end is None or role.end >= first)


def _role_facts(path: str, role: BusinessRole) -> dict[str, Any]:
    facts: dict[str, Any] = {
        f"{path}.role": role.role,
        f"{path}.start": role.start,
        f"{path}.end": role.end,
    }
    if role.role is BusinessRoleKind.owner:
        facts[f"{path}.ownership_percent"] = role.ownership_percent
    return facts


def _pick(person: BusinessPerson, verdicts: list[Membership], none_text: str) -> Membership:
    if not verdicts:
        return Membership(Standing.excluded, f"{person.name} {none_text}.")
    best = min(_RANK[v.standing] for v in verdicts)
    chosen = [v for v in verdicts if _RANK[v.standing] == best]
    facts: dict[str, Any] = {}
    missing: list[str] = []
    for v in verdicts:
        facts.update(v.facts)
    for v in chosen:
        missing.extend(v.missing)
    text = "; ".join(dict.fromkeys(v.finding for v in chosen))
    return Membership(chosen[0].standing, f"{person.name} {text}.", facts, tuple(missing))


@dataclass(frozen=True)
class OwnershipLookback:
    """The Associate definition of a program (13 CFR 120.10 or 109.20): an owner of more than
    the share named by ``equity_param`` is an Associate, and the relationship starts
    ``months_param`` months before the application date (para. (3))."""

    equity_param: str
    months_param: str
    definition: str

    def associate(self, person: BusinessPerson, index: int, day: date) -> Membership:
        """Whether ``person`` is an Associate under this definition."""
        return small_business_associate(person, index, day, self)


def small_business_associate(
    person: BusinessPerson, index: int, day: date, ownership: OwnershipLookback
) -> Membership:
    """Whether ``person`` is an Associate of the small business for an application on ``day``
    (13 CFR 120.10 or 109.20: ``ownership.definition`` names which)."""
    definition = ownership.definition
    more_than = value(ownership.equity_param, day)
    months = value(ownership.months_param, day)
    window_start = months_before(day, months)
    verdicts: list[Membership] = []
    for j, role in enumerate(person.roles):
        if not held_within(role, window_start, day):
            continue
        path = f"business.people[{index}].roles[{j}]"
        facts = _role_facts(path, role)
        held = (
            "is"
            if role.end is None or role.end >= day
            else f"was until {role.end} (within the {months} months before the application, "
            "which still counts)"
        )
        if role.role in EQUITY_ROLES_120_10:
            text = f"{held} {_a(role.role)}: an Associate under {definition}"
            verdicts.append(Membership(Standing.counts, text, facts))
        elif role.role is BusinessRoleKind.owner:
            share = role.ownership_percent
            if share is None:
                verdicts.append(
                    Membership(
                        Standing.unknown,
                        f"{held} an owner with no share recorded; an owner of more than "
                        f"{more_than}% is an Associate under {definition}",
                        facts,
                        (f"{path}.ownership_percent",),
                    )
                )
            elif share > more_than:
                text = f"{held} an owner of {share:g}%, more than {more_than}%: an Associate under "
                verdicts.append(Membership(Standing.counts, text + definition, facts))
            else:
                text = (
                    f"{held} an owner of {share:g}%, not more than {more_than}%: not an Associate "
                    f"by ownership under {definition}"
                )
                verdicts.append(Membership(Standing.excluded, text, facts))
        elif role.role in CONTROL_ROLES:
            verdicts.append(
                Membership(
                    Standing.unclear,
                    f"{held} {_a(role.role)}, a role {definition} does not name; such a "
                    "person may be an individual in control of the business (para. (2)(iii))",
                    facts,
                )
            )
    return _pick(
        person,
        verdicts,
        f"held no role in the business from {window_start} to {day}, the window in which "
        f"{definition} makes a person an Associate",
    )


def surety_principal_person(person: BusinessPerson, index: int, day: date) -> Membership:
    """Whether ``person`` must have good character and reputation for a bond guarantee requested
    on ``day`` (13 CFR 115.13(a)(2))."""
    at_least = value("sba.surety.owner_at_least_percent", day)
    verdicts: list[Membership] = []
    for j, role in enumerate(person.roles):
        if not held_within(role, day, day):
            continue
        path = f"business.people[{index}].roles[{j}]"
        facts = _role_facts(path, role)
        if role.role in SURETY_ROLES:
            text = f"is {_a(role.role)}: counted under 13 CFR 115.13(a)(2)"
            verdicts.append(Membership(Standing.counts, text, facts))
        elif role.role is BusinessRoleKind.owner:
            share = role.ownership_percent
            if share is None:
                verdicts.append(
                    Membership(
                        Standing.unknown,
                        f"is an owner with no share recorded; owners of {at_least}% or more are "
                        "counted under 13 CFR 115.13(a)(2)",
                        facts,
                        (f"{path}.ownership_percent",),
                    )
                )
            elif share >= at_least:
                text = f"owns {share:g}%, {at_least}% or more: counted under 13 CFR 115.13(a)(2)"
                verdicts.append(Membership(Standing.counts, text, facts))
            else:
                text = f"owns {share:g}%, less than {at_least}%: not counted by ownership"
                verdicts.append(Membership(Standing.excluded, text, facts))
        elif role.role is BusinessRoleKind.managing_member:
            verdicts.append(
                Membership(
                    Standing.unclear,
                    "is a managing member, a role 13 CFR 115.13(a)(2) does not name (it names "
                    "owners, officers, directors and general partners)",
                    facts,
                )
            )
        else:
            text = f"is {_a(role.role)}, a role 13 CFR 115.13(a)(2) does not name"
            verdicts.append(Membership(Standing.excluded, text, facts))
    return _pick(person, verdicts, f"holds no role in the business on {day}")


def disaster_principal(person: BusinessPerson, index: int, day: date) -> Membership:
    """Whether ``person`` is a principal (owner) of the business applying on ``day``
    (13 CFR 123.101(i), 123.201(a), 123.301)."""
    at_least = value("sba.disaster.principal_owner_at_least_percent", day)
    verdicts: list[Membership] = []
    for j, role in enumerate(person.roles):
        if not held_within(role, day, day):
            continue
        path = f"business.people[{index}].roles[{j}]"
        facts = _role_facts(path, role)
        share = role.ownership_percent if role.role is BusinessRoleKind.owner else None
        if role.role is BusinessRoleKind.owner and share is None:
            verdicts.append(
                Membership(
                    Standing.unknown,
                    f"is an owner with no share recorded; owners of {at_least}% or more are "
                    "principal owners (13 CFR 123.202(b)(2), 123.300(b))",
                    facts,
                    (f"{path}.ownership_percent",),
                )
            )
        elif share is not None and share >= at_least:
            text = (
                f"owns {share:g}%, {at_least}% or more: a principal owner "
                "(13 CFR 123.202(b)(2), 123.300(b))"
            )
            verdicts.append(Membership(Standing.counts, text, facts))
        else:
            what = f"an owner of {share:g}%" if share is not None else _a(role.role)
            verdicts.append(
                Membership(
                    Standing.unclear,
                    f"is {what}; part 123 bars the applicant or 'any principal of the "
                    "business' without defining who else is a principal",
                    facts,
                )
            )
    return _pick(person, verdicts, f"holds no role in the business on {day}")
