"""Run portal spiders in this (fresh) process; write what they scraped and their stats as JSON.

Scrapy's reactor cannot be restarted inside one test process, so tests start this module in a
subprocess: ``python -m tests.crawl_runner OUT.json zgm,yybnet '{"REPLICA_URL": "..."}'``.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.utils.project import get_project_settings


def _plain(value):
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def main(out: str, spiders: str, overrides: str = "{}", spider_args: str = "{}") -> None:
    settings = get_project_settings()
    settings.setdict(json.loads(overrides), priority="cmdline")
    process = CrawlerProcess(settings)
    results: dict[str, dict] = {}
    crawlers = []
    for name in spiders.split(","):
        crawler = process.create_crawler(name)
        results[name] = {"items": [], "stats": {}}

        def scraped(item, spider, _name=name):
            results[_name]["items"].append(ItemAdapter(item).asdict())

        crawler.signals.connect(scraped, signal=signals.item_scraped, weak=False)
        crawlers.append((name, crawler))
        process.crawl(crawler, **json.loads(spider_args))
    process.start()
    for name, crawler in crawlers:
        results[name]["stats"] = {k: _plain(v) for k, v in crawler.stats.get_stats().items()}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(results, f, ensure_ascii=False)


if __name__ == "__main__":
    main(*sys.argv[1:])
