"""The reference seeds run through the whole pipeline and satisfy the published contract."""

from __future__ import annotations

from pathlib import Path

from kronik import Engine, RawArticle, Source
from kronik.ingest import read_path
from kronik.schema import validate_article


def analyse(engine: Engine, path: Path) -> dict[str, object]:
    (raw,) = list(read_path(path))
    assert isinstance(raw, RawArticle)
    return engine.analyze(raw).to_dict()


def test_seeds_match_schema(engine: Engine, seeds: list[Path]) -> None:
    assert len(seeds) >= 2
    for path in seeds:
        data = analyse(engine, path)
        validate_article(data)
        assert data["language"] == "id"
        assert data["text"]


def test_examples_match_schema(engine: Engine) -> None:
    folder = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    for path in sorted(folder.iterdir()):
        for raw in read_path(path):
            assert isinstance(raw, RawArticle), raw
            validate_article(engine.analyze(raw).to_dict())


def test_same_body_same_id(engine: Engine) -> None:
    body = "Judul\n\nPresiden meresmikan jembatan baru di Surabaya pada Senin (6/3/2023)."
    a = engine.analyze(RawArticle(content=body, source=Source(path="a.txt")))
    b = engine.analyze(RawArticle(content=body + "\n", source=Source(path="b.txt")))
    assert a.id == b.id
