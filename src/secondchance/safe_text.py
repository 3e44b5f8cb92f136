"""Text from a record made safe to print: control characters escaped, long values shortened.

A record is untrusted text. Written raw to a terminal, an escape sequence in a name can set the
window title, move the cursor or clear the screen; a bidirectional override can make a line read
differently from what it holds; a newline can forge a line of the report. Every face writes
record text through :func:`escape` (the text report line by line, error messages per problem).
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls, DEL, C1 controls, bidirectional embeddings, overrides and isolates, the
# line and paragraph separators, zero-width characters and the byte order mark.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str) -> str:
    """``text`` with every control or invisible formatting character written as ``\\xNN`` or
    ``\\uNNNN`` (a newline and a tab too: a value cannot forge a line or shift a column)."""
    return _UNSAFE.sub(_escaped, text)


def shown(value: Any, limit: int = 60) -> str:
    """A value quoted for a message: escaped, and shortened to ``limit`` characters with its
    length stated when longer (``'99999…' (20,000 characters)``)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return "a number of more than 60 digits"
    text, quote = (value, "'") if isinstance(value, str) else (repr(value), "")
    if len(text) > limit:
        return f"{quote}{escape(text[:limit])}…{quote} ({len(text):,} characters)"
    return f"{quote}{escape(text)}{quote}"
