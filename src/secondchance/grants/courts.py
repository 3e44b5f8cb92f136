"""Which US state (or D.C., territory) and which of its federal districts a court is, from how
records and the official lists write it: "Eastern District of Kentucky", "E.D. Ky.", "WDKY",
"District of Kansas", "D. Kan.", "D.N.D.", "S.D.W. Va.", "D.D.C.". Used only to compare the
court of a listed grant with the record's: a court that cannot be read gives nothing to compare
(and so no difference). The one place court names are read."""

from __future__ import annotations

import re
from dataclasses import dataclass

from secondchance.grants.names import fold

_STATE_NAMES = (
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "washington",
    "wisconsin",
    "wyoming",
    "guam",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "rhode island",
    "south carolina",
    "south dakota",
    "west virginia",
    "virginia",
    "district of columbia",
    "puerto rico",
    "virgin islands",
    "northern mariana islands",
)
# The citation abbreviations of the states (Bluebook T1), written without dots or spaces.
_ABBREVIATIONS = {
    "ala": "alabama",
    "alaska": "alaska",
    "ariz": "arizona",
    "ark": "arkansas",
    "cal": "california",
    "calif": "california",
    "colo": "colorado",
    "conn": "connecticut",
    "del": "delaware",
    "fla": "florida",
    "ga": "georgia",
    "haw": "hawaii",
    "hawaii": "hawaii",
    "idaho": "idaho",
    "ill": "illinois",
    "ind": "indiana",
    "iowa": "iowa",
    "kan": "kansas",
    "kans": "kansas",
    "ky": "kentucky",
    "la": "louisiana",
    "me": "maine",
    "md": "maryland",
    "mass": "massachusetts",
    "mich": "michigan",
    "minn": "minnesota",
    "miss": "mississippi",
    "mo": "missouri",
    "mont": "montana",
    "neb": "nebraska",
    "nebr": "nebraska",
    "nev": "nevada",
    "nh": "new hampshire",
    "nj": "new jersey",
    "nm": "new mexico",
    "ny": "new york",
    "nc": "north carolina",
    "nd": "north dakota",
    "ohio": "ohio",
    "okla": "oklahoma",
    "or": "oregon",
    "ore": "oregon",
    "pa": "pennsylvania",
    "ri": "rhode island",
    "sc": "south carolina",
    "sd": "south dakota",
    "tenn": "tennessee",
    "tex": "texas",
    "utah": "utah",
    "vt": "vermont",
    "va": "virginia",
    "wash": "washington",
    "wva": "west virginia",
    "wis": "wisconsin",
    "wisc": "wisconsin",
    "wyo": "wyoming",
    "dc": "district of columbia",
    "pr": "puerto rico",
    "guam": "guam",
    "vi": "virgin islands",
}
# The USPS codes, read where a court is written in capitals without dots ("WDKY", "DDC").
_POSTAL = {
    "al": "alabama",
    "ak": "alaska",
    "az": "arizona",
    "ar": "arkansas",
    "ca": "california",
    "co": "colorado",
    "ct": "connecticut",
    "de": "delaware",
    "fl": "florida",
    "ga": "georgia",
    "hi": "hawaii",
    "id": "idaho",
    "il": "illinois",
    "in": "indiana",
    "ia": "iowa",
    "ks": "kansas",
    "ky": "kentucky",
    "la": "louisiana",
    "me": "maine",
    "md": "maryland",
    "ma": "massachusetts",
    "mi": "michigan",
    "mn": "minnesota",
    "ms": "mississippi",
    "mo": "missouri",
    "mt": "montana",
    "ne": "nebraska",
    "nv": "nevada",
    "nh": "new hampshire",
    "nj": "new jersey",
    "nm": "new mexico",
    "ny": "new york",
    "nc": "north carolina",
    "nd": "north dakota",
    "oh": "ohio",
    "ok": "oklahoma",
    "or": "oregon",
    "pa": "pennsylvania",
    "ri": "rhode island",
    "sc": "south carolina",
    "sd": "south dakota",
    "tn": "tennessee",
    "tx": "texas",
    "ut": "utah",
    "vt": "vermont",
    "va": "virginia",
    "wa": "washington",
    "wv": "west virginia",
    "wi": "wisconsin",
    "wy": "wyoming",
    "dc": "district of columbia",
    "pr": "puerto rico",
    "gu": "guam",
    "vi": "virgin islands",
    "mp": "northern mariana islands",
}
# The states with more than one federal judicial district, and their districts (28 U.S.C.
# 81-131); every other state, D.C. and each territory is one district ("District of Kansas").
_DISTRICTS = {
    "alabama": {"northern", "middle", "southern"},
    "arkansas": {"eastern", "western"},
    "california": {"northern", "eastern", "central", "southern"},
    "florida": {"northern", "middle", "southern"},
    "georgia": {"northern", "middle", "southern"},
    "illinois": {"northern", "central", "southern"},
    "indiana": {"northern", "southern"},
    "iowa": {"northern", "southern"},
    "kentucky": {"eastern", "western"},
    "louisiana": {"eastern", "middle", "western"},
    "michigan": {"eastern", "western"},
    "mississippi": {"northern", "southern"},
    "missouri": {"eastern", "western"},
    "new york": {"northern", "southern", "eastern", "western"},
    "north carolina": {"eastern", "middle", "western"},
    "ohio": {"northern", "southern"},
    "oklahoma": {"northern", "eastern", "western"},
    "pennsylvania": {"eastern", "middle", "western"},
    "tennessee": {"eastern", "middle", "western"},
    "texas": {"northern", "southern", "eastern", "western"},
    "virginia": {"eastern", "western"},
    "washington": {"eastern", "western"},
    "west virginia": {"northern", "southern"},
    "wisconsin": {"eastern", "western"},
}
_LETTER = {
    "n": "northern",
    "s": "southern",
    "e": "eastern",
    "w": "western",
    "m": "middle",
    "c": "central",
}
_WORD = {
    **{name: name for name in _LETTER.values()},
    "north": "northern",
    "south": "southern",
    "east": "eastern",
    "west": "western",
}
_WHICH = "|".join(sorted(_WORD, key=len, reverse=True))
# Before the state's name: "Eastern District of", "East District of", "District of Central",
# "District of" (the state's only district), "E.D." / "D." (folded: "e d", "d").
_NAMED = re.compile(rf"\b({_WHICH}) district (?:of )?(?:the )?$")
_OF = re.compile(rf"\bdistrict of (?:the )?(?:({_WHICH}) )?$")
_INITIALS = re.compile(r"(?:^|\s)(?:([nsewmc]) )?d $")
_CITED = re.compile(r"^\s*(?:(?P<which>[NSEWMC])\.?\s*D\.?|D\.?)\s*(?P<state>[A-Za-z. ]+?)\.?\s*$")
# "U.S.D.C." / "USDC" (United States District Court) before the district: not D.C.
_USDC = re.compile(r"^\s*U\.?\s*S\.?\s*D\.?\s*C\.?(?:[\s,]+|$)")
_DC = "district of columbia"


@dataclass(frozen=True)
class Court:
    """A court as read: the state (or D.C., a territory) it sits in, and which of its federal
    districts ("eastern", ...; "" for the only district of a state, D.C. or a territory;
    "superior court" for D.C.'s own court), or None where the text gives only the state
    ("Louisville, Kentucky"; "District of Kentucky", a state that has two; "Washington, D.C.",
    which says not whether the federal court or the Superior Court)."""

    state: str
    district: str | None


def _checked(state: str, district: str | None) -> Court | None:
    """The court, where the district named is one the state has: "" in a state of several
    districts says not which (None); a district the state does not have is not read."""
    if district is None or district == "superior court":
        return Court(state, district)
    several = _DISTRICTS.get(state)
    if several is None:
        return Court(state, "") if district == "" else None
    if district == "":
        return Court(state, None)
    return Court(state, district) if district in several else None


def _cited(text: str) -> Court | None:
    """A citation form: "W.D. Ky.", "D. Kan.", "D.D.C.", "S.D.W. Va."; "WDKY", "DDC"."""
    cited = _CITED.match(text)
    if cited is None:
        return None
    written = cited.group("state")
    letters = re.sub(r"[^a-z]", "", written.casefold())
    compact = "." not in written and len(written.strip()) == 2 and written.strip().isupper()
    state = (_POSTAL if compact else _ABBREVIATIONS).get(letters)
    if state is None:
        return None
    which = cited.group("which")
    return _checked(state, _LETTER[which.casefold()] if which else "")


def read_court(court: str | None) -> Court | None:
    """The court ``court`` names, or None where the text does not say its state plainly (or
    names a district its state does not have)."""
    if not court:
        return None
    text = _USDC.sub("", court)
    cited = _cited(text)
    if cited is not None:
        return cited
    words = f" {fold(text).replace('-', ' ')} "
    words = words.replace(" u s d c ", " ").replace(" usdc ", " ")
    if " d c " in words or " dc " in words or f" {_DC} " in words:
        # "Washington, D.C.", "D.C. Superior Court", "District of Columbia": not the state
        if " superior court " in words:
            return Court(_DC, "superior court")
        # "Washington, D.C." alone: D.C., but which of its two courts is not said (None).
        return Court(_DC, "" if f" {_DC} " in words or " d d c " in words else None)
    # Longest names first: "west virginia" before "virginia".
    for name in sorted(_STATE_NAMES, key=len, reverse=True):
        at = words.find(f" {name} ")
        if at < 0:
            continue
        before = words[: at + 1].lstrip()
        named = _NAMED.search(before) or _OF.search(before)
        if named is not None:
            return _checked(name, _WORD[named.group(1)] if named.group(1) else "")
        initials = _INITIALS.search(before)
        if initials is not None:
            return _checked(name, _LETTER[initials.group(1)] if initials.group(1) else "")
        return Court(name, None)
    return None


def court_state(court: str | None) -> str | None:
    """The state a court sits in, or None where the text does not say it plainly."""
    read = read_court(court)
    return read.state if read else None


def listed_courts(districts: str) -> tuple[Court, ...] | None:
    """The courts of a list's district column ("Eastern District of Texas; Middle District of
    North Carolina"); None where any of them cannot be read."""
    courts = [read_court(part) for part in districts.split(";") if part.strip()]
    if not courts or any(c is None for c in courts):
        return None
    return tuple(c for c in courts if c is not None)


def same_court(one: Court, other: Court) -> bool:
    """Whether two courts as read can be the same: the same state and, where both name one,
    the same district (where one gives only the state, the state agreeing is all there is)."""
    if one.state != other.state:
        return False
    return one.district is None or other.district is None or one.district == other.district


def court_confirms(one: Court, other: Court) -> bool:
    """Whether two courts as read agree enough to tie a listed grant to the record's person:
    the same court, or (one side giving only the state) the same state — except in D.C.: its
    two courts are not districts of one court system but the federal District Court (D.D.C.) and
    D.C.'s own Superior Court, so "Washington, D.C." names neither and confirms neither (nor is
    it another court: ``same_court`` still holds)."""
    if not same_court(one, other):
        return False
    return one.state != _DC or (one.district is not None and other.district is not None)
