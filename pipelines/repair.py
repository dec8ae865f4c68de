"""Repair every text field of an ArticlePage before anything parses it.

Runs first (bylines, dates and events are read from repaired text). Counts per damage class
go into ``item.repairs`` and the ``repair/<class>`` stats; other item types pass untouched.
"""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter

from delegation_crawler.items import ArticlePage
from delegation_crawler.text import repair

logger = logging.getLogger(__name__)


def _page_text(adapter: ItemAdapter) -> str:
    """All text fields of the page, joined: the context repair() guesses lost bytes from."""
    parts = [adapter.get("title") or ""]
    for name in ("subtitles", "meta", "paragraphs"):
        parts += [v for v in adapter.get(name) or [] if isinstance(v, str)]
    parts += [i.get("caption") or "" for i in adapter.get("images") or [] if isinstance(i, dict)]
    return "\n".join(p for p in parts if isinstance(p, str))


class RepairPipeline:
    def __init__(self, stats=None):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        if not isinstance(item, ArticlePage):
            return item
        adapter = ItemAdapter(item)
        fixes: dict[str, int] = {}
        document = _page_text(adapter)

        def fix(value):
            if not isinstance(value, str) or not value:
                return value
            result = repair(value, document)
            for kind, count in result.fixes.items():
                fixes[kind] = fixes.get(kind, 0) + count
            return result.text

        adapter["title"] = fix(adapter.get("title"))
        for name in ("subtitles", "meta", "paragraphs"):
            adapter[name] = [fix(value) for value in adapter.get(name) or []]
        images = []
        for image in adapter.get("images") or []:
            if isinstance(image, dict) and image.get("caption"):
                image = {**image, "caption": fix(image["caption"])}
            images.append(image)
        adapter["images"] = images
        merged = dict(adapter.get("repairs") or {})  # a spider may have recorded repairs too
        for kind, count in fixes.items():
            merged[kind] = merged.get(kind, 0) + count
        adapter["repairs"] = merged
        if self.stats is not None:
            for kind, count in fixes.items():
                self.stats.inc_value(f"repair/{kind}", count)
            if fixes:
                self.stats.inc_value("repair/pages_repaired")
        if fixes:
            logger.debug("repaired %s: %s", adapter.get("url"), fixes)
        return item
