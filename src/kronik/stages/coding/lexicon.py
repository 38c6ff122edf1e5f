"""Event triggers and clause words of one language pack, compiled once (``lang/<code>/triggers.toml``
and ``grammar.toml``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kronik.lang import LanguagePack, Morphology
from kronik.stages.coding.morphology import forms as inflect_root
from kronik.stages.coding.morphology import voice_of

__all__ = ["Trigger", "TriggerLexicon", "alternation"]



@dataclass(slots=True, frozen=True)
class Trigger:
    """One sense of a trigger form."""

    type: str
    mode: str | None
    voice: str = "active"  # active | passive | bare | nominal
    symmetric: bool = False
    needs_recipient: bool = False
    objects: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    complement: tuple[str, ...] = ()
    not_context: frozenset[str] = frozenset()
    implicit_actor: str | None = None
    strict_recipient: bool = False
    not_complement: tuple[str, ...] = ()
    governs: bool = False

    @property
    def passive(self) -> bool:
        return self.voice == "passive"


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _entry_forms(entry: dict[str, Any], grammar: dict[str, Any] | None, morphology: Morphology
                 ) -> Iterable[tuple[str, str, bool]]:
    """(form, voice, needs_recipient) of every word an entry names; active verbs in all the forms
    the pack's morphology gives them ("provide" → "provided", "provides" … in English)."""
    needs = bool(entry.get("needs_recipient", False))
    for root in entry.get("roots", []):
        for pattern in entry.get("affixes", []):
            for form in inflect_root(root, pattern):
                yield form, voice_of(pattern), needs
    for key, voice, weak in (("forms", "active", needs), ("weak", "active", True),
                             ("passive", "passive", needs), ("nouns", "nominal", needs)):
        for form in entry.get(key, []):
            if grammar is not None and voice == "active":  # a language marking voice by affixes
                yield form, _written_voice(form.casefold(), grammar), weak
                continue
            for variant in (morphology.verb_forms(form) if voice == "active" else [form]):
                yield variant, voice, weak


def _written_voice(form: str, grammar: dict[str, Any]) -> str:
    """The voice an Indonesian literal form shows by its affixes (``grammar.toml``): "pe(r)-/ke- …
    -an" nouns are nominal ("penangkapan", "kesepakatan"), "di-" forms passive ("dilarang")."""
    first = form.split()[0]
    if len(first) > 5 and first.endswith(grammar["nominal_suffix"]) and first.startswith(tuple(grammar["nominal_prefixes"])):
        return "nominal"
    if len(first) > 4 and first.startswith(tuple(grammar["passive_prefixes"])) and first not in grammar["not_verbs"]:
        return "passive"
    return "active"


def _senses(data: dict[str, Any], grammar: dict[str, Any] | None, nominal: frozenset[str], morphology: Morphology
            ) -> dict[str, list[Trigger]]:
    senses: dict[str, list[Trigger]] = {}
    for entry in data["trigger"]:
        for form, voice, needs in _entry_forms(entry, grammar, morphology):
            key = form.casefold()
            if voice == "active" and key in nominal:
                voice = "nominal"

            sense = Trigger(
                entry["type"], entry.get("mode"), voice, bool(entry.get("symmetric", False)), needs,
                frozenset(entry.get("object", [])), frozenset(entry.get("not_object", [])),
                tuple(c.casefold() for c in entry.get("complement", [])),
                frozenset(entry.get("not_context", [])), entry.get("implicit_actor"),
                bool(entry.get("strict_recipient", False)),
                tuple(c.casefold() for c in entry.get("not_complement", [])), bool(entry.get("governs", False)),
            )
            if sense not in senses.setdefault(key, []):
                senses[key].append(sense)
    for word in data["clause"].get("not_triggers", []):
        senses.pop(word.casefold(), None)
    return senses


@dataclass(slots=True)
class TriggerLexicon:
    """Trigger forms → senses, the noun classes that pick a sense, and the clause words."""

    senses: dict[str, list[Trigger]]
    pattern: re.Pattern[str]
    clause: dict[str, Any]
    noun_classes: dict[str, frozenset[str]] = field(default_factory=dict)
    contexts: dict[str, re.Pattern[str]] = field(default_factory=dict)
    longest: int = 1  # words in the longest trigger form
    first_words: frozenset[str] = frozenset()  # the first word of every form, for a quick miss
    _words: dict[str, frozenset[str]] = field(default_factory=dict)
    _patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, pack: LanguagePack) -> TriggerLexicon:
        """The lexicon of ``pack``: its ``triggers.toml`` and the closed word classes of its
        ``grammar.toml``."""
        data = pack.data("triggers")
        grammar = pack.data("grammar")
        clause = {**data["clause"], **grammar}
        nominal = frozenset(w.casefold() for w in clause.get("nominal", []))
        senses = _senses(data, grammar if "verb_prefixes" in grammar else None, nominal, pack.morphology)
        enclitics = "|".join(clause.get("enclitics", []))
        tail = f"(?:{enclitics})?" if enclitics else ""
        pattern = re.compile(rf"(?<![\w-])(?:{alternation(senses)}){tail}(?![\w-])", re.IGNORECASE)
        classes: dict[str, set[str]] = {}
        for name, words in data.get("objects", {}).items():
            for word in words:
                classes.setdefault(word.casefold(), set()).add(name)
        contexts = {name: re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])", re.IGNORECASE)
                    for name, words in data.get("contexts", {}).items()}
        longest = max((len(form.split()) for form in senses), default=1)
        firsts = frozenset(form.split()[0] for form in senses)
        return cls(senses, pattern, clause, {w: frozenset(c) for w, c in classes.items()}, contexts, longest, firsts)

    def find(self, words: list[str]) -> list[tuple[int, int]]:
        """The triggers among lower-cased ``words``: (first, end) word spans, longest first at each
        word, never overlapping; a last word may carry an enclitic ("ditangkapnya")."""
        found: list[tuple[int, int]] = []
        i = 0
        while i < len(words):
            word = words[i]
            if word not in self.first_words and not any(
                    word.endswith(e) and word[: -len(e)] in self.first_words for e in self.words("enclitics")):
                i += 1
                continue
            for size in range(min(self.longest, len(words) - i), 0, -1):
                if self.senses_of(" ".join(words[i : i + size]))[1]:
                    found.append((i, i + size))
                    i += size
                    break
            else:
                i += 1
        return found

    def senses_of(self, matched: str) -> tuple[str, list[Trigger]]:
        """The trigger form a match stands for (enclitics stripped) and its senses."""
        key = matched.casefold()
        if key in self.senses:
            return key, self.senses[key]
        for enclitic in self.words("enclitics"):
            if key.endswith(enclitic) and key[: -len(enclitic)] in self.senses:
                return key[: -len(enclitic)], self.senses[key[: -len(enclitic)]]
        return key, []

    def words(self, key: str) -> frozenset[str]:
        """A clause word list as a set of case-folded words."""
        if key not in self._words:
            self._words[key] = frozenset(w.casefold() for w in self.clause.get(key, []))
        return self._words[key]

    def regex(self, key: str, template: str = r"(?<![\w-])(?:{})(?![\w-])") -> re.Pattern[str]:
        """A clause word list compiled into a pattern (``{}`` stands for the alternation)."""
        cache = f"{key}|{template}"
        if cache not in self._patterns:
            self._patterns[cache] = re.compile(template.format(alternation(self.clause.get(key, []))), re.IGNORECASE)
        return self._patterns[cache]

    @property
    def negation(self) -> re.Pattern[str]:
        """A negation word within four words before a position (the pattern ends at ``$``), not
        reaching past a word that opens another clause ("tidak menjelaskan kenapa ia ...")."""
        if "|negation" not in self._patterns:
            ends = alternation(self.clause["negation_scope_ends"])
            self._patterns["|negation"] = re.compile(
                rf"(?<![\w-])(?:{alternation(self.clause['negation'])})(?![\w-])\s+"
                rf"(?:(?!(?:{ends})(?![\w-]))[\w'-]+\s+){{0,4}}$", re.IGNORECASE)
        return self._patterns["|negation"]

    @property
    def clause_break(self) -> re.Pattern[str]:
        """Where a sentence divides into clauses."""
        if "|breaks" not in self._patterns:
            self._patterns["|breaks"] = re.compile("|".join(re.escape(b) for b in self.clause["clause_breaks"]))
        return self._patterns["|breaks"]

    def is_sports(self, text: str) -> bool:
        """A match report: enough distinct sports terms that its attacks and holds are play."""
        found = {m.group().casefold() for m in self.regex("sports_terms").finditer(text)}
        return len(found) >= int(self.clause["sports_min_terms"])
