from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from kronik.model import (
    Actor,
    Article,
    Dateline,
    DateValue,
    Entity,
    Event,
    EvidenceSpan,
    Figure,
    Link,
    Mention,
    Quote,
    Removal,
    Source,
    article_id,
)
from kronik.schema import validate_article


def handmade() -> Article:
    text = "Presiden Joko Widodo bertemu Perdana Menteri Jepang di Tokyo, Senin (20/3)."
    return Article(
        id=article_id(text),
        source=Source(path="x.txt", outlet="Contoh"),
        language="id",
        title="Jokowi ke Tokyo",
        dateline=Dateline(place="TOKYO", outlet="Contoh"),
        published=date(2023, 3, 21),
        published_source="given",
        text=text,
        topic="news",
        topic_confidence=0.91,
        removed=[Removal("Baca juga: lainnya", "related-links")],
        links=[Link("lainnya")],
        sentences=[(0, len(text))],
        entities=[Entity("person:joko_widodo", "Joko Widodo", "PERSON", "IDN", "GOV", "Presiden",
                         [Mention("Joko Widodo", 9, 20)])],
        dates=[DateValue("Senin (20/3)", 62, 74, "2023-03-20", None, "day")],
        quotes=[Quote("bertemu", 21, 28, None, None, None, False)],
        figures=[Figure("20", 69, 71, 20.0, None, False, None)],
        events=[Event("e1", "CONSULT", [Actor("Joko Widodo", "person:joko_widodo", "IDN", "GOV")],
                      [Actor("Jepang", "gpe:JPN", "JPN", "GOV")], mode="visit", date="2023-03-20",
                      evidence=text, start=0, end=len(text), confidence=0.9,
                      mentions=[EvidenceSpan(text, 0, len(text))])],
    )


def test_roundtrip_and_schema() -> None:
    article = handmade()
    data = article.to_dict()
    validate_article(data)
    again = Article.from_dict(data)
    assert again.to_dict() == data
    assert again.published == date(2023, 3, 21)
    assert (again.topic, again.topic_confidence) == ("news", 0.91)


def test_schema_rejects_bad_offsets() -> None:
    import pytest

    from kronik.schema import SchemaViolation

    data = handmade().to_dict()
    data["entities"][0]["mentions"][0]["start"] = 0
    with pytest.raises(SchemaViolation, match="mentions"):
        validate_article(data)


def test_article_id_is_stable_under_whitespace_and_case() -> None:
    assert article_id("Halo  dunia\n") == article_id("halo dunia")
    assert article_id("a") != article_id("b")
    assert len(article_id("x")) == 16


@given(st.text())
def test_article_id_total(text: str) -> None:
    assert len(article_id(text)) == 16
