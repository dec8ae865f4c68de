"""The crawler's PostgreSQL warehouse: one batching sink, and the run's ``crawl_runs`` row.

An extension, so the sink belongs to one crawler and lives as long as it: the article
pipeline and the page store reach it with ``warehouse_of(crawler)``. Enabled by ``PG_DSN``
(or env ``DELEGATION_PG_DSN``); without it every warehouse component is simply not
configured. A reachable but unmigrated database stops the crawl at start (SchemaNotMigrated);
an unreachable one does not: writes are retried and end in the dead-letter file.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timezone
from pathlib import Path

import psycopg
from scrapy import signals
from scrapy.exceptions import NotConfigured

from delegation_crawler.db import dsn_from, redact_dsn
from delegation_crawler.db.migrate import assert_migrated
from delegation_crawler.db.rows import CrawlRun, jsonable_stats
from delegation_crawler.db.sink import WarehouseSink

logger = logging.getLogger(__name__)
DEADLETTER_CLOSE_REASON = "deadlettered"


def deadletter_path(settings) -> str:
    """``PG_DEADLETTER_PATH``, else ``STATE_DIR``/postgres-deadletter.jsonl."""
    return str(settings.get("PG_DEADLETTER_PATH") or Path(settings.get("STATE_DIR") or "state") / "postgres-deadletter.jsonl")


class Warehouse:
    def __init__(self, crawler, sink: WarehouseSink):
        self.crawler = crawler
        self.sink = sink
        self.run: CrawlRun | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        dsn = dsn_from(settings.get("PG_DSN"))
        if not dsn:
            logger.info("PostgreSQL warehouse off (set PG_DSN or DELEGATION_PG_DSN to write to it)")
            raise NotConfigured()  # no message: Scrapy logs none, the line above says it once
        try:
            with psycopg.connect(dsn, connect_timeout=settings.getint("PG_CONNECT_TIMEOUT")) as conn:
                assert_migrated(conn, dsn)
        except psycopg.OperationalError as exc:
            logger.error("PostgreSQL %s is unreachable at start (%s); writes will be retried and "
                         "dead-lettered if it stays down", redact_dsn(dsn), str(exc).strip())
        sink = WarehouseSink(
            dsn,
            deadletter_path=deadletter_path(settings),
            batch_size=settings.getint("PG_BATCH_SIZE"),
            batch_seconds=settings.getfloat("PG_BATCH_SECONDS"),
            retry_times=settings.getint("PG_RETRY_TIMES"),
            retry_backoff=settings.getfloat("PG_RETRY_BACKOFF"),
            inc_stat=lambda key, n: crawler.stats.inc_value(key, n),
        )
        return cls(crawler, sink)

    def spider_opened(self, spider) -> None:
        self.sink.start()
        self.run = CrawlRun(str(uuid.uuid4()), spider.name, datetime.now(timezone.utc))
        self.crawler.stats.set_value("postgres/run_id", self.run.run_id)
        self.sink.add(self.run)  # written with the first batch; the crawl need not wait for it

    async def spider_closed(self, spider, reason: str) -> None:
        """After the pipelines closed: the last flush, then the run's row with its final stats."""
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


def warehouse_of(crawler) -> Warehouse:
    """This crawler's Warehouse extension; NotConfigured when it is not running."""
    found = crawler.get_extension(Warehouse)
    if found is None:
        raise NotConfigured("the Warehouse extension is not enabled (PG_DSN unset, or not in EXTENSIONS)")
    return found
