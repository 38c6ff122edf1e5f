"""Cross-validation of the NER tagger on the training split (settings are chosen here, never on dev).

Each fold trains a CRF on the other folds and scores the held-out sentences twice: the tagger's
own BIO spans, and the whole entity stage (gazetteer, rules, coreference) with that tagger in it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from kronik.config import Settings
from kronik.engine import Engine
from kronik.evaluation.ner import count_spans, counts_report, read_bio, score, spans_from_tags
from kronik.model import Article
from kronik.stages.entities import EntityStage, ner_lexicon
from kronik.stages.ner.crf import CrfTagger
from kronik.training.ner import CrfOptions, FeatureMaker, Sentence, fit, folds

__all__ = ["cross_validate"]


def cross_validate(data: Path, options: CrfOptions | None = None, count: int = 5) -> dict[str, Any]:
    """Scores over ``count`` folds of ``data``: the tagger alone (pooled span counts) and the
    whole stage (sentence-weighted mean of the folds)."""
    engine = Engine(Settings(progress=False).replace(pipeline=("clean", "language", "sentences", "entities")))
    stages = {stage.name: stage for stage in engine.pipeline}
    entity_stage = stages["entities"]
    assert isinstance(entity_stage, EntityStage)
    maker = FeatureMaker.from_resources(engine.resources)
    lexicon = ner_lexicon(engine.resources)
    sentences = read_bio(data)
    tagger_counts: tuple[Counter[str], Counter[str], Counter[str]] = (Counter(), Counter(), Counter())
    stage_reports = []
    split = stages["sentences"]

    def analyse(article: Article) -> Article:
        return entity_stage(split(article))

    for training, held in folds(sentences, count):
        model = fit(maker, training, options or CrfOptions())
        tagger = CrfTagger(model, lexicon)
        _count_tagger(maker, tagger, held, tagger_counts)
        entity_stage.tagger = tagger  # the stage object is this engine's own: swap its tagger
        stage_reports.append((len(held), score(held, analyse)))
    return {"tagger": counts_report(*tagger_counts), "stage": _pooled(stage_reports),
            "options": {k: getattr(options or CrfOptions(), k) for k in ("c1", "c2", "iterations")}}


def _count_tagger(
    maker: FeatureMaker, tagger: CrfTagger, held: list[Sentence],
    counts: tuple[Counter[str], Counter[str], Counter[str]],
) -> None:
    words = [w for w, _ in held]
    tags = tagger.tag(words, [maker.gazetteer_tags(sentence) for sentence in words])
    for (_, gold_tags), predicted_tags in zip(held, tags, strict=True):
        count_spans(spans_from_tags(predicted_tags), spans_from_tags(gold_tags), counts)


def _pooled(reports: list[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    """Sentence-weighted mean of the folds' stage scores."""
    total = sum(n for n, _ in reports)
    return {key: round(sum(n * r[key] for n, r in reports) / total, 4) for key in ("precision", "recall", "f1")}

