"""Repair every text field of an ArticlePage before anything parses it.

Runs first (bylines, dates and events are read from repaired text). Counts per damage class
go into ``item.repairs`` and the ``repair/<class>`` stats; other item types pass untouched.
"""

from __future__ import annotations

import logging

from delegation_crawler.items import ArticlePage
from delegation_crawler.text.page import repair_page

logger = logging.getLogger(__name__)


class RepairPipeline:
    def __init__(self, stats=None):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        if not isinstance(item, ArticlePage):
            return item
        fixes = repair_page(item)
        if self.stats is not None:
            for kind, count in fixes.items():
                self.stats.inc_value(f"repair/{kind}", count)
            if fixes:
                self.stats.inc_value("repair/pages_repaired")
        if fixes:
            logger.debug("repaired %s: %s", item.url, fixes)
        return item
