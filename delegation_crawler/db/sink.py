"""Asynchronous batching in front of ``Warehouse``: buffer, flush by size or age, retry, dead-letter.

Writes run on one worker thread so the crawl's event loop never waits on the network.
``put`` returns only once its entry is durable — committed, or appended to the dead-letter
file — so whatever runs after the pipeline (Scrapy's ``item_scraped``, on which dedupe marks an
article delivered) never sees an item a crash could still lose. Latency per item is at most
``batch_seconds``; throughput is unaffected because many items wait concurrently. A batch that still fails after ``retry_times`` retries (exponential
backoff from ``retry_backoff`` seconds) is appended to the dead-letter file. After such a
failure the sink is "down": later batches get one attempt each (no more backoff sleeps) until
a write succeeds again, so a crawl against a dead server is not slowed to a crawl.
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable

import psycopg

from delegation_crawler.db import deadletter
from delegation_crawler.db.migrate import SchemaNotMigrated
from delegation_crawler.db.rows import CrawlRun, PreparedArticle, PreparedPage
from delegation_crawler.db.writer import CONNECTION_ERRORS, Batch, Warehouse

logger = logging.getLogger(__name__)


@dataclass
class Outcome:
    articles: int = 0
    pages: int = 0
    runs: int = 0
    retries: int = 0
    deadlettered: int = 0
    errors: list[str] = field(default_factory=list)

    def count(self, entry, written: bool = True) -> None:
        if not written:
            self.deadlettered += 1
        elif isinstance(entry, PreparedArticle):
            self.articles += 1
        elif isinstance(entry, PreparedPage):
            self.pages += 1
        elif isinstance(entry, CrawlRun):
            self.runs += 1


class WarehouseSink:
    def __init__(self, dsn: str, *, deadletter_path: str, batch_size: int = 2000,
                 batch_seconds: float = 2.0, retry_times: int = 3, retry_backoff: float = 1.0,
                 inc_stat: Callable[[str, int], None] | None = None):
        self.warehouse = Warehouse(dsn)
        self.deadletter_path = deadletter_path
        self.batch_size = max(1, batch_size)
        self.batch_seconds = max(batch_seconds, 0.05)  # put() relies on the timer: never off
        self.retry_times = retry_times
        self.retry_backoff = retry_backoff
        self.inc_stat = inc_stat or (lambda key, n: None)
        self.totals = Outcome()
        self.page_index: dict[str, str] = {}  # url -> sha256 of the page last fetched for it
        self._buffer: list = []
        self._waiters: list[asyncio.Future] = []  # one per put() entry in the buffer
        self._buffer_since = 0.0
        self._pending: set[asyncio.Future] = set()
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="warehouse-writer")
        self._timer: asyncio.Task | None = None
        self._down = False  # touched only by the writer thread

    # -- producer side (event loop thread) -------------------------------------------------
    def start(self) -> None:
        if self._timer is None:
            self._timer = asyncio.get_running_loop().create_task(self._flush_when_old())

    def add(self, entry) -> None:
        """Buffer without waiting (for signal handlers that cannot await)."""
        if not self._buffer:
            self._buffer_since = time.monotonic()
        self._buffer.append(entry)
        if len(self._buffer) >= self.batch_size:
            self._start_flush()

    async def put(self, entry) -> None:
        """Buffer, and return once the entry's batch is committed or dead-lettered.

        Raises if it could be neither (the dead-letter file failed too): the item is lost.
        """
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        self.add(entry)
        await waiter

    async def flush(self) -> None:
        """Write everything buffered so far and wait for all writes to finish."""
        self._start_flush()
        while self._pending:
            await asyncio.wait(set(self._pending))

    async def close(self) -> Outcome:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        await self.flush()
        await asyncio.get_running_loop().run_in_executor(self._executor, self.warehouse.close)
        self._executor.shutdown(wait=True)
        return self.totals

    async def _flush_when_old(self) -> None:
        while True:
            await asyncio.sleep(min(self.batch_seconds, 0.5))
            if self._buffer and time.monotonic() - self._buffer_since >= self.batch_seconds:
                self._start_flush()

    def _start_flush(self) -> None:
        if not self._buffer:
            return
        batch, self._buffer = Batch.of(self._buffer), []
        waiters, self._waiters = self._waiters, []
        future = asyncio.ensure_future(
            asyncio.get_running_loop().run_in_executor(self._executor, self.write_or_deadletter, batch))
        self._pending.add(future)
        future.add_done_callback(lambda done: self._done(done, waiters))

    def _done(self, future: asyncio.Future, waiters: list[asyncio.Future]) -> None:
        self._pending.discard(future)
        failure = future.exception() if not future.cancelled() else asyncio.CancelledError()
        for waiter in waiters:
            if not waiter.done():
                if failure is None:
                    waiter.set_result(None)
                else:
                    waiter.set_exception(failure)
        if future.cancelled():
            return
        if failure is not None:  # the dead-letter file itself failed: data is lost
            logger.critical("could not write a batch to PostgreSQL nor to the dead-letter file %s: %r",
                            self.deadletter_path, future.exception())
            self.inc_stat("postgres/lost", 1)
            return
        outcome: Outcome = future.result()
        for name in ("articles", "pages", "runs", "retries", "deadlettered"):
            value = getattr(outcome, name)
            setattr(self.totals, name, getattr(self.totals, name) + value)
            if value:
                self.inc_stat(f"postgres/{name}" if name in ("retries", "deadlettered") else f"postgres/{name}_written", value)
        self.inc_stat("postgres/batches", 1)
        for error in outcome.errors:
            logger.error("%s", error)
        self.totals.errors.extend(outcome.errors)

    # -- writer thread ---------------------------------------------------------------------
    def write_or_deadletter(self, batch: Batch) -> Outcome:
        outcome = Outcome()
        attempts = 1 if self._down else self.retry_times + 1
        error: Exception | None = None
        for attempt in range(attempts):
            try:
                self.warehouse.write(batch)
                self._down = False
                for entry in batch.entries():
                    outcome.count(entry)
                return outcome
            except SchemaNotMigrated as exc:
                error = exc
                break
            except CONNECTION_ERRORS as exc:
                error = exc
                if attempt + 1 < attempts:
                    outcome.retries += 1
                    time.sleep(self.retry_backoff * 2 ** attempt)
            except psycopg.Error:  # a record the server refused: find it, keep the others
                return self._write_one_by_one(batch, outcome)
        self._down = True
        entries = batch.entries()
        message = f"{type(error).__name__}: {str(error).strip()}"
        deadletter.append(self.deadletter_path, entries, message)
        outcome.deadlettered += len(entries)
        outcome.errors.append(f"PostgreSQL write failed after {attempts} attempt(s) ({message}); "
                              f"{len(entries)} record(s) saved to dead-letter file {self.deadletter_path}")
        return outcome

    def _write_one_by_one(self, batch: Batch, outcome: Outcome) -> Outcome:
        for entry in batch.entries():
            try:
                self.warehouse.write(Batch.of([entry]))
                outcome.count(entry)
            except Exception as exc:  # connection loss included: that record is dead-lettered
                message = f"{type(exc).__name__}: {str(exc).strip()}"
                deadletter.append(self.deadletter_path, [entry], message)
                outcome.count(entry, written=False)
                outcome.errors.append(f"PostgreSQL refused {_describe(entry)} ({message}); "
                                      f"saved to dead-letter file {self.deadletter_path}")
        return outcome


def _describe(entry) -> str:
    if isinstance(entry, PreparedArticle):
        return f"article {entry.record.get('url')}"
    if isinstance(entry, PreparedPage):
        return f"page {entry.url}"
    return f"crawl run {entry.run_id}"
