"""Reader of the PFSA-ID corpus: one ``token<TAB>tag`` a line, BILOU tags, blank lines between
sentences; an article starts with a dateline sentence ("JAKARTA , KOMPAS — ...")."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from kronik.errors import EvaluationError
from kronik.ingest.detokenize import detokenize_with_offsets

__all__ = ["PfsaDoc", "labelled_spans", "read_pfsa"]

_OUTLETS = ("KOMPAS", "KOMPAS.com", "Kompas.com")


@dataclass(slots=True)
class PfsaDoc:
    """One article: its tokens, BILOU tags and the token index where each sentence starts."""

    tokens: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)

    def text(self) -> tuple[str, list[tuple[int, int]]]:
        """Sentences detokenised and joined by spaces; the character span of every token."""
        pieces: list[str] = []
        offsets: list[tuple[int, int]] = []
        position = 0
        bounds = [*self.sentence_starts, len(self.tokens)]
        for a, b in pairwise(bounds):
            text, spans = detokenize_with_offsets(self.tokens[a:b])
            offsets += [(s + position, e + position) for s, e in spans]
            pieces.append(text)
            position += len(text) + 1
        return " ".join(pieces), offsets


def labelled_spans(tags: list[str]) -> list[tuple[str, int, int]]:
    """(label, first token, last token + 1) of every BILOU span."""
    spans: list[tuple[str, int, int]] = []
    start, label = -1, ""
    for i, tag in enumerate(tags):
        prefix, _, name = tag.partition("-")
        if prefix in ("B", "U") or (prefix in ("I", "L") and (start < 0 or name != label)):
            if start >= 0:
                spans.append((label, start, i))
            start, label = i, name
        elif prefix == "O" or not name:
            if start >= 0:
                spans.append((label, start, i))
            start = -1
            continue
        if prefix in ("L", "U"):
            spans.append((label, start, i + 1))
            start = -1
    if start >= 0:
        spans.append((label, start, len(tags)))
    return spans


def read_pfsa(path: Path) -> list[PfsaDoc]:
    """Articles of a PFSA-ID file."""
    docs: list[PfsaDoc] = []
    sentence: list[tuple[str, str]] = []

    def flush() -> None:
        if not sentence:
            return
        head = [tok for tok, _ in sentence[:8]]
        if not docs or (any(tok in _OUTLETS for tok in head) and any(t in ("—", "-", "–") for t in head)):
            docs.append(PfsaDoc())
        doc = docs[-1]
        doc.sentence_starts.append(len(doc.tokens))
        for tok, tag in sentence:
            doc.tokens.append(tok)
            doc.tags.append(tag)
        sentence.clear()

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            flush()
            continue
        token, sep, tag = line.rpartition("\t")
        if not sep:
            raise EvaluationError(f"{path}:{number}: expected 'token<TAB>tag', got {line!r}")
        sentence.append((token, tag.strip()))
    flush()
    return docs
