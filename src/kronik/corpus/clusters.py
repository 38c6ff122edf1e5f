"""Batch document clustering: which articles report the same event, and the same topic.

TF-IDF (sublinear, words and years, terms in at least two documents and at most half of them) →
latent semantic analysis (truncated SVD) → one average-linkage tree over cosine distances, cut
at two heights: a tight cut gives same-event clusters, a loose cut the topics they nest in.
Language-neutral (no stop-word list: the document-frequency bounds do that work).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["ClusterOptions", "DocumentClusters", "cluster_documents"]


@dataclass(slots=True, frozen=True)
class ClusterOptions:
    """Thresholds are cosine distances in the LSA space (0 = identical direction)."""

    event_distance: float = 0.6
    topic_distance: float = 0.8
    dimensions: int = 200
    min_df: int = 2
    max_df: float = 0.5
    seed: int = 0


@dataclass(slots=True)
class DocumentClusters:
    """One label per document for events and for topics (event clusters nest in topics)."""

    events: list[int]
    topics: list[int]


def _vectors(texts: Sequence[str], options: ClusterOptions) -> np.ndarray:
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    vectorizer = TfidfVectorizer(
        sublinear_tf=True, min_df=min(options.min_df, len(texts)), max_df=options.max_df if len(texts) > 4 else 1.0,
        token_pattern=r"(?u)\b[^\W\d_][\w'-]+\b|\b\d{4}\b",
    )
    matrix = vectorizer.fit_transform(texts)
    dims = min(options.dimensions, matrix.shape[1] - 1, len(texts) - 1)
    if dims < 2:
        return np.asarray(normalize(matrix).toarray())
    reduced = TruncatedSVD(dims, random_state=options.seed).fit_transform(matrix)
    return np.asarray(normalize(reduced))


def cluster_documents(texts: Sequence[str], options: ClusterOptions = ClusterOptions()) -> DocumentClusters:
    """Cluster ``texts`` into same-event groups and topics."""
    if len(texts) < 2:
        return DocumentClusters([0] * len(texts), [0] * len(texts))
    from scipy.cluster.hierarchy import fcluster, linkage

    vectors = _vectors(texts, options)
    tree = linkage(vectors, method="average", metric="cosine")
    tree[:, 2] = np.maximum(tree[:, 2], 0.0)
    events = fcluster(tree, t=options.event_distance, criterion="distance")
    topics = fcluster(tree, t=options.topic_distance, criterion="distance")
    return DocumentClusters([int(x) for x in events], [int(x) for x in topics])
