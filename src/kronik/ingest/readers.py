"""Readers for files, directories, stdin and JSON (Lines) → raw articles or input errors."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from kronik.errors import InputError, MalformedInputError, TooLargeError
from kronik.ingest.decode import decode_bytes, sniff_kind
from kronik.model import InputKind, RawArticle, Source

__all__ = ["iter_files", "read_bytes", "read_inputs", "read_path", "read_text_input"]

STDIN = "-"
_JSON_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".json", ".json.gz")
_JSON_TEXT_FIELDS = ("text", "html", "content", "body")


def read_inputs(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[RawArticle | InputError]:
    """Every article under ``paths`` (files, directories recursively, ``-`` for stdin)."""
    for item in paths:
        name = os.fspath(item)
        if name == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_bytes(stream.read(), path="<stdin>", max_bytes=max_bytes)
            continue
        path = Path(name)
        if path.is_dir():
            for file in iter_files(path):
                yield from read_path(file, max_bytes=max_bytes)
        else:
            yield from read_path(path, max_bytes=max_bytes)


def iter_files(directory: Path) -> Iterator[Path]:
    """Files under ``directory``, recursively, sorted, hidden files and folders skipped."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_path(path: Path, *, max_bytes: int | None = None) -> Iterator[RawArticle | InputError]:
    """The article(s) in one file; an :class:`InputError` for a file that cannot be read."""
    name = str(path)
    try:
        if max_bytes is not None and path.stat().st_size > max_bytes * 4:
            # far too large even compressed: refuse before reading it into memory
            size = path.stat().st_size
            yield TooLargeError(f"file is {size:,} bytes, over the size limit", path=name)
            return
        data = path.read_bytes()
    except FileNotFoundError:
        yield InputError("no such file or directory", path=name)
        return
    except OSError as exc:
        yield InputError(f"cannot read file: {exc.strerror or exc}", path=name)
        return
    yield from read_bytes(data, path=name, max_bytes=max_bytes)


def read_bytes(
    data: bytes, *, path: str, max_bytes: int | None = None
) -> Iterator[RawArticle | InputError]:
    """Decode one input's bytes and yield its article(s)."""
    try:
        text, encoding = decode_bytes(data, path=path, max_bytes=max_bytes)
    except InputError as exc:
        yield exc
        return
    yield from read_text_input(text, path=path, encoding=encoding)


def read_text_input(
    text: str, *, path: str, encoding: str | None = None
) -> Iterator[RawArticle | InputError]:
    """Decoded input → articles: JSON Lines / JSON by suffix or content, else text or HTML."""
    stripped = text.lstrip()
    lower = path.lower()
    looks_json = stripped.startswith(("{", "[")) and not stripped.startswith("[[")
    if lower.endswith(_JSON_SUFFIXES) or (path == "<stdin>" and looks_json):
        yield from _read_json(text, path=path)
        return
    source = Source(path=path)
    yield RawArticle(content=text, kind=sniff_kind(text, path), source=source, encoding=encoding)


def _read_json(text: str, *, path: str) -> Iterator[RawArticle | InputError]:
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            records = json.loads(stripped)
        except json.JSONDecodeError as exc:
            yield MalformedInputError(f"invalid JSON: {exc.msg}", path=path, line=exc.lineno)
            return
        if not isinstance(records, list):
            yield MalformedInputError("a JSON file must hold an object or a list of them", path=path)
            return
        for index, record in enumerate(records, 1):
            yield _record_to_article(record, path=path, line=index)
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield MalformedInputError(f"invalid JSON: {exc.msg}", path=path, line=number)
            continue
        yield _record_to_article(record, path=path, line=number)


def _record_to_article(record: Any, *, path: str, line: int) -> RawArticle | InputError:
    """One JSON object → an article: ``text`` or ``html`` plus optional metadata fields."""
    if not isinstance(record, dict):
        return MalformedInputError("each JSON line must be an object", path=path, line=line)
    content, kind = _record_content(record)
    if content is None:
        fields = ", ".join(_JSON_TEXT_FIELDS)
        return MalformedInputError(f"object has no text: expected one of {fields}", path=path, line=line)
    if not content.strip():
        return InputError("article text is empty", path=path, line=line)
    published = record.get("published") or record.get("date")
    parsed: date | None = None
    if published:
        try:
            parsed = date.fromisoformat(str(published)[:10])
        except ValueError:
            return MalformedInputError(
                f"published {published!r} is not a YYYY-MM-DD date", path=path, line=line
            )
    language = record.get("language")
    return RawArticle(
        content=content,
        kind=kind if kind == "html" else sniff_kind(content),
        source=Source(
            path=f"{path}:{line}",
            url=_str_or_none(record.get("url") or record.get("source_url")),
            outlet=_str_or_none(record.get("outlet") or record.get("source")),
        ),
        title=_str_or_none(record.get("title")),
        published=parsed,
        language=_str_or_none(language),
    )


def _record_content(record: dict[str, Any]) -> tuple[str | None, InputKind]:
    if isinstance(record.get("html"), str):
        return record["html"], "html"
    for key in ("text", "content", "body"):
        if isinstance(record.get(key), str):
            return record[key], "text"
    paragraphs = record.get("paragraphs")
    if isinstance(paragraphs, list):  # IndoSum-style tokenised paragraphs
        from kronik.ingest.detokenize import detokenize_paragraphs

        return detokenize_paragraphs(paragraphs), "text"
    return None, "text"


def _str_or_none(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None
