"""Run cases: load each case file, ask the engine, compare what it answers with what the case
expects, and describe every difference."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from secondchance.api import evaluate
from secondchance.cases.model import Case
from secondchance.law.sentence.block import SentenceFacts, compute_block
from secondchance.record.load import RecordError, field_path, load_record, parse_text, validate
from secondchance.record.schema import Record
from secondchance.record.terms import Term, parse_term_text

PROGRAM_KEYS = ("outcome", "date", "next_change", "missing_facts", "reason_contains")


class CaseFileError(Exception):
    """A case file that cannot be read: the message names the file, the field and the problem."""


@dataclass(frozen=True)
class Difference:
    where: str
    expected: Any
    got: Any

    def __str__(self) -> str:
        return f"{self.where}: expected {_show(self.expected)}, got {_show(self.got)}"


@dataclass
class CaseResult:
    file: Path
    index: int | None
    title: str
    checked: int = 0
    differences: list[Difference] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.file}" + (f"#{self.index + 1}" if self.index is not None else "")

    @property
    def passed(self) -> bool:
        return not self.differences


def _show(value: Any) -> str:
    return "nothing" if value is None else json.dumps(value)


def case_files(paths: list[Path]) -> list[Path]:
    """Every ``*.yaml`` case file under the given files and folders, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.y*ml") if p.is_file()))
        elif path.exists():
            found.append(path)
        else:
            raise CaseFileError(f"{path}: no such file or folder")
    return found


def read_cases(file: Path) -> list[tuple[int | None, Case]]:
    """The cases of one file (a single case, or ``cases:`` sharing ``defaults:``)."""
    try:
        data = parse_text(file.read_text(encoding="utf-8"), str(file), "yaml")
    except RecordError as exc:
        raise CaseFileError(str(exc)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseFileError(f"{file}: cannot read file: {exc}") from None
    if not isinstance(data, dict):
        raise CaseFileError(f"{file}: (top level): a case file is a mapping")
    if "cases" not in data:
        return [(None, _case(data, file, None))]
    defaults = data.get("defaults") or {}
    extra = set(data) - {"cases", "defaults"}
    if extra or not isinstance(defaults, dict) or not isinstance(data["cases"], list):
        raise CaseFileError(f"{file}: (top level): a file of cases has `defaults:` and `cases:`")
    return [(i, _case({**defaults, **item}, file, i)) for i, item in enumerate(data["cases"])]


def _case(data: Any, file: Path, index: int | None) -> Case:
    where = f"{file}" + (f": cases[{index}]" if index is not None else "")
    if not isinstance(data, dict):
        raise CaseFileError(f"{where}: a case is a mapping")
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        problems = [
            f"{where}: {field_path(tuple(e['loc']))}: {str(e['msg']).removeprefix('Value error, ')}"
            for e in exc.errors()
        ]
        raise CaseFileError("\n".join(problems)) from None


def _record(case: Case, file: Path) -> Record:
    try:
        if isinstance(case.record, str):
            return load_record(file.parent / case.record)
        return validate(case.record, f"{file}: record")
    except RecordError as exc:
        raise CaseFileError(str(exc)) from None


def answers(case: Case, file: Path) -> dict[str, Any]:
    """What the engine answers for the case, as in the JSON contract: program ids → their
    determination, and ``sentence`` → the computed sentence."""
    if case.sentence is not None:
        given = case.sentence
        facts = SentenceFacts(
            term=Term.model_validate(parse_term_text(given.term)),
            commenced=given.commenced,
            arrived=given.arrived or given.commenced,
            prior_custody_days=given.prior_custody_days,
            supervised_release=Term.model_validate(parse_term_text(given.supervised_release))
            if given.supervised_release
            else None,
            risk=given.fsa_risk,
            fsa_ineligible=given.fsa_ineligible,
            risk_without_dates=True,
        )
        block = json.loads(json.dumps(compute_block(facts, case.as_of), default=str))
        return {"sentence": block}
    report = evaluate(_record(case, file), as_of=case.as_of, application_date=case.application_date)
    got: dict[str, Any] = json.loads(report.model_dump_json())
    out: dict[str, Any] = {d["program"]: d for d in got["determinations"]}
    out["sentence"] = got.get("sentence")
    return out


def _lookup(data: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _expected(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def compare(expect: dict[str, dict[str, Any]], got: dict[str, Any]) -> Iterator[Difference]:
    """Every difference between the expected answers and those given."""
    for program, wanted in expect.items():
        answer: dict[str, Any] = got.get(program) or {}
        if program not in got:
            yield Difference(program, "a determination", None)
            continue
        for key, value in wanted.items():
            where = f"{program}.{key}"
            if program == "sentence":
                have = _lookup(got.get("sentence"), key)
            elif key == "reason_contains":
                reason = answer.get("reason") or ""
                if str(value) not in reason:
                    yield Difference(f"{program}.reason", f"to contain {value!r}", reason)
                continue
            elif key not in PROGRAM_KEYS:
                yield Difference(where, "a known key", f"unknown key (one of {PROGRAM_KEYS})")
                continue
            else:
                have = answer.get(key)
            if key == "missing_facts" and isinstance(value, list) and isinstance(have, list):
                value, have = sorted(value), sorted(have)
            if _expected(value) != have:
                yield Difference(where, _expected(value), have)


def run_file(file: Path) -> list[CaseResult]:
    """Run every case of one file."""
    results = []
    for index, case in read_cases(file):
        result = CaseResult(file=file, index=index, title=case.title)
        result.differences = list(compare(case.expect, answers(case, file)))
        result.checked = sum(len(v) for v in case.expect.values())
        results.append(result)
    return results
