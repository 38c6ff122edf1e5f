"""Article topics as data (``topics.toml``): the labels, the political-event gate, corpus mappings."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources

from kronik.errors import ResourceError

__all__ = ["TopicScheme"]


@dataclass(slots=True, frozen=True)
class TopicScheme:
    """The topic labels, which of them carry no political events, and corpus category maps."""

    labels: dict[str, str]
    non_political: frozenset[str]
    min_confidence: float
    sources: dict[str, dict[str, str]] = field(default_factory=dict)
    min_words: int = 0

    @classmethod
    def load(cls) -> TopicScheme:
        """The packaged scheme (``kronik/ontology/topics.toml``)."""
        text = (resources.files("kronik.ontology") / "topics.toml").read_text(encoding="utf-8")
        try:
            data = tomllib.loads(text)
            scheme = cls(
                labels=dict(data["labels"]),
                non_political=frozenset(data["gate"]["non_political"]),
                min_confidence=float(data["gate"]["min_confidence"]),
                sources={name: dict(table) for name, table in data.get("sources", {}).items()},
                min_words=int(data["gate"].get("min_words", 0)),
            )
        except (KeyError, TypeError, ValueError, tomllib.TOMLDecodeError) as exc:
            raise ResourceError(f"ontology/topics.toml is broken: {exc}") from exc
        unknown = (scheme.non_political | {t for m in scheme.sources.values() for t in m.values()}) - set(
            scheme.labels
        )
        if unknown:
            raise ResourceError(f"ontology/topics.toml: unknown topics {sorted(unknown)}")
        return scheme

    def outside_politics(self, topic: str | None, confidence: float | None, words: int | None = None) -> bool:
        """True when an article with this topic should code no political events (``words``: the
        article's length; a snippet shorter than ``min_words`` is too short to judge by topic)."""
        return (
            topic in self.non_political
            and confidence is not None
            and confidence >= self.min_confidence
            and (words is None or words >= self.min_words)
        )

    def category_map(self, corpus: str) -> dict[str, str]:
        """A labelled corpus's category → topic (e.g. ``"indosum"``)."""
        if corpus not in self.sources:
            raise ResourceError(f"ontology/topics.toml has no mapping for corpus {corpus!r}")
        return self.sources[corpus]
