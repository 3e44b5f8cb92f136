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

Each threshold is on the person's share of the equity, not a role's: a person holding several
owner roles at once (two classes of units, say) holds their sum (:func:`whole_share`), and is
judged once on it.

A role with no start date is read as held since before the window; a role with no end date as
still held. An owner with no share recorded is ``unknown`` (its share may decide it).

**Owners not listed** (:func:`unlisted_equity`). Each rule reaches *every* owner of its share,
listed or not. When the shares listed leave unaccounted for, on some day the rule looks at, as
much of the equity as an owner the rule counts may hold (more than 20% under 120.10 and 109.20;
20% or more under 115.13(a)(2) and part 123), an unlisted owner the rule counts may exist, and
no clearing answer is given: the business's people (``business.people``) are a missing fact,
unless the record states that no one else owns 20% or more
(``business.no_other_owner_of_20_percent``). A smaller remainder cannot hide such an owner.
The days looked at begin on the first day of the window on which the record shows the business
existed: the first day anyone listed held any role in it (an officer, director, key employee or
partner as much as an owner). Before the first listed owner, on such days, nobody listed owned
anything: the whole business is unaccounted for. Only days before every listed role began are
skipped (the business may not have existed), and the look-back says so in a finding.

The statement speaks of the application day ("Is there anyone else who owns 20% or more?"):
the people holding, that day, the equity not listed own less than 20% each. Read like a role
with no dates (held throughout), it covers that same equity on the earlier days of the
120.10 / 109.20 look-back; it says nothing of equity that was not listed on an earlier day but
is listed on the application day (the listed shares were smaller then): whoever held it then is
not described, so a day with more equity unaccounted for than the application day keeps the
check open (:meth:`OwnershipLookback.unlisted`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from secondchance.law.declarative import Verdict
from secondchance.law.parameters import value
from secondchance.law.sba.checks import Check, Membership, Standing, words
from secondchance.law.sba.days import months_before, next_day, previous_day
from secondchance.law.units import PERCENT
from secondchance.record.schema import Business, BusinessPerson, BusinessRole, BusinessRoleKind

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


@dataclass(frozen=True)
class WholeShare:
    """A person's whole share of the equity: their owner roles held at the same time, added up.

    ``total`` is the most they held on any one day of the window (known shares only), ``on``
    such a day (the last day of the window when it is one), ``roles`` the owner roles held
    that day with a share, and ``unknown`` the owner roles in the window with no share
    recorded (their share could only add to the total)."""

    total: Decimal
    on: date
    roles: tuple[int, ...]
    unknown: tuple[int, ...]
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def shown(self) -> str:
        """The total as a number to show ('25', '20.01')."""
        return f"{float(self.total):g}"

    def parts(self, person: BusinessPerson) -> str:
        """The shares added up, as words ('15% + 10%')."""
        return " + ".join(f"{person.roles[j].ownership_percent:g}%" for j in self.roles)


def _percent(share: float) -> Decimal:
    """A share as written (decimal), so that 6.67 + 13.33 is exactly 20."""
    return Decimal(repr(float(share)))


def whole_share(person: BusinessPerson, index: int, first: date, last: date) -> WholeShare | None:
    """The person's whole share on the day from ``first`` to ``last`` on which they held the
    most (the sum only rises on a day an owner role starts, so those days and the window's ends
    are the days to look at); ``None`` when they held no owner role in the window."""
    owned = [
        (j, role)
        for j, role in enumerate(person.roles)
        if role.role is BusinessRoleKind.owner and held_within(role, first, last)
    ]
    if not owned:
        return None
    facts: dict[str, Any] = {}
    for j, role in owned:
        facts.update(_role_facts(f"business.people[{index}].roles[{j}]", role))
    known = [(j, role) for j, role in owned if role.ownership_percent is not None]
    days = [last, first] + [r.start for _, r in known if r.start is not None and first < r.start]
    best: tuple[Decimal, date, tuple[int, ...]] | None = None
    for day in days:
        held = tuple(j for j, role in known if held_within(role, day, day))
        total = sum((_percent(person.roles[j].ownership_percent or 0) for j in held), Decimal(0))
        if best is None or total > best[0]:
            best = (total, day, held)
    assert best is not None
    unknown = tuple(j for j, role in owned if role.ownership_percent is None)
    return WholeShare(best[0], best[1], best[2], unknown, facts)


def _was_until(end: date, months: int) -> str:
    return (
        f"was until {end} (within the {months} months before the application, which still counts)"
    )


def _held_role(role: BusinessRole, last: date, months: int) -> str:
    """'is' for a role held on ``last``, else 'was until ...' (earlier in the window)."""
    return "is" if role.end is None or role.end >= last else _was_until(role.end, months)


def _latest(person: BusinessPerson, roles: tuple[int, ...]) -> BusinessRole:
    """Of these roles, the one held latest (no end first)."""
    return max((person.roles[j] for j in roles), key=lambda r: r.end or date.max)


def _held_words(person: BusinessPerson, share: WholeShare, last: date, months: int) -> str:
    """'is', or 'was until ...' when the share counted was held only earlier in the window
    (then some role of it ended before ``last``, or that day's share would be counted)."""
    ends = [end for end in (person.roles[j].end for j in share.roles) if end is not None]
    if share.on == last or not ends:
        return "is"
    return _was_until(min(ends), months)


def _share_words(person: BusinessPerson, share: WholeShare) -> str:
    """'an owner of 15%', or, for several roles at once, 'an owner of 25% in all (15% + 10%,
    owner roles held at the same time)'."""
    if len(share.roles) <= 1:
        return f"an owner of {share.shown}%"
    return (
        f"an owner of {share.shown}% in all ({share.parts(person)}, owner roles held at the "
        "same time: the threshold is on the person's whole share)"
    )


def _unknown_path(index: int, share: WholeShare) -> tuple[str, ...]:
    return tuple(f"business.people[{index}].roles[{j}].ownership_percent" for j in share.unknown)


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

    def unlisted(self, business: Business, day: date) -> Check | None:
        """An owner of more than the share, not listed, may be an Associate: the equity the
        listed owners leave on some day of the window (para. (2)(i), (3)). The record's
        statement that no one else owns 20% or more speaks of ``day``: it does not cover an
        earlier day on which more equity was unaccounted for than on ``day``. Days before
        anyone listed held a role are skipped, with a finding that says so."""
        more_than = value(self.equity_param, day)
        months = value(self.months_param, day)
        first = months_before(day, months)
        rest = unlisted_equity(business, first, day)
        on_the_day = unlisted_equity(business, day, day).rest
        when = f"in the {months} months before the application (which still count)"
        check = _hidden_owner(
            business,
            rest,
            (more_than, False),
            f"an owner of more than {more_than}% is an Associate under {self.definition} ({when})",
            on_the_day if rest.rest > on_the_day else None,
        )
        if rest.start <= first:
            return check
        note = (
            f"No one listed held a role in {business.name} before {rest.start}, so the days of "
            f"the {months}-month look-back from {first} to {previous_day(rest.start)} are not "
            "read for owners not listed (the business may not have existed then). If it did, "
            "list in business.people who owned it then, with the dates of their roles."
        )
        if check is None:
            return Check(Verdict.clear, note, {"business.people": _names(business)})
        return replace(check, notes=(*check.notes, note))


OTHER_OWNERS = "business.no_other_owner_of_20_percent"
"""The record's statement that no one outside the people listed owns 20% or more."""

STATED_SHARE = 20
"""The share the record's statement ``OTHER_OWNERS`` is about (its name says it): no one else
owns this much or more. It answers a rule that counts no smaller owner."""


@dataclass(frozen=True)
class Unlisted:
    """The most equity the listed owners left unaccounted for on one day: ``rest`` = the whole
    less ``listed`` (their recorded shares on ``on``, added up), ``unknown`` the paths of
    owner shares held in the days looked at but not recorded (they may account for some), and
    ``start`` the first day looked at."""

    rest: Decimal
    listed: Decimal
    on: date
    unknown: tuple[str, ...]
    start: date


def unlisted_equity(business: Business, first: date, last: date) -> Unlisted:
    """The equity no listed owner held, on the day from ``first`` to ``last`` on which it was
    most (the last day when it is one). The days looked at start on ``first`` or, when every
    role listed (of any kind) began later, on the first of those starts: a role held in the
    business shows it existed, so from then on a day with no listed owner is a day with the
    whole business unaccounted for; before every role, it may not have existed. One sweep over
    the days shares begin and end."""
    begun = [
        role
        for person in business.people
        for role in person.roles
        if role.start is None or role.start <= last
    ]
    start = min((max(first, role.start or first) for role in begun), default=first)
    owned = [
        (f"business.people[{i}].roles[{j}].ownership_percent", role)
        for i, person in enumerate(business.people)
        for j, role in enumerate(person.roles)
        if role.role is BusinessRoleKind.owner and (role.start is None or role.start <= last)
    ]
    total = Decimal(0)
    changes: dict[date, Decimal] = {}
    for _, role in owned:
        if role.ownership_percent is None:
            continue
        share = _percent(role.ownership_percent)
        if held_within(role, start, start):
            total += share
        elif role.start is not None and start < role.start <= last:
            changes[role.start] = changes.get(role.start, Decimal(0)) + share
        after = next_day(role.end) if role.end is not None else None
        if after is not None and start < after <= last:
            changes[after] = changes.get(after, Decimal(0)) - share
    least, on = total, start
    for day in sorted(changes):
        total += changes[day]
        if total < least:
            least, on = total, day
    if total == least:  # the total on the last day
        on = last
    unknown = tuple(
        path
        for path, role in owned
        if role.ownership_percent is None and held_within(role, start, last)
    )
    return Unlisted(Decimal(PERCENT) - least, least, on, unknown, start)


def _names(business: Business) -> list[str]:
    return [person.name for person in business.people]


def _hidden_owner(
    business: Business,
    rest: Unlisted,
    counted: tuple[float, bool],
    rule: str,
    beyond: Decimal | None = None,
) -> Check | None:
    """A missing fact when the equity left unaccounted for may hold an owner the rule counts
    (``counted``: the share, and whether an owner of exactly it counts; ``rule``: whom it
    counts, in words) and the record does not state that no one else owns as much; None
    otherwise. ``beyond``: the equity unaccounted for on the application day, when less than
    ``rest`` (an earlier day's): the statement, about the application day, does not cover
    ``rest``."""
    share, exactly = counted
    may_hide = rest.rest > _percent(share) or (exactly and rest.rest == _percent(share))
    said = business.no_other_owner_of_20_percent is True
    stated = said and share >= STATED_SHARE and beyond is None
    if not may_hide or stated:
        return None
    unknown = (
        f" ({len(rest.unknown)} listed owner "
        f"{'share is' if len(rest.unknown) == 1 else 'shares are'} not recorded: "
        f"{', '.join(rest.unknown)}, which may account for it)"
        if rest.unknown
        else ""
    )
    held = (
        f"The owners listed hold {float(rest.listed):g}% of the business on {rest.on}; who "
        f"holds the other {float(rest.rest):g}%?"
        if rest.listed or rest.unknown
        else f"No owner of the business is listed on {rest.on}; who owns it?"
    )
    settle = (
        f"List every other owner in business.people, with their record, or state "
        f"{OTHER_OWNERS}: true when no one else owns {STATED_SHARE}% or more."
    )
    if said and beyond is not None:
        then = (
            f"leave {float(beyond):g}% to owners of less than {STATED_SHARE}% each"
            if beyond
            else "hold the whole business"
        )
        settle = (
            f"{OTHER_OWNERS}: true speaks of the application day, when the owners listed {then}; "
            f"it does not say who held the other {float(rest.rest - beyond):g}% not listed on "
            f"{rest.on}. List in business.people who owned it then, with the dates of their "
            "roles and their record."
        )
    text = (
        f"{held}{unknown} {rule[0].upper()}{rule[1:]}, listed or not, so an owner not listed "
        f"may be one. {settle}"
    )
    facts = {
        "business.people": _names(business),
        OTHER_OWNERS: business.no_other_owner_of_20_percent,
    }
    # A share not recorded may be the rest: it is the fact to ask first.
    return Check(Verdict.unknown, text, facts, rest.unknown or ("business.people",))


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
    share = whole_share(person, index, window_start, day)
    if share is not None:
        held = _held_words(person, share, day, months)
        owner = _share_words(person, share)
        verdicts.append(
            _by_share(
                share,
                index,
                share.total > more_than,
                f"{held} {owner}, more than {more_than}%: an Associate under {definition}",
                (
                    _held_role(_latest(person, share.unknown), day, months)
                    if share.unknown
                    else held,
                    f"an owner of more than {more_than}% (all their shares together) is an "
                    f"Associate under {definition}",
                ),
                (
                    Standing.excluded,
                    f"{held} {owner}, not more than {more_than}%: not an Associate by ownership "
                    f"under {definition}",
                ),
            )
        )
    for j, role in enumerate(person.roles):
        if role.role is BusinessRoleKind.owner or not held_within(role, window_start, day):
            continue
        path = f"business.people[{index}].roles[{j}]"
        facts = _role_facts(path, role)
        held = _held_role(role, day, months)
        if role.role in EQUITY_ROLES_120_10:
            text = f"{held} {_a(role.role)}: an Associate under {definition}"
            verdicts.append(Membership(Standing.counts, text, facts))
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


def _by_share(
    share: WholeShare,
    index: int,
    counted: bool,
    counts: str,
    unknown: tuple[str, str],
    below: tuple[Standing, str],
) -> Membership:
    """A person's standing by their whole share: counted; unknown when a share is not recorded
    (``unknown``: how they held it, and whom the rule counts); else ``below``."""
    if counted:
        return Membership(Standing.counts, counts, share.facts)
    if share.unknown:
        held, rule = unknown
        besides = f" besides the {share.shown}% recorded" if share.roles else ""
        return Membership(
            Standing.unknown,
            f"{held} an owner with no share recorded{besides}; {rule}",
            share.facts,
            _unknown_path(index, share),
        )
    return Membership(below[0], below[1], share.facts)


def _owner_on(
    person: BusinessPerson,
    index: int,
    day: date,
    at_least: float,
    counted: tuple[str, str],
    below: Callable[[str], tuple[Standing, str]],
) -> list[Membership]:
    """The verdict of ``person``'s whole share on ``day`` against ``at_least`` percent (none if
    they own nothing then): ``counted`` says what an owner of that much is, one and all;
    ``below`` gives the standing and words of a smaller owner, from the words of their share."""
    share = whole_share(person, index, day, day)
    if share is None:
        return []
    owner = _share_words(person, share)
    one, all_of_them = counted
    group = f"owners of {at_least}% or more (all their shares together) are {all_of_them}"
    return [
        _by_share(
            share,
            index,
            share.total >= at_least,
            f"is {owner}, {at_least}% or more: {one}",
            ("is", group),
            below(owner),
        )
    ]


def surety_principal_person(person: BusinessPerson, index: int, day: date) -> Membership:
    """Whether ``person`` must have good character and reputation for a bond guarantee requested
    on ``day`` (13 CFR 115.13(a)(2)): their whole share on that day decides ownership."""
    at_least = value("sba.surety.owner_at_least_percent", day)
    verdicts = _owner_on(
        person,
        index,
        day,
        at_least,
        ("counted under 13 CFR 115.13(a)(2)", "counted under 13 CFR 115.13(a)(2)"),
        lambda owner: (
            Standing.excluded,
            f"is {owner}, less than {at_least}%: not counted by ownership",
        ),
    )
    for j, role in enumerate(person.roles):
        if role.role is BusinessRoleKind.owner or not held_within(role, day, day):
            continue
        path = f"business.people[{index}].roles[{j}]"
        facts = _role_facts(path, role)
        if role.role in SURETY_ROLES:
            text = f"is {_a(role.role)}: counted under 13 CFR 115.13(a)(2)"
            verdicts.append(Membership(Standing.counts, text, facts))
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


def surety_unlisted(business: Business, day: date) -> Check | None:
    """An owner of 20% or more, not listed, may be counted (13 CFR 115.13(a)(2)): the equity
    the listed owners leave on ``day``."""
    at_least = value("sba.surety.owner_at_least_percent", day)
    rest = unlisted_equity(business, day, day)
    return _hidden_owner(
        business,
        rest,
        (at_least, True),
        f"each owner of {at_least}% or more must have good character under 13 CFR 115.13(a)(2)",
    )


def disaster_unlisted(business: Business, day: date) -> Check | None:
    """A principal owner (20% or more), not listed, may be barred (13 CFR 123.101(i),
    123.202(b)(2), 123.300(b)): the equity the listed owners leave on ``day``."""
    at_least = value("sba.disaster.principal_owner_at_least_percent", day)
    rest = unlisted_equity(business, day, day)
    return _hidden_owner(
        business,
        rest,
        (at_least, True),
        f"an owner of {at_least}% or more is a principal owner (13 CFR 123.202(b)(2), "
        "123.300(b)), whose status bars a disaster loan",
    )


def disaster_principal(person: BusinessPerson, index: int, day: date) -> Membership:
    """Whether ``person`` is a principal (owner) of the business applying on ``day``
    (13 CFR 123.101(i), 123.201(a), 123.301): their whole share on that day decides ownership."""
    at_least = value("sba.disaster.principal_owner_at_least_percent", day)
    undefined = (
        "part 123 bars the applicant or 'any principal of the business' without defining who "
        "else is a principal"
    )
    verdicts = _owner_on(
        person,
        index,
        day,
        at_least,
        (
            "a principal owner (13 CFR 123.202(b)(2), 123.300(b))",
            "principal owners (13 CFR 123.202(b)(2), 123.300(b))",
        ),
        lambda owner: (Standing.unclear, f"is {owner}; {undefined}"),
    )
    for j, role in enumerate(person.roles):
        if role.role is BusinessRoleKind.owner or not held_within(role, day, day):
            continue
        facts = _role_facts(f"business.people[{index}].roles[{j}]", role)
        verdicts.append(Membership(Standing.unclear, f"is {_a(role.role)}; {undefined}", facts))
    return _pick(person, verdicts, f"holds no role in the business on {day}")
