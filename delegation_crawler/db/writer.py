"""Batched, idempotent writes into the warehouse (psycopg 3, synchronous).

One ``write`` = one transaction: rows are COPYed into session-temporary staging tables, then
merged with set-based ``INSERT … ON CONFLICT`` on the natural keys, so a batch written twice
(re-crawl, crash replay, dead-letter replay) leaves the tables exactly as written once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Iterable

import psycopg
from psycopg.types.json import Jsonb

from delegation_crawler.db.migrate import assert_migrated
from delegation_crawler.db.rows import (
    ARTICLE_COLUMNS, JSON_COLUMNS, PAGE_COLUMNS, VISIT_COLUMNS, CrawlRun, PreparedArticle, PreparedPage,
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
_STAGING = f"""
CREATE TEMP TABLE IF NOT EXISTS s_pages (LIKE pages) ON COMMIT DELETE ROWS;
ALTER TABLE s_pages DROP COLUMN IF EXISTS id;
CREATE TEMP TABLE IF NOT EXISTS s_articles (LIKE articles) ON COMMIT DELETE ROWS;
ALTER TABLE s_articles DROP COLUMN IF EXISTS id, DROP COLUMN IF EXISTS updated_at;
CREATE TEMP TABLE IF NOT EXISTS s_visits (url text, content_key text, {", ".join(
    f"{c} {t}" for c, t in zip(VISIT_COLUMNS, ["text"] * 9 + ["date", "date", "jsonb", "double precision"]))})
    ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS s_leaders (url text, content_key text, position integer, name text, title text, side text)
    ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS s_agreements (url text, content_key text, position integer, name text, detail jsonb)
    ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS s_sites (LIKE s_agreements) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS s_places (code text, name text, level text, parent text) ON COMMIT DELETE ROWS;
"""

_MERGE_PAGES = f"""
INSERT INTO pages ({", ".join(PAGE_COLUMNS)}) SELECT {", ".join(PAGE_COLUMNS)} FROM s_pages
ON CONFLICT (url, sha256) DO NOTHING"""

# A page re-extracted into different content replaces what that same page produced before.
_DELETE_SUPERSEDED = """
DELETE FROM articles a USING s_articles s
WHERE s.page_sha256 IS NOT NULL AND a.page_sha256 = s.page_sha256 AND a.url = s.url
  AND a.content_key <> s.content_key"""

_MERGE_ARTICLES = f"""
INSERT INTO articles ({", ".join(ARTICLE_COLUMNS)}) SELECT {", ".join(ARTICLE_COLUMNS)} FROM s_articles
ON CONFLICT (url, content_key) DO UPDATE SET
    fetched_at = least(articles.fetched_at, excluded.fetched_at),
    {", ".join(f"{c} = excluded.{c}" for c in _ARTICLE_UPDATABLE)},
    updated_at = now()
WHERE (articles.fetched_at > excluded.fetched_at)
   OR ({", ".join(f"articles.{c}" for c in _ARTICLE_UPDATABLE)})
      IS DISTINCT FROM ({", ".join(f"excluded.{c}" for c in _ARTICLE_UPDATABLE)})"""

_REPLACE_VISITS = [
    """DELETE FROM visits v USING articles a, s_articles s
       WHERE v.article_id = a.id AND a.url = s.url AND a.content_key = s.content_key""",
    f"""INSERT INTO visits (article_id, {", ".join(VISIT_COLUMNS)})
        SELECT a.id, {", ".join(f"s.{c}" for c in VISIT_COLUMNS)}
        FROM s_visits s JOIN articles a USING (url, content_key)""",
    """INSERT INTO visit_leaders (article_id, position, name, title, side)
       SELECT a.id, s.position, s.name, s.title, s.side FROM s_leaders s JOIN articles a USING (url, content_key)""",
    """INSERT INTO visit_agreements (article_id, position, name, detail)
       SELECT a.id, s.position, s.name, s.detail FROM s_agreements s JOIN articles a USING (url, content_key)""",
    """INSERT INTO visit_sites (article_id, position, name, detail)
       SELECT a.id, s.position, s.name, s.detail FROM s_sites s JOIN articles a USING (url, content_key)""",
]

# Deterministic whatever the order items arrive in: least() of what was seen, and never
# overwriting a row loaded from the gazetteer.
_MERGE_PLACES = """
INSERT INTO places (code, name, level, parent, source)
SELECT code, min(name), min(level), min(parent), 'event' FROM s_places GROUP BY code
ON CONFLICT (code) DO UPDATE SET
    name = least(places.name, excluded.name),
    level = least(places.level, excluded.level),
    parent = least(places.parent, excluded.parent)
WHERE places.source = 'event'
  AND (places.name, places.level, places.parent) IS DISTINCT FROM
      (least(places.name, excluded.name), least(places.level, excluded.level), least(places.parent, excluded.parent))"""

# Stories are recomputed from their articles, so they do not depend on arrival order.
_MERGE_STORIES = """
INSERT INTO stories (story_id, title, url, first_published, last_published, first_fetched_at)
SELECT DISTINCT ON (a.story_id) a.story_id, a.title, a.url, g.first_published, g.last_published, g.first_fetched_at
FROM articles a
JOIN (SELECT story_id, min(published) AS first_published, max(published) AS last_published,
             min(fetched_at) AS first_fetched_at
      FROM articles WHERE story_id IN (SELECT story_id FROM s_articles WHERE story_id IS NOT NULL)
      GROUP BY story_id) g USING (story_id)
ORDER BY a.story_id, (a.duplicate_of IS NULL) DESC, a.published NULLS LAST, a.url, a.revision DESC NULLS LAST
ON CONFLICT (story_id) DO UPDATE SET
    title = excluded.title, url = excluded.url, first_published = excluded.first_published,
    last_published = excluded.last_published, first_fetched_at = excluded.first_fetched_at
WHERE (stories.title, stories.url, stories.first_published, stories.last_published, stories.first_fetched_at)
      IS DISTINCT FROM (excluded.title, excluded.url, excluded.first_published, excluded.last_published,
                        excluded.first_fetched_at)"""

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
                    pages = {p.key: p for p in batch.pages}
                    self._copy(cur, "s_pages", PAGE_COLUMNS, (
                        (*p.row[:6], _jsonb(p.headers), *p.row[7:]) for p in pages.values()))
                    cur.execute(_MERGE_PAGES)
                if batch.articles:
                    self._write_articles(cur, batch.articles)
                for run in batch.runs:
                    row = list(run.row)
                    row[-1] = _jsonb(row[-1])
                    cur.execute(_MERGE_RUN, row)
        except CONNECTION_ERRORS:
            self.close()
            raise
        finally:
            if self._conn is not None and self._conn.broken:
                self.close()

    def _write_articles(self, cur: psycopg.Cursor, articles: list[PreparedArticle]) -> None:
        latest: dict[tuple[str, str], PreparedArticle] = {}
        for article in articles:  # a key twice in one batch: last write wins, as across batches
            latest[article.key] = article
        json_positions = [i for i, c in enumerate(ARTICLE_COLUMNS) if c in JSON_COLUMNS]
        fetched_index = ARTICLE_COLUMNS.index("fetched_at")
        earliest: dict[tuple[str, str], object] = {}
        for article in articles:
            seen = earliest.get(article.key)
            if seen is None or article.row[fetched_index] < seen:
                earliest[article.key] = article.row[fetched_index]

        def article_rows():
            for key, article in latest.items():
                row = list(article.row)
                row[fetched_index] = earliest[key]
                for i in json_positions:
                    row[i] = _jsonb(row[i])
                yield row

        self._copy(cur, "s_articles", ARTICLE_COLUMNS, article_rows())
        visits = [a for a in latest.values() if a.visit]
        self._copy(cur, "s_visits", ["url", "content_key", *VISIT_COLUMNS],
                   ((*a.visit[:-2], _jsonb(a.visit[-2]), a.visit[-1]) for a in visits))
        self._copy(cur, "s_leaders", ["url", "content_key", "position", "name", "title", "side"],
                   (row for a in visits for row in a.leaders))
        for table, attr in (("s_agreements", "agreements"), ("s_sites", "sites")):
            self._copy(cur, table, ["url", "content_key", "position", "name", "detail"],
                       ((*r[:4], _jsonb(r[4])) for a in visits for r in getattr(a, attr)))
        self._copy(cur, "s_places", ["code", "name", "level", "parent"],
                   (row for a in visits for row in a.places))
        cur.execute(_DELETE_SUPERSEDED)
        cur.execute(_MERGE_ARTICLES)
        for statement in _REPLACE_VISITS:
            cur.execute(statement)
        cur.execute(_MERGE_PLACES)
        cur.execute(_MERGE_STORIES)

    @staticmethod
    def _copy(cur: psycopg.Cursor, table: str, columns: list[str], rows) -> None:
        with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
