"""``kronik eval clusters``: same-event document clustering on ECB+ (982 English documents).

Each ``N_*ecb.xml``/``N_*ecbplus.xml`` document's tokens are joined into text and clustered by
:func:`kronik.corpus.clusters.cluster_documents` — the file names are read only to score: the
gold event of a document is its topic plus its half (``ecb`` or ``ecbplus``), 86 events in 43
topics. Prints BCubed and pairwise precision/recall/F1 against the events (``precision``,
``recall``, ``f1`` repeat the BCubed ones) and BCubed against the topics.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lxml import etree

from kronik.corpus.clusters import cluster_documents
from kronik.engine import Engine
from kronik.errors import EvaluationError
from kronik.evaluation.metrics import bcubed, pairwise
from kronik.ingest.detokenize import detokenize

__all__ = ["evaluate", "read_ecbplus"]

_NAME = re.compile(r"^(\d+)_\d+(ecbplus|ecb)\.xml$")


def read_ecbplus(folder: Path) -> list[tuple[str, str, str]]:
    """``(text, gold_event, gold_topic)`` for every ECB+ document under ``folder``."""
    documents = []
    for path in sorted(folder.rglob("*.xml")):
        match = _NAME.match(path.name)
        if not match:
            continue
        try:
            root = etree.parse(str(path)).getroot()
        except etree.XMLSyntaxError as exc:
            raise EvaluationError(f"{path}: malformed XML: {exc}") from exc
        tokens = [t.text or "" for t in root.iter("token")]
        topic, half = match.groups()
        documents.append((detokenize(tokens), f"{topic}{half}", topic))
    if not documents:
        raise EvaluationError(f"{folder}: no ECB+ documents (N_Mecb.xml / N_Mecbplus.xml) found")
    return documents


def evaluate(data: Path, engine: Engine, *, limit: int | None = None) -> dict[str, Any]:
    documents = read_ecbplus(data)[:limit]
    clusters = cluster_documents([text for text, _, _ in documents])
    events = [event for _, event, _ in documents]
    topics = [topic for _, _, topic in documents]
    by_event = bcubed(clusters.events, events)
    by_pairs = pairwise(clusters.events, events)
    by_topic = bcubed(clusters.topics, topics)
    return {
        **by_event,
        "bcubed_precision": by_event["precision"],
        "bcubed_recall": by_event["recall"],
        "bcubed_f1": by_event["f1"],
        "pairwise_precision": by_pairs["precision"],
        "pairwise_recall": by_pairs["recall"],
        "pairwise_f1": by_pairs["f1"],
        "topic_bcubed_precision": by_topic["precision"],
        "topic_bcubed_recall": by_topic["recall"],
        "topic_bcubed_f1": by_topic["f1"],
        "documents": len(documents),
        "gold_events": len(set(events)),
        "gold_topics": len(set(topics)),
        "predicted_events": len(set(clusters.events)),
        "predicted_topics": len(set(clusters.topics)),
    }
