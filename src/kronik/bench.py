"""``kronik bench``: throughput and memory of the full pipeline on a real corpus.

Results go to a JSON file (never asserted in timed tests). Peak memory is the process's maximum
resident set size.
"""

from __future__ import annotations

import copy
import itertools
import json
import platform
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from kronik import __version__
from kronik.config import Settings
from kronik.engine import StageTimings
from kronik.errors import KronikError
from kronik.ingest import read_inputs
from kronik.model import Article, RawArticle
from kronik.service import Kronik

__all__ = ["current_rss_mb", "load_corpus", "peak_rss_mb", "run_bench", "scale_bench", "synthetic_corpus"]


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def load_corpus(corpus: Path, limit: int | None = None) -> list[RawArticle]:
    """Up to ``limit`` readable articles under ``corpus`` (IndoSum JSONL is detokenised)."""
    items = (x for x in read_inputs([corpus]) if isinstance(x, RawArticle))
    return list(itertools.islice(items, limit))


def run_bench(
    corpus: Path, *, limit: int = 1000, output: Path | None = None, scales: tuple[int, ...] = ()
) -> dict[str, Any]:
    """Analyse ``limit`` articles of ``corpus`` and report articles/s, MB/s, peak memory."""
    articles = load_corpus(corpus, limit)
    if not articles:
        raise KronikError(f"{corpus}: no readable articles to benchmark")
    kronik = Kronik(Settings(progress=False))
    engine = kronik.engine
    start = time.perf_counter()
    warm = engine.analyze(articles[0])  # loads resources once; reported separately
    startup = time.perf_counter() - start
    total_bytes = sum(len(raw.content.encode("utf-8")) for raw in articles)
    failures = 0
    sentences = 0
    timings = StageTimings({stage.name: 0.0 for stage in engine.pipeline})
    start = time.perf_counter()
    for outcome in engine.analyze_many(articles, on_stage=timings):
        if outcome.article is None:
            failures += 1
        else:
            sentences += len(outcome.article.sentences)
    elapsed = time.perf_counter() - start
    result: dict[str, Any] = {
        "kronik": __version__,
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpu": platform.machine(), "system": platform.system()},
        "corpus": str(corpus),
        "articles": len(articles),
        "failures": failures,
        "startup_seconds": round(startup, 3),
        "seconds": round(elapsed, 3),
        "articles_per_second": round(len(articles) / elapsed, 2),
        "sentences_per_second": round(sentences / elapsed, 1),
        "mb_per_second": round(total_bytes / 1e6 / elapsed, 3),
        "ms_per_article_by_stage": {k: round(1000 * v / len(articles), 3) for k, v in timings.seconds.items()},
        "peak_memory_mb": peak_rss_mb(),
        "first_article_sentences": len(warm.sentences),
    }
    if scales:
        result["chronicle_scaling"] = scale_bench(kronik, articles, scales)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


def current_rss_mb() -> float:
    """Resident memory of this process now, in MiB (Linux; peak elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return peak_rss_mb()
    return round(pages * resource.getpagesize() / (1024 * 1024), 1)


def synthetic_corpus(base: list[Article], size: int) -> Iterator[Article]:
    """``size`` articles built from analysed ``base`` articles: the originals, then copies.

    Copy ``k`` of an article is a dated copy: its publication and event dates move ``35 * k`` days
    later and a line naming the copy ends its text (new id, same offsets). Copies are near-duplicates
    of their original by construction, and their events open new chronicle events (outside the
    coreference window) that join the original's stories — the workload of a growing archive.
    """
    for i in range(size):
        original = base[i % len(base)]
        k = i // len(base)
        if k == 0:
            yield original
            continue
        article = copy.deepcopy(original)
        shift = timedelta(days=35 * k)
        article.text = f"{article.text}\n\n(salinan {k})"
        article.id = f"{original.id[:8]}{k:08x}"
        if article.published:
            article.published += shift
        for event in article.events:
            day = _iso_day(event.date)
            if day:
                event.date = (day + shift).isoformat()
        yield article


def _iso_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def scale_bench(kronik: Kronik, raws: list[RawArticle], scales: tuple[int, ...]) -> list[dict[str, Any]]:
    """Chronicle ingest (store write, near-duplicates, event coreference, stories) at each scale.

    The real articles are analysed once; larger scales reuse them as dated copies
    (:func:`synthetic_corpus`), so the numbers measure the chronicle, not the analysis.
    """
    from kronik.store import Store

    base = [result.article for result in kronik.analyze(raws) if result.article is not None]
    results = []
    with tempfile.TemporaryDirectory(prefix="kronik-bench-") as tmp:
        for size in sorted(scales):
            db = Path(tmp) / f"scale-{size}.db"
            start = time.perf_counter()
            with kronik.for_database(db) as scaled:
                summary = scaled.ingest_articles(synthetic_corpus(base, size))
            elapsed = time.perf_counter() - start
            with Store.open(db, readonly=True) as store:
                counts = {table: store.count(table) for table in ("articles", "events", "chronicle_events", "stories")}
            results.append({
                "articles": size,
                "base_articles": len(base),
                "seconds": round(elapsed, 2),
                "articles_per_second": round(size / elapsed, 1),
                "near_duplicates": summary.near_duplicates,
                "events_merged": summary.merged_events,
                "rss_mb": current_rss_mb(),
                "peak_memory_mb": peak_rss_mb(),
                "db_mb": round(db.stat().st_size / 1e6, 1),
                **{f"{table}_stored": n for table, n in counts.items()},
            })
    return results
