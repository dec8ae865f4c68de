"""Skip article requests whose article is already stored, before they are even scheduled.

Spider middleware: of the requests a callback yields, one marked ``meta["article_page"]``
whose canonical URL is in the dedupe state, or was already yielded in this run under any
mirror or tracking form, is left out, unless ``RECRAWL_DAYS`` says a young article is
rechecked (age from ``meta["published_hint"]``, else the stored publish date). Filtering here
rather than in the downloader costs one indexed lookup, raises nothing, and never touches
retries or redirects; a scheduled run over unchanged portals thus fetches list pages only.
"""

from __future__ import annotations

from scrapy import Request, signals

from delegation_crawler.dedupe import canonical_url
from delegation_crawler.dedupe.config import should_recheck, store_from_settings


class SeenArticlesMiddleware:
    def __init__(self, settings, stats):
        self.settings = settings
        self.stats = stats
        self.recrawl_days = settings.getint("RECRAWL_DAYS", 0)
        self.requested: set[str] = set()
        self.store = None

    @classmethod
    def from_crawler(cls, crawler):
        middleware = cls(crawler.settings, crawler.stats)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_closed(self):
        if self.store is not None:
            self.store.close()
            self.store = None

    def wanted(self, request: Request) -> bool:
        """False for an article request to leave out (stats say why)."""
        if not request.meta.get("article_page"):
            return True
        try:
            key = canonical_url(request.url)
        except ValueError:
            return True  # not ours to judge; the downloader reports it
        if key in self.requested:
            self.stats.inc_value("dedupe/skipped_in_run")
            return False
        if self.store is None:
            self.store = store_from_settings(self.settings)
        record = self.store.get_url(key)
        if record is not None and record.delivered:  # undelivered: a killed run's, fetch again
            if not should_recheck(request.meta.get("published_hint") or record.published, self.recrawl_days):
                self.stats.inc_value("dedupe/skipped_seen")
                return False
            self.stats.inc_value("dedupe/rechecked")
        self.requested.add(key)
        return True

    def process_spider_output(self, response, result):
        for entry in result:
            if not isinstance(entry, Request) or self.wanted(entry):
                yield entry

    async def process_spider_output_async(self, response, result):
        async for entry in result:
            if not isinstance(entry, Request) or self.wanted(entry):
                yield entry
