"""The rule book: every rule version's dates, citation, source and gaps come from
``law/parameters/rules/*.yaml``, and its days from the dated parameters (issue: one home for
every legal fact)."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date

import pytest

from secondchance.engine.rules import RuleVersion
from secondchance.law import rule_book
from secondchance.law.parameters import DatedValue, Parameter, parameter
from secondchance.law.registry import all_programs
from secondchance.law.sentence.versions import EARNING_VERSIONS, GCT_VERSIONS

BOOK_FIELDS = (
    "program",
    "version",
    "title",
    "citation",
    "url",
    "effective_from",
    "effective_to",
    "provisional",
    "known_gaps",
    "sources",
)


def _versions() -> list[RuleVersion]:
    return [v for p in all_programs() for v in p.versions] + [*GCT_VERSIONS, *EARNING_VERSIONS]


def _book() -> dict[str, dict[str, object]]:
    out = {}
    for body in rule_book.bodies():
        for key in rule_book.entries(body):
            entry = rule_book.rule_fields(key)
            out[f"{entry['program']}@{entry['version']}"] = entry
    return out


def test_every_version_comes_from_the_book_and_every_entry_is_used() -> None:
    book = _book()
    versions = {v.id: v for v in _versions()}
    assert set(versions) == set(book)
    for vid, version in versions.items():
        for name in BOOK_FIELDS:
            assert getattr(version, name) == book[vid][name], (vid, name)
        if "takes_effect" in book[vid]:
            assert version.takes_effect == book[vid]["takes_effect"]


def test_the_sba_versions_split_on_the_effective_date_of_89_fr_34094() -> None:
    # 89 FR 34094 (Apr. 30, 2024), DATES: effective May 30, 2024. The version before ends the
    # day before, 2024-05-29, and the ids name the two days.
    before = rule_book.rule_fields("sba.microloan/before")
    after = rule_book.rule_fields("sba.microloan/after")
    assert after["effective_from"] == date(2024, 5, 30)
    assert before["effective_to"] == date(2024, 5, 29)
    assert (before["version"], after["version"]) == ("to-2024-05-29", "from-2024-05-30")
    assert before["url"] == ("https://www.ecfr.gov/on/2024-05-29/title-13/part-120/section-120.707")
    assert before["effective_from"] is None and after["effective_to"] is None


def test_a_day_inside_a_structured_parameter() -> None:
    # Proclamation 10688 was signed December 22, 2023: the marijuana rule version's id.
    assert rule_book.rule_fields("clemency.marijuana_pardon/10688")["version"] == "2023-12-22"
    # Proclamation 10887's offense day, January 6, 2021, is stated in the gap it shares.
    assert "recorded on 2021-01-06" in rule_book.text("clemency", "january_6_gap")


def test_changing_an_effective_date_in_the_parameters_changes_ids_dates_and_prose(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = parameter("sba.criminal_justice_rule.effective_from")
    moved = replace(real, values=(DatedValue(None, date(2024, 7, 1)),))

    def fake(name: str) -> Parameter:
        return moved if name == real.name else parameter(name)

    monkeypatch.setattr(rule_book, "parameter", fake)
    rule_book.day.cache_clear()
    rule_book.text.cache_clear()
    try:
        after = rule_book.rule_fields("sba.7a/after")
        before = rule_book.rule_fields("sba.7a/before")
        assert after["version"] == "from-2024-07-01"
        assert before["effective_to"] == date(2024, 6, 30)
        assert "before 2024-07-01" in before["known_gaps"][0]
        assert "point-in-time view of 2024-06-30" in before["known_gaps"][0]
    finally:
        rule_book.day.cache_clear()
        rule_book.text.cache_clear()


def test_unknown_names_are_errors_not_blanks() -> None:
    with pytest.raises(rule_book.RuleBookError, match="no rule book holds"):
        rule_book.rule_fields("sba.7a/sometime")
    with pytest.raises(rule_book.RuleBookError, match="no text"):
        rule_book.text("sba", "not_a_text")
    with pytest.raises(rule_book.RuleBookError, match="no day"):
        rule_book.day("sba", "not_a_day")


def test_rule_version_fields_cover_the_book() -> None:
    names = {f.name for f in fields(RuleVersion)}
    assert set(BOOK_FIELDS) <= names


def test_the_book_states_no_legal_number_itself() -> None:
    """A number with its unit ("54 days", "20%") in the book's prose comes from ``numbers:``
    (a parameter), like the days; the raw YAML holds none."""
    import re
    from importlib import resources

    unit = re.compile(r"\b\d+ ?(?:%|days?\b|months?\b|years?\b|percent\b)")
    folder = resources.files("secondchance.law.parameters").joinpath("rules")
    found = [
        f"{entry.name}: {m.group(0)}"
        for entry in folder.iterdir()
        if entry.name.endswith(".yaml")
        for m in unit.finditer(entry.read_text(encoding="utf-8"))
    ]
    assert found == []
    # ... and the book does write them, from the parameters (3624(b)(1): 54 days a year).
    title = rule_book.rule_fields("sentence.good_conduct_time/87fr7938")["title"]
    assert title.startswith("54 days per year")


def test_rules_lists_each_rule_in_plain_words() -> None:
    """Rules written as data carry their summary to ``secondchance rules``: the 28 CFR 1.2
    wait (five years after release from confinement) is stated in plain words."""
    from typer.testing import CliRunner

    from secondchance.cli import app

    shown = CliRunner().invoke(app, ["rules"]).stdout
    block = shown.split("clemency.pardon_petition@1993")[1].split("\n")
    assert block[1].startswith("    rule: No petition for pardon until five years after release")
    for version in _versions():
        if version.program.startswith(("sba.", "clemency.")):
            assert version.summary, version.id
