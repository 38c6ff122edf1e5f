"""What an article and its events are about: content terms weighted by the corpus's IDF.

Content terms are the case-folded words of three letters or more that are no stopword of the
article's language (``lang/<code>/terms.toml``; "kpk" and "dpr" count, "yang" and "said" do not),
and the article's named entities as ``@``-terms (``@person:joko_widodo``, ``@name:polda papua``).
Every new article (near-duplicates aside) adds one to the document frequency of each term of its
whole text; an event's subject is the terms of its evidence sentence, of its article's title and
lead, and of its article's names, each weighed by ``log((N + 1) / (df + 1)) + 1`` so that words a
corpus uses everywhere say little and rare, specific words say much.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from kronik.corpus.parties import party_of
from kronik.model import Actor, Article, Entity

__all__ = ["Stopwords", "SubjectWeights", "article_subject", "content_terms", "document_terms", "idf_weighted"]

_WORD = re.compile(r"[^\W\d_][\w'-]*[^\W_]|[^\W\d_]", re.UNICODE)

#: the stopwords of an article's language (``None``: unknown)
Stopwords = Callable[[str | None], frozenset[str]]


@dataclass(slots=True, frozen=True)
class SubjectWeights:
    """How much each part of an article tells an event's subject (term frequency per use)."""

    evidence: float = 1.0
    lead: float = 0.5
    names: float = 1.0
    lead_sentences: int = 3
    max_name_uses: int = 3  # an entity named more often counts as if named this often


def content_terms(text: str, stopwords: frozenset[str]) -> Counter[str]:
    """How often each content word (three letters or more, no stopword) is used in ``text``."""
    words = (w.casefold() for w in _WORD.findall(text))
    return Counter(w for w in words if len(w) >= 3 and w not in stopwords)


def _name_terms(entities: list[Entity]) -> Counter[str]:
    found: Counter[str] = Counter()
    for entity in entities:
        party = party_of(Actor(entity.name, entity.id, entity.country, entity.sector))
        if party is not None and party.grain != "country":
            found[f"@{party.key}"] += len(entity.mentions)
    return found


def _lead(article: Article, sentences: int) -> str:
    spans = article.sentences[:sentences]
    lead = article.text[spans[0][0] : spans[-1][1]] if spans else article.text[:600]
    return f"{article.title or ''}\n{lead}"


def document_terms(article: Article, stopwords: frozenset[str]) -> set[str]:
    """The distinct terms of an article's whole text and its names (one document of the IDF)."""
    return set(content_terms(f"{article.title or ''}\n{article.text}", stopwords)) | set(_name_terms(article.entities))


def article_subject(article: Article, stopwords: frozenset[str], weights: SubjectWeights) -> dict[str, float]:
    """The weighted term frequencies every event of ``article`` shares: its title and lead, its names."""
    subject = {term: weights.lead * uses
               for term, uses in content_terms(_lead(article, weights.lead_sentences), stopwords).items()}
    for term, uses in _name_terms(article.entities).items():
        subject[term] = subject.get(term, 0.0) + weights.names * min(uses, weights.max_name_uses)
    return subject


def idf_weighted(frequencies: Mapping[str, float], documents: int, df: Mapping[str, int]) -> dict[str, float]:
    """Term frequencies times the corpus IDF, ``log((N + 1) / (df + 1)) + 1``."""
    return {t: f * (math.log((documents + 1) / (df.get(t, 0) + 1)) + 1.0) for t, f in frequencies.items()}
