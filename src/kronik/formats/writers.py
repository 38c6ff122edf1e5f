"""The writers of the registered formats: each streams items to a binary output."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields, is_dataclass
from typing import Any, BinaryIO

from kronik.formats.plain import plain
from kronik.formats.text import summarise
from kronik.model import Article

__all__ = ["write_csv", "write_json", "write_jsonl", "write_parquet", "write_text"]


@contextmanager
def _text(out: BinaryIO, newline: str | None = None) -> Iterator[io.TextIOWrapper]:
    """A UTF-8 text view of ``out`` that leaves ``out`` open."""
    wrapper = io.TextIOWrapper(out, encoding="utf-8", newline=newline, write_through=True)
    try:
        yield wrapper
        wrapper.flush()
    finally:
        wrapper.detach()


def write_json(items: Iterable[Any], out: BinaryIO, shape: str, columns: Sequence[str] = ()) -> int:
    """Documents: one object, or a list for many (nothing for none); rows: a list."""
    values = [plain(item) for item in items]
    if shape == "documents" and not values:
        return 0
    payload: Any = values[0] if shape == "documents" and len(values) == 1 else values
    with _text(out) as fh:
        fh.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return len(values)


def write_jsonl(items: Iterable[Any], out: BinaryIO, shape: str, columns: Sequence[str] = ()) -> int:
    count = 0
    with _text(out) as fh:
        for item in items:
            fh.write(json.dumps(plain(item), ensure_ascii=False) + "\n")
            fh.flush()
            count += 1
    return count


def write_text(items: Iterable[Any], out: BinaryIO, shape: str, columns: Sequence[str] = ()) -> int:
    count = 0
    with _text(out) as fh:
        for item in items:
            article = item if isinstance(item, Article) else Article.from_dict(plain(item))
            fh.write(summarise(article) + "\n")
            fh.flush()
            count += 1
    return count


def _columns(items: list[Any], columns: Sequence[str]) -> list[str]:
    """The given columns, else the fields (or keys) of the first item."""
    first = items[0] if items else None
    if columns or first is None:
        return list(columns)
    if is_dataclass(first) and not isinstance(first, type):
        return [f.name for f in fields(first)]
    return list(plain(first))


def write_csv(items: Iterable[Any], out: BinaryIO, shape: str, columns: Sequence[str] = ()) -> int:
    records = list(items)
    with _text(out, newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=_columns(records, columns))
        writer.writeheader()
        writer.writerows(plain(item) for item in records)
    return len(records)


def write_parquet(items: Iterable[Any], out: BinaryIO, shape: str, columns: Sequence[str] = ()) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [plain(item) for item in items]
    if records:
        table = pa.Table.from_pylist(records)
    else:
        table = pa.table({c: pa.array([], pa.string()) for c in columns})
    pq.write_table(table, out)
    return len(records)
