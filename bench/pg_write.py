"""Warehouse write throughput: batched COPY+merge vs one INSERT per item, side by side in one run.

    python bench/pg_write.py [--items 50000] [--batch-size 500] [--per-item-sample 2000]

"pipeline path" is what a crawl does: WarehouseSink, validation on the event loop overlapping
the writes on the sink's thread. Creates a scratch database (dropped afterwards) on the server of $DELEGATION_BENCH_PG_ADMIN_DSN
(default postgresql://postgres@127.0.0.1:5432/postgres). Items are realistic Articles (Chinese
text, images, visit events with leaders/agreements/sites). Every mode includes validation
(prepare_article). The per-item modes are slow, so they run on a sample and are extrapolated to
the full item count (marked "extrapolated").
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import uuid
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from delegation_crawler.db.migrate import migrate  # noqa: E402
from delegation_crawler.db.rows import prepare_article  # noqa: E402
from delegation_crawler.db.writer import Batch, Warehouse  # noqa: E402
from tests.db.factory import article  # noqa: E402

ADMIN_DSN = os.environ.get("DELEGATION_BENCH_PG_ADMIN_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")

_PLAIN_INSERT = """
INSERT INTO articles (url, content_key, portal, fetched_at, title, body, schema_version, subtitles, authors,
    photographers, editors, images, extraction, repairs, event, content_hash, story_id, revision)
VALUES (%s, %s, %s, %s, %s, %s, 1, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
ON CONFLICT (url, content_key) DO NOTHING"""


def batched(dsn, records, batch_size):
    warehouse = Warehouse(dsn)
    start = time.perf_counter()
    for i in range(0, len(records), batch_size):
        warehouse.write(Batch([prepare_article(r) for r in records[i:i + batch_size]]))
    elapsed = time.perf_counter() - start
    warehouse.close()
    return elapsed


def through_sink(dsn, records, batch_size):
    """The pipeline's path: validate on the event loop, write on the sink's thread, with at most
    ``2 * batch_size`` items in flight (Scrapy bounds in-flight items similarly)."""
    import asyncio
    import tempfile

    from delegation_crawler.db.sink import WarehouseSink

    async def main():
        sink = WarehouseSink(dsn, deadletter_path=tempfile.mktemp(suffix=".jsonl"), batch_size=batch_size,
                             batch_seconds=0.5)
        sink.start()
        slots = asyncio.Semaphore(2 * batch_size)

        async def one(record):
            try:
                await sink.put(prepare_article(record))
            finally:
                slots.release()

        start = time.perf_counter()
        tasks = []
        for record in records:
            await slots.acquire()
            tasks.append(asyncio.ensure_future(one(record)))
        await asyncio.gather(*tasks)
        totals = await sink.close()
        assert totals.deadlettered == 0
        return time.perf_counter() - start

    return asyncio.run(main())


def plain_insert_per_item(dsn, records):
    """The naive sink: one INSERT (articles only, no visit tables) and one commit per item."""
    from psycopg.types.json import Jsonb

    with psycopg.connect(dsn, autocommit=True) as conn:
        start = time.perf_counter()
        for r in records:
            p = prepare_article(r)
            conn.execute(_PLAIN_INSERT, (
                r["url"], p.content_key, r["portal"], r["fetched_at"], r["title"], r["body"], r["subtitles"],
                r["authors"], r["photographers"], r["editors"], Jsonb(r["images"]), r["extraction"],
                Jsonb(r["repairs"]), Jsonb(r["event"]), r["content_hash"], r["story_id"], r["revision"]))
        return time.perf_counter() - start


def count(dsn, table):
    with psycopg.connect(dsn) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def scratch_database():
    name = f"dc_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN_DSN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    dsn = f"{ADMIN_DSN.rpartition('/')[0]}/{name}"
    migrate(dsn)
    return dsn, name


def drop(name):
    with psycopg.connect(ADMIN_DSN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--batch-size", type=int, default=2000)
    parser.add_argument("--per-item-sample", type=int, default=2_000)
    args = parser.parse_args()

    records = [article(i, story=f"story-{i // 3}") for i in range(args.items)]
    size = sum(len(json.dumps(r, ensure_ascii=False).encode()) for r in records) / len(records)
    sample = records[:args.per_item_sample]
    rows = []
    databases = []
    try:
        for label, run, items in (
            (f"pipeline path (WarehouseSink), {args.batch_size}/transaction",
             lambda d: through_sink(d, records, args.batch_size), records),
            ("same items again (idempotent: nothing changes)", None, records),
            (f"writer called directly, {args.batch_size}/transaction", lambda d: batched(d, records, args.batch_size),
             records),
            ("writer, 1 item/transaction (all tables)", lambda d: batched(d, sample, 1), sample),
            ("plain INSERT per item, autocommit (articles table only)",
             lambda d: plain_insert_per_item(d, sample), sample),
        ):
            if run is None:  # second pass over the first database: conflicts, nothing changes
                dsn = databases[0][0]
                cpu = time.process_time()
                elapsed = through_sink(dsn, records, args.batch_size)
            else:
                dsn, name = scratch_database()
                databases.append((dsn, name))
                cpu = time.process_time()
                elapsed = run(dsn)
            rate = len(items) / elapsed
            note = "" if len(items) == args.items else f"sample {len(items)}, extrapolated"
            cpu_ms = (time.process_time() - cpu) / len(items) * 1000
            rows.append((label, len(items), elapsed, rate, args.items / rate, cpu_ms, count(dsn, "articles"), note))
    finally:
        for _, name in databases:
            drop(name)

    print(f"{args.items} articles, {size / 1024:.1f} KiB JSON each on average; PostgreSQL on "
          f"{ADMIN_DSN.rpartition('@')[2]}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"| mode | items | seconds | items/s | seconds for {args.items} | client CPU ms/item | rows in articles | note |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for label, n, elapsed, rate, full, cpu_ms, stored, note in rows:
        print(f"| {label} | {n} | {elapsed:.2f} | {rate:,.0f} | {full:.1f} | {cpu_ms:.3f} | {stored} | {note} |")
    base = rows[0][3]
    print(f"\nbatched (pipeline path) vs one transaction per item: {base / rows[3][3]:.1f}x; "
          f"vs plain INSERT per item (fewer tables): {base / rows[4][3]:.1f}x; "
          f"target >= 5,000 items/s batched: {'met' if base >= 5000 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
