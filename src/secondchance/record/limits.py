"""The limits every face applies to a record before the engine sees it.

A record is one person's history (and, for the SBA, one business's people). These bounds are far
above any real record yet small enough that a crafted file cannot make the loader hang, exhaust
memory or flood the terminal. The loader, the command line (``check --max-bytes``), the web app
and the batch reader all read them from here; docs/record-format.md ("Limits") lists them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

MAX_FILE_BYTES = 4 * 1024 * 1024
"""Largest record file read (4 MiB); ``check --max-bytes`` raises it."""

MAX_BYTES_CEILING = 256 * 1024 * 1024
"""The most ``--max-bytes`` may allow (256 MiB): one person's record is never near it."""


@dataclass(frozen=True)
class Limits:
    """Bounds on one record's size and shape (see the module docstring)."""

    max_bytes: int = MAX_FILE_BYTES
    """Largest record file or text, in bytes."""
    max_depth: int = 32
    """Deepest nesting of mappings and lists (a record needs about 12)."""
    max_aliases: int = 100
    """YAML aliases (``*name``) in one file."""
    max_nodes: int = 200_000
    """Values in the document with every alias expanded (a 2 KB alias bomb expands to millions)."""
    max_string_chars: int = 10_000
    """Characters in one text value or field name."""
    max_list_items: int = 1_000
    """Entries in one list (convictions, custody periods, business people, ...)."""
    max_convictions: int = 200
    """Convictions in one record file, the person's and every business person's together (the
    law pairs a person's convictions to find aggregate terms; no real record is near this)."""
    max_approximate_dates: int = 20
    """Dates written approximately (``"2018"``, ``"2018-06"``, a range) in one record file: each
    is read on several days and the whole record re-read for each, so a crafted file of
    hundreds of them would cost seconds and hundreds of MiB; a real record holds a handful."""
    max_number_digits: int = 20
    """Digits in one number, in a record or in a term's text."""
    max_problems: int = 20
    """Problems reported for one record; the rest are counted ("and 3 more")."""
    max_shown_chars: int = 60
    """Characters of a value quoted in a message (longer values are shortened)."""

    def with_max_bytes(self, max_bytes: int | None) -> Limits:
        """These limits, with the file size bound raised (or lowered) to ``max_bytes``."""
        return self if max_bytes is None else replace(self, max_bytes=max_bytes)


DEFAULT = Limits()
"""The limits applied when a face does not choose its own."""

MAX_NUMBER_DIGITS = DEFAULT.max_number_digits
MAX_STRING_CHARS = DEFAULT.max_string_chars
MAX_LIST_ITEMS = DEFAULT.max_list_items

MAX_TERM_CHARS = 200
"""The longest text a term may be written in (the longest real one is a few dozen)."""

MAX_CITATION_CHARS = 200
"""The longest statute citation read (``statute``, ``object_offense``); real ones are a few
dozen characters, and the statute reader is only ever given bounded text."""
