"""Rebuild running text from tokenised corpora (IndoSum's paragraphs → sentences → words)."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["detokenize", "detokenize_paragraphs", "detokenize_with_offsets"]

_NO_SPACE_BEFORE = frozenset(".,;:!?)]}%”’…")
_NO_SPACE_AFTER = frozenset("([{“‘")
_GLUE = frozenset("/")
_QUOTES = frozenset({'"', "'"})
_REDUPLICATION = re.compile(r"(\w+) - (\w+)")


def detokenize(tokens: Sequence[str]) -> str:
    """Join word tokens with the spacing a writer would use (quotes paired open/close)."""
    return _REDUPLICATION.sub(r"\1-\2", detokenize_with_offsets(tokens)[0]).strip()


def detokenize_with_offsets(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """The joined text and each token's (start, end) in it (empty tokens get an empty span)."""
    out: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    open_quote = False
    glue_next = False
    for token in tokens:
        if not token:
            offsets.append((length, length))
            continue
        attach = not out or glue_next
        glue_next = False
        if token in _QUOTES:
            if open_quote:
                attach = True
            else:
                glue_next = True
            open_quote = not open_quote
        elif token in _GLUE or (len(token) == 1 and token in _NO_SPACE_BEFORE):
            attach = True
            glue_next = token in _GLUE
        elif token in _NO_SPACE_AFTER:
            glue_next = True
        piece = token if attach else " " + token
        out.append(piece)
        offsets.append((length + len(piece) - len(token), length + len(piece)))
        length += len(piece)
    return "".join(out), offsets


def detokenize_paragraphs(paragraphs: Sequence[Sequence[Sequence[str]]]) -> str:
    """Paragraphs of sentences of tokens → text with one blank line between paragraphs."""
    texts = (detokenize([tok for sentence in paragraph for tok in sentence]) for paragraph in paragraphs)
    return "\n\n".join(text for text in texts if text)
