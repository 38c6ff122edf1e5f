"""``kronik ingest`` builds the chronicle; ``stories``, ``story``, ``related``, ``timeline`` read it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kronik.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "k.db"
    run("ingest", str(EXAMPLES), "--db", str(path), "--no-progress")
    return path


def test_stories_story_related_timeline(db: Path) -> None:
    stories = json.loads(run("stories", "--db", str(db), "--json", "--actor", "RUS"))
    assert stories["total"] >= 1
    story = json.loads(run("story", stories["items"][0]["id"], "--db", str(db), "--json"))
    assert story["events"] and story["articles"] and "person:xi_jinping" in story["participants"]
    article = story["articles"][0]["id"]
    assert isinstance(json.loads(run("related", article, "--db", str(db), "--json"))["items"], list)
    line = json.loads(run("timeline", "Tiongkok", "Rusia", "--db", str(db), "--json"))
    assert (line["a"], line["b"]) == ("CHN", "RUS") and line["months"]
    text = run("timeline", "CHN", "RUS", "--db", str(db))
    assert "coop" in text
    assert "event(s)" in run("events", "--db", str(db), "--actor", "CHN")
    assert "event(s)" in run("events", "--db", str(db), "--mentions")


def test_near_duplicate_in_examples_is_linked(db: Path) -> None:
    out = run("stories", "--db", str(db))
    assert "story(ies)" in out
    result = CliRunner().invoke(main, ["story", "st-nope", "--db", str(db)])
    assert result.exit_code == 1 and "no story" in result.output


@pytest.mark.gold
def test_seeds_make_one_story_with_both_summits(tmp_path: Path) -> None:
    if not SEEDS.exists():
        pytest.skip(f"seeds are absent: {SEEDS}")
    db = tmp_path / "seeds.db"
    run("ingest", str(SEEDS), "--db", str(db), "--no-progress")
    stories = json.loads(run("stories", "--db", str(db), "--json", "--actor", "CHN"))
    summits = [s for s in stories["items"] if {"person:xi_jinping", "person:vladimir_putin"} <= set(s["participants"])]
    assert len(summits) == 1 and summits[0]["title"].startswith("Vladimir Putin, Xi Jinping:")
    assert json.loads(run("stories", "--db", str(db), "--json", "--actor", "Xi Jinping"))["total"] == 1
    story = json.loads(run("story", summits[0]["id"], "--db", str(db), "--json"))
    years = {e["date"][:4] for e in story["events"] if e["type"] == "CONSULT" and e["date"]}
    assert years == {"2019", "2023"}
    assert len(story["articles"]) == 2
