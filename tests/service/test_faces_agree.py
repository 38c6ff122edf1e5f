"""The CLI and the API are two faces of one service: the same query gives the same answer."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from kronik.api import ApiOptions, create_app
from kronik.cli import main


@pytest.fixture(scope="module")
def db(example_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("faces") / "k.db"
    shutil.copy(example_db, path)
    return path


@pytest.fixture(scope="module")
def api(db: Path) -> TestClient:
    return TestClient(create_app(ApiOptions(db)))


def cli(db: Path, *args: str, status: int = 0) -> str:
    result = CliRunner().invoke(main, [*args, "--db", str(db)])
    assert result.exit_code == status, result.output
    return result.output


def cli_json(db: Path, *args: str) -> Any:
    return json.loads(cli(db, *args, "--json"))


def get(api: TestClient, path: str, **params: Any) -> Any:
    response = api.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


QUERIES: list[tuple[tuple[str, ...], str, dict[str, Any]]] = [
    (("events", "--actor", "China"), "/api/events", {"actor": "China"}),
    (("events", "--actor", "Tiongkok"), "/api/events", {"actor": "Tiongkok"}),
    (("events", "--actor", "CHN", "--recipient", "Rusia", "--type", "consult"), "/api/events",
     {"actor": "CHN", "recipient": "Rusia", "type": "consult"}),
    (("events", "--mentions", "--actor", "China", "--limit", "5"), "/api/events",
     {"mentions": "true", "actor": "China", "limit": 5}),
    (("events", "--sort", "most_reported", "--quad", "verbal_cooperation", "--limit", "3", "--offset", "1"),
     "/api/events", {"sort": "most_reported", "quad": "verbal_cooperation", "limit": 3, "offset": 1}),
    (("events", "--language", "en", "--from", "2024-01-01"), "/api/events", {"language": "en", "from": "2024-01-01"}),
    (("stories", "--actor", "Rusia"), "/api/stories", {"actor": "Rusia"}),
    (("timeline", "Tiongkok", "Rusia"), "/api/timeline", {"a": "Tiongkok", "b": "Rusia"}),
    (("actors", "--grain", "country"), "/api/actors", {"grain": "country"}),
    (("actors", "--grain", "person", "--name", "xi"), "/api/actors", {"grain": "person", "q": "xi"}),
    (("actor", "Jokowi"), "/api/actors/Jokowi", {}),
    (("articles", "Putin"), "/api/articles", {"q": "Putin"}),
]


@pytest.mark.parametrize(("args", "path", "params"), QUERIES, ids=[" ".join(q[0]) for q in QUERIES])
def test_same_query_same_answer(db: Path, api: TestClient, args: tuple[str, ...], path: str,
                                params: dict[str, Any]) -> None:
    assert cli_json(db, *args) == get(api, path, **params)


def test_records_by_id_agree(db: Path, api: TestClient) -> None:
    story = cli_json(db, "stories", "--actor", "RUS")["items"][0]
    assert cli_json(db, "story", story["id"]) == get(api, f"/api/stories/{story['id']}")
    event = cli_json(db, "events", "--story", story["id"], "--limit", "1")["items"][0]
    assert cli_json(db, "event", event["id"]) == get(api, f"/api/events/{event['id']}")
    article = get(api, "/api/articles", q="Putin")["items"][0]["id"]
    assert cli_json(db, "related", article) == get(api, f"/api/articles/{article}/related")
    assert json.loads(cli(db, "show", article)) == get(api, f"/api/articles/{article}")


def test_actor_names_in_any_language_name_one_participant(db: Path) -> None:
    totals = {name: cli_json(db, "events", "--actor", name)["total"] for name in ("CHN", "chn", "China", "Tiongkok")}
    assert len(set(totals.values())) == 1 and totals["CHN"] > 0, totals
    assert cli_json(db, "stories", "--actor", "Rusia")["total"] == cli_json(db, "stories", "--actor", "RUS")["total"] > 0


@pytest.mark.parametrize(("args", "path", "params", "words"), [
    (("events", "--type", "FOO"), "/api/events", {"type": "FOO"}, ["unknown event type 'FOO'", "CONSULT"]),
    (("events", "--type", "CONSLUT"), "/api/events", {"type": "CONSLUT"}, ["did you mean CONSULT"]),
    (("events", "--mode", "nope"), "/api/events", {"mode": "nope"}, ["unknown mode", "visit"]),
    (("events", "--actor", "Chna"), "/api/events", {"actor": "Chna"}, ["unknown actor 'Chna'", "China (CHN)"]),
    (("timeline", "Foo", "Bar"), "/api/timeline", {"a": "Foo", "b": "Bar"}, ["a: unknown actor 'Foo'"]),
    (("stories", "--actor", "Zzzqqq"), "/api/stories", {"actor": "Zzzqqq"}, ["unknown actor 'Zzzqqq'"]),
])
def test_unknown_values_are_named_errors(db: Path, api: TestClient, args: tuple[str, ...], path: str,
                                         params: dict[str, Any], words: list[str]) -> None:
    out = cli(db, *args, status=2)
    response = api.get(path, params=params)
    assert response.status_code == 422
    for word in words:
        assert word in out and word in response.json()["error"], (word, out, response.json())


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
def test_export_and_download_are_the_same_file(db: Path, api: TestClient, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    cli(db, "export", "--what", "chronicle", "--format", fmt, "-o", str(out))
    response = api.get("/api/export", params={"what": "chronicle", "format": fmt})
    assert response.status_code == 200 and response.content == out.read_bytes()
    assert "attachment" in response.headers["content-disposition"]
    assert api.get("/api/export", params={"what": "chronicle", "format": "xml"}).status_code == 422
