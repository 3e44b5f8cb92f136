"""Ctrl-C during a screening: the run stops after the chunk in hand, the worker processes are
shut down, and the files hold whole the people screened until then, with a manifest that says
the run is not complete (and the command exits with 130, the shell's code for Ctrl-C)."""

from __future__ import annotations

import datetime as dt
import gc
import json
import multiprocessing
import os
import signal
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from secondchance.batch import output
from secondchance.batch.run import CHUNK, Plan, run
from secondchance.batch.synth import synth_people
from secondchance.cli import app

AS_OF = dt.date(2026, 1, 1)
PEOPLE = 3 * CHUNK  # three chunks: the interruption comes during the first
PROGRAMS = 10  # results rows per person: every program


def _ctrl_c() -> None:
    os.kill(os.getpid(), signal.SIGINT)


def test_ctrl_c_stops_after_the_chunk_in_hand_and_keeps_it_whole(tmp_path: Path) -> None:
    synth_people(PEOPLE, tmp_path / "in", seed=3)
    out = tmp_path / "out"
    asked = []

    def progress(done: int) -> None:
        if not asked:
            asked.append(done)
            _ctrl_c()

    # Python's own Ctrl-C handler before the run, whatever an earlier test left (a Spark context
    # installs its own), so that the last assertion tests the run's restoring it.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        summary = run(Plan(tmp_path / "in", out, AS_OF, workers=2), progress=progress)
        after = signal.getsignal(signal.SIGINT)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert summary.interrupted
    assert summary.screened == CHUNK
    assert multiprocessing.active_children() == []
    assert pq.read_table(out / "people.parquet").num_rows == CHUNK
    assert pq.read_table(out / "results.parquet").num_rows == CHUNK * PROGRAMS
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is False and manifest["screened"] == CHUNK
    # Ctrl-C is the default again once the run is over.
    assert after is signal.default_int_handler


def test_screen_says_what_was_kept_and_exits_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synth_people(PEOPLE, tmp_path / "in", seed=3)
    write = output.Sink.write

    def write_then_ctrl_c(self: output.Sink, batch: list[object]) -> None:
        write(self, batch)  # type: ignore[arg-type]
        _ctrl_c()

    monkeypatch.setattr(output.Sink, "write", write_then_ctrl_c)
    out = tmp_path / "out"
    args = ["screen", str(tmp_path / "in"), "--as-of", "2026-01-01", "--out", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 130, result.output
    assert "Traceback" not in result.output
    assert f"Interrupted: the {CHUNK} people screened until then are in" in " ".join(
        result.output.split()
    )
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["complete"] is False


def test_a_run_not_interrupted_is_complete(tmp_path: Path) -> None:
    synth_people(20, tmp_path / "in", seed=3)
    thresholds = gc.get_threshold()
    summary = run(Plan(tmp_path / "in", tmp_path / "out", AS_OF, workers=1))
    assert not summary.interrupted and summary.screened == 20
    assert gc.get_threshold() == thresholds  # the collector as it was, for the caller
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is True
