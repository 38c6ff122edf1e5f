"""``kronik train topics`` end to end on a small hand-written corpus in IndoSum's format."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from kronik.errors import EvaluationError
from kronik.evaluation.topics import read_labelled, split_of
from kronik.stages.topic import TopicModel, topic_words
from kronik.training.topics import train

SENTENCES = {
    "olahraga": [
        "Klub tuan rumah menang tipis atas tim tamu di stadion kota .",
        "Pelatih memuji para pemain yang tampil disiplin sepanjang laga .",
        "Gol tunggal dicetak penyerang sayap pada babak kedua .",
        "Kapten tim berharap kemenangan ini menjadi modal menuju final .",
        "Atlet bulu tangkis itu melaju ke perempat final turnamen .",
        "Pebalap muda itu finis ketiga setelah start dari posisi kesepuluh .",
    ],
    "tajuk utama": [
        "Polisi menangkap tersangka pencurian di sebuah rumah warga .",
        "Gubernur meminta pemerintah pusat menambah anggaran bantuan banjir .",
        "Anggota dewan mengkritik rencana kenaikan tarif listrik .",
        "Jaksa menuntut terdakwa korupsi dengan hukuman delapan tahun penjara .",
        "Menteri mengatakan harga beras akan stabil menjelang lebaran .",
        "Ribuan buruh berunjuk rasa di depan kantor gubernur menuntut upah layak .",
    ],
}


def write_corpus(path: Path, per_category: int = 15) -> None:
    rng = random.Random(5)
    lines = []
    for category, sentences in SENTENCES.items():
        for n in range(per_category):
            chosen = rng.sample(sentences, 4)
            paragraphs = [[sentence.split() for sentence in chosen[:2]], [chosen[2].split(), chosen[3].split()]]
            record = {"id": f"{category}-{n}", "category": category, "paragraphs": paragraphs, "source": "x"}
            lines.append(json.dumps(record))
    path.write_text("\n".join([*lines, lines[0]]) + "\n", encoding="utf-8")  # one repeat, as in the folds


def test_train_writes_a_model_that_loads_and_predicts(tmp_path: Path) -> None:
    data = tmp_path / "corpus.jsonl"
    write_corpus(data)
    output = tmp_path / "topics.json.gz"
    result = train(data, output)
    assert result["articles"] == len(read_labelled(data, split="train")) < 30
    assert result["export_max_probability_drift"] < 1e-3
    model = TopicModel.load(output)
    assert set(model.labels) == {"sport", "news"}
    assert model.metadata["cross_validation"]["folds"] == 5
    assert set(model.metadata["gate_out_of_fold"]["0.50"]) == {"sport", "news"}
    assert model.predict(topic_words("Pelatih memuji pemain yang mencetak gol di stadion"))[0] == "sport"
    assert model.predict(topic_words("Polisi menangkap tersangka korupsi anggaran"))[0] == "news"


def test_split_is_by_id_and_stable() -> None:
    assert split_of("abc") == split_of("abc")
    shares = [split_of(f"article-{i}") == "test" for i in range(2000)]
    assert 0.17 < sum(shares) / len(shares) < 0.23


def test_bad_training_input_is_named(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="IndoSum JSONL"):
        train(tmp_path / "train.txt", tmp_path / "m.json.gz")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "category": "olahraga", "paragraphs": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"bad.jsonl:2"):
        read_labelled(bad)
    bad.write_text('{"id": "a", "category": "cuaca", "paragraphs": []}\n', encoding="utf-8")
    with pytest.raises(EvaluationError, match="category"):
        read_labelled(bad)
