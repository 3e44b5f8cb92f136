"""Presidents as the official lists name them, found from how reports write them."""

from __future__ import annotations

import re

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
