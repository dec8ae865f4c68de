"""Skip article requests whose article is already stored, before they are even scheduled.

Spider middleware: of the requests a callback yields, one marked ``meta["article_page"]``
whose canonical URL is in the dedupe state, or was already yielded in this run under any
mirror or tracking form, is left out, unless ``RECRAWL_DAYS`` says a young article is
rechecked (age from ``meta["published_hint"]``, else the stored publish date). Filtering here
rather than in the downloader costs one indexed lookup, raises nothing, and never touches
retries or redirects; a scheduled run over unchanged portals thus fetches list pages only.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware

from delegation_crawler.dedupe import canonical_url
from delegation_crawler.dedupe.config import should_recheck
from delegation_crawler.extensions.dedupe_state import dedupe_state


class SeenArticlesMiddleware(BaseSpiderMiddleware):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.stats = crawler.stats
        self.recrawl_days = crawler.settings.getint("RECRAWL_DAYS")
        self.requested: set[str] = set()
        self.state = dedupe_state(crawler)

    def get_processed_request(self, request: Request, response) -> Request | None:
        return request if self.wanted(request) else None

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
        record = self.state.call(lambda store: store.get_url(key))
        if record is not None and record.delivered:  # undelivered: a killed run's, fetch again
            if not should_recheck(request.meta.get("published_hint") or record.published, self.recrawl_days):
                self.stats.inc_value("dedupe/skipped_seen")
                return False
            self.stats.inc_value("dedupe/rechecked")
        self.requested.add(key)
        return True
