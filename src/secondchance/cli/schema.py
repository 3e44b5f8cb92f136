"""``secondchance schema``: print the JSON Schema of the record format."""

from __future__ import annotations

import json
import sys

from secondchance.cli.app import app
from secondchance.record.json_schema import record_json_schema


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record format (what `check` accepts)."""
    sys.stdout.write(json.dumps(record_json_schema(), indent=2) + "\n")
