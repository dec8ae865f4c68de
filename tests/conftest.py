from __future__ import annotations

import uuid

import pytest

from tests import services


@pytest.fixture(scope="session")
def pg_dsn():
    """DSN of a fresh PostgreSQL database for this test session (dropped afterwards)."""
    dsn, name = services.create_database()
    yield dsn
    services.drop_database(name)


@pytest.fixture
def fresh_pg_dsn():
    """DSN of a fresh PostgreSQL database for one test."""
    dsn, name = services.create_database()
    yield dsn
    services.drop_database(name)


@pytest.fixture
def redis_url():
    """URL of the real Redis server plus a unique key prefix; keys with it are deleted after."""
    client = services.redis_client()
    prefix = f"dc_test:{uuid.uuid4().hex[:12]}:"
    yield services.REDIS_URL, prefix
    keys = list(client.scan_iter(match=prefix + "*"))
    if keys:
        client.delete(*keys)
