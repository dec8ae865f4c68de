"""Dedupe cost per document as the state grows: LSH (SQLite state) vs brute-force pairwise.

    python bench/dedupe.py            # 10k and 100k documents + brute force at 2k and 10k (~3 min idle)
    python bench/dedupe.py --full     # adds 1M documents (~25 min on 2 cores)
    python bench/dedupe.py --sizes 2000 --backends sqlite,postgres,redis

Each document goes through the real ``Deduper.observe`` (canonical URL and body, hash,
MinHash, LSH query, candidate check, insert, one commit per document) on a fresh store.
Synthetic texts: words drawn from a Zipf-like vocabulary (so unrelated texts share common
shingles, as news does), 10% of documents are edited reposts of an earlier one.
"Last 10%" is the cost per document once the state is nearly full: flat across sizes means
linear total time; the brute-force baseline compares each new signature with every
earlier one (vectorised numpy), so its last-10% cost grows with the size.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from delegation_crawler.dedupe import EXACT, NEAR, Deduper, Params, SQLiteStore  # noqa: E402
from delegation_crawler.dedupe.canonical import canonical_body, content_chars  # noqa: E402

WORDS = 30000
DOC_WORDS = 160  # about 400 characters
REPOST_SHARE = 0.10


def vocabulary() -> list[str]:
    rng = random.Random(1)
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 3500)]
    return ["".join(rng.choice(chars) for _ in range(rng.choice((1, 2, 2, 2, 3, 4)))) for _ in range(WORDS)]


VOCAB = vocabulary()
WEIGHTS = np.cumsum(1.0 / np.arange(1, WORDS + 1) ** 1.05)
WEIGHTS /= WEIGHTS[-1]
BATCH = 1000


@functools.lru_cache(maxsize=4)
def originals(batch: int) -> list[str]:
    """BATCH original texts at once (numpy draws), so generating stays cheap at 1M."""
    picks = np.searchsorted(WEIGHTS, np.random.default_rng(batch).random((BATCH, DOC_WORDS)))
    return ["".join([VOCAB[k] for k in row.tolist()]) + f"。第{batch * BATCH + r}号" for r, row in enumerate(picks)]


def document(i: int) -> tuple[str, str]:
    """(url, body); a repost edits a few words of an original from the last BATCH documents."""
    rng = random.Random(i)
    if i > 10 and rng.random() < REPOST_SHARE:
        j = rng.randrange(max(0, i - BATCH), i)
        words = list(originals(j // BATCH)[j % BATCH])
        for _ in range(8):
            words[rng.randrange(len(words))] = rng.choice(VOCAB)
        return f"https://m.portal{i % 4}.cn/news/{i}.html", "".join(words)
    return f"https://www.portal{i % 4}.cn/news/{i}.html", originals(i // BATCH)[i % BATCH]


def rss_bytes() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def run_lsh(n: int, store_factory, label: str) -> dict:
    store = store_factory()
    deduper = Deduper(store)
    rss0, found, tail_start = rss_bytes(), 0, int(n * 0.9)
    spent = tail = cpu = 0.0
    for i in range(n):
        url, body = document(i)  # generating the text is not timed
        t0, c0 = time.perf_counter(), time.process_time()
        # body_simplified as the simplify pipeline (order 250) hands it over
        found += deduper.observe(url, body, body_simplified=body).kind in (EXACT, NEAR)
        took = time.perf_counter() - t0
        spent, cpu = spent + took, cpu + time.process_time() - c0
        tail += took if i >= tail_start else 0.0
        if (i + 1) % 100_000 == 0:
            print(f"... {label}: {i + 1:,} documents, {spent / (i + 1) * 1e6:.0f} µs/doc so far", file=sys.stderr, flush=True)
    state = store.size_bytes() if hasattr(store, "size_bytes") else None
    store.close()
    return {"method": label, "docs": n, "all": spent / n, "tail": tail / (n - tail_start), "cpu": cpu / n,
            "state": state / n if state else None, "rss": (rss_bytes() - rss0) / n, "found": found}


def run_brute(n: int) -> dict:
    """Same MinHash, no index: compare with every earlier signature."""
    params = Params()
    deduper = Deduper(SQLiteStore(":memory:", params))  # only for its minhash()
    sigs = np.zeros((n, params.num_perm), dtype=np.uint32)
    rss0, found, tail_start = rss_bytes(), 0, int(n * 0.9)
    spent = tail = cpu = 0.0
    for i in range(n):
        _, body = document(i)
        t0, c0 = time.perf_counter(), time.process_time()
        values = deduper.minhash(content_chars(canonical_body(body, body)))[0].hashvalues
        if i:
            same = np.count_nonzero(sigs[:i] == values, axis=1)
            found += bool((same >= params.accept_jaccard * params.num_perm).any())
        sigs[i] = values
        took = time.perf_counter() - t0
        spent, cpu = spent + took, cpu + time.process_time() - c0
        tail += took if i >= tail_start else 0.0
    return {"method": "brute force pairwise (numpy, in memory)", "docs": n, "all": spent / n, "cpu": cpu / n,
            "tail": tail / (n - tail_start), "state": sigs.nbytes / n, "rss": (rss_bytes() - rss0) / n,
            "found": found}


def brute_compare_ns(n: int = 10_000, repeats: int = 30) -> float:
    """Nanoseconds the brute-force baseline spends per stored signature per query."""
    params = Params()
    sigs = np.random.default_rng(0).integers(0, 2**32, size=(n, params.num_perm), dtype=np.uint32)
    query = sigs[n // 2].copy()
    start = time.perf_counter()
    for _ in range(repeats):
        same = np.count_nonzero(sigs == query, axis=1)
        bool((same >= params.accept_jaccard * params.num_perm).any())
    return (time.perf_counter() - start) / repeats / n * 1e9


class SizedSQLite(SQLiteStore):
    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in Path(self.path).parent.glob(self.FILENAME + "*"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="also run 1,000,000 documents")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[10_000, 100_000])
    parser.add_argument("--brute", type=lambda s: [int(x) for x in s.split(",") if x], default=[2_000, 10_000],
                        help="brute-force baseline sizes ('' = skip)")
    parser.add_argument("--backends", default="sqlite", help="comma list of sqlite,postgres,redis (others at the smallest size)")
    args = parser.parse_args()
    sizes = args.sizes + ([1_000_000] if args.full else [])
    params = Params()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"n{n}" / SQLiteStore.FILENAME
            results.append(run_lsh(n, lambda: SizedSQLite(path, params), "LSH, SQLite state (default)"))
            print(f"... {results[-1]['method']} {n} done", file=sys.stderr)
        for n in args.brute:
            results.append(run_brute(n))
        per_signature = brute_compare_ns() if args.brute else None
        for backend in args.backends.split(","):
            n = min(sizes)
            if backend == "postgres":
                import psycopg

                admin = os.environ.get("DELEGATION_TEST_PG_ADMIN_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")
                name = f"dc_bench_{os.getpid()}"
                with psycopg.connect(admin, autocommit=True) as conn:
                    conn.execute(f'CREATE DATABASE "{name}"')
                try:
                    from delegation_crawler.dedupe import PostgresStore

                    dsn = admin.rsplit("/", 1)[0] + "/" + name
                    results.append(run_lsh(n, lambda: PostgresStore(dsn, params), "LSH, PostgreSQL state"))
                finally:
                    with psycopg.connect(admin, autocommit=True) as conn:
                        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            elif backend == "redis":
                import redis

                from delegation_crawler.dedupe import RedisStore

                url, prefix = os.environ.get("DELEGATION_TEST_REDIS_URL", "redis://127.0.0.1:6379/0"), f"dc_bench:{os.getpid()}:"
                try:
                    results.append(run_lsh(n, lambda: RedisStore(url, params, prefix=prefix), "LSH, Redis state (datasketch storage)"))
                finally:
                    client = redis.Redis.from_url(url)
                    keys = list(client.scan_iter(match=prefix + "*"))
                    if keys:
                        client.delete(*keys)
    print(f"params: shingle {params.shingle_size}, num_perm {params.num_perm}, bands {params.lsh_bands} x {params.lsh_rows}, "
          f"accept J >= {params.accept_jaccard}; {DOC_WORDS} words (~400 chars) per doc, {REPOST_SHARE:.0%} reposts")
    print("| method | docs | wall µs/doc, all | wall µs/doc, last 10% | CPU µs/doc | state bytes/doc | RSS growth bytes/doc | duplicates found |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        state = f"{r['state']:.0f}" if r["state"] else "-"
        print(f"| {r['method']} | {r['docs']:,} | {r['all'] * 1e6:.0f} | {r['tail'] * 1e6:.0f} | {r['cpu'] * 1e6:.0f} | {state} "
              f"| {r['rss']:.0f} | {r['found']:,} |")
    if per_signature:
        projected = ", ".join(f"{n:,}: {per_signature * n / 2 / 1000:,.0f} µs" for n in (10_000, 100_000, 1_000_000))
        print(f"\nbrute force compares each new signature with every stored one: {per_signature:.1f} ns per stored "
              f"signature, so its comparison cost per document averaged over a run of n documents is "
              f"n/2 x that ({projected}) on top of the MinHash: quadratic in total.")


if __name__ == "__main__":
    main()
