"""The library service: one :class:`Kronik` session under the CLI and the API.

A session holds the settings, the engine (built on first use), the knowledge base, the chronicle
and the store, and offers every job as one typed method: analyse, ingest, query articles,
events, stories, timelines, related articles and actors, export. The faces only parse a request
into a query record, call one method, and render the record it returns.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, cast

from kronik.config import Settings
from kronik.corpus import Chronicle, ChronicleOptions, IngestReport
from kronik.engine import Engine, Failure, Result, StageHook
from kronik.errors import InputError, KronikError
from kronik.formats import output_format
from kronik.ingest import read_inputs
from kronik.kb import KnowledgeBase
from kronik.model import Article, RawArticle
from kronik.ontology import Ontology
from kronik.service.checks import Vocabulary, check_choice
from kronik.service.export import EXPORT_KINDS, ExportKind, export_columns, export_rows
from kronik.service.ingest import Ingested, IngestSummary
from kronik.service.reads import Reads
from kronik.store import Store, needs_migration

__all__ = ["Kronik"]


class Kronik(Reads):
    """One session: ``Kronik(settings, db_path=...)``; close it (or use ``with``) when done.

    Thread-safe: reads open their own read-only connection (WAL: readers never wait for the
    writer), writes share one connection behind a lock, and the engine is built once.
    """

    def __init__(self, settings: Settings | None = None, *, db_path: Path | str | None = None) -> None:
        self.settings = settings or Settings(progress=False)
        self.db_path = Path(db_path) if db_path is not None else self.settings.db_path
        self._engine: Engine | None = None
        self._chronicle: Chronicle | None = None
        self._vocabulary: Vocabulary | None = None
        self._writer: Store | None = None
        self._schema_checked = False
        self._build_lock = threading.RLock()  # the vocabulary asks for the engine
        self._write_lock = threading.Lock()

    def for_database(self, db_path: Path | str) -> Kronik:
        """A session over another database sharing this one's settings, engine and KB."""
        other = Kronik(self.settings, db_path=db_path)
        other._engine, other._vocabulary = self._engine, self._vocabulary
        return other

    # -- the parts, built on first use ------------------------------------------------------
    @property
    def engine(self) -> Engine:
        """The analysis engine of these settings."""
        with self._build_lock:
            if self._engine is None:
                self._engine = Engine(self.settings)
            return self._engine

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base (packaged data plus ``settings.kb_paths``), loaded once."""
        return self.engine.resources.kb

    @property
    def vocabulary(self) -> Vocabulary:
        """The event types, modes and quad classes a query may name."""
        with self._build_lock:
            if self._vocabulary is None:
                self._vocabulary = Vocabulary.load(Ontology.load(), self.engine.resources.languages)
            return self._vocabulary

    def _chronicle_of(self) -> Chronicle:
        if self._chronicle is None:
            s = self.settings
            options = ChronicleOptions(s.dedup_threshold, s.event_window_days, s.story_gap_days)
            languages = self.engine.resources.languages
            stopwords = {pack.code: pack.term_stopwords for pack in languages.all()}
            self._chronicle = Chronicle.with_kb(options, self.kb, lambda code: stopwords[languages.family(code)])
        return self._chronicle

    # -- the store ------------------------------------------------------------------------------
    def open_store(self) -> None:
        """Create the database, or migrate it to this kronik's schema."""
        Store.open(self.db_path).close()
        self._schema_checked = True

    @contextmanager
    def reading(self) -> Iterator[Store]:
        """A read-only store for one read (an older schema is migrated first, once)."""
        if not self._schema_checked:
            if needs_migration(self.db_path):
                self.open_store()
            self._schema_checked = True
        with Store.open(self.db_path, readonly=True) as store:
            yield store

    def close(self) -> None:
        """Close the writer, if one is open."""
        with self._write_lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None

    def __enter__(self) -> Kronik:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- analysing ------------------------------------------------------------------------------
    def read(self, paths: Sequence[str]) -> Iterator[RawArticle | InputError]:
        """Every article under ``paths`` (files, directories, JSON Lines, ``-`` for stdin)."""
        return read_inputs(paths or ("-",), max_bytes=self.settings.max_input_bytes)

    def analyze(
        self, items: Iterable[RawArticle | InputError], *, on_stage: StageHook | None = None
    ) -> Iterator[Result]:
        """Analyse a stream; a bad article becomes a failed :class:`Result`, never an exception
        (unless ``settings.fail_fast``)."""
        return self.engine.analyze_many(items, on_stage=on_stage)

    def analyze_paths(self, paths: Sequence[str], *, scheduler: str | None = None) -> Iterator[Result]:
        """Analyse every article under ``paths``, in this process or on Dask (``scheduler``:
        processes, threads, or a cluster address ``tcp://host:8786``)."""
        if not scheduler:
            yield from self.analyze(self.read(paths))
            return
        from kronik.distributed import analyze_distributed

        for outcome in analyze_distributed(paths or (".",), self.settings, scheduler=scheduler):
            if outcome.article is not None:
                yield Result(article=Article.from_dict(outcome.article))
            else:
                yield Result(failure=Failure(outcome.path, KronikError(outcome.error or "failed")))

    # -- ingesting ------------------------------------------------------------------------------
    def ingest(self, results: Iterable[Result], *, on_item: Callable[[Ingested], None] | None = None) -> IngestSummary:
        """Store analysed articles and link each new one into the chronicle (near-duplicates,
        cross-article events, stories) in the same transaction; idempotent by content hash."""
        summary = IngestSummary()
        with self._write_lock:
            if self._writer is None:
                self._writer = Store.open(self.db_path)
            chronicle = self._chronicle_of()
            for result in results:
                summary.read += 1
                if result.failure is not None or result.article is None:
                    summary.failures.append(result.failure or Failure(None, KronikError("no article")))
                    continue
                try:
                    written = self._writer.write_article(result.article, on_new=chronicle.add)
                except KronikError as exc:
                    summary.failures.append(Failure(result.article.source.path, exc))
                    continue
                item = _ingested(written.article_id, written.new, written.sources, written.notes)
                summary.count(item)
                if on_item is not None:
                    on_item(item)
            summary.stored = self._writer.count_articles()
        return summary

    def ingest_articles(
        self, articles: Iterable[Article], *, on_item: Callable[[Ingested], None] | None = None
    ) -> IngestSummary:
        """:meth:`ingest` for articles analysed already."""
        return self.ingest((Result(article=a) for a in articles), on_item=on_item)

    # -- export ---------------------------------------------------------------------------------
    def export(self, what: str, fmt: str, out: BinaryIO) -> int:
        """Write ``what`` (articles, events or chronicle) in format ``fmt`` to ``out``; the row count."""
        kind = cast(ExportKind, check_choice(what, EXPORT_KINDS, "export kind"))
        writer = output_format(fmt, "rows")
        with self.reading() as store:
            return writer.write(export_rows(store, kind), out, "rows", export_columns(kind))


def _ingested(article_id: str, new: bool, sources: int, notes: list[IngestReport]) -> Ingested:
    report = notes[0] if notes else None
    if report is None:
        return Ingested(article_id, new, sources)
    return Ingested(article_id, new, sources, report.duplicate_of, report.new_events, report.merged_events)
