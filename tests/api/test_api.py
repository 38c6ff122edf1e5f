"""Every route in process: status codes, bodies and JSON errors."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kronik.api import ApiOptions, create_app

TOKEN = "test-token"


@pytest.fixture(scope="module")
def client(example_db: Path, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("rw") / "k.db"
    shutil.copy(example_db, db)
    return TestClient(create_app(ApiOptions(db, token=TOKEN, max_body_bytes=20_000)))


@pytest.fixture(scope="module")
def readonly(example_db: Path) -> TestClient:
    return TestClient(create_app(ApiOptions(example_db)))


def test_read_routes(client: TestClient) -> None:
    articles = client.get("/api/articles", params={"q": "Putin"}).json()
    assert articles["total"] >= 1
    article_id = articles["items"][0]["id"]
    article = client.get(f"/api/articles/{article_id}").json()
    assert article["id"] == article_id and "entities" in article and article["sources"]
    assert "items" in client.get(f"/api/articles/{article_id}/related").json()
    events = client.get("/api/events", params={"actor": "CHN", "limit": 5}).json()
    assert events["total"] >= 1 and len(events["items"]) <= 5
    event = client.get(f"/api/events/{events['items'][0]['id']}").json()
    assert event["mentions"] and event["mentions"][0]["evidence"]
    assert client.get("/api/events", params={"mentions": "true"}).json()["total"] >= events["total"]
    stories = client.get("/api/stories").json()
    assert stories["total"] >= 1 and "sparkline" in stories["items"][0]
    story = client.get(f"/api/stories/{stories['items'][0]['id']}").json()
    assert story["events"] and story["articles"] and "timeline" in story
    line = client.get("/api/timeline", params={"a": "Tiongkok", "b": "RUS"}).json()
    assert (line["a"], line["b"]) == ("CHN", "RUS") and line["months"]
    assert client.get("/api/actors/CHN").json()["actor"]["id"] == "gpe:CHN"
    assert client.get("/api/actors/Putin").json()["actor"]["country"] == "RUS"
    spec = client.get("/openapi.json").json()
    for route in ("/api/articles", "/api/articles/{article_id}", "/api/events", "/api/stories",
                  "/api/stories/{story_id}", "/api/articles/{article_id}/related", "/api/timeline",
                  "/api/actors/{actor_id}", "/api/analyze"):
        assert route in spec["paths"], route


def test_dashboard_is_served_without_cdn(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    for asset in ("app.js", "i18n.js", "style.css"):
        body = client.get(f"/static/{asset}").text
        assert "http://" not in body and "https://" not in body
    assert client.get("/static/../app.py").status_code == 404


def test_errors_are_json(client: TestClient) -> None:
    missing = client.get("/api/stories/st-missing")
    assert missing.status_code == 404 and "no story" in missing.json()["error"]
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/api/actors/Zzzzqqq").status_code == 404
    too_many = client.get("/api/events", params={"limit": 5000})
    assert too_many.status_code == 422 and "limit" in too_many.json()["error"]
    assert client.get("/api/timeline", params={"a": "CHN"}).status_code == 422
    assert client.get("/api/articles", params={"from": "yesterday"}).status_code == 422
    injected = client.get("/api/articles", params={"q": "\" OR 1=1; DROP TABLE articles; --"})
    assert injected.status_code == 200
    injected_actor = client.get("/api/events", params={"actor": "' OR '1'='1"})
    assert injected_actor.status_code == 422 and "unknown actor" in injected_actor.json()["error"]
    assert client.get("/api/articles").json()["total"] >= 1  # nothing was dropped


def test_analyze(client: TestClient) -> None:
    text = "Presiden Joko Widodo bertemu Perdana Menteri Jepang di Jakarta pada Senin (9/1/2023)."
    got = client.post("/api/analyze", content=text.encode(), headers={"content-type": "text/plain"})
    assert got.status_code == 200 and got.json()["language"] == "id" and got.json()["events"]
    as_json = client.post("/api/analyze", json={"text": text, "published": "2023-01-09", "outlet": "Uji"})
    assert as_json.status_code == 200 and as_json.json()["published"] == "2023-01-09"
    html = "<html><head><title>Uji</title></head><body><article><p>" + text + "</p></article></body></html>"
    assert client.post("/api/analyze", content=html, headers={"content-type": "text/html"}).status_code == 200
    for bad in (b"\x00\x01binary", b"", b"{broken"):
        kind = "application/json" if bad.startswith(b"{") else "text/plain"
        response = client.post("/api/analyze", content=bad, headers={"content-type": kind})
        assert response.status_code == 400 and response.json()["error"]
    big = client.post("/api/analyze", content=b"a " * 20_000, headers={"content-type": "text/plain"})
    assert big.status_code == 400 and "limit" in big.json()["error"]


def test_writes_need_the_token(client: TestClient, readonly: TestClient) -> None:
    body = {"text": "Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Australia di Canberra.",
            "published": "2023-02-01"}
    assert readonly.post("/api/articles", json=body).status_code == 403
    assert client.post("/api/articles", json=body).status_code == 401
    assert client.post("/api/articles", json=body, headers={"authorization": "Bearer wrong"}).status_code == 401
    created = client.post("/api/articles", json=body, headers={"authorization": f"Bearer {TOKEN}"})
    assert created.status_code == 201 and created.json()["items"][0]["new"]
    again = client.post("/api/articles", json=body, headers={"authorization": f"Bearer {TOKEN}"})
    assert again.json()["items"][0]["new"] is False
    found = client.get(f"/api/articles/{created.json()['items'][0]['id']}")
    assert found.status_code == 200


def test_readers_while_a_writer_ingests(client: TestClient) -> None:
    errors: list[str] = []

    def read() -> None:
        for _ in range(10):
            response = client.get("/api/events", params={"limit": 5})
            if response.status_code != 200:
                errors.append(response.text)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for thread in readers:
        thread.start()
    for i in range(3):
        body = {"text": f"Presiden Joko Widodo mengunjungi Papua pada hari ke-{i} untuk meresmikan jalan."}
        assert client.post("/api/articles", json=body, headers={"authorization": f"Bearer {TOKEN}"}).status_code == 201
    for thread in readers:
        thread.join()
    assert errors == []


def test_openapi_documents_every_response(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            ok = operation["responses"].get("200") or operation["responses"].get("201")
            content = ok["content"]
            schema = next(iter(content.values())).get("schema")
            if path != "/api/export":
                assert schema, f"{method.upper()} {path} has no response schema"
    for name in ("Article", "StoredArticle", "ChronicleEvent", "StoryDetail", "Timeline", "ActorSummary"):
        assert name in schemas, name
    assert "#/$defs" not in str(spec)
    assert spec["paths"]["/api/events"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
