"""The clause grammar of Indonesian news on hand-written sentences (the project's own examples)."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kronik import Engine, RawArticle
from kronik.errors import EmptyInputError
from kronik.model import Event


def coded(engine: Engine, body: str) -> list[Event]:
    raw = RawArticle(content=body, published=date(2021, 3, 4))
    return engine.analyze(raw).events


def only(events: list[Event], kind: str) -> Event:
    (event,) = [e for e in events if e.type == kind]
    return event


def party(actors: list) -> list[tuple[str | None, str | None]]:  # type: ignore[type-arg]
    return [(a.sector, a.country) for a in actors]


def test_a_passive_takes_its_agent_right_after_the_verb(engine: Engine) -> None:
    ev = only(coded(engine, "DEPOK, KOMPAS — Dua pemuda ditangkap polisi di Depok pada Senin malam."), "COERCE")
    assert ev.mode == "arrest" and party(ev.actors) == [("POL", "IDN")]
    assert [(r.name, r.sector) for r in ev.recipients] == [("Dua pemuda", "CRM")]


def test_an_agentless_passive_is_the_work_of_the_story_s_police(engine: Engine) -> None:
    body = ("BOGOR, KOMPAS — Polres Bogor menyelidiki kasus pencurian sepeda motor di Cibinong. "
            "Seorang tersangka diamankan di rumahnya pada Selasa dini hari.")
    ev = only(coded(engine, body), "COERCE")
    assert [a.name for a in ev.actors] == ["Polres Bogor"] and ev.recipients[0].sector == "CRM"


def test_a_suspect_named_by_the_kpk_is_charged(engine: Engine) -> None:
    body = "JAKARTA, KOMPAS — Bupati Lembah Hijau Ahmad Santoso ditetapkan sebagai tersangka oleh KPK."
    ev = only(coded(engine, body), "ACCUSE")
    assert ev.mode == "charge" and [a.name for a in ev.actors] == ["Komisi Pemberantasan Korupsi"]
    assert party(ev.recipients) == [("GOV", "IDN")]  # a regent stays GOV as a suspect


def test_a_light_verb_carries_a_nominal_trigger(engine: Engine) -> None:
    ev = only(coded(engine, "Satpol PP melakukan penyegelan terhadap tiga tempat usaha di Kota Malang."), "COERCE")
    assert party(ev.actors) == [("GOV", "IDN")]


def test_reported_speech_credits_the_speaker_s_side(engine: Engine) -> None:
    body = ("YOGYAKARTA, KOMPAS — Kepala Polres Bantul Ajun Komisaris Besar Wachyu Sulistiyono mengatakan, "
            "pihaknya telah menangkap dua tersangka pengeroyokan.")
    ev = only(coded(engine, body), "COERCE")
    assert party(ev.actors) == [("POL", "IDN")] and ev.recipients[0].sector == "CRM"


def test_the_object_picks_the_sense(engine: Engine) -> None:
    assert not [e for e in coded(engine, "Warga membakar sampah di halaman rumah.") if e.type == "ASSAULT"]
    assert only(coded(engine, "Ratusan orang membakar rumah kepala desa di Maluku Tengah."), "ASSAULT")
    assert only(coded(engine, "Petugas melepaskan tembakan ke arah kerumunan."), "ASSAULT")
    assert only(coded(engine, "Pemerintah melepaskan dua tahanan politik."), "CONCEDE").mode == "release"


def test_denials_obligations_hopes_and_purposes_are_no_reports(engine: Engine) -> None:
    assert coded(engine, "Polisi tidak menahan wartawan itu.") == []
    assert coded(engine, "Polisi harus segera menangkap pelaku pembakaran.") == []
    assert coded(engine, "Gubernur berharap pelaku segera ditangkap.") == []
    assert coded(engine, "Aparat datang untuk menangkap para pelaku.") == []


def test_a_request_names_whom_it_asks(engine: Engine) -> None:
    ev = only(coded(engine, "Bupati Sleman meminta warga tidak mudik tahun ini."), "REQUEST")
    assert party(ev.actors) == [("GOV", "IDN")] and [r.name for r in ev.recipients] == ["warga"]


def test_a_court_finds_liable(engine: Engine) -> None:
    ev = only(coded(engine, "Majelis hakim Pengadilan Negeri Surabaya memvonis terdakwa tiga tahun penjara."), "ACCUSE")
    assert ev.mode == "find liable" and party(ev.actors) == [("JUD", "IDN")]


def test_unmarked_agents_belong_to_the_dateline_s_country(engine: Engine) -> None:
    ev = only(coded(engine, "KUALA LUMPUR, KOMPAS — Polisi menangkap tiga orang di Selangor."), "COERCE")
    assert party(ev.actors) == [("POL", "MYS")]


def test_a_topic_is_no_happening(engine: Engine) -> None:
    assert coded(engine, "Ia berbicara panjang tentang penangkapan itu.") == []


def test_an_office_gives_the_sector(engine: Engine) -> None:
    ev = only(coded(engine, "Ketua DPRD Jambi Edi Purwanto mengkritik Gubernur Jambi."), "ACCUSE")
    assert party(ev.actors) == [("LEG", "IDN")] and party(ev.recipients) == [("GOV", "IDN")]


def test_a_protest_implies_its_protesters(engine: Engine) -> None:
    ev = only(coded(engine, "Unjuk rasa menolak kenaikan harga BBM berlangsung di depan Gedung DPRD Jawa Barat."),
              "PROTEST")
    assert party(ev.actors) == [("CVL", "IDN")]


_WORDS = ["polisi", "menangkap", "ditangkap", "oleh", "KPK", "kami", "tangkap", "yang", "dan", ",", ".", "tidak",
          "akan", "meminta", "agar", "warga", "penangkapan", "itu", "tersebut", "Kapolres", "Bogor", "Budi",
          "Santoso", "kedua", "pihak", "bertemu", "di", "Jakarta", "pihaknya", "untuk", "“", "”", "kata", "Ia",
          "mereka", "penyerangan", "membakar", "rumah", "unjuk", "rasa", "sanksi", "dinonaktifkan", "-nya"]


def test_a_verdict_verb_gives_the_passive_clause_its_judge(engine: Engine) -> None:
    ev = only(coded(engine, "Majelis hakim Pengadilan Negeri Sleman memutuskan Rudi terbukti bersalah menggelapkan dana desa."), "ACCUSE")
    assert ev.mode == "find liable" and party(ev.actors) == [("JUD", "IDN")]
    assert [r.name for r in ev.recipients] == ["Rudi"]


def test_a_verb_after_dan_shares_the_first_verb_s_subject_not_its_object(engine: Engine) -> None:
    ev = only(coded(engine, "Seorang pria memasuki rumah warga dan melepaskan tembakan ke arah polisi."), "ASSAULT")
    assert [a.name for a in ev.actors] == ["Seorang pria"]


def test_the_speaker_of_a_quote_does_what_the_saat_clause_says(engine: Engine) -> None:
    body = '"Warga di sini sangat ramah," kata Gubernur Jawa Tengah Ganjar Pranowo, saat berkunjung ke Markas Polres Pati, Senin.'
    ev = only(coded(engine, body), "CONSULT")
    assert [a.name for a in ev.actors] == ["Ganjar Pranowo"]


def test_generic_and_forbidden_acts_are_no_events(engine: Engine) -> None:
    for body in ("Setiap orang yang menyerang petugas dapat dipidana lima tahun.",
                 "Peserta tidak boleh berkumpul dan dibubarkan polisi bila melanggar.",
                 "Virus baru itu menyerang jaringan komputer milik sejumlah bank.",
                 "Polisi masih menyelidiki apakah pelaku pernah berkunjung ke Malaysia.",
                 "Sudah puluhan kali kelompok itu menyerang pos polisi di perbatasan.",
                 "Para peretas biasanya mengirim surel ancaman kepada pejabat militer."):
        assert not [e for e in coded(engine, body) if e.type in ("ASSAULT", "COERCE", "CONSULT", "THREATEN")], body


def test_names_inside_a_document_title_and_currencies_are_no_parties(engine: Engine) -> None:
    ev = only(coded(engine, "Para menteri ASEAN menandatangani Deklarasi Jakarta tentang Kerja Sama Maritim."), "AGREE")
    assert "Jakarta" not in [p.name for p in ev.actors + ev.recipients]


def test_an_investigation_of_the_case_is_about_its_perpetrators(engine: Engine) -> None:
    body = ("WAMENA, KOMPAS — Sekelompok orang tak dikenal membakar rumah Ketua KPU Yahukimo pada Sabtu malam. "
            "Saat ini, jajaran Polres Yahukimo masih menyelidiki kasus tersebut.")
    ev = only(coded(engine, body), "ACCUSE")
    assert ev.mode == "investigate" and [r.sector for r in ev.recipients] == ["CRM"]


def test_a_protest_addresses_where_it_gathers_or_the_law_it_opposes(engine: Engine) -> None:
    ev = only(coded(engine, "Di DPRD Kota Bekasi, ratusan mahasiswa berunjuk rasa secara damai."), "PROTEST")
    assert party(ev.recipients) == [("LEG", "IDN")] and ev.actors
    ev = only(coded(engine, "Ribuan buruh menggelar unjuk rasa menolak Rancangan Undang-Undang Cipta Kerja."), "PROTEST")
    assert party(ev.recipients) == [("GOV", "IDN")]


def test_a_bare_attack_with_no_party_is_no_event(engine: Engine) -> None:
    assert not coded(engine, "Sejumlah negara mengaku sudah lama dilanda serangan serupa sejak bertahun-tahun lalu.")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40))
def test_any_word_salad_codes_without_failing(engine: Engine, words: list[str]) -> None:
    try:
        events = coded(engine, "Judul Berita\n\n" + " ".join(words))
    except EmptyInputError:  # nothing left after cleaning: a clear input error, not a failure
        return
    for ev in events:
        assert ev.type and 0 <= ev.start <= ev.end


def test_a_label_in_a_relative_clause_is_no_support(engine: Engine) -> None:
    events = coded(engine, "Pasukan pemerintah menggempur kelompok pemberontak yang didukung Amerika Serikat.")
    assert [e.type for e in events] == ["ASSAULT"]
