"""``kronik eval events``: English event coding on the PLOVER gold standard (PLOVER_GSR_CAMEO.txt).

Every gold sentence (the DOCUMENT record aside) is analysed alone by the engine as given clean
English text (``Engine.analyze`` on a ``kind="clean"`` raw article, language "en"). Older labels map to PLOVER 2.0
(DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT) and CAMEO country codes to ISO
alpha-3. ``type_accuracy``: the first (highest-confidence) event has the gold type;
``actor_accuracy``/``recipient_accuracy``: among those, its actors/recipients include a gold source/
target country (over sentences whose gold has one); ``no_event_rate``: no event coded;
``wrong_event_rate``: events coded but none of the gold type; ``precision``/``recall``/``f1``: over
(sentence, type) pairs of all coded events.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pycountry

from kronik.engine import Engine
from kronik.errors import EvaluationError
from kronik.evaluation.metrics import prf, safe_div
from kronik.model import RawArticle, Source

__all__ = ["LABEL_MAP", "evaluate", "iso_country"]

LABEL_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
_CAMEO_SPECIAL = {"JAP": "JPN", "ITL": "ITA", "UK": "GBR", "GER": "DEU", "ROM": "ROU", "SER": "SRB",
                  "KOS": "XKX", "BOS": "BIH"}


def iso_country(code: str | None) -> str | None:
    """A CAMEO country code as ISO alpha-3; ``None`` for non-state codes (IGO, NGO, ...)."""
    if not code:
        return None
    code = _CAMEO_SPECIAL.get(code, code)
    return code if pycountry.countries.get(alpha_3=code) else None


def _codes(value: Any) -> set[str]:
    if not isinstance(value, list):
        return set()
    return {c for a in value if isinstance(a, dict) and (c := iso_country(a.get("code")))}


def evaluate(data: Path, engine: Engine, *, limit: int | None = None) -> dict[str, Any]:
    try:
        records = [r for r in json.loads(data.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    except (json.JSONDecodeError, AttributeError) as exc:
        raise EvaluationError(f"{data}: expected a JSON list of PLOVER records: {exc}") from exc
    records = records[:limit]
    tp = fp = fn = 0
    right_type = no_event = wrong_event = 0
    actor_ok = actor_n = recipient_ok = recipient_n = 0
    confusion: Counter[str] = Counter()
    for number, record in enumerate(records, 1):
        gold = LABEL_MAP.get(record["event"], record["event"])
        article = engine.analyze(RawArticle(content=record["text"], kind="clean", language="en",
                                            source=Source(path=f"{data.name}#record-{number}")))
        predicted = {ev.type for ev in article.events}
        tp += gold in predicted
        fn += gold not in predicted
        fp += len(predicted - {gold})
        if not article.events:
            no_event += 1
            confusion[f"{gold}->none"] += 1
            continue
        top = max(article.events, key=lambda ev: ev.confidence)
        if gold not in predicted:
            wrong_event += 1
        if top.type != gold:
            confusion[f"{gold}->{top.type}"] += 1
            continue
        right_type += 1
        sources, targets = _codes(record.get("source")), _codes(record.get("target"))
        if sources:
            actor_n += 1
            actor_ok += bool(sources & {a.country for a in top.actors})
        if targets:
            recipient_n += 1
            recipient_ok += bool(targets & {a.country for a in top.recipients})
    n = len(records)
    return {
        **prf(tp, fp, fn),
        "type_accuracy": round(safe_div(right_type, n), 4),
        "actor_accuracy": round(safe_div(actor_ok, actor_n), 4),
        "recipient_accuracy": round(safe_div(recipient_ok, recipient_n), 4),
        "no_event_rate": round(safe_div(no_event, n), 4),
        "wrong_event_rate": round(safe_div(wrong_event, n), 4),
        "sentences": n,
        "details": {"confusions": dict(confusion.most_common(25))},
    }
