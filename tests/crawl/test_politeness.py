"""The real-site profile (no REPLICA_URL) is polite and bounded, for every portal spider;
the replica profile relaxes only the delays."""

from __future__ import annotations

import pytest
from scrapy.crawler import AsyncCrawlerRunner

from delegation_crawler import settings as project_settings
from delegation_crawler.portals import portal_names
from tests.crawl.test_callbacks import SPIDERS


def settings_in_force(name: str, **overrides):
    project = {k: getattr(project_settings, k) for k in dir(project_settings) if k.isupper()}
    for key in ("TWISTED_REACTOR", "DOWNLOAD_HANDLERS"):  # no reactor or browser in a unit test
        project.pop(key)
    # The settings as the spider's from_crawler leaves them, before the crawl freezes them.
    crawler = AsyncCrawlerRunner({**project, **overrides}).create_crawler(SPIDERS[name])
    SPIDERS[name].from_crawler(crawler)
    return crawler.settings


@pytest.mark.parametrize("name", portal_names())
def test_real_site_profile_is_polite(name):
    s = settings_in_force(name, CONTACT="ops@example.org")
    assert s.getbool("ROBOTSTXT_OBEY")
    assert s.getbool("AUTOTHROTTLE_ENABLED") and s.getfloat("AUTOTHROTTLE_TARGET_CONCURRENCY") <= 1.0
    assert s.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 1 and s.getfloat("DOWNLOAD_DELAY") >= 1.0
    assert s.get("USER_AGENT").startswith("delegation_crawler/") and "(+ops@example.org)" in s.get("USER_AGENT")
    assert 0 < s.getint("DOWNLOAD_MAXSIZE") <= 16 * 1024 * 1024
    assert 0 < s.getint("DOWNLOAD_TIMEOUT") <= 60 and s.getint("RETRY_TIMES") >= 1
    assert not s.getbool("REDIRECT_ALLOW_PRIVATE")
    assert "delegation_crawler.middlewares.robots.RobotsTxtForEveryRequest" in s.getdict("DOWNLOADER_MIDDLEWARES")


def test_xiushan_is_held_to_one_request_every_two_seconds():
    assert settings_in_force("xiushan").getfloat("DOWNLOAD_DELAY") >= 2.0


def test_replica_profile_relaxes_only_delays():
    s = settings_in_force("zgm", REPLICA_URL="http://127.0.0.1:8800")
    assert s.getfloat("DOWNLOAD_DELAY") == 0 and not s.getbool("AUTOTHROTTLE_ENABLED")
    assert s.getbool("ROBOTSTXT_OBEY") and s.getint("DOWNLOAD_MAXSIZE") <= 16 * 1024 * 1024
