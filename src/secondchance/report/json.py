"""The JSON contract of a report (see ``engine.determination``)."""

from __future__ import annotations

import json

from pydantic import BaseModel


def render_json(model: BaseModel) -> str:
    return json.dumps(model.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
