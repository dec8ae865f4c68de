"""ArticlePage → Article, or a counted drop with the reason."""

from __future__ import annotations

from scrapy.exceptions import DropItem

from delegation_crawler.article import ArticleRejected, build_article
from delegation_crawler.items import ArticlePage


class ArticlePipeline:
    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        if not isinstance(item, ArticlePage):
            return item
        try:
            article = build_article(item)
        except ArticleRejected as rejected:
            self.stats.inc_value(f"articles/dropped/{rejected.reason}")
            raise DropItem(f"{rejected} ({item.url})") from None
        self.stats.inc_value("articles/built")
        return article
