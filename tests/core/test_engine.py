from __future__ import annotations

from typing import ClassVar

import pytest

from kronik import Engine, RawArticle, Settings
from kronik.errors import EmptyInputError, StageError, StageOrderError, UnknownStageError
from kronik.model import Article
from kronik.stages.base import StageContext


class Shout:
    name: ClassVar[str] = "shout"
    requires: ClassVar[tuple[str, ...]] = ("raw",)
    assigns: ClassVar[tuple[str, ...]] = ("text",)

    def __init__(self, context: StageContext) -> None:
        self.context = context

    def __call__(self, article: Article) -> Article:
        assert article.raw is not None
        if "boom" in article.raw.content:
            raise ValueError("exploded")
        article.text = article.raw.content.upper()
        return article


class NeedsEvents:
    name: ClassVar[str] = "needs"
    requires: ClassVar[tuple[str, ...]] = ("events",)
    assigns: ClassVar[tuple[str, ...]] = ()

    def __init__(self, context: StageContext) -> None:
        pass

    def __call__(self, article: Article) -> Article:
        return article


def test_custom_stage_registered_by_name() -> None:
    engine = Engine(Settings(pipeline=("shout",), progress=False))
    engine.register("shout", Shout)
    assert engine.analyze(RawArticle(content="halo")).text == "HALO"


def test_unknown_stage_and_order_checked_at_build() -> None:
    with pytest.raises(UnknownStageError, match="nope"):
        _ = Engine(Settings(pipeline=("nope",))).pipeline
    engine = Engine(Settings(pipeline=("needs",)))
    engine.register("needs", NeedsEvents)
    with pytest.raises(StageOrderError, match="events"):
        _ = engine.pipeline


def test_default_pipeline_order_is_valid() -> None:
    names = [stage.name for stage in Engine().pipeline]
    assert names[:3] == ["clean", "language", "sentences"] and "entities" in names


def test_batch_continues_past_failures() -> None:
    engine = Engine(Settings(pipeline=("shout",), progress=False))
    engine.register("shout", Shout)
    items = [RawArticle(content="satu"), EmptyInputError("input is empty", path="e.txt"),
             RawArticle(content="boom"), RawArticle(content="dua")]
    results = list(engine.analyze_many(items))
    assert [r.ok for r in results] == [True, False, False, True]
    failure = results[2].failure
    assert failure is not None and isinstance(failure.error, StageError)
    assert "exploded" in failure.reason


def test_fail_fast_raises() -> None:
    engine = Engine(Settings(pipeline=("shout",), fail_fast=True))
    engine.register("shout", Shout)
    with pytest.raises(StageError):
        list(engine.analyze_many([RawArticle(content="boom")]))


def test_settings_overrides_applied() -> None:
    from datetime import date

    engine = Engine(Settings(pipeline=("shout",), published=date(2020, 1, 2), outlet="X", language="en"))
    engine.register("shout", Shout)
    article = engine.analyze(RawArticle(content="a"))
    assert article.raw is not None
    assert article.raw.published == date(2020, 1, 2) and article.source.outlet == "X"


def test_stage_hook_hears_every_stage_in_order() -> None:
    from kronik.engine import StageTimings

    engine = Engine(Settings(pipeline=("shout",), progress=False))
    engine.register("shout", Shout)
    timings = StageTimings()
    results = list(engine.analyze_many([RawArticle(content="a"), RawArticle(content="b")], on_stage=timings))
    assert all(r.ok for r in results)
    assert list(timings.seconds) == ["shout"] and timings.seconds["shout"] >= 0.0


def test_clean_input_is_analysed_verbatim(engine: Engine) -> None:
    text = "Baca juga: sebuah judul lain\nPresiden Joko Widodo bertemu Perdana Menteri Jepang di Jakarta."
    article = engine.analyze(RawArticle(content=text, kind="clean", language="id"))
    assert article.text == text and not article.removed and article.dateline is None
    assert article.language == "id" and article.entities
    crawled = engine.analyze(RawArticle(content=text, language="id"))
    assert crawled.text != text and crawled.removed
