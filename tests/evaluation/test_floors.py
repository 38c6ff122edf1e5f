"""Every pinned evaluation floor holds on the shared gold data (skipped where it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kronik import Engine
from kronik.evaluation import DEFAULT_DATA, evaluate, floors

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.gold
@pytest.mark.parametrize("stage", sorted(floors()))
def test_floor(stage: str, engine: Engine) -> None:
    data = ROOT / DEFAULT_DATA[stage]
    if not data.exists():
        pytest.skip(f"gold data for {stage} is absent: {data}")
    result = evaluate(stage, data, engine)
    for metric, floor in floors()[stage].items():
        assert result[metric] >= floor, f"{stage} {metric} {result[metric]} fell below the floor {floor}"
    assert {"precision", "recall", "f1"} <= set(result)


def test_every_floor_names_a_known_stage() -> None:
    assert set(floors()) <= set(DEFAULT_DATA)


def test_bio_reader_and_spans(tmp_path: Path) -> None:
    from kronik.evaluation.ner import read_bio, spans_from_tags

    path = tmp_path / "x.txt"
    path.write_text("Joko PROPN B-PER\r\nWidodo PROPN I-PER\r\nke ADP O\r\nBandung PROPN B-LOC\r\n\r\nIa PRON O\r\n")
    sentences = read_bio(path)
    assert [len(t) for t, _ in sentences] == [4, 1]
    assert spans_from_tags(sentences[0][1]) == {(0, 2, "PER"), (3, 4, "LOC")}
