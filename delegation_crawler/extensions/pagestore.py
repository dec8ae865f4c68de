"""Keep the raw HTML of article pages in the warehouse ``pages`` table, for re-extraction.

Captures responses whose request has ``meta["article_page"]`` true (the portal spiders set
it), through the ``response_received`` signal, i.e. after the downloader middlewares (body
decompressed, charset middleware applied). Enabled with PG_DSN like the pipeline, and listed
in EXTENSIONS. Pages go through the Warehouse extension's sink, like articles.
"""

from __future__ import annotations

from datetime import datetime, timezone

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.http import TextResponse

from delegation_crawler.db import dsn_from
from delegation_crawler.db.rows import Rejected, prepare_page
from delegation_crawler.extensions.warehouse import warehouse_of


def _headers(response) -> dict[str, list[str]]:
    return {key.decode("latin-1"): [v.decode("latin-1") for v in values]
            for key, values in response.headers.items()}


class PageStore:
    def __init__(self, crawler):
        self.crawler = crawler
        self.sink = None  # the Warehouse extension's, found once the extensions all exist
        crawler.signals.connect(self.response_received, signal=signals.response_received)

    @classmethod
    def from_crawler(cls, crawler):
        if not dsn_from(crawler.settings.get("PG_DSN")):
            raise NotConfigured()  # the Warehouse extension says once that PostgreSQL is off
        return cls(crawler)

    def response_received(self, response, request, spider) -> None:
        if not request.meta.get("article_page"):
            return
        if self.sink is None:
            self.sink = warehouse_of(self.crawler).sink
        try:
            page = prepare_page(
                url=response.url,
                request_url=request.url,
                portal=spider.name,
                fetched_at=datetime.now(timezone.utc),
                status=response.status,
                headers=_headers(response),
                encoding=response.encoding if isinstance(response, TextResponse) else None,
                body=response.body,
            )
        except Rejected as exc:
            self.crawler.stats.inc_value("postgres/pages_rejected")
            spider.logger.warning("page not stored: %s (%s)", response.url, exc)
            return
        self.sink.page_index[response.url] = page.sha256
        self.sink.page_index[request.url] = page.sha256
        self.sink.add(page)
