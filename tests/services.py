"""Access to the real PostgreSQL and Redis servers for tests.

On a developer machine without the servers, tests that need them are skipped with the
reason. Under CI (``CI`` set in the environment, as ``.ci/run`` does) the servers are
mandatory: an unreachable server fails the test instead of skipping it.
"""

from __future__ import annotations

import os
import uuid

import pytest

PG_ADMIN_DSN = os.environ.get("DELEGATION_TEST_PG_ADMIN_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("DELEGATION_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def _unavailable(what: str, exc: Exception) -> None:
    message = f"{what} is not reachable ({exc.__class__.__name__}: {exc})"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI requires it (.ci/run starts it)", pytrace=False)
    pytest.skip(f"{message}; start it to run this test")


def create_database() -> tuple[str, str]:
    """Create a fresh, uniquely named database; return (dsn, name)."""
    import psycopg

    name = f"dc_test_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(PG_ADMIN_DSN, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        _unavailable(f"PostgreSQL at {PG_ADMIN_DSN}", exc)
    base, _, _ = PG_ADMIN_DSN.rpartition("/")
    return f"{base}/{name}", name


def drop_database(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_DSN, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def redis_client():
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3)
    try:
        client.ping()
    except redis.RedisError as exc:
        _unavailable(f"Redis at {REDIS_URL}", exc)
    return client
