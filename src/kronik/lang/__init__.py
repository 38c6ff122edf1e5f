"""Language resources as data, behind one door.

Each language is a folder named by its ISO 639-1 code (``id/``, ``en/``) holding TOML or JSON files
by concept (``boilerplate``, ``abbreviations``, ``dates``, ``months``, ``numbers``, ``cues``,
``entities``, ``figures``, ``triggers``) and a ``language.toml`` naming the pack, the languages it
reads (the family rule), its morphology and the grammar of its events. ``languages.toml`` lists the
packs; ``common/`` holds what every language shares. A stage asks its engine's :class:`Languages`
(``resources.languages``) or the pack of an article's language (``resources.pack(article.language)``);
see ``docs/adding-a-language.md``.
"""

from __future__ import annotations

from kronik.lang.morphology import Morphology
from kronik.lang.pack import LanguagePack
from kronik.lang.registry import Languages

__all__ = ["LanguagePack", "Languages", "Morphology"]
