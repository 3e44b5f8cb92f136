"""Read a document a user hands us (a list page, a news report) as text, refusing what is not
text: a binary file, an empty file, an encoding we cannot name or decode, a file too large."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""<\?xml[^>]+encoding=["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class TextFileError(ValueError):
    """The file cannot be read as text; the message names the file and the problem."""


def _encoding(raw: bytes, where: str) -> str:
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    declared = _DECLARED.search(raw[:4096]) or _XML_DECL.search(raw[:4096])
    if declared is None:
        return "utf-8"
    label = declared.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(label).name
    except LookupError:
        raise TextFileError(f"{where}: declares the unknown encoding {label!r}") from None


def decode_text(raw: bytes, where: str) -> str:
    """Decode ``raw`` (from ``where``) as text, or raise :class:`TextFileError`."""
    if not raw.strip():
        raise TextFileError(f"{where}: the file is empty")
    encoding = _encoding(raw, where)
    if not encoding.startswith("utf-16") and b"\x00" in raw[:65536]:
        raise TextFileError(f"{where}: a binary file, not text (it holds NUL bytes)")
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise TextFileError(
            f"{where}: not readable as {encoding} text (byte {exc.start}); save it as UTF-8"
        ) from None
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\t\n\r\f")
    if controls > max(8, len(text[:65536]) // 100):
        raise TextFileError(f"{where}: a binary file, not text (control characters)")
    if not text.strip():
        raise TextFileError(f"{where}: the file is empty")
    return text.lstrip("\ufeff")


def read_text(path: Path) -> str:
    """Read a text file from disk, bounded in size."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise TextFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_BYTES:
        raise TextFileError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MiB")
    return decode_text(raw, str(path))
