"""Scrapy settings for crawl-level warehouse tests (SCRAPY_SETTINGS_MODULE=tests.db.fake_project).

The project's warehouse defaults (PG_*) with a fake portal and only the warehouse parts.
"""

from delegation_crawler.settings import (  # noqa: F401  (the defaults the warehouse reads)
    PG_BATCH_SECONDS, PG_BATCH_SIZE, PG_CONNECT_TIMEOUT, PG_DEADLETTER_PATH, PG_RETRY_BACKOFF, PG_RETRY_TIMES,
)

BOT_NAME = "fake_portal"
SPIDER_MODULES = ["tests.db.fake_portal"]
ITEM_PIPELINES = {"tests.db.fake_portal.PageToArticle": 200, "pipelines.postgres.PostgresPipeline": 700}
EXTENSIONS = {"delegation_crawler.extensions.warehouse.Warehouse": 100,
              "delegation_crawler.extensions.pagestore.PageStore": 500}
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
