"""One dedupe store per crawler, shared by the seen-articles middleware and the dedupe pipeline.

Opened on first use (a run whose every component is disabled opens nothing), closed when the
engine stops: after the pipelines and after the feeds are stored, when ``Delivery`` marks the
last articles delivered. ``dedupe_state(crawler).call(fn)`` runs ``fn(store)``.

A state server (PostgreSQL, Redis) that goes away mid-crawl costs no article: ``call`` reconnects
(``DEDUPE_RECONNECT_TRIES`` = 4 tries, at 0, 1, 3 and 7 s), and when the server stays away
the rest of the run keeps its state in the SQLite file in ``STATE_DIR`` (ERROR in the log,
``dedupe/failover`` in the stats), as a run that could not reach it at the start does. What that
run records is not in the server's state: the next run fetches those articles again (at least
once, never lost), and the warehouse's natural keys absorb the repeat.
"""

from __future__ import annotations

import logging
import time

from scrapy import signals

from delegation_crawler.dedupe.config import local_store, store_from_settings

logger = logging.getLogger(__name__)


def _connection_errors() -> tuple[type[BaseException], ...]:
    import psycopg
    import redis

    return (psycopg.OperationalError, psycopg.InterfaceError, redis.exceptions.ConnectionError,
            redis.exceptions.TimeoutError)


class DedupeState:
    def __init__(self, settings, stats=None):
        self.settings = settings
        self.stats = stats
        self._store = None
        self.failed_over = False
        self.tries = settings.getint("DEDUPE_RECONNECT_TRIES", 4)

    @classmethod
    def from_crawler(cls, crawler):
        state = cls(crawler.settings, crawler.stats)
        crawler.signals.connect(state.close, signal=signals.engine_stopped)
        return state

    def call(self, fn):
        """``fn(store)``; a lost connection is recovered (reconnect, else fail over) and ``fn``
        run again on the recovered store. ``fn`` must be safe to repeat (one transaction)."""
        errors = _connection_errors()
        try:
            return fn(self.store)
        except errors as exc:
            self._recover(exc)
        return fn(self.store)

    def _recover(self, exc: BaseException) -> None:
        broken, self._store = self._store, None
        try:
            if broken is not None:
                broken.close()
        except Exception:  # noqa: BLE001 - a dead connection may fail to close; it is gone either way
            pass
        if self.stats is not None:
            self.stats.inc_value("dedupe/reconnects")
        if not self.failed_over:
            wait = 1.0
            for attempt in range(self.tries):  # at 0, 1, 3, 7 s: a restart of the server is waited for
                if attempt:
                    time.sleep(wait)
                    wait *= 2
                try:
                    self._store = store_from_settings(self.settings, fallback=False)
                    logger.warning("dedupe state: connection lost (%s); reconnected", exc)
                    return
                except _connection_errors() as again:
                    logger.warning("dedupe state: reconnect %d of %d failed (%s)", attempt + 1, self.tries, again)
        state_dir = self.settings.get("STATE_DIR") or "state"
        logger.error("dedupe state: the server stays unreachable (%s); the rest of this run keeps its "
                     "dedupe state in %s/ (those articles are fetched again by the next run)", exc, state_dir)
        self.failed_over = True
        if self.stats is not None:
            self.stats.set_value("dedupe/failover", 1)
        self._store = local_store(state_dir)

    @property
    def store(self):
        if self._store is None:
            self._store = store_from_settings(self.settings)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def dedupe_state(crawler) -> DedupeState:
    found = crawler.get_extension(DedupeState)
    if found is None:
        raise RuntimeError("the DedupeState extension is not enabled: add "
                           "delegation_crawler.extensions.dedupe_state.DedupeState to EXTENSIONS")
    return found
