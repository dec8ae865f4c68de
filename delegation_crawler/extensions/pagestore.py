"""Keep the raw HTML of article pages in the warehouse ``pages`` table, for re-extraction.

Captures responses whose request has ``meta["article_page"]`` true (the portal spiders set
it), through the ``response_received`` signal, i.e. after the downloader middlewares (body
decompressed, charset middleware applied). Enabled with PG_DSN like the pipeline, and listed
in EXTENSIONS. Pages go through the same batching / retry / dead-letter sink as articles.
"""

from __future__ import annotations

from datetime import datetime, timezone

from scrapy import signals
from scrapy.http import TextResponse

from delegation_crawler.db.rows import Rejected, prepare_page


def _headers(response) -> dict[str, list[str]]:
    return {key.decode("latin-1"): [v.decode("latin-1") for v in values]
            for key, values in response.headers.items()}


class PageStore:
    def __init__(self, crawler, sink):
        self.crawler = crawler
        self.sink = sink
        crawler.signals.connect(self.response_received, signal=signals.response_received)

    @classmethod
    def from_crawler(cls, crawler):
        from pipelines.postgres import shared_sink  # NotConfigured without PG_DSN

        return cls(crawler, shared_sink(crawler))

    def response_received(self, response, request, spider) -> None:
        if not request.meta.get("article_page"):
            return
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
