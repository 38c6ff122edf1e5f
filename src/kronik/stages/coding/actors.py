"""Who a phrase names: the sector and country of an actor from the words of its phrase
(``lang/<code>/actors.toml``), the way PETRARCH's agent dictionary and country-of-context work.

Three tiers, most specific first: an institution in the phrase decides ("penyidik Kejaksaan Tinggi
Papua" → JUD), then an office or title ("Bupati Waropen Yermias Bisay" → GOV), then a generic agent
noun ("ratusan pelajar" → EDU); within a tier the leftmost word wins. Institutions and titles count
when written with a capital; acronyms of three letters or fewer only in capitals ("PAN", "NU").
"""

from __future__ import annotations

from dataclasses import dataclass

from kronik.lang import LanguagePack

__all__ = ["ActorLexicon", "Classification"]

_TIERS = ("institutions", "titles", "agents")
_MAX_WORDS = 5


@dataclass(slots=True, frozen=True)
class Classification:
    """What the words of a phrase say of its actor."""

    sector: str | None
    tier: int | None = None  # 0 institution, 1 title, 2 agent noun
    keyword: str | None = None
    domestic: bool = False  # names an Indonesian body or office
    contextual: bool = False  # a role noun ("petugas") whose sector is the story's authority
    head_sector: str | None = None  # the sector of the leftmost keyword (the phrase's head noun)
    head_tier: int | None = None
    head_keyword: str | None = None

    @property
    def headed_by_agent(self) -> bool:
        """A phrase headed by a plain agent noun ("pendukung Partai X", "buruh PT Y"): its head
        decides, not the institution it names."""
        return self.head_tier == 2 and self.head_keyword is not None and not self.head_contextual

    head_contextual: bool = False


@dataclass(slots=True)
class ActorLexicon:
    """Keyword → sector per tier, and the words around actor phrases."""

    keywords: tuple[dict[str, str], ...]
    domestic: frozenset[str]
    contextual: frozenset[str]
    quantifiers: frozenset[str]
    qualifiers: frozenset[str]
    not_parties: frozenset[str]
    suspects: frozenset[str]
    bare_generic: frozenset[str]
    generic_heads: frozenset[str]
    ranks: frozenset[str]
    enforcers: frozenset[str]
    name_joiners: frozenset[str]
    courts: frozenset[str]
    pronouns: dict[str, str]  # pronoun → person | group | speaker
    home_country: str | None
    sector_aliases: dict[str, str]
    first_words: frozenset[str] = frozenset()  # the first word of every keyword, for a quick miss

    @classmethod
    def load(cls, pack: LanguagePack) -> ActorLexicon:
        data = pack.data("actors")
        keywords = tuple(
            {word.casefold(): sector for sector, words in data.get(tier, {}).items() for word in words}
            for tier in _TIERS
        )
        words = data.get("words", {})
        pronouns = {w.casefold(): kind for kind, ws in data.get("pronouns", {}).items() for w in ws}

        def word_set(key: str) -> frozenset[str]:
            return frozenset(w.casefold() for w in words.get(key, []))

        return cls(keywords, word_set("domestic"), word_set("contextual"), word_set("quantifiers"),
                   word_set("qualifiers"), word_set("not_parties"), word_set("suspects"), word_set("bare_generic"), word_set("generic_heads"), word_set("ranks"), word_set("enforcers"), word_set("name_joiners"), word_set("courts"), pronouns, data.get("home", {}).get("language"),
                   dict(data.get("sector_aliases", {})))

    def sector(self, code: str | None) -> str | None:
        """A sector code of another dictionary (Phoenix "COP") as the code used here ("POL")."""
        return self.sector_aliases.get(code, code) if code else None

    def __post_init__(self) -> None:
        self.first_words = frozenset(k.split()[0] for table in self.keywords for k in table)

    def keyword_at(self, tokens: list[str], i: int, *, any_case: bool = False) -> tuple[int, int, str] | None:
        """The longest keyword starting at token ``i``: (tier, length, keyword), or None.

        Institutions and titles need a capital letter in the text (acronyms: all capitals) unless
        ``any_case``; agent nouns match in any case."""
        if tokens[i].casefold() not in self.first_words:
            parts = tokens[i].split("-")  # "TNI-Polri", "KPK-Polri": institutions joined by a hyphen
            if len(parts) > 1 and all(p.casefold() in self.first_words for p in parts):
                found = self.keyword_at(parts, 0, any_case=any_case)
                return (found[0], 1, found[2]) if found is not None else None
            return None
        for size in range(min(_MAX_WORDS, len(tokens) - i), 0, -1):
            words = tokens[i : i + size]
            key = " ".join(words).casefold()
            for tier, table in enumerate(self.keywords):
                if key not in table:
                    continue
                if tier < 2 and not any_case and not _capitalised(words[0], key):
                    continue
                return tier, size, key
        return None

    def classify(self, tokens: list[str], *, any_case: bool = True) -> Classification:
        """The sector a phrase's words give its actor (most specific tier, then leftmost)."""
        best: tuple[int, int, str] | None = None  # (tier, position, keyword)
        head: tuple[int, int, str] | None = None
        domestic = False
        i = 0
        while i < len(tokens):
            found = self.keyword_at(tokens, i, any_case=any_case)
            if found is None:
                i += 1
                continue
            tier, size, key = found
            domestic = domestic or key in self.domestic
            if best is None or tier < best[0]:
                best = (tier, i, key)
            head = head or (tier, i, key)
            i += size
        if best is None:
            return Classification(None, domestic=domestic)
        tier, _, key = best
        assert head is not None
        return Classification(self.keywords[tier][key], tier, key, domestic, key in self.contextual,
                              self.keywords[head[0]][head[2]], head[0], head[2], head[2] in self.contextual)

    def is_enforcer(self, name: str) -> bool:
        """A body that arrests, investigates or charges, though not police or a court ("KPK")."""
        return _mentions(name, self.enforcers)

    def is_court(self, name: str) -> bool:
        """A court or judge ("Pengadilan Negeri", "majelis hakim")."""
        return _mentions(name, self.courts)

    def is_not_party(self, text: str) -> bool:
        """A law, document, programme or event name ("RUU Cipta Kerja", "Pilkada 2020")."""
        words = text.casefold().split()
        return bool(words) and (words[0] in self.not_parties or " ".join(words[:2]) in self.not_parties
                                or text.casefold() in self.not_parties)


def _mentions(name: str, words: frozenset[str]) -> bool:
    tokens = name.casefold().split()
    return any(" ".join(tokens[i : i + n]) in words for n in (1, 2, 3, 4) for i in range(len(tokens)))


def _capitalised(word: str, key: str) -> bool:
    """Acronyms of three letters or fewer in capitals, shorter names with a capital; names of eight
    letters or more are unambiguous in any case ("kepolisian", "gugus tugas")."""
    if len(key) <= 3 and " " not in key:
        return word.isupper()
    return len(key) >= 8 or word[:1].isupper()
