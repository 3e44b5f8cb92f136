"""Renderings of the engine's determinations (text, JSON); all show the same findings."""

from secondchance.report.json import render_json
from secondchance.report.text import render_report

__all__ = ["render_json", "render_report"]
