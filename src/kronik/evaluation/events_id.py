"""``kronik eval events-id``: Indonesian events on hand-annotated Kompas articles (id-events gold).

The gold (``../shared/data/id-events/pfsa-dev-32.json``, scheme in its README) lists PLOVER events
by sentence of ``../shared/data/pfsa-id/dev-40.txt``. Each gold article's text is rebuilt from that
file's tokens with the README's spacing rules, its sentences joined by a space, and analysed as one
document through the engine's public path (``Engine.analyze``), with the gold ``reference_date``
as the publication date when there is one.

Matching (the README's rule): a prediction sits in the gold sentence holding its evidence and in
the sentence of each of its mentions; a gold event is found when a prediction of the same type sits
in its sentence, each (prediction, sentence) pair finding at most one gold event. ``precision`` =
predictions that found a gold event / predictions, ``recall`` = gold events found / gold events.
For found events: ``actor_country_accuracy`` (the gold actor's country among the prediction's actor
countries), ``actor_sector_accuracy`` (the gold sector among the prediction's actor sectors),
``recipient_accuracy`` (gold recipient's country and sector among the prediction's recipients;
over gold events with a recipient), ``mode_accuracy`` (over gold events with a mode),
``date_accuracy`` (the prediction's date equals the gold date, a null gold date wanting a null
date) and ``dated_accuracy`` (the same over gold events with a date). Date expressions:
``dates_recall`` (a predicted date overlapping the gold text with the same value).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kronik.engine import Engine
from kronik.errors import EvaluationError
from kronik.evaluation.metrics import f1_score, safe_div
from kronik.model import Event, RawArticle, Source

__all__ = ["GoldArticle", "evaluate", "read_gold", "rebuild_sentence"]

_NO_SPACE_BEFORE = frozenset([",", ".", ")", ";", ":", "?", "!", "”", "%", "’"])
_NO_SPACE_AFTER = frozenset(["(", "“", "‘"])
_GLUE = frozenset(["/", "-"])


def rebuild_sentence(tokens: list[str]) -> str:
    """A gold sentence's text from its tokens, with the spacing rules of the id-events README."""
    out = ""
    glue = True
    in_quote = False
    for token in tokens:
        attach = glue or token in _NO_SPACE_BEFORE or token in _GLUE
        glue = token in _NO_SPACE_AFTER or token in _GLUE
        if token == '"':
            if in_quote:
                attach = True
            else:
                glue = True
            in_quote = not in_quote
        out += token if attach or not out else " " + token
    return out


@dataclass(slots=True)
class GoldArticle:
    """One annotated article: its text, sentence spans (by global sentence number) and gold."""

    number: int
    text: str
    sentences: dict[int, tuple[int, int]]
    reference_date: date | None
    events: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)

    def sentence_at(self, offset: int) -> int | None:
        for number, (start, end) in self.sentences.items():
            if start <= offset < end:
                return number
        return None


def _pfsa_sentences(path: Path) -> list[list[str]]:
    sentences: list[list[str]] = []
    current: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        current.append(line.split("\t")[0].strip())
    if current:
        sentences.append(current)
    return sentences


def read_gold(data: Path, tokens: Path | None = None) -> list[GoldArticle]:
    """The gold articles of an id-events file, their text rebuilt from the PFSA-ID tokens."""
    try:
        gold = json.loads(data.read_text(encoding="utf-8"))
        entries = gold["articles"]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise EvaluationError(f"{data}: expected an id-events JSON file with 'articles': {exc}") from exc
    source = tokens or data.parent.parent / "pfsa-id" / "dev-40.txt"
    if not source.exists():
        raise EvaluationError(f"{source}: the PFSA-ID token file the gold indexes is missing")
    sentences = _pfsa_sentences(source)
    articles: list[GoldArticle] = []
    for entry in entries:
        spans: dict[int, tuple[int, int]] = {}
        text = ""
        for number in range(entry["first_sentence"], entry["last_sentence"] + 1):
            sentence = rebuild_sentence(sentences[number])
            if text:
                text += " "
            spans[number] = (len(text), len(text) + len(sentence))
            text += sentence
        reference = entry.get("reference_date")
        articles.append(GoldArticle(
            number=entry.get("article", len(articles)), text=text, sentences=spans,
            reference_date=date.fromisoformat(reference) if reference else None,
            events=list(entry.get("events", [])), dates=list(entry.get("dates", [])),
        ))
    return articles


def _placed(article: GoldArticle, text: str, event: Event) -> set[int]:
    """The gold sentences an event's evidence and mentions sit in."""
    spans = [(event.start, event.end)] + [(m.start, m.end) for m in event.mentions]
    placed: set[int] = set()
    for start, end in spans:
        if text != article.text:  # cleaning changed the text: find the evidence in the original
            start = article.text.find(text[start:end])
            if start < 0:
                continue
        number = article.sentence_at(start)
        if number is not None:
            placed.add(number)
    return placed


class _Tally:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.by_type: dict[str, Counter[str]] = defaultdict(Counter)
        self.errors: list[dict[str, Any]] = []

    def rate(self, key: str) -> float:
        return round(safe_div(self.counts[f"{key}_ok"], self.counts[f"{key}_n"]), 4)

    def check(self, key: str, ok: bool) -> None:
        self.counts[f"{key}_n"] += 1
        self.counts[f"{key}_ok"] += ok


def _score_found(tally: _Tally, gold: dict[str, Any], event: Event) -> None:
    actor, recipient = gold.get("actor") or {}, gold.get("recipient") or {}
    if actor.get("country"):
        tally.check("actor_country", actor["country"] in {a.country for a in event.actors})
    if actor.get("sector"):
        tally.check("actor_sector", actor["sector"] in {a.sector for a in event.actors})
        if actor["sector"] not in {a.sector for a in event.actors}:
            tally.errors.append({"kind": "actor_sector", "type": event.type, "gold": f"{actor.get('name')} {actor['sector']}",
                                 "predicted": [f"{a.name} {a.sector}" for a in event.actors],
                                 "evidence": event.evidence[:160]})
    if recipient.get("sector") and recipient["sector"] not in {r.sector for r in event.recipients}:
        tally.errors.append({"kind": "recipient_sector", "type": event.type,
                             "gold": f"{recipient.get('name')} {recipient['sector']}",
                             "predicted": [f"{r.name} {r.sector}" for r in event.recipients],
                             "evidence": event.evidence[:160]})
    if recipient.get("country") or recipient.get("sector"):
        tally.check("recipient", any(
            (not recipient.get("country") or r.country == recipient["country"])
            and (not recipient.get("sector") or r.sector == recipient["sector"]) for r in event.recipients))
        if recipient.get("sector"):
            tally.check("recipient_sector", recipient["sector"] in {r.sector for r in event.recipients})
    if gold.get("mode"):
        tally.check("mode", gold["mode"] == event.mode)
    predicted_date = event.date[:10] if event.date else None
    tally.check("date", predicted_date == gold.get("date"))
    if gold.get("date"):
        tally.check("dated", predicted_date == gold["date"])
    tally.check("negated", bool(gold.get("negated")) == event.negated)


def _score_article(tally: _Tally, article: GoldArticle, text: str, events: list[Event]) -> None:
    placed = [(event, _placed(article, text, event)) for event in events]
    found: set[int] = set()
    for event, sentences in placed:
        hit = False
        for sentence in sorted(sentences):
            for i, gold in enumerate(article.events):
                if i in found or gold["sentence"] != sentence or gold["type"] != event.type:
                    continue
                found.add(i)
                hit = True
                _score_found(tally, gold, event)
                tally.by_type[event.type]["found"] += 1
                break
        tally.counts["predicted"] += 1
        tally.counts["right"] += hit
        tally.by_type[event.type]["predicted"] += 1
        tally.by_type[event.type]["right"] += hit
        if not hit:
            tally.errors.append({"article": article.number, "kind": "false_positive", "type": event.type,
                                 "trigger": event.trigger, "evidence": event.evidence[:200],
                                 "actors": [a.name for a in event.actors],
                                 "recipients": [r.name for r in event.recipients]})
    for i, gold in enumerate(article.events):
        tally.by_type[gold["type"]]["gold"] += 1
        if i not in found:
            start, end = article.sentences[gold["sentence"]]
            tally.errors.append({"article": article.number, "kind": "missed", "type": gold["type"],
                                 "trigger": gold["trigger"], "evidence": article.text[start:end][:200]})
    tally.counts["gold"] += len(article.events)
    tally.counts["found"] += len(found)


def _score_dates(tally: _Tally, article: GoldArticle, text: str, dates: list[Any]) -> None:
    for gold in article.dates:
        start, _ = article.sentences[gold["sentence"]]
        offset = article.text.find(gold["text"], start)
        tally.counts["dates_gold"] += 1
        if offset < 0 or text != article.text:
            continue
        end = offset + len(gold["text"])
        tally.counts["dates_found"] += any(d.start < end and offset < d.end and d.value == gold["value"] for d in dates)


def evaluate(data: Path, engine: Engine, *, limit: int | None = None) -> dict[str, Any]:
    articles = read_gold(data)[:limit]
    tally = _Tally()
    for gold in articles:
        raw = RawArticle(content=gold.text, published=gold.reference_date,
                         source=Source(path=f"{data.name}#article-{gold.number}"))
        article = engine.analyze(raw)
        _score_article(tally, gold, article.text, article.events)
        _score_dates(tally, gold, article.text, article.dates)
    c = tally.counts
    precision, recall = safe_div(c["right"], c["predicted"]), safe_div(c["found"], c["gold"])
    per_type = {}
    for kind, counts in sorted(tally.by_type.items()):
        p, r = safe_div(counts["right"], counts["predicted"]), safe_div(counts["found"], counts["gold"])
        per_type[kind] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1_score(p, r), 4),
                          "gold": counts["gold"], "predicted": counts["predicted"]}
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1_score(precision, recall), 4),
        "actor_country_accuracy": tally.rate("actor_country"),
        "actor_sector_accuracy": tally.rate("actor_sector"),
        "recipient_accuracy": tally.rate("recipient"),
        "recipient_sector_accuracy": tally.rate("recipient_sector"),
        "mode_accuracy": tally.rate("mode"),
        "date_accuracy": tally.rate("date"),
        "dated_accuracy": tally.rate("dated"),
        "negation_accuracy": tally.rate("negated"),
        "dates_recall": round(safe_div(c["dates_found"], c["dates_gold"]), 4),
        "gold_events": c["gold"],
        "predicted_events": c["predicted"],
        "found_events": c["found"],
        "articles": len(articles),
        "per_type": per_type,
        "details": {"errors": tally.errors},
    }
