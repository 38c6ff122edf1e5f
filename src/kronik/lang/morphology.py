"""Morphology of a language pack: enclitics and how verbs inflect (``language.toml``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kronik.errors import ResourceError

__all__ = ["Morphology"]


def _english_verb_forms(form: str) -> list[str]:
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


def _uninflected(form: str) -> list[str]:
    return [form]


_INFLECTIONS: dict[str, Callable[[str], list[str]]] = {"none": _uninflected, "english": _english_verb_forms}


@dataclass(slots=True, frozen=True)
class Morphology:
    """``enclitics``: pronoun suffixes ("-nya"); ``inflection``: the verb rule (``none``, ``english``)."""

    enclitics: tuple[str, ...] = ()
    inflection: str = "none"

    def __post_init__(self) -> None:
        if self.inflection not in _INFLECTIONS:
            raise ResourceError(f"unknown inflection rule {self.inflection!r}; known: {', '.join(_INFLECTIONS)}")

    def verb_forms(self, form: str) -> list[str]:
        """The forms a verb (or a phrase led by one) takes: ``provide`` → provide, provides,
        provided, providing in English; the form alone where verbs do not inflect."""
        return _INFLECTIONS[self.inflection](form)

    def has_enclitic(self, word: str) -> bool:
        """Whether ``word`` ends in one of the enclitics ("ujarnya")."""
        return any(word.casefold().endswith(e) for e in self.enclitics if e)

    def without_enclitic(self, word: str) -> str:
        """``word`` without its enclitic ("ujarnya" → "ujar")."""
        for enclitic in self.enclitics:
            if enclitic and word.casefold().endswith(enclitic) and len(word) > len(enclitic):
                return word[: -len(enclitic)]
        return word
