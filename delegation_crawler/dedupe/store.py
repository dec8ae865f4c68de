"""Lasting dedupe state: one interface, three backends (SQLite, PostgreSQL, Redis).

The SQL backends keep the LSH index as a table of band keys (MinHashLSH's banding: ``b``
bands of ``r`` hash values, each band hashed to one 64-bit key), so several processes
sharing one database see each other's documents and nothing has to be loaded at start-up.
The Redis backend hands the index to datasketch's own Redis storage.
"""

from __future__ import annotations

import abc
import hashlib
import json
import os
import sqlite3
import struct
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator

import numpy as np
from datasketch import MinHash, MinHashLSH

from delegation_crawler.dedupe.params import Params


REDIS_LOCK_TTL = 15  # seconds a transaction lock outlives a crashed holder
REDIS_LOCK_WAIT = 60  # seconds a writer waits for the lock

_FNV64 = np.uint64(0x100000001B3)
_BAND_SALT = np.uint64(0x9E3779B97F4A7C15)


class StateMismatch(RuntimeError):
    """The stored state was built with other parameters; mixing would silently misjudge."""


@dataclass
class UrlRecord:
    """The latest known revision of one canonical URL."""

    canonical_url: str
    doc_key: str
    url: str
    story_id: str
    duplicate_of: str | None
    revision: int
    content_hash: str
    published: str | None = None
    kind: str = "new"  # the verdict this revision got (engine.NEW, EXACT, NEAR, REVISION)
    # The item left the pipelines (scraped, or dropped on purpose). A record committed by a
    # run killed before that is handed out again instead of being called unchanged.
    delivered: bool = False


@dataclass
class Signature:
    """A MinHash kept for verifying LSH candidates."""

    hashvalues: np.ndarray
    story_id: str
    size: int  # distinct shingles: with the Jaccard estimate it gives the containment


def pack_signature(sig: Signature) -> bytes:
    story = sig.story_id.encode("utf-8")
    return struct.pack(">IH", sig.size, len(story)) + story + np.asarray(sig.hashvalues, dtype=">u4").tobytes()


def unpack_signature(blob: bytes) -> Signature:
    size, story_len = struct.unpack_from(">IH", blob)
    story = blob[6 : 6 + story_len].decode("utf-8")
    values = np.frombuffer(blob[6 + story_len :], dtype=">u4").astype(np.uint32)
    return Signature(values, story, size)


def lead_key(lead: str) -> int:
    """64-bit key of a text's opening characters (truncated reposts keep the opening)."""
    digest = hashlib.blake2b(lead.encode("utf-8"), digest_size=8, person=b"dedupe-lead").digest()
    return int.from_bytes(digest, "big", signed=True)


class DedupeStore(abc.ABC):
    """What the deduper needs from lasting state. Writes happen inside ``transaction()``."""

    def __init__(self, params: Params):
        self.params = params
        self.bands, self.rows = params.lsh_bands, params.lsh_rows

    def _meta(self) -> dict:
        return asdict(self.params)

    def _check_meta(self, stored: str | None) -> str:
        """Return the JSON to store when empty; raise if the stored parameters differ."""
        wanted = json.dumps(self._meta(), sort_keys=True)
        if stored is not None and json.loads(stored) != json.loads(wanted):
            raise StateMismatch(
                f"dedupe state was built with {stored}, this code uses {wanted}: "
                "point STATE_DIR / the DSN / the key prefix at fresh state or rebuild it"
            )
        return wanted

    def band_keys(self, minhash: MinHash) -> list[int]:
        """One signed 64-bit key per band (MinHashLSH's banding), the band number mixed in."""
        values = np.asarray(minhash.hashvalues[: self.bands * self.rows], dtype=np.uint64)
        values = values.reshape(self.bands, self.rows)
        keys = np.arange(1, self.bands + 1, dtype=np.uint64) * _BAND_SALT
        with np.errstate(over="ignore"):
            for row in range(self.rows):
                keys = (keys ^ values[:, row]) * _FNV64
        return keys.view(np.int64).tolist()

    @abc.abstractmethod
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together (and serialise with other processes)."""

    @abc.abstractmethod
    def get_url(self, canonical_url: str) -> UrlRecord | None: ...

    @abc.abstractmethod
    def put_url(self, record: UrlRecord, seen_at: str) -> None:
        """Store the latest revision and append it to the revision history."""

    @abc.abstractmethod
    def mark_delivered(self, canonical_url: str, content_hash: str) -> None:
        """The item of this revision left the pipelines."""

    @abc.abstractmethod
    def revisions(self, canonical_url: str) -> list[tuple[int, str, str]]:
        """(revision, content_hash, seen_at), oldest first."""

    @abc.abstractmethod
    def story_of_hash(self, content_hash: str) -> str | None: ...

    @abc.abstractmethod
    def put_hash(self, content_hash: str, story_id: str) -> None: ...

    @abc.abstractmethod
    def story_first_url(self, story_id: str) -> str | None: ...

    @abc.abstractmethod
    def put_story(self, story_id: str, first_url: str) -> None: ...

    @abc.abstractmethod
    def candidates(self, minhash: MinHash, lead: int | None = None) -> tuple[list, list]:
        """Keys of indexed documents sharing at least one LSH band with ``minhash``, and
        keys of those indexed under the same ``lead`` key."""

    @abc.abstractmethod
    def signatures(self, keys: list[str]) -> dict[str, Signature]: ...

    @abc.abstractmethod
    def index(self, key: str, minhash: MinHash, signature: Signature, lead: int | None = None) -> None: ...

    @abc.abstractmethod
    def count_urls(self) -> int: ...

    def close(self) -> None:
        pass


SQL_TABLES = (
    """CREATE TABLE IF NOT EXISTS dedupe_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS dedupe_urls (
        canonical_url TEXT PRIMARY KEY, doc_key TEXT NOT NULL, url TEXT NOT NULL,
        story_id TEXT NOT NULL, duplicate_of TEXT, revision INTEGER NOT NULL,
        content_hash TEXT NOT NULL, published TEXT, kind TEXT NOT NULL,
        delivered BOOLEAN NOT NULL DEFAULT FALSE)""",
    """CREATE TABLE IF NOT EXISTS dedupe_revisions (
        canonical_url TEXT NOT NULL, revision INTEGER NOT NULL, content_hash TEXT NOT NULL,
        url TEXT NOT NULL, seen_at TEXT NOT NULL, PRIMARY KEY (canonical_url, revision))""",
    """CREATE TABLE IF NOT EXISTS dedupe_hashes (content_hash TEXT PRIMARY KEY, story_id TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS dedupe_stories (story_id TEXT PRIMARY KEY, first_url TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS dedupe_signatures (
        sig_id BIGINT PRIMARY KEY, sig_key TEXT NOT NULL, signature {blob} NOT NULL)""",
    # The primary key doubles as the lookup index; SQLite stores it clustered (WITHOUT ROWID).
    """CREATE TABLE IF NOT EXISTS dedupe_bands (
        band_key BIGINT NOT NULL, sig_id BIGINT NOT NULL, PRIMARY KEY (band_key, sig_id)){clustered}""",
)


def sig_id(key: str) -> int:
    """64-bit row id of a signature key (collisions: ~1 in 10^10 at a million documents)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big", signed=True)

_URL_COLUMNS = "canonical_url, doc_key, url, story_id, duplicate_of, revision, content_hash, published, kind, delivered"


class _SqlStore(DedupeStore):
    """Shared SQL for SQLite and PostgreSQL; subclasses set the placeholder and blob type."""

    mark = "?"

    def _q(self, sql: str) -> str:
        return sql.replace("?", self.mark)

    @abc.abstractmethod
    def _execute(self, sql: str, args: tuple = ()) -> list[tuple]: ...

    def _setup_meta(self) -> None:
        row = self._execute("SELECT value FROM dedupe_meta WHERE name = 'params'")
        wanted = self._check_meta(row[0][0] if row else None)
        if not row:
            self._execute("INSERT INTO dedupe_meta (name, value) VALUES ('params', ?)", (wanted,))

    def get_url(self, canonical_url):
        rows = self._execute(f"SELECT {_URL_COLUMNS} FROM dedupe_urls WHERE canonical_url = ?", (canonical_url,))
        if not rows:
            return None
        record = UrlRecord(*rows[0])
        record.delivered = bool(record.delivered)
        return record

    def put_url(self, record, seen_at):
        self._execute(
            f"INSERT INTO dedupe_urls ({_URL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (canonical_url) DO UPDATE SET url = excluded.url, "
            "revision = excluded.revision, content_hash = excluded.content_hash, "
            "published = excluded.published, kind = excluded.kind, delivered = excluded.delivered",
            (record.canonical_url, record.doc_key, record.url, record.story_id, record.duplicate_of,
             record.revision, record.content_hash, record.published, record.kind, record.delivered),
        )
        self._execute(
            "INSERT INTO dedupe_revisions (canonical_url, revision, content_hash, url, seen_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (record.canonical_url, record.revision, record.content_hash, record.url, seen_at),
        )

    def mark_delivered(self, canonical_url, content_hash):
        self._execute(
            "UPDATE dedupe_urls SET delivered = TRUE WHERE canonical_url = ? AND content_hash = ?",
            (canonical_url, content_hash),
        )

    def revisions(self, canonical_url):
        rows = self._execute(
            "SELECT revision, content_hash, seen_at FROM dedupe_revisions WHERE canonical_url = ? ORDER BY revision",
            (canonical_url,),
        )
        return [tuple(r) for r in rows]

    def story_of_hash(self, content_hash):
        rows = self._execute("SELECT story_id FROM dedupe_hashes WHERE content_hash = ?", (content_hash,))
        return rows[0][0] if rows else None

    def put_hash(self, content_hash, story_id):
        self._execute(
            "INSERT INTO dedupe_hashes (content_hash, story_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (content_hash, story_id),
        )

    def story_first_url(self, story_id):
        rows = self._execute("SELECT first_url FROM dedupe_stories WHERE story_id = ?", (story_id,))
        return rows[0][0] if rows else None

    def put_story(self, story_id, first_url):
        self._execute(
            "INSERT INTO dedupe_stories (story_id, first_url) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (story_id, first_url),
        )

    def candidates(self, minhash, lead=None):
        # The lead key lives in the band table too: one lookup serves both.
        keys = self.band_keys(minhash) + ([lead] if lead is not None else [])
        marks = ", ".join("?" * len(keys))
        rows = self._execute(f"SELECT band_key, sig_id FROM dedupe_bands WHERE band_key IN ({marks})", tuple(keys))
        return list({r[1] for r in rows}), [r[1] for r in rows if r[0] == lead]

    def signatures(self, keys):
        if not keys:
            return {}
        marks = ", ".join("?" * len(keys))
        rows = self._execute(f"SELECT sig_id, signature FROM dedupe_signatures WHERE sig_id IN ({marks})", tuple(keys))
        return {key: unpack_signature(bytes(blob)) for key, blob in rows}

    def index(self, key, minhash, signature, lead=None):
        row_id = sig_id(key)
        self._execute(
            "INSERT INTO dedupe_signatures (sig_id, sig_key, signature) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            (row_id, key, pack_signature(signature)),
        )
        self._executemany(
            "INSERT INTO dedupe_bands (band_key, sig_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(band_key, row_id) for band_key in self.band_keys(minhash) + ([lead] if lead is not None else [])],
        )

    def count_urls(self):
        return self._execute("SELECT count(*) FROM dedupe_urls")[0][0]


class SQLiteStore(_SqlStore):
    """Embedded default: one file, WAL, one transaction per item (kill -9 keeps what committed)."""

    FILENAME = "dedupe.sqlite3"

    def __init__(self, path: str | os.PathLike, params: Params):
        super().__init__(params)
        path = str(path)
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.conn = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL is durable across a killed process; only power loss can drop the last commits.
        self.conn.execute("PRAGMA synchronous=NORMAL")
        # Checkpoint the WAL less often: band rows land on scattered pages, rewritten many times.
        self.conn.execute("PRAGMA wal_autocheckpoint=10000")
        with self.transaction():
            for sql in SQL_TABLES:
                self.conn.execute(sql.format(blob="BLOB", clustered=" WITHOUT ROWID"))
            self._setup_meta()

    @classmethod
    def in_dir(cls, state_dir: str | os.PathLike, params: Params) -> "SQLiteStore":
        return cls(Path(state_dir) / cls.FILENAME, params)

    @contextmanager
    def transaction(self):
        self.conn.execute("BEGIN IMMEDIATE")  # take the write lock now: no upgrade deadlocks
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _execute(self, sql, args=()):
        return self.conn.execute(sql, args).fetchall()

    def _executemany(self, sql, rows):
        self.conn.executemany(sql, rows)

    def close(self):
        self.conn.close()


class PostgresStore(_SqlStore):
    """Shared state for several crawler processes; tables prefixed ``dedupe_``."""

    mark = "%s"
    LOCK_ID = 0x64656475  # "dedu": serialises dedupe decisions across processes

    def __init__(self, dsn: str, params: Params):
        import psycopg

        super().__init__(params)
        # A server that stops answering must not hang the crawl: bounded connect, and a dead
        # peer noticed within ~10 s even mid-query (tcp_user_timeout) or idle (keepalives).
        self.conn = psycopg.connect(dsn, autocommit=True, connect_timeout=5, tcp_user_timeout=10_000,
                                    keepalives=1, keepalives_idle=5, keepalives_interval=2, keepalives_count=2)
        with self.transaction():
            for sql in SQL_TABLES:
                self.conn.execute(sql.format(blob="BYTEA", clustered=""))
            self._setup_meta()

    @contextmanager
    def transaction(self):
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (self.LOCK_ID,))
            yield

    def _execute(self, sql, args=()):
        cur = self.conn.execute(self._q(sql), args)
        return cur.fetchall() if cur.description else []

    def _executemany(self, sql, rows):
        with self.conn.cursor() as cur:
            cur.executemany(self._q(sql), rows)

    def close(self):
        self.conn.close()


class RedisStore(DedupeStore):
    """Redis: datasketch's Redis storage holds the LSH index, plain hashes the rest.

    Writes are queued and sent as one MULTI/EXEC at the end of the transaction; the LSH
    insert goes first, so a crash between the two leaves an index entry without metadata,
    which queries skip, never metadata without its index entry.
    """

    def __init__(self, url: str, params: Params, prefix: str = "delegation:dedupe:"):
        import redis

        super().__init__(params)
        self.prefix = prefix
        self.client = redis.Redis.from_url(url)
        self.lsh = MinHashLSH(
            num_perm=params.num_perm,
            params=(params.lsh_bands, params.lsh_rows),
            storage_config={
                "type": "redis",
                "basename": (prefix + "lsh").encode("utf-8"),
                "redis": redis.connection.parse_url(url),
            },
        )
        self._pipe = None
        self._lsh_pending: list[tuple[str, MinHash]] = []
        meta = self.client.get(self._k("meta"))
        wanted = self._check_meta(meta.decode("utf-8") if meta else None)
        self.client.setnx(self._k("meta"), wanted)

    def _k(self, name: str) -> str:
        return self.prefix + name

    @contextmanager
    def transaction(self):
        # The lock expires well before a waiter gives up: a process killed inside a transaction
        # (one article's work, milliseconds) blocks the others for at most REDIS_LOCK_TTL seconds.
        with self.client.lock(self._k("lock"), timeout=REDIS_LOCK_TTL, blocking_timeout=REDIS_LOCK_WAIT):
            self._pipe = self.client.pipeline(transaction=True)
            self._lsh_pending = []
            try:
                yield
                for key, minhash in self._lsh_pending:
                    self.lsh.insert(key, minhash, check_duplication=False)
                self._pipe.execute()
            finally:
                self._pipe = None
                self._lsh_pending = []

    def _writer(self):
        if self._pipe is None:
            raise RuntimeError("write outside transaction()")
        return self._pipe

    def get_url(self, canonical_url):
        raw = self.client.hget(self._k("urls"), canonical_url)
        return UrlRecord(**json.loads(raw)) if raw else None

    def put_url(self, record, seen_at):
        pipe = self._writer()
        pipe.hset(self._k("urls"), record.canonical_url, json.dumps(asdict(record), ensure_ascii=False))
        pipe.rpush(self._k("rev:") + record.canonical_url, json.dumps([record.revision, record.content_hash, seen_at]))

    def mark_delivered(self, canonical_url, content_hash):
        record = self.get_url(canonical_url)
        if record is not None and record.content_hash == content_hash:
            record.delivered = True
            self._writer().hset(self._k("urls"), canonical_url, json.dumps(asdict(record), ensure_ascii=False))

    def revisions(self, canonical_url):
        return [tuple(json.loads(r)) for r in self.client.lrange(self._k("rev:") + canonical_url, 0, -1)]

    def story_of_hash(self, content_hash):
        raw = self.client.hget(self._k("hashes"), content_hash)
        return raw.decode("utf-8") if raw else None

    def put_hash(self, content_hash, story_id):
        self._writer().hsetnx(self._k("hashes"), content_hash, story_id)

    def story_first_url(self, story_id):
        raw = self.client.hget(self._k("stories"), story_id)
        return raw.decode("utf-8") if raw else None

    def put_story(self, story_id, first_url):
        self._writer().hsetnx(self._k("stories"), story_id, first_url)

    def candidates(self, minhash, lead=None):
        same_lead = [m.decode("utf-8") for m in self.client.smembers(self._k(f"lead:{lead}"))] if lead is not None else []
        return list({str(key) for key in self.lsh.query(minhash)} | set(same_lead)), same_lead

    def signatures(self, keys):
        if not keys:
            return {}
        blobs = self.client.hmget(self._k("signatures"), keys)
        return {key: unpack_signature(blob) for key, blob in zip(keys, blobs) if blob is not None}

    def index(self, key, minhash, signature, lead=None):
        self._lsh_pending.append((key, minhash))
        self._writer().hsetnx(self._k("signatures"), key, pack_signature(signature))
        if lead is not None:
            self._writer().sadd(self._k(f"lead:{lead}"), key)

    def count_urls(self):
        return self.client.hlen(self._k("urls"))

    def close(self):
        self.client.close()


def open_store(params: Params, *, state_dir: str | os.PathLike = "state", pg_dsn: str | None = None,
               redis_url: str | None = None, redis_prefix: str = "delegation:dedupe:") -> DedupeStore:
    """PostgreSQL if a DSN is given, else Redis if a URL is given, else SQLite in ``state_dir``."""
    if pg_dsn:
        return PostgresStore(pg_dsn, params)
    if redis_url:
        return RedisStore(redis_url, params, prefix=redis_prefix)
    return SQLiteStore.in_dir(state_dir, params)
