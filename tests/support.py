"""Running the real command line from tests."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``secondchance ARGS`` in a fresh process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "secondchance", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def check_json(path: Path, as_of: str, *extra: str) -> dict[str, Any]:
    """The JSON report of ``secondchance check PATH --as-of AS_OF``; it must exit 0."""
    done = run_cli("check", str(path), "--as-of", as_of, "--format", "json", *extra)
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    return report
