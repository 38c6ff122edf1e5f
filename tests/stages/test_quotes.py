from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kronik import Engine, RawArticle, Settings
from kronik.ingest import read_path


def quotes(engine: Engine, body: str) -> list[tuple[str | None, str | None, bool, str]]:
    article = engine.analyze(RawArticle(content="Judul Berita Contoh\n\n" + body))
    return [(q.speaker, q.cue, q.direct, q.text) for q in article.quotes]


def test_curly_quote_with_cue_after(engine: Engine) -> None:
    got = quotes(engine, "“Kami akan terus membantu warga yang terdampak,” kata Joko Widodo di Jakarta.")
    assert got == [("Joko Widodo", "kata", True, "Kami akan terus membantu warga yang terdampak")]


def test_straight_quotes_spanning_sentences_and_nya(engine: Engine) -> None:
    body = ('Menteri Luar Negeri Retno Marsudi hadir dalam pertemuan itu. "Indonesia siap. Kami sudah '
            'menyiapkan semua dokumen," ujarnya.')
    assert quotes(engine, body) == [("Retno Marsudi", "ujarnya", True, "Indonesia siap. Kami sudah menyiapkan semua dokumen")]


def test_nya_goes_to_the_person_who_spoke_last_not_the_last_subject(engine: Engine) -> None:
    body = ("Sekretaris Daerah Rudi Hartono hadir di lokasi. Di Kota Malang, Wali Kota sekaligus ketua "
            "satgas Sutiaji menyampaikan, jumlah pengungsi terus bertambah. “Kami menyiapkan tenda dan "
            "dapur umum untuk semua warga,” katanya.")
    assert quotes(engine, body)[-1][0] == "Sutiaji"


def test_speaker_behind_a_long_title_chain(engine: Engine) -> None:
    body = ("“Semua pasien sudah dipindahkan ke rumah sakit rujukan,” ujar Koordinator Tim Medis Satgas "
            "Bencana - 2 Wulan Prameswari, Senin.")
    assert quotes(engine, body)[0][0] == "Wulan Prameswari"


def test_a_name_run_stops_at_a_lowercase_word(engine: Engine) -> None:
    body = "“Panen tahun ini lebih baik dari tahun lalu,” kata Sumarni yang sehari-hari bertani di Kabupaten Garut."
    assert quotes(engine, body)[0][0] == "Sumarni"


def test_split_quote_keeps_the_speaker(engine: Engine) -> None:
    body = "“Hubungan kedua negara sangat baik,” kata Fumio Kishida. “Kami ingin memperdalamnya lagi tahun depan.”"
    got = quotes(engine, body)
    assert [g[0] for g in got] == ["Fumio Kishida", "Fumio Kishida"]


def test_indirect_and_according_to(engine: Engine) -> None:
    body = ("Presiden Prabowo Subianto mengatakan bahwa pemerintah akan menaikkan anggaran pendidikan tahun depan. "
            "Menurut Sri Mulyani, defisit anggaran masih terkendali di bawah tiga persen.")
    got = quotes(engine, body)
    assert [(g[0], g[2]) for g in got] == [("Prabowo Subianto", False), ("Sri Mulyani Indrawati", False)]
    assert got[0][3].startswith("pemerintah akan menaikkan")


def test_partial_quote_and_english(engine: Engine) -> None:
    body = "Vladimir Putin mengatakan Rusia akan menjadi “mitra yang setia” bagi kawasan itu."
    assert quotes(engine, body)[0][:2] == ("Vladimir Putin", "mengatakan")
    english = engine.analyze(RawArticle(content='Headline Text Here\n\n"We will not back down on this issue," Antony Blinken told reporters.'))
    assert [(q.speaker, q.cue) for q in english.quotes] == [("Antony Blinken", "told")]


def test_scare_quotes_are_not_speech(engine: Engine) -> None:
    assert quotes(engine, "Program “Kampung Sehat” diluncurkan di Bogor pada Senin.") == []


def test_seed_speakers(engine: Engine, seeds: list[Path]) -> None:
    by = {p.name[:3]: p for p in seeds}
    (raw,) = list(read_path(by["004"]))
    assert isinstance(raw, RawArticle)
    got = {q.text[:25]: q.speaker for q in engine.analyze(raw).quotes if q.direct}
    assert got["Presiden Putin bagi saya "] == "Xi Jinping"
    assert got["Ini adalah tanda penghorm"] == "Vladimir Putin"
    assert got["pemimpin e-commerce Rusia"] == "Boris Dobrodeev"
    (raw,) = list(read_path(by["000"]))
    assert isinstance(raw, RawArticle)
    first = {q.text[:25]: q.speaker for q in engine.analyze(raw).quotes}
    assert first["dengan tegas menjaga sist"] == "Xi Jinping"
    assert first["masalah-masalah kini yang"] == "Istana Kremlin"


@cache
def _engine() -> Engine:
    return Engine(Settings(progress=False))


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab C"“”,. \nkata ujarnya X')), max_size=200))
def test_never_crashes(text: str) -> None:
    try:
        article = _engine().analyze(RawArticle(content="Judul Contoh Saja\n\n" + text + " selesai."))
    except Exception as exc:
        from kronik.errors import EmptyInputError

        assert isinstance(exc, EmptyInputError)
        return
    for q in article.quotes:
        assert 0 <= q.start <= q.end <= len(article.text)
