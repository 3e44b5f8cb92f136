"""One reader of statute citations for every program: text -> canonical provisions or unreadable.

Counts are written as judgments, dockets, Bureau data sheets, the Sentencing Commission's files
and court opinions write them. :func:`read_statute` reads those spellings into canonical
provisions (code, title, section, subsections) or answers :class:`Unreadable` with the text and
why. A program that receives ``Unreadable`` must treat the count as unknown (``needs_review`` or
``insufficient_facts`` naming the count and quoting the text), never as "not listed".

Accepted (see docs/statutes.md for the full list):

- U.S. Code: ``18 U.S.C. 924(c)``, ``18 U.S.C. Sec. 924(c)``, ``18 U.S.C. section 924(c)``,
  ``18 U.S.C. § 924(c)``, ``18 U.S.C.A. § 924``, ``18 USC 924c``, ``21 U.S.C. 841a1``,
  ``Title 18, United States Code, Section 924(c)``, ``Section 924(c) of Title 18``, the docket
  form ``18:924(c)``, the Appendix (``50 U.S.C. App. 2410``), ``et seq.``, lists
  (``21 U.S.C. §§ 841(a)(1) and 846``; ``21 U.S.C. 841(a)(1), (b)(1)(A)``; ``21 U.S.C. 841 and
  18 U.S.C. 2``) and ranges (``18 U.S.C. 2241-2248``, ``§§ 2241 through 2248``);
- D.C. Code (``D.C. Code § 48-904.01(d)(1)``), C.F.R. (``36 C.F.R. 2.35(b)(2)``) and UCMJ
  articles (``UCMJ art. 125``, ``Article 125, UCMJ``).

A letter joined to a section number is a subsection when lower case (``924c`` is 924(c)) and
part of the section when upper case (``2252A``); in a text with no lower-case letter the case
says nothing, so ``18 USC 924C`` is unreadable. Reading is linear in the length of the text (one
pass of a tokenizer with fixed, non-nested patterns, then one pass over the tokens); a text
longer than :data:`MAX_LENGTH` characters, a title of more than :data:`MAX_TITLE_DIGITS` digits
or a section number of more than :data:`MAX_SECTION_DIGITS` is unreadable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

MAX_LENGTH = 300
"""Longest text read; a longer one is unreadable (no real citation of a count comes near)."""
MAX_TITLE_DIGITS = 3
MAX_SECTION_DIGITS = 8


class Code(StrEnum):
    usc = "U.S.C."
    cfr = "CFR"
    dc = "D.C. Code"
    ucmj = "UCMJ"


@dataclass(frozen=True)
class Provision:
    """One canonical provision: ``18 U.S.C. 924(c)`` is ``(usc, 18, "924", ("c",))``."""

    code: Code
    title: int | None
    """The title (U.S. Code, CFR); None for the D.C. Code (its title is in the section) and UCMJ."""
    section: str
    """The section as the Code numbers it ("924", "2252A", "1320a-7b", "48-904.01", "2.35"); for
    UCMJ the article number ("125", "112a")."""
    subsections: tuple[str, ...] = ()
    appendix: bool = False
    through: str | None = None
    """The last section of a range ("2241" through "2248")."""
    et_seq: bool = False
    joined_letter: str = ""
    """A single letter was written joined to the section number without parentheses, so it may
    be a subsection or part of the section: "subsection" when read as a subsection (lower case:
    "2340a" is 2340(a), though 2340A may be meant), "section" when read as part of the section
    (upper case: "2252A", though a docket in capitals may write "924C" for 924(c)). The other
    reading is :meth:`other_reading`; a program for which the two differ must not pick one."""

    @property
    def open(self) -> bool:
        """The citation names more than one section (a range or "et seq.")."""
        return self.through is not None or self.et_seq

    def other_reading(self) -> Provision | None:
        """The other reading of a joined letter (None when no letter was joined)."""
        if self.joined_letter == "subsection" and self.subsections:
            head, *rest = self.subsections
            return replace(
                self, section=self.section + head.upper(), subsections=tuple(rest), joined_letter=""
            )
        if self.joined_letter == "section":
            letter = self.section[-1].lower()
            return replace(
                self,
                section=self.section[:-1],
                subsections=(letter, *self.subsections),
                joined_letter="",
            )
        return None

    def __str__(self) -> str:
        subs = "".join(f"({s})" for s in self.subsections)
        last = f"-{self.through}" if self.through else ""
        tail = " et seq." if self.et_seq else ""
        if self.code is Code.ucmj:
            return f"UCMJ art. {self.section}{subs}{tail}"
        if self.code is Code.dc:
            return f"D.C. Code {self.section}{subs}{last}{tail}"
        app = "App. " if self.appendix else ""
        return f"{self.title} {self.code.value} {app}{self.section}{subs}{last}{tail}"


@dataclass(frozen=True)
class Statute:
    """A citation read: the text as written and the provisions it names (one or several)."""

    text: str
    provisions: tuple[Provision, ...]
    description: str = ""
    """The text after the citation's dash or "=" ("simple possession" of "21 U.S.C. 844 -
    simple possession"), not read as a citation; empty when there is none."""

    @property
    def canonical(self) -> str:
        return "; ".join(str(p) for p in self.provisions)

    @property
    def open(self) -> bool:
        return any(p.open for p in self.provisions)


@dataclass(frozen=True)
class Unreadable:
    """A citation the reader could not read: the text as written and why."""

    text: str
    reason: str

    @property
    def quoted(self) -> str:
        """The text for a finding, shortened to 80 characters."""
        shown = self.text if len(self.text) <= 80 else self.text[:77] + "..."
        return repr(shown)


Reading = Statute | Unreadable


class _Fail(Exception):
    """Raised inside the parser; becomes :class:`Unreadable`."""


# --- tokens ---------------------------------------------------------------------------------

# ASCII digits only: "\d" would take full-width or Arabic-Indic digits as numbers whose text
# ("９２４") then differs from the Code's ("924"); any other character is a mark, so unreadable.
_TOKEN = re.compile(r"([0-9]+)|([A-Za-z]+)|(§+)|(\s+)|(.)", re.DOTALL)
_DASHES = {"-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212"}


class _Tok(NamedTuple):
    kind: str  # "num", "word", "sect", "punct"
    text: str
    low: str
    start: int
    end: int


_KINDS = {1: "num", 2: "word", 3: "sect", 5: "punct"}


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text):
        group = m.lastindex
        if group == 4 or group is None:
            continue  # white space
        piece = m.group(group)
        if group == 5 and piece in _DASHES:
            piece = "-"
        out.append(_Tok(_KINDS[group], piece, piece.lower(), m.start(), m.end()))
    return out


# --- the parser -----------------------------------------------------------------------------

_SECTION_WORDS = {"sec", "secs", "section", "sections", "s", "ss"}
_RANGE_WORDS = {"through", "thru", "to"}
_SUBDIVISION_WORDS = frozenset(
    {"subsection", "subsections", "subsec", "subsecs", "paragraph", "paragraphs", "para", "paras"}
    | {"par", "pars", "subparagraph", "subparagraphs", "subpar", "subpara", "clause", "clauses"}
)
"""Words naming a subdivision; in a description they may name one the citation leaves out."""
_LIST_WORDS = {"and", "&"}
_DIGIT_LIKE = frozenset("lIoO")
_DESIGNATION = re.compile(r"[0-9]+|([A-Za-z])\1{0,2}|[xX]{0,3}(?:[iI][xXvV]|[vV]?[iI]{0,3})")
"""A subdivision's designation: a number, a letter (doubled or tripled: "aa"), or a roman
numeral; a word in parentheses ("(assault)") is a description, not a subsection."""
_SECTION_LIKE_DIGITS = 3
"""A number of this many digits in parentheses may be a section ("844 (841)") or a year, not a
subsection: unreadable."""
_CODE_SPELLINGS = (
    ("u", "s", "c"),
    ("usc",),
    ("usca",),
    ("uscs",),
    ("united", "states", "code"),
    ("c", "f", "r"),
    ("cfr",),
    ("ucmj",),
    ("d", "c", "code"),
    ("dc", "code"),
)
_ROMAN = re.compile(r"(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3}|xiv|xvi{0,3})")


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokens(text)
        self.i = 0
        self.description = ""

    # -- helpers
    def peek(self, k: int = 0) -> _Tok | None:
        j = self.i + k
        return self.toks[j] if j < len(self.toks) else None

    def is_word(self, *words: str, k: int = 0) -> bool:
        tok = self.peek(k)
        return tok is not None and tok.kind == "word" and tok.low in words

    def is_punct(self, *marks: str, k: int = 0) -> bool:
        tok = self.peek(k)
        return tok is not None and tok.kind == "punct" and tok.text in marks

    def skip_dots(self) -> None:
        while self.is_punct("."):
            self.i += 1

    def letters(self, *spellings: tuple[str, ...]) -> bool:
        """Consume a word spelled by any of ``spellings`` (word tokens, dots between ignored):
        ("u", "s", "c") matches "U.S.C.", "U. S. C." and, with ("usc",), "USC"."""
        toks, n = self.toks, len(self.toks)
        first = self._past_dots(self.i)
        if first >= n or toks[first].kind != "word":
            return False
        head = toks[first].low
        for spelling in spellings:
            if spelling[0] != head:
                continue
            j = first + 1
            for part in spelling[1:]:
                j = self._past_dots(j)
                if j >= n or toks[j].kind != "word" or toks[j].low != part:
                    break
                j += 1
            else:
                self.i = j
                self.skip_dots()
                return True
        return False

    def _past_dots(self, j: int) -> int:
        toks = self.toks
        while j < len(toks) and toks[j].kind == "punct" and toks[j].text == ".":
            j += 1
        return j

    def fail(self, why: str) -> _Fail:
        tok = self.peek()
        where = f" at {tok.text!r}" if tok is not None else " at the end"
        return _Fail(why + where)

    # -- code names
    def code_name(self) -> tuple[Code, bool] | None:
        """A code named after a title number: (code, appendix)."""
        if self.letters(("u", "s", "c", "a"), ("u", "s", "c", "s"), ("usca",), ("uscs",)):
            return Code.usc, self.appendix()
        if self.letters(("u", "s", "c"), ("usc",), ("united", "states", "code")):
            if self.letters(("annotated",), ("ann",)):
                pass
            return Code.usc, self.appendix()
        if self.letters(("c", "f", "r"), ("cfr",), ("code", "of", "federal", "regulations")):
            return Code.cfr, False
        return None

    def appendix(self) -> bool:
        return self.letters(("app",), ("appendix",))

    def section_word(self) -> None:
        """An optional "§", "§§", "Sec.", "section" (and a comma before it)."""
        if self.is_punct(",") and (
            self.peek(1) is not None
            and (self.peek(1).kind == "sect" or self.is_word(*_SECTION_WORDS, k=1))  # type: ignore[union-attr]
        ):
            self.i += 1
        tok = self.peek()
        if tok is not None and tok.kind == "sect":
            self.i += 1
        elif self.is_word(*_SECTION_WORDS):
            # "s" / "ss" only before a number: they are how some databases render "§".
            nxt = self.peek(1)
            nxt = self.peek(2) if nxt is not None and nxt.text == "." else nxt
            if nxt is not None and nxt.kind == "num":
                self.i += 1
                self.skip_dots()

    # -- numbers
    def number(self, limit: int, what: str) -> str:
        tok = self.peek()
        if tok is None or tok.kind != "num":
            raise self.fail(f"expected the {what} number")
        if len(tok.text) > limit:
            raise _Fail(f"the {what} number {tok.text[:12]!r}... has more than {limit} digits")
        self.i += 1
        return tok.text

    def joined(self, prev: _Tok) -> bool:
        tok = self.peek()
        return tok is not None and tok.start == prev.end

    # -- one citation
    def citation(self) -> list[Provision]:
        if self.letters(("d", "c", "code"), ("dc", "code"), ("district", "of", "columbia", "code")):
            self.letters(("ann",), ("annotated",))
            self.section_word()
            return self.sections(Code.dc, None, False)
        if self.letters(("ucmj",), ("uniform", "code", "of", "military", "justice")):
            self.skip_punct(",")
            return self.article()
        if self.is_word("art", "article"):
            found = self.article()
            self.skip_punct(",")
            self.letters(("ucmj",), ("uniform", "code", "of", "military", "justice"))
            return found
        if self.is_word("title"):
            return self.title_first()
        tok = self.peek()
        if tok is not None and (tok.kind == "sect" or self.is_word(*_SECTION_WORDS)):
            return self.section_first()
        if tok is not None and tok.kind == "num":
            return self.number_first()
        raise self.fail("no code and title named")

    def skip_punct(self, mark: str) -> None:
        if self.is_punct(mark):
            self.i += 1

    def article(self) -> list[Provision]:
        if not self.letters(("art",), ("article",), ("arts",), ("articles",)):
            raise self.fail("expected an article of the UCMJ")
        return self.sections(Code.ucmj, None, False)

    def title_first(self) -> list[Provision]:
        """ "Title 18, United States Code, Section 924(c)", "Title 18 U.S.C. § 924"."""
        self.i += 1
        title = int(self.number(MAX_TITLE_DIGITS, "title"))
        self.skip_punct(",")
        named = self.code_name()
        code, appendix = named if named is not None else (Code.usc, False)
        self.skip_punct(",")
        self.section_word()
        return self.sections(code, title, appendix)

    def section_first(self) -> list[Provision]:
        """ "Section 924(c) of Title 18, United States Code"."""
        self.section_word()
        start = self.i
        # Read the sections with a provisional title, then require "of title N".
        found = self.sections(Code.usc, 0, False)
        self.skip_punct(",")
        if not (self.is_word("of") and self.is_word("title", k=1)):
            self.i = start
            raise self.fail("a section without its title")
        self.i += 2
        title = int(self.number(MAX_TITLE_DIGITS, "title"))
        self.skip_punct(",")
        named = self.code_name()
        code, appendix = named if named is not None else (Code.usc, False)
        return [replace(p, code=code, title=title, appendix=appendix) for p in found]

    def number_first(self) -> list[Provision]:
        """ "18 U.S.C. 924(c)", "36 CFR 2.35", "18:924(c)"."""
        title = int(self.number(MAX_TITLE_DIGITS, "title"))
        if self.is_punct(":"):
            self.i += 1
            return self.sections(Code.usc, title, False)
        named = self.code_name()
        if named is None:
            raise self.fail("a number not followed by a code name")
        code, appendix = named
        self.section_word()
        return self.sections(code, title, appendix)

    # -- sections
    def sections(self, code: Code, title: int | None, appendix: bool) -> list[Provision]:
        """One section or a list or range of them under the same code and title."""
        found: list[Provision] = []
        while True:
            found.extend(self.one_section(code, title, appendix))
            if not self.list_continues():
                return found

    def list_continues(self) -> bool:
        """After a section: another section of the same title follows (", 846", "and 846")."""
        j = 0
        if self.is_punct(",", ";"):
            j = 1
        if self.is_word(*_LIST_WORDS, k=j) or self.is_punct("&", k=j):
            j += 1
        if j == 0:
            return False
        tok = self.peek(j)
        if tok is None or tok.kind != "num":
            return False
        # "and 18 U.S.C. 2": a new title follows, not a section of this one.
        save = self.i
        self.i += j + 1
        self.skip_dots()
        new_title = self.code_name() is not None or self.is_punct(":")
        self.i = save
        if new_title:
            return False
        self.i += j
        return True

    def one_section(self, code: Code, title: int | None, appendix: bool) -> list[Provision]:
        first = self.section_number(code)
        section, letter_subs, joined = first
        provs: list[Provision] = []
        subs = letter_subs + self.groups()
        provs.append(Provision(code, title, section, tuple(subs), appendix, joined_letter=joined))
        # More subsection groups of the same section: "841(a)(1), (b)(1)(A)".
        while True:
            j = 1 if self.is_punct(",", ";") else 0
            if self.is_word(*_LIST_WORDS, k=j) or self.is_punct("&", k=j):
                j += 1
            if j and self.is_punct("(", k=j):
                self.i += j
                provs.append(Provision(code, title, section, tuple(self.groups()), appendix))
                continue
            break
        if self.range_follows():
            if len(provs) > 1 or provs[0].subsections:
                raise self.fail("a range of subsections")
            self.i += 1
            self.section_word()
            last, last_subs, _ = self.section_number(code)
            if last_subs or self.groups():
                raise self.fail("a range ending in a subsection")
            provs = [Provision(code, title, section, (), appendix, through=last)]
        if self.is_word("et") and self.is_word("seq", k=1):
            self.i += 2
            self.skip_dots()
            provs = [replace(p, et_seq=True) for p in provs]
        return provs

    def range_follows(self) -> bool:
        """A dash or "through" followed by a section number (else a description follows)."""
        if not (self.is_punct("-") or self.is_word(*_RANGE_WORDS)):
            return False
        nxt = self.peek(1)
        if nxt is not None and (nxt.kind == "sect" or self.is_word(*_SECTION_WORDS, k=1)):
            nxt = self.peek(2)
        return nxt is not None and nxt.kind == "num"

    def section_number(self, code: Code) -> tuple[str, list[str], str]:
        """The section number, any subsections written joined to it ("924c", "841a1"), and how a
        single joined letter was read (see ``Provision.joined_letter``)."""
        tok = self.peek()
        if tok is None or tok.kind != "num":
            raise self.fail("expected a section number")
        if code in (Code.dc, Code.cfr):
            return self.dotted_section(), [], ""
        # Bureau and Sentencing Commission files pad numbers ("18:0924"); the Code does not.
        head = self.number(MAX_SECTION_DIGITS, "section").lstrip("0") or "0"
        nxt = self.peek()
        if nxt is None or not self.joined(tok) or nxt.kind != "word":
            return head, [], ""
        self.no_misread_digit(nxt)
        if code is Code.ucmj:
            # Articles are numbered with lower-case letters: "112a", "120b".
            self.i += 1
            return head + nxt.text.lower(), [], ""
        after = self.peek(1)
        lower = nxt.text.islower()
        followed = after is not None and after.start == nxt.end
        if followed and after is not None and after.text == "-":
            # "1320a-7b", "78j-1": a lettered section with a hyphenated part.
            self.i += 2
            rest = self.peek()
            if rest is None or rest.start != after.end or rest.kind != "num":
                raise self.fail("a hyphen inside a section number")
            self.i += 1
            extra = ""
            if self.peek() is not None and self.joined(rest) and self.peek().kind == "word":  # type: ignore[union-attr]
                extra = self.peek().text  # type: ignore[union-attr]
                self.i += 1
            return f"{head}{nxt.text}-{rest.text}{extra}", [], ""
        if followed and after is not None and after.text == "(":
            # "2332a(a)", "2252A(a)": the letters are part of the section; one letter may also
            # be a subsection written without its parentheses ("924c(1)(A)"): both readings.
            self.i += 1
            return head + nxt.text, [], "section" if len(nxt.text) == 1 else ""
        if not lower:
            self.i += 1
            if after is not None and after.start == nxt.end and after.kind in ("num", "word"):
                raise self.fail("letters and numbers joined to the section in capitals")
            return head + nxt.text, [], "section" if len(nxt.text) == 1 else ""
        subs = self.joined_subsections(tok)
        return head, subs, "subsection" if len(subs[0]) == 1 else ""

    def joined_subsections(self, prev: _Tok) -> list[str]:
        """Subsections written without parentheses after the section: "c", "a1", "c1A"."""
        subs: list[str] = []
        while self.joined(prev):
            tok = self.peek()
            assert tok is not None
            self.no_misread_digit(tok)
            letters = tok.kind == "word" and (len(tok.text) == 1 or _ROMAN.fullmatch(tok.text))
            if tok.kind == "num" or letters:
                subs.append(tok.text)
            elif tok.kind == "word":
                raise self.fail("subsections joined to the section cannot be split")
            else:
                break
            self.i += 1
            prev = tok
        return subs

    def no_misread_digit(self, tok: _Tok) -> None:
        """A letter joined to a number that scanning or typing confuses with a digit ("111l"
        or "111I" for 1111, "1o30" for 1030) is not read as a subsection or a lettered section:
        the number meant may be another section."""
        if tok.kind == "word" and any(c in _DIGIT_LIKE for c in tok.text):
            raise self.fail("a letter joined to the number that may be a misread digit")

    def dotted_section(self) -> str:
        """A D.C. Code or CFR section: numbers joined by '-' or '.' ("48-904.01", "102-74.400")."""
        parts: list[str] = []
        prev: _Tok | None = None
        while True:
            tok = self.peek()
            if tok is None or (prev is not None and tok.start != prev.end):
                break
            if tok.kind == "num":
                if len(tok.text) > MAX_SECTION_DIGITS:
                    raise _Fail(f"a section number part has more than {MAX_SECTION_DIGITS} digits")
            elif not (tok.kind == "punct" and tok.text in ".-" and parts and parts[-1] not in ".-"):
                if tok.kind == "word" and parts and parts[-1] not in ".-" and len(tok.text) <= 2:
                    pass
                else:
                    break
            parts.append(tok.text)
            self.i += 1
            prev = tok
        while parts and parts[-1] in ".-":
            parts.pop()
            self.i -= 1
        return "".join(parts)

    def groups(self) -> list[str]:
        """Parenthesised subsections: "(c)(1)(A)", "(a) (1)"."""
        subs: list[str] = []
        while self.is_punct("("):
            inner = self.peek(1)
            if (
                inner is None
                or inner.kind not in ("num", "word")
                or not self.is_punct(")", k=2)
                or not _DESIGNATION.fullmatch(inner.text)
            ):
                # Not a subsection ("(assault)"): perhaps a parallel citation, see ``read``.
                return subs
            if len(inner.text) > MAX_SECTION_DIGITS:
                raise self.fail("a subsection too long")
            if inner.kind == "num" and len(inner.text) >= _SECTION_LIKE_DIGITS:
                # "21 U.S.C. 844 (841)", "844(a)(846)": another section of the title, or the
                # edition's year ("(2012)"), more likely than a paragraph numbered 100 or more.
                self.i += 1
                raise self.fail("a number in parentheses that may be a section, not a subsection")
            subs.append(inner.text)
            self.i += 3
        return subs

    def no_citation_in_description(self) -> None:
        """Fail if the rest of the text looks like it cites a provision: a section sign, a code
        name ("U.S.C.", "CFR", "UCMJ"), "title" or "section" before a number, "N:N", a number
        joined to a parenthesis ("924(c)"), or a number that may be a section (three or more
        digits: "1951 - robbery; 924"). So does a subdivision in it: a designation in parentheses
        ("111(a)-(b)", "844 - possession (b)"), a word naming a subdivision ("subsection",
        "para."), or a description that begins with a number or a letter standing alone
        ("111(a) - b", not "844 - a misdemeanor"):
        the dash may join a range of subdivisions, and the ones after it would be lost. One
        pass, each step a fixed look-ahead."""
        first, after = self.peek(), self.peek(1)
        lone = after is None or after.kind != "word"
        if first is not None and (
            first.kind == "num" or (first.kind == "word" and len(first.text) == 1 and lone)
        ):
            raise self.fail("a description that begins with a designation")
        while self.i < len(self.toks):
            tok = self.toks[self.i]
            nxt = self.peek(1)
            joined_paren = nxt is not None and nxt.text == "(" and nxt.start == tok.end
            if (
                tok.kind == "punct"
                and tok.text == "("
                and nxt is not None
                and nxt.kind in ("num", "word")
                and self.is_punct(")", k=2)
                and _DESIGNATION.fullmatch(nxt.text)
            ):
                raise self.fail("a subdivision in the description")
            if self.is_word(*_SUBDIVISION_WORDS):
                raise self.fail("a subdivision named in the description")
            if tok.kind == "num" and len(tok.text) >= _SECTION_LIKE_DIGITS:
                raise self.fail("a number in the description that may be a section")
            if (
                tok.kind == "sect"
                or self.letters(*_CODE_SPELLINGS)
                or (
                    self.is_word("title", *_SECTION_WORDS) and nxt is not None and nxt.kind == "num"
                )
                or (tok.kind == "num" and self.is_punct(":", k=1))
                or (tok.kind == "num" and joined_paren)
            ):
                raise self.fail("a citation inside the description")
            self.i += 1

    # -- the whole text
    def read(self) -> tuple[Provision, ...]:
        found: list[Provision] = []
        while self.peek() is not None:
            found.extend(self.citation())
            self.skip_dots()
            tok = self.peek()
            if tok is None:
                break
            if tok.kind == "punct" and tok.text in ("-", "="):
                # A description follows: "18 U.S.C. 924(c) - firearm ...". It is not read, so
                # a citation in it ("1951 - robbery; 924(c)") would be lost: refuse that.
                self.i += 1
                rest = self.peek()
                self.no_citation_in_description()
                self.description = self.text[rest.start :].strip() if rest is not None else ""
                break
            if self.is_punct("("):
                # A parallel citation: "Article 125, UCMJ (10 U.S.C. 925)".
                self.i += 1
                found.extend(self.citation())
                if not self.is_punct(")"):
                    raise self.fail("an unclosed parenthesis")
                self.i += 1
                continue
            if self.is_punct(",", ";") or self.is_word(*_LIST_WORDS) or self.is_punct("&"):
                self.i += 1
                if self.is_word(*_LIST_WORDS) or self.is_punct("&"):
                    self.i += 1
                continue
            raise self.fail("text after the citation")
        return tuple(found)


def read_statute(text: str) -> Reading:
    """Read a citation into canonical provisions, or say why it is unreadable. Texts within
    :data:`MAX_LENGTH` are cached (8,192 of them); a longer one is refused before any reading
    and never cached."""
    if len(text) > MAX_LENGTH:
        return Unreadable(text, f"longer than {MAX_LENGTH} characters")
    return _read_cached(text)


def read_uncached(text: str) -> Reading:
    """:func:`read_statute` without its cache (for measuring the reader itself)."""
    if len(text) > MAX_LENGTH:
        return Unreadable(text, f"longer than {MAX_LENGTH} characters")
    return _read(text)


@lru_cache(maxsize=8192)
def _read_cached(text: str) -> Reading:
    return _read(text)


def _read(text: str) -> Reading:
    if not text.strip():
        return Unreadable(text, "empty")
    parser = _Parser(text)
    try:
        provisions = parser.read()
    except _Fail as why:
        return Unreadable(text, str(why))
    if not provisions:
        return Unreadable(text, "no provision named")
    return Statute(text, provisions, parser.description)


def unreadable_reason(reading: Reading) -> str | None:
    """Why a program cannot decide a count from this reading section by section: unreadable,
    or a range or "et seq." (several sections). None when each provision is one section."""
    if isinstance(reading, Unreadable):
        return f"could not be read ({reading.reason})"
    if reading.open:
        return "names a range of sections or 'et seq.', not the section of conviction"
    return None


def same_subsection(a: str, b: str) -> bool:
    """Subsection designations compare without regard to case ("(b)(1)(a)" is "(b)(1)(A)")."""
    return a.lower() == b.lower()


# --- matching what a citation names ------------------------------------------------------------
# Programs compare a count's citation with the provisions a rule lists; these read both with
# :func:`read_statute` (nothing else reads a citation).


@lru_cache(maxsize=16384)
def provisions_of(text: str) -> tuple[Provision, ...]:
    """The provisions a citation names as read (none when unreadable); a pure function of the
    text, remembered by value."""
    reading = read_statute(text)
    return () if isinstance(reading, Unreadable) else reading.provisions


def _same_section(a: Provision, b: Provision) -> bool:
    return (a.code, a.title, a.section.lower(), a.appendix) == (
        b.code,
        b.title,
        b.section.lower(),
        b.appendix,
    )


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """``short`` is ``long`` or a parent of it ("(d)" of "(d)(1)"), without regard to case."""
    return len(short) <= len(long) and all(
        same_subsection(a, b) for a, b in zip(short, long, strict=False)
    )


@lru_cache(maxsize=65536)
def cites(statute: str, provision: str) -> bool:
    """The count's statute is the provision or one of its subdivisions, in any spelling the
    statute reader accepts ('21 U.S.C. § 844(a)', '21 USC 844(a)', '21:844(a)'). A letter
    joined to the section number is read as part of the section (see :func:`plain_provisions`):
    '21 USC 844a' is section 844a, not 844(a)."""
    return any(names_within(h, provision) for h in plain_provisions(statute))


def names_within(named: Provision, provision: str) -> bool:
    """One provision a count names is ``provision`` or one of its subdivisions."""
    return not named.open and any(
        _same_section(named, w) and _within(w.subsections, named.subsections)
        for w in provisions_of(provision)
    )


def unlisted_beside(statute: str, listed: tuple[str, ...]) -> list[str]:
    """The provisions a count names that none of ``listed`` covers, when it names one that is
    covered ("21 U.S.C. 841(a)(1) and 844" -> ["21 U.S.C. 841(a)(1)"]); empty otherwise. Such a
    count may be for the other offense: whether it is for simple possession alone is for
    review, never a pardon."""
    return list(_unlisted_beside(statute, listed))


@lru_cache(maxsize=16384)
def _unlisted_beside(statute: str, listed: tuple[str, ...]) -> tuple[str, ...]:
    named = plain_provisions(statute)
    hits = [any(names_within(h, p) for p in listed) for h in named]
    if not any(hits):
        return ()
    return tuple(str(h) for h, hit in zip(named, hits, strict=True) if not hit)


@lru_cache(maxsize=16384)
def plain_provisions(statute: str) -> tuple[Provision, ...]:
    """The provisions a citation names, a letter joined to the section read as part of it."""
    return _plain(provisions_of(statute))


def _plain(provisions: tuple[Provision, ...]) -> tuple[Provision, ...]:
    """A letter joined to a section number, in either case ("21 USC 844a", "844A", "844a(a)"),
    read as part of the section (21 U.S.C. 844a is a section of its own), never as the
    subsection it may also be: a list with no lettered section (the marijuana proclamations')
    must not take "844a" for 844(a). Joined subsections after the letter ("841a1") go with it:
    841A(1)."""
    return tuple(
        (p.other_reading() or p) if p.joined_letter == "subsection" else p for p in provisions
    )


@lru_cache(maxsize=65536)
def broader(statute: str, provision: str) -> bool:
    """The count cites a provision that contains the listed one (e.g. '(d)' for '(d)(1)')."""
    want = provisions_of(provision)
    return any(
        _same_section(h, w)
        and len(h.subsections) < len(w.subsections)
        and _within(h.subsections, w.subsections)
        for h in provisions_of(statute)
        for w in want
    )


def section_number(section: str) -> int:
    """The leading number of a section ("176a" -> 176; -1 when it has none)."""
    digits = re.match(r"\d+", section)
    return int(digits.group(0)) if digits else -1


_UCMJ_CODIFIED = range(801, 947)
"""10 U.S.C. 801-946a: the UCMJ as codified (article N is section 800 + N)."""


def ucmj_articles(text: str) -> set[str]:
    """The UCMJ articles a citation names, in the spellings the statute reader accepts: 'UCMJ
    art. 125', 'Article 125, UCMJ', 'Art 125', and the codification '10 U.S.C. 925' (article N is
    10 U.S.C. 800 + N). Subdivisions are dropped: '(a)' of 'art. 125(a)' is not part of it."""
    found: set[str] = set()
    for p in provisions_of(text):
        if p.code is Code.ucmj:
            found.add(p.section.lower())
        elif p.code is Code.usc and p.title == 10 and section_number(p.section) in _UCMJ_CODIFIED:
            digits = re.match(r"\d+", p.section)
            assert digits is not None
            found.add(str(int(digits.group(0)) - 800) + p.section[digits.end() :].lower())
    return found


def names_article(statute: str, provisions: list[str]) -> bool:
    """The statute names one of the UCMJ articles the provisions name (in any spelling)."""
    wanted = {a for p in provisions for a in ucmj_articles(p)}
    return bool(ucmj_articles(statute) & wanted)
