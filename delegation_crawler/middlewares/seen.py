"""Skip article requests whose article is already stored, before anything is downloaded.

Downloader middleware: a request marked ``meta["article_page"]`` whose canonical URL is in
the dedupe state (or was already requested in this run, under any mirror or tracking form)
is dropped with ``IgnoreRequest``, unless ``RECRAWL_DAYS`` says a young article is rechecked
(age from ``meta["published_hint"]``, else the stored publish date). A scheduled run over
unchanged portals thus fetches list pages only. Retries and redirects of an admitted
request pass (their meta carries the admission).
"""

from __future__ import annotations

from scrapy import signals
from scrapy.exceptions import IgnoreRequest

from delegation_crawler.dedupe import canonical_url
from delegation_crawler.dedupe.config import should_recheck, store_from_settings

ADMITTED = "dedupe_admitted"


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

    def process_request(self, request):
        if not request.meta.get("article_page") or request.meta.get(ADMITTED):
            return None
        try:
            key = canonical_url(request.url)
        except ValueError:
            return None  # not ours to judge; the downloader reports it
        if key in self.requested:
            self.stats.inc_value("dedupe/skipped_in_run")
            raise IgnoreRequest(f"dedupe: {request.url} already requested in this run")
        if self.store is None:
            self.store = store_from_settings(self.settings)
        record = self.store.get_url(key)
        if record is not None and not should_recheck(
            request.meta.get("published_hint") or record.published, self.recrawl_days
        ):
            self.stats.inc_value("dedupe/skipped_seen")
            raise IgnoreRequest(f"dedupe: {request.url} already stored (revision {record.revision})")
        if record is not None:
            self.stats.inc_value("dedupe/rechecked")
        self.requested.add(key)
        request.meta[ADMITTED] = True
        return None
