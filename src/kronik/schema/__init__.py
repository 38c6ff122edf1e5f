"""The published JSON Schema of the article contract, and validation against it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from kronik.errors import KronikError

__all__ = ["SchemaViolation", "article_schema", "validate_article"]


class SchemaViolation(KronikError):
    """An article dict that does not satisfy ``article.schema.json``."""


@cache
def article_schema() -> dict[str, Any]:
    """The article JSON Schema (draft 2020-12) shipped with the package."""
    text = (resources.files("kronik.schema") / "article.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate_article(data: dict[str, Any]) -> None:
    """Raise :class:`SchemaViolation` listing every problem, plus offset checks against ``text``."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(article_schema())
    problems = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in validator.iter_errors(data)]
    problems += _offset_problems(data)
    if problems:
        raise SchemaViolation("article does not match the schema:\n  " + "\n  ".join(problems[:20]))


def _offset_problems(data: dict[str, Any]) -> list[str]:
    """Every start/end must lie inside ``text`` and, for spans with text, select that text."""
    text = data.get("text", "")
    problems: list[str] = []

    def check(where: str, item: dict[str, Any], must_match: bool) -> None:
        start, end = item.get("start"), item.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            return
        if not 0 <= start <= end <= len(text):
            problems.append(f"{where}: offsets {start}..{end} outside text of length {len(text)}")
        elif must_match and "text" in item and text[start:end] != item["text"]:
            problems.append(f"{where}: text {item['text']!r} != text[{start}:{end}] {text[start:end]!r}")

    for i, (start, end) in enumerate(data.get("sentences", [])):
        check(f"sentences/{i}", {"start": start, "end": end}, False)
    for i, entity in enumerate(data.get("entities", [])):
        for j, mention in enumerate(entity.get("mentions", [])):
            check(f"entities/{i}/mentions/{j}", mention, True)
    for key in ("dates", "figures"):
        for i, item in enumerate(data.get(key, [])):
            check(f"{key}/{i}", item, True)
    for i, quote in enumerate(data.get("quotes", [])):
        check(f"quotes/{i}", quote, False)
    for i, event in enumerate(data.get("events", [])):
        check(f"events/{i}", event, False)
        for j, mention in enumerate(event.get("mentions", [])):
            check(f"events/{i}/mentions/{j}", mention, True)
    dateline = data.get("dateline") or {}
    if dateline.get("start") is not None:
        check("dateline", dateline, True)
    return problems
