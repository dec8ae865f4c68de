"""Dedupe across portals and runs: canonical URLs, exact and near-duplicate bodies, revisions.

Plain library (no Scrapy): ``Deduper(open_store(Params(), ...)).observe(url, body, ...)``.
"""

from delegation_crawler.dedupe.canonical import canonical_body, canonical_url, content_hash
from delegation_crawler.dedupe.engine import EXACT, NEAR, NEW, REVISION, UNCHANGED, Deduper, Verdict
from delegation_crawler.dedupe.params import Params
from delegation_crawler.dedupe.store import (
    DedupeStore,
    PostgresStore,
    RedisStore,
    SQLiteStore,
    StateMismatch,
    open_store,
)

__all__ = [
    "EXACT", "NEAR", "NEW", "REVISION", "UNCHANGED", "Deduper", "Verdict", "Params",
    "DedupeStore", "PostgresStore", "RedisStore", "SQLiteStore", "StateMismatch", "open_store",
    "canonical_body", "canonical_url", "content_hash",
]
