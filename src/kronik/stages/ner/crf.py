"""A linear-chain CRF tagger scored with numpy: cached per-word emission tables, batched Viterbi.

The weights are those of a first-order CRF trained with CRFsuite (:mod:`kronik.training.ner`):
one weight per (feature, tag) and per (tag, next tag). Because every feature belongs to one word
or one position signature at one offset, a word type's contribution to the five positions around
it is a fixed (offsets × tags) table; the tagger builds it the first time it meets the word and
then only gathers rows. Viterbi runs over all sentences of an article at once.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise, repeat
from pathlib import Path
from typing import Any

import numpy as np

from kronik.errors import ResourceError
from kronik.stages.ner.features import (
    OFFSETS,
    PAD,
    PAIR_JOINER,
    PAIR_OFFSETS,
    NerLexicon,
    Signature,
    position_features,
    signatures,
    word_features,
)

__all__ = ["MODEL_FILE", "CrfModel", "CrfTagger"]

MODEL_FILE = "crf.json.gz"
_EMPTY: Signature = ("", False, False)
_MARGIN = max(-min(OFFSETS), max(OFFSETS))
_CACHE_LIMIT = 400_000


@dataclass(slots=True)
class CrfModel:
    """Tags, transition weights [previous, next] and state weights [attribute row, tag]."""

    tags: list[str]
    transitions: np.ndarray
    attributes: dict[str, int]
    weights: np.ndarray

    @classmethod
    def load(cls, path: Path | None = None) -> CrfModel:
        """The packaged model, or the one at ``path``."""
        try:
            raw = path.read_bytes() if path else (resources.files("kronik.stages.ner") / MODEL_FILE).read_bytes()
            data = json.loads(gzip.decompress(raw))
            tags = list(data["tags"])
            weights = np.frombuffer(base64.b64decode(data["weights"]), dtype=np.float32)
            weights = weights.reshape(len(data["attributes"]), len(tags))
            transitions = np.asarray(data["transitions"], dtype=np.float32).reshape(len(tags), len(tags))
        except (OSError, ValueError, KeyError) as exc:
            raise ResourceError(f"NER model {path or MODEL_FILE} is missing or corrupt: {exc}") from exc
        return cls(tags, transitions, {a: i for i, a in enumerate(data["attributes"])}, weights)

    def save(self, path: Path) -> None:
        names = sorted(self.attributes, key=self.attributes.__getitem__)
        payload: dict[str, Any] = {
            "tags": self.tags, "attributes": names,
            "transitions": [round(float(x), 5) for x in self.transitions.ravel()],
            "weights": base64.b64encode(self.weights.astype(np.float32).tobytes()).decode("ascii"),
        }
        path.write_bytes(gzip.compress(json.dumps(payload, separators=(",", ":")).encode("utf-8"), 9, mtime=0))


def _pair_table(model: CrfModel) -> tuple[dict[str, int], np.ndarray]:
    """Rows of the word pairs the model weighs (row 0: every other pair, all zeros)."""
    pairs: dict[str, int] = {}
    targets: list[int] = []
    sources: list[int] = []
    slot = {offset: OFFSETS.index(offset) for offset in PAIR_OFFSETS}
    for attribute, row in model.attributes.items():
        offset_text, _, feature = attribute.partition("|")
        name, _, key = feature.partition("=")
        offset = int(offset_text) if offset_text.lstrip("-").isdigit() else None
        if offset not in PAIR_OFFSETS or PAIR_OFFSETS[offset] != name:
            continue
        index = pairs.setdefault(key, len(pairs) + 1)
        targets.append(index * len(OFFSETS) + slot[offset])
        sources.append(row)
    table = np.zeros((len(pairs) + 1, len(OFFSETS), len(model.tags)), dtype=np.float32)
    if targets:
        np.add.at(table.reshape(-1, len(model.tags)), np.asarray(targets), model.weights[np.asarray(sources)])
    return pairs, table


class CrfTagger:
    """BIO tags for tokenised sentences; per-word tables cached for the engine's lifetime."""

    def __init__(self, model: CrfModel, lexicon: NerLexicon) -> None:
        self.model = model
        self.lexicon = lexicon
        self._word_rows: dict[str, int] = {}
        self._context_rows: dict[Signature, int] = {}
        self._size = 0
        self._table = np.zeros((1024, len(OFFSETS), len(model.tags)), dtype=np.float32)
        self._pairs, self._pair_table = _pair_table(model)

    def tag(self, sentences: Sequence[Sequence[str]], gazetteer: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags of every sentence; ``gazetteer`` holds the KB match tag of each token ("" if none)."""
        if not sentences:
            return []
        words: list[str] = [PAD] * _MARGIN
        contexts: list[Signature] = [_EMPTY] * _MARGIN
        for sentence, labels in zip(sentences, gazetteer, strict=True):
            words += sentence
            words += [PAD] * _MARGIN
            contexts += signatures(sentence, labels, self.lexicon)
            contexts += [_EMPTY] * _MARGIN
        emissions = self._emissions(words, contexts)
        spans, position = [], _MARGIN
        for sentence in sentences:
            spans.append((position, len(sentence)))
            position += len(sentence) + _MARGIN
        paths = self._viterbi(emissions, spans)
        return [[self.model.tags[i] for i in path] for path in paths]

    def _emissions(self, words: list[str], contexts: list[Signature]) -> np.ndarray:
        word_ids = self._ids(words, self._word_rows)
        context_ids = self._ids(contexts, self._context_rows)  # may grow the table: index after
        gathered = self._table[word_ids] + self._table[context_ids]
        lowered = [w.casefold() for w in words]
        keys = [a + PAIR_JOINER + b for a, b in pairwise(lowered)]
        gathered[1:] += self._pair_table[np.fromiter(map(self._pairs.get, keys, repeat(0)), np.int64, len(keys))]
        size = len(words)
        emissions = np.zeros((size, len(self.model.tags)), dtype=np.float32)
        inner = slice(_MARGIN, size - _MARGIN)
        for k, offset in enumerate(OFFSETS):
            emissions[inner] += gathered[_MARGIN + offset : size - _MARGIN + offset, k]
        return emissions

    def _ids(self, keys: Sequence[Hashable], rows: dict[Any, int]) -> np.ndarray:
        """Table rows of words or signatures, building the rows of keys not seen before."""
        if self._size > _CACHE_LIMIT:
            self._word_rows.clear()
            self._context_rows.clear()
            self._size = 0
        found = list(map(rows.get, keys))
        if None in found:
            self._build(list(dict.fromkeys(k for k, row in zip(keys, found, strict=True) if row is None)), rows)
            found = list(map(rows.__getitem__, keys))
        return np.asarray(found, dtype=np.int64)

    def _build(self, keys: list[Hashable], rows: dict[Any, int]) -> None:
        first = self._size
        self._size += len(keys)
        if self._size > len(self._table):
            grown = np.zeros((max(self._size, 2 * len(self._table)), *self._table.shape[1:]), dtype=np.float32)
            grown[: len(self._table)] = self._table
            self._table = grown
        self._table[first : self._size] = 0.0
        attributes = self.model.attributes
        positional = rows is self._context_rows
        targets: list[int] = []
        sources: list[int] = []
        for n, key in enumerate(keys):
            names = position_features(key) if positional else word_features(key, self.lexicon)  # type: ignore[arg-type]
            for k, offset in enumerate(OFFSETS):
                for name in names.get(offset, ()):
                    row = attributes.get(f"{offset}|{name}")
                    if row is not None:
                        targets.append((first + n) * len(OFFSETS) + k)
                        sources.append(row)
            rows[key] = first + n
        flat = self._table.reshape(-1, len(self.model.tags))
        np.add.at(flat, np.asarray(targets, dtype=np.int64), self.model.weights[np.asarray(sources, dtype=np.int64)])

    def _viterbi(self, emissions: np.ndarray, spans: list[tuple[int, int]]) -> list[list[int]]:
        """Best tag paths of the sentences at ``spans`` (start, length), all advanced together."""
        order = sorted(range(len(spans)), key=lambda s: -spans[s][1])
        lengths = [spans[s][1] for s in order]
        longest = lengths[0]
        tags = len(self.model.tags)
        batch = np.zeros((len(order), max(longest, 1), tags), dtype=np.float32)
        for row, s in enumerate(order):
            start, length = spans[s]
            batch[row, :length] = emissions[start : start + length]
        back = np.zeros((len(order), max(longest, 1), tags), dtype=np.int64)
        delta = batch[:, 0].copy()
        active = len(order)
        for t in range(1, longest):
            while active and lengths[active - 1] <= t:
                active -= 1
            scores = delta[:active, :, None] + self.model.transitions
            back[:active, t] = scores.argmax(axis=1)
            delta[:active] = scores.max(axis=1) + batch[:active, t]
        paths: list[list[int]] = [[] for _ in spans]
        last = delta.argmax(axis=1).tolist()
        for row, s in enumerate(order):
            length = lengths[row]
            if not length:
                continue
            pointers = back[row, :length].tolist()
            path = [last[row]]
            for t in range(length - 1, 0, -1):
                path.append(pointers[t][path[-1]])
            paths[s] = path[::-1]
        return paths
