"""Fill ``places`` from the project's place gazetteer (delegation_crawler.places).

Rows loaded here are marked ``source = 'gazetteer'``; places first seen in visit events are
``'event'`` rows and never overwrite gazetteer rows. Names are the gazetteer's canonical names
(重庆市荣昌区), the same the event extractor puts in visitor/host dicts.
"""

from __future__ import annotations

import psycopg

_UPSERT = """
INSERT INTO places (code, name, level, parent, source) VALUES (%s, %s, %s, %s, 'gazetteer')
ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent = excluded.parent,
    source = 'gazetteer'
WHERE (places.name, places.level, places.parent, places.source)
      IS DISTINCT FROM (excluded.name, excluded.level, excluded.parent, 'gazetteer')"""


def gazetteer_rows() -> list[tuple[str, str, str, str | None]]:
    """(code, name, level, parent) of every division; ImportError when the data is missing."""
    from delegation_crawler.places import gazetteer

    return sorted((p.code, p.canonical_name, p.level, p.parent) for p in gazetteer().by_code.values())


def load_places(dsn: str, rows: list[tuple] | None = None) -> int:
    """Upsert the gazetteer into ``places`` (idempotent); return the number of rows given."""
    rows = gazetteer_rows() if rows is None else rows
    with psycopg.connect(dsn) as conn, conn.cursor() as cur:
        cur.executemany(_UPSERT, rows)
    return len(rows)
