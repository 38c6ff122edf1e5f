"""The plain-text cleaning cascade for articles as crawled.

Each line of a crawled page is a block. Blocks pass through small classifiers in order; the first
that recognises a block removes it with its reason (related links also go to ``links``):

1. ``_tail``        after a closing heading ("Berita Terkait", "Komentar", "Comments") the rest of
                    the page is not the article, until a real paragraph shows up again
2. ``_related``     "Baca juga: ...", "Read more: ..." lines → ``links``
3. ``_heading``     a closing heading itself
4. ``_patterned``   paywall, comments, navigation, share, byline, ads lines (language data)
5. ``_menu``        navigation words, lines made only of share-button names
6. ``_caption``     image captions (photo credits, glued image markers, a repeated headline)
7. ``_repeated``    a block seen before
8. ``_footer``      copyright lines
9. ``_header``      before the body: category labels and the title

A body block then loses its inline related links ("… warga. [Baca juga: …] Ia …", ``_inline``).

What is left is the body; its first paragraph may open with a dateline, which stays in the text
and is reported with its offsets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from kronik.model import Dateline, Link, Removal
from kronik.stages.cleaning.rules import BoilerplateRules

__all__ = ["CleanedText", "clean_text", "normalise_text"]

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SENTENCE_END = re.compile(r"[.!?…\"”’)»]\s*$")
_WORD = re.compile(r"\w+", re.UNICODE)
_MAX_PATTERN_WORDS = 40
_BODY_WORDS = 25


@dataclass(slots=True)
class CleanedText:
    """The outcome of the cascade."""

    text: str
    title: str | None = None
    dateline: Dateline | None = None
    removed: list[Removal] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def normalise_text(text: str) -> str:
    """NFC, one kind of newline and space, no zero-width characters, lines stripped."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def _words(block: str) -> int:
    return len(_WORD.findall(block))


def _is_paragraph(block: str) -> bool:
    """A block that reads like article prose (long, ends like a sentence)."""
    return _words(block) >= _BODY_WORDS and bool(_SENTENCE_END.search(block))


@dataclass(slots=True)
class _State:
    rules: BoilerplateRules
    title: str | None
    title_given: bool
    body: list[str] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    tail_reason: str | None = None

    def remove(self, block: str, reason: str) -> None:
        self.removed.append(Removal(block, reason))


def _tail(state: _State, block: str) -> str | None:
    if state.tail_reason is None:
        return None
    if _is_paragraph(block) and block.casefold() not in state.seen:
        state.tail_reason = None  # the article goes on after an embedded box
        return None
    specific = _heading(state, block) or _patterned(state, block) or _menu(state, block)
    if specific is not None:
        return specific
    match = state.rules.related_prefix.match(block)
    if match:
        state.links.append(Link(match.group("headline").strip()))
    elif state.tail_reason == "related-links" and _words(block) >= 3 and not _SENTENCE_END.search(block):
        state.links.append(Link(block))
    return state.tail_reason


def _related(state: _State, block: str) -> str | None:
    match = state.rules.related_prefix.match(block)
    if match is None or _words(block) > _MAX_PATTERN_WORDS:
        return None
    state.links.append(Link(match.group("headline").strip()))
    return "related-links"


def _heading_key(block: str) -> str:
    return block.casefold().strip(" :.-–—»>|")


def _heading(state: _State, block: str) -> str | None:
    reason = state.rules.tail_headings.get(_heading_key(block))
    if reason is None:
        return None
    if state.body:
        state.tail_reason = reason
    return reason


def _patterned_reason(rules: BoilerplateRules, block: str) -> str | None:
    if _words(block) > _MAX_PATTERN_WORDS:
        return None
    for reason, pattern in rules.line_patterns.items():
        if pattern.search(block):
            return reason
    return None


def _patterned(state: _State, block: str) -> str | None:
    return _patterned_reason(state.rules, block)


def _menu(state: _State, block: str) -> str | None:
    key = _heading_key(block)
    if key in state.rules.navigation_lines:
        return "navigation"
    tokens = [t.casefold() for t in re.split(r"[\s|/•·,]+", block) if t.strip()]
    if tokens and all(t.strip(":") in state.rules.share_words for t in tokens):
        return "share"
    return None


def _caption(state: _State, block: str) -> str | None:
    if len(block) > state.rules.max_caption_chars:
        return None
    if state.rules.caption.search(block):
        return "caption"
    title = state.title
    if title and block != title and block.casefold().startswith(title.casefold()):
        return "caption"  # the headline repeated with an image caption glued to it
    return None


def _repeated(state: _State, block: str) -> str | None:
    key = block.casefold()
    if key in state.seen:
        return "repeated"
    state.seen.add(key)
    return None


def _footer(state: _State, block: str) -> str | None:
    return "footer" if _words(block) <= _MAX_PATTERN_WORDS and state.rules.footer.search(block) else None


def _looks_like_title(block: str, rules: BoilerplateRules) -> bool:
    words = _words(block)
    if not 3 <= words <= 30 or len(block) > rules.max_title_chars:
        return False
    if any(p.match(block) for p in rules.datelines):
        return False
    return not block.endswith((".", ",", ";", ":"))


def _header(state: _State, block: str) -> str | None:
    if state.body:
        return None
    if state.title is not None and block.casefold() == state.title.casefold():
        return "title"
    if state.title_given or state.title is not None:
        return None
    if _looks_like_title(block, state.rules):
        state.title = block
        return "title"
    if _words(block) <= state.rules.max_label_words and not _SENTENCE_END.search(block):
        return "category-label"
    return None


_CASCADE = (_tail, _related, _heading, _patterned, _menu, _caption, _repeated, _footer, _header)


def _find_dateline(block: str, rules: BoilerplateRules) -> Dateline | None:
    for pattern in rules.datelines:
        match = pattern.match(block)
        if match is None or match.end() >= len(block):
            continue
        groups = match.groupdict()
        place = (groups.get("place") or "").strip() or None
        outlet = (groups.get("outlet") or "").strip() or None
        if place and _words(place) > 4:
            continue
        text = block[: match.end()].rstrip()
        return Dateline(place=place, outlet=outlet, text=text, start=0, end=len(text))
    return None


def _trailing_labels(state: _State) -> None:
    """Short label-like lines after the last paragraph are navigation, not body."""
    while len(state.body) > 1:
        last = state.body[-1]
        if _words(last) <= state.rules.max_label_words and not _SENTENCE_END.search(last):
            state.remove(state.body.pop(), "navigation")
        else:
            break


def _inline(state: _State, block: str) -> str:
    """A body paragraph without its bracketed related links, each recorded and kept in ``links``."""
    def drop(match: re.Match[str]) -> str:
        state.remove(match.group().strip(), "related-links")
        state.links.append(Link(match.group("headline").strip()))
        return ""

    return state.rules.inline_related.sub(drop, block).strip()


def clean_text(text: str, rules: BoilerplateRules, *, title: str | None = None) -> CleanedText:
    """Run the cascade over crawled text; ``title`` is a title known from metadata."""
    state = _State(rules=rules, title=title.strip() if title else None, title_given=bool(title))
    for raw_block in normalise_text(text).split("\n"):
        block = raw_block.strip()
        if not block:
            continue
        for step in _CASCADE:
            reason = step(state, block)
            if reason is not None:
                state.remove(block, reason)
                break
        else:
            state.body.append(_inline(state, block))
    _trailing_labels(state)
    dateline = _find_dateline(state.body[0], rules) if state.body else None
    return CleanedText(
        text="\n\n".join(state.body),
        title=state.title,
        dateline=dateline,
        removed=state.removed,
        links=state.links,
    )
