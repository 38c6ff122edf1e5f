"""The topic stage: what an article is about (news, sport, technology, entertainment, lifestyle).

A multinomial logistic regression over TF-IDF word counts, learned from IndoSum's section labels
(``kronik train topics``, :mod:`kronik.training.topics`). Only the vocabulary, IDF weights and
coefficients ship, as gzipped JSON (``lang/id/topics.json.gz``); prediction is a sparse dot product
in numpy, without scikit-learn. The features are the casefolded letter words (two letters or more)
of the title and the body's first ``max_chars`` characters, the dateline and web domains
("Suara.com", "DailySocial.id") taken out so that an outlet's name is not read as a topic.

The model is Indonesian; it also serves Malay, which shares the vocabulary. Articles in other
languages get ``topic = None`` and ``topic_confidence = None``: kronik has no labelled English news
to learn from, and a guess would silently drop events (see :class:`kronik.ontology.topics.TopicScheme`).
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from kronik.errors import ResourceError
from kronik.model import Article
from kronik.stages.base import StageContext

__all__ = ["MODEL_FORMAT", "TopicModel", "TopicStage", "default_model_path", "topic_text", "topic_words"]

MODEL_FORMAT = "kronik-topic-model/1"
_MODEL_PACKAGE, _MODEL_FILE = "kronik.lang.id", "topics.json.gz"
_WORD = re.compile(r"[^\W\d_]{2,}")
_TLD = r"\.(?:com|co|id|net|org|tv|news)\b"
_TOP_LEVEL_DOMAIN = re.compile(_TLD, re.IGNORECASE)
_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*" + _TLD, re.IGNORECASE)


def default_model_path() -> Path:
    """Where the packaged topic model lives (``kronik/lang/id/topics.json.gz``)."""
    return Path(str(resources.files(_MODEL_PACKAGE) / _MODEL_FILE))


def topic_text(article: Article, max_chars: int) -> str:
    """The text a topic model reads: the title and the body without its dateline, capped."""
    body = article.text
    line = article.dateline
    if line is not None and line.start is not None and line.end is not None:
        body = body[: line.start] + " " + body[line.end :]
    return f"{article.title or ''}\n{body[:max_chars]}"


def topic_words(text: str) -> list[str]:
    """The model's tokens: casefolded letter words of two letters or more, web domains removed."""
    if _TOP_LEVEL_DOMAIN.search(text):  # a cheap test first: two articles in three have none
        text = _DOMAIN.sub(" ", text)
    return _WORD.findall(text.casefold())


@dataclass(slots=True)
class TopicModel:
    """Vocabulary, IDF and per-topic coefficients of a TF-IDF logistic regression."""

    labels: tuple[str, ...]
    languages: frozenset[str]
    terms: list[str]
    idf: np.ndarray
    coef: np.ndarray  # labels × terms
    intercept: np.ndarray
    max_chars: int = 10_000
    metadata: dict[str, Any] = field(default_factory=dict)
    index: dict[str, int] = field(init=False)
    weights: np.ndarray = field(init=False)  # terms × labels, contiguous for row gathers

    def __post_init__(self) -> None:
        self.index = {term: i for i, term in enumerate(self.terms)}
        self.weights = np.ascontiguousarray(self.coef.T)
        if self.coef.shape != (len(self.labels), len(self.terms)) or self.idf.shape != (len(self.terms),):
            raise ResourceError("topic model: coefficient and vocabulary sizes disagree")

    @classmethod
    def load(cls, path: Path | None = None) -> TopicModel:
        """Read a model file (default: the packaged one); a clear error when missing or corrupt."""
        target = path or default_model_path()
        try:
            data = json.loads(gzip.decompress(target.read_bytes()))
            if data.get("format") != MODEL_FORMAT:
                raise ValueError(f"format {data.get('format')!r}, expected {MODEL_FORMAT!r}")
            return cls(
                labels=tuple(data["labels"]),
                languages=frozenset(data["languages"]),
                terms=list(data["terms"]),
                idf=np.asarray(data["idf"], dtype=np.float64),
                coef=np.asarray(data["coef"], dtype=np.float64),
                intercept=np.asarray(data["intercept"], dtype=np.float64),
                max_chars=int(data["max_chars"]),
                metadata=dict(data.get("metadata", {})),
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ResourceError(f"topic model {target} is missing or corrupt: {exc}") from exc

    def save(self, path: Path) -> None:
        """Write the model as gzipped JSON (coefficients rounded to 4 decimals)."""
        payload = {
            "format": MODEL_FORMAT,
            "labels": list(self.labels),
            "languages": sorted(self.languages),
            "max_chars": self.max_chars,
            "metadata": self.metadata,
            "intercept": [round(float(v), 4) for v in self.intercept],
            "terms": self.terms,
            "idf": [round(float(v), 4) for v in self.idf],
            "coef": [[round(float(v), 4) for v in row] for row in self.coef],
        }
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        path.write_bytes(gzip.compress(text.encode("utf-8"), 9, mtime=0))

    def text_of(self, article: Article) -> str:
        """The text this model reads from an article (see :func:`topic_text`)."""
        return topic_text(article, self.max_chars)

    def probabilities(self, words: Sequence[str]) -> np.ndarray | None:
        """The probability of each label (in ``labels`` order); None when no word is known."""
        counts = Counter(words)
        rows = np.fromiter(map(self.index.get, counts, repeat(-1)), np.int64, len(counts))
        known = rows >= 0
        if not known.any():
            return None
        rows = rows[known]
        tf = np.fromiter(counts.values(), np.float64, len(counts))[known]
        values = (1.0 + np.log(tf)) * self.idf[rows]  # sublinear TF-IDF, L2-normalised
        values /= np.sqrt(values @ values)
        scores = values @ self.weights[rows] + self.intercept
        scores = np.exp(scores - scores.max())
        probabilities: np.ndarray = scores / scores.sum()
        return probabilities

    def predict(self, words: Sequence[str]) -> tuple[str, float] | None:
        """The most probable label and its probability; None when no word is known."""
        probabilities = self.probabilities(words)
        if probabilities is None:
            return None
        best = int(probabilities.argmax())
        return self.labels[best], float(probabilities[best])


class TopicStage:
    """Assign ``article.topic`` and ``article.topic_confidence``."""

    name: ClassVar[str] = "topic"
    requires: ClassVar[tuple[str, ...]] = ("text", "language")
    assigns: ClassVar[tuple[str, ...]] = ("topic", "topic_confidence")

    def __init__(self, context: StageContext) -> None:
        self.model: TopicModel = context.resources.cached("topic-model", TopicModel.load)

    def __call__(self, article: Article) -> Article:
        article.topic = article.topic_confidence = None
        if article.language not in self.model.languages:
            return article
        prediction = self.model.predict(topic_words(self.model.text_of(article)))
        if prediction is not None:
            article.topic, confidence = prediction
            article.topic_confidence = round(confidence, 4)
        return article
