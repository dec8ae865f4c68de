"""Canonical simplified title and body (OpenCC t2s) in their own fields of an Article.

Published text keeps its script; dedupe and extraction compare the simplified forms.
"""

from __future__ import annotations

from itemadapter import ItemAdapter

from delegation_crawler.items import Article
from delegation_crawler.text import to_simplified


class SimplifyPipeline:
    def __init__(self, stats=None):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        if not isinstance(item, Article):
            return item
        adapter = ItemAdapter(item)
        adapter["title_simplified"] = to_simplified(adapter.get("title") or "")
        adapter["body_simplified"] = to_simplified(adapter.get("body") or "")
        if self.stats is not None and (
            adapter["title_simplified"] != adapter.get("title") or adapter["body_simplified"] != adapter.get("body")
        ):
            self.stats.inc_value("simplify/converted")
        return item
