"""Read articles back as Article dicts (the JSON Lines shape), e.g. to compare with a feed."""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg.rows import dict_row

from delegation_crawler.db.rows import ARTICLE_FIELDS, SHANGHAI


def _iso(value) -> str | None:
    return None if value is None else value.astimezone(SHANGHAI).isoformat()


def article_dicts(conn: psycopg.Connection, where: str = "TRUE", params: tuple = ()) -> list[dict[str, Any]]:
    """Every stored article revision as the dict the pipeline received (timestamps in +08:00).

    ``where`` is a trusted SQL fragment written by the caller; values go in ``params``.
    """
    with conn.cursor(row_factory=dict_row) as cur:
        rows = cur.execute(f"SELECT * FROM articles WHERE {where} ORDER BY url, content_key", params).fetchall()
    out = []
    for row in rows:
        record = {name: row[name] for name in ARTICLE_FIELDS}
        record["fetched_at"] = _iso(row["fetched_at"])
        record["published"] = _iso(row["published"])
        record.update(row["extra"])
        out.append(record)
    return out
