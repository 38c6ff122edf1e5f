"""``kronik eval dates-id``: Indonesian date expressions and their values on the id-events gold.

The gold (``../shared/data/id-events/pfsa-dev-32.json``, scheme in its README) lists every
resolvable date expression of 32 Kompas articles with its value (``YYYY-MM-DD``, ``YYYY-MM`` or
``YYYY``) and, for ranges, ``end_value``. Each article is rebuilt with
:func:`kronik.evaluation.events_id.read_gold` and analysed as one document through the engine's
public path (``Engine.analyze``), with the gold ``reference_date`` as the publication date when the
gold has one (else the engine infers it, or leaves it unknown).

Scored predictions are the output dates that carry a value and are not times of day (the gold
lists dates only and leaves unresolvable expressions out). A prediction *matches* a gold
expression when the spans overlap and the values are equal: ``precision`` = matching predictions /
predictions, ``recall`` = matched gold / gold. ``value_accuracy`` is the share of gold expressions
that a prediction overlaps (``span_recall``) whose value, and end value for ranges, is right. The
``by_kind`` breakdown sorts gold (for recall) and predictions (for precision) by form: a weekday
with its date, a bare weekday, a relative word, a month or year, a range, a plain date.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from kronik.engine import Engine
from kronik.evaluation.events_id import GoldArticle, read_gold
from kronik.evaluation.metrics import f1_score, safe_div
from kronik.lang import Languages
from kronik.model import DateValue, RawArticle, Source

__all__ = ["KINDS", "date_kind", "evaluate"]

KINDS = ("weekday+date", "weekday", "relative", "month/year", "range", "date")

_WEEKDAY_WITH_DATE = re.compile(r"^\w+'?\w*\s*[(,]\s*\d")


def _weekday_names(languages: Languages) -> frozenset[str]:
    return frozenset(w for pack in languages.all() for w in pack.data("dates")["weekdays"])


def date_kind(text: str, value: str, end_value: str | None, weekdays: frozenset[str]) -> str:
    """The form of a date expression (one of :data:`KINDS`), from its text and value."""
    if end_value:
        return "range"
    if len(value) < 10:
        return "month/year"
    if _WEEKDAY_WITH_DATE.match(text) and text.split()[0].strip("(,").casefold() in weekdays:
        return "weekday+date"
    if any(ch.isdigit() for ch in text):
        return "date"
    return "weekday" if weekdays & set(text.casefold().split()) else "relative"


class _Counts:
    def __init__(self) -> None:
        self.total: Counter[str] = Counter()
        self.kind: dict[str, Counter[str]] = {k: Counter() for k in KINDS}
        self.errors: list[dict[str, Any]] = []

    def add(self, kind: str, key: str, amount: int = 1) -> None:
        self.total[key] += amount
        self.kind[kind][key] += amount


def _located(gold: GoldArticle, entry: dict[str, Any]) -> tuple[int, int] | None:
    start = gold.sentences[entry["sentence"]][0]
    offset = gold.text.find(entry["text"], start)
    return None if offset < 0 else (offset, offset + len(entry["text"]))


def _score_gold(counts: _Counts, gold: GoldArticle, predicted: list[DateValue], weekdays: frozenset[str]) -> None:
    for entry in gold.dates:
        kind = date_kind(entry["text"], entry["value"], entry.get("end_value"), weekdays)
        counts.add(kind, "gold")
        span = _located(gold, entry)
        over = [d for d in predicted if span and d.start < span[1] and span[0] < d.end]
        right = [d for d in over if d.value == entry["value"]]
        counts.add(kind, "found", bool(right))
        counts.add(kind, "overlapped", bool(over))
        counts.add(kind, "value_right", any(d.end_value == entry.get("end_value") for d in right))
        if not right or not any(d.end_value == entry.get("end_value") for d in right):
            counts.errors.append({
                "article": gold.number, "kind": kind, "gold": entry["text"], "value": entry["value"],
                "end_value": entry.get("end_value"), "context": _context(gold.text, span),
                "predicted": [(d.text, d.value, d.end_value) for d in over],
            })


def _score_predicted(counts: _Counts, gold: GoldArticle, predicted: list[DateValue], weekdays: frozenset[str]) -> None:
    spans = [(s, entry) for entry in gold.dates if (s := _located(gold, entry))]
    for d in predicted:
        assert d.value is not None
        kind = date_kind(d.text, d.value, d.end_value, weekdays)
        right = any(d.start < e and s < d.end and d.value == entry["value"] for (s, e), entry in spans)
        counts.add(kind, "predicted")
        counts.add(kind, "right", right)
        if not right:
            counts.errors.append({"article": gold.number, "kind": f"spurious {kind}", "predicted": d.text,
                                  "value": d.value, "context": _context(gold.text, (d.start, d.end))})


def _context(text: str, span: tuple[int, int] | None) -> str:
    if span is None:
        return ""
    return text[max(0, span[0] - 60) : span[1] + 40]


def _rates(counts: Counter[str]) -> dict[str, Any]:
    precision = safe_div(counts["right"], counts["predicted"])
    recall = safe_div(counts["found"], counts["gold"])
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1_score(precision, recall), 4),
        "span_recall": round(safe_div(counts["overlapped"], counts["gold"]), 4),
        "value_accuracy": round(safe_div(counts["value_right"], counts["overlapped"]), 4),
        "gold": counts["gold"],
        "predicted": counts["predicted"],
    }


def evaluate(data: Path, engine: Engine, *, limit: int | None = None) -> dict[str, Any]:
    articles = read_gold(data)[:limit]
    weekdays = _weekday_names(engine.resources.languages)
    counts = _Counts()
    unscored = Counter[str]()
    for gold in articles:
        raw = RawArticle(content=gold.text, published=gold.reference_date,
                         source=Source(path=f"{data.name}#article-{gold.number}"))
        article = engine.analyze(raw)
        if article.text != gold.text:  # offsets would not line up: every gold date is missed
            unscored["articles whose text the clean stage changed"] += 1
        dates = [d for d in article.dates if article.text == gold.text]
        scored = [d for d in dates if d.value is not None and d.granularity != "time"]
        unscored["times of day"] += sum(d.granularity == "time" for d in dates)
        unscored["unresolved"] += sum(d.value is None for d in dates)
        _score_gold(counts, gold, scored, weekdays)
        _score_predicted(counts, gold, scored, weekdays)
    return {
        **_rates(counts.total),
        "by_kind": {kind: _rates(c) for kind, c in counts.kind.items()},
        "not_scored": dict(unscored),
        "articles": len(articles),
        "details": {"errors": counts.errors},
    }
