"""The guided interview: the engine's ``missing_facts`` choose the next question (as docassemble
does). Every question is keyed by the record field path the engine names; its wording, help
and answers come from this catalogue, else from the record schema's own description."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from secondchance.law.sba.associates import OTHER_OWNERS
from secondchance.law.sentence.gather import ARRIVAL_CUSTODY
from secondchance.record.schema import RecordPart
from secondchance.record.terms import Term, TermError
from secondchance.web import answers
from secondchance.web.paths import field_info, get_path, kind_of, pattern, set_path, split_path

GOALS: dict[str, tuple[str, tuple[str, ...]]] = {
    "pardon": ("A presidential pardon", ("clemency.pardon_petition", "clemency.marijuana_pardon")),
    "release": (
        "Getting out of federal prison earlier",
        ("fsa.time_credits", "clemency.commutation_petition"),
    ),
    "sba": (
        "An SBA loan for a business",
        ("sba.7a", "sba.504", "sba.microloan", "sba.ilp", "sba.surety_bond", "sba.disaster"),
    ),
}

NONE_CHOICE = ("none", "No / none")
RECORD_PARTS = frozenset(part.value for part in RecordPart)


@dataclass(frozen=True)
class Question:
    path: str
    kind: str
    text: str
    help: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    about: str = ""
    allow_none: bool = False
    fields: tuple[tuple[str, str, str], ...] = field(default_factory=tuple)
    """For a group question: (name, kind, label) of each input."""
    note: str = ""
    """Why a question answered before is asked again (shown above it)."""
    convictions: tuple[tuple[str, str], ...] = ()
    """For the "held" question of a record with more than one conviction: the convictions to
    choose from (index, words), asked as "Which conviction is this period for?"."""


@dataclass(frozen=True)
class Plain:
    text: str
    help: str = ""
    choices: tuple[tuple[str, str], ...] = ()


JURISDICTIONS = (
    ("federal", "A federal court"),
    ("dc", "A D.C. court (D.C. Code)"),
    ("state", "A state court"),
    ("military", "A military court (court-martial)"),
)
YES_NO = (("yes", "Yes"), ("no", "No"))
PLAIN: dict[str, Plain] = {
    "jurisdiction": Plain("Which court convicted the person?", choices=JURISDICTIONS),
    "statute": Plain(
        "Which law was the offense under?",
        "Write the citation as the judgment gives it, with its subsection, e.g. "
        "21 U.S.C. 841(a)(1). The judgment (form AO 245B) lists it under “Title & Section”.",
    ),
    "conviction_date": Plain(
        "When was the person convicted?",
        "The day of the guilty plea or verdict. If you know only the month or the year, write "
        "that (“June 2018”, “2018”).",
    ),
    "offense_date": Plain("When was the offense committed?", "A month or a year is fine."),
    "imposed_on": Plain("When did the judge impose the sentence?", "A month or a year is fine."),
    "sentencing_date": Plain(
        "When was the person sentenced?",
        "The day the judge imposed the sentence (often weeks or months after the plea or "
        "verdict), as the judgment gives it. A month or a year is fine.",
    ),
    "imprisonment": Plain(
        "How long was the prison sentence?",
        "As the judgment says, e.g. “60 months”, “5 years 3 months”, or “life”. "
        "If there was no prison sentence, write “0 months”.",
    ),
    "supervised_release": Plain(
        "How long is the term of supervised release?", "E.g. “3 years”. Write “0 months” if none."
    ),
    "felony": Plain(
        "Was this offense a felony?",
        "A felony is a crime punishable by more than one year in prison, whatever sentence was "
        "actually given.",
        (("yes", "Yes"), ("no", "No")),
    ),
    "substance": Plain("Which drug was involved, if any?", "E.g. marijuana, cocaine, heroin."),
    "description": Plain(
        "How does the judgment describe this offense?",
        "In the judgment's own words, e.g. “Possession of marijuana”. The marijuana pardons "
        "cover simple possession and use only, so every word counts (“while armed”, “with "
        "intent to distribute”).",
    ),
    **{
        leaf: Plain(f"Was this {words}?", "As the charge or the judgment describes it.", YES_NO)
        for leaf, words in (
            ("financial_misconduct", "a crime involving or relating to financial misconduct"),
            ("false_statement", "a crime involving or relating to a false statement"),
            ("moral_turpitude", "a crime of moral turpitude"),
            ("fraud_or_dishonesty", "an offense involving fraud or dishonesty"),
            ("against_children", "an offense against children"),
            ("serious", "a serious criminal offense"),
            ("violence", "a crime of violence"),
        )
    },
    "weapon": Plain("Was a weapon involved in this offense?", choices=YES_NO),
    "riot_or_civil_disorder": Plain(
        "Was this offense committed during and in connection with a riot, a civil disorder or a "
        "declared disaster?",
        "SBA disaster loans bar such a felony within the past year (13 CFR 123.101(a)).",
        YES_NO,
    ),
    "child_care": Plain(
        "Is the business a child care business?",
        "SBA's Microloan rule treats child care businesses apart (13 CFR 120.707(a)).",
        (("yes", "Yes"), ("no", "No")),
    ),
    "name": Plain("What is the name?"),
    "new_release_date": Plain(
        "Did the President commute this sentence? If so, on which day does the commuted "
        "sentence end?",
        "Choose “No / none” if there was no commutation.",
    ),
    "role": Plain("What is this person's role in the business?"),
    "ownership_percent": Plain(
        "What share of the business does this person own?", "A percentage, e.g. 30."
    ),
    "application_date": Plain(
        "When is (or was) the SBA loan application made?",
        "The SBA rule changed on May 30, 2024; the date decides which rule applies. Choose “I "
        "don't know” to use today.",
    ),
}


ASKED_PARTS = ("convictions", "pending_charges", "supervision")
"""The parts of a person's record the interview asks about with one yes/no question each."""


def _record_part(prefix: str, part: str) -> Question:
    """The one question about a part of a person's record (``prefix`` ends with ``record.``, or
    is empty for the record's own person): "Yes" with a choice, "No / none", or "I don't know"."""
    if part == "convictions":
        return Question(
            f"{prefix}convictions[0].jurisdiction",
            "choice",
            "Has this person ever been convicted of a crime? If so, by which court?",
            "Any conviction, however old, in any court.",
            JURISDICTIONS,
            allow_none=True,
        )
    if part == "pending_charges":
        return Question(
            f"{prefix}pending_charges[0].instrument",
            "choice",
            "Is this person charged with a crime now (not yet resolved)?",
            "An indictment, an information or a criminal complaint that is still open.",
            (
                ("indictment", "Yes, indicted"),
                ("information", "Yes, by information"),
                ("complaint", "Yes, by complaint"),
            ),
            allow_none=True,
        )
    return Question(
        f"{prefix}supervision[0].kind",
        "choice",
        "Is this person on probation, parole or supervised release?",
        "Now, or at any time since the conviction.",
        (
            ("probation", "Probation"),
            ("parole", "Parole"),
            ("supervised_release", "Supervised release"),
        ),
        allow_none=True,
    )


PEOPLE_UNKNOWN = "business.people"
"""What "I don't know" to "Is there anyone else ...?" writes on the record's ``unknown`` list
(format 1.2): whether the business has other people is not known, so no SBA answer clears it
(law/unstated.py) and the question is not asked again."""

UNKNOWN_ASSOCIATE = "Not known: someone else who may own 20% or more or hold a role"
"""The name of the stand-in person cases begun before format 1.2 added for that answer (role
and record unknown): still read, so that such a case is not asked about them."""


def _another_person(index: int) -> Question:
    """ "Is there anyone else ...?": every Associate counts, not only one (13 CFR 120.110(n)
    reaches each 20%-or-more owner, officer, director, general partner and key employee)."""
    return Question(
        f"business.people[{index}].name",
        "text",
        "Is there anyone else who owns 20% or more of the business, or is an officer, director, "
        "general partner or key employee (or was one in the six months before the "
        "application)? If so, write their name.",
        "SBA looks at each of these people, not only the owner; for most loans also at anyone "
        "who held such a share or role in the six months before the application (13 CFR "
        "120.10). Choose “No / none” when there is no one else.",
        allow_none=True,
    )


def _person_starters(index: int) -> list[Question]:
    owner = f"business.people[{index}]"
    first = (
        Question(
            f"{owner}.name",
            "text",
            "Who owns or runs the business? (Start with one person; the interview then asks "
            "about the others.)",
        )
        if index == 0
        else _another_person(index)
    )
    return [
        first,
        _unabout(_from_schema(f"{owner}.roles[0].role", {})),  # about: said with the record
        _unabout(_from_schema(f"{owner}.roles[0].ownership_percent", {})),
        *([_from_schema("application_date", {})] if index == 0 else []),
        *(_record_part(f"{owner}.record.", part) for part in ASKED_PARTS),
    ]


def _unabout(question: Question) -> Question:
    """``question`` with no "About:" line yet: the interview writes it from the record (the
    person's name), never from the empty record a starter is made with ("person 1")."""
    return Question(**{**question.__dict__, "about": ""})


def _owed_question(kind: str) -> Question:
    """Whether a fine or restitution is still owed (an unpaid penalty keeps a pardon petition
    for review): "No / none" records nothing owed."""
    return Question(
        f"convictions[0].sentence.{kind}_owed",
        "money",
        f"Does the person still owe any {'fine' if kind == 'fine' else 'restitution'} for this "
        "conviction? If so, how much (in dollars)?",
        "Choose “No / none” if nothing is owed (never ordered, or all paid).",
        allow_none=True,
    )


REMOVAL_CHOICES = (
    ("final_order", "Yes, a final order of removal (deportation)"),
    ("other", "Yes, an order of removal, but not final or not sure it is final"),
    ("detainer", "No order, but immigration (ICE) has placed a detainer (a hold)"),
)


def _removal_question() -> Question:
    return Question(
        "fsa.removal_orders[0].kind",
        "choice",
        "Has an immigration judge or officer ordered the person removed (deported) from the "
        "United States, or has immigration (ICE) placed a hold (detainer) on them?",
        "A final order of removal bars using First Step Act time credits (18 U.S.C. "
        "3632(d)(4)(E)).",
        REMOVAL_CHOICES,
        allow_none=True,
    )


def _risk_question(path: str = "fsa.risk_assessments") -> Question:
    return Question(
        path=path,
        kind="risk",
        text="What is the person's latest PATTERN risk level, and when was it assessed?",
        help="The Bureau of Prisons' risk score (minimum, low, medium, high), shown on the "
        "person's FSA time credit assessment.",
        fields=(("level", "risk", "Risk level"), ("assessed_on", "date", "Assessed on")),
    )


def _starters(
    goal: str, record: Mapping[str, Any] | None = None, asked: set[str] | None = None
) -> list[Question]:
    """The goal's first questions: each part of the record its programs read that could turn a
    clearing answer into another is asked, never read as "none" because it was not asked.
    "Is there anyone else?" answered "I don't know" is not asked again, unless ``asked`` is
    given and no longer holds it (the question was reopened to be answered now)."""
    if goal == "sba":
        people = ((record or {}).get("business") or {}).get("people") or []
        people = people if isinstance(people, list) else []
        known = len(people) if record is not None else 1  # no record: the first person's
        found = [Question("business.name", "text", "What is the business called?")]
        for index in range(known + 1):
            if index < len(people) and _is_placeholder(people[index]):
                break  # (a case begun before format 1.2) not asked again, nor about them
            reopened = asked is not None and f"business.people[{index}].name" not in asked
            if 0 < index == len(people) and _people_unknown(record) and not reopened:
                break  # "I don't know" whether anyone else: not asked again
            found += _person_starters(index)[: None if index < known else 1]
        return found
    first = [
        _from_schema("convictions[0].jurisdiction", {}),
        _from_schema("convictions[0].counts[0].statute", {}),
        _from_schema("convictions[0].conviction_date", {}),
        _from_schema("convictions[0].sentence.imprisonment", {}),
    ]
    if goal == "release":  # the sentence commences no earlier than sentencing (3585(a))
        first.append(_from_schema("convictions[0].sentencing_date", {}))
    if goal in ("release", "pardon"):
        first.append(_custody_question("custody[] (a period for convictions[0])", {}))
    if goal == "pardon":
        first += [_record_part("", "supervision"), _owed_question("fine")]
        first.append(_owed_question("restitution"))
    if goal == "release":
        first += [_removal_question(), _risk_question()]
    return first


def _is_placeholder(person: Any) -> bool:
    return isinstance(person, dict) and person.get("name") == UNKNOWN_ASSOCIATE


def _people_unknown(record: Mapping[str, Any] | None) -> bool:
    listed = (record or {}).get("unknown")
    return isinstance(listed, list) and PEOPLE_UNKNOWN in listed


def _about(tokens: list[Any], record: Mapping[str, Any]) -> str:
    """Whom or what a question is about, in words: "Luis Ortiz — conviction 1, count 1"."""
    parts: list[str] = []
    for position, token in enumerate(tokens[:-1]):
        if not isinstance(token, int):
            continue
        owner = tokens[position - 1]
        entry = get_path(record, tokens[: position + 1]) or {}
        if owner == "people":
            parts.append(str(entry.get("name") or f"the {_ordinal(token)} person in the business"))
            continue
        if owner == "roles":
            said = str(entry.get("role") or "").replace("_", " ") if isinstance(entry, dict) else ""
            which = "" if token == 0 else f"{_ordinal(token)} "
            parts.append(f"their {which}role in the business" + (f" ({said})" if said else ""))
            continue
        label = {
            "convictions": "conviction",
            "counts": "count",
            "pending_charges": "pending charge",
            "supervision": "supervision period",
            "custody": "custody period",
        }.get(str(owner), str(owner))
        statute = entry.get("statute") if isinstance(entry, dict) else None
        parts.append(f"{label} {token + 1}" + (f" ({statute})" if statute else ""))
    return ", ".join(parts)


ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")


def _ordinal(index: int) -> str:
    return ORDINALS[index] if index < len(ORDINALS) else f"number {index + 1}"


def _from_schema(path: str, record: Mapping[str, Any]) -> Question:
    tokens = split_path(path)
    annotation, description = field_info(tokens)
    kind = kind_of(annotation)
    leaf = str(tokens[-1]) if tokens and isinstance(tokens[-1], str) else ""
    plain = PLAIN.get(leaf)
    choices: tuple[tuple[str, str], ...] = ()
    if kind == "choice":
        choices = tuple((m.value, m.value.replace("_", " ").capitalize()) for m in annotation)
    if kind == "bool":
        choices = (("yes", "Yes"), ("no", "No"))
    if plain and plain.choices:
        choices = plain.choices
    text = plain.text if plain else (description or leaf.replace("_", " ").capitalize())
    if not plain and kind == "bool":
        text = f"Is this so? {description}" if description else f"{leaf.replace('_', ' ')}?"
    return Question(
        path=path,
        kind=kind if kind != "group" else "text",
        allow_none=leaf == "new_release_date",
        text=text,
        help=plain.help if plain else ("A month or a year is fine." if kind == "date" else ""),
        choices=choices,
        about=_about(tokens, record),
    )


def _custody_question(path: str, record: Mapping[str, Any]) -> Question:
    return Question(
        path=path,
        kind="custody",
        text="When did the person go to federal prison for this conviction, and when were they "
        "released (or when will they be)?",
        help="The first day in custody, and the release day. If the person is still inside, "
        "leave the release day empty. A month or a year is fine. Choose “No / none” if the "
        "person was never in prison for this conviction.",
        fields=(("start", "date", "First day in custody"), ("end", "date", "Release day")),
        allow_none=True,
        about=_about(split_path(_conviction_of(path) + ".x"), record),
    )


SUPERVISION_DATES = re.compile(
    r"((?:business\.people\[\d+\]\.record\.)?supervision\[\d+\])(?:\.(?:start|end))?"
)
"""A supervision period, or its first or last day: asked as one question, both days."""
SUPERVISION_WORDS = {
    "probation": "probation",
    "parole": "parole",
    "supervised_release": "supervised release",
}


def _supervision_words(where: str, record: Mapping[str, Any]) -> str:
    """The supervision period at ``where`` in words ("supervised release"), by its kind."""
    period = get_path(record, split_path(where))
    kind = period.get("kind") if isinstance(period, Mapping) else None
    return SUPERVISION_WORDS.get(str(kind), "supervision")


def _supervision_dates(path: str, record: Mapping[str, Any]) -> Question:
    """When a period of probation, parole or supervised release began and ended: without its
    days the engine cannot tell whether the person is under it on the day asked, and reads a
    period with no last day as still running."""
    found = SUPERVISION_DATES.fullmatch(path)
    where = found[1] if found else path
    words = _supervision_words(where, record)
    return Question(
        path=where,
        kind="period",
        text=f"When did the {words} begin, and when did (or will) it end?",
        help="The first day, and the last day: the day it ended, or the day it is set to end. "
        "Leave the last day empty if it has no set end. A month or a year is fine.",
        fields=(("start", "date", "First day"), ("end", "date", "Last day")),
        about=_about(split_path(where + ".x"), record),
    )


def _supervision_follow_up(
    question: Question, record: Mapping[str, Any], asked: set[str]
) -> Question | None:
    """The days of a supervision period, asked right after "Yes" to "Is this person on
    probation, parole or supervised release?" when the record has neither day."""
    if not question.path.endswith("supervision[0].kind"):
        return None
    where = question.path.removesuffix(".kind")
    period = get_path(record, split_path(where))
    if not isinstance(period, dict) or not period.get("kind") or where in asked:
        return None
    if period.get("start") is not None or period.get("end") is not None:
        return None
    return _supervision_dates(where, record)


SUPERVISION_CONVICTION = re.compile(
    r"((?:business\.people\[\d+\]\.record\.)?)supervision\[\d+\]\.conviction_id"
)


def _supervision_conviction(path: str, record: Mapping[str, Any]) -> Question | None:
    """Which of the person's convictions a supervision period is for, chosen from them by
    their court, law and date (the record's ``conviction_id`` is an id the person never sees);
    None when the person's record has no conviction to choose."""
    found = SUPERVISION_CONVICTION.fullmatch(path)
    prefix = found[1] if found else ""
    person = get_path(record, split_path(prefix.removesuffix("."))) if prefix else record
    convictions = person.get("convictions") if isinstance(person, Mapping) else None
    if not isinstance(convictions, list) or not convictions:
        return None
    words = _supervision_words(path.removesuffix(".conviction_id"), record)
    return Question(
        path=path,
        kind="conviction",
        text=f"Which conviction is the {words} for?",
        choices=_conviction_choices(convictions),
        about=_about(split_path(path), record),
    )


def _conviction_choices(convictions: list[Any]) -> tuple[tuple[str, str], ...]:
    """The person's convictions to choose from: (index, words by their law and date), e.g.
    ("1", "Conviction 2 (18 U.S.C. 1343, 2019-11-04)")."""
    choices = []
    for index, conviction in enumerate(convictions):
        if not isinstance(conviction, Mapping):
            continue
        counts = conviction.get("counts") or []
        statute = counts[0].get("statute") if counts and isinstance(counts[0], Mapping) else None
        said = ", ".join(
            str(part) for part in (statute, conviction.get("conviction_date")) if part is not None
        )
        choices.append((str(index), f"Conviction {index + 1}" + (f" ({said})" if said else "")))
    return tuple(choices)


def _conviction_of(path: str) -> str:
    found = re.search(r"convictions\[(\d+)\]", path)
    return f"convictions[{found[1]}]" if found else "convictions[0]"


COURT_FINDINGS = (
    ("death_or_serious_bodily_injury", "Death or serious bodily injury resulted"),
    ("weapon_of_mass_destruction", "A weapon of mass destruction was involved"),
    ("leader_organizer", "The person was an organiser, leader, manager or supervisor"),
    ("involuntary_manslaughter", "The offense was involuntary manslaughter"),
    ("attempt_to_commit_manslaughter", "The offense was an attempt to commit manslaughter"),
    ("threat_only", "The offense was a threat only"),
)


def _findings_question(path: str, record: Mapping[str, Any]) -> Question:
    return Question(
        path=path,
        kind="findings",
        text="Did the court find any of these about this offense?",
        help="The First Step Act bars time credits for some offenses only when the court found "
        "one of these (18 U.S.C. 3632(d)(4)(D)). Tick what the judgment or the plea says; "
        "choose “No / none” only if the court found none of them.",
        choices=COURT_FINDINGS,
        allow_none=True,
        about=_about(split_path(path), record),
    )


HELD_MISSING = ARRIVAL_CUSTODY
"""The engine's missing fact when the record shows no custody between sentencing and arrival at
prison (it then takes the sentence to commence on arrival, a voluntary surrender)."""
HELD_PATH = "custody[].held_before_arrival"
"""The interview's own path for the question that answers :data:`HELD_MISSING`."""


HELD_WHICH = "Which conviction is this period for?"
"""The choice asked with :func:`_held_question` when the record has more than one conviction
(the template _panel.html shows these words)."""


def _held_question(record: Mapping[str, Any]) -> Question:
    """Whether the person was held in custody between sentencing and arriving at prison: a
    sentence commences when the person is received in custody awaiting transportation to the
    prison, or arrives there voluntarily (18 U.S.C. 3585(a)). "Yes" adds the period, for the
    one conviction, or for the conviction chosen where the record has more than one (a period
    of another conviction's sentence does not commence this one)."""
    convictions = record.get("convictions")
    several = isinstance(convictions, list) and len(convictions) > 1
    choices = _conviction_choices(convictions) if isinstance(convictions, list) else ()
    return Question(
        path=HELD_PATH,
        kind="held",
        text="Was the person held by the U.S. Marshals (federal custody) between sentencing "
        "and arriving at the prison?",
        help="For example kept in a jail for the marshals after the sentencing, instead of "
        "reporting to the prison on their own. Held by a state or county on other charges is "
        "not this: answer No (or I don't know) and add that custody to the record. If yes, "
        "give the first day held (and the last day, if it ended before the arrival). A month "
        "or a year is fine.",
        choices=YES_NO,
        fields=(("start", "date", "First day held"), ("end", "date", "Last day held")),
        about="" if several else _about(split_path("convictions[0].x"), record),
        convictions=choices if several else (),
    )


COMMUTATIONS = re.compile(r"convictions\[(\d+)\]\.sentence\.commutations")
"""The engine's missing fact when a release is not explained by the term (a custody ending
before the term could have ended, or a life term's release): a commutation would explain it."""


def _commutation_question(path: str, record: Mapping[str, Any]) -> Question:
    """Whether the President commuted this prison sentence (U.S. Const. art. II, sec. 2): "Yes"
    with the day granted and the new release date adds the commutation as the record format
    writes it (``granted_on``, ``new_release_date``); "No" or "I don't know" adds nothing, so
    the release stays unexplained and nothing clears the person. A court's sentence reduction
    (18 U.S.C. 3582(c)) is not a commutation: it changes the term imposed, which the person
    corrects instead."""
    return Question(
        path=path,
        kind="commuted",
        text="Was this prison sentence commuted (shortened) by the President?",
        help="A commutation is a grant of clemency signed by the President; the warrant says "
        "the day it was granted and the day the sentence now ends (“commuted to expire on”). "
        "If yes, give both days. A court's sentence reduction (18 U.S.C. 3582(c): "
        "compassionate release, or a retroactive change of the sentencing guidelines) is not "
        "a commutation: it changes the prison term, so answer No here and correct the prison "
        "sentence (“How long was the prison sentence?”) to the reduced term in the record.",
        choices=YES_NO,
        fields=(
            ("granted_on", "date", "Day granted"),
            ("new_release_date", "date", "New release date"),
        ),
        about=_about(split_path(_conviction_of(path) + ".x"), record),
    )


GROUPS = {
    "convictions[].counts[].court_findings": _findings_question,
    "custody": _custody_question,
    "custody[]": _custody_question,
    "custody[].kind": _custody_question,
    "custody[].end": _custody_question,
}


def question_for(path: str, record: Mapping[str, Any]) -> Question | None:
    """The question that answers the engine's missing fact ``path``, or None if the interview
    cannot ask it (then the page says to edit the record file)."""
    if SUPERVISION_DATES.fullmatch(path):
        return _supervision_dates(path, record)
    if SUPERVISION_CONVICTION.fullmatch(path):
        return _supervision_conviction(path, record)
    if path in (HELD_PATH, HELD_MISSING):
        return _held_question(record)
    if COMMUTATIONS.fullmatch(path):
        return _commutation_question(path, record)
    if CUSTODY_DAY.fullmatch(path) and get_path(record, split_path(path)) is not None:
        return _custody_day(path, record)  # a day recorded: asked again, that day alone
    shape = pattern(path)
    if shape in GROUPS:
        return GROUPS[shape](path, record)
    if shape.endswith("sentence"):
        return _from_schema(path + ".imprisonment", record)
    if shape.endswith("counts"):
        return _from_schema(path + "[0].statute", record)
    if shape == "fsa.risk_assessments":
        return _risk_question(path)
    whole = re.fullmatch(r"((?:business\.people\[\d+\]\.record\.)?)([a-z_]+)", path)
    if whole is None:  # the part's own question, asked by its path (a starter, or as below)
        whole = re.fullmatch(r"((?:business\.people\[\d+\]\.record\.)?)([a-z_]+)\[0\]\.\w+", path)
        if whole and (
            whole[2] not in ASKED_PARTS
            or _record_part(whole[1], whole[2]).path != path
            or (not whole[1] and whole[2] == "convictions")  # the record's own: asked by court
        ):
            whole = None
    if whole and whole[2] in ASKED_PARTS:  # a whole part of a record: its one question
        asked = _record_part(whole[1], whole[2])
        return _with_about(asked, record) if whole[1] else asked
    annotation = field_info(split_path(path))[0]
    if annotation is None or kind_of(annotation) == "group":
        return None  # a list or a group of fields is not one answer: edit the record file
    return _from_schema(path, record)


def key(path: str) -> str:
    return re.split(r"[ =]", path.strip(), maxsplit=1)[0]


def next_question(
    goal: str,
    record: Mapping[str, Any],
    missing: list[str],
    asked: set[str],
    again: Mapping[str, str] | None = None,
) -> Question | None:
    """The first question not yet asked: the goal's starters, then the engine's missing facts.
    A question once asked (answered "I don't know" too) is not asked again, whichever path
    names it: a missing path is covered by a question asked about it or within it
    (``convictions[0].counts`` by ``convictions[0].counts[0].statute``). Except: a field the
    record holds that the engine still names as missing (a statute without the subsection the
    law turns on, a release day before the term could have ended) is asked again, with a note
    why, unless it was asked again already and still holds the answer given then (``again``:
    path → that answer, :func:`again_value`), so that the interview never loops."""
    for question in _starters(goal, record, asked):
        dates = _supervision_follow_up(question, record, asked)
        if dates is not None:
            return dates
        if key(question.path) in asked or _skip_starter(question, record):
            continue
        return _with_about(question, record)
    for path in _required_follow_ups(record):
        if key(path) not in asked:
            return _from_schema(path, record)
    for path in missing:
        held = get_path(record, split_path(path))
        if path == PEOPLE_UNKNOWN and isinstance(held, list) and not _stated_unknown(path, record):
            if _no_one_else_stated(record):
                # Named although no one else owns 20% or more today: an earlier day of the
                # look-back left more unaccounted for (the answer's reason says which); "No /
                # none" would not settle it, so the question is not asked again (no loop).
                continue
            return _anyone_else_again(held)
        if held is not None and not _stated_unknown(path, record):
            found = _ask_again(path, record, held, again or {})
            if found is not None:
                return found
            continue
        if COMMUTATIONS.fullmatch(path) and not _covered(path, asked):
            # Asked once the release day named beside it has been asked again (or confirmed):
            # a wrong day is the likelier cause, and a corrected day may settle it.
            pending = _release_day_pending(record, missing, again or {})
            return pending or _commutation_question(path, record)
        if path == HELD_MISSING:  # its own question, not the custody question already asked
            if HELD_PATH not in asked:
                return _held_question(record)
            continue
        if _covered(key(path), asked):
            continue
        if _stated_unknown(path, record) or _about_placeholder(path, record):
            continue
        found = question_for(path, record)
        if found is None or _covered(key(found.path), asked):
            continue
        if found.kind == "custody" and _no_prison_term(found.path, record):
            continue
        return found
    return None


def _no_one_else_stated(record: Mapping[str, Any]) -> bool:
    """Whether the record states that no one else owns 20% or more (``OTHER_OWNERS``)."""
    return get_path(record, split_path(OTHER_OWNERS)) is True


def _anyone_else_again(people: list[Any]) -> Question:
    """ "Is there anyone else ...?" asked again: the engine names ``business.people`` while
    the people listed are known, so the shares listed leave unaccounted for an owner a rule
    counts, and "No / none" was given before it wrote that no one else owns 20% or more (a
    case begun before). "No / none" now writes it; the question is not asked again after."""
    return Question(
        **{
            **_another_person(len(people)).__dict__,
            "note": "Asked again. The shares of the owners listed do not add up to the whole "
            "business: say who owns the rest, or “No / none” if no one else owns 20% or more.",
        }
    )


def again_value(value: Any) -> str:
    """How the interview remembers the answer a question asked again held (``again``)."""
    return json.dumps(value, sort_keys=True, default=str)


CUSTODY_DAY = re.compile(r"custody\[(\d+)\]\.(start|end)")


def _ask_again(
    path: str, record: Mapping[str, Any], held: Any, again: Mapping[str, str]
) -> Question | None:
    """The question that asks again for a field the record holds (``held``) and the engine
    still names as missing, with a note why; None when it was asked again and still holds the
    answer given then, or when the interview cannot ask that one field."""
    if isinstance(held, (dict, list)) or again.get(path) == again_value(held):
        return None
    said = f"The answer given, “{held}”, does not decide it."
    leaf = split_path(path)[-1]
    found = question_for(path, record)
    if found is None or found.path != path or found.kind in ("custody", "period", "held"):
        return None
    if CUSTODY_DAY.fullmatch(path) and leaf == "end":
        said = (
            f"The release day given, {held}, is earlier than the prison term allows (the "
            "answers give the earliest day): check it against the release papers. If the "
            "President commuted the sentence, the next question asks about it; a court's "
            "sentence reduction changes the prison term: correct the term instead."
        )
    if leaf == "statute":
        said = (
            f"The law needs the subsection: “{held}” does not say which part of the "
            "section the conviction is under, and the answer turns on it. Write the "
            "citation with every subsection the judgment gives, e.g. D.C. Code "
            "48-904.01(d)(1) or 21 U.S.C. 841(a)(1)."
        )
    return Question(**{**found.__dict__, "note": f"Asked again. {said}"})


def _release_day_pending(
    record: Mapping[str, Any], missing: list[str], again: Mapping[str, str]
) -> Question | None:
    """The question asking again a custody's release day the engine names (``missing``) that
    has not yet been asked again, or None."""
    for path in missing:
        found = CUSTODY_DAY.fullmatch(path)
        held = get_path(record, split_path(path))
        if found is None or found[2] != "end" or held is None or _stated_unknown(path, record):
            continue
        question = _ask_again(path, record, held, again)
        if question is not None:
            return question
    return None


def _custody_day(path: str, record: Mapping[str, Any]) -> Question:
    """The first or the last day of a custody period already recorded, asked again alone."""
    return Question(
        path=path,
        kind="date",
        text="When did the person go into this custody?"
        if path.endswith("start")
        else "On which day was the person released from this custody?",
        help="As the release papers (or the Bureau of Prisons) give it. A month or a year is fine.",
        about=_about(split_path(path), record),
    )


def _covered(path: str, asked: set[str]) -> bool:
    """Whether ``path`` was asked, or a question about a field within it was."""
    return path in asked or any(a.startswith((f"{path}.", f"{path}[")) for a in asked)


def _about_placeholder(path: str, record: Mapping[str, Any]) -> bool:
    """Whether ``path`` is about the person added for "I don't know whether anyone else": the
    interview cannot ask about someone unnamed (the record file can be edited)."""
    found = re.match(r"business\.people\[(\d+)\]", path)
    people = (record.get("business") or {}).get("people") or []
    if found is None or int(found[1]) >= len(people):
        return False
    return _is_placeholder(people[int(found[1])])


def _no_prison_term(path: str, record: Mapping[str, Any]) -> bool:
    """Whether the conviction a custody question is about has a sentence with no prison term
    ("0 months", or probation with no prison term): custody is not asked."""
    conviction = get_path(record, split_path(_conviction_of(path)))
    sentence = conviction.get("sentence") if isinstance(conviction, dict) else None
    if not isinstance(sentence, dict):
        return False
    term = sentence.get("imprisonment")
    if term is None:
        return bool(sentence.get("probation")) and not sentence.get("imprisonment_length_unknown")
    try:
        return Term.model_validate(term).is_zero  # the record's own reading of a term
    except (ValidationError, TermError, ValueError):
        return False


def _stated_unknown(path: str, record: Mapping[str, Any]) -> bool:
    """Whether ``path`` is (or is within) a part or field its record's ``unknown`` list names:
    the person was asked and does not know, so the interview does not ask again."""
    tokens = split_path(path)
    own = tokens[: tokens.index("record") + 1] if "record" in tokens else []
    rest = tokens[len(own) :]
    person = get_path(record, own) if own else record
    listed = person.get("unknown") if isinstance(person, Mapping) else None
    if not rest or not isinstance(listed, list):
        return False
    relative = path[path.index(".record.") + len(".record.") :] if own else path
    return rest[0] in listed or any(
        isinstance(entry, str)
        and (relative == entry or relative.startswith((f"{entry}.", f"{entry}[")))
        for entry in listed
    )


def _required_follow_ups(record: Mapping[str, Any]) -> list[str]:
    """Fields the record format requires once an answer opened their section (a state
    conviction names its state)."""
    wanted: list[str] = []
    people = (record.get("business") or {}).get("people") or []
    sources = [("", record)] + [
        (f"business.people[{i}].record.", p.get("record") or {})
        for i, p in enumerate(people)
        if isinstance(p, dict)
    ]
    for prefix, person in sources:
        for i, conviction in enumerate(person.get("convictions") or []):
            if conviction.get("jurisdiction") == "state" and not conviction.get("state"):
                wanted.append(f"{prefix}convictions[{i}].state")
    return wanted


def _with_about(question: Question, record: Mapping[str, Any]) -> Question:
    if question.about or question.kind == "custody":
        return question
    tokens = split_path(question.path)
    if question.allow_none and question.kind in ("choice", "text") and "record" not in tokens:
        return question  # about the person as a whole ("is this person on probation ...?")
    if question.allow_none and "record" in tokens:  # "has this person ever ...": the person
        tokens = [*tokens[: tokens.index("record")], "record"]
    return Question(**{**question.__dict__, "about": _about(tokens, record)})


def _skip_starter(question: Question, record: Mapping[str, Any]) -> bool:
    tokens = split_path(question.path)
    if question.kind != "custody" and get_path(record, tokens) is not None:
        return True
    if question.kind == "custody":
        return _no_prison_term(question.path, record)
    if question.path.endswith("sentencing_date"):  # or given as the sentence's imposed_on
        return get_path(record, [*tokens[:-1], "sentence", "imposed_on"]) is not None
    if question.path.endswith("ownership_percent"):
        return bool(get_path(record, [*tokens[:-1], "role"]) != "owner")
    return False


def apply_answer(
    record: dict[str, Any], question: Question, form: Mapping[str, str]
) -> dict[str, Any]:
    """Write the answer into the record (a copy); raises :class:`answers.AnswerError`.
    "No / none" to the court findings records that the court found none of them."""
    if question.path == _removal_question().path:
        return _known(_apply_removal(copy.deepcopy(record), form), question)
    if question.kind == "findings" and form.get("action") == "none":
        updated = copy.deepcopy(record)
        names = [f"not:{name}" for name, _ in COURT_FINDINGS]
        set_path(updated, split_path(question.path), names)
        return updated
    updated = copy.deepcopy(record)
    value = (form.get("value") or "").strip()
    writes = _APPLY_BY_KIND.get(question.kind)
    if writes is not None:
        writes(updated, question, form)
        return updated
    if question.kind == "risk":
        entry = {
            "level": _choice(form.get("level", ""), ("minimum", "low", "medium", "high")),
            "assessed_on": answers.parse_date_answer(form.get("assessed_on", "")),
        }
        set_path(updated, [*split_path(question.path), None], entry)
        return updated
    if question.kind == "findings":
        ticked = [v for v in form.get("finding", "").split("\n") if v]
        allowed = {name for name, _ in COURT_FINDINGS}
        set_path(updated, split_path(question.path), [n for n in ticked if n in allowed])
        return updated
    if not value:
        raise answers.AnswerError("give an answer, or choose “I don't know”")
    stated = _unknown_field(question, record)
    set_path(updated, split_path(question.path), _typed(question, value))
    if _is_another(question.path, record):  # someone else: asked again about anyone further
        _unstate_others(updated)
    return _known(_answered(updated, stated), question)


def _unstate_others(record: dict[str, Any]) -> None:
    """``record`` (changed in place) without the statement that no one else owns 20% or more
    (``OTHER_OWNERS``), which "No / none" to "Is there anyone else ...?" writes: once that
    question is answered otherwise (a name, or "I don't know"), it no longer holds."""
    business = record.get("business")
    if isinstance(business, dict):
        business.pop(split_path(OTHER_OWNERS)[-1], None)


def _own_record(path: str) -> list[Any] | None:
    """The path of the person's own ``record`` a question's path is about, or None."""
    tokens = split_path(path)
    if "record" not in tokens:
        return None
    return tokens[: tokens.index("record") + 1]


def _starter_part(question: Question) -> tuple[list[Any], str] | None:
    """(the person's ``record`` path, the part) for a question asking whether a part of a
    person's record holds anything ("is this person charged now?": the question of
    ``pending_charges[0].instrument``), else None. The record's own person has the path [].
    Only the part's own question counts: a question about a field of an entry already there
    ("Which court convicted the person?", ``convictions[0].jurisdiction`` of the record's own
    person) is not a question about the whole part."""
    own = _own_record(question.path)
    if own is None:
        part = OWN_PART_QUESTIONS.get(question.path)
        return ([], part) if part else None
    prefix = question.path[: question.path.index("record.") + len("record.")]
    for part in ASKED_PARTS:
        if _record_part(prefix, part).path == question.path:
            return own, part
    return None


OWN_PART_QUESTIONS = {
    "pending_charges[0].instrument": "pending_charges",
    "supervision[0].kind": "supervision",
    "fsa.removal_orders[0].kind": "fsa",
}
"""The questions about a part of the record's own person, by path, and the part: "No / none"
takes it off the ``unknown`` list, "I don't know" puts it on (the person's convictions are
asked by their court, a field question, never as a whole part)."""


def _known(record: dict[str, Any], question: Question) -> dict[str, Any]:
    """``record`` (changed in place) with the part a starter question asks about taken off the
    person's ``unknown`` list: it has been answered."""
    found = _starter_part(question)
    if found is None:
        return record
    own, part = found
    person = get_path(record, own)
    if isinstance(person, dict) and part in (person.get("unknown") or []):
        person["unknown"] = [p for p in person["unknown"] if p != part]
        if not person["unknown"]:
            del person["unknown"]
    return record


def carry_unknown(record: dict[str, Any], unknown_paths: Iterable[str]) -> dict[str, Any]:
    """``record`` with every part a question about it was answered "I don't know" to (the
    interview's remembered ``unknown_paths``, as cases begun before the ``unknown`` list keep
    them) on its person's ``unknown`` list, when that person's record is given and holds
    nothing for the part: a record made by a later answer never reads the unknown as "none"."""
    updated = record
    for path in unknown_paths:
        found = _starter_part(Question(path, "text", ""))
        if found is None:
            continue
        own, part = found
        person = get_path(updated, own)
        if (
            not isinstance(person, dict)
            or person.get(part)
            or part in (person.get("unknown") or [])
        ):
            continue
        if updated is record:
            updated = copy.deepcopy(record)
            person = get_path(updated, own)
        person["unknown"] = [*(person.get("unknown") or []), part]
    return updated


def apply_none(
    record: dict[str, Any], question: Question, unknown: Iterable[str] = ()
) -> dict[str, Any]:
    """ "No / none" to a question about a business person's own record ("has this person ever
    been convicted?"): their ``record`` is given, empty where nothing else is known (a record
    left out means nothing is known, and the SBA answers say so), and the part asked about is
    no longer on its ``unknown`` list. A record left out while another question about it was
    answered "I don't know" (``unknown``: the paths so answered, as cases begun before the
    ``unknown`` list remember them) stays left out: empty, it would read as "nothing to
    report". Other questions: unchanged."""
    if question.kind == "money":  # nothing owed
        updated = _answered(copy.deepcopy(record), _unknown_field(question, record))
        set_path(updated, split_path(question.path), 0.0)
        return updated
    if _is_another(question.path, record):  # no one else: no one else owns 20% or more
        updated = _answered(copy.deepcopy(record), _unknown_field(question, record))
        set_path(updated, split_path(OTHER_OWNERS), True)
        return updated
    own = _own_record(question.path)
    if own is None:  # the record's own person: a part asked about is known now
        return _known(copy.deepcopy(record), question) if _starter_part(question) else record
    if get_path(record, own) is not None:
        return _known(copy.deepcopy(record), question)
    if any(_own_record(path) == own for path in unknown):
        return record
    updated = copy.deepcopy(record)
    set_path(updated, own, {})
    return updated


def apply_unknown(record: dict[str, Any], question: Question) -> dict[str, Any]:
    """ "I don't know" to a question about a business person's own record. A question about
    one part of it ("is this person charged now?") puts that part on the record's ``unknown``
    list (the record is given if it was left out): the part is never read as "nothing to
    report", and the SBA answers name it (``business.people[i].record.pending_charges``)
    whatever the other questions answer. Any other question about the record: a record that an
    earlier "No / none" left empty is taken out again, so that it is unknown (the SBA answers
    name ``business.people[i].record``). "I don't know" whether anyone else holds a role, or
    whether a fine or restitution is still owed, puts that field's path on the record's
    ``unknown`` list (format 1.2: ``business.people``, ``convictions[0].sentence.fine_owed``):
    never read as "no one" or "nothing owed", and the answers name it. Other questions, and
    other records: unchanged."""
    stated = _unknown_field(question, record)
    if stated is not None:
        where, entry = stated
        updated = copy.deepcopy(record)
        if entry == PEOPLE_UNKNOWN:
            _unstate_others(updated)
        person = get_path(updated, where) if where else updated
        if not isinstance(person, dict):
            person = {}
            set_path(updated, where, person)
        listed = list(person.get("unknown") or [])
        person["unknown"] = [*listed, entry] if entry not in listed else listed
        return updated
    found = _starter_part(question)
    if found is not None:
        at, part = found
        updated = copy.deepcopy(record)
        person = get_path(updated, at)
        if not isinstance(person, dict):
            person = {}
            set_path(updated, at, person)
        listed = list(person.get("unknown") or [])
        person["unknown"] = [*listed, part] if part not in listed else listed
        return updated
    own = _own_record(question.path)
    if own is None or get_path(record, own) != {}:
        return record
    updated = copy.deepcopy(record)
    holder = get_path(updated, own[:-1])
    if isinstance(holder, dict):
        holder.pop(own[-1], None)
    return updated


def _unknown_field(question: Question, record: Mapping[str, Any]) -> tuple[list[Any], str] | None:
    """(the person's ``record`` path, the field path within it) that "I don't know" to this
    question writes on that record's ``unknown`` list, for a question about one field whose
    absence would read as "none" or as nothing more: whether anyone else holds a role in the
    business, whether a fine or restitution is still owed, how the judgment describes a count
    (a description not given would let a count read as plain possession). Else None."""
    if _is_another(question.path, record):
        return [], PEOPLE_UNKNOWN
    if question.kind != "money" and not question.path.endswith(".description"):
        return None
    own = _own_record(question.path) or []
    relative = question.path
    if own:
        relative = relative[relative.index(".record.") + len(".record.") :]
    return own, relative


def _answered(record: dict[str, Any], stated: tuple[list[Any], str] | None) -> dict[str, Any]:
    """``record`` (changed in place) with the field a question asked about taken off its
    person's ``unknown`` list: it has been answered."""
    if stated is None:
        return record
    own, entry = stated
    person = get_path(record, own) if own else record
    if isinstance(person, dict) and entry in (person.get("unknown") or []):
        person["unknown"] = [e for e in person["unknown"] if e != entry]
        if not person["unknown"]:
            del person["unknown"]
    return record


def _apply_removal(record: dict[str, Any], form: Mapping[str, str]) -> dict[str, Any]:
    """An order of removal (its kind left out when the person is not sure it is final: the
    engine then treats it as possibly final), or a detainer alone."""
    value = _choice((form.get("value") or "").strip(), tuple(c for c, _ in REMOVAL_CHOICES))
    fsa = record.setdefault("fsa", {})
    if value == "detainer":
        fsa.setdefault("immigration_detainers", []).append({})
    else:
        fsa.setdefault("removal_orders", []).append(
            {"kind": "final_order"} if value == "final_order" else {}
        )
    return record


def _is_another(path: str, record: Mapping[str, Any]) -> bool:
    """Whether ``path`` is the question "Is there anyone else ...?" of this record."""
    found = re.fullmatch(r"business\.people\[(\d+)\]\.name", path)
    people = (record.get("business") or {}).get("people")
    if found is None or not isinstance(people, list):
        return False
    return 0 < int(found[1]) == len(people)


def _choice(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise answers.AnswerError(f"choose one of: {', '.join(allowed)}")
    return value


def _typed(question: Question, value: str) -> Any:
    if question.kind == "date":
        return answers.parse_date_answer(value)
    if question.kind == "bool":
        return answers.parse_bool_answer(value)
    if question.kind == "term":
        return answers.parse_term_answer(value)
    if question.kind == "number":
        return answers.parse_number_answer(value)
    if question.kind == "money":
        return answers.parse_money_answer(value)
    if question.kind == "choice":
        return _choice(value, tuple(c for c, _ in question.choices))
    return value[:500]


def _apply_custody(record: dict[str, Any], question: Question, form: Mapping[str, str]) -> None:
    conviction = get_path(record, split_path(_conviction_of(question.path)))
    if not isinstance(conviction, dict):
        raise answers.AnswerError("record the conviction first")
    if not conviction.get("id"):
        taken = {c.get("id") for c in record.get("convictions", []) if isinstance(c, dict)}
        conviction["id"] = next(f"c{n}" for n in range(1, 10_000) if f"c{n}" not in taken)
    period: dict[str, Any] = {"kind": "designated_facility", "conviction_id": conviction["id"]}
    start = (form.get("start") or "").strip()
    if not start:
        raise answers.AnswerError("First day in custody: give a date, or choose “I don't know”")
    period["start"] = answers.parse_date_answer(start)
    if (form.get("end") or "").strip():
        period["end"] = answers.parse_date_answer(form["end"])
    record.setdefault("custody", []).append(period)


def _apply_held(record: dict[str, Any], question: Question, form: Mapping[str, str]) -> None:
    """ "Yes" to "held in custody between sentencing and arrival": a federal custody period from
    the first day held (3585(a): the sentence commences when the person is received in custody
    awaiting transportation), of the record's one conviction, or of the one chosen where the
    record has more (``question.convictions``); "No": nothing to add (commencement stays on
    arrival, the later day, and the engine still names the fact)."""
    if _choice((form.get("value") or "").strip(), ("yes", "no")) == "no":
        return
    index = 0
    if question.convictions:
        chosen = (form.get("conviction") or "").strip()
        if chosen not in {c for c, _ in question.convictions}:
            raise answers.AnswerError(f"{HELD_WHICH} Choose one, or choose “I don't know”")
        index = int(chosen)
    conviction = get_path(record, ["convictions", index])
    if not isinstance(conviction, dict):
        raise answers.AnswerError("record the conviction first")
    start = (form.get("start") or "").strip()
    if not start:
        raise answers.AnswerError("First day held: give a date, or choose “I don't know”")
    if not conviction.get("id"):
        taken = {c.get("id") for c in record.get("convictions", []) if isinstance(c, dict)}
        conviction["id"] = next(f"c{n}" for n in range(1, 10_000) if f"c{n}" not in taken)
    period: dict[str, Any] = {"kind": "federal_custody", "conviction_id": conviction["id"]}
    period["start"] = answers.parse_date_answer(start)
    if (form.get("end") or "").strip():
        period["end"] = answers.parse_date_answer(form["end"])
    record.setdefault("custody", []).append(period)


def _apply_commutation(record: dict[str, Any], question: Question, form: Mapping[str, str]) -> None:
    """ "Yes" to "Was this prison sentence commuted by the President?": the commutation, with
    the day granted and the new release date (both needed: a grant without the day it ends the
    term does not say when the person was released); "No": nothing added (the release stays
    unexplained, and the interview remembers that it was asked)."""
    if _choice((form.get("value") or "").strip(), ("yes", "no")) == "no":
        return
    conviction = get_path(record, split_path(_conviction_of(question.path)))
    if not isinstance(conviction, dict):
        raise answers.AnswerError("record the conviction first")
    days = {}
    for name, _kind, words in question.fields:
        said = (form.get(name) or "").strip()
        if not said:
            raise answers.AnswerError(f"{words}: give a date, or choose “I don't know”")
        days[name] = answers.parse_date_answer(said)
    sentence = conviction.setdefault("sentence", {})
    sentence.setdefault("commutations", []).append(days)


def _apply_period(record: dict[str, Any], question: Question, form: Mapping[str, str]) -> None:
    """The first and last day of a supervision period (an empty last day: no set end)."""
    period = get_path(record, split_path(question.path))
    if not isinstance(period, dict):
        raise answers.AnswerError("say first whether the person is under supervision")
    start, end = ((form.get(name) or "").strip() for name in ("start", "end"))
    if not start and not end:
        raise answers.AnswerError("give the first day, or choose “I don't know”")
    if start:
        period["start"] = answers.parse_date_answer(start)
    if end:
        period["end"] = answers.parse_date_answer(end)


def _apply_conviction(record: dict[str, Any], question: Question, form: Mapping[str, str]) -> None:
    """The chosen conviction's id (given one if it has none) as the period's ``conviction_id``."""
    index = int(_choice((form.get("value") or "").strip(), tuple(c for c, _ in question.choices)))
    found = SUPERVISION_CONVICTION.fullmatch(question.path)
    prefix = found[1] if found else ""
    person = get_path(record, split_path(prefix.removesuffix("."))) if prefix else record
    convictions = person["convictions"]
    conviction = convictions[index]
    if not conviction.get("id"):
        taken = {c.get("id") for c in convictions if isinstance(c, dict)}
        conviction["id"] = next(f"c{n}" for n in range(1, 10_000) if f"c{n}" not in taken)
    set_path(record, split_path(question.path), conviction["id"])


_APPLY_BY_KIND: dict[str, Callable[[dict[str, Any], Question, Mapping[str, str]], None]] = {
    "custody": _apply_custody,
    "held": _apply_held,
    "commuted": _apply_commutation,
    "period": _apply_period,
    "conviction": _apply_conviction,
}
"""The questions whose answer writes several fields, by kind (each changes the record copy in
place)."""
