"""``kronik bench``: throughput and memory of the full pipeline on a real corpus.

Results go to a JSON file (never asserted in timed tests). Peak memory is the process's maximum
resident set size.
"""

from __future__ import annotations

import itertools
import json
import platform
import resource
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kronik import __version__
from kronik.config import Settings
from kronik.engine import Engine
from kronik.errors import KronikError
from kronik.ingest import read_inputs
from kronik.model import RawArticle

__all__ = ["load_corpus", "peak_rss_mb", "run_bench"]


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
    engine = Engine(Settings(progress=False))
    start = time.perf_counter()
    warm = engine.analyze(articles[0])  # loads resources once; reported separately
    startup = time.perf_counter() - start
    total_bytes = 0
    failures = 0
    sentences = 0
    per_stage: dict[str, float] = {stage.name: 0.0 for stage in engine.pipeline}
    start = time.perf_counter()
    for raw in articles:
        total_bytes += len(raw.content.encode("utf-8"))
        try:
            article = engine.prepare(raw)
            for stage in engine.pipeline:
                t0 = time.perf_counter()
                article = stage(article)
                per_stage[stage.name] += time.perf_counter() - t0
            sentences += len(article.sentences)
        except Exception:
            failures += 1
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
        "ms_per_article_by_stage": {k: round(1000 * v / len(articles), 3) for k, v in per_stage.items()},
        "peak_memory_mb": peak_rss_mb(),
        "first_article_sentences": len(warm.sentences),
    }
    if scales:
        from kronik.corpus.scaling import scale_bench

        result["chronicle_scaling"] = scale_bench(corpus, scales)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result
