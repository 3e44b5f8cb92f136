"""``secondchance rules``: every program and rule version, with what it rests on."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from secondchance.cli.app import OutputFormat, app
from secondchance.engine.rules import RuleVersion
from secondchance.law.parameters import all_parameters
from secondchance.law.registry import all_rule_books


def _version_row(version: RuleVersion) -> dict[str, Any]:
    return {
        "id": version.id,
        "title": version.title,
        "citation": version.citation,
        "url": version.url,
        "sources": list(version.sources),
        "effective_from": version.effective_from.isoformat() if version.effective_from else None,
        "effective_to": version.effective_to.isoformat() if version.effective_to else None,
        "provisional": version.provisional,
        "known_gaps": list(version.known_gaps),
        "summary": version.summary,
    }


def rules_table() -> list[dict[str, Any]]:
    return [
        {"program": p.id, "title": p.title, "versions": [_version_row(v) for v in p.versions]}
        for p in all_rule_books()
    ]


def parameters_table() -> list[dict[str, Any]]:
    return [
        {
            "name": p.name,
            "description": p.description,
            "citation": p.citation,
            "url": p.url,
            "values": [
                {"from": v.start.isoformat() if v.start else None, "value": v.value}
                for v in p.values
            ],
        }
        for p in all_parameters().values()
    ]


@app.command()
def rules(
    fmt: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = (
        OutputFormat.text
    ),
) -> None:
    """List every program and rule version with its citation, source, dates and known gaps."""
    table = rules_table()
    if fmt is OutputFormat.json:
        payload = {"programs": table, "parameters": parameters_table()}
        sys.stdout.write(json.dumps(payload, indent=2, default=str) + "\n")
        return
    lines: list[str] = []
    for program in table:
        lines.append(f"{program['program']} — {program['title']}")
        for v in program["versions"]:
            span = f"{v['effective_from'] or '(start not encoded)'} to {v['effective_to'] or 'now'}"
            flag = " [PROVISIONAL]" if v["provisional"] else ""
            lines.append(f"  {v['id']}{flag}: {v['citation']}, in force {span}")
            if v["summary"]:
                lines.append(f"    rule: {v['summary']}")
            lines.append(f"    source: {v['url']}")
            for gap in v["known_gaps"]:
                lines.append(f"    known gap: {gap}")
        lines.append("")
    lines.append("Parameters (values the law sets, with their sources):")
    for param in parameters_table():
        dated = "; ".join(f"{v['value']} from {v['from'] or 'the start'}" for v in param["values"])
        lines.append(f"  {param['name']} = {dated} [{param['citation']}]")
    sys.stdout.write("\n".join(lines) + "\n")
