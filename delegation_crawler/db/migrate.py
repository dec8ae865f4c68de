"""Versioned SQL migrations: ``migrations/NNNN_name.sql`` applied in order, each once.

Applied versions are recorded in ``schema_migrations`` with the file's checksum, so running
``migrate`` again is a no-op and an edited, already-applied file is reported instead of being
silently ignored. A transaction-scoped advisory lock keeps two migrators from racing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import psycopg

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_LOCK_KEY = 0x6465_6C65_6761  # arbitrary, constant: "delega"
_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


class SchemaNotMigrated(RuntimeError):
    """The database lacks migrations this code needs."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def available_migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    found = []
    for path in sorted(directory.glob("*.sql")):
        match = _FILE_NAME.match(path.name)
        if not match:
            raise ValueError(f"migration file name must be NNNN_name.sql: {path.name}")
        found.append(Migration(int(match.group(1)), match.group(2), path.read_text("utf-8")))
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise ValueError(f"duplicate migration versions in {directory}")
    return found


_CREATE_TRACKING = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    integer PRIMARY KEY,
    name       text        NOT NULL,
    checksum   text        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
)"""


def applied_versions(conn: psycopg.Connection) -> dict[int, str]:
    """version -> checksum of what the database has applied ({} when never migrated)."""
    exists = conn.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()[0]
    if not exists:
        return {}
    return dict(conn.execute("SELECT version, checksum FROM schema_migrations").fetchall())


def migrate(dsn: str, directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """Apply pending migrations, each in its own transaction; return the ones applied."""
    applied_now = []
    with psycopg.connect(dsn, connect_timeout=10) as conn:
        for migration in available_migrations(directory):
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
                conn.execute(_CREATE_TRACKING)
                done = applied_versions(conn)
                if migration.version in done:
                    if done[migration.version] != migration.checksum:
                        raise SchemaNotMigrated(
                            f"migration {migration.version:04d}_{migration.name} was edited after "
                            "it was applied; add a new migration instead"
                        )
                    continue
                conn.execute(migration.sql)
                conn.execute(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES (%s, %s, %s)",
                    (migration.version, migration.name, migration.checksum),
                )
                applied_now.append(migration)
    return applied_now


def pending_migrations(conn: psycopg.Connection, directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    done = applied_versions(conn)
    return [m for m in available_migrations(directory) if m.version not in done]


def redact_dsn(dsn: str) -> str:
    """The DSN with any password replaced, for messages and logs."""
    dsn = re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", dsn)
    return re.sub(r"(password\s*=\s*)\S+", r"\1***", dsn)


def assert_migrated(conn: psycopg.Connection, dsn: str) -> None:
    """Raise SchemaNotMigrated, naming the command to run, unless every migration is applied."""
    missing = pending_migrations(conn)
    if missing:
        names = ", ".join(f"{m.version:04d}_{m.name}" for m in missing)
        raise SchemaNotMigrated(
            f"PostgreSQL database {redact_dsn(dsn)} is missing migrations ({names}); "
            f"run: python -m delegation_crawler.db migrate --dsn '{redact_dsn(dsn)}'"
        )
