"""One registry of output formats, shared by ``kronik analyze``, ``kronik export`` and the API's
downloads (``GET /api/export``).

A format writes *documents* (analysed articles: the nested contract; ``json`` is one object, or a
list for many) or *rows* (the flat dataclass rows of :mod:`kronik.records.rows`), or both::

    fmt = output_format("csv", "rows")          # a clear error naming the valid choices
    count = fmt.write(rows, binary_stream, "rows")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO, Literal

from kronik.errors import QueryError
from kronik.formats import writers
from kronik.formats.plain import plain
from kronik.formats.text import summarise

__all__ = ["FORMATS", "OutputFormat", "Shape", "formats_for", "output_format", "plain", "summarise"]

#: What is written: analysed articles (nested) or flat rows.
Shape = Literal["documents", "rows"]
Writer = Callable[[Iterable[Any], BinaryIO, Shape, Sequence[str]], int]


@dataclass(slots=True, frozen=True)
class OutputFormat:
    """A named output format: its media type, file extension, the shapes it writes, its writer."""

    name: str
    media_type: str
    extension: str
    shapes: frozenset[Shape]
    writer: Writer
    description: str

    def write(self, items: Iterable[Any], out: BinaryIO, shape: Shape, columns: Sequence[str] = ()) -> int:
        """Write ``items`` to the binary stream ``out`` (``columns`` name the fields of rows when
        there may be none); returns how many were written."""
        if shape not in self.shapes:
            raise QueryError(f"format {self.name!r} cannot write {shape}; choose {', '.join(formats_for(shape))}")
        return self.writer(items, out, shape, columns)


FORMATS: dict[str, OutputFormat] = {
    fmt.name: fmt
    for fmt in (
        OutputFormat("json", "application/json", "json", frozenset({"documents", "rows"}), writers.write_json,
                     "one JSON object (a list for many)"),
        OutputFormat("jsonl", "application/x-ndjson", "jsonl", frozenset({"documents", "rows"}),
                     writers.write_jsonl, "JSON Lines: one object per line"),
        OutputFormat("text", "text/plain; charset=utf-8", "txt", frozenset({"documents"}), writers.write_text,
                     "a human summary of each article"),
        OutputFormat("csv", "text/csv; charset=utf-8", "csv", frozenset({"rows"}), writers.write_csv,
                     "comma-separated values with a header row"),
        OutputFormat("parquet", "application/vnd.apache.parquet", "parquet", frozenset({"rows"}),
                     writers.write_parquet, "Apache Parquet (one column per field)"),
    )
}


def formats_for(shape: Shape) -> tuple[str, ...]:
    """Names of the formats that write ``shape``, in registry order."""
    return tuple(name for name, fmt in FORMATS.items() if shape in fmt.shapes)


def output_format(name: str, shape: Shape) -> OutputFormat:
    """The format called ``name`` for ``shape``; :class:`QueryError` listing the valid ones."""
    fmt = FORMATS.get(name.strip().lower())
    if fmt is None or shape not in fmt.shapes:
        raise QueryError(f"unknown output format {name!r} for {shape}; choose {', '.join(formats_for(shape))}",
                         field="format", choices=formats_for(shape))
    return fmt
