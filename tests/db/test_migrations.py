from __future__ import annotations

import shutil
import subprocess
import sys

import psycopg
import pytest

from delegation_crawler.db.migrate import (
    SchemaNotMigrated, assert_migrated, available_migrations, migrate, redact_dsn,
)
from delegation_crawler.db.writer import Warehouse

TABLES = {"articles", "stories", "visits", "visit_leaders", "visit_agreements", "visit_sites", "places",
          "crawl_runs", "pages", "schema_migrations"}
VIEWS = {"visit_events", "visit_reports", "visits_per_month_province", "visit_edges", "story_portals"}


def _relations(dsn: str) -> tuple[set[str], set[str]]:
    with psycopg.connect(dsn) as conn:
        tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        views = {r[0] for r in conn.execute("SELECT viewname FROM pg_views WHERE schemaname = 'public'")}
    return tables, views


def test_migrate_creates_schema_and_is_idempotent(fresh_pg_dsn):
    first = migrate(fresh_pg_dsn)
    assert [m.version for m in first] == [m.version for m in available_migrations()]
    assert _relations(fresh_pg_dsn) == (TABLES, VIEWS)
    assert migrate(fresh_pg_dsn) == []
    with psycopg.connect(fresh_pg_dsn) as conn:
        assert conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(first)
        assert_migrated(conn, fresh_pg_dsn)


def test_edited_applied_migration_is_reported(fresh_pg_dsn, tmp_path):
    directory = tmp_path / "migrations"
    shutil.copytree(available_migrations.__defaults__[0], directory)
    migrate(fresh_pg_dsn, directory)
    first = sorted(directory.glob("*.sql"))[0]
    first.write_text(first.read_text() + "\n-- edited\n")
    with pytest.raises(SchemaNotMigrated, match="edited after it was applied"):
        migrate(fresh_pg_dsn, directory)


def test_unmigrated_database_is_refused_with_the_command_to_run(fresh_pg_dsn):
    with pytest.raises(SchemaNotMigrated) as caught:
        Warehouse(fresh_pg_dsn).connect()
    assert f"python -m delegation_crawler.db migrate --dsn '{fresh_pg_dsn}'" in str(caught.value)


def test_cli_migrate_and_status(fresh_pg_dsn):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "delegation_crawler.db", *args, "--dsn", fresh_pg_dsn],
                              capture_output=True, text=True, timeout=60)

    assert run("status").returncode == 1
    done = run("migrate")
    assert done.returncode == 0, done.stderr
    assert "applied 0001_warehouse" in done.stdout
    again = run("migrate")
    assert again.returncode == 0 and "applied 0001" not in again.stdout
    assert run("status").returncode == 0


def test_redact_dsn_hides_passwords():
    assert redact_dsn("postgresql://u:s3cret@h:5432/db") == "postgresql://u:***@h:5432/db"
    assert "s3cret" not in redact_dsn("host=h password=s3cret dbname=x")


def test_migrate_cli_loads_the_gazetteer_and_events_do_not_override_it(fresh_pg_dsn):
    from delegation_crawler.db.places import gazetteer_rows

    try:
        rows = gazetteer_rows()
    except ImportError as exc:
        pytest.skip(f"place gazetteer data unavailable: {exc}")
    done = subprocess.run([sys.executable, "-m", "delegation_crawler.db", "migrate", "--dsn", fresh_pg_dsn],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"places: {len(rows)} division(s)" in done.stdout

    from delegation_crawler.db.rows import prepare_article
    from delegation_crawler.db.writer import Batch
    from tests.db.factory import article

    record = article(1, event={"is_delegation_visit": True, "visitor": {"code": "510300", "name": "自贡"},
                               "host": {"code": "999901", "name": "测试县", "level": "county"}})
    warehouse = Warehouse(fresh_pg_dsn)
    warehouse.write(Batch([prepare_article(record)]))
    warehouse.close()
    with psycopg.connect(fresh_pg_dsn) as conn:
        places = {r[0]: r[1:] for r in conn.execute("SELECT code, name, level, parent, source FROM places")}
    expected = {code: (name, level, parent, "gazetteer") for code, name, level, parent in rows}
    assert places["510300"] == expected["510300"] == ("自贡市", "prefecture", "510000", "gazetteer")
    assert places["500153"][2] == "500000"
    assert places["999901"] == ("测试县", "county", "999900", "event")
    assert len(places) == len(rows) + 1
