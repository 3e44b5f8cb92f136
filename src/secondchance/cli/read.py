"""``secondchance read``: a news report or announcement set against the official record."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from secondchance.cli.app import OutputFormat, app, fail_input
from secondchance.grants.register import Register, default_register_path
from secondchance.reader import load_document, read_document
from secondchance.reader.document import DocumentError


def _people_lines(sheet: dict[str, Any]) -> list[str]:
    lines = ["People named:"]
    for p in sheet["people"]:
        if p["match"] == "none":
            lines.append(f"  {p['mention']}: not in the register")
            continue
        lines.append(
            f"  {p['mention']}: {p['match']} match {p['matched_name']} "
            f"(score {p['score']}; {p['reason']})"
        )
        for g in p["grants"]:
            lines.append(f"    {g['type']} {g['date']} by {g['president']} — {g['source']}")
    return lines if sheet["people"] else ["People named: none found"]


def _law_lines(sheet: dict[str, Any]) -> list[str]:
    lines = ["Laws and programs referred to:"]
    for law in sheet["laws"]:
        start = law["effective_from"] or "start not encoded"
        lines.append(
            f"  {law['mention']!r}: {law['title']} [{law['citation']}], "
            f"in force from {start} — {law['source']}"
        )
    return lines if sheet["laws"] else ["Laws and programs referred to: none found"]


def _difference_lines(sheet: dict[str, Any]) -> list[str]:
    if not sheet["differences"]:
        return ["Differences from the official record: none found"]
    lines = ["Differences from the official record:"]
    for d in sheet["differences"]:
        lines.append(
            f"  {d['kind']} ({d['subject']}): the document says {d['document']}; "
            f"official: {d['official']}"
        )
        lines.append(f"    {d['note']} — {d['source']}")
    return lines


def render_sheet(sheet: dict[str, Any]) -> str:
    doc = sheet["document"]
    lines = [
        f"Fact sheet: {doc['title'] or '(untitled)'}",
        f"Published: {doc['published'] or 'not stated'}",
        "",
    ]
    lines += [*_people_lines(sheet), "", *_law_lines(sheet), ""]
    lines.append("Dates stated:")
    for d in sheet["dates"]:
        about = f" ({d['about']})" if d.get("about") else ""
        lines.append(f"  {d['date']} {d['role']}{about}: {d['mention']!r}")
    lines += ["", *_difference_lines(sheet)]
    return "\n".join(lines) + "\n"


@app.command()
def read(
    document: Annotated[Path, typer.Argument(help="A news report or announcement (text or HTML).")],
    register: Annotated[
        Path | None, typer.Option("--register", help="Your register file (default: data dir).")
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = (
        OutputFormat.text
    ),
) -> None:
    """Set DOCUMENT against the grant register and the rule registry: a fact sheet of what it
    says, what the official record says, and where they differ, each with its source."""
    try:
        doc = load_document(document)
        reg = Register.load(register or default_register_path())
    except DocumentError as exc:
        fail_input(str(exc))
    except (OSError, ValueError, KeyError) as exc:
        fail_input(f"{register or default_register_path()}: the register cannot be read ({exc})")
    sheet = read_document(doc, reg)
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(sheet, indent=2, ensure_ascii=False) + "\n")
        return
    sys.stdout.write(render_sheet(sheet))
