"""The language door: packs, the family rule, morphology, and every pack complete."""

from __future__ import annotations

import pytest

from kronik.errors import ResourceError
from kronik.lang import Languages, Morphology

LANGUAGES = Languages.load()


def test_every_shipped_pack_has_what_the_stages_read() -> None:
    assert LANGUAGES.codes == ("id", "en") and LANGUAGES.fallback == "en"
    assert LANGUAGES.problems() == []
    for pack in LANGUAGES.all():
        assert pack.name and pack.stopwords and pack.words("abbreviations", "abbreviations")


@pytest.mark.parametrize(("language", "pack"), [
    ("id", "id"), ("ms", "id"), ("jv", "id"), ("su", "id"), ("en", "en"), ("fr", "en"), (None, "en"), ("ID", "id"),
])
def test_family_rule(language: str | None, pack: str) -> None:
    assert LANGUAGES.family(language) == pack and LANGUAGES.pack(language).code == pack


def test_packs_in_the_order_asked() -> None:
    assert [p.code for p in LANGUAGES.all(["en", "id", "xx", "en"])] == ["en", "id"]
    assert [p.code for p in LANGUAGES.all()] == ["id", "en"]


def test_morphology() -> None:
    english, indonesian = LANGUAGES.pack("en").morphology, LANGUAGES.pack("id").morphology
    assert english.verb_forms("provide aid") == ["provide aid", "provided aid", "provides aid", "providing aid"]
    assert english.verb_forms("carry") == ["carried", "carries", "carry", "carryed", "carrying", "carrys"]
    assert indonesian.verb_forms("mengunjungi") == ["mengunjungi"]
    assert indonesian.has_enclitic("ujarnya") and indonesian.without_enclitic("ujarnya") == "ujar"
    assert not english.has_enclitic("ujarnya")
    with pytest.raises(ResourceError, match="inflection"):
        Morphology((), "klingon")


def test_missing_resource_is_named() -> None:
    with pytest.raises(ResourceError, match="id/nothing"):
        LANGUAGES.pack("id").data("nothing")
    assert LANGUAGES.pack("id").connectors[:2] == ("bin", "binti")
