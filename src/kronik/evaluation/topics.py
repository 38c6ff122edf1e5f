"""``kronik eval topics``: article topics against IndoSum's section labels, on the held-out split.

IndoSum articles (``*.jsonl``: ``id``, tokenised ``paragraphs``, ``category``, ``source``) are
deduplicated by ``id`` (the cross-validation folds repeat articles) and their categories mapped to
kronik's topics by ``ontology/topics.toml``. The split is fixed by the article id alone: an article
is held out when the first 8 hex digits of SHA-1 over ``"kronik-topics-1:" + id``, modulo 100, are
below 20, so about one article in five, whatever files or order it is read from. The model is
trained on the rest only (:mod:`kronik.training.topics`); its settings were chosen by
cross-validation inside that rest.

The held-out articles go through the engine's ``clean``, ``language`` and ``topic`` stages as
detokenised text. Printed: accuracy, macro-averaged precision/recall/F1 (the top-level
``precision``, ``recall``, ``f1``), per-topic P/R/F1 with support, the confusion counts, and the
share of each gold topic the political-event gate would skip.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from kronik.engine import Engine
from kronik.errors import EvaluationError, KronikError
from kronik.evaluation.metrics import prf
from kronik.model import RawArticle, Source
from kronik.ontology.topics import TopicScheme

__all__ = ["LabelledArticle", "evaluate", "read_labelled", "split_of"]

SPLIT_SALT = "kronik-topics-1"
TEST_PERCENT = 20
Split = Literal["train", "test"]


@dataclass(slots=True)
class LabelledArticle:
    """One IndoSum article with its gold topic."""

    id: str
    category: str
    topic: str
    raw: RawArticle


def split_of(article_id: str) -> Split:
    """``"test"`` for the held-out fifth of articles, ``"train"`` for the rest (by id only)."""
    digest = hashlib.sha1(f"{SPLIT_SALT}:{article_id}".encode()).hexdigest()
    return "test" if int(digest[:8], 16) % 100 < TEST_PERCENT else "train"


def read_labelled(data: Path, split: Split | None = None) -> list[LabelledArticle]:
    """IndoSum articles under ``data`` (a ``.jsonl`` file or a folder of them), unique by id."""
    from kronik.ingest.detokenize import detokenize_paragraphs

    files = sorted(data.glob("*.jsonl")) if data.is_dir() else [data]
    if not files:
        raise EvaluationError(f"{data}: no .jsonl files")
    mapping = TopicScheme.load().category_map("indosum")
    seen: dict[str, LabelledArticle] = {}
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = _record(path, number, line, mapping)
            if record["id"] in seen or (split and split_of(record["id"]) != split):
                continue
            raw = RawArticle(
                content=detokenize_paragraphs(record["paragraphs"]),
                source=Source(path=f"{path}:{number}", outlet=record.get("source")),
            )
            seen[record["id"]] = LabelledArticle(
                record["id"], record["category"], mapping[record["category"]], raw
            )
    return list(seen.values())


def _record(path: Path, number: int, line: str, mapping: dict[str, str]) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"{path}:{number}: not JSON: {exc}") from exc
    if not isinstance(record, dict) or not isinstance(record.get("paragraphs"), list):
        raise EvaluationError(f"{path}:{number}: expected an IndoSum record with 'paragraphs'")
    if not isinstance(record.get("id"), str) or record.get("category") not in mapping:
        raise EvaluationError(
            f"{path}:{number}: needs a string 'id' and a 'category' among {sorted(mapping)}"
        )
    return record


def evaluate(data: Path, engine: Engine, *, limit: int | None = None) -> dict[str, Any]:
    """Accuracy, macro and per-topic P/R/F1 of the topic stage on the held-out split."""
    articles = read_labelled(data, split="test")[:limit]
    if not articles:
        raise EvaluationError(f"{data}: no held-out articles")
    runner = Engine(engine.settings.replace(pipeline=("clean", "language", "topic")))
    scheme = TopicScheme.load()
    pairs: list[tuple[str, str]] = []
    gated: Counter[str] = Counter()
    failures = 0
    for item in articles:
        try:
            article = runner.analyze(item.raw)
        except KronikError:  # counted as a wrong answer, never the end of the run
            failures += 1
            pairs.append((item.topic, "none"))
            continue
        pairs.append((item.topic, article.topic or "none"))
        gated[item.topic] += scheme.outside_politics(article.topic, article.topic_confidence)
    return {**_scores(pairs, gated, sorted(scheme.labels)), "failures": failures}


def _scores(pairs: list[tuple[str, str]], gated: Counter[str], labels: list[str]) -> dict[str, Any]:
    per_label: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = sum(1 for gold, pred in pairs if gold == pred == label)
        fp = sum(1 for gold, pred in pairs if pred == label != gold)
        fn = sum(1 for gold, pred in pairs if gold == label != pred)
        per_label[label] = {**prf(tp, fp, fn), "support": tp + fn}
    scored = [label for label in labels if per_label[label]["support"]]
    macro = {
        key: round(sum(per_label[label][key] for label in scored) / len(scored), 4)
        for key in ("precision", "recall", "f1")
    }
    support = Counter(gold for gold, _ in pairs)
    return {
        **macro,
        "accuracy": round(sum(gold == pred for gold, pred in pairs) / len(pairs), 4),
        "macro_f1": macro["f1"],
        "per_topic": per_label,
        "confusion": {
            gold: dict(Counter(pred for g, pred in pairs if g == gold)) for gold in sorted(support)
        },
        "gated_share": {label: round(gated[label] / support[label], 4) for label in sorted(support)},
        "articles": len(pairs),
        "split": {"salt": SPLIT_SALT, "test_percent": TEST_PERCENT},
    }
