"""Event triggers and clause words of one language, compiled once (``lang/<code>/triggers.toml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kronik.lang import load_resource

__all__ = ["Trigger", "TriggerLexicon"]


@dataclass(slots=True, frozen=True)
class Trigger:
    """What a trigger form means."""

    type: str
    mode: str | None
    symmetric: bool
    passive: bool
    needs_recipient: bool = False  # a generic verb ("membantu"): an event only when it names whom


def _alt(words: list[str] | frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _english_inflections(form: str) -> list[str]:
    """A base verb ("provide") and its -s, -ed and -ing forms; phrases inflect their first word."""
    first, _, rest = form.partition(" ")
    tail = f" {rest}" if rest else ""
    if not first.isalpha() or first.endswith(("ed", "ing")) or len(first) < 4:
        return [form]
    stem = first[:-1] if first.endswith("e") else first
    variants = {first, f"{first}s" if not first.endswith(("s", "sh", "ch")) else f"{first}es",
                f"{stem}ed" if not first.endswith("e") else f"{first}d", f"{stem}ing"}
    if first.endswith("y") and len(first) > 3 and first[-2] not in "aeiou":
        variants |= {f"{first[:-1]}ies", f"{first[:-1]}ied"}
    return sorted(v + tail for v in variants)


@dataclass(slots=True)
class TriggerLexicon:
    """Trigger forms → meaning, and the clause words that qualify an event."""

    forms: dict[str, Trigger]
    pattern: re.Pattern[str]
    negation: re.Pattern[str]
    future: re.Pattern[str]
    hypothetical: re.Pattern[str]
    background: re.Pattern[str]
    recipient_cues: frozenset[str]
    passive_agent: frozenset[str]
    undergoer: re.Pattern[str]
    source_cues: frozenset[str]
    actor_nouns: frozenset[str]
    actor_modifiers: frozenset[str]
    person_pronoun: re.Pattern[str]  # "ia", "he" right before a trigger, up to two words between
    pronouns: frozenset[str]
    sports_terms: re.Pattern[str]
    sports_min_terms: int
    location_cues: frozenset[str]
    both_sides: re.Pattern[str]
    clause_break: re.Pattern[str]
    topic_markers: frozenset[str]
    nominal: frozenset[str]

    def is_sports(self, text: str) -> bool:
        """A match report: enough distinct sports terms that its attacks and holds are play."""
        return len({m.group().casefold() for m in self.sports_terms.finditer(text)}) >= self.sports_min_terms

    @classmethod
    def load(cls, code: str) -> TriggerLexicon:
        data = load_resource(code, "triggers")
        forms: dict[str, Trigger] = {}
        inflect = code == "en"
        for entry in data["trigger"]:
            symmetric = bool(entry.get("symmetric", False))
            for key, needs_recipient in (("forms", False), ("weak", True)):
                for form in entry.get(key, []):
                    for variant in (_english_inflections(form) if inflect else [form]):
                        forms.setdefault(variant.casefold(),
                                         Trigger(entry["type"], entry.get("mode"), symmetric, False, needs_recipient))
            for form in entry.get("passive", []):
                forms.setdefault(form.casefold(), Trigger(entry["type"], entry.get("mode"), symmetric, True))
        clause = data["clause"]
        for word in clause.get("not_triggers", []):
            forms.pop(word.casefold(), None)
        flags = re.IGNORECASE

        def words(key: str) -> re.Pattern[str]:
            return re.compile(rf"(?<![\w-])(?:{_alt(clause[key])})(?![\w-])", flags)

        def word_set(key: str) -> frozenset[str]:
            return frozenset(w.casefold() for w in clause[key])

        return cls(
            forms=forms,
            pattern=re.compile(rf"(?<![\w-])(?:{_alt(list(forms))})(?![\w-])", flags),
            negation=re.compile(
                rf"(?<![\w-])(?:{_alt(clause['negation'])})(?![\w-])\s+"
                rf"(?:(?!(?:{_alt(clause['negation_scope_ends'])})(?![\w-]))[\w'-]+\s+){{0,4}}$", flags),
            future=words("future"),
            hypothetical=words("hypothetical"),
            background=words("background"),
            recipient_cues=word_set("recipient_cues"),
            passive_agent=word_set("passive_agent"),
            undergoer=re.compile(rf"(?<![\w-])(?:{_alt(clause['undergoer_verbs'])})\s+(?:[\w-]+\s+)?$", flags),
            source_cues=word_set("source_cues"),
            actor_nouns=word_set("actor_nouns"),
            actor_modifiers=word_set("actor_modifiers"),
            person_pronoun=re.compile(rf"(?<![\w-])(?:{_alt(clause['person_pronouns'])})\s+(?:[\w-]+\s+){{0,2}}$", flags),
            pronouns=word_set("person_pronouns") | word_set("other_pronouns"),
            sports_terms=words("sports_terms"),
            sports_min_terms=int(clause["sports_min_terms"]),
            location_cues=word_set("location_cues"),
            both_sides=words("both_sides"),
            clause_break=re.compile("|".join(re.escape(b) for b in clause["clause_breaks"])),
            topic_markers=word_set("topic_markers"),
            nominal=word_set("nominal"),
        )
