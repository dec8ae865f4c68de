"""Full offline crawl of a replica scaled up to ~2,000 article pages: bare download vs the project.

    python bench/crawl.py [--articles 2000] [--runs 1]

Builds a chaotian replica with N articles (the portal's content cycled with new ids and
dates) into a temporary folder, serves it on loopback, and crawls it in fresh processes:
(a) a bare spider that walks the same lists and downloads the same pages but does nothing
with them (no middlewares or pipelines of ours), and (b) the chaotian spider with the
project's full settings (charset check, repair, fields, simplify, events, dedupe …). Both run
in the same invocation, alternating, so the ratio is measured side by side. CPU time is the
crawler process's user+system time (the replica server runs in this process and is not
counted).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from delegation_crawler.replica.build import build_portal, stories_for  # noqa: E402
from delegation_crawler.replica.server import ReplicaServer  # noqa: E402

RUNNER = """
import json, sys
from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.utils.project import get_project_settings
from spiders.chaotian import ChaotianSpider

class BareChaotian(ChaotianSpider):
    name = "bare_chaotian"
    def parse_article(self, response):
        self.crawler.stats.inc_value("bare/articles")
        return []

mode, replica_url, state_dir, out = sys.argv[1:5]
settings = get_project_settings()
settings.setdict({"REPLICA_URL": replica_url, "STATE_DIR": state_dir, "LOG_LEVEL": "WARNING",
                  "ROBOTSTXT_OBEY": False, "TELNETCONSOLE_ENABLED": False}, priority="cmdline")
if mode == "bare":
    settings.set("ITEM_PIPELINES", {}, priority="cmdline")
    settings.set("DOWNLOADER_MIDDLEWARES", {}, priority="cmdline")
    settings.set("SPIDER_MIDDLEWARES", {}, priority="cmdline")
process = CrawlerProcess(settings)
crawler = process.create_crawler(BareChaotian if mode == "bare" else "chaotian")
process.crawl(crawler, max_pages=100000)
process.start()
stats = crawler.stats.get_stats()
json.dump({"pages": stats.get("response_received_count", 0),
           "articles": stats.get("bare/articles", stats.get("item_scraped_count", 0)),
           "seconds": stats.get("elapsed_time_seconds", 0)}, open(out, "w"))
"""


def scaled_stories(n: int):
    base = [s for s in stories_for("chaotian") if not s.seed]
    stories = []
    for i in range(n):
        story = base[i % len(base)]
        shift = timedelta(hours=7 * i)
        when = (story.when - shift).strftime("%Y-%m-%d %H:%M")
        stories.append(replace(story, key=f"{story.key}-x{i}", published=when, title=f"{story.title}({i})", seed=None))
    return stories


def crawl(mode: str, replica_url: str, workdir: Path) -> dict:
    out = workdir / f"{mode}-{time.monotonic_ns()}.json"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", RUNNER, mode, replica_url, str(workdir / f"state-{out.stem}"), str(out)],
        cwd=REPO, check=True,
    )
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = json.loads(out.read_text())
    result["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result["wall"] = wall
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=1, help="alternating runs of each mode")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        sites = workdir / "sites"
        build_portal("chaotian", scaled_stories(args.articles), sites)
        results: dict[str, list[dict]] = {"bare": [], "full": []}
        with ReplicaServer(port=0, sites_dir=sites) as server:
            for _ in range(args.runs):
                for mode in ("bare", "full"):
                    results[mode].append(crawl(mode, server.url, workdir))

    rows = []
    for mode, runs in results.items():
        best = min(runs, key=lambda r: r["cpu"])
        rows.append((
            {"bare": "(a) bare download", "full": "(b) full pipeline"}[mode],
            best["pages"], best["articles"], best["pages"] / best["seconds"],
            1000 * best["cpu"] / max(best["articles"], 1), best["wall"],
        ))
    print(f"chaotian replica scaled to {args.articles} articles; best of {args.runs} run(s) each\n")
    print("| crawl | pages | articles | pages/s | CPU ms/article | wall s (incl. startup) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, pages, articles, rate, cpu_ms, wall in rows:
        print(f"| {name} | {pages} | {articles} | {rate:.0f} | {cpu_ms:.2f} | {wall:.1f} |")
    bare, full = rows
    print(f"\nfull / bare: {full[4] / bare[4]:.2f}x CPU per article, {bare[3] / full[3]:.2f}x slower in pages/s")


if __name__ == "__main__":
    main()
