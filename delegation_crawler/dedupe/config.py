"""Which backend a crawl uses, read from any settings object with ``get`` (no Scrapy import)."""

from __future__ import annotations

import logging
import os
from datetime import date, datetime, timedelta

from delegation_crawler.dedupe.engine import SHANGHAI
from delegation_crawler.dedupe.params import Params
from delegation_crawler.dedupe.store import DedupeStore, open_store

DEFAULT_REDIS_PREFIX = "delegation:dedupe:"


logger = logging.getLogger(__name__)


def store_from_settings(settings, fallback: bool = True) -> DedupeStore:
    """PostgreSQL (``PG_DSN`` / env ``DELEGATION_PG_DSN``), else Redis (``REDIS_URL``), else
    SQLite in ``STATE_DIR`` (default ``state``).

    A configured server that cannot be reached does not stop the crawl (the warehouse sink
    dead-letters its items meanwhile): the run keeps its dedupe state in the SQLite file and
    says so in an ERROR; the warehouse's natural keys absorb what the server's state missed.
    ``fallback=False`` raises instead (a reconnect attempt).
    """
    import psycopg
    import redis

    state_dir = settings.get("STATE_DIR") or "state"
    pg_dsn = settings.get("PG_DSN") or os.environ.get("DELEGATION_PG_DSN")
    redis_url = settings.get("REDIS_URL")
    try:
        return open_store(
            Params(),
            state_dir=state_dir,
            pg_dsn=pg_dsn,
            redis_url=redis_url,
            redis_prefix=settings.get("DEDUPE_REDIS_PREFIX") or DEFAULT_REDIS_PREFIX,
        )
    except (psycopg.OperationalError, redis.exceptions.ConnectionError) as exc:
        if not (pg_dsn or redis_url) or not fallback:
            raise
        logger.error(
            "Dedupe state server unreachable (%s); this run keeps its dedupe state in %s/ instead",
            exc, state_dir,
        )
        return local_store(state_dir)


def local_store(state_dir: str) -> DedupeStore:
    """The SQLite state in ``state_dir``: the default, and the fallback when a server is away."""
    return open_store(Params(), state_dir=state_dir, pg_dsn=None, redis_url=None)


def published_day(value: str | None) -> date | None:
    """The day of an ISO date or datetime string; None when absent or unreadable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return parsed.astimezone(SHANGHAI).date() if parsed.tzinfo else parsed.date()


def should_recheck(published: str | None, recrawl_days: int, today: date | None = None) -> bool:
    """Refetch a stored article published fewer than ``recrawl_days`` days ago (edits happen early).

    Without a readable date the article is not refetched: skipping stays the cheap default.
    """
    if recrawl_days <= 0:
        return False
    day = published_day(published)
    if day is None:
        return False
    today = today or datetime.now(SHANGHAI).date()
    return today - day < timedelta(days=recrawl_days)
