"""``kronik eval published``: publication dates inferred for IndoSum articles, checked against time.

IndoSum records carry no publication date, but each ``id`` starts with the Unix time at which the
aggregator collected the article ("1490674536-…" = 2017-03-28). That time is used here ONLY as gold;
the engine sees what a user's run sees: the record read by kronik's JSONL reader (text, outlet,
``source_url``), analysed up to the ``dates`` stage, where an unknown publication date is inferred
when the URL or the text gives it with confidence and left ``null`` otherwise.

Articles are collected 0–3 days after they appear (96 % of IndoSum records whose URL holds a date),
so a predicted date is counted right by *day* when it falls 0–3 days before the collection day
(Jakarta time), by *month* and *year* when it shares the month/year of one of those days.
``precision`` is the share of inferred dates right by day, ``recall`` the share of all articles with
a date right by day; ``year_accuracy``/``month_accuracy`` are over the inferred dates.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from kronik.engine import Engine
from kronik.evaluation.metrics import f1_score, safe_div
from kronik.ingest import read_path
from kronik.model import Article, RawArticle

__all__ = ["collection_day", "evaluate"]

_JAKARTA = timedelta(hours=7)
_LAG_DAYS = 3
_PIPELINE = ("clean", "language", "sentences", "entities", "dates")


def collection_day(record_id: str) -> date | None:
    """The Jakarta day of the Unix time an IndoSum id starts with, or None."""
    head = record_id.split("-", 1)[0]
    if not head.isdigit():
        return None
    return (datetime.fromtimestamp(int(head), UTC) + _JAKARTA).date()


def _records(data: Path, limit: int | None) -> list[tuple[date, RawArticle]]:
    """(collection day, raw article) per unique IndoSum record, in file order."""
    files = sorted(data.glob("*.jsonl")) if data.is_dir() else [data]
    seen: set[str] = set()
    out: list[tuple[date, RawArticle]] = []
    for path in files:
        ids = [json.loads(line).get("id", "") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for record_id, raw in zip(ids, read_path(path), strict=True):
            day = collection_day(record_id)
            if record_id in seen or day is None or not isinstance(raw, RawArticle):
                continue
            seen.add(record_id)
            out.append((day, raw))
            if limit is not None and len(out) >= limit:
                return out
    return out


def _method(article: Article) -> str:
    for warning in article.warnings:
        if warning.startswith("published date inferred"):
            return warning.split("(", 1)[-1].split(")", 1)[0]
    return "none"


def evaluate(data: Path, engine: Engine, *, limit: int | None = None) -> dict[str, Any]:
    runner = Engine(engine.settings.replace(pipeline=_PIPELINE))
    counts: Counter[str] = Counter()
    by_method: dict[str, Counter[str]] = defaultdict(Counter)
    wrong: list[dict[str, Any]] = []
    for day, raw in _records(data, limit):
        outlet, url = raw.source.outlet, raw.source.url
        article = runner.analyze(raw)
        counts["articles"] += 1
        predicted = article.published
        method = _method(article)
        if predicted is None:
            counts["null"] += 1
            by_method["null"]["inferred"] += 1
            continue
        window = [day - timedelta(days=lag) for lag in range(_LAG_DAYS + 1)]
        right = {
            "day": predicted in window,
            "month": (predicted.year, predicted.month) in {(d.year, d.month) for d in window},
            "year": predicted.year in {d.year for d in window},
        }
        counts["inferred"] += 1
        by_method[method]["inferred"] += 1
        for key, ok in right.items():
            counts[key] += ok
            by_method[method][key] += ok
        if not right["year"] or not right["day"]:
            wrong.append({"outlet": outlet, "url": url, "collected": day.isoformat(),
                          "predicted": predicted.isoformat(), "how": method})
    inferred = counts["inferred"]
    precision, recall = safe_div(counts["day"], inferred), safe_div(counts["day"], counts["articles"])
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1_score(precision, recall), 4),
        "year_accuracy": round(safe_div(counts["year"], inferred), 4),
        "month_accuracy": round(safe_div(counts["month"], inferred), 4),
        "day_accuracy": round(precision, 4),
        "wrong_year": inferred - counts["year"],
        "inferred": inferred,
        "null": counts["null"],
        "articles": counts["articles"],
        "by_method": {k: dict(v) for k, v in sorted(by_method.items())},
        "details": {"wrong": wrong},
    }
