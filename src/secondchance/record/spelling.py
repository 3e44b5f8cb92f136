"""The one suggestion for a word a record spells wrongly: the closest allowed word, if one is
close (a field's name, a choice's value, a court finding's name)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, options: Iterable[str], prefix: str = "") -> str:
    """The words "did you mean 'x'?" for the entry x of ``options`` closest to ``word``, where
    one is close enough to suggest (``prefix`` written before it), else ""."""
    close = difflib.get_close_matches(word, list(options), n=1)
    return f"did you mean '{prefix}{close[0]}'?" if close else ""
