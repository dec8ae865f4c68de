"""Sets ``Article.event`` (the delegation-visit event) from the article's text.

Runs after simplification, so it reads ``body_simplified`` when present. An extraction
failure keeps the article (with ``event = None``), logs why and counts ``events/errors``:
an event is an enrichment, losing the article for it would be worse.
"""

from __future__ import annotations

import logging

from delegation_crawler.events import extract_event
from delegation_crawler.items import Article
from delegation_crawler.places import gazetteer
from delegation_crawler.portals import HOME_PLACES

logger = logging.getLogger(__name__)


class EventPipeline:
    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def open_spider(self, spider=None):
        gazetteer()  # load the place index (about a second) before the first item

    def process_item(self, item):
        if not isinstance(item, Article):
            return item
        try:
            item.event = extract_event(
                title=item.title_simplified or item.title or "",
                text=item.body_simplified or item.body or "",
                published=item.published,
                source=item.source,
                home_place=item.home_place or HOME_PLACES.get(item.portal),
                url=item.url,
            )
        except Exception as exc:  # noqa: BLE001 - any parser bug must not lose the article
            logger.warning("event extraction failed for %s: %r", item.url, exc)
            self.stats.inc_value("events/errors")
            item.event = None
            return item
        self.stats.inc_value("events/visits" if item.event["is_delegation_visit"] else "events/non_visits")
        return item
