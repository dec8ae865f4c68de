"""Run portal spiders with dedupe on, in a fresh process (Scrapy's reactor cannot restart).

``python -m tests.dedupe.crawl OUT_DIR zgm,yybnet '{"REPLICA_URL": "...", "STATE_DIR": "..."}'``
writes ``OUT_DIR/items.jsonl`` (one line per scraped item, flushed at once, as a feed that
survives a kill would) and, when the crawl ends, ``OUT_DIR/result.json`` with the article
pages fetched and the stats.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.utils.project import get_project_settings

DEDUPE_PIPELINE = {"pipelines.dedupe.DedupePipeline": 400}
SEEN_MIDDLEWARE = {"delegation_crawler.middlewares.seen.SeenArticlesMiddleware": 50}


def main(out_dir: str, spiders: str, overrides: str = "{}") -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    settings = get_project_settings()
    settings.set("ITEM_PIPELINES", {**settings.getdict("ITEM_PIPELINES"), **DEDUPE_PIPELINE}, priority="cmdline")
    settings.set("SPIDER_MIDDLEWARES", {**settings.getdict("SPIDER_MIDDLEWARES"), **SEEN_MIDDLEWARE}, priority="cmdline")
    settings.set("LOG_LEVEL", "WARNING", priority="cmdline")
    settings.setdict(json.loads(overrides), priority="cmdline")
    process = CrawlerProcess(settings)
    items = (out / "items.jsonl").open("a", encoding="utf-8")
    fetched: list[str] = []
    crawlers = []

    def scraped(item, **_):
        items.write(json.dumps(ItemAdapter(item).asdict(), ensure_ascii=False, default=str) + "\n")
        items.flush()

    def received(response, request, **_):
        if request.meta.get("article_page"):
            fetched.append(request.url)

    for name in spiders.split(","):
        crawler = process.create_crawler(name)
        crawler.signals.connect(scraped, signal=signals.item_scraped, weak=False)
        crawler.signals.connect(received, signal=signals.response_received, weak=False)
        crawlers.append(crawler)
        process.crawl(crawler)
    process.start()
    items.close()
    stats: dict[str, int] = {}
    for crawler in crawlers:
        for key, value in crawler.stats.get_stats().items():
            if isinstance(value, int) and not isinstance(value, bool):
                stats[key] = stats.get(key, 0) + value
    (out / "result.json").write_text(json.dumps({"fetched": fetched, "stats": stats}, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
