"""The figures stage: money, percentages, ratios and counts with their values and units.

Patterns are built once per language from ``lang/<code>/figures.toml`` and ``numbers.toml``:
currency before or after the number ("Rp1,5 triliun", "87 miliar USD", "US$ 200 juta"),
percentages, ratios ("dua kali lipat"), counted nouns ("2.500 personel"), vague quantities
("ribuan warga"), and scaled numbers ("3 juta"). Separators follow the language ("1.500" is 1500
in Indonesian, "1,500" in English). A hedge before the number ("hampir", "nearly") is part of the
figure and marks it approximate; ``measure`` is the nearest measure noun before it in the sentence.
Spans that are dates are skipped. Units: ISO 4217 for money, ``%`` for percentages, ``times`` for
ratios, the counted noun for counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from kronik.lang import LanguagePack
from kronik.model import Article, Figure
from kronik.stages.base import StageContext

__all__ = ["FigureGrammar", "FigureStage"]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(slots=True)
class FigureGrammar:
    """Compiled figure patterns of one language."""

    decimal_comma: bool
    units: dict[str, int]
    scales: dict[str, int]
    prefixes: dict[str, str]
    suffixes: dict[str, str]
    vague: dict[str, int]
    approximate: re.Pattern[str]
    measures: re.Pattern[str]
    patterns: list[tuple[str, re.Pattern[str]]]

    @classmethod
    def load(cls, pack: LanguagePack) -> FigureGrammar:
        """The figure patterns of one pack (``figures.toml`` and ``numbers.toml``)."""
        data = pack.data("figures")
        numbers = pack.data("numbers")
        units, scales = numbers["units"], numbers["multipliers"]
        num = rf"(?P<num>\d+(?:[.,]\d+)*|{_alt(list(units))})"
        scale = rf"(?:\s*(?P<scale>{_alt(list(scales))})\b)?"
        flags = re.IGNORECASE
        patterns = [
            ("money", re.compile(rf"(?<![\w$])(?P<cur>{_alt(list(data['currency_prefix']))})\s?{num}{scale}", 0)),
            ("money", re.compile(rf"\b{num}{scale}\s+(?P<cur>{_alt(list(data['currency_suffix']))})\b", flags)),
            ("percent", re.compile(rf"\b{num}{scale}\s?(?P<unit>{_alt(data['percent'])})(?!\w)", flags)),
            ("ratio", re.compile(rf"\b{num}\s*(?P<unit>{_alt(data['ratio'])})(?!\w)", flags)),
            ("count", re.compile(rf"\b{num}{scale}\s+(?P<unit>{_alt(data['count_nouns'])})\b", flags)),
            ("vague", re.compile(rf"\b(?P<vague>{_alt(list(data['vague']))})(?:\s+(?P<unit>{_alt(data['count_nouns'])}))?\b", flags)),
            ("scaled", re.compile(rf"\b(?P<num>\d+(?:[.,]\d+)*)\s+(?P<scale>{_alt(list(scales))})\b", flags)),
        ]
        return cls(
            decimal_comma=bool(data["decimal_comma"]),
            units={k.casefold(): int(v) for k, v in units.items()},
            scales={k.casefold(): int(v) for k, v in scales.items()},
            prefixes=data["currency_prefix"],
            suffixes={k.casefold(): v for k, v in data["currency_suffix"].items()},
            vague={k.casefold(): int(v) for k, v in data["vague"].items()},
            approximate=re.compile(rf"(?:{_alt(data['approximate'])})\s*$", flags),
            measures=re.compile(rf"\b(?:{_alt(data['measures'])})\b", flags),
            patterns=patterns,
        )

    def number(self, text: str) -> float | None:
        """``"1.500"`` → 1500, ``"1,5"`` → 1.5 (Indonesian); the reverse in English; words too."""
        lowered = text.casefold()
        if lowered in self.units:
            return float(self.units[lowered])
        thousands, decimal = (".", ",") if self.decimal_comma else (",", ".")
        parts = text.split(decimal)
        if len(parts) > 2:
            return None
        whole = parts[0]
        groups = whole.split(thousands)
        if len(groups) > 1 and not all(len(g) == 3 for g in groups[1:]):
            if len(parts) == 1 and len(groups) == 2:  # "1.5" in Indonesian text: read as a decimal
                return float(f"{groups[0]}.{groups[1]}")
            return None
        try:
            value = float("".join(groups))
            if len(parts) == 2:
                value += float(f"0.{parts[1]}")
        except ValueError:
            return None
        return value

    def find(self, text: str, skip: list[tuple[int, int]]) -> list[Figure]:
        taken = list(skip)
        figures: list[Figure] = []
        for kind, pattern in self.patterns:
            for m in pattern.finditer(text):
                start, end = m.span()
                if any(start < b and a < end for a, b in taken):
                    continue
                figure = self._figure(kind, m, text)
                if figure is None:
                    continue
                taken.append((figure.start, figure.end))
                figures.append(figure)
        return sorted(figures, key=lambda f: f.start)

    def _figure(self, kind: str, m: re.Match[str], text: str) -> Figure | None:
        g = m.groupdict()
        approximate = kind == "vague"
        if kind == "vague":
            value: float | None = float(self.vague[g["vague"].casefold()])
        else:
            value = self.number(g["num"])
        if value is None:
            return None
        scale = g.get("scale")
        if scale:
            value *= self.scales[scale.casefold()]
        if kind == "scaled" and not scale:
            return None
        if kind in ("count", "scaled") and not scale and 1900 <= value <= 2100 and "." not in g["num"] and "," not in g["num"]:
            return None  # a year
        unit: str | None
        if kind == "money":
            cur = g["cur"]
            unit = self.prefixes.get(cur) or self.suffixes.get(cur.casefold())
        elif kind == "percent":
            unit = "%"
        elif kind == "ratio":
            unit = "times"
        else:
            unit = g.get("unit")
        start, end = m.span()
        hedge = self.approximate.search(text[max(0, start - 30) : start])
        if hedge:
            start -= len(text[max(0, start - 30) : start]) - hedge.start()
            approximate = True
        sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
        measures = list(self.measures.finditer(text, sentence_start, start))
        measure = measures[-1].group() if measures else None
        return Figure(text[start:end], start, end, value, unit, approximate, measure)


class FigureStage:
    """Assign ``article.figures``."""

    name: ClassVar[str] = "figures"
    requires: ClassVar[tuple[str, ...]] = ("text", "language", "dates")
    assigns: ClassVar[tuple[str, ...]] = ("figures",)

    def __init__(self, context: StageContext) -> None:
        self.resources = context.resources

    def grammar(self, language: str | None) -> FigureGrammar:
        """The grammar of the pack that reads ``language``."""
        pack = self.resources.pack(language)
        grammar: FigureGrammar = self.resources.cached(f"figures:{pack.code}", lambda: FigureGrammar.load(pack))
        return grammar

    def __call__(self, article: Article) -> Article:
        skip = [(d.start, d.end) for d in article.dates]
        article.figures = self.grammar(article.language).find(article.text, skip)
        return article
