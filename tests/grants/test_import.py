"""``grants import``: official list formats in, each grant with its source; duplicates known."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from secondchance.cli import app
from secondchance.grants.listpage import parse_list_page
from tests.grants.fixtures import CSV_FILE, HTML_PAGE, MARKDOWN_PAGE, WARRANT

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def imported(
    tmp_path: Path, name: str, content: str, *extra: str
) -> dict[str, list[dict[str, str]]]:
    page = write(tmp_path, name, content)
    code, out, err = run(
        "grants",
        "import",
        str(page),
        "--register",
        str(tmp_path / "reg.csv"),
        "--format",
        "json",
        *extra,
    )
    assert code == 0, err
    result: dict[str, list[dict[str, str]]] = json.loads(out)
    return result


def test_markdown_list_page(tmp_path: Path) -> None:
    result = imported(tmp_path, "page.md", MARKDOWN_PAGE)
    added = [(g["name"], g["type"], g["date"], g["president"]) for g in result["added"]]
    assert added == [
        ("Alma Fictional Rivers", "pardon", "2021-01-19", "Donald J. Trump"),
        ("Dorian Q. Placeholder, Jr.", "pardon", "2021-01-19", "Donald J. Trump"),
        ("Carl Example Stone", "commutation", "2021-01-19", "Donald J. Trump"),
    ]
    assert {g["source"] for g in result["added"]} == {
        "https://trumpwhitehouse.archives.gov/briefings-statements/example-clemency-list/"
    }
    with (tmp_path / "reg.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["name"] for r in rows] == [g[0] for g in added]
    assert all(r["source_url"].startswith("https://trumpwhitehouse") for r in rows)


def test_importing_twice_does_not_double(tmp_path: Path) -> None:
    imported(tmp_path, "page.md", MARKDOWN_PAGE)
    again = imported(tmp_path, "page.md", MARKDOWN_PAGE.replace("Jr.**", "JR.**"))
    assert again["added"] == [] and len(again["duplicates"]) == 3
    assert len((tmp_path / "reg.csv").read_text(encoding="utf-8").splitlines()) == 1 + 3


def test_html_page_with_table_and_grants_already_shipped(tmp_path: Path) -> None:
    result = imported(tmp_path, "page.html", HTML_PAGE)
    # NINA SIMONA ALLEN (pardon) and ANTWON ABBOTT 16383-028 (commutation) are on the shipped
    # 2024-12-12 list: recognised, not added. The merged cell holds two people.
    assert [g["name"] for g in result["duplicates"]] == ["NINA SIMONA ALLEN", "ANTWON ABBOTT"]
    assert [(g["name"], g["type"], g.get("bop_register_number")) for g in result["added"]] == [
        ("ZELDA INVENTED EXAMPLE", "pardon", None),
        ("PAT INVENTED ONE", "commutation", "11111-111"),
        ("LEE INVENTED TWO", "commutation", "22222-222"),
    ]
    assert {g["date"] for g in result["added"]} == {"2024-12-12"}
    assert {g["president"] for g in result["added"]} == {"Joseph R. Biden, Jr."}


def test_single_warrant_needs_its_source_and_date(tmp_path: Path) -> None:
    page = write(tmp_path, "warrant.txt", WARRANT)
    code, _, err = run("grants", "import", str(page), "--register", str(tmp_path / "r.csv"))
    assert code == 2 and "date" in err and "--date" in err
    result = imported(
        tmp_path,
        "warrant.txt",
        WARRANT,
        "--date",
        "2025-01-22",
        "--source",
        "https://www.whitehouse.gov/presidential-actions/2025/01/example/",
    )
    assert [(g["name"], g["type"], g["president"]) for g in result["added"]] == [
        ("Morgan Invented Vale", "pardon", "Donald J. Trump")
    ]


BIDEN_WARRANT_HEAD = """Executive Grant of Clemency
Be it Known, that This Day, I, Joseph R. Biden, Jr., President of the United States, Pursuant
to My Powers Under Article II, Section 2, Clause 1, of the Constitution, Have Granted Unto
Morgan Invented Vale
"""
WARRANT_SOURCE = "https://www.justice.gov/pardon/example-warrant"


def test_a_warrant_reads_its_kind_from_the_grant_clause_and_its_signer() -> None:
    # A pardon whose case history mentions an earlier commutation by another President: the
    # grant clause says "A Full and Unconditional Pardon" (a pardon, not a commutation), and
    # the President is the signer ("I, Joseph R. Biden, Jr., President"), not the one the
    # history names.
    page = parse_list_page(
        BIDEN_WARRANT_HEAD + "A Full and Unconditional Pardon\n\n"
        "His sentence had been commuted by President Obama in 2016.\n"
    )
    assert [(e.name, e.type.value) for e in page.entries] == [("Morgan Invented Vale", "pardon")]
    assert page.president == "Joseph R. Biden, Jr."


@pytest.mark.parametrize(
    ("clause", "problem"),
    [
        # A remission of a fine is neither a pardon nor a commutation (28 CFR 1.1 lists them
        # apart): it must not be stored as a pardon.
        ("A Remission of the fine of $5,000 imposed in United States v. Vale", "remission"),
        ("A Commutation of Sentence and a Pardon", "both a pardon and a commutation"),
    ],
)
def test_a_warrant_whose_kind_cannot_be_told_is_refused(
    tmp_path: Path, clause: str, problem: str
) -> None:
    page = write(tmp_path, "warrant.txt", BIDEN_WARRANT_HEAD + clause + "\n")
    register = tmp_path / "r.csv"
    code, _, err = run(
        "grants",
        "import",
        str(page),
        "--register",
        str(register),
        "--date",
        "2024-12-12",
        "--source",
        WARRANT_SOURCE,
    )
    assert code == 2 and "clemency_type" in err and problem in err
    assert not register.exists()


def test_a_table_row_whose_register_number_has_a_letter_for_a_digit_is_refused(
    tmp_path: Path,
) -> None:
    # "l6383-O28": l for 1 and O for 0 (OCR). Before, the row was dropped without a word (no
    # NNNNN-NNN in it), so the person was missing from the register; the number is not
    # guessed either: the import stops (exit 2) naming it, and writes nothing.
    page = write(
        tmp_path,
        "list.html",
        HTML_PAGE.replace(
            "</tbody>", "<tr><td>RORY INVENTED OCR</td><td>l6383-O28</td></tr></tbody>"
        ),
    )
    register = tmp_path / "r.csv"
    code, _, err = run("grants", "import", str(page), "--register", str(register))
    assert code == 2
    assert "bop_register_number: 'l6383-O28'" in err and "RORY INVENTED OCR" in err
    assert not register.exists()


def test_csv_with_sources_and_a_shipped_duplicate(tmp_path: Path) -> None:
    result = imported(tmp_path, "grants.csv", CSV_FILE)
    assert [g["name"] for g in result["added"]] == ["Rosa Invented Park"]
    assert [g["name"] for g in result["duplicates"]] == ["Betty Jo Bogans"]
    code, out, _ = run(
        "grants", "search", "Rosa Park", "--register", str(tmp_path / "reg.csv"), "--format", "json"
    )
    assert code == 0
    (match,) = json.loads(out)["matches"]
    assert match["origin"] == "user" and match["president"] == "Barack Obama"
    assert match["source"] == "https://www.justice.gov/pardon/obama-commutations"


BAD = {
    "binary.pdf": (b"%PDF-1.7\n\x00\x01\x02\x03binary", "binary file"),
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\n ", "empty"),
    "latin1.txt": ("Pardon for Jos\xe9 Mart\xednez".encode("latin-1"), "not readable as utf-8"),
    "odd.html": (
        b'<html><head><meta charset="x-klingon"></head><body><p>a</p></body></html>',
        "unknown encoding 'x-klingon'",
    ),
    "nolist.txt": (b"Just some words about nothing at all.", "no grants found"),
    "type.csv": (
        b"name,clemency_type,announcement_date,president,source_url\n"
        b"A B,parole,2020-01-01,X,https://www.justice.gov/x\n",
        "clemency_type: 'parole' is not pardon or commutation",
    ),
    "nocol.csv": (b"person,kind\nA B,pardon\n", "no name column"),
    "nosource.csv": (
        b"name,clemency_type,announcement_date,president\nA B,pardon,2020-01-01,X\n",
        "no source URL",
    ),
    "baddate.csv": (
        b"name,clemency_type,announcement_date,president,source_url\n"
        b"A B,pardon,2020-13-01,X,https://www.justice.gov/x\n",
        "is not YYYY-MM-DD",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_exits_2_and_writes_nothing(tmp_path: Path, name: str) -> None:
    content, expected = BAD[name]
    page = write(tmp_path, name, content)
    register = tmp_path / "reg.csv"
    code, out, err = run("grants", "import", str(page), "--register", str(register))
    assert code == 2, out
    assert expected in err and str(page) in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not register.exists()


def test_plain_text_copy_of_a_list_page(tmp_path: Path) -> None:
    from tests.grants.fixtures import PLAIN_TEXT_PAGE

    result = imported(
        tmp_path,
        "copied.txt",
        PLAIN_TEXT_PAGE,
        "--date",
        "2016-08-30",
        "--source",
        "https://obamawhitehouse.archives.gov/example-list",
    )
    assert [(g["name"], g["type"], g["residence"], g["president"]) for g in result["added"]] == [
        ("Quentin Invented Hale", "commutation", "Tampa, Florida", "Barack Obama"),
        ("Vera (Lang) Invented-Moss", "commutation", "Washington, D.C.", "Barack Obama"),
    ]
