"""A greedy averaged-perceptron BIO tagger for PER/ORG/LOC, with knowledge-base features.

Features per token: the word and its shape, affixes, neighbouring words, the previous tag, whether
a title or a location cue precedes it, and the gazetteer's type for the token (B-/I- of a KB
match). Trained on the IDN NER news training split with ``kronik train ner``; only the weights ship
(``stages/ner/model.json.gz``), never the training text.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from kronik.errors import ResourceError

__all__ = ["MODEL_FILE", "PerceptronTagger", "shape", "tokenize", "train"]

MODEL_FILE = "model.json.gz"
_TOKEN = re.compile(r"\w+(?:[-.'’&]\w+)*\.?(?<!\.)|\w+|[^\w\s]")
_START, _END = "<s>", "</s>"


def tokenize(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Token offsets in ``text[start:end]`` (words with inner hyphens/dots, punctuation apart)."""
    return [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])]


def shape(word: str) -> str:
    """Xxxx / XX / dd / x-x style shape, runs collapsed."""
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


@dataclass(slots=True)
class TokenContext:
    """Extra per-token signals from the knowledge base and word lists."""

    gazetteer: list[str]  # "B-PERSON", "I-GPE", "" ...
    after_title: list[bool]
    after_location_cue: list[bool]


def features(words: Sequence[str], i: int, prev: str, prev2: str, ctx: TokenContext) -> list[str]:
    w = words[i]
    low = w.casefold()
    p1 = words[i - 1].casefold() if i > 0 else _START
    p2 = words[i - 2].casefold() if i > 1 else _START
    n1 = words[i + 1].casefold() if i + 1 < len(words) else _END
    n2 = words[i + 2].casefold() if i + 2 < len(words) else _END
    n1_shape = shape(words[i + 1]) if i + 1 < len(words) else _END
    return [
        "b", f"w={low}", f"s={shape(w)}", f"p3={low[:3]}", f"s3={low[-3:]}", f"s2={low[-2:]}",
        f"t={prev}", f"t2={prev}|{prev2}", f"tw={prev}|{low}", f"p1={p1}", f"p2={p2}", f"n1={n1}",
        f"n2={n2}", f"p1w={p1}|{low}", f"wn1={low}|{n1}", f"ns={n1_shape}", f"first={i == 0}",
        f"g={ctx.gazetteer[i]}", f"gp={ctx.gazetteer[i - 1] if i else _START}",
        f"gn={ctx.gazetteer[i + 1] if i + 1 < len(words) else _END}",
        f"title={ctx.after_title[i]}", f"loc={ctx.after_location_cue[i]}",
        f"sg={shape(w)}|{ctx.gazetteer[i]}",
    ]


class PerceptronTagger:
    """Weights: feature → tag → weight."""

    def __init__(self, weights: dict[str, dict[str, float]], tags: list[str]) -> None:
        self.weights = weights
        self.tags = tags

    @classmethod
    def load(cls, path: Path | None = None) -> PerceptronTagger:
        try:
            if path is None:
                raw = (resources.files("kronik.stages.ner") / MODEL_FILE).read_bytes()
            else:
                raw = path.read_bytes()
            data = json.loads(gzip.decompress(raw))
        except (OSError, ValueError) as exc:
            raise ResourceError(f"NER model {path or MODEL_FILE} is missing or corrupt: {exc}") from exc
        return cls(data["weights"], data["tags"])

    def save(self, path: Path) -> None:
        payload = {"tags": self.tags, "weights": self.weights}
        path.write_bytes(gzip.compress(json.dumps(payload, separators=(",", ":")).encode("utf-8"), 9))

    def _best(self, feats: list[str]) -> str:
        scores: dict[str, float] = defaultdict(float)
        for f in feats:
            for tag, weight in self.weights.get(f, {}).items():
                scores[tag] += weight
        return max(self.tags, key=lambda t: (scores.get(t, 0.0), t == "O"))

    def tag(self, words: Sequence[str], ctx: TokenContext) -> list[str]:
        out: list[str] = []
        prev, prev2 = _START, _START
        for i in range(len(words)):
            tag = self._best(features(words, i, prev, prev2, ctx))
            if tag.startswith("I-") and prev[2:] != tag[2:]:
                tag = "B-" + tag[2:]
            out.append(tag)
            prev2, prev = prev, tag
        return out


def train_weights(
    data: list[tuple[list[str], list[str], TokenContext]], epochs: int = 8, seed: int = 13
) -> PerceptronTagger:
    """Averaged perceptron over greedy left-to-right decoding."""
    tags = sorted({t for _, ts, _ in data for t in ts})
    weights: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    totals: dict[tuple[str, str], float] = defaultdict(float)
    stamps: dict[tuple[str, str], int] = defaultdict(int)
    step = 0
    order = list(range(len(data)))
    rng = random.Random(seed)
    model = PerceptronTagger(weights, tags)
    for _ in range(epochs):
        rng.shuffle(order)
        for index in order:
            words, gold, ctx = data[index]
            prev, prev2 = _START, _START
            for i in range(len(words)):
                feats = features(words, i, prev, prev2, ctx)
                guess = model._best(feats)
                step += 1
                if guess != gold[i]:
                    for f in feats:
                        for tag, delta in ((gold[i], 1.0), (guess, -1.0)):
                            key = (f, tag)
                            totals[key] += (step - stamps[key]) * weights[f][tag]
                            stamps[key] = step
                            weights[f][tag] += delta
                prev2, prev = prev, gold[i]
    averaged: dict[str, dict[str, float]] = {}
    for f, by_tag in weights.items():
        for tag, weight in by_tag.items():
            key = (f, tag)
            total = totals[key] + (step - stamps[key]) * weight
            value = round(total / step, 3)
            if value:
                averaged.setdefault(f, {})[tag] = value
    return PerceptronTagger(averaged, tags)


def train(data: Path, output: Path | None = None, epochs: int = 8) -> dict[str, Any]:
    """Train on a BIO file and write the model (default: the packaged model file)."""
    from kronik.config import Settings
    from kronik.evaluation.ner import read_bio
    from kronik.stages.base import Resources
    from kronik.stages.ner.context import ContextBuilder

    builder = ContextBuilder.from_resources(Resources(Settings()))
    sentences = read_bio(data)
    examples = []
    for words, tags in sentences:
        examples.append((words, tags, builder.for_tokens(words)))
    tagger = train_weights(examples, epochs=epochs)
    target = output or Path(str(resources.files("kronik.stages.ner") / MODEL_FILE))
    tagger.save(target)
    return {"sentences": len(sentences), "features": len(tagger.weights), "tags": tagger.tags,
            "output": str(target), "bytes": target.stat().st_size}
