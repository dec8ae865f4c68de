"""An ``ArticlePage`` (located strings) → an ``Article``, or a rejection with a reason.

Spiders, and the generic extractor when selectors fail, only say where the title, the meta
lines and the body paragraphs are. What the words mean (labels, bylines, 【原标题】 lines,
editor lines, the CMS's counters, 引题/副题) is read by ``delegation_crawler.news.interpret``,
the same way for every portal and for the extractor; this module decides what is an article.
"""

from __future__ import annotations

from delegation_crawler.items import Article, ArticlePage
from delegation_crawler.news.interpret import read_page


class ArticleRejected(ValueError):
    """The page cannot become an article; ``reason`` is a short stats key (``no_body`` …)."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def build_article(page: ArticlePage) -> Article:
    """Interpret one located page; raises ArticleRejected with a reason when it is no article."""
    reading = read_page(page.title, page.meta, page.paragraphs, subtitles=page.subtitles,
                        captions=[image.get("caption") or "" for image in page.images],
                        published_hint=page.published_hint)
    if not reading.title:
        raise ArticleRejected("no_title")
    if reading.published is None:
        reason, _, detail = reading.date_problem.partition(": ")
        raise ArticleRejected(reason, detail or "the page shows no publish time and the list gave none")
    published, credits, body = reading.published, reading.credits, reading.body
    if not body:
        raise ArticleRejected("no_body")
    return Article(
        url=page.url,
        portal=page.portal,
        fetched_at=page.fetched_at,
        title=reading.title,
        subtitles=reading.subtitles,
        body="\n".join(body),
        published=published.isoformat(),
        published_precision=published.precision,
        source=reading.source,
        authors=credits.authors,
        photographers=credits.photographers,
        editors=credits.editors,
        original_title=reading.original_title,
        home_place=page.home_place,
        images=page.images,
        extraction=page.extraction,
        declared_charset=page.declared_charset,
        used_charset=page.used_charset,
        repairs=dict(page.repairs),
    )
