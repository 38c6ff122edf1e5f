"""Language resources as data, behind one door.

Each language is a folder named by its ISO 639-1 code (``id/``, ``en/``) holding TOML or JSON files
by concept (``boilerplate``, ``abbreviations``, ``dates``, ``months``, ``numbers``, ``cues``,
``entities``, ``figures``, ``triggers``) and a ``language.toml`` naming the pack, the languages it
reads (the family rule) and its morphology. ``languages.toml`` lists the packs; ``common/`` holds
what every language shares. A stage asks its engine's :class:`Languages` (``resources.languages``)
or the pack of an article's language (``resources.pack(article.language)``); see
``docs/adding-a-language.md``.
"""

from __future__ import annotations

from typing import Any

from kronik.lang.morphology import Morphology
from kronik.lang.pack import LanguagePack, read_resource
from kronik.lang.registry import Languages

__all__ = ["SUPPORTED_LANGUAGES", "LanguagePack", "Languages", "Morphology", "load_resource"]

#: The shipped packs' codes (``languages.toml``), in merge order.
SUPPORTED_LANGUAGES: tuple[str, ...] = tuple(read_resource(".", "languages")["packs"])


def load_resource(code: str, name: str) -> Any:
    """Parse ``kronik/lang/<code>/<name>.(toml|json)``.

    Kept for stages not yet converted to the packs: ask ``resources.pack(language).data(name)``
    or ``resources.languages`` instead.
    """
    return read_resource(code, name)
