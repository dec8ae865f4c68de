"""Item pipeline writing Articles to the PostgreSQL warehouse (thin adapter over delegation_crawler.db).

Enabled by ``PG_DSN`` (or env ``DELEGATION_PG_DSN``); without it the pipeline is simply not
configured and JSON Lines feeds work as before (they also work alongside it). Settings:
``PG_BATCH_SIZE`` (2000), ``PG_BATCH_SECONDS`` (2), ``PG_RETRY_TIMES`` (3), ``PG_RETRY_BACKOFF``
(1.0 s, doubled per retry), ``PG_DEADLETTER_PATH`` (``STATE_DIR``/postgres-deadletter.jsonl).

The warehouse connection is shared with the page store extension (one sink per crawler), which
also records the crawl in ``crawl_runs`` from the spider_opened / spider_closed signals.
"""

from __future__ import annotations

import logging
import uuid
import weakref
from datetime import datetime, timezone
from pathlib import Path

import psycopg
from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import NotConfigured

from delegation_crawler.db import dsn_from, redact_dsn
from delegation_crawler.db.migrate import assert_migrated
from delegation_crawler.db.rows import CrawlRun, Rejected, jsonable_stats, prepare_article
from delegation_crawler.db.sink import WarehouseSink

logger = logging.getLogger(__name__)
DEADLETTER_CLOSE_REASON = "deadlettered"
_SINKS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def deadletter_path(settings) -> str:
    configured = settings.get("PG_DEADLETTER_PATH")
    if configured:
        return str(configured)
    return str(Path(settings.get("STATE_DIR") or "state") / "postgres-deadletter.jsonl")


def shared_sink(crawler) -> WarehouseSink:
    """The crawler's warehouse sink, created (and the schema checked) on first use.

    Raises NotConfigured when no DSN is set, and SchemaNotMigrated — which stops the crawl —
    when the database is reachable but not migrated. An unreachable database does not stop
    the crawl: writes are retried and end in the dead-letter file.
    """
    if crawler in _SINKS:
        return _SINKS[crawler][0]
    settings = crawler.settings
    dsn = dsn_from(settings.get("PG_DSN"))
    if not dsn:
        raise NotConfigured("PG_DSN / DELEGATION_PG_DSN not set")
    try:
        with psycopg.connect(dsn, connect_timeout=5) as conn:
            assert_migrated(conn, dsn)
    except psycopg.OperationalError as exc:
        logger.error("PostgreSQL %s is unreachable at start (%s); writes will be retried and "
                     "dead-lettered if it stays down", redact_dsn(dsn), str(exc).strip())
    sink = WarehouseSink(
        dsn,
        deadletter_path=deadletter_path(settings),
        batch_size=settings.getint("PG_BATCH_SIZE", 2000),
        batch_seconds=settings.getfloat("PG_BATCH_SECONDS", 2.0),
        retry_times=settings.getint("PG_RETRY_TIMES", 3),
        retry_backoff=settings.getfloat("PG_RETRY_BACKOFF", 1.0),
        inc_stat=lambda key, n: crawler.stats.inc_value(key, n),
    )
    # Signal receivers are weak references: the registry keeps the recorder alive.
    _SINKS[crawler] = (sink, _CrawlRunRecorder(crawler, sink))
    return sink


class _CrawlRunRecorder:
    """One crawl_runs row per spider run; closes the sink after the final flush."""

    def __init__(self, crawler, sink: WarehouseSink):
        self.crawler = crawler
        self.sink = sink
        self.run: CrawlRun | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    def spider_opened(self, spider) -> None:
        self.sink.start()
        self.run = CrawlRun(str(uuid.uuid4()), spider.name, datetime.now(timezone.utc))
        self.crawler.stats.set_value("postgres/run_id", self.run.run_id)
        self.sink.add(self.run)  # written with the first batch; the crawl need not wait for it

    async def spider_closed(self, spider, reason: str) -> None:
        await self.sink.flush()
        stats = self.crawler.stats
        if self.sink.totals.deadlettered:
            if reason == "finished":
                reason = DEADLETTER_CLOSE_REASON
                stats.set_value("finish_reason", reason)
            logger.error(
                "%d record(s) could not be written to PostgreSQL and are in %s; replay them with: "
                "python -m delegation_crawler.db replay-deadletter --dsn DSN %s",
                self.sink.totals.deadlettered, self.sink.deadletter_path, self.sink.deadletter_path)
        assert self.run is not None
        self.run.finished_at = datetime.now(timezone.utc)
        self.run.finish_reason = reason
        self.run.deadlettered = self.sink.totals.deadlettered
        self.run.stats = jsonable_stats(stats.get_stats())
        self.sink.add(self.run)
        await self.sink.close()  # flushes
        _SINKS.pop(self.crawler, None)


class PostgresPipeline:
    """Validate each Article and hand it to the shared batching sink."""

    def __init__(self, crawler, sink: WarehouseSink):
        self.crawler = crawler
        self.sink = sink

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, shared_sink(crawler))

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
