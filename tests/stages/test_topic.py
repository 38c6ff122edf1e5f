"""The topic stage, its packaged model and the political-event gate, on hand-written texts."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from kronik import Engine, Settings
from kronik.errors import ResourceError
from kronik.model import Article, Dateline, RawArticle
from kronik.ontology.topics import TopicScheme
from kronik.stages.topic import TopicModel, topic_text, topic_words

SPORT = (
    "Timnas Indonesia menang 2-0 atas Vietnam dalam laga persahabatan di Stadion Gelora Bung Karno, "
    "Jakarta, Selasa malam. Kedua gol dicetak penyerang muda itu pada babak kedua. Pelatih mengaku "
    "puas dengan permainan anak asuhnya dan berharap para pemain menjaga kebugaran menjelang "
    "turnamen Piala AFF bulan depan. Kapten tim menyebut kemenangan ini modal penting untuk "
    "pertandingan berikutnya melawan Thailand."
)
POLICE = (
    "Polres Metro Jakarta Barat menangkap dua pria yang diduga mencuri sepeda motor di kawasan "
    "Tambora, Senin (4/3). Kapolres mengatakan kedua tersangka sudah lama diincar petugas karena "
    "beraksi di sejumlah lokasi. Polisi menyita barang bukti berupa kunci letter T dan dua unit "
    "sepeda motor. Para pelaku dijerat pasal pencurian dengan pemberatan dengan ancaman hukuman "
    "tujuh tahun penjara."
)
ENGLISH = (
    "The national team beat Vietnam 2-0 in a friendly match at the main stadium on Tuesday night. "
    "The coach praised the players and said the squad was ready for next month's tournament."
)


@pytest.fixture(scope="module")
def topic_engine() -> Engine:
    return Engine(Settings(pipeline=("clean", "language", "topic"), progress=False))


def analyse(engine: Engine, text: str) -> Article:
    return engine.analyze(RawArticle(content=text))


def test_packaged_model_loads() -> None:
    model = TopicModel.load()
    assert set(model.labels) == set(TopicScheme.load().labels)
    assert {"id", "ms"} <= model.languages and "en" not in model.languages
    assert len(model.terms) > 5000 and model.coef.shape == (len(model.labels), len(model.terms))
    assert model.metadata["split"]["trained_on"] == "train"
    assert model.metadata["settings"]["C"] > 0


def test_sport_report_is_sport(topic_engine: Engine) -> None:
    article = analyse(topic_engine, SPORT)
    assert article.topic == "sport"
    assert article.topic_confidence is not None and article.topic_confidence > 0.5
    assert TopicScheme.load().outside_politics(article.topic, article.topic_confidence)


def test_police_report_is_news(topic_engine: Engine) -> None:
    article = analyse(topic_engine, POLICE)
    assert article.topic == "news"
    assert not TopicScheme.load().outside_politics(article.topic, article.topic_confidence)


def test_other_languages_get_no_topic(topic_engine: Engine) -> None:
    article = analyse(topic_engine, ENGLISH)
    assert article.language == "en"
    assert article.topic is None and article.topic_confidence is None


def test_topic_survives_the_contract(topic_engine: Engine) -> None:
    from kronik.schema import validate_article

    data = analyse(topic_engine, SPORT).to_dict()
    validate_article(data)
    again = Article.from_dict(data)
    assert (again.topic, again.topic_confidence) == (data["topic"], data["topic_confidence"])


def test_words_leave_out_domains_digits_and_dateline() -> None:
    assert topic_words("Suara.com-Timnas U-19 menang 3-1 di kumparan.co.id, kata dia.") == [
        "timnas", "menang", "di", "kata", "dia"]
    text = "JAKARTA (Kantor Berita) - Harga cabai naik."
    article = Article(text=text, title="Cabai", dateline=Dateline(place="JAKARTA", start=0, end=25))
    assert topic_text(article, 100) == "Cabai\n  Harga cabai naik."
    assert topic_text(article, 8) == "Cabai\n  Harga "


def test_probabilities_follow_tfidf_logistic_regression(tmp_path: Path) -> None:
    model = TopicModel(
        labels=("a", "b"), languages=frozenset({"id"}), terms=["bola", "polisi"],
        idf=np.array([1.0, 2.0]), coef=np.array([[2.0, -1.0], [-2.0, 1.0]]), intercept=np.array([0.0, 0.5]),
    )
    assert model.probabilities(["tidak", "dikenal"]) is None
    tfidf = np.array([1.0 + np.log(2.0), 2.0])
    tfidf /= np.linalg.norm(tfidf)
    scores = np.array([[2.0, -1.0], [-2.0, 1.0]]) @ tfidf + np.array([0.0, 0.5])
    expected = np.exp(scores) / np.exp(scores).sum()
    got = model.probabilities(["bola", "bola", "polisi", "lain"])
    assert got is not None and np.allclose(got, expected)
    path = tmp_path / "m.json.gz"
    model.save(path)
    again = TopicModel.load(path)
    assert again.terms == model.terms and again.predict(["polisi"]) == model.predict(["polisi"])


def test_broken_model_files_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "broken.json.gz"
    path.write_bytes(b"not gzip")
    with pytest.raises(ResourceError, match=r"broken\.json\.gz"):
        TopicModel.load(path)
    path.write_bytes(gzip.compress(json.dumps({"format": "other"}).encode()))
    with pytest.raises(ResourceError, match="format"):
        TopicModel.load(path)
    with pytest.raises(ResourceError, match="missing"):
        TopicModel.load(tmp_path / "absent.json.gz")


def test_scheme_gate_and_corpus_map() -> None:
    scheme = TopicScheme.load()
    assert scheme.non_political <= set(scheme.labels) and "news" not in scheme.non_political
    assert scheme.outside_politics("sport", 0.99)
    assert not scheme.outside_politics("sport", scheme.min_confidence - 0.01)
    assert not scheme.outside_politics("news", 0.99)
    assert not scheme.outside_politics(None, None)
    assert scheme.category_map("indosum")["olahraga"] == "sport"
    with pytest.raises(ResourceError, match="no mapping"):
        scheme.category_map("unknown-corpus")
