"""``scrapy crawlall [--replica] -O items.jsonl``: every portal spider in one process.

All spiders write to one output through one item exporter (Scrapy's per-crawler feed
exports would each overwrite the same file). ``--replica`` starts the bundled replica server
on a free loopback port, points every spider at it, and stops it at the end.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from scrapy import signals
from scrapy.commands import BaseRunSpiderCommand
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError
from scrapy.utils.misc import load_object

from delegation_crawler.replica.server import ReplicaServer


class SharedFeed:
    """One exporter that every crawler's scraped items go to."""

    def __init__(self, uri: str, options: dict[str, Any], settings):
        path = Path(urlparse(uri).path if uri.startswith("file://") else uri)
        fmt = options["format"]
        exporters = settings.getwithbase("FEED_EXPORTERS")
        if fmt not in exporters:
            raise UsageError(f"unknown feed format {fmt!r}")
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.file = path.open("wb" if options.get("overwrite") else "ab")
        self.exporter = load_object(exporters[fmt])(
            self.file,
            encoding=options.get("encoding") or settings.get("FEED_EXPORT_ENCODING") or "utf-8",
            fields_to_export=options.get("fields") or settings.getlist("FEED_EXPORT_FIELDS") or None,
            indent=options.get("indent", settings.getint("FEED_EXPORT_INDENT")),
        )
        self.exporter.start_exporting()
        self.count = 0

    def item_scraped(self, item, **_) -> None:
        self.exporter.export_item(item)
        self.count += 1

    def close(self) -> None:
        self.exporter.finish_exporting()
        self.file.close()


class Command(BaseRunSpiderCommand):
    requires_project = True

    def syntax(self) -> str:
        return "[options]"

    def short_desc(self) -> str:
        return "Run every portal spider in one process (--replica: against the bundled replicas)"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--replica", action="store_true", help="crawl the bundled replica sites offline")
        parser.add_argument("--spiders", default="", help="comma-separated spider names (default: all portals)")

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        self.feeds = self.settings.getdict("FEEDS")
        self.settings.set("FEEDS", {}, priority="cmdline")
        self.replica: ReplicaServer | None = None
        if opts.replica:
            self.replica = ReplicaServer(port=0).start()
            self.settings.set("REPLICA_URL", self.replica.url, priority="cmdline")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.crawler_process is not None and self.settings is not None
        if args:
            raise UsageError("crawlall takes no spider names; use --spiders a,b")
        names = [n for n in opts.spiders.split(",") if n] or self.portal_spiders()
        feeds = [SharedFeed(uri, options, self.settings) for uri, options in self.feeds.items()]
        crawlers: list[Crawler] = []
        try:
            if self.replica:
                print(f"Replica server on {self.replica.url}", file=sys.stderr, flush=True)
            for name in names:
                crawler = self._create_crawler(name)
                for feed in feeds:
                    crawler.signals.connect(feed.item_scraped, signal=signals.item_scraped)
                crawlers.append(crawler)
                self.crawler_process.crawl(crawler, **opts.spargs)
            self.crawler_process.start()
        finally:
            for feed in feeds:
                feed.close()
            if self.replica:
                self.replica.stop()
        print(summary(crawlers, feeds), file=sys.stderr, flush=True)
        failed = [c for c in crawlers if (c.stats.get_value("finish_reason") or "") != "finished"]
        if self.crawler_process.bootstrap_failed or failed:
            self.exitcode = 1

    def portal_spiders(self) -> list[str]:
        """Every spider of the project that crawls a portal (not the generic one)."""
        from delegation_crawler.portal_spider import PortalSpider

        loader = self.crawler_process.spider_loader
        return sorted(
            name for name in loader.list()
            if issubclass(loader.load(name), PortalSpider) and loader.load(name).start_lists
        )


def summary(crawlers: list[Crawler], feeds: list[SharedFeed]) -> str:
    """Per-portal table: list pages, articles, drops by reason, finish reason."""
    rows = [("portal", "lists", "articles", "dropped", "finish", "seconds")]
    for crawler in crawlers:
        stats = crawler.stats.get_stats()
        drops = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("articles/dropped/")}
        rows.append((
            crawler.spider.name if crawler.spider else "?",
            str(stats.get("lists/pages", 0)),
            str(stats.get("item_scraped_count", 0)),
            ", ".join(f"{k}={v}" for k, v in sorted(drops.items())) or "0",
            str(stats.get("finish_reason", "?")),
            f"{stats.get('elapsed_time_seconds', 0):.1f}",
        ))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    for feed in feeds:
        lines.append(f"{feed.count} items written to {feed.path}")
    return "\n".join(lines)
