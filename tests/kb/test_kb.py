from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kronik.errors import ResourceError
from kronik.kb import KnowledgeBase


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def test_country_variants_and_metonyms(kb: KnowledgeBase) -> None:
    for name, code in [("Tiongkok", "CHN"), ("China", "CHN"), ("Cina", "CHN"), ("RRT", "CHN"), ("Rusia", "RUS"),
                       ("Moskwa", "RUS"), ("Kremlin", "RUS"), ("AS", "USA"), ("Amerika Serikat", "USA"),
                       ("Gedung Putih", "USA"), ("Korsel", "KOR"), ("Korut", "PRK"), ("Inggris", "GBR"),
                       ("Palestina", "PSE"), ("Prancis", "FRA"), ("Selandia Baru", "NZL"), ("Brazil", "BRA")]:
        assert kb.lookup_country(name) == code, name


def test_people_roles_in_time(kb: KnowledgeBase) -> None:
    putin = kb.get("person:vladimir_putin")
    assert putin is not None
    role_2010 = putin.role_at(date(2010, 6, 1))
    role_2023 = putin.role_at(date(2023, 3, 20))
    assert role_2010 is not None and role_2010.title == "Prime Minister"
    assert role_2023 is not None and role_2023.title == "President"
    jokowi = kb.candidates("Jokowi")[0]
    assert jokowi.id == "person:joko_widodo" and jokowi.country == "IDN"
    assert kb.get("person:prabowo_subianto").role_at(date(2020, 1, 1)).title == "Defence Minister"  # type: ignore[union-attr]


def test_orgs_companies_and_phoenix(kb: KnowledgeBase) -> None:
    assert kb.candidates("PBB")[0].id == "org:UN"
    assert kb.candidates("Uni Eropa")[0].id == "org:EU"
    assert kb.candidates("Huawei")[0].country == "CHN"
    assert kb.candidates("Gazprombank")[0].sector == "BUS"
    assert len(kb) > 10_000  # Phoenix actors are imported
    assert kb.search("Putin")[0].id == "person:vladimir_putin"


def test_user_extension(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text('[[person]]\nid = "person:budi_contoh"\nname = "Budi Contoh"\naliases = ["Budi Contoh"]\n'
                     'roles = [["Mayor of Contoh", "IDN", "GOV", "2020-01-01", ""]]\n')
    kb = KnowledgeBase.load([extra])
    assert kb.candidates("Budi Contoh")[0].id == "person:budi_contoh"
    broken = tmp_path / "broken.toml"
    broken.write_text("[[person]\n")
    with pytest.raises(ResourceError, match=r"broken\.toml"):
        KnowledgeBase.load([broken])


def test_officials_beyond_2014_have_dated_roles() -> None:
    from datetime import date

    from kronik.kb import KnowledgeBase

    kb = KnowledgeBase.load()
    (lecornu,) = kb.candidates("Sébastien Lecornu")
    assert lecornu.role_at(date(2023, 1, 1)).title == "Armed Forces Minister"
    assert lecornu.role_at(date(2025, 10, 1)).title == "Prime Minister"
    (fidan,) = kb.candidates("Hakan Fidan")
    assert fidan.country == "TUR" and fidan.role_at(date(2024, 1, 1)).title == "Foreign Minister"
    assert kb.candidates("Risma")[0].id == "person:tri_rismaharini"
    borrell = kb.candidates("Josep Borrell")[0]
    assert borrell.role_at(date(2022, 1, 1)).sector == "IGO" and borrell.role_at(date(2022, 1, 1)).country is None


def test_officials_file_is_well_formed() -> None:
    import pytest

    from kronik.errors import ResourceError
    from kronik.kb import read_officials

    rows = list(read_officials("# comment\nAna\tA\tMinister@IDN@GOV@2020-01-01@\n"))
    assert rows[0]["roles"] == [["Minister", "IDN", "GOV", "2020-01-01", ""]]
    with pytest.raises(ResourceError):
        list(read_officials("Ana\tMinister@IDN\n"))
