from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from kronik.cli import main
from kronik.errors import NotFoundError, StoreError
from kronik.model import Actor, Article, Event, Source, article_id
from kronik.records import ArticleQuery, EventQuery
from kronik.service import Kronik
from kronik.store import SCHEMA_VERSION, Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def article(body: str, path: str = "a.txt", outlet: str = "Contoh") -> Article:
    text = body
    ev = Event("e1", "CONSULT", [Actor("Xi Jinping", "person:xi", "CHN", "GOV")],
               [Actor("Rusia", "gpe:RUS", "RUS", "GOV")], date="2023-03-20",
               evidence=text, start=0, end=len(text), quad="VERBAL_COOPERATION")
    return Article(id=article_id(text), source=Source(path=path, outlet=outlet), language="id",
                   title="Judul", text=text, sentences=[(0, len(text))], events=[ev])


def test_schema_version_and_idempotent_writes(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with Store.open(db) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        first = store.write_article(article("Xi tiba di Moskow untuk kunjungan kenegaraan."))
        again = store.write_article(article("Xi tiba di Moskow untuk kunjungan kenegaraan.", path="b.txt"))
        assert first.new and not again.new and again.sources == 2
        assert store.count_articles() == 1
        got = store.get_article(first.article_id)
        assert got.article.title == "Judul" and len(got.sources) == 2
        assert got.to_dict()["sources"][0]["path"] == "a.txt"
        with pytest.raises(NotFoundError):
            store.get_article("0000000000000000")


def test_search_events_and_injection(tmp_path: Path) -> None:
    with Store.open(tmp_path / "k.db") as store:
        store.write_article(article("Xi tiba di Moskow untuk kunjungan kenegaraan."))
        store.write_article(article("Banjir melanda Jakarta Utara sejak pagi.", path="c.txt"))
        assert store.search_articles(ArticleQuery("Moskow")).total == 1
        assert store.search_articles(ArticleQuery('Moskow" OR "x')).total == 0  # quoted words, no operators
        assert store.search_articles(ArticleQuery("'; DROP TABLE articles; --")).total == 0
        assert store.count_articles() == 2
        assert store.list_events(EventQuery(actor="CHN", recipient="RUS")).total == 2
        assert store.list_events(EventQuery(actor="RUS")).total == 0
        assert store.list_events(EventQuery(type="CONSULT", text="Moskow")).total == 1
        assert store.list_events(EventQuery(actor="person:xi")).total == 2


def test_readonly_and_reader_during_writes(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with Store.open(db) as store:
        store.write_article(article("Artikel pertama tentang pelabuhan."))
    with Store.open(db, readonly=True) as reader, pytest.raises(StoreError, match="read-only"):
        reader.write_article(article("tidak boleh"))
    errors: list[BaseException] = []

    def read_many() -> None:
        try:
            with Store.open(db, readonly=True) as reader:
                for _ in range(50):
                    reader.search_articles(ArticleQuery("pelabuhan"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=read_many) for _ in range(3)]
    for t in threads:
        t.start()
    with Store.open(db) as writer:
        for i in range(30):
            writer.write_article(article(f"Artikel nomor {i} tentang pelabuhan baru.", path=f"{i}.txt"))
    for t in threads:
        t.join()
    assert not errors


def test_migration_from_empty_and_newer_schema_refused(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    sqlite3.connect(db).close()
    with Store.open(db) as store:
        assert store.count_articles() == 0
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(db)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "json"])
def test_export(tmp_path: Path, fmt: str) -> None:
    with Store.open(tmp_path / "k.db") as store:
        store.write_article(article("Xi tiba di Moskow untuk kunjungan kenegaraan."))
    kronik = Kronik(db_path=tmp_path / "k.db")
    out = tmp_path / f"events.{fmt}"
    with out.open("wb") as fh:
        assert kronik.export("events", fmt, fh) == 1
    with (tmp_path / f"a.{fmt}").open("wb") as fh:
        assert kronik.export("articles", fmt, fh) == 1
    if fmt == "jsonl":
        row = json.loads(out.read_text().splitlines()[0])
        assert row["actor_countries"] == "CHN" and row["type"] == "CONSULT"
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(out).num_rows == 1


def test_cli_ingest_show_events_export(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "k.db")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    first = runner.invoke(main, ["ingest", str(EXAMPLES), str(bad), "--db", db])
    assert first.exit_code == 1 and "bad.txt" in first.output and "6 new" in first.output
    second = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", db])
    assert second.exit_code == 0 and "0 new" in second.output and "6 already stored" in second.output
    with Store.open(Path(db), readonly=True) as store:
        some_id = store.search_articles().items[0].id
    shown = runner.invoke(main, ["show", some_id, "--db", db])
    assert shown.exit_code == 0 and json.loads(shown.output)["id"] == some_id
    missing = runner.invoke(main, ["show", "ffffffffffffffff", "--db", db])
    assert missing.exit_code == 1 and "no article" in missing.output
    assert runner.invoke(main, ["events", "--db", db, "--json"]).exit_code == 0
    out = tmp_path / "a.csv"
    exported = runner.invoke(main, ["export", "--db", db, "--what", "articles", "--format", "csv", "-o", str(out)])
    assert exported.exit_code == 0 and out.read_text().count("\n") >= 7
