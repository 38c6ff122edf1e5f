"""``kronik eval boilerplate``: main-text extraction on the Zyte article-extraction-benchmark.

Metric as the benchmark defines it: the text is tokenised into ``\\w+`` words, turned into word
4-gram shingles with counts, and precision/recall are computed per page from the overlap of the
shingle multisets; both are averaged over pages, and F1 is the harmonic mean of the two averages.
Pages whose gold body is empty count as correct only when the prediction is empty too.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from kronik.engine import Engine
from kronik.errors import EvaluationError, KronikError
from kronik.evaluation.metrics import f1_score, safe_div
from kronik.model import RawArticle, Source

__all__ = ["evaluate", "shingle_scores"]

_WORD = re.compile(r"\w+", re.UNICODE)
_NGRAM = 4


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text)
    if len(tokens) < _NGRAM:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + _NGRAM]) for i in range(len(tokens) - _NGRAM + 1))


def shingle_scores(predicted: str, gold: str) -> tuple[float, float]:
    """Precision and recall of ``predicted`` against ``gold`` on word 4-gram shingle counts."""
    pred, true = _shingles(predicted), _shingles(gold)
    if not pred and not true:
        return 1.0, 1.0
    overlap = sum((pred & true).values())
    precision = safe_div(overlap, sum(pred.values())) if pred else 0.0
    recall = safe_div(overlap, sum(true.values())) if true else 0.0
    if not true:  # gold says "no article": any prediction is wrong
        return 0.0, 1.0
    return precision, recall


def evaluate(data: Path, engine: Engine, *, limit: int | None = None) -> dict[str, Any]:
    """Extract every page's body with the clean stage and score it against the gold bodies."""
    gold_file = data / "ground-truth.json"
    if not gold_file.is_file():
        raise EvaluationError(f"{data}: expected ground-truth.json and html/*.html.gz")
    gold: dict[str, dict[str, Any]] = json.loads(gold_file.read_text(encoding="utf-8"))
    cleaner = Engine(engine.settings.replace(pipeline=("clean",), progress=False))
    details: list[dict[str, Any]] = []
    precisions: list[float] = []
    recalls: list[float] = []
    for key in sorted(gold)[:limit]:
        page = data / "html" / f"{key}.html.gz"
        html = gzip.decompress(page.read_bytes()).decode("utf-8", errors="replace")
        try:
            text = cleaner.analyze(RawArticle(content=html, kind="html", source=Source(path=str(page)))).text
        except KronikError:
            text = ""
        precision, recall = shingle_scores(text, gold[key].get("articleBody") or "")
        precisions.append(precision)
        recalls.append(recall)
        details.append({"page": key, "precision": round(precision, 4), "recall": round(recall, 4)})
    p = safe_div(sum(precisions), len(precisions))
    r = safe_div(sum(recalls), len(recalls))
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f1_score(p, r), 4),
        "pages": len(details),
        "details": details,
    }
