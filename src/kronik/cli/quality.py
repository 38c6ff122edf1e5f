"""``kronik eval``, ``kronik bench`` and ``kronik train``: measuring and improving quality."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import click

from kronik.cli.base import main, session, settings_options
from kronik.errors import KronikError
from kronik.evaluation import DEFAULT_DATA, EVALUATORS, evaluate

#: what ``kronik train`` can train → ``"module:function"`` taking (data, output) → metrics dict
TRAINERS: dict[str, str] = {
    "ner": "kronik.training.ner:train",
    "topics": "kronik.training.topics:train",
}


#: evaluations of the chronicle, run through the service (not a stage's gold file)
CHRONICLE_EVALUATIONS: dict[str, str] = {"stories": "../shared/data/indosum"}


@main.command("eval")
@click.argument("stage", type=click.Choice(sorted([*EVALUATORS, *CHRONICLE_EVALUATIONS])))
@click.option("--data", type=click.Path(exists=True, path_type=Path),
              help="Gold data in the stage's format (default: the shared data set for the stage).")
@click.option("--limit", type=int, help="Evaluate only the first N items (stories: the sample size, 1000).")
@click.option("--seed", type=int, default=13, show_default=True, help="stories: the seed of the sample.")
@click.option("--details/--no-details", default=False, help="Include per-item details.")
@settings_options
def eval_command(stage: str, data: Path | None, limit: int | None, seed: int, details: bool,
                 **options: Any) -> None:
    """Score a stage against gold data; prints one JSON object (precision, recall, f1, ...).

    \b
    boilerplate  article-extraction-benchmark (HTML main text, word 4-gram shingles)
    ner          idner-news-2k BIO file (span P/R/F1 per type and micro)
    quotes       PFSA-ID BILOU file (quote spans and speaker attribution)
    dates        PFSA-ID BILOU file (DATETIME recall and resolution rate)
    dates-id     id-events gold (Indonesian date expressions resolved to calendar values)
    published    IndoSum articles (publication date found, right year, or left null)
    events       PLOVER_GSR_CAMEO.txt (English event type and actor accuracy)
    events-id    id-events gold on PFSA-ID Kompas articles (Indonesian PLOVER events:
                 P/R/F1, actor country and sector, recipient, mode, date; per type)
    topics       IndoSum held-out split (article topic accuracy and macro F1)
    clusters     ECB+ corpus folder (BCubed and pairwise clustering F1)
    stories      a corpus (IndoSum): the stories of a seeded sample, with 10 shown in full
    """
    options["no_progress"] = True
    if stage in CHRONICLE_EVALUATIONS:
        from kronik.story_report import SAMPLE_SIZE, StorySample, report_stories

        sample = StorySample(size=limit or SAMPLE_SIZE, seed=seed)
        path = data or Path(CHRONICLE_EVALUATIONS[stage])
        click.echo(json.dumps(report_stories(path, sample, session(**options).settings), ensure_ascii=False, indent=2))
        return
    path = data or Path(DEFAULT_DATA[stage])
    engine = session(**options).engine
    try:
        result = evaluate(stage, path, engine, limit=limit)
    except KronikError as exc:
        raise click.ClickException(str(exc)) from exc
    if not details:
        result.pop("details", None)
    click.echo(json.dumps(result, ensure_ascii=False, indent=2))


@main.command()
@click.option("--corpus", type=click.Path(exists=True, path_type=Path),
              default=Path("../shared/data/indosum"), show_default=True,
              help="Articles to analyse: the IndoSum JSONL folder, or any input kronik reads.")
@click.option("--limit", type=int, default=1000, show_default=True, help="Articles to analyse.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("bench-results/pipeline.json"), show_default=True, help="JSON results file.")
@click.option("--scale", "scales", multiple=True, type=int,
              help="Also measure chronicle ingest at these corpus sizes (e.g. --scale 1000 --scale 10000).")
def bench(corpus: Path, limit: int, output: Path, scales: tuple[int, ...]) -> None:
    """Measure throughput (articles/s, MB/s) and peak memory; write the results to a JSON file."""
    from kronik.bench import run_bench

    try:
        result = run_bench(corpus, limit=limit, output=output, scales=scales)
    except KronikError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(result, indent=2))
    click.echo(f"written to {output}", err=True)


@main.command()
@click.argument("what", type=click.Choice(sorted(TRAINERS)))
@click.option("--data", type=click.Path(exists=True, path_type=Path),
              default=Path("../shared/data/idner-news-2k/train.txt"), show_default=True,
              help="Training data in the gold format.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the model (default: the packaged model file).")
def train(what: str, data: Path, output: Path | None) -> None:
    """Retrain a statistical model shipped with kronik (e.g. the NER tagger)."""
    module_name, _, func_name = TRAINERS[what].partition(":")
    trainer: Any = getattr(importlib.import_module(module_name), func_name)
    try:
        result = trainer(data, output)
    except KronikError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(result, indent=2))
