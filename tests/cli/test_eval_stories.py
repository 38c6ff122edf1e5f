"""``kronik eval stories``: the stories of a seeded corpus sample, on a folder of our own articles."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kronik.cli import main

ARTICLES = [
    "Jakarta - Presiden Joko Widodo bertemu Perdana Menteri Jepang Fumio Kishida di Istana Bogor pada "
    "Senin (9/1/2023). Kedua pemimpin membahas kerja sama energi dan investasi kereta cepat.",
    "Jakarta - Presiden Joko Widodo dan Perdana Menteri Jepang Fumio Kishida menandatangani nota kesepahaman "
    "kerja sama energi pada Selasa (10/1/2023) di Istana Bogor.",
    "Surabaya - Polisi menangkap dua pencuri sepeda motor di Pasar Turi pada Rabu (11/1/2023) malam.",
]


def test_eval_stories_reports_a_seeded_sample(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, text in enumerate(ARTICLES):
        (corpus / f"{i}.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "stories", "--data", str(corpus), "--limit", "2", "--seed", "3"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["sampled"] == 2 and report["articles"] == 2
    assert report["stories"] == len(report["sample"]) and 0.0 <= report["single_event_share"] <= 1.0
    for story in report["sample"]:
        assert story["title"] and story["events"] and story["articles"]
    again = json.loads(CliRunner().invoke(main, ["eval", "stories", "--data", str(corpus), "--limit", "2",
                                                 "--seed", "3"]).output)
    assert again["sample"] == report["sample"]  # seeded: the same sample, the same stories
