"""``secondchance schema``: print the JSON Schema of the record format."""

from __future__ import annotations

import json
import sys

from secondchance.cli.app import app
from secondchance.record import Record


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record format."""
    sys.stdout.write(json.dumps(Record.model_json_schema(), indent=2) + "\n")
