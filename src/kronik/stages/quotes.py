"""The quote stage: direct and indirect speech with its speaker, linked to entities.

Direct quotes are text between quotation marks (straight or curly, paired in order within a
paragraph, possibly spanning sentences). Their cue and speaker are read after the closing mark
("…,” kata Xi", "…,” ujarnya") or before the opening one ("Xi mengatakan, “…”", "Menurut X, “…”").
Indirect speech is a sentence "X mengatakan bahwa …" / "X said that …" / "Menurut X, …": the
reported clause is the quote. Speakers resolve to the entity whose mention they are; "-nya",
pronouns and bare titles resolve to the last speaker, else the most recent person before the
quote. Cue words are data (``lang/<code>/cues.toml``), and so are the words inside names and the
enclitics (``language.toml`` of each pack). Offsets exclude the quotation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from kronik.lang import Languages
from kronik.model import Article, Entity, Quote
from kronik.stages.base import StageContext
from kronik.stages.ner.rules import entity_rules

__all__ = ["CueLexicon", "QuoteStage"]

_MARKS = "\"“”„«»"
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
_LOWERCASE_WORD = r"(?<![\w-])[^\W\d_A-ZÀ-ÖØ-Þ]"  # a word starting with a lowercase letter
_MIN_WORDS_WITHOUT_CUE = 6


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _in_order(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in dict.fromkeys(words))


@dataclass(slots=True)
class CueLexicon:
    """Compiled cue patterns of every supported language."""

    after: re.Pattern[str]
    after_named: re.Pattern[str]
    before: re.Pattern[str]
    verb: re.Pattern[str]
    according_head: re.Pattern[str]
    indirect: re.Pattern[str]
    according: re.Pattern[str]
    speaks: re.Pattern[str]
    pronouns: frozenset[str]
    name: re.Pattern[str]  # a capitalised run, with the packs' connectors ("Siti binti Ahmad")
    subject_lead: re.Pattern[str]  # what may stand before a sentence's subject: names, "dan", "di"
    enclitics: tuple[str, ...]  # "-nya": a cue ending in one points back to the last speaker

    @classmethod
    def load(cls, languages: Languages) -> CueLexicon:
        """The cues of every pack, merged (quotes in one language often quote another)."""
        after: list[str] = []
        before: list[str] = []
        according: list[str] = []
        comps: list[str] = []
        leads: list[str] = []
        connectors: list[str] = []
        pronouns: set[str] = set()
        for pack in languages.all():
            data = pack.data("cues")
            after += data["after"]
            before += data["before"]
            according += data["according"]
            comps += data["complementisers"]
            leads += data.get("subject_lead", [])
            pronouns.update(p.casefold() for p in data["pronouns"])
            connectors += pack.connectors
        flags = re.IGNORECASE
        name = rf"{_CAPITALISED}(?:\s+(?:{_CAPITALISED}|{_in_order(connectors)}))*"
        speaker = rf"(?P<speaker>{name}|(?i:{_alt(sorted(pronouns))}))"
        return cls(
            after=re.compile(rf"^[\s,.;:!?—–-]*(?P<cue>(?i:{_alt(after)}))\b(?:\s+{speaker})?"),
            after_named=re.compile(rf"^[\s,.;:!?—–-]*{speaker}\s+(?P<cue>{_alt(after)})\b"),
            before=re.compile(rf"\b(?P<cue>{_alt(before)})\s*[,:]?\s*$"),
            verb=re.compile(rf"\b(?P<cue>{_alt(before)})\b"),
            according_head=re.compile(rf"^\s*(?P<cue>{_alt(according)})\b", flags),
            indirect=re.compile(
                rf"(?P<speaker>{name}|{_alt(sorted(pronouns))})(?:[^.\"“”]{{0,80}}?)\s+(?P<cue>{_alt(before)})"
                rf"\s*,?\s+(?:{_alt(comps)})\s+(?P<content>[^\"“”]+)"),
            according=re.compile(rf"^\s*(?P<cue>{_alt(according)})\s+(?P<speaker>{name}|{_alt(sorted(pronouns))})\s*,\s*(?P<content>[^\"“”]+)", flags),
            speaks=re.compile(rf"\s*,?\s+(?:[a-z]+\s+)?(?:{_alt(before)})\b"),
            pronouns=frozenset(pronouns),
            name=re.compile(name),
            subject_lead=re.compile(rf"^(?:[\s,()]|[A-ZÀ-ÖØ-Þ][\w.'’-]*|{_in_order(leads)})*$"),
            enclitics=tuple(dict.fromkeys(e for pack in languages.all() for e in pack.morphology.enclitics)),
        )


class QuoteStage:
    """Assign ``article.quotes``."""

    name: ClassVar[str] = "quotes"
    requires: ClassVar[tuple[str, ...]] = ("text", "sentences", "entities")
    assigns: ClassVar[tuple[str, ...]] = ("quotes",)

    def __init__(self, context: StageContext) -> None:
        languages = context.resources.languages
        self.cues: CueLexicon = context.resources.cached("cues", lambda: CueLexicon.load(languages))
        rules = entity_rules(context.resources)
        self.titles = rules.titles

    def __call__(self, article: Article) -> Article:
        text = article.text
        found: list[tuple[int, int, tuple[int, int] | None, str | None, bool]] = []
        covered: list[tuple[int, int]] = []
        for start, end, close in _quoted_spans(text):
            speaker, cue = self._direct_speaker(article, start, close)
            if cue is None and len(text[start:end].split()) < _MIN_WORDS_WITHOUT_CUE:
                continue  # a title or a scare quote, not speech
            found.append((start, end, speaker, cue, True))
            covered.append((start - 1, close + 1))
        for s_start, s_end in article.sentences:
            if any(s_start < b and a < s_end for a, b in covered):
                continue
            indirect = self._indirect(article, s_start, s_end)
            if indirect is not None:
                found.append((*indirect, False))
        quotes: list[Quote] = []
        last: tuple[str | None, str | None] = (None, None)  # the last *person* who spoke
        last_end = 0
        people = {e.id for e in article.entities if e.type == "PERSON"}
        for start, end, span, cue, direct in sorted(found, key=lambda item: (item[0], item[1])):
            name, entity_id = self._resolve(article, span, start, last, last_end)
            if name is not None and (entity_id in people or entity_id is None):
                last = (name, entity_id)
            last_end = end
            quotes.append(Quote(text[start:end], start, end, name, entity_id, cue, direct))
        article.quotes = quotes
        return article

    def _direct_speaker(self, article: Article, start: int, close: int) -> tuple[tuple[int, int] | None, str | None]:
        """The speaker span and cue around a quote opening at ``start`` and closed at ``close``."""
        text = article.text
        after = text[close + 1 : close + 100].split("\n", 1)[0]
        match = self.cues.after.match(after)
        if match:
            cue_end = close + 1 + match.end("cue")
            if match.group("cue").casefold().endswith(self.cues.enclitics):
                return None, match.group("cue")
            person = _person_after_title(article, cue_end)
            if person is not None:  # "kata Kabid Humas Polda Metro Jaya Kombes Yusri Yunus"
                return person, match.group("cue")
            mention = _first_mention(article.entities, cue_end, cue_end + 60)
            if mention is not None and mention[0] <= cue_end + 3:
                return mention, match.group("cue")
            if match.group("speaker"):
                return _last_name_run(text, close + 1 + match.start("speaker"), self.cues.name), match.group("cue")
            return None, match.group("cue")
        match = self.cues.after_named.match(after)
        if match:
            cue_start = close + 1 + match.start("cue")
            mention = _last_mention(article.entities, close + 1, cue_start)
            return mention, match.group("cue")
        line_start = text.rfind("\n", 0, start) + 1
        sentence_start = max(line_start, text.rfind(". ", line_start, start - 1) + 1)
        head = text[sentence_start : max(sentence_start, start - 1)]
        match = self.cues.according_head.match(head)
        if match:
            return _first_mention(article.entities, sentence_start + match.end("cue"), start), match.group("cue")
        match = self.cues.before.search(head) or self.cues.verb.search(head)
        if match:
            cue_start = sentence_start + match.start("cue")
            speaker = _subject_mention(article.entities, sentence_start, cue_start)
            if speaker is not None or match.re is self.cues.before:
                return speaker, match.group("cue")
        return None, None

    def _indirect(self, article: Article, start: int, end: int) -> tuple[int, int, tuple[int, int], str] | None:
        sentence = article.text[start:end]
        for pattern in (self.cues.according, self.cues.indirect):
            match = pattern.search(sentence) if pattern is self.cues.indirect else pattern.match(sentence)
            if match is None:
                continue
            content_start = start + match.start("content")
            content_end = start + len(sentence.rstrip(" .!?"))
            if content_end - content_start < 10:
                continue
            cue_start, cue_end = start + match.start("cue"), start + match.end("cue")
            if pattern is self.cues.according:
                speaker = _first_mention(article.entities, cue_end, content_start)
            else:
                speaker = _subject_mention(article.entities, start, cue_start)
                if speaker is None and match.group("speaker").casefold() not in self.cues.pronouns:
                    continue  # no known speaker before the verb: not reported speech we can attribute
            return content_start, content_end, speaker or (start + match.start("speaker"), start + match.end("speaker")), match.group("cue")
        return None

    def _resolve(
        self,
        article: Article,
        span: tuple[int, int] | None,
        quote_start: int,
        last: tuple[str | None, str | None],
        last_end: int,
    ) -> tuple[str | None, str | None]:
        """(speaker name, entity id) for a speaker span; for a pronoun, "-nya" or no span: a person
        named since the previous quote, else the previous speaker, else the last person named."""
        if span is not None:
            surface = article.text[span[0] : span[1]]
            if surface.casefold() in self.titles:  # "kata Presiden": the person named with that title
                titled = _last_titled_before(article, surface, quote_start)
                if titled is not None:
                    return titled.name, titled.id
            if surface.casefold() not in self.cues.pronouns and surface.casefold() not in self.titles:
                entity = _entity_at(article.entities, span)
                if entity is not None:
                    return (surface if entity.type == "GPE" else entity.name), entity.id
                if surface[:1].isupper():
                    return surface, None
        recent = _last_subject_before(article, quote_start, self.cues) or _last_person_before(article.entities, quote_start)
        if recent is not None and last[0] is not None:
            named_since = any(last_end <= m.start < quote_start for m in recent.mentions)
            if not named_since:
                return last
        if recent is not None:
            return recent.name, recent.id
        return last


def _quoted_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, closing mark) inside each pair of quotation marks, paired within a paragraph."""
    spans: list[tuple[int, int, int]] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        opened: int | None = None
        for m in re.finditer(f"[{_MARKS}]", paragraph.group()):
            position = paragraph.start() + m.start()
            if opened is None:
                opened = position + 1
            else:
                if position - opened >= 3:
                    spans.append((*_trim(text, opened, position), position))
                opened = None
    return [s for s in spans if s[1] > s[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " ,":
        end -= 1
    return start, end


def _person_after_title(article: Article, start: int, reach: int = 90) -> tuple[int, int] | None:
    """The first person named after ``start`` within the same phrase (no comma, full stop or
    quotation mark before it): the speaker behind a chain of titles and institutions."""
    text = article.text
    stop = re.search(r"[,.;:!?\n“”\"]", text[start : start + reach])
    end = start + (stop.start() if stop else reach)
    people = _mentions(article.entities, ("PERSON",), start, end)
    if not people:
        return None
    first = people[0]
    for following in people[1:]:  # titles and names run on to the person ("Menteri Perhubungan Budi Karya")
        if re.search(_LOWERCASE_WORD, text[first[1] : following[0]]):
            break  # a lowercase word ends the chain: "kata Joko Widodo kepada Prabowo"
        first = following
    return first


def _last_name_run(text: str, start: int, name: re.Pattern[str], reach: int = 120) -> tuple[int, int]:
    """The last capitalised run of the phrase at ``start``: the name behind a chain of titles
    the entity stage did not resolve ("Ketua Tim Pakar Gugus Tugas Covid - 19 Wiku Adisasmito")."""
    stop = re.search(rf"[,.;:!?\n“”\"(]|{_LOWERCASE_WORD}", text[start : start + reach])
    end = start + (stop.start() if stop else reach)  # a lowercase word ends the chain ("Asep yang ...")
    runs = list(name.finditer(text, start, end))
    return (runs[-1].start(), runs[-1].end()) if runs else (start, start)


def _first_mention(entities: list[Entity], start: int, end: int) -> tuple[int, int] | None:
    """The first speaker-like mention (person, organisation, country) inside ``start:end``."""
    found = [(m.start, m.end) for e in entities if e.type in ("PERSON", "ORG", "GPE")
             for m in e.mentions if start <= m.start and m.end <= end]
    return min(found) if found else None


def _mentions(entities: list[Entity], kinds: tuple[str, ...], start: int, end: int) -> list[tuple[int, int]]:
    return sorted((m.start, m.end) for e in entities if e.type in kinds
                  for m in e.mentions if start <= m.start and m.end <= end)


def _last_mention(entities: list[Entity], start: int, end: int) -> tuple[int, int] | None:
    """The last person mention inside ``start:end``, else the last organisation or country."""
    for kinds in (("PERSON",), ("ORG", "GPE")):
        found = _mentions(entities, kinds, start, end)
        if found:
            return found[-1]
    return None


def _subject_mention(entities: list[Entity], start: int, end: int) -> tuple[int, int] | None:
    """The first person of a clause (the head of "X dan Y mengatakan"), else an organisation."""
    for kinds in (("PERSON",), ("ORG", "GPE")):
        found = _mentions(entities, kinds, start, end)
        if found:
            return found[0]
    return None


def _entity_at(entities: list[Entity], span: tuple[int, int]) -> Entity | None:
    for entity in entities:
        if entity.type in ("PERSON", "ORG", "GPE") and any(m.start < span[1] and span[0] < m.end for m in entity.mentions):
            return entity
    return None


def _last_subject_before(article: Article, position: int, cues: CueLexicon) -> Entity | None:
    """The last person named as a sentence's subject (only names, titles and institutions before
    it in its sentence, or a speech verb right after it) before ``position``: "-nya" and "ia"
    refer to subjects, not objects."""
    text = article.text
    best: tuple[int, Entity] | None = None
    starts = [a for a, _ in article.sentences if a <= position]
    for entity in article.entities:
        if entity.type != "PERSON":
            continue
        for m in entity.mentions:
            if m.end > position or (best is not None and m.start <= best[0]):
                continue
            sentence_start = max((a for a in starts if a <= m.start), default=0)
            lead = text[sentence_start : m.start].lstrip("“”\"' ")
            if (len(lead) <= 80 and cues.subject_lead.match(lead)) or cues.speaks.match(text, m.end):
                best = (m.start, entity)
    return best[1] if best else None


def _last_titled_before(article: Article, title: str, position: int) -> Entity | None:
    """The last person before ``position`` named right after ``title`` ("Presiden Joko Widodo")."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(title)}\s+$", re.IGNORECASE)
    best: tuple[int, Entity] | None = None
    for entity in article.entities:
        if entity.type != "PERSON":
            continue
        for m in entity.mentions:
            if m.end <= position and (best is None or m.start > best[0]) \
                    and pattern.search(article.text, max(0, m.start - len(title) - 3), m.start):
                best = (m.start, entity)
    return best[1] if best else None


def _last_person_before(entities: list[Entity], position: int) -> Entity | None:
    best: tuple[int, Entity] | None = None
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for m in entity.mentions:
            if m.end <= position and (best is None or m.start > best[0]):
                best = (m.start, entity)
    return best[1] if best else None
