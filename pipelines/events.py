"""Sets ``Article.event`` (the delegation-visit event) from the article's text.

Runs after simplification, so it reads ``body_simplified`` when present. An extraction
failure keeps the article (with ``event = None``), logs why and counts ``events/errors``:
an event is an enrichment, losing the article for it would be worse.
"""

from __future__ import annotations

import logging
from pathlib import Path

from delegation_crawler.events import extract_event
from delegation_crawler.events.visits import VisitLinker
from delegation_crawler.items import Article
from delegation_crawler.places import gazetteer
from delegation_crawler.portals import home_place

logger = logging.getLogger(__name__)


class EventPipeline:
    """Also links reports of one visit (``event.visit_id``) through a VisitLinker whose index
    lasts between runs (``VISIT_INDEX_PATH``, default ``STATE_DIR/visits.jsonl``)."""

    def __init__(self, stats, linker: VisitLinker | None = None):
        self.stats = stats
        self.linker = linker or VisitLinker()

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        path = settings.get("VISIT_INDEX_PATH") or Path(settings.get("STATE_DIR") or "state") / "visits.jsonl"
        return cls(crawler.stats, VisitLinker(path))

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
                home_place=item.home_place or home_place(item.portal),
                url=item.url,
            )
        except Exception as exc:  # noqa: BLE001 - any parser bug must not lose the article
            logger.warning("event extraction failed for %s: %r", item.url, exc)
            self.stats.inc_value("events/errors")
            item.event = None
            return item
        item.event["visit_id"] = self.linker.link(item.event, item.published)
        self.stats.inc_value("events/visits" if item.event["is_delegation_visit"] else "events/non_visits")
        return item
