"""``scrapy crawl``, exiting 1 when the crawl did not finish cleanly.

Scrapy's own command exits 0 whatever happened once the spider started. A scheduled crawl
needs to notice a run whose finish reason is not ``finished`` — records dead-lettered because
the warehouse was down (``deadlettered``), a shutdown, a close-spider limit — so this version
makes the exit status say so.
"""

from __future__ import annotations

import argparse

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError


class Command(ScrapyCrawlCommand):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one spider name")
        assert self.crawler_process is not None
        crawler = self._create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        finish_reason = crawler.stats.get_value("finish_reason")
        if self.crawler_process.bootstrap_failed or finish_reason != "finished":
            self.exitcode = 1
