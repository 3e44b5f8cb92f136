"""Which US state (or D.C., territory) and which of its federal districts a court is, from how
records and the official lists write it: "Eastern District of Kentucky", "Eastern Dist. of Ky.",
"E.D. Ky.", "U.S. District Court, E.D. Ky.", "WDKY", "District of Kansas", "D. Kan.", "D.N.D.",
"S.D.W. Va.", "D.D.C."; a city and its state, "Lexington, KY", "Arkansas City, Kansas" (the
state after the last comma); D.C.'s own courts, not the federal one. Used only to compare the
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
# A named district ending the text, the state written any way ("Eastern Dist. of Ky.",
# "District of KS", "Western District of W. Va."); the last "District" in the text is the one.
_NAMED_TAIL = re.compile(
    rf"^(?P<before>.*)\bdist(?:rict\b|\.|\b)\s*(?:of\s+)?(?:the\s+)?"
    rf"(?:(?P<after>{_WHICH})\s+)?(?P<state>[A-Za-z][A-Za-z. ]*?)\.?\s*$",
    re.IGNORECASE,
)
_WHICH_BEFORE = re.compile(rf"\b({_WHICH})\.?\s+$", re.IGNORECASE)
# The federal district court named before its district: "U.S.D.C." / "USDC" (not D.C.),
# "U.S. District Court (for the)", "United States Dist. Ct.".
_FEDERAL = re.compile(
    r"^\s*(?:U\.?\s*S\.?\s*D\.?\s*C\.?(?=[\s,:;]|$)|(?:U\.?\s*S\.?|United\s+States)\s+"
    r"Dist(?:rict|\.)?\s+C(?:our)?t\.?(?:\s+for(?:\s+the)?\b)?)[\s,:;]*",
    re.IGNORECASE,
)
_DC = "district of columbia"
# D.C.'s own courts (D.C. Code 11-101): the Superior Court tries its cases, the D.C. Court of
# Appeals hears appeals from it (D.C. Code 11-721); neither is the federal court for D.C.
_SUPERIOR = "superior court"
_APPEALS = "court of appeals"


@dataclass(frozen=True)
class Court:
    """A court as read: the state (or D.C., a territory) it sits in, and which of its federal
    districts ("eastern", ...; "" for the only district of a state, D.C. or a territory;
    "superior court" / "court of appeals" for D.C.'s own courts), or None where the text gives
    only the state ("Louisville, Kentucky"; "District of Kentucky", a state that has two;
    "Washington, D.C.", which says not whether the federal court or a court of D.C.'s own)."""

    state: str
    district: str | None


def _checked(state: str, district: str | None) -> Court | None:
    """The court, where the district named is one the state has: "" in a state of several
    districts says not which (None); a district the state does not have is not read."""
    if district is None or district in (_SUPERIOR, _APPEALS):
        return Court(state, district)
    several = _DISTRICTS.get(state)
    if several is None:
        return Court(state, "") if district == "" else None
    if district == "":
        return Court(state, None)
    return Court(state, district) if district in several else None


def _state_written(written: str) -> str | None:
    """The state a text names when it is nothing but the state: its name ("Kentucky"), its
    citation abbreviation with or without dots ("Ky.", "Ky", "W. Va."), or its USPS code in
    capitals ("KY")."""
    name = fold(written)
    if name in _STATE_NAMES:
        return name
    letters = re.sub(r"[^a-z]", "", written.casefold())
    compact = "." not in written and len(written.strip()) == 2 and written.strip().isupper()
    return (_POSTAL if compact else _ABBREVIATIONS).get(letters)


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


def _named_tail(text: str) -> Court | None:
    """A named district the text ends with, its state written any way: "Eastern Dist. of Ky.",
    "Eastern District of KY", "District of Kan."."""
    named = _NAMED_TAIL.match(text)
    if named is None:
        return None
    before = _WHICH_BEFORE.search(named.group("before"))
    which = before.group(1) if before else None
    after, written = named.group("after"), named.group("state")
    # "District of West Virginia", "District of North Dakota": the word is the state's.
    state = _state_written(f"{after} {written}") if after else None
    if state is None:
        state = _state_written(written)
        which = which or after
    if state is None:
        return None
    return _checked(state, _WORD[which.casefold()] if which else "")


def _words(text: str) -> str:
    """The text folded, between spaces, "Dist." read as "District", "U.S.D.C." (United States
    District Court, not D.C.) dropped."""
    words = f" {fold(text).replace('-', ' ')} "
    words = words.replace(" u s d c ", " ").replace(" usdc ", " ")
    return words.replace(" dist ", " district ")


def _dc(words: str, federal: bool) -> Court | None:
    """A court in D.C.: the federal District Court ("D.D.C.", "District of Columbia", or "U.S.
    District Court" before "D.C.") or one of D.C.'s own courts, the Superior Court or the D.C.
    Court of Appeals; "Washington, D.C." alone says not which (None), nor does an appeal to the
    federal D.C. Circuit; a text naming both kinds is not read."""
    local = _SUPERIOR if f" {_SUPERIOR} " in words else None
    if f" {_APPEALS} " in words and " circuit " not in words:
        local = _APPEALS if local is None else ""
    if local == "" or (local and federal):
        return None
    if local:
        return Court(_DC, local)
    if " circuit " in words:
        return Court(_DC, None)
    return Court(_DC, "" if federal or f" {_DC} " in words or " d d c " in words else None)


def _folded(text: str) -> Court | None:
    """The court a text names by the state's full name, a district form before it where there
    is one ("Eastern District of Kentucky at Lexington", "W.D. Kentucky"). Several states named
    ("Arkansas City Kansas", no comma to say which is the state) are read only where one of them
    alone has a district form."""
    words = _words(text)
    found: list[Court] = []
    # Longest names first: "west virginia" before "virginia" (then blanked out).
    for name in sorted(_STATE_NAMES, key=len, reverse=True):
        while (at := words.find(f" {name} ")) >= 0:
            before = words[: at + 1].lstrip()
            words = f"{words[: at + 1]}{'_' * len(name)}{words[at + 1 + len(name) :]}"
            named = _NAMED.search(before) or _OF.search(before)
            initials = _INITIALS.search(before)
            if named is not None:
                court = _checked(name, _WORD[named.group(1)] if named.group(1) else "")
            elif initials is not None:
                court = _checked(name, _LETTER[initials.group(1)] if initials.group(1) else "")
            else:
                court = Court(name, None)
            if court is None:
                return None  # a district its state does not have
            found.append(court)
    return _one(found)


def _one(found: list[Court]) -> Court | None:
    """The one court a text's readings agree on: those naming a district where any does, else
    the one state; None where they differ."""
    districts = {c for c in found if c.district is not None}
    if districts:
        return districts.pop() if len(districts) == 1 else None
    states = {c.state for c in found}
    return Court(states.pop(), None) if len(states) == 1 else None


def _read_part(text: str) -> Court | None:
    """The court one comma-separated part of a court's name names."""
    return _cited(text) or _named_tail(text) or _folded(text)


def read_court(court: str | None) -> Court | None:
    """The court ``court`` names, or None where the text does not say its state plainly (or
    names a district its state does not have, or two different courts). A city-and-state form
    ("Arkansas City, Kansas", "Lexington, KY") takes the state after the last comma; a district
    named before it in the same state ("Eastern District of Kentucky, Lexington, Kentucky") is
    kept, one in another state makes the text unreadable."""
    if not court:
        return None
    prefix = _FEDERAL.match(court)
    text = court[prefix.end() :] if prefix else court
    cited = _cited(text)
    if cited is not None:
        return cited
    words = _words(text)
    if " d c " in words or " dc " in words or f" {_DC} " in words:
        # "Washington, D.C.", "D.C. Superior Court", "District of Columbia": not the state
        return _dc(words, federal=prefix is not None)
    parts = [part.strip() for part in text.split(",") if part.strip()]
    state = _state_written(parts[-1]) if len(parts) > 1 else None
    if state is not None:
        # A city (county) before the state: its name may hold another state's ("Arkansas
        # City", "Washington County"); only a district named there is read.
        named = [c for c in map(_read_part, parts[:-1]) if c is not None and c.district is not None]
        if any(c.state != state for c in named):
            return None
        return _one([Court(state, None), *named])
    return _one([c for c in map(_read_part, parts) if c is not None]) if parts else None


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
    the same district (where one gives only the state, the state agreeing is all there is). The
    D.C. Court of Appeals hears the appeals from D.C.'s Superior Court (D.C. Code 11-721), so a
    conviction it names can be one the Superior Court entered: not another court."""
    if one.state != other.state:
        return False
    if one.district is None or other.district is None or one.district == other.district:
        return True
    return {one.district, other.district} == {_SUPERIOR, _APPEALS}


def court_confirms(one: Court, other: Court) -> bool:
    """Whether two courts as read agree enough to tie a listed grant to the record's person:
    the same court, or (one side giving only the state) the same state — except in D.C.: its
    courts are not districts of one court system but the federal District Court (D.D.C.) and
    D.C.'s own courts (the Superior Court, the D.C. Court of Appeals), so "Washington, D.C."
    names none of them and confirms none (nor is it another court: ``same_court`` still holds),
    and the Court of Appeals does not confirm the Superior Court (nor differ from it)."""
    if not same_court(one, other):
        return False
    if one.state != _DC:
        return True
    return one.district is not None and one.district == other.district
