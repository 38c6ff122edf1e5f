from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronik import Engine, RawArticle
from kronik.ingest import read_path
from kronik.lang import Languages
from kronik.stages.figures import FigureGrammar


@cache
def grammar(code: str) -> FigureGrammar:
    return FigureGrammar.load(Languages.load().pack(code))


def figures(text: str, code: str = "id") -> list[tuple[str, float, str | None, bool]]:
    return [(f.text, f.value, f.unit, f.approximate) for f in grammar(code).find(text, [])]


@pytest.mark.parametrize(("text", "expected"), [
    ("senilai 87 miliar USD", [("87 miliar USD", 87e9, "USD", False)]),
    ("hampir 200 miliar USD", [("hampir 200 miliar USD", 200e9, "USD", True)]),
    ("dana Rp1,5 triliun", [("Rp1,5 triliun", 1.5e12, "IDR", False)]),
    ("pinjaman US$ 200 juta", [("US$ 200 juta", 200e6, "USD", False)]),
    ("naik dua kali lipat", [("dua kali lipat", 2.0, "times", False)]),
    ("turun 35 persen", [("35 persen", 35.0, "%", False)]),
    ("ribuan warga mengungsi", [("ribuan warga", 1000.0, "warga", True)]),
    ("sebanyak 1.500 orang", [("1.500 orang", 1500.0, "orang", False)]),
    ("sekitar 2.500 personel", [("sekitar 2.500 personel", 2500.0, "personel", True)]),
])
def test_indonesian(text: str, expected: list[tuple[str, float, str | None, bool]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("a $1.2 billion loan", [("$1.2 billion", 1.2e9, "USD", False)]),
    ("nearly 200 billion dollars", [("nearly 200 billion dollars", 200e9, "USD", True)]),
    ("up 35 percent", [("35 percent", 35.0, "%", False)]),
    ("more than 1,500 people", [("more than 1,500 people", 1500.0, "people", True)]),
])
def test_english(text: str, expected: list[tuple[str, float, str | None, bool]]) -> None:
    assert figures(text, "en") == expected


def test_years_and_dates_are_not_figures(engine: Engine) -> None:
    assert figures("pada 2024 dan sejak 1998") == []
    article = engine.analyze(RawArticle(content="Judul Berita\n\nPada 20 Maret 2023 harga naik 5 persen."))
    assert [f.text for f in article.figures] == ["5 persen"]


def test_measure_from_the_sentence(engine: Engine) -> None:
    article = engine.analyze(RawArticle(content="Judul Berita\n\nNilai perdagangan naik dari 87 miliar USD menjadi 200 miliar USD."))
    assert [f.measure for f in article.figures] == ["Nilai perdagangan", "Nilai perdagangan"]


def test_seed_trade_figures(engine: Engine, seeds: list[Path]) -> None:
    (raw,) = list(read_path(next(p for p in seeds if p.name.startswith("000"))))
    assert isinstance(raw, RawArticle)
    got = {f.text: f for f in engine.analyze(raw).figures}
    assert got["87 miliar USD"].value == 87e9 and got["87 miliar USD"].unit == "USD"
    assert got["hampir 200 miliar USD"].approximate
    assert got["lebih dari dua kali lipat"].unit == "times"
    assert got["87 miliar USD"].measure == "nilai perdagangan"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_never_crashes(text: str) -> None:
    for code in ("id", "en"):
        for f in grammar(code).find(text, []):
            assert text[f.start : f.end] == f.text
