"""Benchmark: open-loop load on the web app, on loopback only.

    python benchmarks/web_load.py [--rate 200] [--seconds 30] [--page-rate 20] [--page-seconds 10]

Starts ``secondchance serve`` in its own process on 127.0.0.1 with a fresh SQLite store, then
sends requests at a fixed arrival rate whatever the server's pace (open loop: latency counts
from the moment a request was due, so a slow server cannot hide its queue). Phase 1 posts the
repository's example records (SBA, clemency, sentence; realistic records) to ``/api/check``;
phase 2 fetches signed-in case pages. Bounded in count (rate x seconds) and time (each request
times out after 10 s; at most 1000 in flight; a phase ends 15 s after its last request was
due, and what is unanswered by then counts as an error). Prints throughput, p50, p99 and
errors per phase.
Goal: p99 under 100 ms for /api/check at 200 requests/s on a 2-core machine (the load
generator shares it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "benchmark password"
GRACE_SECONDS = 15.0
"""After the last request is due, how long answers are awaited before the rest count as errors."""


def _records() -> list[bytes]:
    from secondchance.record.parse import parse_yaml

    found = []
    for path in sorted((ROOT / "examples").rglob("*.yaml")):
        data = parse_yaml(path.read_text())  # dates stay text, as a client sends them
        found.append(json.dumps(data).encode())
    return found


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cli(*args: str, database: str, stdin: str | None = None) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "secondchance", *args, "--database", database],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return done.stdout.strip()


async def _phase(name: str, rate: float, seconds: float, send) -> None:  # type: ignore[no-untyped-def]
    """Send ``rate`` x ``seconds`` requests at their due times; report what was answered."""
    total = int(rate * seconds)
    latencies: list[float] = []
    errors = 0
    gate = asyncio.Semaphore(1000)
    start = time.perf_counter() + 0.2

    async def one(i: int) -> None:
        nonlocal errors
        due = start + i / rate
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        async with gate:
            try:
                status = await send(i)
                if status != 200:
                    errors += 1
            except httpx.HTTPError:
                errors += 1
            latencies.append(time.perf_counter() - due)

    tasks = [asyncio.ensure_future(one(i)) for i in range(total)]
    _done, late = await asyncio.wait(tasks, timeout=seconds + GRACE_SECONDS)
    for task in late:  # bounded in time: what is still unanswered counts as an error
        task.cancel()
    errors += len(late)
    elapsed = time.perf_counter() - start
    ms = sorted(x * 1000 for x in latencies) or [float("nan")]
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    print(
        f"{name}: {total} sent at {rate:g}/s, {len(latencies)} answered in {elapsed:.1f} s "
        f"= {len(latencies) / elapsed:.0f}/s; "
        f"p50 {statistics.median(ms):.1f} ms, p99 {p99:.1f} ms, max {ms[-1]:.1f} ms; "
        f"errors {errors}"
    )


async def _run(args: argparse.Namespace, base: str, token: str) -> None:
    records = _records()
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
    async with httpx.AsyncClient(base_url=base, timeout=10, limits=limits) as client:
        headers = {"Authorization": f"Bearer {token}", "content-type": "application/json"}

        async def check(i: int) -> int:
            body = records[i % len(records)]
            reply = await client.post("/api/check?as_of=2025-06-01", content=body, headers=headers)
            return reply.status_code

        for i in range(len(records) * 4):  # warm every worker (imports, cached law values)
            await check(i)
        await _phase("/api/check", args.rate, args.seconds, check)
        page = await client.get("/login")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)[1]  # type: ignore[index]
        form = {"email": "bench@example.org", "password": PASSWORD, "csrf_token": csrf}
        await client.post("/login", data=form)
        page = await client.get("/cases/new")  # signing in issues a new CSRF token
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)[1]  # type: ignore[index]
        case_ids = []
        for goal in ("pardon", "release", "sba"):
            made = await client.post(
                "/cases", data={"goal": goal, "label": goal, "csrf_token": csrf}
            )
            case_ids.append(made.headers["location"].split("/")[2])

        async def case_page(i: int) -> int:
            return (await client.get(f"/cases/{case_ids[i % len(case_ids)]}")).status_code

        for i in range(20):
            await case_page(i)

        await _phase("signed-in case pages", args.page_rate, args.page_seconds, case_page)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--page-rate", type=float, default=20)
    parser.add_argument("--page-seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    with tempfile.TemporaryDirectory() as tmp:
        database = f"sqlite:///{tmp}/bench.db"
        _cli(
            "admin",
            "add-user",
            "--org",
            "Bench",
            "--email",
            "bench@example.org",
            "--role",
            "advocate",
            "--password-stdin",
            database=database,
            stdin=PASSWORD + "\n",
        )
        token = _cli("admin", "add-token", "--org", "Bench", database=database)
        port = _port()
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "secondchance",
                "serve",
                "--database",
                database,
                "--port",
                str(port),
                "--workers",
                str(args.workers),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            asyncio.run(_run(args, base, token))
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
