"""In-document name coreference and name boundaries, on hand-written Indonesian sentences."""

from __future__ import annotations

from datetime import date

from kronik import Engine, RawArticle
from kronik.model import Entity


def people(engine: Engine, text: str, published: date | None = date(2019, 5, 2)) -> list[Entity]:
    article = engine.analyze(RawArticle(content="Judul Berita Contoh\n\n" + text, published=published,
                                        language="id"))
    return [e for e in article.entities if e.type == "PERSON"]


def mentions(entity: Entity) -> list[str]:
    return [m.text for m in entity.mentions]


def test_a_first_name_later_is_the_person_named_in_full(engine: Engine) -> None:
    found = people(engine, "Ketua Umum Partai Maju Rakyat Djan Faridz menghadiri rapat di Jakarta. Djan "
                           "mengatakan partainya solid. Menurut Djan, rapat berjalan lancar.")
    assert len(found) == 1
    assert mentions(found[0]) == ["Djan Faridz", "Djan", "Djan"]


def test_a_surname_later_is_the_person_named_in_full(engine: Engine) -> None:
    found = people(engine, "Peneliti senior Ratna Kusumawardani memaparkan hasil survei di Bandung. "
                           "Kusumawardani menyebut tingkat kepuasan warga naik.")
    assert len(found) == 1 and mentions(found[0]) == ["Ratna Kusumawardani", "Kusumawardani"]


def test_a_kb_nickname_is_the_same_person(engine: Engine) -> None:
    found = people(engine, "Presiden Joko Widodo meresmikan jalan tol di Sumatera. Jokowi berharap jalan "
                           "itu memangkas waktu tempuh.")
    jokowi = [e for e in found if e.id == "person:joko_widodo"]
    assert jokowi and mentions(jokowi[0]) == ["Joko Widodo", "Jokowi"]
    assert jokowi[0].country == "IDN"


def test_a_form_of_address_with_a_short_name(engine: Engine) -> None:
    found = people(engine, "Menteri Pekerjaan Umum dan Perumahan Rakyat Basuki Hadimuljono meninjau "
                           "bendungan di Bogor. Pak Bas mengatakan proyek itu rampung tahun depan.")
    basuki = [e for e in found if e.id == "person:basuki_hadimuljono"]
    assert basuki and mentions(basuki[0]) == ["Basuki Hadimuljono", "Bas"]


def test_a_bare_title_is_the_holder_named_in_the_article(engine: Engine) -> None:
    found = people(engine, "Presiden Joko Widodo membuka sidang kabinet di Istana Bogor. Dalam sidang "
                           "itu Presiden meminta para menteri bekerja cepat.")
    jokowi = [e for e in found if e.id == "person:joko_widodo"]
    assert jokowi and mentions(jokowi[0]) == ["Joko Widodo", "Presiden"]


def test_a_bare_title_of_a_local_official(engine: Engine) -> None:
    found = people(engine, "Kapolri Jenderal Tito Karnavian memimpin apel pasukan di Monas. Kapolri "
                           "meminta anggota menjaga netralitas.", date(2018, 3, 1))
    tito = [e for e in found if e.id == "person:tito_karnavian"]
    assert tito and mentions(tito[0]) == ["Tito Karnavian", "Kapolri"]


def test_a_title_before_a_name_is_not_a_mention(engine: Engine) -> None:
    found = people(engine, "Presiden Joko Widodo bertemu Presiden Prancis Emmanuel Macron di Paris.")
    assert all("Presiden" not in mentions(e) for e in found)


def test_two_people_sharing_a_first_name_stay_apart(engine: Engine) -> None:
    found = people(engine, "Bambang Sutrisno dan Bambang Wijanarko hadir di acara itu. Sutrisno "
                           "memberi sambutan, lalu Wijanarko menutup acara.")
    by_name = {e.name: mentions(e) for e in found}
    assert by_name["Bambang Sutrisno"] == ["Bambang Sutrisno", "Sutrisno"]
    assert by_name["Bambang Wijanarko"] == ["Bambang Wijanarko", "Wijanarko"]


def test_a_portfolio_is_not_part_of_a_name(engine: Engine) -> None:
    found = people(engine, "Menteri Koordinator Bidang Politik, Hukum, dan Keamanan Wiranto menggelar "
                           "jumpa pers di kantornya.")
    names = {e.name for e in found}
    assert "Wiranto" in names and not any("Keamanan" in n for n in names)


def test_an_event_name_is_not_a_person(engine: Engine) -> None:
    found = people(engine, "Atlet Indonesia akan tampil di Olimpiade Musim Dingin yang digelar di Korea "
                           "Selatan tahun depan.")
    assert not any("Musim" in e.name or "Olimpiade" in e.name for e in found)
