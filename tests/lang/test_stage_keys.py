"""Every pack gives each stage what it reads, and ``lang/languages.toml`` lists what the stages need.

Each pack is loaded on its own (as if it were the only language) and every stage's language
resources are built from it; a file or key the pack lacks fails here, naming the pack. The keys the
loaders read unconditionally (``data[key]``, not ``data.get``) must be those ``[resources]`` lists,
so ``Languages.problems()`` and docs/adding-a-language.md stay true.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kronik.lang import LanguagePack, Languages
from kronik.stages.cleaning import compile_rules
from kronik.stages.coding.actors import ActorLexicon
from kronik.stages.coding.lexicon import TriggerLexicon
from kronik.stages.events import EVENT_GRAMMARS
from kronik.stages.figures import FigureGrammar
from kronik.stages.ner.coreference import NameLinker
from kronik.stages.ner.rules import EntityRules
from kronik.stages.quotes import CueLexicon
from kronik.stages.sentences import SentenceSplitter
from kronik.stages.temporal import DateGrammar

LANGUAGES = Languages.load()


def alone(code: str) -> Languages:
    """The shipped packs reduced to the pack ``code`` (fresh, so nothing is cached from others)."""
    return Languages({code: LanguagePack.load(code)}, code, LANGUAGES.required)


def build_all(languages: Languages) -> None:
    """Every stage's language resources, built from ``languages``, each used once."""
    (pack,) = languages.all()
    compile_rules(languages)
    SentenceSplitter.load(languages).split("Satu. Two.")
    rules = EntityRules.load(languages)
    NameLinker.load(rules, languages)
    CueLexicon.load(languages)
    assert list(DateGrammar.load([pack]).find("1 2 2020")) is not None
    FigureGrammar.load(pack).find("10", [])
    lexicon = TriggerLexicon.load(pack)
    assert lexicon.negation.pattern and lexicon.clause_break.pattern and not lexicon.is_sports("")
    grammar = pack.data("language")["events"]["grammar"]
    assert grammar in EVENT_GRAMMARS, f"{pack.code}/language.toml: unknown events grammar {grammar!r}"
    if grammar == "indonesian":
        ActorLexicon.load(pack)


def test_no_pack_lacks_a_listed_file_or_key() -> None:
    assert LANGUAGES.problems() == []


@pytest.mark.parametrize("code", LANGUAGES.codes)
def test_each_pack_alone_gives_every_stage_what_it_reads(code: str) -> None:
    build_all(alone(code))


class _Reads(dict[str, Any]):
    """A resource that notes the keys read with ``data[key]`` (``data.get`` is optional)."""

    def __init__(self, name: str, content: dict[str, Any], seen: set[tuple[str, str]]) -> None:
        super().__init__(content)
        self.name, self.seen = name, seen

    def __getitem__(self, key: str) -> Any:
        self.seen.add((self.name, key))
        return super().__getitem__(key)


@pytest.fixture()
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[set[tuple[str, str]]]:
    seen: set[tuple[str, str]] = set()
    original = LanguagePack.data

    def noted(pack: LanguagePack, name: str) -> Any:
        content = original(pack, name)
        return _Reads(name, content, seen) if isinstance(content, dict) else content

    monkeypatch.setattr(LanguagePack, "data", noted)
    yield seen


# Files only some packs have, read by the grammar that needs them (not listed for every pack).
_GRAMMAR_FILES = {"actors", "grammar"}


def test_languages_toml_lists_every_key_the_stages_require(reads: set[tuple[str, str]]) -> None:
    for code in LANGUAGES.codes:
        build_all(alone(code))
    required = {(name, key) for name, keys in LANGUAGES.required.items() for key in keys}
    unlisted = {(n, k) for n, k in reads if n not in _GRAMMAR_FILES} - required
    assert not unlisted, f"read by the stages but not in lang/languages.toml [resources]: {sorted(unlisted)}"
    assert {n for n, _ in reads} - _GRAMMAR_FILES <= set(LANGUAGES.required)
