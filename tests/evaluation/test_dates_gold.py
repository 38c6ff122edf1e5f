"""Dates on the shared gold: the id-events date expressions and IndoSum publication dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kronik import Engine
from kronik.evaluation import evaluate
from kronik.evaluation.dates_id import KINDS, date_kind
from kronik.evaluation.published import collection_day

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def gold(relative: str) -> Path:
    path = DATA / relative
    if not path.exists():
        pytest.skip(f"gold data {path} is absent (clone without ../shared)")
    return path


def test_collection_day_is_the_jakarta_day_of_the_id() -> None:
    assert collection_day("1490674536-mustahil-transportasi") == date(2017, 3, 28)
    assert collection_day("no-timestamp") is None


def test_date_kinds() -> None:
    weekdays = frozenset({"senin", "jumat", "sabtu"})
    assert date_kind("Jumat (18/12/2020)", "2020-12-18", None, weekdays) == "weekday+date"
    assert date_kind("Sabtu kemarin", "2021-01-23", None, weekdays) == "weekday"
    assert date_kind("kemarin", "2021-01-22", None, weekdays) == "relative"
    assert date_kind("Maret lalu", "2020-03", None, weekdays) == "month/year"
    assert date_kind("2016-2021", "2016", "2021", weekdays) == "range"
    assert date_kind("9 Juli 2020", "2020-07-09", None, weekdays) == "date"


@pytest.mark.gold
def test_dates_id_every_kind(engine: Engine) -> None:
    result = evaluate("dates-id", gold("id-events/pfsa-dev-32.json"), engine)
    assert result["f1"] >= 0.93 and set(result["by_kind"]) == set(KINDS)
    for kind, scores in result["by_kind"].items():
        assert scores["recall"] >= 0.75, (kind, scores)


@pytest.mark.gold
def test_published_dates_on_indosum_are_right_or_null(engine: Engine) -> None:
    result = evaluate("published", gold("indosum/dev.05.jsonl"), engine, limit=300)
    assert result["inferred"] + result["null"] == result["articles"] == 300
    assert result["year_accuracy"] >= 0.98 and result["day_accuracy"] >= 0.9
    assert result["inferred"] >= 150
