from __future__ import annotations

import asyncio
import json
import gzip
import subprocess
import sys
from collections import Counter
from datetime import datetime, timezone

import psycopg
import pytest

from delegation_crawler.db.deadletter import replay
from delegation_crawler.db.read import article_dicts
from delegation_crawler.db.rows import CrawlRun, prepare_article, prepare_page
from delegation_crawler.db.sink import WarehouseSink
from tests.db.factory import article, dead_dsn


def run_sink(dsn, entries, tmp_path, **options):
    stats = Counter()

    async def main():
        sink = WarehouseSink(dsn, deadletter_path=str(tmp_path / "dead.jsonl"),
                             inc_stat=lambda key, n: stats.update({key: n}), **options)
        sink.start()
        await asyncio.gather(*(sink.put(entry) for entry in entries))
        totals = await sink.close()
        return totals

    return asyncio.run(main()), stats


def stored(dsn):
    with psycopg.connect(dsn) as conn:
        return article_dicts(conn)


def test_writes_in_batches_of_the_configured_size(warehouse_dsn, tmp_path):
    records = [article(i) for i in range(23)]
    totals, stats = run_sink(warehouse_dsn, [prepare_article(r) for r in records], tmp_path, batch_size=5)
    assert stats["postgres/batches"] == 5 and stats["postgres/articles_written"] == 23
    assert totals.deadlettered == 0 and not (tmp_path / "dead.jsonl").exists()
    assert sorted(stored(warehouse_dsn), key=lambda r: r["url"]) == records


def test_a_partial_batch_is_flushed_after_batch_seconds(warehouse_dsn, tmp_path):
    async def main():
        sink = WarehouseSink(warehouse_dsn, deadletter_path=str(tmp_path / "d.jsonl"), batch_size=100,
                             batch_seconds=0.2)
        sink.start()
        started = asyncio.get_running_loop().time()
        await sink.put(prepare_article(article(1)))  # returns once written, by age, not size
        loop_time = asyncio.get_running_loop().time()
        count_before_close = len(stored(warehouse_dsn))
        await sink.close()
        return count_before_close, loop_time - started

    count, waited = asyncio.run(main())
    assert count == 1 and 0.2 <= waited < 3


def test_dead_server_dead_letters_everything_and_replay_restores_it(warehouse_dsn, tmp_path):
    records = [article(i, body="'); DROP TABLE articles; -- 😀") for i in range(12)]
    page = prepare_page(url=records[0]["url"], request_url=records[0]["url"], portal="zgm",
                        fetched_at=datetime.now(timezone.utc),
                        status=200, headers={"Content-Type": ["text/html; charset=gbk"]}, encoding="gbk",
                        body="<html>自贡</html>".encode("gbk"))
    run = CrawlRun("00000000-0000-0000-0000-000000000001", "zgm", datetime.now(timezone.utc))
    entries = [page, run] + [prepare_article(r, page.sha256 if i == 0 else None) for i, r in enumerate(records)]
    totals, stats = run_sink(dead_dsn(), entries, tmp_path, batch_size=5, retry_times=2, retry_backoff=0.01)
    assert totals.deadlettered == 14 and stats["postgres/deadlettered"] == 14
    assert stats["postgres/retries"] == 2  # backoff on the first failure only; later batches fail fast
    lines = [json.loads(l) for l in (tmp_path / "dead.jsonl").read_text("utf-8").splitlines()]
    assert Counter(l["kind"] for l in lines) == {"article": 12, "page": 1, "crawl_run": 1}
    assert all("OperationalError" in l["error"] for l in lines)

    result = replay(warehouse_dsn, tmp_path / "dead.jsonl", batch_size=4)
    assert (result.replayed, result.remaining) == (14, 0)
    assert not (tmp_path / "dead.jsonl").exists() and result.archived_to.exists()
    assert sorted(stored(warehouse_dsn), key=lambda r: r["url"]) == records
    with psycopg.connect(warehouse_dsn) as conn:
        assert conn.execute("SELECT count(*) FROM crawl_runs").fetchone()[0] == 1
        assert conn.execute("SELECT page_sha256 FROM articles WHERE url = %s", (records[0]["url"],)).fetchone()[0] == page.sha256
        body = conn.execute("SELECT body_gz FROM pages").fetchone()[0]
    assert gzip.decompress(body) == "<html>自贡</html>".encode("gbk")

    # Replaying the archived file again is harmless.
    again = replay(warehouse_dsn, result.archived_to)
    assert again.remaining == 0 and len(stored(warehouse_dsn)) == 12


def test_replay_keeps_lines_that_still_fail(warehouse_dsn, tmp_path):
    path = tmp_path / "dead.jsonl"
    good = {"kind": "article", "record": article(1), "error": "x"}
    bad = {"kind": "article", "record": {**article(2), "body": "nul\u0000"}, "error": "x"}
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n" + json.dumps(bad) + "\nnot json\n", "utf-8")
    result = replay(warehouse_dsn, path)
    assert (result.replayed, result.remaining) == (1, 2)
    assert path.read_text("utf-8").splitlines()[1] == "not json"
    assert [r["url"] for r in stored(warehouse_dsn)] == [good["record"]["url"]]


def test_replay_cli(warehouse_dsn, tmp_path):
    path = tmp_path / "dead.jsonl"
    content = json.dumps({"kind": "article", "record": article(5)}, ensure_ascii=False) + "\n"
    path.write_text(content, "utf-8")
    done = subprocess.run([sys.executable, "-m", "delegation_crawler.db", "replay-deadletter", "--dsn",
                           warehouse_dsn, str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "replayed 1 record(s); 0 still failing" in done.stdout
    assert len(stored(warehouse_dsn)) == 1
    path.write_text(content, "utf-8")
    down = subprocess.run([sys.executable, "-m", "delegation_crawler.db", "replay-deadletter", "--dsn",
                           dead_dsn(), str(path)], capture_output=True, text=True, timeout=60)
    assert down.returncode == 1 and "Connection refused" in down.stderr
    assert path.read_text("utf-8") == content  # untouched, to be replayed later


def test_put_raises_when_neither_database_nor_dead_letter_file_takes_the_item(tmp_path):
    (tmp_path / "dead.jsonl").mkdir()  # a directory: appending to it fails

    async def main():
        sink = WarehouseSink(dead_dsn(), deadletter_path=str(tmp_path / "dead.jsonl"), retry_times=0, batch_size=1)
        try:
            await sink.put(prepare_article(article(1)))
        finally:
            sink._timer = None
            await asyncio.get_running_loop().run_in_executor(None, sink._executor.shutdown)

    with pytest.raises(IsADirectoryError):
        asyncio.run(main())
