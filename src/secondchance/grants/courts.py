"""Which US state (or D.C., territory) a federal court sits in, from how records and the official
lists write it: "Eastern District of Kentucky", "E.D. Ky.", "D.N.D.", "S.D.W. Va.". Used only to
notice that a grant was for a conviction in another state than the record's: a court that
cannot be read gives no state (and so no difference)."""

from __future__ import annotations

import re

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
_CITED = re.compile(r"^\s*(?:[NSEWMC]\.?\s*D\.?|D\.?)\s*(?P<state>[A-Za-z. ]+?)\.?\s*$")


def court_state(court: str | None) -> str | None:
    """The state a court sits in, or None where the text does not say it plainly."""
    if not court:
        return None
    words = f" {fold(court).replace('-', ' ')} "
    if " d c " in words or " dc " in words:  # "Washington, D.C.", "D.D.C.": not the state
        return "district of columbia"
    # Longest names first: "west virginia" before "virginia", "district of columbia" before
    # any "district of".
    for name in sorted(_STATE_NAMES, key=len, reverse=True):
        if f" {name} " in words:
            return name
    cited = _CITED.match(court)
    if cited is None:
        return None
    return _ABBREVIATIONS.get(re.sub(r"[^a-z]", "", cited.group("state").casefold()))


def district_states(districts: str) -> set[str] | None:
    """The states of a list's district column ("Eastern District of Texas; Middle District of
    North Carolina"); None where any of them cannot be read."""
    states = {court_state(part) for part in districts.split(";") if part.strip()}
    if not states or None in states:
        return None
    return {s for s in states if s}
