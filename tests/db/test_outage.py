"""PostgreSQL going away during a replica crawl (dedupe state and warehouse both on it) loses
no article: every one is in JSON Lines, and the warehouse plus its dead-letter file, once
replayed, hold them all.

The database is reached through a loopback proxy the test can cut, restore or blackhole, so
the shared server keeps running.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import psycopg
import pytest

from delegation_crawler.db.deadletter import replay
from delegation_crawler.db.migrate import migrate
from tests.conftest import REPO
from tests.db.proxy import CuttableProxy

SPIDERS = "chaotian,xiushan"
SLOW = '{"tests.db.slow.SlowResponses": 950}'


@pytest.fixture
def database(fresh_pg_dsn):
    migrate(fresh_pg_dsn)
    return fresh_pg_dsn


def start(dsn: str, tmp_path) -> subprocess.Popen:
    command = [sys.executable, "-m", "scrapy", "crawlall", "--replica", "--spiders", SPIDERS,
               "-s", f"PG_DSN={dsn}", "-s", f"STATE_DIR={tmp_path / 'state'}", "-s", "PG_BATCH_SIZE=5",
               "-s", "PG_RETRY_TIMES=1", "-s", "PG_RETRY_BACKOFF=0.05", "-s", "PG_CONNECT_TIMEOUT=2",
               "-s", f"DOWNLOADER_MIDDLEWARES={SLOW}", "-s", "TEST_RESPONSE_DELAY=0.2",
               "-o", str(tmp_path / "items.jsonl")]
    log = open(tmp_path / "crawl.log", "w")
    return subprocess.Popen(command, cwd=REPO, stdout=log, stderr=log, env={**os.environ, "PYTHONPATH": str(REPO)})


def stored(dsn: str) -> set[str]:
    with psycopg.connect(dsn) as conn:
        return {url for (url,) in conn.execute("SELECT url FROM articles")}


def wait_for_rows(dsn: str, process: subprocess.Popen, rows: int) -> int:
    deadline, found = time.monotonic() + 120, 0
    while found < rows and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        found = len(stored(dsn))
    return found


def outputs(tmp_path) -> tuple[list[str], str]:
    urls = [json.loads(line)["url"] for line in (tmp_path / "items.jsonl").read_text("utf-8").splitlines()]
    return urls, (tmp_path / "crawl.log").read_text("utf-8")


@pytest.fixture(scope="module")
def clean_urls(tmp_path_factory):
    out = tmp_path_factory.mktemp("clean")
    done = subprocess.run([sys.executable, "-m", "scrapy", "crawlall", "--replica", "--spiders", SPIDERS,
                           "-s", f"STATE_DIR={out / 'state'}", "-o", str(out / "items.jsonl")],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return {json.loads(line)["url"] for line in (out / "items.jsonl").read_text("utf-8").splitlines()}


def test_database_refusing_from_mid_crawl_on_loses_nothing(database, clean_urls, tmp_path):
    proxy = CuttableProxy()
    process = start(proxy.dsn(database.rpartition("/")[2]), tmp_path)
    assert wait_for_rows(database, process, 8) >= 8
    proxy.cut()
    assert process.wait(timeout=300) == 1  # dead-lettered: the run says so
    urls, log = outputs(tmp_path)
    assert set(urls) == clean_urls and len(urls) == len(clean_urls)  # every article in JSON Lines, once
    assert "Traceback" not in log and "dedupe state: the server stays unreachable" in log
    assert 8 <= len(stored(database)) < len(clean_urls)
    result = replay(database, tmp_path / "state" / "postgres-deadletter.jsonl")
    assert result.remaining == 0
    assert stored(database) == clean_urls  # the warehouse complete after replay


def test_database_gone_for_five_seconds_reconnects(database, clean_urls, tmp_path):
    proxy = CuttableProxy()
    process = start(proxy.dsn(database.rpartition("/")[2]), tmp_path)
    assert wait_for_rows(database, process, 8) >= 8
    proxy.cut()
    time.sleep(5)
    proxy.restore()
    process.wait(timeout=300)
    urls, log = outputs(tmp_path)
    assert set(urls) == clean_urls and len(urls) == len(clean_urls)
    assert "dedupe state: connection lost" in log and "reconnected" in log
    assert "stays unreachable" not in log  # no failover was needed
    deadletter = tmp_path / "state" / "postgres-deadletter.jsonl"
    if deadletter.exists():
        assert replay(database, deadletter).remaining == 0
    assert stored(database) == clean_urls


def test_blackholed_database_times_out_and_dead_letters(database, clean_urls, tmp_path):
    proxy = CuttableProxy()
    proxy.blackholed = True  # connections are accepted and never answered
    process = start(proxy.dsn(database.rpartition("/")[2]), tmp_path)
    assert process.wait(timeout=300) == 1
    urls, log = outputs(tmp_path)
    assert set(urls) == clean_urls
    assert "Dedupe state server unreachable" in log and "could not be written to PostgreSQL" in log
    assert replay(database, tmp_path / "state" / "postgres-deadletter.jsonl").remaining == 0
    assert stored(database) == clean_urls
