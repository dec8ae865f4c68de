"""SIGKILL at random points, then resume in the same STATE_DIR: the outputs end up holding
exactly the articles of one clean run, each once (JSON Lines and PostgreSQL).

The crawls are the user's own commands (``scrapy crawlall``, ``scrapy crawl``) on the bundled
replicas, with every response held back a little (tests.db.slow) so that a kill lands in
the middle of the work.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import psycopg
import pytest

from tests.conftest import REPO

SLOW = {"tests.db.slow.SlowResponses": 950}
PORTALS = "chaotian,xiushan,yybnet,zgm"


def scrapy(args: list[str], settings: dict, cwd: Path) -> list[str]:
    cmd = [sys.executable, "-m", "scrapy", *args]
    for key, value in settings.items():
        cmd += ["-s", f"{key}={json.dumps(value) if isinstance(value, dict) else value}"]
    return cmd


def env() -> dict:
    return {**os.environ, "PYTHONPATH": str(REPO), "SCRAPY_SETTINGS_MODULE": "delegation_crawler.settings"}


def count_lines(paths) -> int:
    return sum(path.read_bytes().count(b"\n") for path in paths)


def killed_then_finished(cmd: list[str], progress, total: int, seed: int, kills: int = 5) -> list[int]:
    """Run ``cmd`` ``kills`` times, each killed once ``progress()`` (articles in the outputs so
    far) passed the next of ``kills`` random points below 80% of ``total`` (plus up to half a
    second); then once to the end."""
    rng = random.Random(seed)
    codes = []
    for target in sorted(rng.sample(range(2, int(total * 0.8)), kills)):
        proc = subprocess.Popen(cmd, cwd=REPO, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while proc.poll() is None and progress() < target and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.5))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        codes.append(proc.returncode)
    done = subprocess.run(cmd, cwd=REPO, env=env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return codes


def lines(*paths: Path) -> list[dict]:
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            rows.append(json.loads(line))  # a half-written line would fail here
    return rows


@pytest.fixture(scope="module")
def clean_urls(tmp_path_factory):
    out = tmp_path_factory.mktemp("clean")
    done = subprocess.run(scrapy(["crawlall", "--replica", "-o", str(out / "items.jsonl")],
                                 {"STATE_DIR": out / "state"}, REPO),
                          cwd=REPO, env=env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    urls = [row["url"] for row in lines(out / "items.jsonl")]
    assert len(urls) == len(set(urls)) > 80
    return set(urls)


@pytest.mark.parametrize("seed", [1, 2])
def test_kills_then_resume_appending_to_one_file(clean_urls, tmp_path, seed):
    out = tmp_path / "items.jsonl"
    cmd = scrapy(["crawlall", "--replica", "-o", str(out)],
                 {"STATE_DIR": tmp_path / "state", "DOWNLOADER_MIDDLEWARES": SLOW, "TEST_RESPONSE_DELAY": 0.3}, REPO)
    codes = killed_then_finished(cmd, lambda: count_lines([out] if out.exists() else []),
                                  len(clean_urls), seed)
    assert codes.count(-signal.SIGKILL) >= 4, codes  # the kills landed mid-crawl
    urls = Counter(row["url"] for row in lines(out))
    assert set(urls) == clean_urls  # nothing lost
    assert [u for u, n in urls.items() if n > 1] == []  # nothing twice


def test_kills_then_resume_one_file_per_run(replica, tmp_path):
    """``scrapy crawl`` with Scrapy's own feed exporter and ``%(time)s``: the union of the runs'
    files is one clean run of that portal, each article in exactly one file."""
    clean = tmp_path / "clean.jsonl"
    done = subprocess.run(scrapy(["crawl", "chaotian", "-O", str(clean)],
                                 {"STATE_DIR": tmp_path / "clean-state", "REPLICA_URL": replica.url}, REPO),
                          cwd=REPO, env=env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    cmd = scrapy(["crawl", "chaotian", "-O", str(tmp_path / "runs" / "chaotian-%(time)s.jsonl")],
                 {"STATE_DIR": tmp_path / "state", "REPLICA_URL": replica.url,
                  "DOWNLOADER_MIDDLEWARES": SLOW, "TEST_RESPONSE_DELAY": 0.4}, REPO)
    codes = killed_then_finished(cmd, lambda: count_lines((tmp_path / "runs").glob("*.jsonl")),
                                  count_lines([clean]), seed=3, kills=3)
    assert codes.count(-signal.SIGKILL) >= 2, codes
    urls = Counter(row["url"] for row in lines(*sorted((tmp_path / "runs").glob("*.jsonl"))))
    assert set(urls) == {row["url"] for row in lines(clean)}
    assert [u for u, n in urls.items() if n > 1] == []


def test_kills_then_resume_into_postgresql(clean_urls, pg_dsn_migrated, tmp_path):
    cmd = scrapy(["crawlall", "--replica"],
                 {"STATE_DIR": tmp_path / "state", "PG_DSN": pg_dsn_migrated,
                  "DOWNLOADER_MIDDLEWARES": SLOW, "TEST_RESPONSE_DELAY": 0.3}, REPO)
    def stored() -> int:
        with psycopg.connect(pg_dsn_migrated) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    codes = killed_then_finished(cmd, stored, len(clean_urls), seed=4)
    assert codes.count(-signal.SIGKILL) >= 4, codes
    with psycopg.connect(pg_dsn_migrated) as conn:
        rows = conn.execute("SELECT url, count(*) FROM articles GROUP BY url").fetchall()
    assert {url for url, _ in rows} == clean_urls
    assert [url for url, n in rows if n > 1] == []


@pytest.fixture
def pg_dsn_migrated(fresh_pg_dsn):
    from delegation_crawler.db.migrate import migrate

    migrate(fresh_pg_dsn)
    return fresh_pg_dsn
