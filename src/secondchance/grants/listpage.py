"""Read an official clemency list page (the White House "Clemency Recipient List" format, as
HTML or as the markdown text of the page) into grants: who, which kind, and the page's source
URL and date.

The format: a sentence "... is pardoning the following N individuals" (or "commuting the
sentences of", "granting full pardons to") opens a section; each person starts a line
``**Name** – City, State`` (the 2024-12-12 list writes the name in capitals without bold); a
long commutation list is a table of name and BOP register number."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser

from secondchance.grants.model import GrantType
from secondchance.grants.presidents import official_president

REGNO = re.compile(r"\b\d{5}-\d{3}\b")
_UNREADABLE_REGNO = re.compile(r"(?<![\w-])[\dOoIlS]{5}\s*-\s*[\dOoIlS]{3}(?![\w-])")
"""A register number with a letter read for a digit (OCR: O/0, l/I/1, S/5) or spaces."""
_BOLD_ENTRY = re.compile(
    r"^\*\*(?P<name>[^*–—]+?)\s*(?:[–—]\s*\*\*|\*\*\s*(?:\*\*)?\s*[–—-]\s*(?:\*\*)?)"
    r"\s*(?P<res>[^*].*?)\s*$"
)
_CAPS_ENTRY = re.compile(
    r"^(?P<name>[A-Z][A-Z .,'’()-]*[A-Z.)])\s+[–—]\s+(?P<res>[A-Z][\w .,'’-]+)$"
)
STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming|DC|D\\.C\\.|District of Columbia|Puerto Rico|Guam|"
    "U\\.S\\. Virgin Islands"
)
_PLAIN_ENTRY = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]*(?:,? \(?[A-Z][\w.'’()-]*){1,6})\s+[–—]\s+"
    rf"(?P<res>[A-Z][\w .'’-]*, (?:{STATES}))$"
)
_SECTIONS = (
    (
        re.compile(r"commut\w* the sentences? of|commutations? (?:to|for) the following", re.I),
        GrantType.commutation,
    ),
    (re.compile(r"pardoning the following|granting (?:full )?pardons? to", re.I), GrantType.pardon),
)
_PRESIDENT = re.compile(
    r"President\s+((?:[A-Z][a-z]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z]+|[A-Z]\.)){1,3}(?:,?\s+Jr\.?)?)"
)
_BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section"}


@dataclass
class PageEntry:
    name: str
    type: GrantType
    residence: str = ""
    bop_register_number: str = ""


@dataclass
class ListPage:
    entries: list[PageEntry] = field(default_factory=list)
    source_url: str | None = None
    date: date | None = None
    president: str | None = None
    problem: str | None = None
    """What could not be read (a warrant's kind, a register number): the field and why."""


class _Flatten(HTMLParser):
    """HTML to lines: block tags end a line, <strong>/<b> become **, a table row becomes
    ``|| cell | cell`` on one line; metadata (canonical URL, publication date) is kept."""

    def __init__(self, keep_newlines: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.keep_newlines = keep_newlines
        self.out: list[str] = []
        self.cells: list[str] | None = None
        self.meta: dict[str, str] = {}
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "link" and a.get("rel") == "canonical":
            self.meta.setdefault("source_url", a.get("href", ""))
        elif tag == "meta":
            key = a.get("property") or a.get("name") or ""
            if key in ("og:url", "article:published_time", "date"):
                self.meta.setdefault(key, a.get("content", ""))
        elif tag == "tr":
            self.cells = []
        elif tag in ("td", "th") and self.cells is not None:
            self.cells.append("")
        elif tag in ("strong", "b"):
            self._write("**")
        elif tag in _BLOCKS:
            self._write("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag == "tr" and self.cells is not None:
            row = " | ".join(" ".join(c.replace("*", "").split()) for c in self.cells)
            self.out.append(f"\n|| {row}\n")
            self.cells = None
        elif tag in ("strong", "b"):
            self._write("**")
        elif tag in _BLOCKS:
            self._write("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self._write(data if self.keep_newlines else " ".join(data.split(" ")))

    def _write(self, text: str) -> None:
        if self.cells is not None and self.cells:
            self.cells[-1] += " " + text
        elif self.cells is None:
            self.out.append(text)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    if not text.startswith("---"):
        return {}, text
    end = text.find("\n---", 3)
    if end < 0:
        return {}, text
    meta = {}
    for line in text[3:end].splitlines():
        key, _, value = line.partition(":")
        if value.strip():
            meta[key.strip()] = value.strip().strip("'\"")
    return meta, text[end + 4 :]


def _iso_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _president(text: str) -> str | None:
    found = _PRESIDENT.search(text)
    if found is not None:
        name = " ".join(found.group(1).split())
        return official_president(name) or re.sub(r",?\s+Jr\.?$", ", Jr.", name)
    return official_president(" ".join(re.findall(r"President\s+[A-Z][a-z]+", text)))


def _table_entries(line: str, kind: GrantType) -> list[PageEntry]:
    cells = [c.strip() for c in line[2:].split("|")]
    numbers = [n for c in cells[1:] for n in REGNO.findall(c)]
    if not cells or not numbers:
        return []
    names = [n.strip() for n in re.split(r"\s{2,}|\n", cells[0]) if n.strip()]
    if len(numbers) > 1 and len(names) != len(numbers):
        names = _split_caps(cells[0], len(numbers))
    if len(names) != len(numbers):
        names = [" ".join(cells[0].split())]
    return [PageEntry(n, kind, bop_register_number=r) for n, r in zip(names, numbers, strict=False)]


def _split_caps(cell: str, parts: int) -> list[str]:
    """A cell naming several people: split its words evenly (the rare merged cells hold two
    names of similar length); a split that cannot be even is refused (one entry, not guessed)."""
    words = cell.split()
    if len(words) % parts:
        return [cell]
    size = len(words) // parts
    return [" ".join(words[i : i + size]) for i in range(0, len(words), size)]


_NAME_LINE = re.compile(r"^[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){1,4}$")
_WARRANT_NAME = (
    re.compile(r"granted\s+unto\**\s*\n\s*([^\n*]+?)\s*\n", re.I),
    re.compile(
        r"unconditional\s+pardon\s+to\s+((?:[A-Z]\.|[A-Z][\w'’-]+)(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+))+)"
    ),
    re.compile(r"United States v\. [^\n]+\n\s*([A-Z][A-Z.'’ -]+?)\s*\n"),
)


_GRANT_WORDS = (
    ("pardon", re.compile(r"\bpardon", re.I)),
    ("commutation", re.compile(r"\bcommut", re.I)),
    ("remission", re.compile(r"\bremi(?:t|ssion)", re.I)),
)


def _warrant_kind(clause: str) -> GrantType | str:
    """The kind the grant clause (the words after the person's name) states, or why it cannot
    be told: a remission alone is neither a pardon nor a commutation, and a clause naming both
    a pardon and a commutation is not guessed."""
    said = {word for word, pattern in _GRANT_WORDS if pattern.search(clause)}
    if said & {"pardon", "commutation"} == {"pardon"}:
        return GrantType.pardon
    if said & {"pardon", "commutation"} == {"commutation"}:
        return GrantType.commutation
    if said == {"remission"}:
        return "the grant is a remission (of a fine or restitution), not a pardon or commutation"
    if not said:
        return "the grant's kind (pardon or commutation) is not stated after the name"
    return f"the grant names both a pardon and a commutation: {' '.join(clause.split())[:160]!r}"


def _warrant_entry(text: str) -> PageEntry | str | None:
    """A single executive grant (a warrant or a proclamation naming one person); a string says
    why its kind could not be read."""
    if not re.search(
        r"executive grant of clemency|unconditional\s+pardon\s+to|have\s+granted\s+unto", text, re.I
    ):
        return None
    for i, pattern in enumerate(_WARRANT_NAME):
        found = pattern.search(text)
        name = " ".join(found.group(1).split()) if found is not None else ""
        if found is None or not _NAME_LINE.match(name):
            continue
        if i == 1:  # "... unconditional pardon to NAME"
            return PageEntry(name, GrantType.pardon)
        # The grant clause: the first line after the name ("A Full and Unconditional Pardon");
        # where it names no kind, the next 400 characters (a case history there may mention an
        # earlier commutation: both kinds named are refused, not guessed).
        after = text[found.end(1) : found.end(1) + 400]
        first = next((line for line in after.splitlines() if line.strip()), "")
        kind = _warrant_kind(first)
        if isinstance(kind, str) and not any(p.search(first) for _, p in _GRANT_WORDS):
            kind = _warrant_kind(after)
        return PageEntry(name, kind) if isinstance(kind, GrantType) else f"{name}: {kind}"
    return None


def parse_list_page(text: str) -> ListPage:
    """Entries and metadata of a list page given as HTML or as its markdown text."""
    meta, body = _front_matter(text)
    is_html = bool(re.search(r"<(html|body|p|div)\b", body[:20000], re.I))
    flat = _Flatten(keep_newlines=not is_html)
    flat.feed(body)
    flat.close()
    meta = {**flat.meta, **meta}
    page = ListPage(
        source_url=meta.get("source_url") or meta.get("og:url") or None,
        date=_iso_day(meta.get("date"))
        or _iso_day(meta.get("article:published_time"))
        or _iso_day(meta.get("published_time")),
    )
    lines = "".join(flat.out).splitlines()
    # The President who signs ("I, Joseph R. Biden, Jr., President ...") before any other the
    # text names ("his sentence was commuted by President Obama").
    signer = re.search(
        r"\bI,\s+([A-Z][A-Za-z. ]+?(?:,\s+Jr\.)?),\s+President", "\n".join(lines).replace("**", "")
    )
    page.president = official_president(signer.group(1) if signer else None) or _president(
        " ".join(lines[:40])
    )
    single = _warrant_entry("\n".join(lines).replace("**", ""))
    if isinstance(single, str):
        page.problem = f"clemency_type: {single}"
        return page
    if single is not None:
        page.entries.append(single)
        return page
    kind: GrantType | None = None
    for raw in lines:
        line = raw.strip().replace("\u00a0", " ")
        for pattern, section in _SECTIONS:
            if pattern.search(line):
                kind = section
        if kind is None:
            continue
        if line.startswith("||"):
            rows = _table_entries(line, kind)
            odd = [
                n
                for c in line[2:].split("|")[1:]
                for n in _UNREADABLE_REGNO.findall(c)
                if not REGNO.fullmatch(n) and any(ch.isdigit() for ch in n)
            ]
            if odd and page.problem is None:
                # Not guessed (O for 0?): the row would lose its number or its person.
                page.problem = (
                    f"bop_register_number: {odd[0]!r} in the row {line[2:].strip()!r} is not "
                    "NNNNN-NNN (a letter read for a digit?): correct the file"
                )
            page.entries.extend(rows)
            continue
        found = _BOLD_ENTRY.match(line) or _CAPS_ENTRY.match(line) or _PLAIN_ENTRY.match(line)
        if found is not None:
            name = " ".join(found.group("name").split())
            page.entries.append(PageEntry(name, kind, residence=found.group("res").strip()))
    return page
