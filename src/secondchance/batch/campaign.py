"""Campaigns: declarative criteria over a person's facts and determinations (YAML), each giving
a list a person can act on, with the reasons. The shipped ones live in ``campaigns/``.

A campaign names conditions, all of which must hold (``any:`` groups alternatives). A condition
reads a fact (``fact: fsa_release_date``) or a program's answer (``program: sba.7a``, ``field:
outcome``) and tests it: ``in``, ``not_in``, ``is_set``, ``before``, ``on_or_before``,
``after``, ``on_or_after`` (a date, ``as_of`` or ``as_of+N``/``as_of-N`` days, or another
fact), ``at_least``, ``apart_more_than`` (days between two date facts). An unknown value meets
only ``is_set: false`` and ``in`` lists that hold ``null``: unknown never passes as a fact.

A person the data cannot place is never dropped silently: each campaign also writes a review
list (``ID-review.csv``) of the people whose place on it turns on dates the record gives only
approximately (the computed sentence dates are then undecided, or a date fact such as
``bureau_stated_on: 2028-02`` is compared on its whole range and the test holds on some of its
days only; the reason quotes the approximate date), or, for a list that relies on release or
custody, on a record that contradicts itself about release (supervised release begun while
custody is still open: both facts are named), whether or not the list would take them, unless a
condition that does not read release keeps them off it anyway.
"""

from __future__ import annotations

import csv
import datetime as dt
import operator
import re
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from secondchance.batch.evaluate import SENTENCE_FACTS, Answer, Screened
from secondchance.record.dates import ApproxDate, is_approximate_form, parse_date

RELEASE_FACTS = frozenset([*SENTENCE_FACTS, "days_served"])
"""The facts computed from the sentence and its custody: undecided when approximate dates give
different ones, and in doubt when the record contradicts itself about release."""

RELEASE_PROGRAMS = frozenset(["clemency.pardon_petition", "clemency.commutation_petition"])
"""Programs whose answers turn on whether and when the person was released."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Apart(_Model):
    other: str
    days: int


class Condition(_Model):
    """One test on one value (or ``any``: at least one of several conditions)."""

    fact: str | None = None
    program: str | None = None
    field: str = "outcome"
    in_: list[Any] | None = Field(None, alias="in")
    not_in: list[Any] | None = None
    is_set: bool | None = None
    before: str | None = None
    on_or_before: str | None = None
    after: str | None = None
    on_or_after: str | None = None
    at_least: float | None = None
    apart_more_than: Apart | None = None
    any: list[Condition] | None = None
    all: list[Condition] | None = None


class Reason(_Model):
    """A likely reason, said when its conditions hold (the first that holds is given)."""

    when: list[Condition] = Field(default_factory=list)
    say: str


class Campaign(_Model):
    """A campaign: who is on the list, what to do, and the columns shown."""

    id: str
    title: str
    action: str
    source: str | None = None
    outcome: str = "candidate"
    when: list[Condition]
    reasons: list[Reason] = Field(default_factory=list)
    columns: list[str] = Field(default_factory=list)


class CampaignError(ValueError):
    pass


def load_campaign(path: Path) -> Campaign:
    """Read a campaign file; :class:`CampaignError` names the field and the problem."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Campaign.model_validate(data)
    except (OSError, yaml.YAMLError) as exc:
        raise CampaignError(f"{path}: {exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise CampaignError(f"{path}: {where}: {first['msg']}") from None


def shipped() -> dict[str, Campaign]:
    """The campaigns that ship with secondchance, by id."""
    found: dict[str, Campaign] = {}
    folder = resources.files("secondchance.batch") / "campaigns"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            with resources.as_file(entry) as path:
                campaign = load_campaign(path)
            found[campaign.id] = campaign
    return found


def resolve(name: str) -> Campaign:
    """A shipped campaign by id, or a campaign file by path."""
    known = shipped()
    if name in known:
        return known[name]
    path = Path(name)
    if not path.exists():
        raise CampaignError(
            f"{name}: no such campaign file, and no shipped campaign of that "
            f"name ({', '.join(known)})"
        )
    return load_campaign(path)


_OFFSET = re.compile(r"^as_of(?:([+-])(\d+))?$")


class View:
    """One screened person as campaigns see them: facts and answers by program. ``undecided``:
    the facts the record's approximate dates leave undecided (a test on one is undecided)."""

    def __init__(self, person: Screened, as_of: dt.date) -> None:
        self.person = person
        self.as_of = as_of
        self.answers: dict[str, Answer] = {a.program: a for a in person.answers}
        undecided = person.facts.get("dates_undecided")
        self.undecided: frozenset[str] = RELEASE_FACTS if undecided else frozenset()
        approximate = person.facts.get("approximate_dates") or ()
        paths = {text.partition(" ")[0] for text in approximate}
        self.undecided_programs = frozenset(
            a.program
            for a in person.answers
            if a.outcome == "needs_review" and paths & set(a.missing_facts)
        )
        """Programs answering needs_review because an approximate date decides them."""

    def value(self, c: Condition) -> Any:
        if c.program is not None:
            answer = self.answers.get(c.program)
            return None if answer is None else getattr(answer, c.field, None)
        return self.fact(c.fact or "")

    def fact(self, name: str) -> Any:
        if name == "as_of":
            return self.as_of
        if name in ("person_id", "name"):
            return getattr(self.person, name)
        value = self.person.facts.get(name)
        if isinstance(value, str) and len(value) == 10 and value[4] == "-":
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return value
        return value

    def day(self, ref: str) -> dt.date | ApproxDate | None:
        """The day ``ref`` names (a date, ``as_of±N`` or a fact); a fact given approximately
        (``2028-02``) is its range."""
        match = _OFFSET.match(ref)
        if match:
            sign, days = match.group(1), int(match.group(2) or 0)
            return self.as_of + dt.timedelta(days=-days if sign == "-" else days)
        try:
            return dt.date.fromisoformat(ref)
        except ValueError:
            return when(self.fact(ref))

    def approximate_facts(self, names: set[str]) -> list[str]:
        """Those of the named facts given only approximately, each with its range."""
        found = []
        for name in sorted(names):
            value = when(self.fact(name))
            if isinstance(value, ApproxDate):
                found.append(f"{name} {value.describe()}")
        return found


def when(value: Any) -> dt.date | ApproxDate | None:
    """A fact as a day: a date, the range of a date written approximately (``2028-02``,
    ``2028``, or ``{not_before, not_after}``), or None when it is not a date."""
    if isinstance(value, dt.date):
        return value
    if not is_approximate_form(value):
        return None
    try:
        approx = parse_date(value)
    except ValueError:
        return None
    return approx.exact or approx


def _ends(value: dt.date | ApproxDate) -> tuple[dt.date, dt.date]:
    if isinstance(value, ApproxDate):
        return value.earliest, value.latest
    return value, value


def _for_every_day(
    value: dt.date | ApproxDate,
    other: dt.date | ApproxDate,
    test: Callable[[dt.date, dt.date], bool],
) -> bool | None:
    """Whether an ordering test holds on every pair of days the two allow (True), on none
    (False), or on some only (None). An ordering is decided at the ends of the ranges."""
    results = {test(a, b) for a in _ends(value) for b in _ends(other)}
    return results.pop() if len(results) == 1 else None


def _apart(value: dt.date | ApproxDate, other: dt.date | ApproxDate, days: int) -> bool | None:
    """Whether the two are more than ``days`` apart on every pair of days they allow (True), on
    none (False), or on some only (None)."""
    (a0, a1), (b0, b1) = _ends(value), _ends(other)
    nearest = max(0, (b0 - a1).days, (a0 - b1).days)
    farthest = max((a1 - b0).days, (b1 - a0).days)
    if nearest > days:
        return True
    return False if farthest <= days else None


def _compare(view: View, value: Any, c: Condition) -> bool | None:
    """The tests on a value; a date given approximately is tested on its whole range (None: the
    test holds on some of its days only)."""
    tests: tuple[tuple[str | None, Callable[[dt.date, dt.date], bool]], ...] = (
        (c.before, operator.lt),
        (c.on_or_before, operator.le),
        (c.after, operator.gt),
        (c.on_or_after, operator.ge),
    )
    results: list[bool | None] = []
    day = when(value)
    for ref, test in tests:
        if ref is not None:
            other = view.day(ref)
            if other is None or day is None:
                return False
            results.append(_for_every_day(day, other, test))
    if c.at_least is not None and not (isinstance(value, int | float) and value >= c.at_least):
        return False
    if c.apart_more_than is not None:
        other = view.day(c.apart_more_than.other)
        if day is None or other is None:
            return False
        results.append(_apart(day, other, c.apart_more_than.days))
    return _all3(results)


def holds(view: View, c: Condition) -> bool:
    """Whether the condition holds for the person (unknown never meets a test on a value)."""
    return decide(view, c) is True


def _all3(results: list[bool | None]) -> bool | None:
    if any(r is False for r in results):
        return False
    return None if any(r is None for r in results) else True


def _any3(results: list[bool | None]) -> bool | None:
    if any(r is True for r in results):
        return True
    return None if any(r is None for r in results) else False


def _reads(c: Condition) -> set[str]:
    """The facts a condition reads (its own and those its dates are compared with)."""
    names = {c.fact or ""} | {
        ref for ref in (c.before, c.on_or_before, c.after, c.on_or_after) if ref is not None
    }
    if c.apart_more_than is not None:
        names.add(c.apart_more_than.other)
    return names


def decide(view: View, c: Condition) -> bool | None:
    """Whether the condition holds: True, False, or None when it turns on a fact the record's
    approximate dates leave undecided (never taken as either)."""
    parts: list[bool | None] = []
    if c.any is not None:
        parts.append(_any3([decide(view, inner) for inner in c.any]))
    if c.all is not None:
        parts.append(_all3([decide(view, inner) for inner in c.all]))
    if c.fact is not None or c.program is not None:
        undecided = c.program is None and bool(_reads(c) & view.undecided)
        if undecided and _tests_value(c) and _known_side_unknown(view, c):
            undecided = False  # unknown on the side the dates do not touch: not met, as ever
        own = _holds_value(view, c)
        if not own and c.program in view.undecided_programs:
            undecided = True  # the program's answer turns on an approximate date
        parts.append(None if undecided else own)
    return _all3(parts)


def _known_side_unknown(view: View, c: Condition) -> bool:
    """Whether a fact the condition reads that the approximate dates do not touch is unknown."""
    if c.fact not in view.undecided and view.fact(c.fact or "") is None:
        return True
    refs = (c.before, c.on_or_before, c.after, c.on_or_after)
    if any(r is not None and r not in view.undecided and view.day(r) is None for r in refs):
        return True
    other = c.apart_more_than.other if c.apart_more_than is not None else None
    return other is not None and other not in view.undecided and view.fact(other) is None


def _holds_value(view: View, c: Condition) -> bool | None:
    value = view.value(c)
    if c.is_set is not None and (value is not None) != c.is_set:
        return False
    if c.in_ is not None and value not in c.in_:
        return False
    if c.not_in is not None and (value is None or value in c.not_in):
        return False
    return _compare(view, value, c) if value is not None else not _tests_value(c)


def _tests_value(c: Condition) -> bool:
    return any(
        x is not None
        for x in (c.before, c.on_or_before, c.after, c.on_or_after, c.at_least, c.apart_more_than)
    )


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        return "; ".join(str(v) for v in value)
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def reason_for(campaign: Campaign, view: View) -> str:
    """The first likely reason whose conditions hold, with ``{fact}`` filled in."""
    for reason in campaign.reasons:
        if all(holds(view, c) for c in reason.when):
            return re.sub(
                r"\{([a-z0-9_.]+)\}", lambda m: _fill(view, m.group(1)) or "unknown", reason.say
            )
    return ""


def _fill(view: View, name: str) -> str:
    if "." in name and name.split(".")[0] in ("sba", "clemency", "fsa"):
        program, _, fieldname = name.rpartition(".")
        answer = view.answers.get(program)
        return _shown(getattr(answer, fieldname, None)) if answer else ""
    return _shown(view.fact(name))


def _on_release(c: Condition) -> bool:
    """Whether the condition reads a fact computed from custody and release, or a program whose
    answer turns on release."""
    if c.program in RELEASE_PROGRAMS or _reads(c) & RELEASE_FACTS:
        return True
    return any(_on_release(i) for i in [*(c.any or []), *(c.all or [])])


def relies_on_release(campaign: Campaign) -> bool:
    """Whether the campaign reads a fact computed from custody and release, or a program whose
    answer turns on release."""
    return any(_on_release(c) for c in campaign.when)


def _release_may_decide(campaign: Campaign, view: View) -> bool:
    """Whether the list's answer may turn on release: it relies on release, and no condition
    that does not read release fails (one that fails keeps the person off whatever the release)."""
    if not relies_on_release(campaign):
        return False
    return not any(decide(view, c) is False for c in campaign.when if not _on_release(c))


def _read_by(campaign: Campaign) -> set[str]:
    """Every fact the campaign's conditions read."""

    def walk(c: Condition) -> set[str]:
        return _reads(c).union(*(walk(i) for i in [*(c.any or []), *(c.all or [])]))

    return set().union(*(walk(c) for c in campaign.when)) - {""}


def review_reason(campaign: Campaign, view: View, listed: bool | None) -> str | None:
    """Why the person is for review rather than on (or off) the list, or None: approximate dates
    that leave the list undecided (the sentence's dates, a program's answer, or a date fact the
    list compares that holds on some days of its range only), or a record contradicting itself
    about release when the list's answer may turn on release (whether or not it would take the
    person)."""
    undecided = view.person.facts.get("dates_undecided")
    contradiction = view.person.facts.get("contradictions")
    if listed is None:
        said = []
        if undecided:
            said.append(str(undecided))
        if view.undecided_programs:
            approximate = "; ".join(view.person.facts.get("approximate_dates") or ())
            said.append(
                f"the answers of {', '.join(sorted(view.undecided_programs))} depend on the "
                f"unknown day of {approximate}."
            )
        facts = view.approximate_facts(_read_by(campaign))
        if facts:
            said.append(
                f"the list compares dates given approximately ({'; '.join(facts)}), and its "
                "conditions hold on some of their days only."
            )
        said = said or ["some of the dates it compares are given approximately."]
        return (
            f"Cannot be placed on this list or off it: {' '.join(said)} Whether the person "
            "belongs here turns on those dates; find the exact day."
        )
    if contradiction and _release_may_decide(campaign, view):
        return (
            f"The record contradicts itself: {contradiction}. Supervised release begins on "
            "release from imprisonment, so one of the two is wrong; the computed dates assume "
            "custody continues. Find the custody's end (or correct the supervision's start) "
            "before acting on this list."
        )
    return None


def placements(
    campaigns: Sequence[Campaign], person: Screened, as_of: dt.date
) -> Iterator[tuple[int, bool, list[str]]]:
    """Where ``person`` goes in each campaign: (the campaign's index, whether on its review
    list, the row), for each list that takes them."""
    view = View(person, as_of)
    for index, campaign in enumerate(campaigns):
        listed = _all3([decide(view, c) for c in campaign.when])
        review = review_reason(campaign, view, listed)
        if review is not None:
            yield index, True, _row(campaign, view, "needs_review", review)
        elif listed:
            yield index, False, _row(campaign, view, campaign.outcome, reason_for(campaign, view))


def _row(campaign: Campaign, view: View, outcome: str, reason: str) -> list[str]:
    return [
        view.person.person_id,
        view.person.name or "",
        campaign.id,
        outcome,
        reason,
        *[_fill(view, col) for col in campaign.columns],
        campaign.action,
    ]


class CampaignSink:
    """Writes each campaign's list (CSV) as people are screened, and beside it the people the
    data cannot place (``ID-review.csv``)."""

    def __init__(
        self, out: Path, campaigns: Sequence[Campaign], as_of: dt.date, part: str = ""
    ) -> None:
        self.as_of = as_of
        self.campaigns = campaigns
        self.counts = {c.id: 0 for c in campaigns}
        self.review_counts = {c.id: 0 for c in campaigns}
        self.files: list[Any] = []
        self.writers: list[Any] = []
        self.reviewers: list[Any] = []
        if campaigns:
            (out / "campaigns").mkdir(parents=True, exist_ok=True)
        for c in campaigns:
            header = ["person_id", "name", "campaign", "outcome", "reason", *c.columns, "action"]
            for name, into in ((c.id, self.writers), (f"{c.id}-review", self.reviewers)):
                handle = (out / "campaigns" / f"{name}{part}.csv").open(
                    "w", newline="", encoding="utf-8"
                )
                writer = csv.writer(handle)
                writer.writerow(header)
                self.files.append(handle)
                into.append(writer)

    def write(self, batch: Sequence[Screened]) -> None:
        for person in batch:
            for index, review, row in placements(self.campaigns, person, self.as_of):
                self.add(index, review, row)

    def add(self, index: int, review: bool, row: list[str]) -> None:
        """Write one placement (:func:`placements`) of campaign ``index``."""
        campaign = self.campaigns[index]
        if review:
            self.review_counts[campaign.id] += 1
            self.reviewers[index].writerow(row)
        else:
            self.counts[campaign.id] += 1
            self.writers[index].writerow(row)

    def close(self) -> None:
        for handle in self.files:
            handle.close()
