"""The CRF tagger: numpy scoring equals CRFsuite's, models load and fail clearly, training and the
cluster builder work end to end on small hand-written data."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from kronik import Engine, RawArticle
from kronik.errors import ResourceError
from kronik.stages.entities import ner_lexicon
from kronik.stages.ner.crf import CrfModel, CrfTagger
from kronik.stages.ner.features import shape, tokenize, word_features
from kronik.training.clusters import ClusterOptions, build_clusters
from kronik.training.ner import CrfOptions, FeatureMaker, fit, train

SENTENCES = [
    ("Budi Santoso tiba di Surabaya pada Senin .", "B-PER I-PER O O B-LOC O O O"),
    ("Menurut Siti Rahma , Bank Sentosa membuka cabang di Medan .", "O B-PER I-PER O B-ORG I-ORG O O O B-LOC O"),
    ("Warga Bandung menyambut Andi Wirawan dengan meriah .", "O B-LOC O B-PER I-PER O O O"),
    ("Koperasi Maju Jaya menggelar rapat di Makassar .", "B-ORG I-ORG I-ORG O O O B-LOC O"),
    ("Dewi Lestari dan Rudi Hartono bertemu di Semarang .", "B-PER I-PER O B-PER I-PER O O B-LOC O"),
    ("Yayasan Harapan Bangsa menyalurkan bantuan ke Ambon .", "B-ORG I-ORG I-ORG O O O B-LOC O"),
]


def _examples() -> list[tuple[list[str], list[str]]]:
    return [(words.split(), tags.split()) for words, tags in SENTENCES]


def test_shape_and_tokens() -> None:
    assert shape("Jokowi") == "Xx" and shape("KPK") == "X" and shape("2019") == "d"
    text = "Ia tiba. Lalu Budi (KPK) pergi ke Jawa-Timur."
    spans = tokenize(text, 9, len(text))
    assert [text[a:b] for a, b in spans][:6] == ["Lalu", "Budi", "(", "KPK", ")", "pergi"]


def test_word_features_have_every_offset(engine: Engine) -> None:
    lexicon = ner_lexicon(engine.resources)
    names = word_features("Presiden", lexicon)
    assert set(names) == {-2, -1, 0, 1, 2}
    assert "w=presiden" in names[0] and "title" in names[0]


def test_numpy_scoring_equals_crfsuite(engine: Engine, tmp_path: Path) -> None:
    pycrfsuite = pytest.importorskip("pycrfsuite")
    maker = FeatureMaker.from_resources(engine.resources)
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in _examples():
        trainer.append(maker.attributes(words), tags)
    trainer.set_params({"c1": 0.0, "c2": 0.01, "max_iterations": 50})
    trainer.train(str(tmp_path / "m.crfsuite"))
    reference = pycrfsuite.Tagger()
    reference.open(str(tmp_path / "m.crfsuite"))
    model = fit(maker, _examples(), CrfOptions(c1=0.0, c2=0.01, iterations=50))
    tagger = CrfTagger(model, ner_lexicon(engine.resources))
    unseen = [s.split() for s in ("Rina Kartika tiba di Kupang .", "Bank Lestari membuka kantor di Palu .",
                                  "Menurut Joko , warga Padang menunggu .")]
    ours = tagger.tag(unseen, [maker.gazetteer_tags(words) for words in unseen])
    assert ours == [reference.tag(maker.attributes(words)) for words in unseen]


def test_model_round_trip_and_corrupt_file(engine: Engine, tmp_path: Path) -> None:
    pytest.importorskip("pycrfsuite")
    model = fit(FeatureMaker.from_resources(engine.resources), _examples(), CrfOptions(iterations=20))
    path = tmp_path / "crf.json.gz"
    model.save(path)
    again = CrfModel.load(path)
    assert again.tags == model.tags and again.attributes == model.attributes
    assert (again.weights == model.weights).all()
    broken = tmp_path / "broken.json.gz"
    broken.write_bytes(gzip.compress(json.dumps({"tags": ["O"]}).encode()))
    with pytest.raises(ResourceError, match=r"broken\.json\.gz"):
        CrfModel.load(broken)


def test_train_writes_a_model_from_a_bio_file(tmp_path: Path) -> None:
    pytest.importorskip("pycrfsuite")
    data = tmp_path / "train.txt"
    data.write_text("\r\n\r\n".join("\r\n".join(f"{w} X {t}" for w, t in zip(*pair, strict=True))
                                    for pair in _examples()) + "\r\n", encoding="utf-8")
    result = train(data, tmp_path / "out.json.gz", CrfOptions(iterations=20))
    assert result["sentences"] == len(SENTENCES) and Path(result["output"]).stat().st_size > 0
    assert set(CrfModel.load(tmp_path / "out.json.gz").tags) == {"O", "B-PER", "I-PER", "B-LOC", "B-ORG", "I-ORG"}


def test_cluster_table_from_a_tokenised_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    words = ["warga", "kota", "desa", "pasar", "sekolah", "rumah"]
    articles = [{"id": str(i), "paragraphs": [[["Warga", w, "datang", "ke", "Pasar", "Baru", "."],
                                               ["Budi", "melihat", w, "di", "sana", "."]]]} for i, w in enumerate(words * 3)]
    corpus.write_text("\n".join(json.dumps(a) for a in articles), encoding="utf-8")
    output = tmp_path / "clusters.tsv.gz"
    result = build_clusters(corpus, output, ClusterOptions(min_count=1, contexts=20, dimensions=4, granularities=(2, 3)))
    rows = [line.split("\t") for line in gzip.decompress(output.read_bytes()).decode().splitlines()[1:]]
    assert result["words"] == len(rows) and all(len(row) == 4 for row in rows)
    shares = {row[0]: row[-1] for row in rows}
    assert shares["baru"] == "0" and shares["datang"] == "10"  # "Baru" capitalised, "datang" lower case


def test_offsets_hold_in_later_sentences(engine: Engine) -> None:
    text = ("Judul Berita Panjang\n\nHujan turun sejak pagi di kota itu. Warga berkumpul di balai desa. "
            "Kepala desa Suparman Wiryo meminta warga tetap tenang. Suparman juga meminta bantuan ke "
            "Pemkab Klaten.")
    article = engine.analyze(RawArticle(content=text, language="id"))
    for entity in article.entities:
        for mention in entity.mentions:
            assert article.text[mention.start : mention.end] == mention.text
    by_name = {e.name: e for e in article.entities}
    assert [m.text for m in by_name["Suparman Wiryo"].mentions] == ["Suparman Wiryo", "Suparman"]
    assert (by_name["Pemkab Klaten"].type, by_name["Pemkab Klaten"].country) == ("ORG", "IDN")
