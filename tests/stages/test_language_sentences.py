from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kronik.lang import Languages
from kronik.stages.language import LanguageIdentifier
from kronik.stages.sentences import SentenceSplitter

LANGUAGES = Languages.load()
IDENTIFIER = LanguageIdentifier.load(LANGUAGES)
SPLITTER = SentenceSplitter.load(LANGUAGES)


def test_language_identification() -> None:
    assert IDENTIFIER.identify("Presiden mengatakan pemerintah akan membantu warga yang terdampak banjir di Jakarta pada Senin.")[0] == "id"
    assert IDENTIFIER.identify("The minister said the government would help residents affected by the floods on Monday.")[0] == "en"
    assert IDENTIFIER.identify("Perdana Menteri berkata kerajaan akan membantu mangsa banjir pada hari Isnin kerana keadaan semakin buruk.")[0] == "ms"
    assert IDENTIFIER.identify("   ") == ("und", 0.0)


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in SPLITTER.split(text)]


def test_abbreviations_decimals_initials() -> None:
    text = "Dr. H. Ahmad tiba di Jl. Merdeka No. 5 pukul 14.00 WIB. Nilainya 1,5 persen atau Rp1.500 per unit. PT Sinar Tbk. ikut hadir."
    assert sentences(text) == [
        "Dr. H. Ahmad tiba di Jl. Merdeka No. 5 pukul 14.00 WIB.",
        "Nilainya 1,5 persen atau Rp1.500 per unit.",
        "PT Sinar Tbk. ikut hadir.",
    ]
    assert sentences("Mr. Smith met Gen. Lee in the U.S. capital. They talked.") == [
        "Mr. Smith met Gen. Lee in the U.S. capital.", "They talked."]
    assert sentences("Mantan presiden B. J. Habibie datang. Semua berdiri.") == [
        "Mantan presiden B. J. Habibie datang.", "Semua berdiri."]


def test_quotes_and_paragraphs() -> None:
    text = '“Kami siap. Semua sudah dipersiapkan,” kata Menteri. “Tidak ada masalah.”\n\nParagraf kedua (27/3). "Ini baru." kata dia.'
    assert sentences(text) == [
        "“Kami siap.", "Semua sudah dipersiapkan,” kata Menteri.", "“Tidak ada masalah.”",
        "Paragraf kedua (27/3).", '"Ini baru." kata dia.',
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_offsets_are_sorted_disjoint_and_trimmed(text: str) -> None:
    spans = list(SPLITTER.split(text))
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        last = end
