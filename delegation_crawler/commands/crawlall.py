"""``scrapy crawlall [--replica] -o items.jsonl``: every portal spider in one process.

All spiders write to one output through one item exporter (Scrapy's per-crawler feed
exports would each overwrite the same file); ``-`` is stdout, ``%(time)s`` is the run's start
(UTC) and ``%(name)s`` gives each spider a file of its own, as with ``scrapy crawl``. ``--replica`` starts the bundled replica server
on a free loopback port, points every spider at it, and stops it at the end.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlparse

from scrapy import signals
from scrapy.commands import BaseRunSpiderCommand
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError
from scrapy.utils.misc import load_object

from delegation_crawler.commands.crawl import run_outcome, watch
from delegation_crawler.delivery import sync
from delegation_crawler.extensions.delivery import LINE_FORMATS, Output, begin_file, journal_of
from delegation_crawler.replica.server import ReplicaServer
from delegation_crawler.secrets import install_log_mask


class SharedFeed:
    """One exporter that every crawler's scraped items go to (``-`` is stdout).

    The file is opened at the first item, after each crawler's ``Delivery`` has read back what
    a killed run left in it, so a run with nothing new leaves the file as it was."""

    def __init__(self, uri: str, options: dict[str, Any], settings):
        fmt = options["format"]
        exporters = settings.getwithbase("FEED_EXPORTERS")
        if fmt not in exporters:
            raise UsageError(f"unknown feed format {fmt!r}")
        self.stream = uri in ("-", "stdout:")
        self.path = None if self.stream else Path(urlparse(uri).path if uri.startswith("file://") else uri)
        self.options, self.settings = options, settings
        self.exporter_cls = load_object(exporters[fmt])
        self.lines = fmt in LINE_FORMATS
        # a local JSON Lines file is journaled (by absolute path) and read back after a kill
        self.journaled = str(self.path.resolve()) if self.path and self.lines else None
        self.journal = journal_of(settings) if self.journaled else None
        self.file: IO[bytes] | None = None
        self.count = 0

    @property
    def output(self) -> Output:
        """What ``Delivery`` syncs."""
        return Output(str(self.path or "stdout"), lambda: self.file, True, self.journaled)

    def _open(self) -> None:
        options, settings = self.options, self.settings
        if self.path is None:
            self.file = sys.stdout.buffer
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            overwrite = bool(options.get("overwrite"))
            if self.journaled:
                begin_file(self.journal, self.journaled, overwrite)
            self.file = self.path.open("wb" if overwrite else "ab")
        self.exporter = self.exporter_cls(
            self.file,
            encoding=options.get("encoding") or settings.get("FEED_EXPORT_ENCODING") or "utf-8",
            fields_to_export=options.get("fields") or settings.getlist("FEED_EXPORT_FIELDS") or None,
            indent=options.get("indent", settings.getint("FEED_EXPORT_INDENT")),
        )
        self.exporter.start_exporting()

    def item_scraped(self, item, **_) -> None:
        if self.file is None:
            self._open()
        self.exporter.export_item(item)
        self.count += 1

    def close(self) -> None:
        if self.file is None:
            return
        self.exporter.finish_exporting()
        end = sync(self.file)
        if self.journaled:
            self.journal.record(self.journaled, end)
        if self.path is not None:
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
        install_log_mask()  # before the crawlers log their overridden settings (PG_DSN, REDIS_URL)
        names = [n for n in opts.spiders.split(",") if n] or self.portal_spiders()
        started = datetime.now(tz=timezone.utc).replace(microsecond=0).isoformat().replace(":", "-")

        def uri_for(uri: str, name: str) -> str:  # Scrapy's feed URI parameters
            return uri.replace("%(time)s", started).replace("%(name)s", name)

        shared = [SharedFeed(uri_for(uri, "crawlall"), options, self.settings)
                  for uri, options in self.feeds.items() if "%(name)s" not in uri]
        own = {name: [SharedFeed(uri_for(uri, name), options, self.settings)
                      for uri, options in self.feeds.items() if "%(name)s" in uri] for name in names}
        feeds = shared + [feed for name in names for feed in own[name]]
        crawlers: list[Crawler] = []
        errors: dict[str, list] = {}
        try:
            if self.replica:
                print(f"Replica server on {self.replica.url}", file=sys.stderr, flush=True)
            for name in names:
                crawler = self._create_crawler(name)
                crawler.delivery_outputs = [feed.output for feed in shared + own[name]]  # read by Delivery
                for feed in shared + own[name]:
                    crawler.signals.connect(feed.item_scraped, signal=signals.item_scraped)
                crawlers.append(crawler)
                errors[name] = watch(self.crawler_process.crawl(crawler, **opts.spargs))
            self.crawler_process.start()
        finally:
            for feed in feeds:
                feed.close()
            if self.replica:
                self.replica.stop()
        refused = {name: found[0] for name, found in errors.items() if found}
        for name, error in refused.items():
            print(f"{name}: {error}", file=sys.stderr, flush=True)
        crawlers = [c for c in crawlers if c.spidercls.name not in refused]
        print(summary(crawlers, feeds), file=sys.stderr, flush=True)
        failed = refused or [c for c in crawlers if run_outcome(c.stats.get_stats()) != "finished"]
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
    """Per-portal table: list pages, articles, articles skipped as stored, drops by reason, finish reason."""
    rows = [("portal", "lists", "failed", "articles", "already stored", "dropped", "finish", "seconds")]
    for crawler in crawlers:
        stats = crawler.stats.get_stats()
        drops = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("articles/dropped/")}
        rows.append((
            crawler.spider.name if crawler.spider else "?",
            str(stats.get("lists/pages", 0)),
            str(stats.get("lists/failed", 0)),
            str(stats.get("item_scraped_count", 0)),
            str(stats.get("dedupe/skipped_seen", 0)),
            ", ".join(f"{k}={v}" for k, v in sorted(drops.items())) or "0",
            run_outcome(stats),
            f"{stats.get('elapsed_time_seconds', 0):.1f}",
        ))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    for feed in feeds:
        where = feed.path or "stdout"
        lines.append(f"{feed.count} items written to {where}" if feed.count or feed.file else
                     f"0 new items: {where} left as it was")
    return "\n".join(lines)
