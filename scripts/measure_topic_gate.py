"""How many political events the pipeline codes in sport and entertainment articles, gate or not.

Reads the held-out split of IndoSum (never used to train the topic model), draws a seeded sample
of articles whose section is olahraga, showbiz or hiburan, runs the default pipeline on them and
on every held-out tajuk utama and teknologi article, and reports, for each gate threshold, how
many of those events the political-event gate (``ontology/topics.toml``) would drop: events
removed from sport/entertainment articles (wanted) and from news/technology articles (lost).

    python scripts/measure_topic_gate.py [--data ../shared/data/indosum] [--sample 300] [--show 20]
        [--split test|all]   # all: also articles the topic model was trained on (optimistic)
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from kronik import Engine
from kronik.config import Settings
from kronik.errors import KronikError
from kronik.evaluation.topics import read_labelled
from kronik.ontology.topics import TopicScheme

THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
NON_POLITICAL_SECTIONS = ("olahraga", "showbiz", "hiburan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/indosum"))
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--show", type=int, default=0, help="list N events left in the sample")
    parser.add_argument("--split", choices=("test", "all"), default="test",
                        help="draw from the held-out split only (default) or from every article")
    args = parser.parse_args()
    held_out = read_labelled(args.data, split="test" if args.split == "test" else None)
    pool = [a for a in held_out if a.category in NON_POLITICAL_SECTIONS]
    sample = random.Random(args.seed).sample(pool, min(args.sample, len(pool)))
    others = [a for a in held_out if a.category not in NON_POLITICAL_SECTIONS]
    engine = Engine(Settings(progress=False))
    rows = []
    for group, items in (("sample", sample), ("news_and_technology", others)):
        for item in items:
            try:
                article = engine.analyze(item.raw)
            except KronikError:
                continue
            rows.append((group, item, article))
    scheme = TopicScheme.load()
    report = {"articles": len(held_out), "split": args.split, "sample": Counter(a.category for a in sample)}
    for threshold in THRESHOLDS:
        gate = TopicScheme(scheme.labels, scheme.non_political, threshold, scheme.sources)
        report[f"gate >= {threshold:.2f}"] = _counts(rows, gate)
    print(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    _show_left(rows, scheme, args.show)


def _counts(rows: list, gate: TopicScheme) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for group, item, article in rows:
        kept = not gate.outside_politics(article.topic, article.topic_confidence)
        key = group if group == "sample" else item.category
        entry = out.setdefault(key, Counter())
        entry["articles"] += 1
        entry["articles_with_events"] += kept and bool(article.events)
        entry["events"] += len(article.events) if kept else 0
    return {key: dict(value) for key, value in out.items()}


def _show_left(rows: list, scheme: TopicScheme, limit: int) -> None:
    left = [
        (item, article, event)
        for group, item, article in rows
        if group == "sample" and not scheme.outside_politics(article.topic, article.topic_confidence)
        for event in article.events
    ]
    for item, article, event in left[:limit]:
        actors = ",".join(a.name for a in event.actors)
        recipients = ",".join(a.name for a in event.recipients)
        print(f"{item.category:9} {article.topic}:{article.topic_confidence} {event.type:10} "
              f"{actors} -> {recipients} | {event.evidence[:140]}")


if __name__ == "__main__":
    main()
