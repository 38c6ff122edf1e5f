"""The ``text`` format: a human summary of one analysed article."""

from __future__ import annotations

from kronik.model import Article

__all__ = ["summarise"]


def summarise(article: Article) -> str:
    """A human summary of one analysed article."""
    lines = [
        f"== {article.title or '(untitled)'}  [{article.id}]",
        f"   source: {article.source.path or '-'}  outlet: {article.source.outlet or '-'}  "
        f"language: {article.language or '-'}  published: {article.published or '-'}"
        + (f" ({article.published_source})" if article.published_source else ""),
    ]
    if article.dateline:
        lines.append(f"   dateline: {article.dateline.place or '-'} / {article.dateline.outlet or '-'}")
    lines.append(
        f"   {len(article.text)} chars, {len(article.sentences)} sentences, "
        f"{len(article.removed)} removed, {len(article.links)} links"
    )
    if article.entities:
        names = ", ".join(f"{e.name} ({e.type}{'/' + e.country if e.country else ''})" for e in article.entities[:12])
        lines.append(f"   entities: {names}")
    for d in article.dates[:8]:
        lines.append(f"   date: {d.text!r} → {d.value}" + (f"..{d.end_value}" if d.end_value else ""))
    for f in article.figures[:8]:
        lines.append(f"   figure: {f.text!r} = {f.value:g} {f.unit or ''}".rstrip())
    for q in article.quotes[:8]:
        lines.append(f"   quote: {q.speaker or '?'}: {q.text[:70]!r}")
    for ev in article.events[:12]:
        who = "+".join(a.country or a.name for a in ev.actors) or "?"
        whom = "+".join(a.country or a.name for a in ev.recipients) or "-"
        lines.append(f"   event: {ev.type}/{ev.mode or '-'} {who} → {whom} on {ev.date or '?'}: {ev.evidence[:60]!r}")
    for r in article.removed:
        lines.append(f"   removed [{r.reason}]: {r.text[:70]!r}")
    return "\n".join(lines)
