"""``kronik eval ner``: span-level entity recognition on a BIO file (IDN NER news format).

Each line holds ``token POS tag`` (tags ``B-PER``, ``I-ORG``, ``O``...), sentences are separated by
blank lines. Tokens are joined with single spaces into the text of one article per sentence, which
the engine analyses as given clean Indonesian text (``Engine.analyze`` on a ``kind="clean"`` raw
article); predicted mentions are mapped back to token spans and compared exactly. PERSON→PER, ORG→ORG, GPE and LOC→LOC.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kronik.engine import Engine
from kronik.errors import EvaluationError
from kronik.evaluation.metrics import prf
from kronik.model import Article, RawArticle, Source

__all__ = ["count_spans", "counts_report", "evaluate", "join_tokens", "read_bio", "score", "spans_from_tags"]

TYPE_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
Span = tuple[int, int, str]


def read_bio(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences as (tokens, tags)."""
    sentences: list[tuple[list[str], list[str]]] = []
    tokens: list[str] = []
    tags: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split()
        if not parts:
            if tokens:
                sentences.append((tokens, tags))
                tokens, tags = [], []
            continue
        if len(parts) < 2:
            raise EvaluationError(f"{path}:{number}: expected 'token POS tag', got {line!r}")
        tokens.append(parts[0])
        tags.append(parts[-1])
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def spans_from_tags(tags: list[str]) -> set[Span]:
    """(first token, last token + 1, type) for every B-/I- run."""
    spans: set[Span] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if start >= 0 and (prefix != "I" or label != kind):
            spans.add((start, i, kind))
            start = -1
        if prefix == "B" or (prefix == "I" and start < 0):
            start, kind = i, label
    return spans


def evaluate(data: Path, engine: Engine, *, limit: int | None = None) -> dict[str, Any]:
    """Micro and per-type span P/R/F1 of the entity stage."""
    sentences = read_bio(data)[:limit]
    if not sentences:
        raise EvaluationError(f"{data}: no sentences")
    source = Source(path=str(data))

    def analyse(article: Article) -> Article:  # the path a user runs, on text already clean
        return engine.analyze(RawArticle(content=article.text, kind="clean", language="id", source=source))

    return {**score(sentences, analyse), "sentences": len(sentences)}


def score(
    sentences: Sequence[tuple[list[str], list[str]]], analyse: Callable[[Article], Article]
) -> dict[str, Any]:
    """Span P/R/F1 of ``analyse`` (an article with text → with sentences and entities)."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for tokens, tags in sentences:
        text, offsets = join_tokens(tokens)
        predicted = _predicted_spans(analyse(Article(text=text, language="id")), offsets)
        count_spans(predicted, spans_from_tags(tags), (tp, fp, fn))
    return counts_report(tp, fp, fn)


def count_spans(predicted: set[Span], gold: set[Span], counts: tuple[Counter[str], ...]) -> None:
    """Add the true positives, false positives and false negatives of one sentence, per type."""
    tp, fp, fn = counts
    for span in predicted & gold:
        tp[span[2]] += 1
    for span in predicted - gold:
        fp[span[2]] += 1
    for span in gold - predicted:
        fn[span[2]] += 1


def counts_report(tp: Counter[str], fp: Counter[str], fn: Counter[str]) -> dict[str, Any]:
    """Micro and per-type P/R/F1 from per-type span counts."""
    kinds = sorted(set(tp) | set(fp) | set(fn))
    return {
        **prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        "per_type": {k: {**prf(tp[k], fp[k], fn[k]), "support": tp[k] + fn[k]} for k in kinds},
    }


def join_tokens(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """The tokens joined with single spaces, and each token's offsets in that text."""
    offsets, position = [], 0
    for token in tokens:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    return " ".join(tokens), offsets


def _predicted_spans(article: Article, offsets: list[tuple[int, int]]) -> set[Span]:
    starts = {start: i for i, (start, _) in enumerate(offsets)}
    ends = {end: i for i, (_, end) in enumerate(offsets)}
    spans: set[Span] = set()
    for entity in article.entities:
        kind = TYPE_MAP.get(entity.type)
        if kind is None:
            continue
        for m in entity.mentions:
            if m.start in starts and m.end in ends:
                spans.add((starts[m.start], ends[m.end] + 1, kind))
    return spans
