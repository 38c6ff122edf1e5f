"""The IndoSum topic split and the held-out evaluation (skipped without ../shared)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kronik import Engine
from kronik.evaluation import evaluate
from kronik.evaluation.topics import read_labelled

INDOSUM = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "indosum"
pytestmark = pytest.mark.gold


@pytest.fixture(scope="module")
def data() -> Path:
    if not INDOSUM.exists():
        pytest.skip(f"gold data {INDOSUM} is absent (clone without ../shared)")
    return INDOSUM


def test_indosum_split_is_disjoint_and_deduplicated(data: Path) -> None:
    train, test = read_labelled(data, split="train"), read_labelled(data, split="test")
    assert not {a.id for a in train} & {a.id for a in test}
    assert len(train) + len(test) == len(read_labelled(data)) > 3000
    assert 0.15 < len(test) / (len(train) + len(test)) < 0.25
    assert set(Counter(a.topic for a in test)) == {"news", "sport", "technology", "entertainment", "lifestyle"}


def test_held_out_topics(engine: Engine, data: Path) -> None:
    result = evaluate("topics", data, engine, limit=200)
    assert result["articles"] == 200 and result["failures"] == 0
    assert result["accuracy"] > 0.85
    assert result["per_topic"]["sport"]["f1"] > 0.9
    assert {"precision", "recall", "f1", "per_topic", "gated_share"} <= set(result)
