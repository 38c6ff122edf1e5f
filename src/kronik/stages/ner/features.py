"""Features of the NER tagger, computed once per word type and once per position.

A token's score for each tag is the sum, over the offsets -2…+2, of the weights of the features of
the word at that offset and of the position's context there. Word features depend on the word
alone (lower case, shape, affixes, learned clusters, membership of the word lists and of the KB
names), so their summed weights are cached per word type; position features (the gazetteer's tag,
sentence start, a title phrase ending there) are few and cached per signature. Training
(:mod:`kronik.training.ner`) writes the same feature names, so the two sides cannot drift.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from kronik.errors import ResourceError
from kronik.kb import KnowledgeBase
from kronik.stages.ner.rules import EntityRules

__all__ = [
    "CLUSTER_FILE", "OFFSETS", "PAD", "PAIR_JOINER", "PAIR_OFFSETS", "NerLexicon", "Signature",
    "pair_features", "position_features", "shape", "tokenize", "word_features",
]

CLUSTER_FILE = "clusters.tsv.gz"
#: word offsets whose features score a position
OFFSETS: tuple[int, ...] = (-2, -1, 0, 1, 2)
#: the word standing for "outside the sentence" at the offsets
PAD = "<pad>"
#: joins the two words of a word-pair feature (a character no token holds)
PAIR_JOINER = "\x1f"
#: word-pair features: (previous, current) as "pw" at the current position, as "wn" at the previous
PAIR_OFFSETS = {0: "pw", 1: "wn"}
_TOKEN = re.compile(r"\w+(?:[-.'’&]\w+)*\.?(?<!\.)|\w+|[^\w\s]")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")

_NO_CLUSTERS: tuple[str, ...] = ()
#: a position's context: the gazetteer's tag there, sentence start, a title phrase ending there
Signature = tuple[str, bool, bool]


def tokenize(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Token offsets in ``text[start:end]`` (words with inner hyphens/dots, punctuation apart)."""
    return [m.span() for m in _TOKEN.finditer(text, start, end)]


def shape(word: str) -> str:
    """Xxxx / XX / dd / x-x style shape, runs collapsed, at most 6 characters."""
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


@dataclass(slots=True)
class NerLexicon:
    """Word sets and learned clusters the features read, built once per engine."""

    rules: EntityRules
    clusters: dict[str, tuple[str, ...]]  # word → its cluster at each granularity, coarse first
    shares: dict[str, str]  # word → tenths of its mid-sentence uses in lower case
    person_words: frozenset[str]  # words of the KB's people's names
    places: dict[str, str]  # the KB's region and city names (one word or more) → country
    country_words: frozenset[str]  # one-word country names and variants
    title_ends: frozenset[str]  # last words of titles ("negeri" of "menteri luar negeri")

    @classmethod
    def build(cls, kb: KnowledgeBase, rules: EntityRules) -> NerLexicon:
        person_words: set[str] = set()
        for entry in kb.entries.values():
            if entry.type == "PERSON":
                for alias in entry.aliases:
                    person_words.update(w.casefold() for w in alias.split() if len(w) > 1)
        countries = frozenset(k for k, ids in kb.aliases.items() if " " not in k and ids[0].startswith("gpe:"))
        clusters, shares = load_clusters()
        return cls(rules, clusters, shares, frozenset(person_words - rules.stopwords), kb.places, countries,
                   frozenset(t.split()[-1] for t in rules.titles))

    def common(self, word: str) -> bool:
        """A word the news corpus writes in lower case at least 9 times in 10 (a common noun
        like "keamanan" or "musim", never a person's name)."""
        low = word.casefold()
        return self.shares.get(low) in ("9", "10") and low not in self.person_words

    def name_like(self, word: str) -> bool:
        """A capitalised word that may be part of a person's name: not a title, portfolio,
        organisation head or stopword, not an acronym, mostly capitalised in the news corpus."""
        low = word.casefold().rstrip(".")
        rules = self.rules
        if not word[:1].isupper() or (word.isupper() and len(word) > 1) or low in self.country_words or any(
                low in words for words in (rules.titles, rules.portfolios, rules.org_heads, rules.stopwords)):
            return False
        share = self.shares.get(low, "-")
        return share == "-" or int(share) <= 3

    def flags(self, low: str) -> list[str]:
        """Word-list memberships of a lower-cased word."""
        rules = self.rules
        found = [name for name, words in (
            ("title", rules.titles), ("cue", rules.location_cues), ("orghead", rules.org_heads),
            ("orgtail", rules.org_tails), ("facility", rules.facility_heads), ("placehead", rules.place_prefixes),
            ("portfolio", rules.portfolios), ("stop", rules.stopwords), ("kbperson", self.person_words),
        ) if low in words]
        if low in self.places or low in self.country_words:
            found.append("kbplace")
        return found


def load_clusters() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """The packaged word → cluster numbers table and lower-case shares (empty when never built)."""
    path = resources.files("kronik.stages.ner") / CLUSTER_FILE
    if not path.is_file():
        return {}, {}
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except (OSError, ValueError) as exc:
        raise ResourceError(f"NER cluster table {CLUSTER_FILE} is corrupt: {exc}") from exc
    clusters: dict[str, tuple[str, ...]] = {}
    shares: dict[str, str] = {}
    for line in text.split("\n"):
        fields = line.split("\t")
        if len(fields) >= 3 and not line.startswith("#"):
            word, *numbers, share = fields
            clusters[word] = tuple(numbers)
            if share != "-":
                shares[word] = share
    return clusters, shares


def word_features(word: str, lexicon: NerLexicon) -> dict[int, list[str]]:
    """Feature names of one word at each offset (``PAD`` outside the sentence)."""
    if word == PAD:
        return {offset: ["w=<pad>"] for offset in OFFSETS}
    low = word.casefold()
    form = shape(word)
    clusters = lexicon.clusters.get(low, _NO_CLUSTERS)
    flags = lexicon.flags(low)
    capital = word[:1].isupper()
    share = lexicon.shares.get(low, "-")
    named = [f"c{k}={c}" for k, c in enumerate(clusters)] or ["c=none"]
    near = [f"w={low}", f"s={form}", *named[1:], f"cap={capital}", f"lc={share}", *flags]
    here = [*near, "bias", named[0], f"p2={low[:2]}", f"p3={low[:3]}", f"s2={low[-2:]}", f"s3={low[-3:]}",
            f"s4={low[-4:]}", f"len={min(len(word), 6)}", f"cs={form}|{named[-1]}", f"caplc={capital}|{share}"]
    if capital and flags:
        here += [f"capflag={f}" for f in flags]
    far = [f"w={low}", named[min(1, len(named) - 1)], f"cap={capital}"]
    return {-2: far, -1: near, 0: here, 1: near, 2: far}


def pair_features(previous: str, current: str) -> dict[int, list[str]]:
    """Feature names of the word pair ending at a position, at each offset it scores."""
    key = previous.casefold() + PAIR_JOINER + current.casefold()
    return {offset: [f"{name}={key}"] for offset, name in PAIR_OFFSETS.items()}


def signatures(words: Sequence[str], gazetteer: Sequence[str], lexicon: NerLexicon) -> list[Signature]:
    """The context signature of every position of a sentence."""
    rules = lexicon.rules
    out: list[Signature] = []
    for i, word in enumerate(words):
        low = word.casefold().rstrip(".")
        ends_title = low in lexicon.title_ends and any(
            " ".join(w.casefold().rstrip(".") for w in words[i - n + 1 : i + 1]) in rules.titles
            for n in range(1, min(4, i + 2)))
        out.append((gazetteer[i], i == 0, ends_title))
    return out


def position_features(signature: Signature) -> dict[int, list[str]]:
    """Feature names of a position's context signature at each offset."""
    tag, first, ends_title = signature
    names = [f"g={tag}"] if tag else []
    if first:
        names.append("first")
    if ends_title:
        names.append("titleend")
    here = [*names, f"gk={tag[2:]}"] if tag else names
    return {-1: names, 0: here, 1: names}


def is_name_like(word: str) -> bool:
    """A word that starts with a letter (names, not numbers or punctuation)."""
    return bool(_NAME_WORD.match(word))
