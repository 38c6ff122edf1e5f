"""Export stored articles and events as JSON Lines, CSV or Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kronik.errors import StoreError
from kronik.store.store import Store

__all__ = ["EXPORT_FORMATS", "EXPORT_KINDS", "export_articles", "rows"]

EXPORT_FORMATS = ("jsonl", "csv", "parquet")
EXPORT_KINDS = ("articles", "events", "chronicle")

_ARTICLE_COLUMNS = ("id", "title", "language", "published", "outlet", "url", "path", "text",
                    "entities", "events")
_CHRONICLE_COLUMNS = ("id", "date", "date_last", "type", "mode", "actors", "actor_countries", "recipients",
                      "recipient_countries", "quad", "intensity", "cameo", "location", "story_id",
                      "num_articles", "num_sources", "num_mentions", "first_report", "last_report", "evidence")
_EVENT_COLUMNS = ("article_id", "id", "date", "type", "mode", "actors", "actor_countries", "recipients",
                  "recipient_countries", "quad", "intensity", "cameo", "location", "negated", "future",
                  "confidence", "evidence")


def _names(actors: list[dict[str, Any]]) -> str:
    return "; ".join(a["name"] for a in actors)


def _countries(actors: list[dict[str, Any]]) -> str:
    return " ".join(sorted({a["country"] for a in actors if a.get("country")}))


def rows(store: Store, what: str) -> Iterator[dict[str, Any]]:
    """Flat records: ``articles``, ``events`` (one PLOVER-style row per event of each article) or
    ``chronicle`` (one row per happening, with how many articles and outlets reported it)."""
    if what == "chronicle":
        for ev in store.iter_chronicle_events():
            record = {c: ev.get(c) for c in _CHRONICLE_COLUMNS}
            record.update(actors=_names(ev["actors"]), actor_countries=_countries(ev["actors"]),
                          recipients=_names(ev["recipients"]), recipient_countries=_countries(ev["recipients"]))
            yield record
        return
    for article in store.iter_contracts():
        source = article.get("source") or {}
        if what == "articles":
            yield {
                "id": article["id"], "title": article.get("title"), "language": article.get("language"),
                "published": article.get("published"), "outlet": source.get("outlet"),
                "url": source.get("url"), "path": source.get("path"), "text": article["text"],
                "entities": len(article.get("entities", [])), "events": len(article.get("events", [])),
            }
        elif what == "events":
            for ev in article.get("events", []):
                yield {
                    "article_id": article["id"], "id": ev["id"], "date": ev.get("date"), "type": ev["type"],
                    "mode": ev.get("mode"),
                    "actors": _names(ev.get("actors", [])), "actor_countries": _countries(ev.get("actors", [])),
                    "recipients": _names(ev.get("recipients", [])),
                    "recipient_countries": _countries(ev.get("recipients", [])),
                    "quad": ev.get("quad"), "intensity": ev.get("intensity"), "cameo": ev.get("cameo"),
                    "location": ev.get("location"), "negated": ev.get("negated"), "future": ev.get("future"),
                    "confidence": ev.get("confidence"), "evidence": ev.get("evidence"),
                }
        else:
            raise StoreError(f"cannot export {what!r}: choose {', '.join(EXPORT_KINDS)}")


def export_articles(store: Store, what: str, fmt: str, output: Path) -> int:
    """Write ``what`` (articles or events) to ``output`` in ``fmt``; returns the row count."""
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose {', '.join(EXPORT_FORMATS)}")
    columns = {"articles": _ARTICLE_COLUMNS, "chronicle": _CHRONICLE_COLUMNS}.get(what, _EVENT_COLUMNS)
    records = list(rows(store, what))
    output.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        with output.open("w", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        with output.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns)
            writer.writeheader()
            writer.writerows(records)
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(records) if records else pa.table({c: pa.array([], pa.string()) for c in columns})
        pq.write_table(table, output)
    return len(records)
