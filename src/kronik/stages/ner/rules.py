"""Rules for names the knowledge base does not know: capitalised sequences typed by context.

* a title before a name ("Presiden X", "Ketua Partai Buruh Said Iqbal") → PERSON with that role;
* an organisation head or tail word ("PT ...", "Bank ...", "... Tbk", "... Corp") → ORG;
* a location cue before it ("di X", "ke X", "in X") → LOC;
* otherwise two to four capitalised words → PERSON; single capitalised words are left to
  coreference with names already found.
Word lists are data (``lang/<code>/entities.toml`` of every pack, merged).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kronik.lang import Languages

if TYPE_CHECKING:
    from kronik.stages.base import Resources

__all__ = ["Candidate", "EntityRules", "entity_rules"]

_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ0-9][\w.'’&-]*")
_CAPITALISED = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w.'’&-]*$")
#: the word lists of entities.toml merged across packs (stopwords come from ``pack.stopwords``)
_LISTS = ("titles", "org_heads", "org_tails", "location_cues", "place_suffixes", "place_suffixes_capitalised",
          "place_prefixes", "portfolios", "portfolio_joiners", "facility_heads", "language_cues", "name_joiners",
          "alias_joiners")


@dataclass(slots=True, frozen=True)
class Candidate:
    """A capitalised phrase with the type its context suggests."""

    start: int
    end: int
    type: str
    role: str | None = None


@dataclass(slots=True)
class EntityRules:
    """Compiled word lists of every language pack."""

    titles: frozenset[str]
    org_heads: frozenset[str]
    org_tails: frozenset[str]
    location_cues: frozenset[str]
    stopwords: frozenset[str]
    place_suffixes: frozenset[str]
    place_suffixes_capitalised: frozenset[str]
    place_prefixes: frozenset[str]
    portfolios: frozenset[str]
    facility_heads: frozenset[str]
    language_cues: frozenset[str]
    name_joiners: frozenset[str]  # lowercase words inside an unknown name ("bin", "of"), before a capital
    alias_joiners: frozenset[str]  # lowercase words a KB name found in text may hold ("untuk", "of")
    portfolio_joiners: frozenset[str]  # the word before a list's last portfolio ("dan")
    national_org_heads: dict[str, tuple[str, str]]  # "polda" → ("IDN", "COP")
    max_title_words: int
    title_heads: re.Pattern[str]  # a capitalised first word of a title ("Presiden", "Menteri")
    title_words: frozenset[str]  # every word of every title
    administrative: re.Pattern[str]  # "Kabupaten Bandung Barat": an administrative word and a name
    institutions: re.Pattern[str]  # "Polda Jawa Timur": a national institution's head and a name
    facilities: re.Pattern[str]  # "Candi Borobudur": a facility word and a name

    @classmethod
    def load(cls, languages: Languages) -> EntityRules:
        """The lists of every pack's ``entities.toml``, merged."""
        lists: dict[str, set[str]] = {k: set() for k in (*_LISTS, "stopwords")}
        national: dict[str, tuple[str, str]] = {}
        for pack in languages.all():
            data = pack.data("entities")
            for key in _LISTS:
                lists[key].update(w.casefold().rstrip(".") for w in data.get(key, []))
            lists["stopwords"].update(w.rstrip(".") for w in pack.stopwords)
            for country, heads in data.get("national_org_heads", {}).items():
                national.update({head.casefold(): (country, sector) for head, sector in heads.items()})
        words = {key: frozenset(found) for key, found in lists.items()}
        return cls(
            **words,
            national_org_heads=national,
            institutions=_named_after(
                {v for h in national for v in (h.title(), h.upper()) if len(h) <= 4 or v != h.upper()}),
            max_title_words=max(len(t.split()) for t in lists["titles"]),
            title_words=frozenset(w for t in lists["titles"] for w in t.split()),
            facilities=_named_after({h.title() for h in lists["facility_heads"]}),
            administrative=_named_after({p.capitalize() for p in lists["place_prefixes"]}),
            title_heads=re.compile(r"\b(?:" + "|".join(sorted(
                {re.escape(t.split()[0].capitalize()) for t in lists["titles"]}, key=len, reverse=True)) + r")\b"),
        )

    def candidates(self, text: str, sentence: tuple[int, int], taken: list[tuple[int, int]]) -> Iterator[Candidate]:
        """Capitalised phrases in one sentence that do not overlap ``taken`` spans."""
        start, end = sentence
        tokens = [(m.start() + start, m.end() + start, m.group()) for m in _TOKEN.finditer(text[start:end])]
        i = 0
        while i < len(tokens):
            tok_start, _, word = tokens[i]
            if not self._can_start(word, i == 0) or _overlaps(tok_start, tokens[i][1], taken):
                i += 1
                continue
            j = i + 1
            while j < len(tokens) and not _overlaps(tokens[j][0], tokens[j][1], taken):
                nxt = tokens[j][2]
                gap = text[tokens[j - 1][1] : tokens[j][0]]
                if gap.strip() not in ("", "-") and not self._portfolio_list(gap, tokens[j - 1][2], nxt):
                    break
                if (_CAPITALISED.match(nxt) and nxt.casefold() not in self.stopwords) or (nxt.casefold() in self.name_joiners and j + 1 < len(tokens) and _CAPITALISED.match(tokens[j + 1][2])):
                    j += 1
                else:
                    break
            words = [t[2] for t in tokens[i:j]]
            candidate = self._classify(text, tokens, i, j, words)
            if candidate is not None:
                yield candidate
            i = j

    def national_institution(self, name: str) -> tuple[str, str] | None:
        """(country, sector) of an organisation named with a national institution's first words
        ("Polda Metro Jaya" → IDN, COP)."""
        words = name.casefold().split()
        for size in (2, 1):
            found = self.national_org_heads.get(" ".join(words[:size]))
            if found and len(words) > size:
                return found
        return None

    def _portfolio_list(self, gap: str, before: str, after: str) -> bool:
        """A comma inside a list of portfolios ("Bidang Politik, Hukum, dan Keamanan")."""
        return gap.strip() == "," and before.casefold() in self.portfolios and (
            after.casefold() in self.portfolios or after.casefold() in self.portfolio_joiners)

    def _can_start(self, word: str, sentence_initial: bool) -> bool:
        if not _CAPITALISED.match(word) or word.casefold().rstrip(".") in self.stopwords:
            return False
        return not (sentence_initial and word.casefold() in self.titles)

    def _classify(self, text: str, tokens: list[tuple[int, int, str]], i: int, j: int, words: list[str]) -> Candidate | None:
        start, end = tokens[i][0], tokens[j - 1][1]
        while words and words[-1].endswith(".") and len(words[-1]) > 2 and words[-1][:-1].casefold() not in self.org_tails:
            end -= 1  # a sentence-final period
            break
        lowered = [w.casefold().rstrip(".") for w in words]
        head_title = self._title_prefix(lowered)
        if head_title:  # "Menteri Perumahan Rakyat X": the portfolio belongs to the title
            head_title += self.portfolio_prefix(lowered[head_title:])
        if head_title and head_title < len(words):
            title = " ".join(words[:head_title])
            name_start = tokens[i + head_title][0]
            if lowered[head_title] in self.org_heads:
                return None  # "Ketua Partai X": the organisation is found on its own
            return Candidate(name_start, end, "PERSON", title) if j - (i + head_title) <= 4 else None
        if len(words) >= 2 and (lowered[0] in self.org_heads or lowered[-1] in self.org_tails):
            return Candidate(start, end, "ORG")
        before = text[max(0, start - 25) : start].casefold().split()
        if before and (before[-1] in self.location_cues or " ".join(before[-2:]) in self.location_cues):
            return Candidate(start, end, "LOC")
        if len(words) >= 2 and len(words) <= 4:
            return Candidate(start, end, "PERSON")
        return None

    def _title_prefix(self, lowered: list[str]) -> int:
        """Number of leading words that form a title ("menteri luar negeri" → 3), else 0."""
        for n in range(min(self.max_title_words, len(lowered)), 0, -1):
            if " ".join(lowered[:n]) in self.titles:
                return n
        return 0

    def portfolio_prefix(self, lowered: list[str]) -> int:
        """Number of leading words that are ministry portfolios ("pekerjaan umum dan perumahan rakyat")."""
        taken = 0
        while taken < len(lowered):
            joiner = 1 if taken and lowered[taken] in self.portfolio_joiners else 0  # "… umum dan perumahan rakyat"
            rest = lowered[taken + joiner :]
            size = next((n for n in range(min(4, len(rest)), 0, -1) if " ".join(rest[:n]) in self.portfolios), 0)
            if not size:
                break
            taken += joiner + size
        return taken

    def place_extent(self, text: str, start: int, end: int) -> tuple[int, int]:
        """A place's span grown by a capitalised administrative word before it ("Kabupaten X")
        and a part-of-place word after it ("X Pusat", "X utara")."""
        before = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, start - 20) : start])
        if before and before.group(1).casefold() in self.place_prefixes:
            start -= len(before.group(0))
        after = re.match(r"\s+([A-Za-z]+(?:\s+[A-Za-z]+)?)", text[end : end + 24])
        if after:
            words = after.group(1).split()
            for size in (2, 1):
                phrase = " ".join(words[:size])
                known = phrase.casefold() in self.place_suffixes or (
                    phrase[:1].isupper() and phrase.casefold() in self.place_suffixes_capitalised)
                if len(words) >= size and known:
                    end += after.group(0).index(words[0]) + len(phrase)
                    break
        return start, end

    def ends_with_title(self, text: str, start: int) -> bool:
        """Whether the words just before ``start`` form a title with its portfolio
        ("Perdana Menteri ", "Menteri Luar Negeri ")."""
        if not text[max(0, start - 1) : start].isspace():
            return False
        lowered = [w.casefold().rstrip(".") for w in text[max(0, start - 80) : start].split()]
        for size in range(1, min(len(lowered), self.max_title_words + 4) + 1):
            tail = lowered[-size:]
            head = self._title_prefix(tail)
            if head and head + self.portfolio_prefix(tail[head:]) == size:
                return True
        return False

    def title_before(self, text: str, start: int) -> str | None:
        """The title written just before ``start`` ("Presiden Rusia, " → "Presiden"), if any."""
        window = text[max(0, start - 60) : start]
        words = re.findall(r"[\w.]+", window)
        if not any(w.casefold().rstrip(".") in self.title_words for w in words):
            return None
        for n in range(min(self.max_title_words + 3, len(words)), 0, -1):
            for k in range(self.max_title_words, 0, -1):
                phrase = " ".join(w.casefold().rstrip(".") for w in words[-n:][:k])
                if len(words[-n:]) >= k and phrase in self.titles and n - k <= 3:
                    return " ".join(words[-n:][:k])
        return None


def entity_rules(resources: Resources) -> EntityRules:
    """The entity word lists of every language pack, built once per engine."""
    rules: EntityRules = resources.cached("entity-rules", lambda: EntityRules.load(resources.languages))
    return rules


def _named_after(heads: set[str]) -> re.Pattern[str]:
    """A pattern for one of ``heads`` followed by one to three capitalised words (group 1)."""
    alternatives = "|".join(sorted(map(re.escape, heads), key=len, reverse=True))
    return re.compile(r"\b(?:" + alternatives + r")((?:\s+[A-Z][\w'’-]*){1,3})")


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in taken)
