from __future__ import annotations

import gzip
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kronik.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    MalformedInputError,
    TooLargeError,
)
from kronik.ingest import decode_bytes, read_inputs
from kronik.ingest.detokenize import detokenize
from kronik.model import RawArticle


def test_text_html_jsonl_and_directory(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Judul\n\nIsi berita di sini.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<html><body><p>Halo dunia</p></body></html>")
    lines = [
        {"text": "Berita satu.", "title": "Satu", "published": "2023-03-20", "outlet": "X"},
        {"html": "<p>Berita dua</p>", "url": "http://example.org/2"},
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(x) for x in lines))
    items = list(read_inputs([tmp_path]))
    assert all(isinstance(x, RawArticle) for x in items)
    kinds = [x.kind for x in items if isinstance(x, RawArticle)]
    assert kinds == ["text", "text", "html", "html"]
    first = items[1]
    assert isinstance(first, RawArticle)
    assert first.title == "Satu" and first.published is not None and first.source.outlet == "X"


def test_bad_inputs_are_errors_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "bad.jsonl").write_text('{"text": "ok"}\n{broken\n{"title": "no text"}\n')
    items = list(read_inputs([tmp_path]))
    errors = [x for x in items if isinstance(x, InputError)]
    assert {type(e) for e in errors} >= {EmptyInputError, BinaryInputError, MalformedInputError}
    assert any("bad.jsonl:2" in str(e) for e in errors)
    assert any("bad.jsonl:3" in str(e) for e in errors)
    assert sum(isinstance(x, RawArticle) for x in items) == 1
    assert all(str(tmp_path) in str(e) for e in errors)


def test_missing_file_and_too_large(tmp_path: Path) -> None:
    (missing,) = list(read_inputs([tmp_path / "nope.txt"]))
    assert isinstance(missing, InputError) and "no such file" in str(missing)
    big = tmp_path / "big.txt"
    big.write_text("kata " * 30)
    (err,) = list(read_inputs([big], max_bytes=100))
    assert isinstance(err, TooLargeError)


def test_encodings() -> None:
    text = "Menteri Luar Negeri — “kerja sama” café"
    assert decode_bytes(text.encode("utf-8"))[0] == text
    assert decode_bytes(gzip.compress(text.encode("utf-8")))[0] == text
    assert decode_bytes(text.encode("utf-16"))[0] == text
    latin = "Le président a déclaré à la presse que la coopération était très bonne."
    assert decode_bytes(latin.encode("cp1252"))[0] == latin


def test_detokenize() -> None:
    tokens = ['"', "Ini", "penting", ",", '"', "kata", "dia", "(", "27", "/", "3", ")", "."]
    assert detokenize(tokens) == '"Ini penting," kata dia (27/3).'


@given(st.binary(max_size=2000))
def test_decode_never_crashes(data: bytes) -> None:
    try:
        text, _ = decode_bytes(data, path="x")
    except InputError:
        return
    assert isinstance(text, str)
