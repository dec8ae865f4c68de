"""Batched, idempotent writes into the warehouse (psycopg 3, synchronous).

One ``write`` = one transaction: articles are COPYed into a session temp table and merged with
one set-based ``INSERT … SELECT … ON CONFLICT`` on the natural key; visit child rows are
COPYed; pages, places and stories go through pipelined ``executemany`` upserts (few rows). A
batch written twice (re-crawl, crash replay, dead-letter replay) leaves the tables exactly as
written once. Measured alternatives (bench/pg_write.py): ``executemany`` for articles spent
about twice the client CPU per row; ``unnest`` of array parameters spent most of its time
escaping arrays in Python; a temp table per child table paid a per-commit truncation each.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Iterable

import psycopg
from psycopg.types.json import Jsonb

from delegation_crawler.db.migrate import assert_migrated
from delegation_crawler.db.rows import (
    ARTICLE_COLUMNS, PAGE_COLUMNS, VISIT_COLUMNS, CrawlRun, PreparedArticle, PreparedPage,
)

# Errors that mean "the server or the connection is the problem": retry, then dead-letter.
CONNECTION_ERRORS = (psycopg.OperationalError, psycopg.InterfaceError)


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _jsonb(value):
    return None if value is None else Jsonb(value, dumps=_dumps)


@dataclass
class Batch:
    articles: list[PreparedArticle] = field(default_factory=list)
    pages: list[PreparedPage] = field(default_factory=list)
    runs: list[CrawlRun] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.articles) + len(self.pages) + len(self.runs)

    def entries(self) -> list:
        return [*self.pages, *self.articles, *self.runs]

    @classmethod
    def of(cls, entries: Iterable) -> "Batch":
        batch = cls()
        for entry in entries:
            if isinstance(entry, PreparedArticle):
                batch.articles.append(entry)
            elif isinstance(entry, PreparedPage):
                batch.pages.append(entry)
            elif isinstance(entry, CrawlRun):
                batch.runs.append(entry)
            else:
                raise TypeError(f"not a warehouse entry: {entry!r}")
        return batch


_ARTICLE_UPDATABLE = [c for c in ARTICLE_COLUMNS if c not in ("url", "content_key", "fetched_at")]

# Articles are COPYed into a session temp table and merged set-wise: per row, COPY costs a
# fraction of the client time executemany does. Returns the rows inserted or changed; an
# identical re-write returns nothing and touches nothing.
_STAGING = """
CREATE TEMP TABLE IF NOT EXISTS s_articles (LIKE articles) ON COMMIT DELETE ROWS;
ALTER TABLE s_articles DROP COLUMN IF EXISTS id, DROP COLUMN IF EXISTS updated_at;
"""
_MERGE_ARTICLES = f"""
INSERT INTO articles ({", ".join(ARTICLE_COLUMNS)}) SELECT {", ".join(ARTICLE_COLUMNS)} FROM s_articles
ON CONFLICT (url, content_key) DO UPDATE SET
    fetched_at = least(articles.fetched_at, excluded.fetched_at),
    {", ".join(f"{c} = excluded.{c}" for c in _ARTICLE_UPDATABLE)},
    updated_at = now()
WHERE (articles.fetched_at > excluded.fetched_at)
   OR ({", ".join(f"articles.{c}" for c in _ARTICLE_UPDATABLE)})
      IS DISTINCT FROM ({", ".join(f"excluded.{c}" for c in _ARTICLE_UPDATABLE)})
RETURNING id, url, content_key"""

# A page re-extracted into different content replaces what that same page produced before.
_DELETE_SUPERSEDED = """
DELETE FROM articles a USING s_articles s
WHERE s.page_sha256 IS NOT NULL AND a.page_sha256 = s.page_sha256 AND a.url = s.url
  AND a.content_key <> s.content_key"""

_CHILD_COPIES = (  # (table, columns after article_id, PreparedArticle attribute)
    ("visit_leaders", ["position", "name", "title", "side"], "leaders"),
    ("visit_agreements", ["position", "name", "detail"], "agreements"),
    ("visit_sites", ["position", "name", "detail"], "sites"),
)

_INSERT_PAGE = f"""
INSERT INTO pages ({", ".join(PAGE_COLUMNS)}) VALUES ({", ".join(["%s"] * len(PAGE_COLUMNS))})
ON CONFLICT (url, sha256) DO NOTHING"""

# Deterministic whatever the order items arrive in: least() of what was seen, and never
# overwriting a row loaded from the gazetteer.
_MERGE_PLACE = """
INSERT INTO places (code, name, level, parent, source) VALUES (%s, %s, %s, %s, 'event')
ON CONFLICT (code) DO UPDATE SET
    name = least(places.name, excluded.name),
    level = least(places.level, excluded.level),
    parent = least(places.parent, excluded.parent)
WHERE places.source = 'event'
  AND (places.name, places.level, places.parent) IS DISTINCT FROM
      (least(places.name, excluded.name), least(places.level, excluded.level), least(places.parent, excluded.parent))"""

# A story keeps the smallest representative_key seen, and least/greatest of the dates, so
# the row is the same whatever order (and however often) its articles are written.
_MERGE_STORY = """
INSERT INTO stories (story_id, title, url, first_published, last_published, first_fetched_at, representative_key)
VALUES (%s, %s, %s, %s, %s, %s, %s)
ON CONFLICT (story_id) DO UPDATE SET
    title = CASE WHEN excluded.representative_key <= stories.representative_key THEN excluded.title ELSE stories.title END,
    url = CASE WHEN excluded.representative_key <= stories.representative_key THEN excluded.url ELSE stories.url END,
    representative_key = least(stories.representative_key, excluded.representative_key),
    first_published = least(stories.first_published, excluded.first_published),
    last_published = greatest(stories.last_published, excluded.last_published),
    first_fetched_at = least(stories.first_fetched_at, excluded.first_fetched_at)
WHERE excluded.representative_key < stories.representative_key
   OR (excluded.representative_key = stories.representative_key
       AND (excluded.title, excluded.url) IS DISTINCT FROM (stories.title, stories.url))
   OR (least(stories.first_published, excluded.first_published),
       greatest(stories.last_published, excluded.last_published),
       least(stories.first_fetched_at, excluded.first_fetched_at))
      IS DISTINCT FROM (stories.first_published, stories.last_published, stories.first_fetched_at)"""


def _merge_stories(rows: list[tuple]) -> list[tuple]:
    """Combine a batch's story rows per story_id the same way the SQL merge does."""
    merged: dict[str, list] = {}
    for story_id, title, url, first, last, fetched, key in rows:
        seen = merged.get(story_id)
        if seen is None:
            merged[story_id] = [story_id, title, url, first, last, fetched, key]
            continue
        if key < seen[6]:
            seen[1], seen[2], seen[6] = title, url, key
        seen[3] = min((d for d in (seen[3], first) if d is not None), default=None)
        seen[4] = max((d for d in (seen[4], last) if d is not None), default=None)
        seen[5] = min(seen[5], fetched)
    return [tuple(row) for row in merged.values()]


_MERGE_RUN = """
INSERT INTO crawl_runs (run_id, spider, started_at, finished_at, finish_reason, deadlettered, stats)
VALUES (%s, %s, %s, %s, %s, %s, %s)
ON CONFLICT (run_id) DO UPDATE SET
    started_at = least(crawl_runs.started_at, excluded.started_at),
    finished_at = coalesce(excluded.finished_at, crawl_runs.finished_at),
    finish_reason = coalesce(excluded.finish_reason, crawl_runs.finish_reason),
    deadlettered = greatest(crawl_runs.deadlettered, excluded.deadlettered),
    stats = coalesce(excluded.stats, crawl_runs.stats)"""


class Warehouse:
    """One connection to the warehouse; not thread-safe (use it from one thread)."""

    def __init__(self, dsn: str, connect_timeout: int = 5):
        self.dsn = dsn
        self.connect_timeout = connect_timeout
        self._conn: psycopg.Connection | None = None

    def connect(self) -> psycopg.Connection:
        """Open (once) and check the schema; raises SchemaNotMigrated or a connection error."""
        if self._conn is None or self._conn.closed:
            conn = psycopg.connect(self.dsn, connect_timeout=self.connect_timeout)
            try:
                assert_migrated(conn, self.dsn)
                conn.execute(_STAGING)
                conn.commit()
            except BaseException:
                conn.close()
                raise
            self._conn = conn
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def write(self, batch: Batch) -> None:
        """Write a batch in one transaction (all or nothing)."""
        conn = self.connect()
        try:
            with conn.transaction(), conn.cursor() as cur:
                if batch.pages:
                    pages = {p.key: p.row[:6] + (_jsonb(p.headers),) + p.row[7:] for p in batch.pages}
                    cur.executemany(_INSERT_PAGE, list(pages.values()))
                if batch.articles:
                    self._write_articles(cur, batch.articles)
                for run in batch.runs:
                    cur.execute(_MERGE_RUN, (*run.row[:-1], _jsonb(run.stats)))
        except CONNECTION_ERRORS:
            self.close()
            raise
        finally:
            if self._conn is not None and self._conn.broken:
                self.close()

    def _write_articles(self, cur: psycopg.Cursor, articles: list[PreparedArticle]) -> None:
        fetched_index = ARTICLE_COLUMNS.index("fetched_at")
        latest: dict[tuple[str, str], PreparedArticle] = {}
        earliest: dict[tuple[str, str], object] = {}
        for article in articles:  # a key twice in one batch: last write wins, earliest fetch kept
            latest[article.key] = article
            seen = earliest.get(article.key)
            if seen is None or article.row[fetched_index] < seen:
                earliest[article.key] = article.row[fetched_index]
        rows = []
        for key, article in latest.items():
            row = list(article.row)
            row[fetched_index] = earliest[key]
            rows.append(row)

        self._copy(cur, "s_articles", ARTICLE_COLUMNS, rows)
        if any(a.page_sha256 for a in latest.values()):
            cur.execute(_DELETE_SUPERSEDED)
        cur.execute(_MERGE_ARTICLES)
        changed = {(url, key): article_id for article_id, url, key in cur.fetchall()}

        # Visit rows derive from the article row alone: rewrite them only where it changed.
        if changed:
            cur.execute("DELETE FROM visits WHERE article_id = ANY(%s)", (list(changed.values()),))
        visits = [(changed[a.key], a) for a in latest.values() if a.visit and a.key in changed]
        if visits:
            self._copy(cur, "visits", ["article_id", *VISIT_COLUMNS],
                       ((i, *a.visit[2:]) for i, a in visits))
        for table, columns, attr in _CHILD_COPIES:
            children = [(i, *r[2:]) for i, a in visits for r in getattr(a, attr)]
            if children:
                self._copy(cur, table, ["article_id", *columns], children)
        places = sorted({row for _, a in visits for row in a.places}, key=repr)
        if places:
            cur.executemany(_MERGE_PLACE, places)
        stories = [a.story for a in latest.values() if a.story]
        if stories:
            cur.executemany(_MERGE_STORY, _merge_stories(stories))

    @staticmethod
    def _copy(cur: psycopg.Cursor, table: str, columns: list[str], rows) -> None:
        with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
