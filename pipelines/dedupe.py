"""Dedupe pipeline (order 400): story, duplicate and revision fields on every ``Article``.

A thin adapter over ``delegation_crawler.dedupe``. Each verdict is committed to the dedupe
state before the item is passed on, so a killed crawl never emits an item whose state is
lost. A scraped item's record is marked delivered once the outputs hold it durably (the
``Delivery`` extension: JSON Lines fsync'ed, PostgreSQL committed); a dropped one's at once.
A record a killed run left undelivered is handed out again by the next run (stats
``dedupe/redelivered``): at least once, never lost. Unchanged recrawls are dropped in
every mode; duplicates are dropped only with ``DEDUPE_MODE = "drop"`` (default "mark": kept,
with ``duplicate_of`` set).
"""

from __future__ import annotations

import logging

from scrapy import signals
from scrapy.exceptions import DropItem

from delegation_crawler.dedupe import UNCHANGED, Deduper
from delegation_crawler.extensions.dedupe_state import dedupe_state
from delegation_crawler.extensions.delivery import Delivery
from delegation_crawler.items import Article

logger = logging.getLogger(__name__)
MODES = ("mark", "drop")


class DedupePipeline:
    def __init__(self, settings, stats, state, delivery):
        self.mode = (settings.get("DEDUPE_MODE") or "mark").lower()
        if self.mode not in MODES:
            raise ValueError(f"DEDUPE_MODE must be one of {MODES}, got {settings.get('DEDUPE_MODE')!r}")
        self.settings = settings
        self.stats = stats
        self.state = state  # the crawler's DedupeState: one store, shared with SeenArticlesMiddleware
        self.delivery = delivery  # marks scraped items delivered once the outputs hold them
        self.deduper = None
        self.pending = {}  # id(item) -> Verdict, until the item leaves the pipelines

    @classmethod
    def from_crawler(cls, crawler):
        delivery = crawler.get_extension(Delivery)
        if delivery is None:
            raise RuntimeError("the Delivery extension is not enabled: add "
                               "delegation_crawler.extensions.delivery.Delivery to EXTENSIONS")
        pipeline = cls(crawler.settings, crawler.stats, dedupe_state(crawler), delivery)
        crawler.signals.connect(pipeline.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(pipeline.item_failed, signal=signals.item_error)
        return pipeline

    def item_failed(self, item, **_):
        """A later pipeline crashed on it: leave it undelivered, so the next run hands it out again."""
        self.pending.pop(id(item), None)

    def item_scraped(self, item, **_):
        verdict = self.pending.pop(id(item), None)
        if verdict is not None:
            self.delivery.when_durable(verdict)

    def item_dropped(self, item, **_):
        """Dropped by a later pipeline with a reason: handled, nothing to write."""
        verdict = self.pending.pop(id(item), None)
        if verdict is not None:
            self.state.call(lambda store: self._deduper(store).mark_delivered(verdict))

    def open_spider(self):
        self.deduper = Deduper(self.state.store)
        logger.info("dedupe state: %s, mode %s", type(self.state.store).__name__, self.mode)

    def _deduper(self, store) -> Deduper:
        """The deduper on the state's current store (another one after a reconnect or failover)."""
        if self.deduper.store is not store:
            self.deduper.store = store
        return self.deduper

    def process_item(self, item):
        if not isinstance(item, Article):
            return item
        try:
            verdict = self.state.call(lambda store: self._deduper(store).observe(
                item.url, item.body, item.body_simplified, item.published, delivered=False))
        except ValueError as exc:
            self.stats.inc_value("dedupe/dropped/bad_url")
            raise DropItem(f"dedupe: {exc}") from None
        item.content_hash = verdict.content_hash
        item.story_id = verdict.story_id
        item.duplicate_of = verdict.duplicate_of
        item.revision = verdict.revision
        item.previous_hash = verdict.previous_hash
        self.stats.inc_value("dedupe/redelivered" if verdict.redelivered else f"dedupe/{verdict.kind}")
        if verdict.kind == UNCHANGED:
            raise DropItem(f"dedupe: unchanged recrawl of {item.url} (revision {verdict.revision})")
        self.pending[id(item)] = verdict
        if verdict.is_duplicate and self.mode == "drop":
            self.stats.inc_value("dedupe/dropped/duplicate")
            raise DropItem(
                f"dedupe: {verdict.kind} duplicate of {verdict.duplicate_of} (story {verdict.story_id}): {item.url}"
            )
        return item
