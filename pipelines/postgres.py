"""Item pipeline writing Articles to the PostgreSQL warehouse (thin adapter over delegation_crawler.db).

Enabled with the Warehouse extension (``PG_DSN``); without it the pipeline is simply not
configured and JSON Lines feeds work as before (they also work alongside it). The batching
sink, its settings (``PG_*`` in settings.py) and the ``crawl_runs`` row belong to the
extension (``delegation_crawler.extensions.warehouse``), one per crawler.
"""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter

from delegation_crawler.db.rows import Rejected, prepare_article
from delegation_crawler.db.sink import WarehouseSink
from scrapy.exceptions import NotConfigured

from delegation_crawler.db import dsn_from
from delegation_crawler.extensions.warehouse import warehouse_of

logger = logging.getLogger(__name__)


class PostgresPipeline:
    """Validate each Article and hand it to the shared batching sink."""

    def __init__(self, crawler, sink: WarehouseSink):
        self.crawler = crawler
        self.sink = sink

    @classmethod
    def from_crawler(cls, crawler):
        if not dsn_from(crawler.settings.get("PG_DSN")):
            raise NotConfigured()  # PostgreSQL off: the Warehouse extension said so once
        return cls(crawler, warehouse_of(crawler).sink)

    async def process_item(self, item):
        adapter = ItemAdapter(item)
        if "body" not in adapter.field_names():
            self.crawler.stats.inc_value("postgres/skipped_not_article")
            return item
        record = adapter.asdict()
        try:
            prepared = prepare_article(record, self.sink.page_index.pop(record.get("url"), None))
        except Rejected as exc:
            logger.warning("not stored in PostgreSQL: %s (%s)", record.get("url"), exc)
            self.crawler.stats.inc_value("postgres/rejected")
            return item
        await self.sink.put(prepared)
        return item

    async def close_spider(self) -> None:
        await self.sink.flush()
