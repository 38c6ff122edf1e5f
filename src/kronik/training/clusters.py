"""Word clusters for the NER tagger, learned offline from a tokenised news corpus.

Each word of the corpus vocabulary (lower-cased, seen at least ``min_count`` times) gets a vector
from the positive PMI of its left and right neighbours (the ``contexts`` most frequent words, on
each side apart), reduced by truncated SVD; k-means then groups the vectors at several
granularities. Only the table word → cluster numbers ships (``stages/ner/clusters.tsv.gz``),
never the corpus text. ``kronik train ner-clusters --data ../shared/data/indosum`` rebuilds it.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from kronik.errors import ResourceError
from kronik.stages.ner.features import CLUSTER_FILE

__all__ = ["ClusterOptions", "build_clusters", "read_tokenised_corpus"]


@dataclass(slots=True, frozen=True)
class ClusterOptions:
    """How the clusters are learned."""

    min_count: int = 3
    contexts: int = 3000
    dimensions: int = 100
    granularities: tuple[int, ...] = (32, 128, 512, 2048)
    seed: int = 7


def read_tokenised_corpus(folder: Path) -> Iterator[list[str]]:
    """Sentences (lists of tokens) of every unique article in IndoSum-style JSONL files."""
    files = sorted(folder.glob("*.jsonl")) if folder.is_dir() else [folder]
    if not files:
        raise ResourceError(f"{folder}: no .jsonl files with tokenised 'paragraphs'")
    seen: set[str] = set()
    for path in files:
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ResourceError(f"{path}:{number}: not JSON: {exc}") from exc
                key = str(record.get("id", f"{path}:{number}"))
                if key in seen or not isinstance(record.get("paragraphs"), list):
                    continue
                seen.add(key)
                for paragraph in record["paragraphs"]:
                    yield from paragraph


def _cooccurrence(sentences: list[list[str]], options: ClusterOptions) -> tuple[list[str], Any]:
    """Vocabulary and the (vocab × 2·contexts) left/right neighbour count matrix."""
    from scipy.sparse import coo_matrix

    counts = Counter(w for s in sentences for w in s)
    vocabulary = [w for w, c in counts.most_common() if c >= options.min_count and w.isprintable() and " " not in w]
    index = {w: i for i, w in enumerate(vocabulary)}
    contexts = {w: i for i, w in enumerate(vocabulary[: options.contexts])}
    rows: list[int] = []
    cols: list[int] = []
    for sentence in sentences:
        ids = [index.get(w, -1) for w in sentence]
        ctx = [contexts.get(w, -1) for w in sentence]
        for i, row in enumerate(ids):
            if row < 0:
                continue
            if i > 0 and ctx[i - 1] >= 0:
                rows.append(row)
                cols.append(ctx[i - 1])
            if i + 1 < len(ids) and ctx[i + 1] >= 0:
                rows.append(row)
                cols.append(len(contexts) + ctx[i + 1])
    data = np.ones(len(rows), dtype=np.float64)
    matrix = coo_matrix((data, (rows, cols)), shape=(len(vocabulary), 2 * len(contexts))).tocsr()
    return vocabulary, matrix


def _ppmi(matrix: Any) -> Any:
    """Positive pointwise mutual information of a sparse count matrix (context smoothing 0.75)."""
    total = matrix.sum()
    row_sums = np.asarray(matrix.sum(axis=1)).ravel()
    col_sums = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75
    col_sums *= total / col_sums.sum()
    coo = matrix.tocoo()
    values = np.log(coo.data * total / (row_sums[coo.row] * col_sums[coo.col]))
    values[values < 0] = 0.0
    coo.data = values
    return coo.tocsr()


def lowercase_shares(sentences: list[list[str]]) -> dict[str, int]:
    """Per lower-cased word, the tenths of its mid-sentence uses written in lower case
    (0 = always capitalised, like a name; 10 = always lower case, like a common word)."""
    seen: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for sentence in sentences:
        for word in sentence[1:]:
            key = word.casefold()
            seen[key] += 1
            if word == key:
                lower[key] += 1
    return {w: round(10 * lower[w] / n) for w, n in seen.items() if n >= 3}


def build_clusters(corpus: Path, output: Path | None = None, options: ClusterOptions | None = None) -> dict[str, Any]:
    """Learn the cluster table from ``corpus`` and write it (default: the packaged file)."""
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    options = options or ClusterOptions()
    cased = list(read_tokenised_corpus(corpus))
    shares = lowercase_shares(cased)
    sentences = [[w.casefold() for w in s] for s in cased]
    vocabulary, counts = _cooccurrence(sentences, options)
    vectors = TruncatedSVD(options.dimensions, random_state=options.seed).fit_transform(_ppmi(counts))
    vectors = normalize(vectors)
    labels = [
        MiniBatchKMeans(k, random_state=options.seed, n_init=3, batch_size=4096).fit_predict(vectors)
        for k in options.granularities
    ]
    target = output or Path(str(resources.files("kronik.stages.ner") / CLUSTER_FILE))
    lines = [f"# word, clusters at k={','.join(map(str, options.granularities))}, tenths of mid-sentence "
             "uses in lower case (- when rare); learned from a news corpus"]
    lines += ["\t".join([word, *(str(int(ks[i])) for ks in labels), str(shares.get(word, "-"))])
              for i, word in enumerate(vocabulary)]
    target.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), 9, mtime=0))
    return {"sentences": len(sentences), "words": len(vocabulary), "output": str(target),
            "bytes": target.stat().st_size}
