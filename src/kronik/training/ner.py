"""Training the NER tagger: CRFsuite on a BIO file, weights exported for the numpy tagger.

``kronik train ner`` reads the IDN NER news training split, computes the same features as the
runtime tagger (:mod:`kronik.stages.ner.features`), trains a first-order CRF with CRFsuite
(L-BFGS, L1 + L2) and writes only the weights (``stages/ner/crf.json.gz``), never the text.
CRFsuite (``python-crfsuite``, the ``train`` extra) is needed here only, not at run time.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from kronik.config import Settings
from kronik.errors import ResourceError
from kronik.evaluation.ner import join_tokens, read_bio
from kronik.stages.base import Resources
from kronik.stages.ner.context import gazetteer_tags
from kronik.stages.ner.crf import MODEL_FILE, CrfModel
from kronik.stages.ner.features import (
    OFFSETS,
    PAD,
    PAIR_OFFSETS,
    NerLexicon,
    pair_features,
    position_features,
    signatures,
    word_features,
)
from kronik.stages.ner.gazetteer import Gazetteer
from kronik.stages.ner.gazetteer import gazetteer as engine_gazetteer

__all__ = ["CrfOptions", "FeatureMaker", "fit", "train"]

Sentence = tuple[list[str], list[str]]


@dataclass(slots=True, frozen=True)
class CrfOptions:
    """CRFsuite settings (chosen by cross-validation on the training split)."""

    c1: float = 0.01
    c2: float = 0.01
    iterations: int = 200
    min_frequency: int = 1


@dataclass(slots=True)
class FeatureMaker:
    """Attribute sequences in CRFsuite's format, named exactly as the runtime tagger reads them."""

    lexicon: NerLexicon
    gazetteer: Gazetteer

    @classmethod
    def from_resources(cls, resources: Resources) -> FeatureMaker:
        from kronik.stages.entities import ner_lexicon

        return cls(ner_lexicon(resources), engine_gazetteer(resources))

    def gazetteer_tags(self, words: Sequence[str]) -> list[str]:
        """The KB match tag of each token of a sentence joined with spaces."""
        text, spans = join_tokens(words)
        return gazetteer_tags(self.gazetteer.kb, spans, self.gazetteer.find(text))

    def attributes(self, words: Sequence[str]) -> list[list[str]]:
        """Per token, every ``offset|feature`` name of its window."""
        contexts = signatures(words, self.gazetteer_tags(words), self.lexicon)
        by_word = [word_features(w, self.lexicon) for w in words]
        pad = word_features(PAD, self.lexicon)
        padded = [PAD, *words, PAD]
        pairs = [pair_features(padded[j], padded[j + 1]) for j in range(len(words) + 1)]
        out: list[list[str]] = []
        for i in range(len(words)):
            names = [f"{offset}|{n}" for offset in PAIR_OFFSETS for n in pairs[i + offset][offset]]
            for offset in OFFSETS:
                j = i + offset
                inside = 0 <= j < len(words)
                names += [f"{offset}|{n}" for n in (by_word[j] if inside else pad)[offset]]
                if inside:
                    names += [f"{offset}|{n}" for n in position_features(contexts[j]).get(offset, ())]
            out.append(names)
        return out


def fit(maker: FeatureMaker, sentences: Sequence[Sentence], options: CrfOptions) -> CrfModel:
    """Train a CRF on ``sentences`` and return its weights."""
    try:
        import pycrfsuite
    except ImportError as exc:  # pragma: no cover - the train extra is missing
        raise ResourceError("training the NER tagger needs python-crfsuite (pip install kronik[train])") from exc
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in sentences:
        trainer.append(maker.attributes(words), tags)
    trainer.set_params({"c1": options.c1, "c2": options.c2, "max_iterations": options.iterations,
                        "feature.minfreq": options.min_frequency,
                        "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "model.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        tagger.close()
    return _export(info)


def _export(info: Any) -> CrfModel:
    """CRFsuite's state and transition weights as dense arrays (zero weights dropped)."""
    tags = sorted(info.labels)
    tag_index = {t: i for i, t in enumerate(tags)}
    attributes: dict[str, int] = {}
    for attribute, _ in info.state_features:
        attributes.setdefault(attribute, len(attributes))
    weights = np.zeros((len(attributes), len(tags)), dtype=np.float32)
    for (attribute, tag), weight in info.state_features.items():
        weights[attributes[attribute], tag_index[tag]] = weight
    transitions = np.zeros((len(tags), len(tags)), dtype=np.float32)
    for (before, after), weight in info.transitions.items():
        transitions[tag_index[before], tag_index[after]] = weight
    return CrfModel(tags, transitions, attributes, weights)


def folds(sentences: Sequence[Sentence], count: int) -> Iterator[tuple[list[Sentence], list[Sentence]]]:
    """(training, held-out) pairs of a k-fold split by sentence position (contiguous blocks)."""
    size = -(-len(sentences) // count)
    for k in range(count):
        held = list(sentences[k * size : (k + 1) * size])
        rest = list(sentences[: k * size]) + list(sentences[(k + 1) * size :])
        yield rest, held


def train(data: Path, output: Path | None = None, options: CrfOptions | None = None) -> dict[str, Any]:
    """Train on a BIO file and write the model (default: the packaged model file)."""
    maker = FeatureMaker.from_resources(Resources(Settings()))
    sentences = read_bio(data)
    model = fit(maker, sentences, options or CrfOptions())
    target = output or Path(str(resources.files("kronik.stages.ner") / MODEL_FILE))
    model.save(target)
    return {"sentences": len(sentences), "attributes": len(model.attributes), "tags": model.tags,
            "output": str(target), "bytes": target.stat().st_size}
