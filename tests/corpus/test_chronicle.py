"""The chronicle on hand-built articles: duplicates, cross-article events, stories, timelines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kronik.corpus import Chronicle, ChronicleOptions, reportable
from kronik.errors import NotFoundError
from kronik.model import Actor, Article, Event, Source, article_id
from kronik.records import EventQuery, TimelineQuery
from kronik.service import Kronik
from kronik.store import Store

XI = Actor("Xi Jinping", "person:xi", "CHN", "GOV")
PUTIN = Actor("Vladimir Putin", "person:putin", "RUS", "GOV")
JOKOWI = Actor("Joko Widodo", "person:jokowi", "IDN", "GOV")


def make(
    text: str, published: str, events: list[tuple[str, str | None, list[Actor], list[Actor]]],
    outlet: str = "Contoh", mode: str | None = "visit", **flags: bool,
) -> Article:
    coded = [
        Event(f"e{i}", kind, actors, recipients, mode=mode, date=day, evidence=text, start=0, end=len(text),
              quad="VERBAL_COOPERATION", intensity=4.0, **flags)
        for i, (kind, day, actors, recipients) in enumerate(events)
    ]
    return Article(id=article_id(text), source=Source(path=f"{outlet}.txt", outlet=outlet), language="id",
                   title=text[:30], published=date.fromisoformat(published), text=text,
                   sentences=[(0, len(text))], events=coded)


VISIT_2023 = (
    "Presiden Xi Jinping tiba di Moskwa pada Senin untuk kunjungan kenegaraan tiga hari dan bertemu "
    "Presiden Vladimir Putin di Kremlin untuk membahas perdagangan, energi dan perang di Ukraina."
)
VISIT_2023_OTHER_OUTLET = (
    "Kunjungan kenegaraan Xi ke Moskwa dimulai hari ini; pemimpin China itu disambut Putin di Kremlin "
    "dan keduanya dijadwalkan membahas kerja sama energi."
)
SUMMIT_2019 = (
    "Putin menjamu Xi Jinping di Kremlin pada Rabu; kedua pemimpin menandatangani pernyataan bersama "
    "tentang kemitraan strategis dan membahas perdagangan."
)
JAKARTA = "Presiden Joko Widodo meresmikan bendungan baru di Jawa Barat pada Kamis pagi bersama warga."


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "chronicle.db")


@pytest.fixture()
def chronicle() -> Chronicle:
    return Chronicle(ChronicleOptions())


def ingest(store: Store, chronicle: Chronicle, *articles: Article) -> list:
    return [store.write_article(a, on_new=chronicle.add).notes for a in articles]


def test_same_visit_from_two_outlets_is_one_event(store: Store, chronicle: Chronicle) -> None:
    ingest(
        store, chronicle,
        make(VISIT_2023, "2023-03-20", [("CONSULT", "2023-03-20", [XI], [PUTIN])], outlet="A"),
        make(VISIT_2023_OTHER_OUTLET, "2023-03-21", [("CONSULT", "2023-03-21", [XI], [PUTIN])], outlet="B"),
    )
    page = store.list_chronicle_events()
    assert page.total == 1
    event = page.items[0]
    assert (event.num_articles, event.num_sources, event.num_mentions) == (2, 2, 2)
    assert (event.date, event.date_last) == (date(2023, 3, 20), date(2023, 3, 21))
    assert (event.first_report, event.last_report) == (date(2023, 3, 20), date(2023, 3, 21))
    detail = store.get_chronicle_event(event.id)
    assert {(m.title or "")[:10] for m in detail.mentions} == {VISIT_2023[:10], VISIT_2023_OTHER_OUTLET[:10]}


def test_syndicated_copy_is_linked_and_counted_once(store: Store, chronicle: Chronicle) -> None:
    original = make(VISIT_2023, "2023-03-20", [("CONSULT", "2023-03-20", [XI], [PUTIN])], outlet="Wire")
    copy = make(VISIT_2023 + " (Antara)", "2023-03-20", [("CONSULT", "2023-03-20", [XI], [PUTIN])],
                outlet="Portal")
    (_, [report]) = ingest(store, chronicle, original, copy)
    assert report.duplicate_of == original.id and report.similarity >= 0.8
    event = store.list_chronicle_events().items[0]
    assert (event.num_articles, event.num_sources, event.num_mentions) == (1, 2, 2)
    related = store.related_articles(copy.id)
    assert related[0].id == original.id and related[0].reason.startswith("near-duplicate")


def test_summits_years_apart_are_two_events_of_one_story(store: Store, chronicle: Chronicle) -> None:
    ingest(
        store, chronicle,
        make(SUMMIT_2019, "2019-06-05", [("CONSULT", "2019-06-05", [XI, PUTIN], [XI, PUTIN])], mode=None),
        make(VISIT_2023, "2023-03-20", [("CONSULT", "2023-03-20", [XI], [PUTIN])]),
        make(JAKARTA, "2023-03-23", [("SUPPORT", "2023-03-23", [JOKOWI], [])]),
    )
    assert store.list_chronicle_events().total == 3
    stories = store.list_stories(actor="RUS")
    assert stories.total == 1
    story = Kronik(db_path=store.path).story(stories.items[0].id)
    assert [e.date for e in story.events] == [date(2019, 6, 5), date(2023, 3, 20)]
    assert len(story.articles) == 2 and story.participants == ["person:putin", "person:xi"]  # parties at their grain
    assert [p.month for p in story.timeline] == ["2019-06", "2023-03"]
    # a later summit joins the same story; the story id does not change
    ingest(store, chronicle, make("Putin tiba di Beijing untuk bertemu Xi Jinping membahas perdagangan.",
                                  "2024-05-16", [("CONSULT", "2024-05-16", [PUTIN], [XI])]))
    again = store.list_stories(actor="CHN")
    assert again.total == 1 and again.items[0].id == stories.items[0].id
    assert again.items[0].num_events == 3


def test_one_article_keeps_its_two_events_apart(store: Store, chronicle: Chronicle) -> None:
    ingest(store, chronicle, make(VISIT_2023, "2023-03-20", [
        ("CONSULT", "2023-03-20", [XI], [PUTIN]), ("CONSULT", "2023-03-21", [XI, PUTIN], [XI, PUTIN]),
    ]))
    assert store.list_chronicle_events().total == 2


def test_negated_future_and_background_events_stay_out(store: Store, chronicle: Chronicle) -> None:
    future = make(VISIT_2023, "2023-03-20", [("CONSULT", "2023-03-25", [XI], [PUTIN])], future=True)
    assert not reportable(future.events[0])
    ingest(store, chronicle, future)
    assert store.list_chronicle_events().total == 0
    assert store.list_events().total == 1  # still stored with its article


def test_timeline_and_filters(store: Store, chronicle: Chronicle, tmp_path: Path) -> None:
    ingest(
        store, chronicle,
        make(SUMMIT_2019, "2019-06-05", [("CONSULT", "2019-06-05", [XI], [PUTIN])]),
        make(VISIT_2023, "2023-03-20", [("CONSULT", "2023-03-20", [XI], [PUTIN])]),
    )
    kronik = Kronik(db_path=store.path)
    line = kronik.timeline(TimelineQuery("Tiongkok", "RUS"))
    assert [p.month for p in line.months] == ["2019-06", "2023-03"]
    assert line.months[0].counts["VERBAL_COOPERATION"] == 1 and line.months[0].mean_intensity == 4.0
    assert kronik.timeline(TimelineQuery("person:xi", "person:putin")).events  # KB actors work too
    assert kronik.timeline(TimelineQuery("CHN", "IDN")).events == []
    assert kronik.events(EventQuery(actor="chn", date_from=date(2023, 1, 1))).total == 1
    assert kronik.events(EventQuery(recipient="China")).total == 0
    assert kronik.events(EventQuery(text="Kremlin")).total == 2
    out = tmp_path / "chronicle.csv"
    with out.open("wb") as fh:
        assert kronik.export("chronicle", "csv", fh) == 2
    assert "num_articles" in out.read_text(encoding="utf-8").splitlines()[0]
    with pytest.raises(NotFoundError):
        store.get_story("st-missing")
    with pytest.raises(NotFoundError):
        store.related_articles("0000")


def test_story_vocabulary_does_not_depend_on_hash_order(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = (
        "import sys; from pathlib import Path; from kronik.service import Kronik, StoryQuery;"
        "k = Kronik(db_path=Path(sys.argv[1]));"
        "k.ingest(k.analyze_paths([sys.argv[2]]));"
        "print([s.terms for s in k.stories(StoryQuery()).items])"
    )
    examples = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    outputs = {
        subprocess.run([sys.executable, "-c", script, str(tmp_path / f"{seed}.db"), str(examples)],
                       env={"PYTHONHASHSEED": seed, "PATH": ""}, capture_output=True, text=True, check=True).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
