"""Whole-warehouse snapshots for comparing two databases (or one database twice)."""

from __future__ import annotations

import psycopg

# Row identity by natural key, so two databases filled in different orders compare equal.
_QUERIES = {
    "articles": "SELECT url, content_key, to_jsonb(a) - 'id' - 'updated_at' FROM articles a",
    "pages": "SELECT url, sha256, request_url, portal, status, encoding, body_size, md5(body_gz) FROM pages",
    "stories": "SELECT * FROM stories",
    "places": "SELECT * FROM places",
    "visits": "SELECT a.url, a.content_key, to_jsonb(v) - 'article_id' FROM visits v JOIN articles a ON a.id = v.article_id",
    "visit_leaders": "SELECT a.url, a.content_key, to_jsonb(x) - 'article_id' FROM visit_leaders x JOIN articles a ON a.id = x.article_id",
    "visit_agreements": "SELECT a.url, a.content_key, to_jsonb(x) - 'article_id' FROM visit_agreements x JOIN articles a ON a.id = x.article_id",
    "visit_sites": "SELECT a.url, a.content_key, to_jsonb(x) - 'article_id' FROM visit_sites x JOIN articles a ON a.id = x.article_id",
    "visits_per_month_province": "SELECT * FROM visits_per_month_province",
    "visit_edges": "SELECT * FROM visit_edges",
    "story_portals": "SELECT * FROM story_portals",
}


def snapshot(dsn: str, *, with_pages_time: bool = False, without_fetch_times: bool = False) -> dict[str, list]:
    """``without_fetch_times`` for databases filled by different crawls (spiders stamp fetched_at)."""
    out = {}
    with psycopg.connect(dsn) as conn:
        for table, query in _QUERIES.items():
            if without_fetch_times and table == "articles":
                query = query.replace("- 'updated_at'", "- 'updated_at' - 'fetched_at'")
            if without_fetch_times and table == "stories":
                query = "SELECT story_id, title, url, first_published, last_published, representative_key FROM stories"
            out[table] = sorted(conn.execute(query).fetchall(), key=repr)
        if with_pages_time:
            out["pages_time"] = sorted(conn.execute("SELECT url, fetched_at FROM pages").fetchall())
    return out


def row_identity(dsn: str) -> list:
    """(table, id, updated_at) for tables whose rows keep their identity across upserts."""
    with psycopg.connect(dsn) as conn:
        return sorted(conn.execute(
            "SELECT 'a', id, updated_at, xmin::text FROM articles UNION ALL "
            "SELECT 'p', id, fetched_at, xmin::text FROM pages UNION ALL "
            "SELECT 's', 0, first_fetched_at, xmin::text FROM stories").fetchall(), key=repr)
