"""The date vocabulary of the language packs, merged from each pack's ``dates.toml``,
``months.toml`` and ``numbers.toml``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kronik.lang import LanguagePack

__all__ = ["DateWords", "alternation"]

#: word lists of dates.toml merged across languages (top-level arrays, and ``[names]``)
_LISTS = (
    "week_homonyms", "day_parts", "range_words", "span_words", "year_cues", "year_words", "weekday_cues",
    "month_cues", "not_a_day_before", "not_a_day_after", "week_after", "past_marks", "future_marks",
    "vague_counts", "duration_cues", "weekday_joins", "day_words", "quantity_words", "ordinal_suffixes",
)


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` literally, longest first; never matches when empty.

    Built as a trie (``sen(?:in)?``-style), so the engine tries one branch per character instead
    of every word at every position of the text.
    """
    trie: dict[str, Any] = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie) if trie else "(?!)"


def _trie_regex(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


@dataclass(slots=True)
class DateWords:
    """Every word list the date grammar uses, for one or several languages."""

    months: dict[str, int] = field(default_factory=dict)
    full_months: dict[str, int] = field(default_factory=dict)  # the full name of each month
    weekdays: dict[str, int] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    relative: dict[str, tuple[str, int]] = field(default_factory=dict)
    anaphoric: dict[str, tuple[str, int]] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    single: dict[str, str] = field(default_factory=dict)  # "sehari" → day
    directions: dict[str, tuple[int, bool]] = field(default_factory=dict)  # "lalu" → (-1, deictic)
    interval: list[str] = field(default_factory=list)  # "selang": an anaphoric step forward
    zones: dict[str, str] = field(default_factory=dict)
    time_cues: list[str] = field(default_factory=list)  # "pukul", "at"
    numbered_names: list[str] = field(default_factory=list)
    event_names: list[str] = field(default_factory=list)
    lists: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, packs: Iterable[LanguagePack]) -> DateWords:
        """The words of ``packs``, merged in their order (a later pack's value wins)."""
        words = cls(lists={name: [] for name in _LISTS})
        for pack in packs:
            months: dict[str, int] = pack.data("months")["months"]
            words.months.update(months)
            for number in set(months.values()):
                name = max((k for k, v in months.items() if v == number), key=len)
                words.full_months[name] = number
            data = pack.data("dates")
            words.weekdays.update(data["weekdays"])
            for name in _LISTS:
                words.lists[name] += data.get(name, [])
            words.relative.update({k: (v[0], int(v[1])) for k, v in data["relative"].items()})
            words.anaphoric.update({k: (v[0], int(v[1])) for k, v in data.get("anaphoric", {}).items()})
            counted = data["counted"]
            words.units.update(counted["units"])
            words.single.update(counted.get("single", {}))
            words.interval += counted.get("interval", [])
            for key, sign, anaphoric in (("past", -1, False), ("future", 1, False),
                                         ("anaphoric_past", -1, True), ("anaphoric_future", 1, True)):
                words.directions.update({w: (sign, anaphoric) for w in counted.get(key, [])})
            words.zones.update(data["times"]["zones"])
            words.time_cues += data["times"]["cues"]
            names = data.get("names", {})
            words.numbered_names += names.get("numbered", [])
            words.event_names += names.get("events", [])
            words.numbers.update(pack.data("numbers")["units"])
        return words

    def of(self, name: str) -> list[str]:
        """A merged word list of dates.toml by its key."""
        return self.lists[name]

    def year_relatives(self) -> dict[str, int]:
        """Relative years that may follow a month ("Desember tahun lalu"): the years from now."""
        return {w: n for w, (unit, n) in self.relative.items() if unit == "year"}

    def marks(self) -> dict[str, int]:
        """Direction words after a date: past (-1) and future (+1)."""
        return {**{w: 1 for w in self.of("future_marks")}, **{w: -1 for w in self.of("past_marks")}}
