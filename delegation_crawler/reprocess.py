"""Re-run extraction over stored pages, without crawling: ``python -m delegation_crawler.reprocess --dsn DSN``.

Each stored page (``pages`` table) becomes a request to its portal spider's ``parse_article``;
a downloader middleware answers it from the database instead of the network, and the items go
through the project's item pipelines exactly as in a crawl (repair, fields, events, dedupe,
postgres). The postgres pipeline replaces the rows the same page produced before (see
docs/warehouse.md), so re-running with improved extraction updates articles in place.
Spiders are looked up by portal name with the project's spider loader.
"""

from __future__ import annotations

import argparse
import logging
import sys

import psycopg
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.crawler import CrawlerProcess
from scrapy.http import HtmlResponse
from scrapy.spiderloader import get_spider_loader
from scrapy.utils.project import get_project_settings

from delegation_crawler.db import DSN_ENV, dsn_from
from delegation_crawler.db.rows import PreparedPage
from delegation_crawler.items import Article
from delegation_crawler.extensions.warehouse import warehouse_of

logger = logging.getLogger(__name__)
PAGE_ID_META = "reprocess_page_id"
# Headers describing the transfer, not the stored (already decoded) body.
_TRANSFER_HEADERS = {"content-encoding", "content-length", "transfer-encoding"}


class StoredPageMiddleware:
    """Answer reprocess requests with the stored page, before any other middleware runs;
    refuse every other request, so reprocessing never touches the network."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.dsn = dsn_from(crawler.settings.get("PG_DSN"))
        self._conn: psycopg.Connection | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        page_id = request.meta.get(PAGE_ID_META)
        if page_id is None:  # e.g. a follow-up request from parse_article: reprocessing never crawls
            self.crawler.stats.inc_value("reprocess/ignored_requests")
            raise IgnoreRequest(f"reprocess fetches nothing: {request.url}")
        if self._conn is None:
            self._conn = psycopg.connect(self.dsn, autocommit=True)
        row = self._conn.execute(
            "SELECT url, sha256, request_url, portal, fetched_at, status, headers, encoding, body_size, body_gz "
            "FROM pages WHERE id = %s", (page_id,)).fetchone()
        page = PreparedPage(*row)
        warehouse_of(self.crawler).sink.page_index[page.url] = page.sha256
        headers = {k: v for k, v in page.headers.items() if k.lower() not in _TRANSFER_HEADERS}
        self.crawler.stats.inc_value("reprocess/pages")
        return HtmlResponse(url=page.url, status=page.status, headers=headers, body=page.body(),
                            encoding=page.encoding or "utf-8", request=request)


def reprocess_spider(spidercls, page_ids_and_urls: list[tuple[int, str]]):
    """The portal spider, started from stored pages instead of its own start URLs."""

    class Reprocess(spidercls):
        async def start(self):
            for page_id, url in page_ids_and_urls:
                yield Request(url, callback=self.parse_article, dont_filter=True,
                              meta={"article_page": True, PAGE_ID_META: page_id, "dont_obey_robotstxt": True})

        def start_requests(self):  # older Scrapy entry point; same requests
            for page_id, url in page_ids_and_urls:
                yield Request(url, callback=self.parse_article, dont_filter=True,
                              meta={"article_page": True, PAGE_ID_META: page_id})

    Reprocess.__name__ = Reprocess.__qualname__ = f"Reprocess{spidercls.__name__}"
    return Reprocess


def stored_pages(dsn: str, portals: list[str] | None, url_like: str | None) -> dict[str, list[tuple[int, str]]]:
    """portal -> [(page id, url)] in fetch order (so revisions replay in the order seen)."""
    query = "SELECT portal, id, url FROM pages WHERE status = 200"
    params: list = []
    if portals:
        query += " AND portal = ANY(%s)"
        params.append(portals)
    if url_like:
        query += " AND url LIKE %s"
        params.append(url_like)
    grouped: dict[str, list[tuple[int, str]]] = {}
    with psycopg.connect(dsn) as conn:
        for portal, page_id, url in conn.execute(query + " ORDER BY fetched_at, id", params):
            grouped.setdefault(portal, []).append((page_id, url))
    return grouped


class StoredIdentityPipeline:
    """Stands in for dedupe while reprocessing: the article keeps the content hash, story,
    duplicate and revision the crawl recorded for its URL, so its warehouse row is updated in
    place instead of becoming a new revision."""

    FIELDS = ("content_hash", "story_id", "duplicate_of", "revision", "previous_hash")

    def __init__(self, dsn: str):
        self.dsn = dsn
        self._conn: psycopg.Connection | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(dsn_from(crawler.settings.get("PG_DSN")))

    def process_item(self, item):
        if not isinstance(item, Article):
            return item
        if self._conn is None:
            self._conn = psycopg.connect(self.dsn, autocommit=True)
        row = self._conn.execute(
            f"SELECT {', '.join(self.FIELDS)} FROM articles WHERE url = %s "
            "ORDER BY revision DESC NULLS LAST, fetched_at DESC LIMIT 1",
            (item.url,),
        ).fetchone()
        if row is not None:
            for name, value in zip(self.FIELDS, row):
                setattr(item, name, value)
        return item

    def close_spider(self):
        if self._conn is not None:
            self._conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m delegation_crawler.reprocess", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dsn", default=None, help=f"PostgreSQL DSN (default: ${DSN_ENV})")
    parser.add_argument("--portal", action="append", help="only this portal (repeatable)")
    parser.add_argument("--url-like", help="only pages whose URL matches this SQL LIKE pattern")
    parser.add_argument("-O", "--output", help="also write the re-extracted items to this JSON Lines file")
    parser.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                        help="override a Scrapy setting")
    args = parser.parse_args(argv)
    dsn = dsn_from(args.dsn)
    if not dsn:
        parser.error(f"give --dsn or set {DSN_ENV}")

    settings = get_project_settings()
    for pair in args.set:
        name, _, value = pair.partition("=")
        settings.set(name, value, priority="cmdline")
    settings.set("PG_DSN", dsn, priority="cmdline")
    settings.set("ROBOTSTXT_OBEY", False, priority="cmdline")
    settings.set("HTTPCACHE_ENABLED", False, priority="cmdline")
    settings.set("FEEDS", {args.output: {"format": "jsonlines", "encoding": "utf-8", "overwrite": True}}
                 if args.output else {}, priority="cmdline")
    extensions = dict(settings.getdict("EXTENSIONS"))
    extensions["delegation_crawler.extensions.pagestore.PageStore"] = None  # pages are already stored
    settings.set("EXTENSIONS", extensions, priority="cmdline")
    middlewares = dict(settings.getdict("DOWNLOADER_MIDDLEWARES"))
    middlewares["delegation_crawler.reprocess.StoredPageMiddleware"] = 1
    settings.set("DOWNLOADER_MIDDLEWARES", middlewares, priority="cmdline")
    # Re-extraction is not a new fetch: dedupe would call the stored pages unchanged (and drop
    # them) or a new revision. The rows keep the dedupe identity the crawl gave them.
    pipelines = dict(settings.getdict("ITEM_PIPELINES"))
    pipelines["pipelines.dedupe.DedupePipeline"] = None
    pipelines["delegation_crawler.reprocess.StoredIdentityPipeline"] = 400
    settings.set("ITEM_PIPELINES", pipelines, priority="cmdline")
    spider_middlewares = dict(settings.getdict("SPIDER_MIDDLEWARES"))
    spider_middlewares["delegation_crawler.middlewares.seen.SeenArticlesMiddleware"] = None
    settings.set("SPIDER_MIDDLEWARES", spider_middlewares, priority="cmdline")

    pages = stored_pages(dsn, args.portal, args.url_like)
    if not pages:
        print("no stored pages to reprocess")
        return 0
    loader = get_spider_loader(settings)
    process = CrawlerProcess(settings)
    crawlers = []
    for portal, page_list in sorted(pages.items()):
        try:
            spidercls = loader.load(portal)
        except KeyError:
            print(f"skipping {len(page_list)} page(s) of portal {portal!r}: no spider with that name", file=sys.stderr)
            continue
        crawler = process.create_crawler(reprocess_spider(spidercls, page_list))
        crawlers.append((portal, crawler))
        process.crawl(crawler)
    if not crawlers:
        return 1
    process.start()
    failed = bool(process.bootstrap_failed)
    for portal, crawler in crawlers:
        stats = crawler.stats.get_stats()
        print(f"{portal}: {stats.get('reprocess/pages', 0)} page(s), "
              f"{stats.get('item_scraped_count', 0)} item(s), "
              f"{stats.get('postgres/articles_written', 0)} article row(s) written, "
              f"{stats.get('postgres/deadlettered', 0)} dead-lettered, finish reason {stats.get('finish_reason')}")
        failed |= stats.get("finish_reason") != "finished" or bool(stats.get("log_count/ERROR"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
