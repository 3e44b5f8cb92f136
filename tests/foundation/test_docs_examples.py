"""Every example in docs/record-format.md is valid, and together they make one record."""

import re
from pathlib import Path

from secondchance.record import validate
from secondchance.record.load import parse_text

DOC = Path(__file__).resolve().parents[2] / "docs" / "record-format.md"


def test_doc_examples_form_a_valid_record() -> None:
    blocks = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    assert len(blocks) >= 9
    merged: dict[str, object] = {}
    alone: list[dict[str, object]] = []
    for block in blocks:
        data = parse_text(block, str(DOC), "yaml")
        assert isinstance(data, dict)
        for key, value in data.items():
            if key in merged:
                alone.append({key: value})  # a second example of a section stands on its own
            else:
                merged[key] = value
    record = validate(merged, str(DOC))
    for extra in alone:
        validate(extra, str(DOC))
    assert record.business is not None
    assert record.business.people[0].roles[0].ownership_percent == 30
    assert record.convictions[0].sentence is not None
    assert record.convictions[0].sentence.imprisonment is not None
    assert record.convictions[0].sentence.imprisonment.years == 10
