from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronik import Engine, RawArticle
from kronik.ingest import read_path
from kronik.lang import Languages
from kronik.stages.temporal import DateGrammar, resolve

REF = date(2023, 3, 22)  # a Wednesday


@cache
def grammar() -> DateGrammar:
    return DateGrammar.load(Languages.load().all())


def values(text: str, reference: date | None = REF) -> list[tuple[str, str | None, str | None]]:
    out = []
    for item in grammar().find(text):
        value, end_value, _ = resolve(item, reference)
        out.append((text[item.start : item.end], value, end_value))
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("tiba pada Senin (20/3) malam", [("Senin (20/3)", "2023-03-20", None)]),
    ("Pada Senin sore (20 Maret), ia tiba", [("Senin sore (20 Maret)", "2023-03-20", None)]),
    ("pertemuan hari Rabu (05/06) lalu", [("Rabu (05/06)", "2024-06-05", None)]),  # the Wednesday nearest
    ("ditandatangani 20 Maret 2023 di Moskow", [("20 Maret 2023", "2023-03-20", None)]),
    ("dari 20 sampai 23 Maret", [("20 sampai 23 Maret", "2023-03-20", "2023-03-23")]),
    ("berlangsung 20-23/3 di Bali", [("20-23/3", "2023-03-20", "2023-03-23")]),
    ("pada 17 Agu 2023 dan 1 Des 2022", [("17 Agu 2023", "2023-08-17", None), ("1 Des 2022", "2022-12-01", None)]),
    ("pemilihan pada tahun 2024", [("pada tahun 2024", "2024", None)]),
    ("kemarin", [("kemarin", "2023-03-21", None)]),
    ("dua hari lalu", [("dua hari lalu", "2023-03-20", None)]),
    ("tahun lalu", [("tahun lalu", "2022", None)]),
    ("bulan depan", [("bulan depan", "2023-04", None)]),
    ("pekan depan", [("pekan depan", "2023-03-27", "2023-04-02")]),
    ("sejak Maret 2020", [("Maret 2020", "2020-03", None)]),
    ("pukul 14.00 WIB", [("pukul 14.00 WIB", "2023-03-22T14:00+07:00", None)]),
    ("on Monday, March 20, 2023", [("on Monday", "2023-03-20", None), ("March 20, 2023", "2023-03-20", None)]),
    ("two days ago", [("two days ago", "2023-03-20", None)]),
    ("last year", [("last year", "2022", None)]),
    ("pada Desember tahun lalu", [("pada Desember tahun lalu", "2022-12", None)]),
    ("ditangkap 5 Mei tahun lalu", [("5 Mei tahun lalu", "2022-05-05", None)]),
    ("pada Januari tahun depan", [("pada Januari tahun depan", "2024-01", None)]),
])
def test_forms(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert values(text) == expected


def test_durations_are_not_dates() -> None:
    assert values("selama 10 tahun ini perdagangan naik") == []
    assert values("nilai 35 persen dan 1/2 porsi") == []


def test_unknown_year_without_reference() -> None:
    assert values("Senin (20/3)", None) == [("Senin (20/3)", "XXXX-03-20", None)]
    assert values("kemarin", None) == [("kemarin", None, None)]


def test_stage_infers_published_from_a_weekday_date_and_a_named_year(engine: Engine) -> None:
    text = ("Judul Berita\n\nPresiden Joko Widodo meresmikan bendungan pada Kamis (9/3). "
            "Bendungan itu selesai dua hari lalu dan masuk program strategis 2017.")
    article = engine.analyze(RawArticle(content=text))
    assert article.published == date(2017, 3, 9)  # 9 March was a Thursday in 2017 and 2023: 2017 is named
    assert article.published_source == "inferred" and any("inferred" in w for w in article.warnings)
    assert [d.value for d in article.dates[:2]] == ["2017-03-09", "2017-03-07"]


def test_ambiguous_weekday_date_leaves_published_unknown(engine: Engine) -> None:
    text = ("Judul Berita\n\nPresiden Joko Widodo meresmikan bendungan pada Kamis (9/3). "
            "Bendungan itu selesai dua hari lalu.")
    article = engine.analyze(RawArticle(content=text))
    assert article.published is None and article.published_source is None  # 2017 or 2023: no guess
    assert any(w.startswith("publication date unknown") for w in article.warnings)
    assert [(d.text, d.value) for d in article.dates] == [("Kamis (9/3)", "XXXX-03-09"), ("dua hari lalu", None)]


def test_seeds_with_and_without_published(engine: Engine, seeds: list[Path]) -> None:
    by = {p.name[:3]: p for p in seeds}
    (raw,) = list(read_path(by["000"]))
    assert isinstance(raw, RawArticle)
    first = engine.analyze(raw)
    got = {d.text: (d.value, d.end_value) for d in first.dates}
    assert got["Senin sore (20 Maret)"] == ("2023-03-20", None)
    assert got["20 sampai 23 Maret"] == ("2023-03-20", "2023-03-23")
    assert got["Selasa (21 Maret)"] == ("2023-03-21", None)
    assert first.published == date(2023, 3, 20) and first.published_source == "inferred"
    (raw,) = list(read_path(by["004"]))
    assert isinstance(raw, RawArticle)
    second = engine.analyze(raw)
    assert {d.text: d.value for d in second.dates}["Rabu (05/06)"] == "2019-06-05"
    (raw,) = list(read_path(by["000"]))
    assert isinstance(raw, RawArticle)
    raw.published = date(2023, 3, 21)
    given = engine.analyze(raw)
    assert given.published_source == "given"
    assert {d.text: d.value for d in given.dates}["Selasa (21 Maret)"] == "2023-03-21"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_never_crashes(text: str) -> None:
    for item in grammar().find(text):
        assert 0 <= item.start < item.end <= len(text)
        resolve(item, REF)
        resolve(item, None)


def test_weekday_contradicting_the_office_gives_no_year(engine: Engine) -> None:
    from kronik.model import RawArticle

    # 19 October fell on a Sunday in 2014 and 2025, never while Anies Baswedan governed Jakarta
    article = engine.analyze(RawArticle(
        content="Gubernur DKI Jakarta Anies Baswedan meresmikan taman baru, Minggu (19/10).", language="id"))
    assert article.published is None
    assert [d.value for d in article.dates] == ["XXXX-10-19"]


def test_weekday_year_from_the_year_the_article_names(engine: Engine) -> None:
    # 18 March fell on a Saturday in 2017 and 2023; the article speaks of the 2017 season
    text = ("Judul Berita Liga\n\nPanitia menggelar undian pada Sabtu (18/3) untuk turnamen tahun 2017 "
            "yang dimulai bulan depan.")
    article = engine.analyze(RawArticle(content=text))
    assert article.published == date(2017, 3, 18)
    bare = engine.analyze(RawArticle(content="Judul Berita Liga\n\nPanitia menggelar undian pada Sabtu (18/3)."))
    assert bare.published is None  # no year named: 2017 and 2023 are equally possible
