"""The parties a sentence names: linked entities, phrases headed by an institution, office or agent
noun ("Polres Luwu Utara", "Kapolres Yahukimo", "ratusan pelajar", "orang tak dikenal"), and
pronouns — each with the sector and country its words give it.

A title run before a person's name gives the person their sector ("Kepala Polres Luwu Utara Ajun
Komisaris Besar Irwan Sunudin" → POL); an institution or place named right after an agent noun
joins its phrase ("penyidik KPK", "warga Desa Sidomukti"); a date ends a phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kronik.model import Actor, Article, Entity
from kronik.stages.coding.actors import ActorLexicon, Classification

__all__ = ["NAMED_KINDS", "Party", "PartyFinder", "Token", "tokenize"]

#: kinds of party the text names (not pronouns, places or documents)
NAMED_KINDS = ("entity", "phrase", "person")

_TOKEN = re.compile(r"[^\W_]+(?:[-’'][^\W_]+)*|[^\w\s]")
_JOINERS = frozenset({"/", "-"})


@dataclass(slots=True, frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.casefold()


def tokenize(text: str, span: tuple[int, int]) -> list[Token]:
    """Words and punctuation marks of ``text[span]`` with their offsets."""
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, span[0], span[1])]


@dataclass(slots=True)
class Party:
    """A participant a sentence names."""

    start: int
    end: int
    name: str
    kind: str  # entity | phrase | pronoun | place
    sector: str | None = None
    country: str | None = None
    entity: Entity | None = None
    pronoun: str | None = None  # person | group | speaker
    contextual: bool = False  # a role noun whose sector is the story's authority
    tier: int | None = None  # what named it: 0 an institution, 1 an office, 2 an agent noun
    enforcer: bool = False  # a body that arrests, investigates or charges ("KPK", "Bawaslu")
    court: bool = False  # a court or judge: finds liable, never arrests or charges
    human: bool = True
    first: int = 0  # index of its first token in the sentence
    last: int = 0  # index after its last token

    def actor(self) -> Actor:
        return Actor(self.name, self.entity.id if self.entity else None, self.country, self.sector)

    @property
    def key(self) -> str:
        return self.entity.id if self.entity else self.name.casefold()

    @property
    def is_person(self) -> bool:
        """A named person (linked or not)."""
        return self.kind == "person" or (self.entity is not None and self.entity.type == "PERSON")


@dataclass(slots=True)
class PartyFinder:
    """Finds the parties of a sentence (built once per article: home country and profiles)."""

    lexicon: ActorLexicon
    home: str | None

    def add_names(self, text: str, tokens: list[Token], parties: list[Party], names: frozenset[str]) -> list[Party]:
        """People the tagger missed, known from a titled mention elsewhere in the article ("Lurah X
        Polana" … "Polana meminta"): capitalised words that are such a person's name."""
        covered = {i for p in parties for i in range(p.first, p.last)}
        added = [Party(t.start, t.end, t.text, "person", first=i, last=i + 1) for i, t in enumerate(tokens)
                 if i not in covered and t.text[:1].isupper() and t.lower in names]
        return sorted(parties + added, key=lambda p: p.first) if added else parties

    def find(self, article: Article, tokens: list[Token], mentions: list[tuple[int, int, Entity]],
             dates: list[tuple[int, int]]) -> list[Party]:
        words = [t.text for t in tokens]
        starts = {t.start: i for i, t in enumerate(tokens)}
        ends = {t.end: i + 1 for i, t in enumerate(tokens)}
        at: dict[int, tuple[int, Entity]] = {}
        for start, end, entity in mentions:
            if start in starts and end in ends and ends[end] > starts[start] and self._trusted(entity):
                at[starts[start]] = (ends[end], entity)
        in_date = {i for i, t in enumerate(tokens) if any(a <= t.start < b for a, b in dates)}
        parties: list[Party] = []
        i = 0
        while i < len(tokens):
            party, i = self._party_at(article.text, tokens, words, i, at, in_date)
            if party is not None:
                parties.append(party)
        bare = self.lexicon.bare_generic
        parties = [p for p in parties if not (p.kind == "phrase" and p.name.casefold() in bare and not (
            p.first > 0 and tokens[p.first - 1].text.isdigit()))]  # "kesalahan orang", not "8 orang"
        line = article.dateline
        if line is not None and line.end is not None:  # "JAKARTA, KOMPAS —": the outlet's byline, no party
            parties = [p for p in parties if p.start >= line.end]
        return parties

    @staticmethod
    def _trusted(entity: Entity) -> bool:
        """A person's name holds no lower-case word ("Kebayoran Lama dan" is a tagging slip)."""
        return entity.type != "PERSON" or all(w[:1].isupper() or not w[:1].isalpha() for w in entity.name.split())

    def _party_at(self, text: str, tokens: list[Token], words: list[str], i: int,
                  at: dict[int, tuple[int, Entity]], in_date: set[int]) -> tuple[Party | None, int]:
        lex = self.lexicon
        if i in at:
            end, entity = at[i]
            return self._entity_party(text, tokens, i, end, entity, []), end
        pair = " ".join(words[i : i + 2]).casefold() if i + 1 < len(words) else None
        pronoun = lex.pronouns.get(pair or "") or lex.pronouns.get(words[i].casefold())
        if pronoun is not None:
            size = 2 if pair in lex.pronouns else 1
            t = tokens[i + size - 1]
            return Party(tokens[i].start, t.end, text[tokens[i].start : t.end], "pronoun", pronoun=pronoun,
                         first=i, last=i + size), i + size
        found = lex.keyword_at(words, i) if i not in in_date else None
        if found is None or (found[0] == 2 and i > 0 and words[i][:1].isupper()
                             and i + found[1] < len(words) and words[i + found[1]][:1].isupper()):
            return None, i + 1  # (an agent noun inside a name: "Bandar Udara Nop Goliath")
        first = i
        while first > 0 and words[first - 1].casefold() in lex.quantifiers and (first - 1) not in at:
            first -= 1
        j = min([i + found[1], *(m for m in at if i < m < i + found[1])])
        tier = found[0]
        inner: list[Entity] = []
        while j < len(tokens) and j not in in_date:
            if j in at:
                end, entity = at[j]
                if entity.type == "PERSON":
                    if tier < 2 and end in at and at[end][1].type == "PERSON":
                        j = end  # "Bupati Lembah Hijau Ahmad Santoso": the office's place, tagged as a name
                        continue
                    if tier < 2:  # the phrase was the person's title
                        return self._entity_party(text, tokens, j, end, entity, words[first:j]), end
                    break  # "pendukung Yusak": the person is another party
                inner.append(entity)
                j = end
                continue
            if words[j] == "," and tier == 1 and j + 1 in at and at[j + 1][1].type == "PERSON":
                end, entity = at[j + 1]  # "Presiden Tiongkok, Xi Jinping": the title in apposition
                return self._entity_party(text, tokens, j + 1, end, entity, words[first:j]), end
            keyword = self.lexicon.keyword_at(words, j)
            tier = min(tier, keyword[0]) if keyword else tier
            if keyword is not None and keyword[2] in self.lexicon.ranks:
                name_end = self._name_after(words, j + keyword[1], at, in_date)
                if name_end > j + keyword[1]:  # "Ajun Komisaris Besar Irwan Sunudin": a rank names a person
                    return self._person_party(text, tokens, (first, j + keyword[1], name_end), words), name_end
            step = self._extension(words, j, tier)
            if not step:
                break
            j = min([j + step, *(m for m in at if j < m < j + step)])
        return self._phrase_party(text, tokens, (first, j), words[first:j], inner), j

    def _name_after(self, words: list[str], j: int, at: dict[int, tuple[int, Entity]], in_date: set[int]) -> int:
        """Where a run of capitalised words (a person's name the tagger missed) starting at ``j`` ends."""
        k = j
        while k < len(words) and k not in at and k not in in_date and words[k][:1].isupper() and words[k].isalpha() \
                and self.lexicon.keyword_at(words, k) is None:
            k += 1
        return k

    def _apposition(self, words: list[str]) -> Classification:
        """The office or role an apposition right after a name gives ("X, terdakwa kasus …")."""
        found = self.lexicon.keyword_at(words, 0) or (self.lexicon.keyword_at(words, 1) if len(words) > 1 else None)
        return self.lexicon.classify(words[: found[1] + 1]) if found is not None else Classification(None)

    def _person_party(self, text: str, tokens: list[Token], span: tuple[int, int, int], words: list[str]) -> Party:
        """A person named after a title and rank, without an entity."""
        first, name_start, end = span
        judged = self.lexicon.classify(words[first:name_start], any_case=False)
        name = text[tokens[name_start].start : tokens[end - 1].end]
        return Party(tokens[first].start, tokens[end - 1].end, name, "person", judged.sector,
                     "IDN" if judged.domestic else self.home, tier=judged.tier, first=first, last=end)

    def _extension(self, words: list[str], j: int, tier: int) -> int:
        """How many words at ``j`` continue an actor phrase headed by a keyword of ``tier`` (0: it
        ends). Names in capitals continue an institution or office ("Polres Luwu Utara"); an agent
        noun takes only keywords and qualifiers ("warga Kecamatan Bone-bone", "orang tak dikenal")."""
        lex = self.lexicon
        found = lex.keyword_at(words, j)
        if found is not None:
            return found[1]
        two = " ".join(words[j : j + 2]).casefold()
        if two in lex.qualifiers:
            return 2
        word = words[j]
        if word.casefold() in lex.qualifiers:
            return 1
        if tier == 2:
            return 0
        if word.casefold() in lex.name_joiners and j + 1 < len(words) and words[j + 1][:1].isupper():
            return 2  # "Dinas Pekerjaan Umum dan Perumahan Rakyat"
        if word in _JOINERS and j + 1 < len(words) and (words[j + 1][:1].isupper() or words[j + 1].isdigit()):
            return 2
        if word == "(" and j + 2 < len(words) and words[j + 2] == ")" and words[j + 1][:1].isupper():
            return 3  # "Brigadir Jenderal (Pol)"
        if (word[:1].isupper() and word.isalpha()) or (word.isdigit() and words[j - 1][:1].isupper()):
            return 1  # "Densus 88", "Dandim 1715"
        return 0

    def _inside_document_name(self, tokens: list[Token], i: int) -> bool:
        """A name within a capitalised document title ("Deklarasi One ASEAN …"), not sentence-initial
        ("Kesepakatan Indonesia dan Malaysia …" may name its parties)."""
        j = i - 1
        while j > 0 and tokens[j].text[:1].isupper():
            if self.lexicon.is_not_party(tokens[j].text):
                return True
            j -= 1
        return False

    def _entity_party(self, text: str, tokens: list[Token], i: int, end: int, entity: Entity,
                      title: list[str]) -> Party:
        lex = self.lexicon
        start = tokens[i - len(title)].start if title else tokens[i].start
        name = entity.name
        kind = "place" if entity.type == "LOC" else "entity"
        if lex.is_not_party(text[tokens[i].start : tokens[end - 1].end]) or lex.is_not_party(name) \
                or self._inside_document_name(tokens, i):
            kind = "document"
        if entity.type == "PERSON":
            after = [t.text for t in tokens[end + 1 : end + 8]] if end < len(tokens) and tokens[end].text == "," else []
            judged = lex.classify(title + name.split(), any_case=False)
            if judged.sector is None and after:
                judged = self._apposition(after)  # "Joko S Tjandra, buron kasus …"
        elif title:
            judged = lex.classify(title)
        else:
            judged = Classification(None)
        if entity.type == "ORG" and entity.sector is None and judged.sector is None:
            judged = lex.classify(name.split())
        sector = lex.sector(entity.sector) or judged.sector
        if entity.type == "GPE" and sector is None:
            sector = "GOV"
        country = entity.country if entity.type != "LOC" else None
        if judged.domestic and entity.type != "GPE":
            country = "IDN"
        elif country is None and entity.type in ("PERSON", "ORG") and sector != "IGO":
            country = self.home
        if entity.type == "PERSON" and sector is None and not title:
            sector = None  # decided later from the person's profile in the article
        return Party(start, tokens[end - 1].end, name, kind, sector, country, entity,
                     contextual=judged.contextual, tier=0 if entity.type == "ORG" else judged.tier,
                     enforcer=lex.is_enforcer(name), court=lex.is_court(name), human=entity.type != "LOC",
                     first=i - len(title), last=end)

    def _phrase_party(self, text: str, tokens: list[Token], span: tuple[int, int], words: list[str],
                      inner: list[Entity]) -> Party:
        lex = self.lexicon
        first, last = span
        judged = lex.classify(words)
        org = next((e for e in inner if e.type == "ORG"), None)
        nation = next((e for e in inner if e.type == "GPE" and e.country), None)
        generic = judged.head_keyword in lex.generic_heads  # "pihak Polresta Palembang": the police
        sector = judged.head_sector if judged.headed_by_agent and not generic else judged.sector
        if org is not None and org.sector and (judged.contextual or judged.tier != 0):
            sector = org.sector if judged.tier != 1 else sector
        if judged.domestic:
            country: str | None = "IDN"
        elif nation is not None:
            country = nation.country
        elif org is not None and org.country:
            country = org.country
        else:
            country = self.home
        name = text[tokens[first].start : tokens[last - 1].end]
        if org is not None and judged.head_keyword in lex.generic_heads:
            name = org.name  # "perusahaan Alibaba", "pihak Bulog": the organisation itself
        return Party(tokens[first].start, tokens[last - 1].end, name, "phrase", sector,
                     None if sector == "IGO" else country, org,
                     contextual=judged.contextual and org is None and nation is None, tier=judged.tier,
                     enforcer=lex.is_enforcer(name), court=lex.is_court(name), first=first, last=last)
