"""Scrapy settings for delegation_crawler.

Defaults crawl the real portals politely. ``REPLICA_URL`` (or ``scrapy crawlall --replica``)
sends every portal request to the bundled replica server instead; see README.md.
"""

from __future__ import annotations

import shutil
from pathlib import Path

BOT_NAME = "delegation_crawler"

SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
COMMANDS_MODULE = "delegation_crawler.commands"
TEMPLATES_DIR = str(Path(__file__).with_name("templates"))

# Politeness for the real sites: robots.txt, one request at a time per site, adaptive delay.
USER_AGENT = "delegation_crawler/0.1 (research crawler for public government news)"
# Who runs the crawl (an e-mail or a URL): appended to the User-Agent, so a site's webmaster can
# reach a person. Set it for the real sites: -s CONTACT=ops@example.org
CONTACT = ""
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 2

# The local replica server's base URL ("" = crawl the real sites).
REPLICA_URL = ""
# What changes when crawling the replica: no politeness delays against our own loopback server.
REPLICA_PROFILE = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
}

# Where state that lasts between runs (dedupe, dead letters, the visit index) is kept.
STATE_DIR = "state"
# Reports of one visit share event.visit_id; the visits seen so far ("" = STATE_DIR/visits.jsonl).
VISIT_INDEX_PATH = ""

# Browser pages (scrapy-playwright) for lists rendered by script; Debian's Chromium when present.
DOWNLOAD_HANDLERS = {
    "http": "delegation_crawler.replica.handler.PortalDownloadHandler",
    "https": "delegation_crawler.replica.handler.PortalDownloadHandler",
}
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
PLAYWRIGHT_BROWSER_TYPE = "chromium"
PLAYWRIGHT_LAUNCH_OPTIONS = {
    "headless": True,
    "executable_path": shutil.which("chromium") or shutil.which("chromium-browser"),
    "args": [
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ],
}
PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT = 30_000

DOWNLOADER_MIDDLEWARES = {
    # http(s) only, and never a private, loopback or link-local address (resolved first).
    "delegation_crawler.middlewares.safety.SafetyMiddleware": 50,
    # robots.txt for every request that waited for it (Scrapy's gives it only to the first).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "delegation_crawler.middlewares.robots.RobotsTxtForEveryRequest": 100,
    # After decompression (590), before meta refresh (580): re-decode pages whose declared
    # charset reads as garbage.
    "delegation_crawler.middlewares.charset.CharsetMiddleware": 585,
    # Scrapy's retry and decompression, with Retry-After honoured and a broken gzip body retried.
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "delegation_crawler.middlewares.retry.RetryAfterMiddleware": 550,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "delegation_crawler.middlewares.retry.RetriedDecompressionMiddleware": 590,
    # Redirect loops, off-site and private targets end in the errback as counted drops.
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "delegation_crawler.middlewares.redirect.GuardedRedirectMiddleware": 600,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "delegation_crawler.middlewares.redirect.GuardedMetaRefreshMiddleware": 580,
}
REDIRECT_ALLOW_PRIVATE = False  # redirects to private/loopback IP literals are refused
SAFETY_ALLOW_PRIVATE = False  # True: a portal on an intranet (the replica profile needs no flag)
# A news page is well under this; a 20 MB answer is a broken or hostile server (counted drop).
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
RETRY_AFTER_MAX = 60  # seconds: a server asking for a longer wait is given up on (counted)
# Scrapy's retried exceptions, and a browser page that failed (a sub-request reset, a selector
# that never appeared): a list rendered by script is retried like any other request.
RETRY_EXCEPTIONS = [
    "scrapy.exceptions.CannotResolveHostError",
    "scrapy.exceptions.DownloadConnectionRefusedError",
    "scrapy.exceptions.DownloadFailedError",
    "scrapy.exceptions.DownloadTimeoutError",
    "scrapy.exceptions.ResponseDataLossError",
    "twisted.internet.error.ConnectionDone",
    "twisted.internet.error.ConnectError",
    "twisted.internet.error.ConnectionLost",
    "builtins.OSError",
    "scrapy.core.downloader.handlers.http11.TunnelError",
    "playwright.async_api.Error",
]

SPIDER_MIDDLEWARES = {
    # Article requests for pages already stored (dedupe state) are not sent again.
    "delegation_crawler.middlewares.seen.SeenArticlesMiddleware": 50,
}

ITEM_PIPELINES = {
    "pipelines.repair.RepairPipeline": 100,  # ArticlePage text repair
    "pipelines.article.ArticlePipeline": 200,  # ArticlePage -> Article
    "pipelines.simplify.SimplifyPipeline": 250,  # canonical simplified title/body
    "pipelines.events.EventPipeline": 300,  # delegation-visit event
    "pipelines.dedupe.DedupePipeline": 400,  # story_id, duplicate_of, revisions
    "pipelines.postgres.PostgresPipeline": 700,  # only with PG_DSN / DELEGATION_PG_DSN
}
EXTENSIONS = {
    # The warehouse sink and crawl_runs row, one per crawler (only with PG_DSN).
    "delegation_crawler.extensions.warehouse.Warehouse": 100,
    # One dedupe store per crawler, for the seen-articles middleware and the dedupe pipeline.
    "delegation_crawler.extensions.dedupe_state.DedupeState": 110,
    # Articles count as delivered once the outputs hold them durably; a killed run's are read back.
    "delegation_crawler.extensions.delivery.Delivery": 120,
    # Raw article pages into the warehouse's `pages` table (only with PG_DSN).
    "delegation_crawler.extensions.pagestore.PageStore": 500,
}

# Dedupe: "mark" keeps duplicates with duplicate_of set, "drop" drops them. RECRAWL_DAYS: stored
# articles published less than N days ago are fetched again to look for edits (0 = never).
DEDUPE_MODE = "mark"
RECRAWL_DAYS = 0
# Dedupe state: SQLite in STATE_DIR by default; PostgreSQL when PG_DSN is set; else Redis
# (datasketch's storage for the LSH index) when REDIS_URL is set.
REDIS_URL = ""
DEDUPE_RECONNECT_TRIES = 4  # a state server lost mid-crawl: tries at 0, 1, 3, 7 s, then SQLite in STATE_DIR
DEDUPE_REDIS_PREFIX = "delegation:dedupe:"

# PostgreSQL warehouse (docs/warehouse.md): set PG_DSN or the DELEGATION_PG_DSN environment
# variable; JSON Lines keeps working alongside.
PG_DSN = ""
PG_BATCH_SIZE = 2000
PG_BATCH_SECONDS = 2.0
PG_RETRY_TIMES = 3  # a failed batch is retried this often (backoff doubles), then dead-lettered
PG_RETRY_BACKOFF = 1.0
PG_CONNECT_TIMEOUT = 5
PG_DEADLETTER_PATH = ""  # "" = STATE_DIR/postgres-deadletter.jsonl

# Local JSON Lines outputs are flushed and fsync'ed this often; then their articles count as
# delivered (a killed run redelivers the rest; STATE_DIR/outputs.jsonl reads back its file).
DELIVERY_SYNC_SECONDS = 1.0

# scrapy check: the portal spiders' callbacks, with requests made as the spiders make them.
SPIDER_CONTRACTS = {
    "delegation_crawler.contracts.PortalListContract": 10,
    "delegation_crawler.contracts.PortalArticleContract": 10,
}

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
