from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kronik import Engine, RawArticle
from kronik.ingest import read_path
from kronik.model import Article


def entities(engine: Engine, text: str, published: date | None = None) -> dict[str, Article]:
    article = engine.analyze(RawArticle(content=text, published=published))
    return {e.id: e for e in article.entities}  # type: ignore[misc]


def test_linking_roles_and_coreference(engine: Engine) -> None:
    text = ("Judul Berita Kunjungan\n\nJAKARTA, Kabar Contoh - Presiden Joko Widodo menerima Perdana Menteri "
            "Jepang Fumio Kishida di Istana Merdeka. Jokowi mengatakan Jepang mitra penting. Kishida "
            "juga bertemu Ketua Umum Partai Contoh, Budi Santoso, di Bandung.")
    found = entities(engine, text, date(2023, 1, 10))
    jokowi = found["person:joko_widodo"]
    assert jokowi.country == "IDN" and jokowi.role == "President"  # type: ignore[attr-defined]
    assert [m.text for m in jokowi.mentions] == ["Joko Widodo", "Jokowi"]  # type: ignore[attr-defined]
    assert len(found["person:fumio_kishida"].mentions) == 2  # type: ignore[attr-defined]
    assert found["gpe:JPN"].type == "GPE"  # type: ignore[attr-defined]
    assert "gpe:IDN" in found  # the dateline place JAKARTA names Indonesia's capital
    budi = [e for e in found.values() if e.name == "Budi Santoso"]  # type: ignore[attr-defined]
    assert budi and budi[0].type == "PERSON"  # type: ignore[attr-defined]


def test_a_ministry_portfolio_is_part_of_the_title(engine: Engine) -> None:
    text = ("Judul Berita Kabinet\n\nMenteri Pekerjaan Umum dan Perumahan Rakyat Andi Wirasena meninjau "
            "bendungan. Setelah itu Menko Polhukam menyampaikan permintaan maaf.")
    names = {e.name for e in entities(engine, text).values() if e.type == "PERSON"}
    assert names == {"Andi Wirasena"}


def test_organisations_named_after_a_country_and_their_acronyms(engine: Engine) -> None:
    text = ("Judul Berita Nelayan\n\nRatusan anggota Ikatan Nelayan Filipina menggelar aksi di depan "
            "Mahkamah Konstitusi (MK) pada Senin.")
    found = {m.text: (e.type, e.country) for e in entities(engine, text).values() for m in e.mentions}
    assert found["Ikatan Nelayan Filipina"] == ("ORG", "PHL") and "Filipina" not in found
    assert found["Mahkamah Konstitusi (MK)"] == ("ORG", "IDN") and "MK" not in found


def test_roles_follow_the_article_date(engine: Engine) -> None:
    text = "Judul Berita\n\nPrabowo Subianto menghadiri upacara militer di Bandung pada pagi hari."
    then = entities(engine, text, date(2020, 5, 1))["person:prabowo_subianto"]
    now = entities(engine, text, date(2025, 5, 1))["person:prabowo_subianto"]
    assert then.role == "Defence Minister" and then.sector == "MIL"  # type: ignore[attr-defined]
    assert now.role == "President" and now.sector == "GOV"  # type: ignore[attr-defined]


def test_english(engine: Engine) -> None:
    text = "Headline Here Today\n\nRussian President Vladimir Putin met Chinese officials in Beijing, the Kremlin said."
    found = entities(engine, text)
    assert "person:vladimir_putin" in found and "gpe:CHN" in found and "gpe:RUS" in found


def test_no_lowercase_or_boilerplate_entities(engine: Engine) -> None:
    text = "Judul Berita Biasa\n\nas the sun rose, warga berkumpul. Komentar warga beragam soal harga."
    found = entities(engine, text)
    assert "gpe:USA" not in found
    assert not any("Komentar" in e.name for e in found.values())  # type: ignore[attr-defined]


def test_seeds_entities(engine: Engine, seeds: list[Path]) -> None:
    expected = {
        "000": {"person:xi_jinping": "CHN", "person:vladimir_putin": "RUS", "gpe:CHN": "CHN", "gpe:RUS": "RUS",
                "gpe:UKR": "UKR", "org:UN": None},
        "004": {"person:xi_jinping": "CHN", "person:vladimir_putin": "RUS", "gpe:USA": "USA",
                "company:alibaba": "CHN", "company:megafon": "RUS", "company:mail_ru": "RUS", "company:mts": "RUS",
                "company:huawei": "CHN", "company:novatek": "RUS", "company:gazprombank": "RUS",
                "company:sinopec": "CHN", "company:rdif": "RUS", "person:boris_dobrodeev": "RUS"},
    }
    for path in seeds:
        (raw,) = list(read_path(path))
        assert isinstance(raw, RawArticle)
        article = engine.analyze(raw)
        found = {e.id: e for e in article.entities}
        for entity_id, country in expected[path.name[:3]].items():
            assert entity_id in found, (path.name, entity_id)
            assert found[entity_id].country == country
        for bad in ("Komentar", "Langganan", "Comments", "Baca"):
            assert not any(bad in e.name for e in article.entities)


@cache
def _shared_engine() -> Engine:
    from kronik import Settings

    return Engine(Settings(progress=False))


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=300).filter(lambda t: t.strip()))
def test_never_crashes_and_offsets_hold(text: str) -> None:
    engine = _shared_engine()
    try:
        article = engine.analyze(RawArticle(content=text))
    except Exception as exc:  # only the documented empty-body error is allowed
        from kronik.errors import EmptyInputError

        assert isinstance(exc, EmptyInputError)
        return
    for entity in article.entities:
        for m in entity.mentions:
            assert article.text[m.start : m.end] == m.text
