"""Parties at their own grain and stories a reader would accept, on hand-built articles.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from kronik.corpus import Chronicle, ChronicleOptions
from kronik.corpus.parties import name_key, party_of
from kronik.lang import Languages
from kronik.model import Actor, Article, Entity, Event, Mention, Source, article_id
from kronik.records import ActorQuery, EventQuery, StoryQuery, TimelineQuery
from kronik.service import Kronik
from kronik.store import Store
from kronik.store.database import migrations

JOKOWI = Actor("Joko Widodo", "person:joko_widodo", "IDN", "GOV")
KPK = Actor("Komisi Pemberantasan Korupsi", "org:IDN-KPK", "IDN", "GOV")
POLDA = Actor("Polda Papua", "local:org:polda_papua", "IDN", "POL")
INDONESIA = Actor("Indonesia", "gpe:IDN", "IDN", "GOV")
POLICE = Actor("polisi", None, "IDN", "POL")


def entity(actor: Actor, text: str) -> Entity:
    at = text.find(actor.name)
    kind = "GPE" if (actor.entity or "").startswith("gpe:") else "PERSON" if "person" in (actor.entity or "") else "ORG"
    mentions = [Mention(actor.name, at, at + len(actor.name))] if at >= 0 else []
    return Entity(actor.entity or "", actor.name, kind, actor.country, actor.sector, mentions=mentions)


def article(text: str, day: str, kind: str, actors: list[Actor], recipients: list[Actor]) -> Article:
    event = Event("e0", kind, actors, recipients, date=day, evidence=text, start=0, end=len(text),
                  quad="VERBAL_COOPERATION", intensity=1.0)
    named = [entity(a, text) for a in (*actors, *recipients) if a.entity]
    return Article(id=article_id(text), source=Source(path=f"{day}.txt", outlet="Contoh"), language="id",
                   title=None, published=date.fromisoformat(day), text=text, sentences=[(0, len(text))],
                   entities=named, events=[event])


@pytest.fixture()
def kronik(tmp_path: Path) -> Kronik:
    return Kronik(db_path=tmp_path / "grain.db")


def chronicle() -> Chronicle:
    languages = Languages.load()
    return Chronicle(ChronicleOptions(), stopwords=lambda code: languages.pack(code).term_stopwords)


def ingest(kronik: Kronik, *articles: Article) -> None:
    with Store.open(kronik.db_path) as store:
        teller = chronicle()
        for item in articles:
            store.write_article(item, on_new=teller.add)


BRIBE_1 = ("Komisi Pemberantasan Korupsi menetapkan Polda Papua sebagai pihak yang diperiksa dalam kasus "
           "suap proyek jalan trans Papua senilai miliaran rupiah.")
BRIBE_2 = ("Penyidik Komisi Pemberantasan Korupsi kembali memeriksa pejabat Polda Papua soal suap proyek jalan "
           "trans Papua; berkas kasus suap itu segera dilimpahkan.")
DAM = "Presiden Joko Widodo meresmikan bendungan baru di Jawa Barat untuk mengairi sawah petani."
TOLL = "Joko Widodo menyerahkan sertifikat tanah kepada warga di Sumatera Utara dalam acara pembagian sertifikat."


def test_a_person_an_institution_and_a_local_name_are_parties_with_their_country() -> None:
    assert party_of(JOKOWI).key == "person:joko_widodo"  # type: ignore[union-attr]
    polda = party_of(POLDA)
    assert polda is not None and (polda.key, polda.grain, polda.country) == ("name:polda_papua", "organisation", "IDN")
    assert party_of(INDONESIA).key == "IDN"  # type: ignore[union-attr]
    assert party_of(POLICE) is None  # a common noun is no party
    assert name_key(" Polda  Papua ") == "name:polda_papua"


def test_every_query_answers_at_every_grain(kronik: Kronik) -> None:
    ingest(kronik, article(BRIBE_1, "2023-05-02", "ACCUSE", [KPK], [POLDA]),
           article(BRIBE_2, "2023-05-09", "ACCUSE", [KPK], [POLDA]),
           article(DAM, "2023-05-03", "SUPPORT", [JOKOWI], []))
    bribery = kronik.stories(StoryQuery(actor="Polda Papua"))
    assert bribery.total == 1 and bribery.items[0].num_events == 2
    assert bribery.items[0].title.startswith("Komisi Pemberantasan Korupsi, Polda Papua: ")
    assert "suap" in bribery.items[0].title
    assert kronik.stories(StoryQuery(actor="KPK")).items[0].id == bribery.items[0].id
    assert kronik.stories(StoryQuery(actor="Joko Widodo")).total == 1
    assert kronik.stories(StoryQuery(actor="IDN")).total == 2  # a country finds its parties' stories
    assert kronik.events(EventQuery(actor="KPK", recipient="Polda Papua")).total == 2
    assert kronik.event_mentions(EventQuery(recipient="Polda Papua", mentions=True)).total == 2
    assert kronik.events(EventQuery(actor="Indonesia")).total == 3
    assert kronik.timeline(TimelineQuery("KPK", "Polda Papua")).total == 2
    listed = {a.key: a for a in kronik.actors(ActorQuery(limit=20)).items}
    assert (listed["name:polda_papua"].name, listed["name:polda_papua"].grain) == ("Polda Papua", "organisation")
    assert listed["name:polda_papua"].country == "IDN" and listed["person:joko_widodo"].grain == "person"
    assert kronik.resolve_actor("polda papua").key == "name:polda_papua"


def test_one_person_on_two_subjects_makes_two_stories(kronik: Kronik) -> None:
    ingest(kronik, article(DAM, "2023-05-03", "SUPPORT", [JOKOWI], []),
           article(TOLL, "2023-05-04", "AID", [JOKOWI], []))
    assert kronik.stories(StoryQuery(actor="Jokowi")).total == 2


def test_no_catch_all_story_for_a_country(kronik: Kronik) -> None:
    subjects = ["banjir", "gempa", "pajak", "vaksin", "pemilu", "sawit", "listrik", "beras", "kereta", "nelayan"]
    items = []
    for i, word in enumerate(subjects):
        person = Actor(f"Budi Santoso{i}", f"local:person:budi_santoso{i}", "IDN", "GOV")
        text = f"Budi Santoso{i} dari Indonesia membahas soal {word} bersama pemerintah daerah pada rapat {word}."
        items.append(article(text, f"2023-{i + 1:02d}-10", "CONSULT", [person, INDONESIA], []))  # apart: no coreference
    ingest(kronik, *items)
    page = kronik.stories(StoryQuery(limit=50))
    assert page.total == len(subjects) and max(s.num_events for s in page.items) == 1
    assert not any(s.title.startswith("Indonesia") for s in page.items)  # titled by the person


def test_common_nouns_start_no_story(kronik: Kronik) -> None:
    ingest(kronik, article("Polisi menangkap dua pencuri sepeda motor di pasar pada malam hari.", "2023-07-01",
                           "COERCE", [POLICE], []))
    assert kronik.events(EventQuery()).total == 1 and kronik.stories(StoryQuery()).total == 0


def test_migration_turns_entity_rows_into_party_keys(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for version, _, sql in migrations():
        if version <= 4:
            conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")
    conn.execute("INSERT INTO chronicle_events(id, type, actors, recipients, participants, evidence, created_at)"
                 " VALUES ('ce-1', 'ACCUSE', '[]', '[]', ' IDN ', '', '2023-01-01')")
    conn.executemany("INSERT INTO chronicle_participants(key, event_id, role) VALUES (?, 'ce-1', 'actor')",
                     [("IDN",), ("gpe:IDN",), ("local:org:polda_papua",)])
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        keys = {r[0] for r in store.conn.execute("SELECT key FROM chronicle_participants")}
    assert keys == {"IDN", "name:polda_papua"}
