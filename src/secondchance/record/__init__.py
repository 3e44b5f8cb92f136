"""The record format: schema, loading and validation."""

from secondchance.record.load import RecordError, load_record, validate
from secondchance.record.schema import SCHEMA_VERSION, PersonRecord, Record
from secondchance.record.terms import Term

__all__ = [
    "SCHEMA_VERSION",
    "PersonRecord",
    "Record",
    "RecordError",
    "Term",
    "load_record",
    "validate",
]
