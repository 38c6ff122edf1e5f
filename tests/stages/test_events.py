from __future__ import annotations

from pathlib import Path

from kronik import Engine, RawArticle
from kronik.ingest import read_path
from kronik.model import Event


def coded(engine: Engine, body: str, published: str = "2023-05-10") -> list[Event]:
    from datetime import date

    article = engine.analyze(RawArticle(content="Judul Berita Contoh\n\n" + body, published=date.fromisoformat(published)))
    return article.events


def sides(ev: Event) -> tuple[set[str | None], set[str | None]]:
    return {a.country for a in ev.actors}, {a.country for a in ev.recipients}


def test_visit_actor_recipient_date_location(engine: Engine) -> None:
    events = coded(engine, "Presiden Joko Widodo berkunjung ke Jepang pada Senin (8/5) untuk membahas investasi di Tokyo.")
    (ev,) = [e for e in events if e.mode == "visit"]
    assert (ev.type, ev.mode, ev.cameo) == ("CONSULT", "visit", "042")
    assert sides(ev) == ({"IDN"}, {"JPN"})
    assert ev.date == "2023-05-08" and ev.location == "Tokyo" and ev.quad == "VERBAL_COOPERATION"


def test_passive_voice_takes_the_agent_after_oleh(engine: Engine) -> None:
    events = coded(engine, "Nota kesepahaman itu ditandatangani oleh Vladimir Putin dan Xi Jinping di Moskow.")
    assert events and events[0].type == "AGREE"
    assert {a.country for a in events[0].actors} == {"RUS", "CHN"}


def test_the_subject_of_an_undergoer_verb_is_the_recipient(engine: Engine) -> None:
    (ev,) = coded(engine, "Iran kini menghadapi sanksi dari Uni Eropa atas program nuklirnya.")
    assert ev.type == "SANCTION" and ev.background is False
    assert [a.name for a in ev.actors] == ["European Union"] and sides(ev)[1] == {"IRN"}
    (aid,) = coded(engine, "Filipina menerima bantuan Korea Selatan untuk korban banjir.")
    assert (aid.type, sides(aid)) == ("AID", ({"KOR"}, {"PHL"}))
    (en,) = coded(engine, "Venezuela faced new sanctions from the United States on Monday.")
    assert sides(en) == ({"USA"}, {"VEN"})


def test_no_event_without_a_party(engine: Engine) -> None:
    assert coded(engine, "Namun, pengetahuan tambahan diperlukan untuk melakukan penyelidikan yang berhasil.") == []
    assert coded(engine, "Rapat itu digelar di akhir pertemuan dewan gubernur bank sentral Kanada.") == []
    (ev,) = coded(engine, "Ratusan warga menyerang pos polisi di Wamena.")
    assert ev.type == "ASSAULT" and ev.actors[0].name == "Ratusan warga"


def test_a_match_report_has_no_political_events(engine: Engine) -> None:
    body = ("Persija Jakarta menyerang sejak menit awal laga. Pelatih mereka puas karena gol tunggal di babak "
            "kedua membawa tim naik ke puncak klasemen, sementara kiper lawan ditahan wasit.")
    assert coded(engine, body) == []


def test_an_actor_phrase_is_the_noun_and_its_quantity(engine: Engine) -> None:
    (ev,) = coded(engine, "Hingga pukul 09.00 pagi tadi, ribuan demonstran menyerang kantor bupati.")
    assert ev.actors[0].name == "ribuan demonstran"


def test_a_pronoun_subject_is_the_last_person_named(engine: Engine) -> None:
    body = "Perdana Menteri Jepang Fumio Kishida tiba di Jakarta. Namun, ia juga mengecam Korea Utara."
    (ev,) = [e for e in coded(engine, body) if e.type == "ACCUSE"]
    assert sides(ev) == ({"JPN"}, {"PRK"})


def test_negation_reaches_its_own_verb_only(engine: Engine) -> None:
    (ev,) = coded(engine, "Rusia tidak menjelaskan kenapa mereka mendukung Suriah.")
    assert (ev.type, ev.negated) == ("SUPPORT", False)
    (rejected,) = coded(engine, "Rusia tidak akan mendukung resolusi Amerika Serikat.")
    assert rejected.type == "REJECT"


def test_a_scheduled_detention_is_not_a_threat(engine: Engine) -> None:
    events = coded(engine, "Tersangka Andi Wirasena akan ditahan selama 20 hari oleh Komisi Pemberantasan Korupsi.")
    assert [e.type for e in events] == ["COERCE"] and events[0].future


def test_negation_future_and_background(engine: Engine) -> None:
    # a denied conflict event did not happen: nothing is coded
    assert coded(engine, "Rusia tidak mengancam Ukraina dalam pernyataan itu.") == []
    (fut,) = coded(engine, "Amerika Serikat akan menjatuhkan sanksi kepada Iran.")
    # an announced sanction keeps its type and is flagged future; a refusal to cooperate is a rejection
    assert fut.type == "SANCTION" and fut.future and sides(fut) == ({"USA"}, {"IRN"})
    (refusal,) = coded(engine, "Iran tidak akan menyetujui usulan Amerika Serikat.")
    assert refusal.type == "REJECT" and not refusal.negated
    (bg,) = coded(engine, "Rusia saat ini tengah menghadapi sanksi dari Barat.")
    assert bg.background


def test_symmetric_meeting_and_both_sides(engine: Engine) -> None:
    events = coded(engine, "Presiden Prabowo Subianto bertemu Perdana Menteri Anwar Ibrahim di Putrajaya pada Rabu (10/5). "
                           "Pada Kamis (11/5), kedua pemimpin melakukan pembicaraan tentang perbatasan.")
    meeting, talks = events
    assert meeting.type == talks.type == "CONSULT"
    assert sides(meeting) == ({"IDN", "MYS"}, {"IDN", "MYS"})
    assert sides(talks)[0] == {"IDN", "MYS"} and talks.date == "2023-05-11"


def test_mentions_of_one_happening_merge(engine: Engine) -> None:
    events = coded(engine, "Xi Jinping tiba di Moskow dalam rangka kunjungan ke Rusia pada Senin (20/3). "
                           "Kunjungan ini adalah yang pertama sejak 2019.", published="2023-03-21")
    visits = [ev for ev in events if ev.type == "CONSULT"]
    assert len(visits) == 1 and len(visits[0].mentions) == 2


def test_a_conditional_threat_in_a_quote_is_no_report(engine: Engine) -> None:
    events = coded(engine, "“Kami akan menyerang Israel jika perlu,” kata juru bicara Hamas itu.")
    assert all(ev.future and ev.hypothetical for ev in events if ev.type == "ASSAULT")


def test_the_speaker_of_a_quote_is_the_actor_of_kami(engine: Engine) -> None:
    body = ("Kepala Polres Luwu Utara Ajun Komisaris Besar Irwan Sunudin membenarkan kejadian itu. "
            "“Dua terduga pelaku kami tangkap tadi malam di rumah masing-masing,” kata Irwan.")
    (ev,) = [e for e in coded(engine, body) if e.type == "COERCE"]
    assert [(a.sector, a.country) for a in ev.actors] == [("POL", "IDN")]
    assert [(r.name, r.sector) for r in ev.recipients] == [("Dua terduga pelaku", "CRM")]


def test_english(engine: Engine) -> None:
    events = coded(engine, "Israeli troops attacked Palestinian positions in Gaza on Tuesday.")
    assert events and events[0].type == "ASSAULT" and sides(events[0]) == ({"ISR"}, {"PSE"})


def test_seeds(engine: Engine, seeds: list[Path]) -> None:
    by = {p.name[:3]: p for p in seeds}
    (raw,) = list(read_path(by["000"]))
    assert isinstance(raw, RawArticle)
    first = engine.analyze(raw).events
    visit = [ev for ev in first if ev.type == "CONSULT" and ev.mode == "visit"]
    assert visit and sides(visit[0]) == ({"CHN"}, {"RUS"}) and visit[0].date == "2023-03-20"
    talks = [ev for ev in first if ev.type == "CONSULT" and ev.date == "2023-03-21"]
    assert talks and {"CHN", "RUS"} <= sides(talks[0])[0]
    (raw,) = list(read_path(by["004"]))
    assert isinstance(raw, RawArticle)
    article = engine.analyze(raw)
    events = article.events
    assert any(ev.type == "CONSULT" and ev.date == "2019-06-05" for ev in events)
    signed = [ev for ev in events if ev.type == "AGREE"]
    assert any({"CHN", "RUS"} <= sides(ev)[0] and ev.date == "2019-06-05" for ev in signed)
    companies = [{a.name for a in ev.actors} for ev in signed]
    for group in ({"MTS", "Huawei"}, {"Novatek", "Gazprombank", "Sinopec"}, {"Alibaba Group", "MegaFon", "Mail.ru Group"}):
        assert any(group <= names for names in companies), group
    for ev in events:
        assert "Baca" not in ev.evidence and "Bolton" not in ev.evidence
        assert article.text[ev.start : ev.end] == ev.evidence


def test_event_ids_are_unique_within_an_article(engine: Engine) -> None:
    events = coded(engine, "Korea Utara akan menyerang dan akan menjatuhkan sanksi kepada Korea Selatan. "
                           "Korea Utara akan menyerang Korea Selatan.")
    assert len({e.id for e in events}) == len(events)


def test_the_speaker_of_a_report_is_no_party(engine: Engine) -> None:
    events = coded(engine, "Pasukan Israel menyerang kamp pengungsi, kata juru bicara Kementerian Kesehatan Palestina.")
    (ev,) = [e for e in events if e.type == "ASSAULT"]
    assert sides(ev)[0] == {"ISR"} and [r.name for r in ev.recipients] == ["pengungsi"]


def test_unmarked_agents_take_the_country_where_the_story_happens(engine: Engine) -> None:
    (ev,) = [e for e in coded(engine, "Pasukan Israel menyerang kamp pengungsi di Gaza pada Selasa.") if e.type == "ASSAULT"]
    assert sides(ev) == ({"ISR"}, {"PSE"}) and ev.location == "Gaza"
    (home,) = [e for e in coded(engine, "Polisi Indonesia menangkap dua tersangka di Jakarta.") if e.type == "COERCE"]
    assert [(r.name, r.sector, r.country) for r in home.recipients] == [("dua tersangka", "CRM", "IDN")]


def test_an_organisation_does_not_act_on_itself(engine: Engine) -> None:
    events = coded(engine, "Gubernur Bank Indonesia Perry Warjiyo mengumumkan pelonggaran aturan uang muka oleh Bank Indonesia.")
    assert events
    for ev in events:
        assert not {a.entity for a in ev.actors} & {r.entity for r in ev.recipients if r.entity and not r.entity.startswith("gpe:")}
