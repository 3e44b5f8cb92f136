"""The published JSON Schema of the record format: what the loader accepts, as JSON Schema.

Pydantic describes the models; this adds what the loader enforces around them (the limits of
:mod:`secondchance.record.limits` on text, lists and numbers, and dates as ``YYYY-MM-DD`` in
ASCII digits) so a record valid under the schema passes the loader's shape checks and the other
way round (a choice is listed in its canonical lower-case spelling, which the loader also reads
in any letter case: :class:`secondchance.record.schema.Choice`). What JSON Schema cannot say is
checked by the loader alone and listed in docs/record-format.md: dates on the calendar and in
order, links between convictions, owners' shares on any one day, the count of convictions in a
file.
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from secondchance.record.limits import DEFAULT, Limits
from secondchance.record.schema import Record

DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _schema_generator(limits: Limits) -> type[GenerateJsonSchema]:
    largest = 10**limits.max_number_digits - 1

    class _Bounded(GenerateJsonSchema):
        def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
            out = super().str_schema(schema)
            out["maxLength"] = min(
                out.get("maxLength", limits.max_string_chars), limits.max_string_chars
            )
            return out

        def list_schema(self, schema: core_schema.ListSchema) -> JsonSchemaValue:
            out = super().list_schema(schema)
            out["maxItems"] = min(out.get("maxItems", limits.max_list_items), limits.max_list_items)
            return out

        def int_schema(self, schema: core_schema.IntSchema) -> JsonSchemaValue:
            out = super().int_schema(schema)
            out["maximum"] = min(out.get("maximum", largest), largest)
            out["minimum"] = max(out.get("minimum", -largest), -largest)
            return out

        def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
            out = super().date_schema(schema)
            out["pattern"] = DATE_PATTERN
            return out

    return _Bounded


def record_json_schema(limits: Limits = DEFAULT) -> dict[str, Any]:
    """The JSON Schema ``secondchance schema`` prints (draft 2020-12)."""
    schema = Record.model_json_schema(schema_generator=_schema_generator(limits))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
