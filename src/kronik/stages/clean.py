"""The clean stage: raw content → body text, title, dateline, publication date, removals, links."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from kronik.errors import EmptyInputError
from kronik.lang import Languages
from kronik.model import Article, article_id
from kronik.stages.base import StageContext
from kronik.stages.cleaning import BoilerplateRules, clean_text, compile_rules, extract_html

__all__ = ["CleanStage"]


class CleanStage:
    """Extract the article body (HTML via trafilatura) and remove boilerplate with reasons.

    Rules of every supported language are merged: crawled pages often mix an English template
    with an Indonesian article, and the language is only known after cleaning.
    """

    name: ClassVar[str] = "clean"
    requires: ClassVar[tuple[str, ...]] = ("raw",)
    assigns: ClassVar[tuple[str, ...]] = (
        "id", "text", "title", "dateline", "published", "removed", "links",
    )

    def __init__(self, context: StageContext) -> None:
        self.context = context
        languages = context.resources.languages
        codes = tuple(p.code for p in languages.all(context.settings.languages) or languages.all())
        self.rules: BoilerplateRules = context.resources.cached(
            f"boilerplate:{','.join(codes)}", lambda: compile_rules(languages, codes)
        )
        self.months: dict[str, int] = context.resources.cached("months", lambda: _all_months(languages))

    def __call__(self, article: Article) -> Article:
        raw = article.raw
        assert raw is not None, "the clean stage needs the raw article"
        title = raw.title
        published, source = raw.published, "given" if raw.published else None
        content = raw.content
        if raw.kind == "html":
            page = extract_html(content, self.months, path=raw.source.path)
            content = page.text
            title = title or page.title
            if published is None and page.published is not None:
                published, source = page.published, "metadata"
            if raw.language is None and page.language:
                article.warnings.append(f"page declares language {page.language!r}")
        if len(content) > self.context.settings.max_text_chars:
            content = content[: self.context.settings.max_text_chars]
            article.warnings.append("text truncated to max_text_chars")
        if raw.kind == "clean":  # already the body: analysed verbatim, nothing removed
            return self._verbatim(article, content, title, published, source)
        cleaned = clean_text(content, self.rules, title=title)
        if not cleaned.text.strip():
            raise EmptyInputError("no article text after cleaning", path=raw.source.path)
        article.text = cleaned.text
        article.title = cleaned.title
        article.dateline = cleaned.dateline
        article.removed = cleaned.removed
        article.links = cleaned.links
        article.published, article.published_source = published, source
        article.id = article_id(cleaned.text)
        return article

    @staticmethod
    def _verbatim(
        article: Article, text: str, title: str | None, published: date | None, source: str | None
    ) -> Article:
        if not text.strip():
            raise EmptyInputError("no article text", path=article.source.path)
        article.text, article.title, article.id = text, title, article_id(text)
        article.published, article.published_source = published, source
        return article


def _all_months(languages: Languages) -> dict[str, int]:
    """Month names of every pack (a page's date line may be in any of them)."""
    months: dict[str, int] = {}
    for pack in languages.all():
        months.update(pack.data("months")["months"])
    return months
