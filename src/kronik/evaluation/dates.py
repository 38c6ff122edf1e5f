"""``kronik eval dates``: DATETIME spans of PFSA-ID against the date stage.

Each article's text is rebuilt from its tokens and analysed by the engine as given clean
Indonesian text (``Engine.analyze`` on a ``kind="clean"`` raw article) with no publication date (so
the reference date must be inferred from the text, as for a crawled page). A gold span counts as found when a predicted date overlaps
it (``recall``), a prediction is correct when it overlaps a gold span (``precision``); ``exact_*``
require identical character spans; ``resolution_rate`` is the share of predicted dates with a value.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kronik.engine import Engine
from kronik.evaluation.metrics import f1_score, safe_div
from kronik.evaluation.pfsa import labelled_spans, read_pfsa
from kronik.model import RawArticle, Source

__all__ = ["evaluate"]


def evaluate(data: Path, engine: Engine, *, limit: int | None = None) -> dict[str, Any]:
    docs = read_pfsa(data)[:limit]
    gold_total = gold_found = predicted_total = predicted_right = exact = resolved = 0
    for number, doc in enumerate(docs, 1):
        text, offsets = doc.text()
        article = engine.analyze(RawArticle(content=text, kind="clean", language="id",
                                            source=Source(path=f"{data.name}#article-{number}")))
        gold = [(offsets[a][0], offsets[b - 1][1]) for label, a, b in labelled_spans(doc.tags) if label == "DATETIME"]
        predicted = [(d.start, d.end) for d in article.dates]
        gold_total += len(gold)
        predicted_total += len(predicted)
        gold_found += sum(any(ps < ge and gs < pe for ps, pe in predicted) for gs, ge in gold)
        predicted_right += sum(any(ps < ge and gs < pe for gs, ge in gold) for ps, pe in predicted)
        exact += len(set(gold) & set(predicted))
        resolved += sum(d.value is not None for d in article.dates)
    precision = safe_div(predicted_right, predicted_total)
    recall = safe_div(gold_found, gold_total)
    exact_p, exact_r = safe_div(exact, predicted_total), safe_div(exact, gold_total)
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1_score(precision, recall), 4),
        "exact_precision": round(exact_p, 4),
        "exact_recall": round(exact_r, 4),
        "exact_f1": round(f1_score(exact_p, exact_r), 4),
        "resolution_rate": round(safe_div(resolved, predicted_total), 4),
        "gold_spans": gold_total,
        "predicted": predicted_total,
        "articles": len(docs),
    }
