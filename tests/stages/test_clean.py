from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronik import Engine, RawArticle, Settings, Source
from kronik.errors import EmptyInputError
from kronik.ingest import read_path
from kronik.lang import Languages
from kronik.stages.cleaning import clean_text, compile_rules

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RULES = compile_rules(Languages.load())


@pytest.fixture(scope="module")
def cleaner() -> Engine:
    return Engine(Settings(pipeline=("clean",), progress=False))


def reasons(removed: list) -> dict[str, list[str]]:  # type: ignore[type-arg]
    out: dict[str, list[str]] = {}
    for r in removed:
        out.setdefault(r.reason, []).append(r.text)
    return out


def test_crawled_indonesian_page() -> None:
    text = (FIXTURES / "clean_crawled_id.txt").read_text(encoding="utf-8")
    cleaned = clean_text(text, RULES)
    assert cleaned.title == "Gubernur Resmikan Jembatan Baru di Tepi Sungai Musi"
    assert cleaned.dateline is not None
    assert (cleaned.dateline.place, cleaned.dateline.outlet) == ("PALEMBANG", "Kabar Sumsel")
    assert cleaned.text.startswith("PALEMBANG, Kabar Sumsel –")
    assert cleaned.text[cleaned.dateline.start : cleaned.dateline.end] == cleaned.dateline.text
    why = reasons(cleaned.removed)
    assert why["category-label"] == ["Nasional"]
    assert any("Foto:" in x for x in why["caption"])
    assert "Baca juga: Banjir Rendam Ratusan Rumah di Ogan Ilir" in why["related-links"]
    assert why["share"] and why["byline"] and why["comments"] and why["paywall"]
    assert [link.text for link in cleaned.links] == [
        "Banjir Rendam Ratusan Rumah di Ogan Ilir",
        "Harga Pempek Naik Jelang Lebaran",
        "Pasar Tradisional Direnovasi Tahun Ini",
    ]
    for kept in ("Rp1,5 triliun", "memangkas waktu tempuh", "20.000 kendaraan"):
        assert kept in cleaned.text
    for gone in ("Baca juga", "Facebook", "Langganan", "Kembali ke atas", "Editor", "Foto:"):
        assert gone not in cleaned.text
    assert cleaned.text.count("\n\n") == 2  # three body paragraphs


def test_inline_related_links_leave_the_paragraph() -> None:
    text = ("Judul Berita Kota\n\nWali kota meresmikan pasar baru pada Senin. [Baca juga: Pasar Lama Ditutup "
            "Sementara] Pedagang menyambut baik (Baca juga: Harga Cabai Turun) dan Presiden Xi Jinping "
            "(baca: Si Cinping) disebut dalam sambutan itu.")
    cleaned = clean_text(text, RULES)
    assert "Baca juga" not in cleaned.text and "(baca: Si Cinping)" in cleaned.text
    assert [link.text for link in cleaned.links] == ["Pasar Lama Ditutup Sementara", "Harga Cabai Turun"]
    assert reasons(cleaned.removed)["related-links"] == ["[Baca juga: Pasar Lama Ditutup Sementara]",
                                                         "(Baca juga: Harga Cabai Turun)"]


def test_html_page(cleaner: Engine) -> None:
    (raw,) = list(read_path(FIXTURES / "clean_page_en.html"))
    assert isinstance(raw, RawArticle) and raw.kind == "html"
    article = cleaner.analyze(raw)
    assert article.title == "Port strike ends after three weeks"
    assert article.published is not None and article.published.isoformat() == "2024-02-14"
    assert article.published_source == "metadata"
    assert "7 percent" in article.text and "50 million euros" in article.text
    assert "Read more" not in article.text and "newsletter" not in article.text
    assert article.dateline is not None and article.dateline.place == "ROTTERDAM"


def test_given_published_wins(cleaner: Engine) -> None:
    from datetime import date

    raw = RawArticle(content="Judul Berita Ini\n\nIsi berita yang cukup panjang untuk dibaca.",
                     published=date(2022, 1, 2))
    article = cleaner.analyze(raw)
    assert article.published_source == "given" and article.published == date(2022, 1, 2)


def test_boilerplate_only_page_is_an_error(cleaner: Engine) -> None:
    raw = RawArticle(content="Komentar\nLangganan sekarang\nTo Top\n", source=Source(path="junk.txt"))
    with pytest.raises(EmptyInputError, match=r"junk\.txt"):
        cleaner.analyze(raw)


def test_seeds_cleaned(cleaner: Engine, seeds: list[Path]) -> None:
    by_name = {p.name[:3]: p for p in seeds}
    (raw,) = list(read_path(by_name["000"]))
    assert isinstance(raw, RawArticle)
    a = cleaner.analyze(raw)
    assert a.title and a.title.startswith("Rusia dan Tiongkok Memperkuat")
    assert a.dateline is not None and a.dateline.outlet == "VOVWORLD"
    assert "(Foto:" not in a.text and "Komentar" not in a.text and "Berita Terkait" not in a.text
    assert "Menurut Istana Kremlin" in a.text and "87 miliar USD" in a.text
    assert {r.reason for r in a.removed} >= {"title", "caption", "related-links", "comments"}
    (raw,) = list(read_path(by_name["004"]))
    assert isinstance(raw, RawArticle)
    b = cleaner.analyze(raw)
    assert b.title == "China-Rusia Pererat Hubungan Ditengah Ketegangan dengan AS"
    assert b.dateline is not None
    assert (b.dateline.place, b.dateline.outlet) == ("MOSKOW", "Arrahmahnews.com")
    assert len(b.links) == 2 and all(link.kind == "related" for link in b.links)
    for gone in ("Baca:", "Comments", "To Top", "Langganan", "Lanjutkan membaca", "Eksplorasi"):
        assert gone not in b.text
    assert b.text.rstrip().endswith("(ARN)")
    assert "Kepala Mail.ru Boris Dobrodeyev" in b.text
    assert {r.reason for r in b.removed} >= {"category-label", "title", "related-links", "paywall"}


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600))
def test_cleaning_never_crashes_and_keeps_only_input_words(text: str) -> None:
    cleaned = clean_text(text, RULES)
    for block in cleaned.text.split("\n\n"):
        assert block.strip() == block
