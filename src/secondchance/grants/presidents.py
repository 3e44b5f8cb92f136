"""Presidents as the official lists name them, found from how reports write them; and the
names as warrants, proclamations and reports write them (the one list of them)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from secondchance.grants.names import fold

PRESIDENTS: dict[str, str] = {
    "biden": "Joseph R. Biden, Jr.",
    "trump": "Donald J. Trump",
    "obama": "Barack Obama",
    "clinton": "William J. Clinton",
    "reagan": "Ronald Reagan",
    "carter": "Jimmy Carter",
    "ford": "Gerald R. Ford",
    "nixon": "Richard Nixon",
}
BUSH = {"w": "George W. Bush", "hw": "George H. W. Bush"}
# Each President as warrants, proclamations (the "I, NAME, President of the United States"
# line and the signature) and reports write the name: given names or initials with the surname,
# never the surname alone ("Michael Ford", "Roger Clinton", "Robert Hunter Biden" are other
# people). The official form first. A generational suffix is part of the name: "Joseph R. Biden,
# Jr." is the President, "Donald J. Trump, Jr." is not.
WRITTEN: dict[str, tuple[str, ...]] = {
    "Joseph R. Biden, Jr.": ("Joseph R. Biden", "Joe Biden", "Joseph Robinette Biden, Jr."),
    "Donald J. Trump": ("Donald Trump", "Donald John Trump"),
    "Barack Obama": ("Barack H. Obama", "Barack Hussein Obama"),
    "George W. Bush": ("George Walker Bush",),
    "William J. Clinton": ("Bill Clinton", "William Jefferson Clinton"),
    # His proclamations are signed "GEORGE BUSH".
    "George H. W. Bush": ("George Bush", "George Herbert Walker Bush"),
    "Ronald Reagan": ("Ronald W. Reagan", "Ronald Wilson Reagan"),
    "Jimmy Carter": ("James Earl Carter, Jr.",),
    "Gerald R. Ford": ("Gerald Ford", "Gerald Rudolph Ford"),
    "Richard Nixon": ("Richard M. Nixon", "Richard Milhous Nixon"),
    # Earlier Presidents: no list of their grants is imported, but warrants name them.
    "Lyndon B. Johnson": ("Lyndon Johnson", "Lyndon Baines Johnson"),
    "John F. Kennedy": ("John Fitzgerald Kennedy",),
    "Dwight D. Eisenhower": ("Dwight Eisenhower", "Dwight David Eisenhower"),
    "Harry S. Truman": ("Harry Truman",),
    "Franklin D. Roosevelt": ("Franklin Roosevelt", "Franklin Delano Roosevelt"),
}
_FORMS = frozenset(
    tuple(fold(form).replace("-", " ").split())
    for official, others in WRITTEN.items()
    for form in (official, *others)
)
# "I, Joseph R. Biden, Jr., President of the United States": the name between is the President's.
SIGNS_BEFORE = re.compile(r"\bI,\s*$")
SIGNS_AFTER = re.compile(r"^\.?,?\s*President\s+of\s+the\s+United\s+States\b")


def names_president(words: Sequence[str]) -> bool:
    """Whether folded words ("joseph r biden jr") are a President's name as written: given names
    or initials with the surname, as in ``WRITTEN``, not the surname alone."""
    return tuple(words) in _FORMS


def official_president(text: str | None) -> str | None:
    """The official form of a president's name ("President Biden" -> "Joseph R. Biden, Jr."),
    or None when the text names no president we know (the Bushes need their initials)."""
    if not text:
        return None
    words = re.findall(r"[a-z]+", text.casefold())
    if "bush" in words:
        if "h" in words:
            return BUSH["hw"]
        return BUSH["w"] if "w" in words else None
    for word in words:
        if word in PRESIDENTS:
            return PRESIDENTS[word]
    return None
