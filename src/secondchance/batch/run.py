"""Run a screening: stream people in, evaluate them (in worker processes), write the results
as they come, apply the campaigns, and count what happened."""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
import pickle
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path
from typing import Any

from secondchance.api import warm
from secondchance.batch.campaign import Campaign, CampaignSink
from secondchance.batch.evaluate import Screened, Screener
from secondchance.batch.mapping import Problem
from secondchance.batch.output import Sink, forget_manifest, write_manifest
from secondchance.batch.read import Item, check_layout, check_order, count_people, kind_of, people

CHUNK = 512
"""People sent to a worker at a time."""
IN_FLIGHT = 3
"""Chunks per worker queued or being screened at most."""
GC_THRESHOLDS = (50_000, 20, 100)
"""The garbage collector's thresholds during a run. A record's objects are freed as soon as the
record is done with (they hold no reference cycles: ``record/timeline.py``), so the collector
has little to find; at Python's default thresholds its passes over everything a process keeps
(a worker's law tables and remembered fact patterns, the chunks in flight) took about 8% of a
worker's time and a third of the main process's time reading and sending people."""


@dataclass
class Plan:
    """What to screen and how."""

    source: Path
    out: Path
    as_of: dt.date
    programs: tuple[str, ...] = ()
    campaigns: tuple[Campaign, ...] = ()
    fmt: str = "parquet"
    workers: int = 0
    only: frozenset[str] | None = None  # person ids to screen (a rerun of the failed ones)
    part: str = ""
    source_url: str | None = None
    """A storage URL the tables are read from instead of ``source`` (Spark only)."""
    out_url: str | None = None
    """A storage URL for the results (Spark only); ``out`` then holds the driver's files until
    they are copied there (``batch/spark.py`` ``publish``)."""


@dataclass
class Summary:
    """What a run did: people screened, failed and their problems, outcomes per program."""

    screened: int = 0
    failed: int = 0
    problems: int = 0
    evaluated: int = 0
    counts: dict[tuple[str, str], int] = field(default_factory=dict)
    campaigns: dict[str, int] = field(default_factory=dict)
    campaign_reviews: dict[str, int] = field(default_factory=dict)
    interrupted: bool = False
    """Stopped by the user (Ctrl-C): the files hold the people screened until then."""


_worker: Screener | None = None


def _start(as_of: dt.date, programs: tuple[str, ...]) -> None:
    """Set up a worker: the law's tables built first, then everything built so far (they last
    as long as the process) moved out of the garbage collector's way."""
    global _worker
    _worker = Screener(as_of, programs)
    warm()
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def _start_worker(as_of: dt.date, programs: tuple[str, ...]) -> None:
    """Set up a worker process: Ctrl-C is the main process's to handle (it stops the workers
    and closes the files), so a worker does not stop with a traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _start(as_of, programs)


def _screen_chunk(items: list[Item]) -> tuple[list[Screened], int]:
    assert _worker is not None
    before = _worker.evaluated
    return _worker.screen_many(items), _worker.evaluated - before


def _screen_sent(sent: bytes) -> bytes:
    """A worker's task: the chunk comes and goes pickled by us, so that a chunk (or answers)
    that cannot be unpickled is an error of this task, reported to the main process. Left to
    the pool, a worker that cannot unpickle its task dies with it, and the run waits forever."""
    return pickle.dumps(_screen_chunk(pickle.loads(sent)), pickle.HIGHEST_PROTOCOL)


class WorkerError(RuntimeError):
    """A worker could not screen a chunk of people, or died: the run stops (exit code 1)."""


WORKER_CHECK_SECONDS = 2.0
"""How often the main process, waiting for a chunk, checks that no worker has died."""


def _answers(pool: Pool, result: AsyncResult[bytes], workers: set[int]) -> Any:
    """A chunk's answers, once done; :class:`WorkerError` if screening it failed, or a worker
    died (the pool would start another and never finish the chunk the dead one held)."""
    while not result.ready():
        result.wait(WORKER_CHECK_SECONDS)
        if not result.ready() and {p.pid for p in pool._pool} != workers:  # type: ignore[attr-defined]
            raise WorkerError("a worker process died while screening (out of memory?)")
    try:
        return pickle.loads(result.get())
    except Exception as exc:
        raise WorkerError(
            f"a worker could not screen a chunk of people ({type(exc).__name__}); "
            "please report this"
        ) from exc


def _chunks(items: Iterable[Item], only: frozenset[str] | None) -> Iterator[list[Item]]:
    stream = iter(items) if only is None else (i for i in items if i.person_id in only)
    while chunk := list(islice(stream, CHUNK)):
        yield chunk


def _results(
    plan: Plan, items: Iterable[Item]
) -> Generator[tuple[list[Screened], int], None, None]:
    """Screened chunks in input order. With workers, at most a few chunks are in flight at a
    time, so reading never runs ahead of screening (bounded memory)."""
    workers = plan.workers or (os.cpu_count() or 1)
    if workers <= 1:
        _start(plan.as_of, plan.programs)
        yield from map(_screen_chunk, _chunks(items, plan.only))
        return
    ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with ctx.Pool(workers, _start_worker, (plan.as_of, plan.programs)) as pool:
        alive = {p.pid for p in pool._pool}  # type: ignore[attr-defined]
        waiting: deque[AsyncResult[bytes]] = deque()
        failed = False
        try:
            for chunk in _chunks(items, plan.only):
                sent = pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL)
                waiting.append(pool.apply_async(_screen_sent, (sent,)))
                if len(waiting) >= IN_FLIGHT * workers:
                    yield _answers(pool, waiting.popleft(), alive)
            while waiting:
                yield _answers(pool, waiting.popleft(), alive)
        except WorkerError:
            failed = True
            raise
        finally:
            if failed:
                pool.terminate()  # the other chunks' answers would be thrown away
            else:
                _wind_down(pool, waiting)


WIND_DOWN_SECONDS = 120.0
"""How long the chunks in flight may take to finish when a run ends or is stopped, before the
workers are killed."""


def _wind_down(pool: Pool, waiting: deque[AsyncResult[Any]]) -> None:
    """End the workers without killing one in the middle of a message: the chunks in flight
    (when a run is stopped) are finished and dropped, then each worker is told to stop and is
    joined. A pool's workers killed while one was sending its answers could leave the pool's
    pipe locked, and a run stopped by Ctrl-C never ended. Only a worker still busy after
    ``WIND_DOWN_SECONDS`` is killed (by the pool's own ``terminate`` on leaving it)."""
    pool.close()
    deadline = time.monotonic() + WIND_DOWN_SECONDS
    for result in waiting:
        result.wait(max(0.0, deadline - time.monotonic()))
    if all(result.ready() for result in waiting):
        pool.join()


def validate_plan(plan: Plan) -> None:
    """Raise :class:`LayoutError` before anything is written when the input cannot be read."""
    if kind_of(plan.source) == "tables":
        check_order(check_layout(plan.source))


def total(plan: Plan) -> int | None:
    if plan.only is not None:
        return len(plan.only)
    return count_people(plan.source) if kind_of(plan.source) == "tables" else None


class _StopAsked:
    """Ctrl-C during a run asks it to stop after the chunk in hand (a second one stops it at
    once). Stopping between chunks, never inside the worker pool's own bookkeeping, lets the
    pool be shut down cleanly and the files be closed whole."""

    def __init__(self) -> None:
        self.asked = False
        self._before: Any = None

    def __enter__(self) -> _StopAsked:
        if threading.current_thread() is threading.main_thread():
            self._before = signal.signal(signal.SIGINT, self._ask)
        return self

    def _ask(self, signum: int, frame: Any) -> None:
        self.asked = True
        signal.signal(signal.SIGINT, self._before)

    def __exit__(self, *exc: object) -> None:
        if self._before is not None:
            signal.signal(signal.SIGINT, self._before)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """The worker's collector thresholds in this process too while it reads and writes (each
    person's rows and answers are many small objects, freed as soon as they are written)."""
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def run(plan: Plan, progress: Callable[[int], None] | None = None) -> Summary:
    """Screen everything the plan names; results go to ``plan.out`` as they come. Stopped by
    Ctrl-C, it closes the files with the people screened so far and says so in the summary."""
    validate_plan(plan)
    forget_manifest(plan.out)
    problems: list[Problem] = []
    sink = Sink(plan.out, plan.fmt, plan.part)
    lists = CampaignSink(plan.out, plan.campaigns, plan.as_of, plan.part)
    summary = Summary()
    results = _results(plan, people(plan.source, problems))
    try:
        with _StopAsked() as stop, _fewer_collections():
            _consume(plan, results, problems, sink, lists, summary, progress, stop)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        results.close()  # the workers stopped now, not whenever the generator is collected
        sink.close()
        lists.close()
    summary.screened, summary.problems = sink.screened, sink.problems
    summary.failed, summary.counts = sink.failed, sink.counts
    summary.campaigns = lists.counts
    summary.campaign_reviews = lists.review_counts
    write_manifest(plan.out, manifest_of(plan, summary))
    return summary


def _consume(
    plan: Plan,
    results: Iterator[tuple[list[Screened], int]],
    problems: list[Problem],
    sink: Sink,
    lists: CampaignSink,
    summary: Summary,
    progress: Callable[[int], None] | None,
    stop: _StopAsked,
) -> None:
    """Write each screened chunk as it comes (and the rows that fit no person)."""
    for batch, evaluated in results:
        sink.write(batch)
        lists.write([s for s in batch if not s.problems])
        summary.evaluated += evaluated
        if problems:
            _write_problems(plan, sink, problems)
        if progress is not None:
            progress(len(batch))
        if stop.asked:
            summary.interrupted = True
            return
    _write_problems(plan, sink, problems)


def _write_problems(plan: Plan, sink: Sink, problems: list[Problem]) -> None:
    """Write the rows that fit no person (those of the people asked for, on a rerun) and
    forget them."""
    sink.unplaced([p for p in problems if plan.only is None or p.person_id in plan.only])
    problems.clear()


def manifest_of(plan: Plan, summary: Summary) -> dict[str, Any]:
    return {
        "source": plan.source_url or str(plan.source.resolve()),
        "as_of": plan.as_of.isoformat(),
        "programs": list(plan.programs),
        "campaigns": [c.id for c in plan.campaigns],
        "format": plan.fmt,
        "part": plan.part,
        "screened": summary.screened,
        "failed": summary.failed,
        "problems": summary.problems,
        "evaluated_patterns": summary.evaluated,
        "complete": not summary.interrupted,
    }


def failed_ids(out: Path, part: str = "") -> frozenset[str]:
    """The person ids in a run's errors file (for a rerun of only those)."""
    import csv

    with (out / f"errors{part}.csv").open(newline="", encoding="utf-8") as handle:
        return frozenset(row["person_id"] for row in csv.DictReader(handle) if row["person_id"])


def screen_items(
    items: Sequence[Item], as_of: dt.date, programs: tuple[str, ...] = ()
) -> list[Screened]:
    """Screen a few people in this process (for the Spark runner and tests)."""
    return Screener(as_of, programs).screen_many(items)
