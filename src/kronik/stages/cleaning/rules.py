"""Boilerplate rules: the data files of ``lang/common`` and of the language packs, compiled once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kronik.lang import Languages

__all__ = ["BoilerplateRules", "compile_rules"]

_FLAGS = re.IGNORECASE | re.UNICODE


@dataclass(slots=True, frozen=True)
class BoilerplateRules:
    """Compiled heuristics for one language (common rules merged with the language's own)."""

    related_prefix: re.Pattern[str]
    inline_related: re.Pattern[str]  # "[Baca juga: …]" inside a paragraph
    tail_headings: dict[str, str]
    line_patterns: dict[str, re.Pattern[str]]
    navigation_lines: frozenset[str]
    share_words: frozenset[str]
    caption: re.Pattern[str]
    footer: re.Pattern[str]
    datelines: tuple[re.Pattern[str], ...]
    max_title_chars: int = 220
    max_caption_chars: int = 450
    max_label_words: int = 3
    extra: dict[str, Any] = field(default_factory=dict)


def _any(patterns: list[str], flags: int = _FLAGS) -> re.Pattern[str]:
    if not patterns:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def compile_rules(languages: Languages, codes: Iterable[str] | None = None) -> BoilerplateRules:
    """Merge ``lang/common/boilerplate.toml`` with the boilerplate of the packs of ``codes`` (every
    pack when ``None``) and compile the patterns.

    Several languages are merged: crawled pages mix them (an Indonesian article under an English
    site template).
    """
    common = languages.common("boilerplate")
    prefixes: list[str] = []
    headings: dict[str, str] = {}
    patterns: dict[str, list[str]] = {}
    for pack in languages.all(codes) or languages.all():
        data = pack.data("boilerplate")
        prefixes += data.get("related_prefixes", [])
        headings.update({k.casefold(): v for k, v in data.get("tail_headings", {}).items()})
        for reason, items in data.get("line_patterns", {}).items():
            patterns.setdefault(reason, []).extend(items)
    prefixes.sort(key=len, reverse=True)  # longest first: "baca juga" before "baca"
    escaped = "|".join(re.escape(p) for p in prefixes)
    related = re.compile(rf"^(?:{escaped})\s*(?::|-|–|—|»|>>)\s*(?P<headline>\S.*)$", _FLAGS)
    # in square brackets any prefix; in round ones only a phrase ("(baca: Si Cinping)" glosses a name)
    phrases = "|".join(re.escape(p) for p in prefixes if " " in p.strip())
    inline = re.compile(
        rf"\s*(?:\[(?:{escaped})|\((?:{phrases}))\s*(?::|-|–|—)\s*(?P<headline>[^\])\n]{{3,300}})[\])]", _FLAGS)
    return BoilerplateRules(
        related_prefix=related,
        inline_related=inline,
        tail_headings=headings,
        line_patterns={reason: _any(items) for reason, items in patterns.items()},
        navigation_lines=frozenset(x.casefold() for x in common.get("navigation_lines", [])),
        share_words=frozenset(x.casefold() for x in common.get("share_words", [])),
        caption=_any(common.get("caption_patterns", []), re.UNICODE),
        footer=_any(common.get("footer_patterns", [])),
        datelines=tuple(re.compile(p, re.UNICODE) for p in common.get("dateline_patterns", [])),
        max_title_chars=int(common.get("max_title_chars", 220)),
        max_caption_chars=int(common.get("max_caption_chars", 450)),
        max_label_words=int(common.get("max_label_words", 3)),
    )
