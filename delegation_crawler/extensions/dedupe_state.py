"""One dedupe store per crawler, shared by the seen-articles middleware and the dedupe pipeline.

Opened on first use (a run whose every component is disabled opens nothing), closed when the
engine stops: after the pipelines and after the feeds are stored, when ``Delivery`` marks the
last articles delivered. ``dedupe_state(crawler).store`` is the store.
"""

from __future__ import annotations

from scrapy import signals

from delegation_crawler.dedupe.config import store_from_settings


class DedupeState:
    def __init__(self, settings):
        self.settings = settings
        self._store = None

    @classmethod
    def from_crawler(cls, crawler):
        state = cls(crawler.settings)
        crawler.signals.connect(state.close, signal=signals.engine_stopped)
        return state

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
