"""Every case under cases/ (records or sentences, dates, expected answers and their sources),
run by one parametrised test; and the `secondchance test` command that runs them for anyone."""

from __future__ import annotations

from pathlib import Path

import pytest

from secondchance.cases import case_files, read_cases, run_file
from tests.support import EXAMPLES, run_cli

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "cases"
FILES = case_files([CASES])


@pytest.mark.parametrize("file", FILES, ids=[str(f.relative_to(CASES)) for f in FILES])
def test_case_file(file: Path) -> None:
    failures = [
        f"{result.name}: {result.title}\n  " + "\n  ".join(map(str, result.differences))
        for result in run_file(file)
        if not result.passed
    ]
    assert not failures, "\n".join(failures)


def test_every_example_carries_its_expectations_as_a_case() -> None:
    used = set()
    for file in FILES:
        for _, case in read_cases(file):
            if isinstance(case.record, str):
                used.add((file.parent / case.record).resolve())
    examples = {p.resolve() for p in EXAMPLES.rglob("*.yaml")}
    assert examples - used == set()


def test_test_command_counts_the_cases() -> None:
    done = run_cli("test", str(CASES / "sentence" / "good_conduct_time"))
    assert done.returncode == 0, done.stdout + done.stderr
    # 87-fr-7938-table-1.yaml (7) + more-than-one-year.yaml (2) + time-served-method.yaml (4)
    # + life-and-method.yaml (2)
    assert "15 cases" in done.stdout and "all passed" in done.stdout


def test_a_wrong_expectation_fails_with_a_readable_difference(tmp_path: Path) -> None:
    case = tmp_path / "wrong.yaml"
    case.write_text(
        "title: Twelve months and one day (deliberately wrong)\n"
        "source: {kind: worked_by_hand, working: 'deliberately wrong: 54 is right'}\n"
        "as_of: 2022-06-01\n"
        "sentence: {term: '12 months 1 day', commenced: 2020-01-01}\n"
        "expect: {sentence: {gct_days: 53}}\n",
        encoding="utf-8",
    )
    done = run_cli("test", str(case))
    assert done.returncode == 1
    assert f"FAIL {case}: Twelve months and one day (deliberately wrong)" in done.stdout
    assert "sentence.gct_days: expected 53, got 54" in done.stdout
    assert "1 of 1 cases" in done.stdout


def test_a_wrong_outcome_names_the_program(tmp_path: Path) -> None:
    case = tmp_path / "wrong-outcome.yaml"
    record = EXAMPLES / "sba" / "twenty-percent-owner.yaml"
    case.write_text(
        "title: 20% owner (deliberately wrong)\n"
        "source: {kind: worked_by_hand, working: 'wrong on purpose'}\n"
        f"record: {record}\n"
        "as_of: 2024-09-03\napplication_date: 2024-09-03\n"
        "expect: {sba.surety_bond: {outcome: eligible, date: null}}\n",
        encoding="utf-8",
    )
    done = run_cli("test", str(case))
    assert done.returncode == 1
    assert 'sba.surety_bond.outcome: expected "eligible", got "eligible_from"' in done.stdout
    assert 'sba.surety_bond.date: expected nothing, got "2025-01-01"' in done.stdout


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("title: x\nas_of: 2024-01-01\nexpect: {}\n", "source: Field required"),
        (
            "title: x\nsource: {kind: worked_by_hand}\nas_of: 2024-01-01\n"
            "sentence: {term: '1 year', commenced: 2020-01-01}\n"
            "expect: {sentence: {gct_days: 0}}\n",
            "a case worked by hand shows its working",
        ),
        (
            "title: x\nsource: {kind: official_example, citation: c}\nas_of: 2024-01-01\n"
            "expect: {sba.7a: {outcome: eligible}}\n",
            "either a `record` or a `sentence`",
        ),
    ],
)
def test_an_invalid_case_file_is_an_input_error(tmp_path: Path, text: str, problem: str) -> None:
    case = tmp_path / "bad.yaml"
    case.write_text(text, encoding="utf-8")
    done = run_cli("test", str(case))
    assert done.returncode == 2
    assert problem in done.stderr
    assert "Traceback" not in done.stderr


def test_a_missing_path_is_an_input_error(tmp_path: Path) -> None:
    done = run_cli("test", str(tmp_path / "nowhere"))
    assert done.returncode == 2
    assert "no such file or folder" in done.stderr
