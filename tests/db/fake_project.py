"""Scrapy settings for crawl-level warehouse tests (SCRAPY_SETTINGS_MODULE=tests.db.fake_project)."""

BOT_NAME = "fake_portal"
SPIDER_MODULES = ["tests.db.fake_portal"]
ITEM_PIPELINES = {"tests.db.fake_portal.PageToArticle": 200, "pipelines.postgres.PostgresPipeline": 700}
EXTENSIONS = {"delegation_crawler.extensions.pagestore.PageStore": 500}
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
