"""In-document name coreference: later short mentions join the person first named in full.

* a person mention that is part of a fuller name in the article ("Djan" after "Djan Faridz",
  "Widodo" after "Joko Widodo") becomes a mention of that person, and so does any other
  capitalised occurrence of a word of that name;
* a form of address with a short name ("Pak Bas", "Bu Risma") joins the person whose name word it
  starts ("Basuki Hadimuljono");
* KB short forms and nicknames ("Jokowi", "Ahok") are KB aliases: the gazetteer links them;
* a bare title ("Presiden mengatakan …", "kata Kapolri") joins the holder named in the article:
  the person introduced with that title, or the KB person whose role the title names.
The nearest fitting person before the mention wins, else the first after it. Word lists are data
(``honorifics`` and ``title_roles`` in ``lang/<code>/entities.toml``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kronik.lang import Languages
from kronik.stages.ner.found import Found
from kronik.stages.ner.rules import EntityRules

__all__ = ["NameLinker"]

_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]+")
_FOLLOWING = re.compile(r"\s+([A-Z])")


@dataclass(slots=True)
class NameLinker:
    """Links later mentions to the people an article names in full."""

    rules: EntityRules
    honorifics: frozenset[str]
    title_roles: dict[str, frozenset[str]]
    title_pattern: re.Pattern[str]
    address_pattern: re.Pattern[str]

    @classmethod
    def load(cls, rules: EntityRules, languages: Languages) -> NameLinker:
        """The linker of ``rules``, with the honorifics and title roles of every pack."""
        honorifics: set[str] = set()
        roles: dict[str, set[str]] = {}
        for pack in languages.all():
            data = pack.data("entities")
            honorifics.update(w.casefold() for w in data.get("honorifics", []))
            for title, names in data.get("title_roles", {}).items():
                roles.setdefault(title.casefold(), set()).update(n.casefold() for n in names)
        titles = sorted({v for t in roles for v in (t[:1].upper() + t[1:], t.title())}, key=len, reverse=True)
        pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in titles) + r")\b")
        forms = sorted({h.capitalize() for h in honorifics}, key=len, reverse=True)
        address = re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\.?\s+([A-Z][\w'’-]+)")
        return cls(rules, frozenset(honorifics), {t: frozenset(r) for t, r in roles.items()}, pattern, address)

    def link(self, text: str, found: list[Found]) -> list[Found]:
        """``found`` with short person mentions relinked, plus the new mentions coreference finds."""
        people = [f for f in found if f.type == "PERSON" and self._full(f)]
        if not people:
            return found
        out = [self._relinked(text, f, people) for f in found]
        taken = [(f.start, f.end) for f in out]
        extra = self._addressed(text, people, taken)
        taken += [(f.start, f.end) for f in extra]
        extra += self._name_words(text, people, taken)
        taken += [(f.start, f.end) for f in extra]
        extra += self._titles(text, people, taken)
        return out + extra

    def _full(self, person: Found) -> bool:
        return len(person.name.split()) >= 2 or not person.key.startswith("local:")

    def _words(self, person: Found) -> set[str]:
        """The capitalised words that may stand for a person on their own."""
        words = set(person.name.split())
        return {w.casefold() for w in words if len(w) > 2 and w[:1].isupper()
                and w.casefold() not in self.rules.stopwords and w.casefold() not in self.honorifics}

    def _relinked(self, text: str, mention: Found, people: list[Found]) -> Found:
        if mention.type != "PERSON" or not mention.key.startswith("local:") or self._full(mention):
            return mention
        words = {w.casefold() for w in mention.name.split()} - self.honorifics
        addressed = self.address_pattern.search(text[max(0, mention.start - 10) : mention.end]) is not None
        fitting = [p for p in people if p.key != mention.key and words and (
            words <= self._words(p) or (addressed and _starts(words, self._words(p))))]
        person = _nearest(fitting, mention.start)
        return mention if person is None else _as(person, mention.start, mention.end)

    def _addressed(self, text: str, people: list[Found], taken: list[tuple[int, int]]) -> list[Found]:
        """"Pak Bas": the short name after a form of address, as a mention of the person it starts."""
        out: list[Found] = []
        for match in self.address_pattern.finditer(text):
            if _overlaps(match.start(1), match.end(1), taken):
                continue
            short = match.group(1).casefold()
            fitting = [p for p in people if any(w.startswith(short) for w in self._words(p))] if len(short) >= 3 else []
            person = _nearest(fitting, match.start())
            if person is not None:
                out.append(_as(person, match.start(1), match.end(1)))
        return out

    def _name_words(self, text: str, people: list[Found], taken: list[tuple[int, int]]) -> list[Found]:
        """Other capitalised occurrences of a word of a person's full name."""
        by_word: dict[str, list[Found]] = {}
        for person in people:
            for word in self._words(person):
                by_word.setdefault(word, []).append(person)
        out: list[Found] = []
        for match in _WORD.finditer(text):
            fitting = by_word.get(match.group().casefold())
            if fitting and not _overlaps(match.start(), match.end(), taken):
                nearest = _nearest(fitting, match.start())
                if nearest is not None:
                    out.append(_as(nearest, match.start(), match.end()))
        return out

    def _titles(self, text: str, people: list[Found], taken: list[tuple[int, int]]) -> list[Found]:
        """A capitalised bare title not followed by a name, as a mention of its holder."""
        out: list[Found] = []
        for match in self.title_pattern.finditer(text):
            start, end = match.span()
            if _overlaps(start, end, taken) or _FOLLOWING.match(text, end):
                continue
            title = match.group().casefold()
            roles = self.title_roles.get(title, frozenset()) | {title}
            fitting = [p for p in people if p.role and p.role.casefold() in roles]
            person = _nearest(fitting, start)
            if person is not None:
                out.append(_as(person, start, end))
        return out


def _nearest(people: Sequence[Found], position: int) -> Found | None:
    """The person mentioned last before ``position``, else the first after it; none if the
    candidates are several different people all after it."""
    before = [p for p in people if p.start < position]
    if before:
        return max(before, key=lambda p: p.start)
    return people[0] if people and len({p.key for p in people}) == 1 else None


def _starts(words: set[str], name: set[str]) -> bool:
    """One short word that starts a word of the name ("bas" of "basuki")."""
    return len(words) == 1 and all(len(w) >= 3 and any(n.startswith(w) for n in name) for w in words)


def _as(person: Found, start: int, end: int) -> Found:
    return Found(start, end, person.key, person.name, "PERSON", person.country, person.sector, person.role)


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in taken)
