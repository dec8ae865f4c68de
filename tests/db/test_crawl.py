"""Crawl-level tests: the pipeline and page store inside real Scrapy crawls (subprocesses)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from delegation_crawler.db.deadletter import replay
from delegation_crawler.db.migrate import migrate
from delegation_crawler.db.read import article_dicts
from tests import services
from tests.db.factory import dead_dsn
from tests.db.snapshot import snapshot

ROOT = Path(__file__).resolve().parents[2]


def crawl(dsn, tmp_path, *extra, n=12, wait=True, name="out"):
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "tests.db.fake_project", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "scrapy", "crawl", "zgm", "-a", f"n={n}", "-s", f"PG_DSN={dsn}",
               "-s", "PG_BATCH_SIZE=5", "-s", f"STATE_DIR={tmp_path / 'state'}", "-s", "PG_RETRY_BACKOFF=0.01",
               "-O", str(tmp_path / f"{name}.jsonl"), *extra]
    if not wait:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def jsonl(path):
    return sorted((json.loads(line) for line in Path(path).read_text("utf-8").splitlines()), key=lambda r: r["url"])


def stored(dsn):
    with psycopg.connect(dsn) as conn:
        return sorted(article_dicts(conn), key=lambda r: r["url"])


@pytest.fixture
def second_warehouse_dsn():
    dsn, name = services.create_database()
    migrate(dsn)
    yield dsn
    services.drop_database(name)


def test_crawl_matches_json_lines_and_a_second_crawl_changes_nothing(warehouse_dsn, tmp_path):
    done = crawl(warehouse_dsn, tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    feed = jsonl(tmp_path / "out.jsonl")
    assert len(feed) == 12 and stored(warehouse_dsn) == feed
    before = snapshot(warehouse_dsn, with_pages_time=True)
    assert len(before["pages"]) == 12 and len(before["visits"]) == 12

    again = crawl(warehouse_dsn, tmp_path, name="again")
    assert again.returncode == 0, again.stderr[-3000:]
    assert snapshot(warehouse_dsn, with_pages_time=True) == before
    with psycopg.connect(warehouse_dsn) as conn:
        runs = conn.execute("SELECT finish_reason, deadlettered, (stats->>'postgres/articles_written')::int, "
                            "finished_at > started_at FROM crawl_runs").fetchall()
    assert runs == [("finished", 0, 12, True)] * 2


def test_unmigrated_database_stops_the_crawl_with_the_command_to_run(fresh_pg_dsn, tmp_path):
    done = crawl(fresh_pg_dsn, tmp_path)
    assert done.returncode != 0
    assert f"python -m delegation_crawler.db migrate --dsn '{fresh_pg_dsn}'" in done.stderr
    assert not (tmp_path / "state").exists()


def test_dead_database_dead_letters_and_replay_gives_the_full_set(warehouse_dsn, second_warehouse_dsn, tmp_path):
    done = crawl(dead_dsn(), tmp_path, "-s", "PG_RETRY_TIMES=1")
    assert "'finish_reason': 'deadlettered'" in done.stderr
    assert "replay-deadletter" in done.stderr and "ERROR" in done.stderr
    deadletter = tmp_path / "state" / "postgres-deadletter.jsonl"
    lines = deadletter.read_text("utf-8").splitlines()
    assert len(lines) == 12 + 12 + 2  # articles, pages, crawl run opened + closed

    result = replay(warehouse_dsn, deadletter)
    assert result.remaining == 0
    reference = crawl(second_warehouse_dsn, tmp_path, name="reference")
    assert reference.returncode == 0
    assert stored(warehouse_dsn) == jsonl(tmp_path / "out.jsonl")
    assert snapshot(warehouse_dsn) == snapshot(second_warehouse_dsn)
    with psycopg.connect(warehouse_dsn) as conn:
        # The closing row counts what was dead-lettered before it: everything but itself.
        assert conn.execute("SELECT finish_reason, deadlettered FROM crawl_runs").fetchall() == [("deadlettered", 25)]


def test_killed_mid_crawl_then_rerun_equals_an_uninterrupted_run(warehouse_dsn, second_warehouse_dsn, tmp_path):
    slow = ("-s", "DOWNLOAD_DELAY=0.1", "-s", "RANDOMIZE_DOWNLOAD_DELAY=False", "-s", "PG_BATCH_SECONDS=60")
    process = crawl(warehouse_dsn, tmp_path, *slow, n=40, wait=False, name="killed")
    deadline = time.monotonic() + 60
    written = 0
    with psycopg.connect(warehouse_dsn, autocommit=True) as conn:
        while written < 5 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
            written = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert 5 <= written < 40, "the kill did not land mid-crawl"

    assert crawl(warehouse_dsn, tmp_path, n=40, name="rerun").returncode == 0
    assert crawl(second_warehouse_dsn, tmp_path, n=40, name="whole").returncode == 0
    assert snapshot(warehouse_dsn) == snapshot(second_warehouse_dsn)
    assert stored(warehouse_dsn) == jsonl(tmp_path / "whole.jsonl")


def test_reprocess_updates_rows_from_stored_pages(warehouse_dsn, tmp_path):
    assert crawl(warehouse_dsn, tmp_path).returncode == 0
    before = stored(warehouse_dsn)
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "tests.db.fake_project", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "delegation_crawler.reprocess", "--dsn", warehouse_dsn,
         "-s", "FAKE_TITLE_SUFFIX=（重新抽取）", "-O", str(tmp_path / "re.jsonl")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "zgm: 12 page(s), 12 item(s)" in done.stdout
    after = stored(warehouse_dsn)
    assert after == jsonl(tmp_path / "re.jsonl")
    assert [a["title"] for a in after] == [b["title"] + "（重新抽取）" for b in before]
    with psycopg.connect(warehouse_dsn) as conn:
        assert conn.execute("SELECT count(*) FROM visits").fetchone()[0] == 12


def test_database_stopping_mid_crawl_dead_letters_the_rest_and_replay_completes(warehouse_dsn, tmp_path):
    from tests.db.proxy import CuttableProxy

    proxy = CuttableProxy()
    database = warehouse_dsn.rpartition("/")[2]
    slow = ("-s", "DOWNLOAD_DELAY=0.1", "-s", "RANDOMIZE_DOWNLOAD_DELAY=False", "-s", "PG_RETRY_TIMES=1")
    process = crawl(proxy.dsn(database), tmp_path, *slow, n=40, wait=False, name="cut")
    written, deadline = 0, time.monotonic() + 60
    with psycopg.connect(warehouse_dsn, autocommit=True) as conn:
        while written < 5 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
            written = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        proxy.cut()
        assert process.wait(timeout=120) == 0  # no crash
        after_cut = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 5 <= after_cut < 40, "the database was not cut mid-crawl"
    deadletter = tmp_path / "state" / "postgres-deadletter.jsonl"
    assert deadletter.exists()
    result = replay(warehouse_dsn, deadletter)
    assert result.remaining == 0
    assert stored(warehouse_dsn) == jsonl(tmp_path / "cut.jsonl")
    with psycopg.connect(warehouse_dsn) as conn:
        assert conn.execute("SELECT finish_reason FROM crawl_runs").fetchall() == [("deadlettered",)]
