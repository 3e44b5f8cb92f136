"""Record text made safe to print (secondchance.safe_text)."""

import pytest

from secondchance.safe_text import escape, shown


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("José Núñez", "José Núñez"),  # letters of any script are kept
        ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),  # sets a terminal's window title
        ("\x1b[2J", "\\x1b[2J"),  # clears the screen
        ("a\nb", "a\\x0ab"),  # a newline cannot forge a report line
        ("a\tb", "a\\x09b"),
        ("\x9b31m", "\\x9b31m"),  # C1 control sequence introducer
        ("abc\u202edef", "abc\\u202edef"),  # right-to-left override
        ("\u200bzero\ufeff", "\\u200bzero\\ufeff"),  # zero-width space, byte order mark
    ],
)
def test_escape(raw: str, safe: str) -> None:
    assert escape(raw) == safe


def test_shown_quotes_and_shortens() -> None:
    assert shown("60 months") == "'60 months'"
    assert shown("9" * 100, limit=5) == "'99999…' (100 characters)"
    assert shown("\x1b") == "'\\x1b'"
    assert shown(12) == "12"
    assert shown(10**300) == "a number of more than 60 digits"
