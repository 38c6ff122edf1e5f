"""Shared scoring helpers."""

from __future__ import annotations

__all__ = ["f1_score", "prf", "safe_div"]


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
