"""``kronik train topics``: the topic model from IndoSum's section labels, with scikit-learn.

Only the training split of :mod:`kronik.evaluation.topics` is read (the held-out fifth is never
seen here). Each article goes through the engine's ``clean`` and ``language`` stages, so the
model learns from the same text the ``topic`` stage reads; paragraphs repeated verbatim in five or
more training articles (an outlet's self-description, a newsletter call) are left out, as they
name an outlet rather than a topic.

Settings are chosen by stratified 5-fold cross-validation (seed 13) on the training split: a grid
over the vocabulary's minimum document frequency, the inverse regularisation ``C`` and class
weighting, scored by macro-F1 of out-of-fold predictions (ties: accuracy). The best settings are
refitted on the whole training split and exported as vocabulary, IDF and coefficients
(:class:`kronik.stages.topic.TopicModel`); the export is checked to reproduce scikit-learn's
probabilities. The out-of-fold probabilities of the chosen settings also give, per gate threshold,
the share of each topic the political-event gate would skip (stored in the model's metadata).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from kronik.config import Settings
from kronik.engine import Engine
from kronik.errors import EvaluationError, KronikError
from kronik.evaluation.topics import SPLIT_SALT, TEST_PERCENT, read_labelled
from kronik.ontology.topics import TopicScheme
from kronik.stages.topic import TopicModel, default_model_path, topic_text, topic_words

__all__ = ["TopicTrainingOptions", "train"]


@dataclass(slots=True, frozen=True)
class TopicTrainingOptions:
    """What the trainer searches and how."""

    folds: int = 5
    seed: int = 13
    min_df: tuple[int, ...] = (2, 3)
    c_values: tuple[float, ...] = (3.0, 10.0, 30.0)
    class_weights: tuple[str | None, ...] = (None, "balanced")
    max_chars: int = 10_000
    boilerplate_articles: int = 5  # a paragraph found in this many articles is boilerplate
    languages: tuple[str, ...] = ("id", "ms")
    thresholds: tuple[float, ...] = (0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass(slots=True)
class _Corpus:
    words: list[list[str]]
    topics: list[str]
    failures: list[str] = field(default_factory=list)


def train(data: Path, output: Path | None = None) -> dict[str, Any]:
    """Train on IndoSum JSONL under ``data`` and write the model (default: the packaged file)."""
    if not (data.is_dir() and any(data.glob("*.jsonl"))) and data.suffix != ".jsonl":
        raise EvaluationError(
            f"{data}: the topic model trains on IndoSum JSONL; pass --data ../shared/data/indosum"
        )
    options = TopicTrainingOptions()
    corpus = _training_corpus(data, options)
    labels = sorted(set(corpus.topics))
    grid = _cross_validate(corpus, labels, options)
    best = max(grid, key=lambda row: (row["macro_f1"], row["accuracy"]))
    model, drift = _fit(corpus, best["settings"], labels, options)
    gate = _gate_table(best.pop("oof"), corpus.topics, labels, options.thresholds)
    for row in grid:
        row.pop("oof", None)
    model.metadata = {
        "trained": datetime.now(UTC).isoformat(timespec="seconds"),
        "data": "IndoSum (Kurniawan & Louvan 2018), CC BY-SA 4.0; the model is derived from it",
        "split": {"salt": SPLIT_SALT, "test_percent": TEST_PERCENT, "trained_on": "train"},
        "articles": dict(Counter(corpus.topics)),
        "settings": best["settings"],
        "cross_validation": {"folds": options.folds, "seed": options.seed, "grid": grid},
        "gate_out_of_fold": gate,
    }
    target = output or default_model_path()
    model.save(target)
    return {
        "articles": len(corpus.topics), "failures": corpus.failures, "labels": labels,
        "settings": best["settings"], "cv_macro_f1": best["macro_f1"], "cv_accuracy": best["accuracy"],
        "terms": len(model.terms), "export_max_probability_drift": drift,
        "output": str(target), "bytes": target.stat().st_size,
    }


def _training_corpus(data: Path, options: TopicTrainingOptions) -> _Corpus:
    """Words and gold topics of the training split, after cleaning and boilerplate removal."""
    engine = Engine(Settings(pipeline=("clean", "language"), progress=False))
    texts: list[str] = []
    corpus = _Corpus([], [])
    for item in read_labelled(data, split="train"):
        try:
            article = engine.analyze(item.raw)
        except KronikError as exc:
            corpus.failures.append(f"{item.raw.source.path}: {exc}")
            continue
        texts.append(topic_text(article, options.max_chars))
        corpus.topics.append(item.topic)
    repeated = _repeated_paragraphs(texts, options.boilerplate_articles)
    corpus.words = [
        topic_words("\n".join(p for p in text.split("\n") if p.strip() not in repeated))
        for text in texts
    ]
    return corpus


def _repeated_paragraphs(texts: Sequence[str], min_articles: int) -> set[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({p.strip() for p in text.split("\n") if len(p.strip()) >= 40})
    return {paragraph for paragraph, n in counts.items() if n >= min_articles}


def _vectorizer(min_df: int) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer=_identity, min_df=min_df, sublinear_tf=True)


def _classifier(c: float, class_weight: str | None) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight=class_weight, max_iter=3000)


def _identity(words: list[str]) -> list[str]:
    return words


def _cross_validate(corpus: _Corpus, labels: list[str], options: TopicTrainingOptions) -> list[dict[str, Any]]:
    """Out-of-fold macro-F1 and accuracy of every setting in the grid."""
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import StratifiedKFold

    y = np.asarray(corpus.topics)
    folds = list(StratifiedKFold(options.folds, shuffle=True, random_state=options.seed).split(y, y))
    rows: list[dict[str, Any]] = []
    for min_df in options.min_df:
        oof = {key: np.zeros((len(y), len(labels))) for key in
               itertools.product(options.c_values, options.class_weights)}
        for fit_rows, test_rows in folds:
            vectorizer = _vectorizer(min_df)
            x_fit = vectorizer.fit_transform([corpus.words[i] for i in fit_rows])
            x_test = vectorizer.transform([corpus.words[i] for i in test_rows])
            for (c, weight), probabilities in oof.items():
                probabilities[test_rows] = _classifier(c, weight).fit(x_fit, y[fit_rows]).predict_proba(x_test)
        for (c, weight), probabilities in oof.items():
            predicted = np.asarray(labels)[probabilities.argmax(axis=1)]
            rows.append({
                "settings": {"min_df": min_df, "C": c, "class_weight": weight},
                "macro_f1": round(float(f1_score(y, predicted, average="macro")), 4),
                "accuracy": round(float(accuracy_score(y, predicted)), 4),
                "oof": probabilities,
            })
    return rows


def _fit(
    corpus: _Corpus, settings: dict[str, Any], labels: list[str], options: TopicTrainingOptions
) -> tuple[TopicModel, float]:
    """Refit on the whole training split; the model and its largest probability drift."""
    vectorizer = _vectorizer(settings["min_df"])
    x = vectorizer.fit_transform(corpus.words)
    classifier = _classifier(settings["C"], settings["class_weight"]).fit(x, corpus.topics)
    if list(classifier.classes_) != labels:
        raise EvaluationError(f"classifier labels {list(classifier.classes_)} differ from {labels}")
    coef, intercept = classifier.coef_, classifier.intercept_
    if len(labels) == 2:  # a binary model scores the second label only: softmax of (0, s)
        coef, intercept = np.vstack([np.zeros_like(coef), coef]), np.concatenate([[0.0], intercept])
    model = TopicModel(
        labels=tuple(labels),
        languages=frozenset(options.languages),
        terms=[str(term) for term in vectorizer.get_feature_names_out()],
        idf=np.round(vectorizer.idf_, 4),
        coef=np.round(coef, 4),
        intercept=np.round(intercept, 4),
        max_chars=options.max_chars,
    )
    expected = classifier.predict_proba(x)
    drift = 0.0
    for row, words in enumerate(corpus.words):
        got = model.probabilities(words)
        if got is not None:
            drift = max(drift, float(np.abs(got - expected[row]).max()))
    if drift > 1e-3:
        raise EvaluationError(f"the exported topic model drifts from scikit-learn by {drift:.4f}")
    return model, round(drift, 6)


def _gate_table(
    oof: np.ndarray, topics: list[str], labels: list[str], thresholds: Sequence[float]
) -> dict[str, dict[str, float]]:
    """Per threshold, the share of each gold topic whose articles the gate would skip."""
    scheme = TopicScheme.load()
    best = oof.argmax(axis=1)
    table: dict[str, dict[str, float]] = {}
    for threshold in thresholds:
        skipped = [
            labels[b] in scheme.non_political and oof[i, b] >= threshold for i, b in enumerate(best)
        ]
        table[f"{threshold:.2f}"] = {
            label: round(sum(s for s, t in zip(skipped, topics, strict=True) if t == label)
                         / max(1, topics.count(label)), 4)
            for label in labels
        }
    return table
