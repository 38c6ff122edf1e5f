"""Shared scoring helpers."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence

__all__ = ["bcubed", "f1_score", "pairwise", "prf", "safe_div"]


def safe_div(num: float, den: float) -> float:
    """``num / den``, or 0.0 when ``den`` is zero."""
    return num / den if den else 0.0


def f1_score(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall."""
    return safe_div(2 * precision * recall, precision + recall)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from counts, rounded to 4 places."""
    p = safe_div(tp, tp + fp)
    r = safe_div(tp, tp + fn)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1_score(p, r), 4)}


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> dict[str, float]:
    """BCubed precision, recall and F1 of a clustering (one label per item) against gold labels."""
    by_pred: dict[Hashable, set[int]] = defaultdict(set)
    by_gold: dict[Hashable, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        shared = len(by_pred[p] & by_gold[g])
        precision += shared / len(by_pred[p])
        recall += shared / len(by_gold[g])
    n = len(gold)
    p_, r_ = safe_div(precision, n), safe_div(recall, n)
    return {"precision": round(p_, 4), "recall": round(r_, 4), "f1": round(f1_score(p_, r_), 4)}


def pairwise(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> dict[str, float]:
    """Precision, recall and F1 over pairs of items placed in the same cluster."""
    both = Counter(zip(predicted, gold, strict=True))
    tp = sum(c * (c - 1) // 2 for c in both.values())
    pred_pairs = sum(c * (c - 1) // 2 for c in Counter(predicted).values())
    gold_pairs = sum(c * (c - 1) // 2 for c in Counter(gold).values())
    return prf(tp, pred_pairs - tp, gold_pairs - tp)
