"""Place names with their parts and administrative words; acronyms are not people."""

from __future__ import annotations

from kronik import Engine
from kronik.model import RawArticle


def entities(engine: Engine, text: str) -> dict[str, tuple[str, str | None]]:
    article = engine.analyze(RawArticle(content=text, language="id"))
    return {m.text: (e.type, e.country) for e in article.entities for m in e.mentions}


def test_place_parts_and_administrative_words(engine: Engine) -> None:
    found = entities(engine, "Banjir melanda Jakarta Pusat dan Kabupaten Bandung pada Senin, "
                             "sementara warga Jakarta lainnya mengungsi.")
    assert found["Jakarta Pusat"] == ("LOC", "IDN")
    assert found["Jakarta"][1] == "IDN"
    assert "Kabupaten Bandung" in found and found["Kabupaten Bandung"][0] == "LOC"


def test_country_names_stay_countries(engine: Engine) -> None:
    found = entities(engine, "Korea Selatan dan Afrika Selatan menandatangani perjanjian dagang.")
    assert found["Korea Selatan"] == ("GPE", "KOR") and found["Afrika Selatan"] == ("GPE", "ZAF")


def test_tengah_as_a_word_is_not_part_of_a_place(engine: Engine) -> None:
    found = entities(engine, "China tengah menghadapi perang dagang dengan Amerika Serikat, kata pejabat di Jawa Tengah.")
    assert found["China"][0] == "GPE" and "China tengah" not in found
    assert "Jawa Tengah" in found


def test_cities_and_regions_carry_their_country(engine: Engine) -> None:
    found = entities(engine, "Banjir melanda Kabupaten Bandung Barat dan Surabaya, sementara warga di "
                             "California dan Kota Medan menggalang bantuan.")
    assert found["Surabaya"] == ("LOC", "IDN") and found["Kota Medan"] == ("LOC", "IDN")
    assert found["Kabupaten Bandung Barat"][1] == "IDN" and found["California"][1] == "USA"


def test_a_facility_is_a_place_not_a_party(engine: Engine) -> None:
    found = entities(engine, "Candi Borobudur di Kabupaten Magelang diterangi warna oranye pada Sabtu malam.")
    assert found["Candi Borobudur"][0] == "LOC"
