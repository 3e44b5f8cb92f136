"""A document as text with its stated publication date: plain text as given, HTML through
trafilatura (main text and metadata)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from secondchance.reader.dates import find_dates
from secondchance.textfile import TextFileError, read_text

_HTML = re.compile(r"<(?:!doctype\s+html|html|body|article|p|div)\b", re.IGNORECASE)
_PUBLISHED = re.compile(
    r"^\s*(?:published|posted|updated|date|dated|released)\s*(?:on)?\s*[:\-–]?\s*(.{6,40})$",
    re.IGNORECASE | re.MULTILINE,
)


class DocumentError(ValueError):
    """The document cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class Document:
    text: str
    title: str | None = None
    published: date | None = None
    published_source: str | None = None
    url: str | None = None
    published_at: int | None = None
    """Where the text states its publication date (None: in metadata or not stated)."""


def _html_document(raw: str, where: str) -> Document:
    import trafilatura

    # The publication date from the page's metadata only: a date guessed from the text could
    # be an event date, and confusing the two is what the reader exists to catch.
    extracted = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise DocumentError(f"{where}: the HTML holds no readable text")
    published = _iso(getattr(extracted, "date", None))
    return Document(
        text=text,
        title=getattr(extracted, "title", None),
        published=published,
        published_source="HTML metadata" if published else None,
        url=getattr(extracted, "url", None),
    )


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _text_document(text: str) -> Document:
    """Plain text: a 'Published:' (or 'Updated:', 'Date:') line in the first lines, else a
    dateline such as 'WASHINGTON, Dec. 13, 2024 —' at the start, gives the publication date."""
    head = "\n".join(text.splitlines()[:8])
    title = text.strip().splitlines()[0].strip()[:200] or None
    for line in _PUBLISHED.finditer(head):
        stated = find_dates(line.group(1))
        if stated:
            at = line.start(1) + stated[0].start
            return Document(text, title, stated[0].day, "stated in the document", None, at)
    first = find_dates(head[:200])
    if first and re.match(r"^[A-Z][A-Z .,]*,\s*$", head[: first[0].start]):
        return Document(text, title, first[0].day, "dateline", None, first[0].start)
    return Document(text, title)


def parse_document(raw: str, where: str) -> Document:
    if _HTML.search(raw[:5000]):
        return _html_document(raw, where)
    return _text_document(raw)


def load_document(path: Path) -> Document:
    """Read a document file (plain text or HTML), or raise :class:`DocumentError`."""
    try:
        raw = read_text(path)
    except TextFileError as exc:
        raise DocumentError(str(exc)) from None
    return parse_document(raw, str(path))
