"""Bytes → text: binary detection, encoding detection, HTML sniffing."""

from __future__ import annotations

import gzip
import re

from charset_normalizer import from_bytes

from kronik.errors import BinaryInputError, EmptyInputError, EncodingError, TooLargeError
from kronik.model import InputKind

__all__ = ["decode_bytes", "sniff_kind"]

#: Magic numbers of common binary formats, named in the error message.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)
_SINGLE_BYTE_WESTERN = ("cp125", "iso8859", "latin", "windows-125", "mac_")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html|<head|<body|<\?xml|<!--)", re.IGNORECASE)
_HTML_TAGS = re.compile(r"<(p|div|article|span|a|br|h[1-6]|section|script|meta)\b", re.IGNORECASE)


def decode_bytes(data: bytes, *, path: str | None = None, max_bytes: int | None = None) -> tuple[str, str]:
    """Decode ``data`` to text and return ``(text, encoding)``.

    Raises a subclass of :class:`~kronik.errors.InputError` naming ``path`` for empty, binary,
    oversized or undecodable input. Gzip-compressed input is decompressed first.
    """
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise EncodingError(f"corrupt gzip data: {exc}", path=path) from exc
    if max_bytes is not None and len(data) > max_bytes:
        raise TooLargeError(
            f"input is {len(data):,} bytes, over the limit of {max_bytes:,} (max_input_bytes)",
            path=path,
        )
    if not data.strip():
        raise EmptyInputError("input is empty", path=path)
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"binary file ({what}), not a text or HTML article", path=path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM is text, decode it
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise EncodingError(f"invalid UTF-16: {exc}", path=path) from exc
    head = data[:65536]
    if b"\x00" in head or len(_CONTROL.findall(head)) > max(8, len(head) // 100):
        raise BinaryInputError("binary content (NUL or control bytes), not text", path=path)
    try:
        text = data.decode("utf-8-sig")
        return text, "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.encoding.startswith(_SINGLE_BYTE_WESTERN):
        # Western single-byte pages are by far the commonest legacy news encoding.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    if best is None or best.encoding is None:
        raise EncodingError("cannot detect the text encoding", path=path)
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise EncodingError(f"cannot decode as {best.encoding}: {exc}", path=path) from exc
    return text, best.encoding


def sniff_kind(text: str, path: str | None = None) -> InputKind:
    """``"html"`` for markup (by extension or content), else ``"text"``."""
    if path and path.lower().endswith((".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")):
        return "html"
    head = text[:4096]
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    return "text"
