"""One fuzz case run the way ``secondchance check`` runs it, in this process, with what the
harness asserts: exit 0 or 2 only, no other exception, the JSON contract, the same answer twice,
no raw control character in the text report, and bounds on time and memory per input."""

from __future__ import annotations

import json
import resource
import time
from dataclasses import dataclass, field
from datetime import date

from secondchance.api import evaluate
from secondchance.record import RecordError
from secondchance.record.limits import DEFAULT
from secondchance.record.load import parse_text, validate
from secondchance.report import render_json, render_report

AS_OF = date(2025, 6, 1)
MAX_SECONDS = 5.0
"""Bound on the processor time per input (not wall time, which a busy machine stretches): a
quadratic path over a crafted record takes minutes."""
MAX_GROWTH_KB = 256 * 1024
"""Memory bound per input: growth of the process's peak resident memory, in KiB."""
CONTRACT_KEYS = {"schema_version", "as_of", "application_date", "subject", "determinations"}
DETERMINATION_KEYS = {"program", "outcome", "date", "reason", "findings", "missing_facts"}


@dataclass
class Outcome:
    code: int
    seconds: float
    growth_kb: int
    failures: list[str] = field(default_factory=list)


def _peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _contract(out: str) -> list[str]:
    payload = json.loads(out)
    problems = []
    missing = CONTRACT_KEYS - payload.keys()
    if missing:
        problems.append(f"JSON contract: missing {sorted(missing)}")
    for det in payload.get("determinations", []):
        lacks = DETERMINATION_KEYS - det.keys()
        if lacks:
            problems.append(f"JSON contract: a determination lacks {sorted(lacks)}")
    return problems


def _unsafe(text: str) -> bool:
    return any((ord(ch) < 32 and ch != "\n") or 0x7F <= ord(ch) < 0xA0 for ch in text)


def run_case(text: str, fmt: str, bounds: bool = True) -> Outcome:
    """Load, evaluate and render one record text; every failure is listed, none raised.
    ``bounds``: also fail on time and memory (the benchmark; the suite asserts no timing)."""
    before, start = _peak_kb(), time.process_time()
    failures: list[str] = []
    code = 0
    try:
        record = validate(parse_text(text, "fuzz", fmt, DEFAULT), "fuzz", DEFAULT)
        report = evaluate(record, as_of=AS_OF)
        first = render_json(report)
        if first != render_json(evaluate(record, as_of=AS_OF)):
            failures.append("not deterministic: two evaluations differ")
        failures += _contract(first)
        if _unsafe(render_report(report)):
            failures.append("raw control character in the text report")
    except RecordError as exc:
        code = 2
        if len(exc.problems) > DEFAULT.max_problems + 1 or any(map(_unsafe, exc.problems)):
            failures.append("error message: too many lines or a raw control character")
    except Exception as exc:  # the harness reports what the command line would call internal
        code = 1
        failures.append(f"crash: {type(exc).__name__}: {str(exc)[:200]}")
    seconds = time.process_time() - start
    growth = _peak_kb() - before
    if bounds and seconds > MAX_SECONDS:
        failures.append(f"slow: {seconds:.1f} s of processor time")
    if bounds and growth > MAX_GROWTH_KB:
        failures.append(f"memory: peak grew {growth // 1024} MiB")
    return Outcome(code, seconds, growth, failures)
