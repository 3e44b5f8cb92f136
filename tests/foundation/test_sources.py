"""Every rule and parameter cites an official source: no blog, newspaper, web-archive copy or
third-party copy stands as the source of a rule (a secondary copy is listed as a known gap)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from secondchance.cli.rules import parameters_table, rules_table

OFFICIAL_HOSTS = frozenset(
    {
        "www.federalregister.gov",  # Federal Register
        "www.govinfo.gov",  # GovInfo (Federal Register, CFR, 3 CFR compilations)
        "www.ecfr.gov",  # eCFR
        "uscode.house.gov",  # the U.S. Code (Office of the Law Revision Counsel)
        "www.justice.gov",  # Department of Justice, Office of the Pardon Attorney, OLC
        "www.bop.gov",  # Bureau of Prisons
        "www.sba.gov",  # Small Business Administration
        "www.reginfo.gov",  # OIRA: regulatory agenda, information collections
        "www.whitehouse.gov",  # presidential documents
        "www.supremecourt.gov",
        "www.ussc.gov",  # Sentencing Commission
        "www.congress.gov",
    }
)
OFFICIAL_SUFFIXES = (".uscourts.gov",)  # the courts' own opinions

URL = re.compile(r"https?://[^\s\"'<>)]+")
SRC = Path(__file__).resolve().parents[2] / "src" / "secondchance"


def official(url: str) -> bool:
    parsed = urlparse(url)
    host = parsed.hostname or ""
    return parsed.scheme == "https" and (host in OFFICIAL_HOSTS or host.endswith(OFFICIAL_SUFFIXES))


def urls_in(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield from URL.findall(value)
    elif isinstance(value, dict):
        for item in value.values():
            yield from urls_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from urls_in(item)


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.ecfr.gov/current/title-28/chapter-I/part-1/section-1.2", True),
        ("https://www.ca4.uscourts.gov/opinions/246665.P.pdf", True),
        ("http://www.ecfr.gov/current/title-28", False),  # not https
        ("https://www.law.cornell.edu/cfr/text/13/120.10", False),  # third-party copy
        ("https://zzpat.blogspot.com/2007/07/x.html", False),  # blog
        ("https://www.washingtonpost.com/x", False),  # newspaper
        ("https://webarchive.library.unt.edu/eot2008/x", False),  # web-archive copy
        ("https://github.com/someone/ecfr-markdown/title-13.md", False),  # third-party markdown
        ("https://www.ecfr.gov.example.com/x", False),  # look-alike host
    ],
)
def test_the_allow_list(url: str, ok: bool) -> None:
    assert official(url) is ok


def test_every_rule_version_cites_official_sources() -> None:
    bad = [
        (version["id"], url)
        for program in rules_table()
        for version in program["versions"]
        for url in urls_in([version["url"], version["sources"]])
        if not official(url)
    ]
    assert bad == []


def test_every_parameter_cites_an_official_source() -> None:
    bad = [
        (param["name"], url)
        for param in parameters_table()
        for url in urls_in([param["url"], param["values"]])
        if not official(url)
    ]
    assert bad == []
    assert all(param["url"] for param in parameters_table())


def test_no_finding_can_cite_a_non_official_address() -> None:
    # Findings take their url from the law modules and parameter files: no address in them may
    # be unofficial (a secondary copy is named in words, as a known gap, never linked).
    bad = [
        (str(path.relative_to(SRC)), url)
        for path in sorted([*SRC.glob("law/**/*.py"), *SRC.glob("law/**/*.yaml")])
        for url in URL.findall(path.read_text(encoding="utf-8"))
        if not official(url)
    ]
    assert bad == []


def test_secondary_copies_are_listed_as_known_gaps() -> None:
    # The rules whose text was read from a secondary copy say so in their known gaps.
    gaps = [
        gap
        for program in rules_table()
        for version in program["versions"]
        for gap in version["known_gaps"]
    ]
    assert any("secondary" in gap and "3584(c)" in gap for gap in gaps)  # Giovinco, Bonnie
    assert any("markdown export of eCFR" in gap for gap in gaps)  # SBA texts after 2024-05-30
    assert any("web-archive copy" in gap for gap in gaps)  # pardon waiver wording
