from __future__ import annotations

import pytest

from delegation_crawler.db.migrate import migrate


@pytest.fixture
def warehouse_dsn(fresh_pg_dsn):
    """A fresh, migrated database."""
    migrate(fresh_pg_dsn)
    return fresh_pg_dsn
