"""Read a news report or announcement against the official record: the people it names (the
grant register), the laws and programs it refers to (the rule registry) and the dates it states,
and where the document and the official record differ."""

from secondchance.reader.document import Document, load_document
from secondchance.reader.factsheet import read_document

__all__ = ["Document", "load_document", "read_document"]
