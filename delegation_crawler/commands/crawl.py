"""``scrapy crawl``, exiting 1 when the crawl did not finish cleanly.

Scrapy's own command exits 0 whatever happened once the spider started. A scheduled crawl
needs to notice a run whose finish reason is not ``finished`` — records dead-lettered because
the warehouse was down (``deadlettered``), a shutdown, a close-spider limit — or a portal
whose every list page failed (the site down, blocking us, or changed), so this version makes
the exit status say so.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError

from delegation_crawler.secrets import install_log_mask


class Command(ScrapyCrawlCommand):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one spider name")
        assert self.crawler_process is not None
        install_log_mask()  # before the crawler logs its overridden settings (PG_DSN, REDIS_URL)
        known = self.crawler_process.spider_loader.list()
        if args[0] not in known:
            raise UsageError(f"no spider {args[0]!r}; the spiders are: {', '.join(sorted(known))}")
        crawler = self._create_crawler(args[0])
        errors = watch(self.crawler_process.crawl(crawler, **opts.spargs))
        self.crawler_process.start()
        if errors:  # the spider refused its arguments, or a component its settings
            print(f"{args[0]}: {errors[0]}", file=sys.stderr, flush=True)
            self.exitcode = 1
            return
        outcome = run_outcome(crawler.stats.get_stats())
        if outcome == "no list page":
            print(f"{args[0]}: every list page failed ({crawler.stats.get_value('lists/failed')}): see the log",
                  file=sys.stderr, flush=True)
        if self.crawler_process.bootstrap_failed or outcome != "finished":
            self.exitcode = 1


def run_outcome(stats: dict) -> str:
    """``finished``; the finish reason when it is another; ``no list page`` when the spider
    fetched list pages and every one failed (nothing was looked at, whatever Scrapy says)."""
    reason = stats.get("finish_reason") or "?"
    if reason == "finished" and stats.get("lists/failed", 0) and not stats.get("lists/pages", 0):
        return "no list page"
    return reason


def watch(started) -> list[BaseException]:
    """The errors a crawl failed to start with (a bad ``-a`` argument, a missing setting),
    collected instead of surfacing as 'Task exception was never retrieved'."""
    errors: list[BaseException] = []
    if isinstance(started, asyncio.Future):
        def done(task):
            if not task.cancelled() and task.exception() is not None:
                errors.append(task.exception())
        started.add_done_callback(done)
    elif started is not None:  # a Deferred
        started.addErrback(lambda failure: errors.append(failure.value))
    return errors
