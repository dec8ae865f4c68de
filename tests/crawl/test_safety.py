"""The real-site profile sends nothing to a private or local address, nor off the web; the
replica profile, whose transport is loopback on purpose, still refuses other schemes."""

from __future__ import annotations

import asyncio
import subprocess

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.test import get_crawler

from delegation_crawler.middlewares.safety import SafetyMiddleware, unsafe_address
from tests.conftest import REPO, SCRAPY


def refused(url: str, **settings) -> str | None:
    middleware = SafetyMiddleware(get_crawler(settings_dict=settings))
    try:
        asyncio.run(middleware.process_request(Request(url)))
    except IgnoreRequest as exc:
        return str(exc).split(":", 1)[0]
    return None


@pytest.mark.parametrize("url, reason", [
    ("http://127.0.0.1:6379/", "private_address"),
    ("http://localhost:8080/admin", "private_address"),  # a name that resolves to loopback
    ("http://10.0.0.1/", "private_address"),
    ("http://169.254.169.254/latest/meta-data/", "private_address"),
    ("http://[::1]/", "private_address"),
    ("http://0.0.0.0/", "private_address"),
    ("ftp://www.zgm.cn/a", "unsafe_scheme"),
    ("file:///etc/passwd", "unsafe_scheme"),
    ("http://8.8.8.8/", None),  # a public address (no request is sent by this check)
])
def test_real_site_profile(url, reason):
    assert refused(url) == reason


def test_replica_profile_allows_loopback_but_not_other_schemes():
    assert refused("http://127.0.0.1:8800/www.zgm.cn/", REPLICA_URL="http://127.0.0.1:8800") is None
    assert refused("file:///etc/passwd", REPLICA_URL="http://127.0.0.1:8800") == "unsafe_scheme"


def test_unsafe_address():
    assert unsafe_address("192.168.1.5") and unsafe_address("fe80::1%eth0") and not unsafe_address("1.1.1.1")


def test_a_crawl_pointed_at_loopback_fetches_nothing(tmp_path):
    done = subprocess.run([*SCRAPY, "crawl", "generic", "-a", "start_url=http://localhost:6379/", "-a", "allow=x",
                           "-s", f"STATE_DIR={tmp_path}", "-o", str(tmp_path / "x.jsonl")],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "every list page failed" in done.stderr
    assert "List page failed (private_address): http://localhost:6379/" in done.stderr
    assert "'downloader/request_count'" not in done.stderr  # not even robots.txt was asked for
