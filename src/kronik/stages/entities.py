"""The entity stage: people, organisations, countries and places, linked to the knowledge base.

1. Gazetteer: every KB alias, leftmost-longest, written like a name (:mod:`kronik.stages.ner.gazetteer`).
   Where an alias names several entries, the one holding a role at the article's date wins.
2. CRF tagger over every sentence at once (:mod:`kronik.stages.ner.crf`), its spans fixed by the
   word lists (portfolio and title words are not names, facility heads make places).
3. Merge (:mod:`kronik.stages.ner.found`): tagged spans lead, KB matches link them; KB matches the
   tagger left out are kept (countries and known actors matter to event coding), except a country
   inside a title before a name (the person's country) and a language name ("bahasa Indonesia").
4. Rules for what the tagger left out: a name after a title, an administrative place ("Kabupaten
   X"), an Indonesian institution by its head word ("Polda X", "Pemprov X": IDN with a sector).
5. Name coreference (:mod:`kronik.stages.ner.coreference`): short names, forms of address and bare
   titles join the person named in full.
Roles and sectors are those held at ``article.published`` (or the latest known).
"""

from __future__ import annotations

import re
from datetime import date
from typing import ClassVar

from kronik.kb import KBEntry, KnowledgeBase
from kronik.model import Article, Entity, Mention
from kronik.stages.base import Resources, StageContext
from kronik.stages.ner.context import gazetteer_tags
from kronik.stages.ner.coreference import NameLinker
from kronik.stages.ner.crf import CrfModel, CrfTagger
from kronik.stages.ner.features import NerLexicon, tokenize
from kronik.stages.ner.found import Found as _Found
from kronik.stages.ner.found import kind_name, local_id, merge
from kronik.stages.ner.gazetteer import Gazetteer, GazetteerMatch, gazetteer
from kronik.stages.ner.rules import EntityRules, entity_rules

__all__ = ["EntityStage", "ner_lexicon"]

_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]+")
_ACRONYM_GLOSS = re.compile(r"\s*\(\s*[A-Z][A-Za-z0-9&.-]{1,11}\s*\)")


class EntityStage:
    """Assign ``article.entities``."""

    name: ClassVar[str] = "entities"
    requires: ClassVar[tuple[str, ...]] = ("text", "sentences", "language")
    assigns: ClassVar[tuple[str, ...]] = ("entities",)

    def __init__(self, context: StageContext) -> None:
        resources = context.resources
        self.kb: KnowledgeBase = resources.kb
        self.rules: EntityRules = entity_rules(resources)
        self.gazetteer: Gazetteer = gazetteer(resources)
        self.tagger: CrfTagger = resources.cached(
            "ner-tagger", lambda: CrfTagger(CrfModel.load(), ner_lexicon(resources)))
        self.lexicon = ner_lexicon(resources)
        self.linker: NameLinker = resources.cached(
            "name-linker", lambda: NameLinker.load(self.rules, resources.languages))

    def __call__(self, article: Article) -> Article:
        text, day = article.text, article.published
        matches = self.gazetteer.find(text)
        linked = [f for f in (self._linked(text, m.start, m.end, m.key, day) for m in matches) if f is not None]
        known_ends = frozenset(f.end for f in linked if f.type in ("ORG", "GPE"))
        tagged = []
        for span in self._tagged(text, article.sentences, matches, trim=article.language == "en"):
            for start, end, kind in self._retyped(text, span, known_ends):
                if kind == "LOC":
                    start, end = self.rules.place_extent(text, start, end)
                tagged.append((start, end, kind))
        found = [self._place(text, f) for f in merge(tagged, linked, lambda a, b, k: self._unlinked(text, a, b, k))]
        found += self._dateline(article, found)
        found += self._titled(text, article.sentences, found)
        found += self._named_after(text, found, self.rules.institutions, "ORG")
        found += self._named_after(text, found, self.rules.administrative, "LOC")
        found += self._named_after(text, found, self.rules.facilities, "LOC")
        found = self._title_countries(text, found)
        found = self.linker.link(text, found)
        article.entities = _group(_with_acronym_glosses(found, text), text)
        return article

    def _tagged(
        self, text: str, sentences: list[tuple[int, int]], matches: list[GazetteerMatch], *, trim: bool
    ) -> list[tuple[int, int, str]]:
        """(start, end, PER|ORG|LOC) spans the statistical tagger finds in the article."""
        spans = [tokenize(text, *sentence) for sentence in sentences]
        spans = [s for s in spans if s]
        labels = [gazetteer_tags(self.kb, s, matches) for s in spans]
        tagged = self.tagger.tag([[text[a:b] for a, b in s] for s in spans], labels)
        out: list[tuple[int, int, str]] = []
        for sentence_spans, tags in zip(spans, tagged, strict=True):
            out += self._runs(text, sentence_spans, tags, trim=trim)
        return out

    def _runs(self, text: str, spans: list[tuple[int, int]], tags: list[str], *, trim: bool
              ) -> list[tuple[int, int, str]]:
        """Character spans of the B-/I- runs of one sentence, stopwords and punctuation trimmed; with
        ``trim`` (English, where every word of a name is capitalised) lower-case words too."""
        runs: list[tuple[int, int, str]] = []  # token index ranges
        for i, tag in enumerate(tags):
            if tag == "O":
                continue
            if tag[0] == "B" or not (runs and runs[-1][2] == tag[2:] and runs[-1][1] == i):
                runs.append((i, i + 1, tag[2:]))
            else:
                runs[-1] = (runs[-1][0], i + 1, tag[2:])
        out: list[tuple[int, int, str]] = []
        for first, last, kind in runs:
            words = [text[a:b] for a, b in spans[first:last]]
            while words and (words[0].casefold() in self.rules.stopwords or not words[0][:1].isalnum()):
                words.pop(0)
                first += 1
            while words and not words[-1][:1].isalnum():
                words.pop()
                last -= 1
            while trim and words and words[0][:1].islower() and words[0].casefold() not in self.rules.name_joiners:
                words.pop(0)  # "telephoned Russian Foreign Minister": the verb is no part of a name
                first += 1
            cut = next((k for k, w in enumerate(words) if trim and w[:1].islower() and not (
                w.casefold() in self.rules.name_joiners and k + 1 < len(words) and words[k + 1][:1].isupper())), None)
            if cut is not None:  # "White House announced Tuesday", "Iraqi police said": the name ends
                last -= len(words) - cut
                words = words[:cut]
            if words and any(w[:1].isupper() for w in words):
                out.append((spans[first][0], spans[last - 1][1], kind))
        return out

    def _retyped(
        self, text: str, span: tuple[int, int, str], known_ends: frozenset[int]
    ) -> list[tuple[int, int, str]]:
        """Fix a tagged "person" with the word lists: one headed by an organisation word is an
        organisation ("Polda Metro Jaya"); one with a title inside is an organisation or place
        followed by the titled person ("Polda Metro Jaya Kombes Yusri Yunus"); any span headed by a
        facility word is a place ("Candi Borobudur")."""
        start, end, kind = span
        head = " ".join(text[start:end].casefold().split()[:2])
        if head.split()[0] in self.rules.facility_heads or head in self.rules.facility_heads:
            return [(start, end, "LOC")]  # "Candi Borobudur", "Jembatan Musi VI": a place
        if kind == "ORG":
            return self._organisation_and_name(text, start, end, known_ends)
        if kind != "PER":
            return [(start, end, kind)]
        words = [(m.start() + start, m.end() + start, m.group()) for m in re.finditer(r"[^\s,]+", text[start:end])]
        lowered = [w[2].casefold().rstrip(".") for w in words]
        skip = self.rules.portfolio_prefix(lowered)
        while skip < len(words) and (lowered[skip] in self.rules.titles or self.lexicon.common(lowered[skip])):
            skip += self.rules.portfolio_prefix(lowered[skip + 1 :]) + 1  # "Keamanan Wiranto": not a name
        words = words[skip:]
        if not words or any(self.lexicon.common(w[2]) for w in words):
            return []  # "Menko Polhukam": the office; "Olimpiade Musim Dingin": not a person
        start = words[0][0]
        for i in range(len(words) - 1, 0, -1):
            if words[i][2].casefold().rstrip(".") in self.rules.titles and i + 1 < len(words):
                head_kind = "ORG" if words[0][2].casefold() in self.rules.org_heads else "LOC"
                return [(start, words[i - 1][1], head_kind), (words[i + 1][0], end, "PER")]
        if words and words[0][2].casefold() in self.rules.org_heads:
            return [(start, end, "ORG")]
        return [(start, end, kind)]

    def _organisation_and_name(
        self, text: str, start: int, end: int, known_ends: frozenset[int]
    ) -> list[tuple[int, int, str]]:
        """A tagged organisation that swallowed a person's name: after a title ("Ketua Umum Partai
        Maju Rakyat Djan Faridz") or right after a known organisation or country ("… Bank Indonesia
        Mutiara Sibarani"), split before the two or three name words that end it."""
        words = [(m.start() + start, m.end() + start, m.group()) for m in re.finditer(r"\S+", text[start:end])]
        name = 0
        while name < min(3, len(words) - 1) and self.lexicon.name_like(words[-1 - name][2]):
            name += 1
        if name < 2:
            return [(start, end, "ORG")]
        cut = words[-1 - name]
        titled = len(words) >= 4 and not self.lexicon.name_like(cut[2]) and self.rules.ends_with_title(text, start)
        if titled or (cut[1] in known_ends and len(words) - name >= 2):
            return [(start, cut[1], "ORG"), (words[-name][0], end, "PER")]
        return [(start, end, "ORG")]

    def _titled(self, text: str, sentences: list[tuple[int, int]], found: list[_Found]) -> list[_Found]:
        """People named after a title that the tagger left out ("Menteri … Keamanan Wiranto"),
        when every word of the name is written like a name."""
        taken = [(f.start, f.end) for f in found]
        out: list[_Found] = []
        for sentence in sentences:
            if self.rules.title_heads.search(text, *sentence) is None:
                continue
            for cand in self.rules.candidates(text, sentence, taken):
                surface = text[cand.start : cand.end]
                if cand.role is None or not all(self.lexicon.name_like(w) for w in surface.split()):
                    continue
                if self._place_country(surface):
                    continue  # "Bupati Bandung", "Gubernur Jawa": the office's region, not its holder
                out.append(_Found(cand.start, cand.end, local_id("PERSON", surface), surface, "PERSON",
                                  None, None, cand.role))
                taken.append((cand.start, cand.end))
        return out

    def _named_after(self, text: str, found: list[_Found], pattern: re.Pattern[str], kind: str) -> list[_Found]:
        """Places named with a capitalised administrative or facility word ("Kabupaten Bandung Barat",
        "Candi Borobudur") and institutions with a national institution's head ("Kejati Jawa
        Timur") the tagger left out."""
        taken = [(f.start, f.end) for f in found]
        out: list[_Found] = []
        for match in pattern.finditer(text):
            words = match.group(1).split()
            while words and words[-1].casefold() in self.rules.stopwords:
                words.pop()
            if not words:
                continue
            start = match.start()
            end = match.start(1) + match.group(1).index(words[-1]) + len(words[-1])
            start, end = self.rules.place_extent(text, start, end)
            if any(start < b and a < end for a, b in taken):
                continue
            out.append(self._unlinked(text, start, end, kind))
            taken.append((start, end))
        return out

    def _title_countries(self, text: str, found: list[_Found]) -> list[_Found]:
        """A country inside a title before a person's name ("Perdana Menteri Inggris Tony Blair")
        is the person's country, and one after "bahasa" a language: no mention of its own
        (unless the tagger marked it as a name)."""
        people = {f.start: f for f in found if f.type == "PERSON"}
        out: list[_Found] = []
        for f in found:
            if f.type != "GPE" or f.confirmed:
                out.append(f)
                continue
            before = text[max(0, f.start - 20) : f.start].split()
            if before and before[-1].casefold() in self.rules.language_cues:
                continue  # "bahasa Indonesia": a language
            if self.rules.ends_with_title(text, f.start):
                gap = re.match(r"[\s,]{1,3}", text[f.end : f.end + 3])
                person = people.get(f.end + (gap.end() if gap else 0))
                if person is not None:
                    person.country = person.country or f.country
                    continue
            out.append(f)
        return out

    def _place(self, text: str, found: _Found) -> _Found:
        """A linked place named with a part or an administrative word ("Jakarta Pusat") becomes a
        local place of the same country; other matches are kept as they are."""
        if found.type not in ("GPE", "LOC"):
            return found
        start, end = self.rules.place_extent(text, found.start, found.end)
        if (start, end) == (found.start, found.end):
            return found
        surface = text[start:end]
        return _Found(start, end, local_id("LOC", surface), surface, "LOC", found.country, None, None)

    def _unlinked(self, text: str, start: int, end: int, kind: str) -> _Found:
        """A tagged name the gazetteer did not link: a local entity (a place may name a country)."""
        surface = text[start:end]
        if kind == "PER" and _acronym(surface):
            kind = "ORG"  # "DPD", "KPK": an acronym is an organisation, not a person
        kind = kind_name(kind)
        role = self.rules.title_before(text, start) if kind == "PERSON" else None
        country = self._place_country(surface) if kind == "LOC" else None
        national = self.rules.national_institution(surface) if kind == "ORG" else None
        country, sector = national if national else (country, None)
        return _Found(start, end, local_id(kind, surface), surface, kind, country, sector, role)

    def _linked(self, text: str, start: int, end: int, key: str, day: date | None) -> _Found | None:
        entries = self.kb.candidates(key)
        if not entries:
            return None
        entry = _best(entries, day)
        role = entry.role_at(day)
        country = (role.country if role and role.country else None) or entry.country
        sector = (role.sector if role and role.sector else None) or entry.sector
        title = role.title if role else None
        if title is None and entry.type == "PERSON":
            title = self.rules.title_before(text, start)
        return _Found(start, end, entry.id, entry.name, entry.type, country, sector, title)

    def _dateline(self, article: Article, found: list[_Found]) -> list[_Found]:
        line = article.dateline
        if line is None or line.place is None or line.start is None or line.text is None:
            return []
        offset = line.text.find(line.place)
        if offset < 0:
            return []
        start = line.start + offset
        end = start + len(line.place)
        if any(f.start < end and start < f.end for f in found):
            return []
        place = line.place.title() if line.place.isupper() else line.place
        country = self.kb.lookup_country(place)
        key = f"gpe:{country}" if country else local_id("LOC", place)
        entry = self.kb.get(key)
        return [_Found(start, end, key, entry.name if entry else place, "GPE" if entry else "LOC",
                       country or self._place_country(place), None, None)]

    def _place_country(self, surface: str) -> str | None:
        """The country of a place name: a country's own name, else a known region or city, with or
        without its administrative word and part ("Kabupaten Bandung Barat" → "Bandung")."""
        country = self.kb.lookup_country(surface) or self.kb.lookup_place(surface)
        if country:
            return country
        words = surface.split()
        if len(words) > 1 and words[0].casefold() in self.rules.place_prefixes:
            words = words[1:]
        while len(words) > 1 and (words[-1].casefold() in self.rules.place_suffixes
                                  or words[-1].casefold() in self.rules.place_suffixes_capitalised):
            words = words[:-1]
        core = " ".join(words)
        return (self.kb.lookup_country(core) or self.kb.lookup_place(core)) if core != surface else None


def ner_lexicon(resources: Resources) -> NerLexicon:
    """The tagger's word lists, KB name words and clusters, built once per engine."""
    rules = entity_rules(resources)
    lexicon: NerLexicon = resources.cached("ner-lexicon", lambda: NerLexicon.build(resources.kb, rules))
    return lexicon


def _best(entries: list[KBEntry], day: date | None) -> KBEntry:
    """The first entry (by source priority) active at ``day``, else the first."""
    if day is not None:
        for entry in entries:
            if entry.roles and entry.role_at(day) is not None and any(r.active(day) for r in entry.roles):
                return entry
    return entries[0]


def _acronym(surface: str) -> bool:
    """One word in capitals ("DPD", "KPK")."""
    return " " not in surface and len(surface) > 1 and surface.isupper()


def _with_acronym_glosses(found: list[_Found], text: str) -> list[_Found]:
    """"Mahkamah Konstitusi (MK)": the acronym glossed in brackets joins the organisation's mention
    (when it is not another entity's)."""
    drop: set[int] = set()
    for f in found:
        gloss = _ACRONYM_GLOSS.match(text, f.end) if f.type == "ORG" else None
        if gloss is None:
            continue
        inner = [i for i, g in enumerate(found) if f.end <= g.start < gloss.end()]
        if all(found[i].key == f.key for i in inner):
            drop.update(inner)
            f.end = gloss.end()
    return [f for i, f in enumerate(found) if i not in drop]


def _group(found: list[_Found], text: str) -> list[Entity]:
    """One Entity per id, mentions in text order; entities ordered by first mention."""
    by_id: dict[str, Entity] = {}
    for f in sorted(found, key=lambda f: f.start):
        entity = by_id.get(f.key)
        if entity is None:
            entity = by_id[f.key] = Entity(f.key, f.name, f.type, f.country, f.sector, f.role)
        elif entity.role is None and f.role:
            entity.role = f.role
        entity.mentions.append(Mention(text[f.start : f.end], f.start, f.end))
    return list(by_id.values())
