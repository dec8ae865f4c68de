"""End to end: the real portal spiders crawl the bundled replicas into PostgreSQL.

The crawls use the project's own pipelines plus the postgres pipeline and page store (added
here in case the project settings do not list them yet).
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from scrapy.utils.project import get_project_settings

from delegation_crawler.db.deadletter import replay
from delegation_crawler.db.migrate import migrate
from delegation_crawler.db.read import article_dicts
from tests import services
from tests.db.factory import dead_dsn
from tests.db.snapshot import snapshot

ROOT = Path(__file__).resolve().parents[2]
PORTAL = "chaotian"  # server-rendered lists: no browser needed, quick


def _settings(dsn: str, state_dir: Path, slow: bool = False) -> list[str]:
    project = get_project_settings()
    pipelines = {**project.getdict("ITEM_PIPELINES"), "pipelines.postgres.PostgresPipeline": 700}
    extensions = {**project.getdict("EXTENSIONS"), "delegation_crawler.extensions.pagestore.PageStore": 500}
    middlewares = dict(project.getdict("DOWNLOADER_MIDDLEWARES"))
    if slow:
        middlewares["tests.db.slow.SlowResponses"] = 950
    pairs = {"PG_DSN": dsn, "STATE_DIR": str(state_dir), "PG_BATCH_SIZE": "4", "PG_BATCH_SECONDS": "1",
             "PG_RETRY_TIMES": "1", "PG_RETRY_BACKOFF": "0.01", "ITEM_PIPELINES": json.dumps(pipelines),
             "EXTENSIONS": json.dumps(extensions), "DOWNLOADER_MIDDLEWARES": json.dumps(middlewares)}
    return [arg for name, value in pairs.items() for arg in ("-s", f"{name}={value}")]


def crawlall(dsn, out: Path, state_dir: Path, *, spiders: str = "", slow=False, wait=True):
    command = [sys.executable, "-m", "scrapy", "crawlall", "--replica", "-O", str(out),
               *(["--spiders", spiders] if spiders else []), *_settings(dsn, state_dir, slow)]
    if not wait:
        return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def feed(path: Path) -> list[dict]:
    return sorted((json.loads(line) for line in path.read_text("utf-8").splitlines()), key=lambda r: r["url"])


def stored(dsn) -> list[dict]:
    with psycopg.connect(dsn) as conn:
        return sorted(article_dicts(conn), key=lambda r: r["url"])


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory):
    """One uninterrupted crawl of PORTAL into its own database: (dsn, feed path)."""
    dsn, name = services.create_database()
    migrate(dsn)
    tmp = tmp_path_factory.mktemp("uninterrupted")
    done = crawlall(dsn, tmp / "out.jsonl", tmp / "state", spiders=PORTAL)
    assert done.returncode == 0, done.stderr[-4000:]
    yield dsn, tmp / "out.jsonl"
    services.drop_database(name)


def test_replica_crawl_matches_json_lines_and_recrawl_changes_nothing(warehouse_dsn, tmp_path):
    done = crawlall(warehouse_dsn, tmp_path / "out.jsonl", tmp_path / "state")
    assert done.returncode == 0, done.stderr[-4000:]
    items = feed(tmp_path / "out.jsonl")
    assert len(items) >= 80 and {i["portal"] for i in items} == {"zgm", "yybnet", "chaotian", "xiushan"}
    assert stored(warehouse_dsn) == items
    with psycopg.connect(warehouse_dsn) as conn:
        # 广元 -> 汉中 on 2018-09-12 is reported by two outlets: one visit, two linked reports.
        edge = conn.execute("SELECT visits FROM visit_edges WHERE visitor_code = '510800' AND host_code = '610700'").fetchall()
        reports = conn.execute("SELECT r.reports FROM visit_events e JOIN visit_reports r ON r.visit_key = e.visit_id "
                               "WHERE e.visitor_code = '510800' AND e.host_code = '610700'").fetchall()
        unlinked = conn.execute("SELECT count(*) FROM visits WHERE visit_id IS NULL").fetchone()[0]
    assert edge == [(1,)] and reports == [(2,)] and unlinked == 0
    before = snapshot(warehouse_dsn, with_pages_time=True)
    assert len(before["pages"]) >= len(items) and before["visits"]

    again = crawlall(warehouse_dsn, tmp_path / "again.jsonl", tmp_path / "state")
    assert again.returncode == 0, again.stderr[-4000:]
    assert snapshot(warehouse_dsn, with_pages_time=True) == before
    with psycopg.connect(warehouse_dsn) as conn:
        runs = conn.execute("SELECT finish_reason, count(*) FROM crawl_runs GROUP BY 1").fetchall()
    assert runs == [("finished", 8)]


def test_killed_mid_crawl_then_rerun_equals_uninterrupted(warehouse_dsn, uninterrupted, tmp_path):
    reference_dsn, reference_feed = uninterrupted
    total = len(feed(reference_feed))
    process = crawlall(warehouse_dsn, tmp_path / "killed.jsonl", tmp_path / "state", spiders=PORTAL,
                       slow=True, wait=False)
    written, deadline = 0, time.monotonic() + 120
    with psycopg.connect(warehouse_dsn, autocommit=True) as conn:
        while written < 4 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.02)
            written = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert 4 <= written < total, "the kill did not land mid-crawl"

    rerun = crawlall(warehouse_dsn, tmp_path / "rerun.jsonl", tmp_path / "state", spiders=PORTAL)
    assert rerun.returncode == 0, rerun.stderr[-4000:]
    assert snapshot(warehouse_dsn, without_fetch_times=True) == snapshot(reference_dsn, without_fetch_times=True)
    assert len(stored(warehouse_dsn)) == total


def test_dead_database_then_replay_equals_uninterrupted(warehouse_dsn, uninterrupted, tmp_path):
    reference_dsn, _ = uninterrupted
    done = crawlall(dead_dsn(), tmp_path / "out.jsonl", tmp_path / "state", spiders=PORTAL)
    assert done.returncode == 1  # crawlall: a crawl that did not finish cleanly fails the run
    assert "deadlettered" in done.stderr and "replay-deadletter" in done.stderr
    deadletter = tmp_path / "state" / "postgres-deadletter.jsonl"
    result = replay(warehouse_dsn, deadletter)
    assert result.remaining == 0 and result.replayed > len(feed(tmp_path / "out.jsonl"))
    assert stored(warehouse_dsn) == feed(tmp_path / "out.jsonl")
    assert snapshot(warehouse_dsn, without_fetch_times=True) == snapshot(reference_dsn, without_fetch_times=True)


def test_reprocess_of_stored_replica_pages_reproduces_the_crawl(warehouse_dsn, tmp_path):
    done = crawlall(warehouse_dsn, tmp_path / "out.jsonl", tmp_path / "state", spiders=PORTAL)
    assert done.returncode == 0, done.stderr[-4000:]
    before = snapshot(warehouse_dsn, with_pages_time=True)
    with psycopg.connect(warehouse_dsn) as conn:
        pages = conn.execute("SELECT count(*) FROM pages WHERE status = 200").fetchone()[0]
    settings = [arg for arg in _settings(warehouse_dsn, tmp_path / "state-reprocess") if arg != "-s"]
    again = subprocess.run(
        [sys.executable, "-m", "delegation_crawler.reprocess", "--dsn", warehouse_dsn,
         "-O", str(tmp_path / "re.jsonl"), *(a for s in settings for a in ("-s", s))],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr[-4000:]
    assert f"{PORTAL}: {pages} page(s)" in again.stdout
    assert snapshot(warehouse_dsn, with_pages_time=True) == before  # same extraction: nothing changes
    without_time = [{k: v for k, v in r.items() if k != "fetched_at"} for r in feed(tmp_path / "re.jsonl")]
    assert without_time == [{k: v for k, v in r.items() if k != "fetched_at"} for r in stored(warehouse_dsn)]
