"""``secondchance synth``, ``screen`` and ``explain``: many people at once, the same engine as
``check``."""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from secondchance.api import evaluate
from secondchance.batch.campaign import Campaign, CampaignError, resolve
from secondchance.batch.evaluate import record_of
from secondchance.batch.output import read_manifest, write_manifest
from secondchance.batch.read import LayoutError, people
from secondchance.batch.run import Plan, Summary, failed_ids, manifest_of, run, total
from secondchance.batch.storage import is_url
from secondchance.batch.synth import synth_people
from secondchance.cli.app import app, fail_input, parse_date
from secondchance.law.registry import all_programs
from secondchance.report import render_report


class RateColumn(ProgressColumn):
    """People per second."""

    def render(self, task: Task) -> Text:
        return Text("" if task.speed is None else f"{task.speed:,.0f} people/s")


class TableFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"


class Engine(StrEnum):
    local = "local"
    spark = "spark"


@app.command()
def synth(
    out: Annotated[Path, typer.Argument(help="Folder to write the tables into.")],
    people_count: Annotated[int, typer.Option("--people", min=1, help="How many people.")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="The same seed, the same people.")] = 0,
    fmt: Annotated[TableFormat, typer.Option("--format", help="parquet or csv.")] = (
        TableFormat.parquet
    ),
    patterns: Annotated[
        int | None,
        typer.Option(
            "--patterns",
            min=1,
            max=100_000,
            help="Repeat the facts of this many people (each with their own id): a very large "
            "population for memory tests.",
        ),
    ] = None,
) -> None:
    """Write a synthetic population in the batch table layout (docs/batch-format.md)."""
    synth_people(people_count, out, seed=seed, fmt=fmt.value, patterns=patterns)
    sys.stdout.write(f"wrote {people_count} synthetic people to {out}\n")


def _programs(chosen: list[str] | None) -> tuple[str, ...]:
    known = [p.id for p in all_programs()]
    for program in chosen or []:
        if program not in known:
            fail_input(f"--programs: unknown program {program!r} (known: {', '.join(known)})")
    return tuple(chosen or ())


def _campaigns(names: list[str] | None) -> tuple[Campaign, ...]:
    try:
        return tuple(resolve(name) for name in names or [])
    except CampaignError as exc:
        fail_input(f"--campaign: {exc}")


def _progress_run(plan: Plan, engine: Engine, console: Console) -> Summary:
    if engine is Engine.spark:
        from secondchance.batch.spark import run_spark

        return run_spark(plan)
    with Progress(
        TextColumn("screening"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("screening", total=total(plan))
        return run(plan, progress=lambda n: bar.advance(task, n))


_SHORT = {
    "eligible": "eligible",
    "eligible_from": "from date",
    "needs_review": "review",
    "insufficient_facts": "facts",
    "not_applicable": "n/a",
    "not_eligible": "not elig.",
}


NOT_ALL_SCREENED = 3
"""``screen``'s exit code when the run finished but errors.csv is not empty: some people (or
rows) could not be screened. 0: everyone was screened; 2: bad input stopped the run before
anything was written; 130: interrupted (Ctrl-C)."""


def _summary_table(summary: Summary, console: Console, errors: str = "errors.csv") -> None:
    # No vertical rules and two-line headers, to fit 80 columns; a count is never cut short
    # (where space runs out, a program's name folds onto a second line instead).
    table = Table(
        title="Outcomes per program (people)",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        padding=(0, 1, 0, 0),
    )
    outcomes = [o for o in _SHORT if any(k[1] == o for k in summary.counts)]
    table.add_column("program", overflow="fold")
    digits = max((len(str(n)) for n in summary.counts.values()), default=1)
    for outcome in outcomes:
        header = _SHORT[outcome].replace(" ", "\n")
        table.add_column(header, justify="right", no_wrap=True, min_width=digits)
    for program in dict.fromkeys(p for p, _ in summary.counts):
        table.add_row(program, *[str(summary.counts.get((program, o), 0)) for o in outcomes])
    console.print(table)
    for campaign, count in summary.campaigns.items():
        review = summary.campaign_reviews.get(campaign, 0)
        console.print(
            f"campaign {campaign}: {count:,} on the list (campaigns/{campaign}.csv), "
            f"{review:,} for review (campaigns/{campaign}-review.csv)"
        )
    console.print(
        f"screened {summary.screened} people ({summary.evaluated} distinct fact patterns "
        f"evaluated); {summary.failed} people not screened, {summary.problems} problems in "
        f"{errors}"
    )


def _not_all_screened(summary: Summary, errors: str) -> str | None:
    """What the summary says last when errors.csv is not empty (the run exits 3)."""
    if summary.failed:
        who = f"{summary.failed:,} {'person' if summary.failed == 1 else 'people'}"
        return f"Finished, but {who} could not be screened: see {errors} (exit code 3)."
    if summary.problems:
        rows = f"{summary.problems:,} {'row' if summary.problems == 1 else 'rows'}"
        fit = "fits" if summary.problems == 1 else "fit"
        return f"Finished, but {rows} {fit} no person screened: see {errors} (exit code 3)."
    return None


@app.command()
def screen(
    source: Annotated[
        str,
        typer.Argument(
            help="A folder of tables, a .jsonl file or a folder of record files (with --engine "
            "spark, also a storage URL such as s3a://bucket/people)."
        ),
    ],
    out: Annotated[
        str, typer.Option("--out", help="Folder for the results (with --engine spark, or a URL).")
    ],
    as_of: Annotated[str, typer.Option("--as-of", help="Screen as of this date.")],
    programs: Annotated[
        list[str] | None, typer.Option("--programs", help="Only these programs (repeat the flag).")
    ] = None,
    campaign: Annotated[
        list[str] | None,
        typer.Option("--campaign", help="A shipped campaign id or a campaign file (repeat)."),
    ] = None,
    fmt: Annotated[TableFormat, typer.Option("--format", help="parquet or csv.")] = (
        TableFormat.parquet
    ),
    engine: Annotated[Engine, typer.Option("--engine", help="local or spark.")] = Engine.local,
    workers: Annotated[
        int, typer.Option("--workers", min=0, help="Processes (0: one per core).")
    ] = 0,
    rerun_errors: Annotated[
        bool,
        typer.Option(
            "--rerun-errors", help="Screen again only the people in OUT's last errors file."
        ),
    ] = False,
) -> None:
    """Screen many people under every program: one row per person and program, campaign lists,
    an errors file for bad rows. The same engine as ``check``.

    Exit codes (also with --rerun-errors and --engine spark):

    0: finished, and everyone was screened.

    3: finished, but some people (or rows) could not be screened: see errors.csv.

    2: bad input stopped the run before anything was written.

    130: interrupted (Ctrl-C)."""
    day = parse_date(as_of, "--as-of")
    assert day is not None
    urls = [text for text in (source, out) if is_url(text)]
    if urls and engine is not Engine.spark:
        fail_input(
            f"{urls[0]}: a storage URL is read and written by Spark: add --engine spark (the "
            "local engine reads and writes folders on this machine)"
        )
    folder = Path(tempfile.mkdtemp(prefix="secondchance-out-")) if is_url(out) else Path(out)
    plan = Plan(
        Path() if is_url(source) else Path(source),
        folder,
        day,
        _programs(programs),
        _campaigns(campaign),
        fmt.value,
        workers,
        source_url=source if is_url(source) else None,
        out_url=out if is_url(out) else None,
    )
    try:
        _screen(plan, engine, rerun_errors, out)
    finally:
        if plan.out_url is not None:
            shutil.rmtree(folder, ignore_errors=True)


def _screen(plan: Plan, engine: Engine, rerun_errors: bool, out: str) -> None:
    parts: list[str] = [""]
    if rerun_errors:
        manifest = _last_run(plan, out)
        parts = list(manifest.get("parts", [""]))
        if plan.out_url is not None:
            _fetch(plan.out_url, plan.out, f"errors{parts[-1]}.csv")
        plan.only = failed_ids(plan.out, parts[-1])
        plan.part = f"-rerun{len(parts)}"
        parts.append(plan.part)
    console = Console(stderr=True)
    try:
        summary = _progress_run(plan, engine, console)
    except LayoutError as exc:
        fail_input(str(exc))
    write_manifest(plan.out, {**manifest_of(plan, summary), "parts": parts, "engine": engine.value})
    if plan.out_url is not None:
        from secondchance.batch.spark import publish

        publish(plan.out, plan.out_url)
    errors = f"errors{plan.part}.csv"
    _summary_table(summary, console, errors)
    if summary.interrupted:
        console.print(
            f"Interrupted: the {summary.screened:,} people screened until then are in {out}; "
            "the others are not. Run the same command again to screen everyone."
        )
        raise typer.Exit(130)
    unscreened = _not_all_screened(summary, errors)
    if unscreened is not None:
        console.print(unscreened, soft_wrap=True)  # one line, for scripts that read it
        raise typer.Exit(NOT_ALL_SCREENED)


def _fetch(url: str, folder: Path, name: str) -> bool:
    from secondchance.batch.spark import fetch

    return fetch(url, folder, name)


def _last_run(plan: Plan, out: str) -> dict[str, Any]:
    """The manifest of the run a rerun follows (copied from a storage URL first)."""
    try:
        if plan.out_url is not None and not _fetch(plan.out_url, plan.out, "manifest.json"):
            raise OSError
        return read_manifest(plan.out)
    except (OSError, ValueError):
        fail_input(f"--rerun-errors: {out} holds no earlier run (manifest.json)")


@app.command()
def explain(
    out: Annotated[Path, typer.Argument(help="The folder a screen wrote.")],
    person_ids: Annotated[
        list[str] | None, typer.Option("--id", help="A person's id (repeat for several).")
    ] = None,
    ids_from: Annotated[
        Path | None,
        typer.Option(
            "--ids-from",
            help="A CSV file with a person_id column (a campaign list, errors.csv): explain "
            "everyone in it.",
        ),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", help="Every finding, as `check --verbose` prints it.")
    ] = False,
    source: Annotated[
        Path | None,
        typer.Option(
            "--source",
            help="Where the run's tables are now, when not where it read them (a copy of tables "
            "it read from a storage URL, or tables moved since).",
        ),
    ] = None,
) -> None:
    """Print the full explanation for screened people: what ``check`` prints for each, in one
    pass over the tables. OUT is the folder a screen wrote (for a run written to a storage URL,
    a copy of its manifest.json in a folder is enough)."""
    wanted = list(dict.fromkeys([*(person_ids or []), *_ids_in(ids_from)]))
    if not wanted:
        fail_input("name the people to explain: --id PERSON (repeatable) or --ids-from FILE")
    try:
        manifest = read_manifest(out)
    except (OSError, ValueError):
        fail_input(f"{out}: no screening results here (manifest.json)")
    as_of = date.fromisoformat(manifest["as_of"])
    if source is None and is_url(manifest["source"]):
        fail_input(
            f"{out}: that run read its tables from {manifest['source']}; explain reads tables "
            "on this machine: copy them to a folder and pass it with --source"
        )
    tables = source if source is not None else Path(manifest["source"])
    found: dict[str, Any] = {}
    try:
        for person in people(tables, []):
            if person.person_id in wanted and person.person_id not in found:
                found[person.person_id] = person
                if len(found) == len(wanted):
                    break
    except LayoutError as exc:
        fail_input(str(exc))
    absent = [pid for pid in wanted if pid not in found]
    if absent:
        fail_input(f"--id: no person {', '.join(map(repr, absent))} in {tables}")
    records = []
    for pid in wanted:  # every record read before anything is printed
        record, problems = record_of(found[pid])
        if record is None:
            first = problems[0]
            fail_input(f"{pid}: {first.table} row {first.row}: {first.field}: {first.problem}")
        records.append(record)
    reports = [render_report(evaluate(r, as_of=as_of), verbose=verbose) for r in records]
    sys.stdout.write(("\n" + "=" * 78 + "\n\n").join(reports))


def _ids_in(path: Path | None) -> list[str]:
    """The person ids of a CSV file's person_id column (empty cells skipped)."""
    if path is None:
        return []
    import csv

    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if "person_id" not in (reader.fieldnames or []):
                fail_input(f"--ids-from: {path} has no person_id column")
            return [row["person_id"] for row in reader if row["person_id"]]
    except (OSError, UnicodeDecodeError) as exc:
        fail_input(f"--ids-from: {path}: not a readable CSV file of UTF-8 text ({exc})")
