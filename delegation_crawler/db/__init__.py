"""PostgreSQL warehouse: schema migrations, validated rows, batched idempotent writes.

Library code with no Scrapy imports; ``pipelines/postgres.py`` and
``delegation_crawler/extensions/pagestore.py`` adapt it to a crawl. See docs/warehouse.md.
"""

from __future__ import annotations

import os

from delegation_crawler.db.migrate import SchemaNotMigrated, assert_migrated, migrate, redact_dsn

DSN_ENV = "DELEGATION_PG_DSN"


def dsn_from(setting: str | None) -> str | None:
    """The DSN from a setting value, else from ``DELEGATION_PG_DSN``, else None."""
    return setting or os.environ.get(DSN_ENV) or None


__all__ = ["DSN_ENV", "SchemaNotMigrated", "assert_migrated", "dsn_from", "migrate", "redact_dsn"]
