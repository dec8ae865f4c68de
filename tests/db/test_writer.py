from __future__ import annotations

import random

import psycopg
import pytest

from delegation_crawler.db.read import article_dicts
from delegation_crawler.db.rows import Rejected, check_storable, prepare_article
from delegation_crawler.db.writer import Batch, Warehouse
from tests.db.factory import article
from tests.db.snapshot import row_identity, snapshot


def write(dsn, records, batch_size=1000, page_sha256=None):
    warehouse = Warehouse(dsn)
    try:
        for start in range(0, len(records), batch_size):
            warehouse.write(Batch([prepare_article(r, page_sha256) for r in records[start:start + batch_size]]))
    finally:
        warehouse.close()


def read(dsn):
    with psycopg.connect(dsn) as conn:
        return article_dicts(conn)


def by_url(records):
    return sorted(records, key=lambda r: (r["url"], r["content_hash"] or ""))


HOSTILE = [
    "'); DROP TABLE articles; --",
    'He said "代表团" and \'left\'; SELECT pg_sleep(10);',
    "back\\slash \\N \\. tab\tcr\rnewline\n end",  # COPY's own escape characters
    "emoji 🇨🇳👍🏽 and astral 𠀀𪚥",
    "\u200b zero width \ufeff bom \u2028 line sep",
    "$$ dollar $tag$ quoting $$",
    "NULL", "{a,\"b\"}", "",  # special inside PostgreSQL array literals (authors is text[])
]


def test_articles_read_back_exactly_including_hostile_text(warehouse_dsn):
    records = [article(i, title=text, body=text * 3, authors=[text], source=text,
                       event={"is_delegation_visit": True, "visitor": {"name": text, "code": "511900"},
                              "host": {"name": "自贡市", "code": "510300"}, "leaders": [{"name": text}],
                              "sites": [text], "agreements": [{"name": text, "date": "2021-12-08"}]})
               for i, text in enumerate(HOSTILE)]
    records.append(article(99, body="长" * (1024 * 1024)))  # 1 MB of CJK (3 MB of UTF-8)
    write(warehouse_dsn, records)
    assert by_url(read(warehouse_dsn)) == by_url(records)
    with psycopg.connect(warehouse_dsn) as conn:
        assert conn.execute("SELECT to_regclass('articles') IS NOT NULL").fetchone()[0]
        names = {r[0] for r in conn.execute("SELECT name FROM visit_leaders")}
        sites = {r[0] for r in conn.execute("SELECT name FROM visit_sites")}
        assert set(HOSTILE) - {""} <= names and set(HOSTILE) <= sites  # a nameless leader is no row
        assert conn.execute("SELECT octet_length(body) FROM articles WHERE url LIKE '%00000099'").fetchone()[0] == 3 * 1024 * 1024


@pytest.mark.parametrize("field, value, reason", [
    ("body", "before\x00after", "NUL"),
    ("title", "lone \ud800 surrogate", "lone surrogate"),
    ("authors", ["ok", "bad\x00"], "NUL"),
    ("event", {"is_delegation_visit": True, "sites": ["\udfff"]}, "lone surrogate"),
    ("repairs", {"k\x00": 1}, "NUL"),
    ("images", [{"url": float("nan")}], "not a JSON number"),
    ("published", "8 December 2021", "not an ISO 8601"),
    ("authors", "廖蓝蕾", "list of strings"),
])
def test_unstorable_text_is_rejected_with_the_field_named(field, value, reason):
    with pytest.raises(Rejected, match=reason) as caught:
        prepare_article(article(1, **{field: value}))
    assert field in str(caught.value)


def test_check_storable_accepts_what_postgres_can_hold():
    check_storable({"a": ["x", 1, 2.5, None, True, {"b": "🙂"}]}, "value")


def test_same_items_twice_or_in_another_order_change_nothing(warehouse_dsn, fresh_pg_dsn):
    records = [article(i, story=f"story-{i // 3}", portal=("zgm", "yybnet", "xiushan")[i % 3]) for i in range(60)]
    write(warehouse_dsn, records, batch_size=7)
    first, identity = snapshot(warehouse_dsn), row_identity(warehouse_dsn)
    write(warehouse_dsn, records, batch_size=25)
    assert snapshot(warehouse_dsn) == first
    assert row_identity(warehouse_dsn) == identity  # not even rewritten with equal values
    assert len(first["articles"]) == 60 and len(first["stories"]) == 20

    from delegation_crawler.db.migrate import migrate
    migrate(fresh_pg_dsn)
    shuffled = records[:]
    random.Random(5).shuffle(shuffled)
    write(fresh_pg_dsn, shuffled + shuffled[:10], batch_size=11)
    assert snapshot(fresh_pg_dsn) == first


def test_a_new_revision_is_a_new_row_and_refetching_keeps_first_seen(warehouse_dsn):
    original = article(1)
    refetched = {**original, "fetched_at": "2024-06-30T08:00:00+08:00"}
    revised = {**original, "body": original["body"] + "更正。", "content_hash": "rev2", "revision": 2,
               "previous_hash": original["content_hash"], "fetched_at": "2024-07-01T08:00:00+08:00"}
    write(warehouse_dsn, [refetched])
    write(warehouse_dsn, [original, revised])
    stored = by_url(read(warehouse_dsn))
    assert [r["revision"] for r in stored] == [1, 2]
    assert stored[0]["fetched_at"] == original["fetched_at"]  # earliest fetch wins, whatever the order


def test_reextracting_the_same_page_replaces_its_previous_row(warehouse_dsn):
    old = article(1, body="旧的抽取结果", content_hash="old")
    new = article(1, body="新的抽取结果", content_hash="new")
    other_page = article(1, body="另一修订", content_hash="other")
    write(warehouse_dsn, [old], page_sha256="page-a")
    write(warehouse_dsn, [other_page], page_sha256="page-b")
    write(warehouse_dsn, [new], page_sha256="page-a")
    assert sorted(r["content_hash"] for r in read(warehouse_dsn)) == ["new", "other"]


def test_event_rows_and_places(warehouse_dsn):
    record = article(3)
    write(warehouse_dsn, [record, article(4, visit=False)])
    with psycopg.connect(warehouse_dsn) as conn:
        visit = conn.execute("SELECT visitor_code, host_code, start_date::text, confidence FROM visits").fetchall()
        leaders = conn.execute("SELECT position, name, title, side FROM visit_leaders ORDER BY position").fetchall()
        places = dict(conn.execute("SELECT code, parent FROM places").fetchall())
    event = record["event"]
    assert visit == [(event["visitor"]["code"], event["host"]["code"], event["start_date"], 0.9)]
    assert leaders == [(i, l["name"], l["title"], l["side"]) for i, l in enumerate(event["leaders"])]
    assert places[event["host"]["code"]] == event["host"]["code"][:2] + "0000"


def test_views_count_each_story_once(warehouse_dsn):
    bazhong, zigong, guangyuan = ("511900", "巴中市"), ("510300", "自贡市"), ("510800", "广元市")

    def visit(n, story, visitor, host, date, portal):
        return article(n, story=story, portal=portal, event={
            "is_delegation_visit": True, "start_date": date, "end_date": date,
            "visitor": {"code": visitor[0], "name": visitor[1], "province": "四川省"},
            "host": {"code": host[0], "name": host[1], "province": "四川省"}})

    write(warehouse_dsn, [
        visit(1, "s1", bazhong, zigong, "2021-12-08", "zgm"),
        visit(2, "s1", bazhong, zigong, "2021-12-08", "yybnet"),  # same story on another portal
        visit(3, "s2", bazhong, zigong, "2022-01-05", "zgm"),
        visit(4, "s3", guangyuan, zigong, "2022-01-20", "chaotian"),
        visit(5, "s4", zigong, bazhong, "2022-01-21", "zgm"),
    ])
    with psycopg.connect(warehouse_dsn) as conn:
        per_month = conn.execute("SELECT month::text, province, visits FROM visits_per_month_province ORDER BY 1").fetchall()
        edges = conn.execute("SELECT visitor_code, host_code, visits FROM visit_edges ORDER BY 1, 2").fetchall()
        stories = conn.execute("SELECT story_id, portals, articles FROM story_portals ORDER BY 1").fetchall()
    assert per_month == [("2021-12-01", "四川省", 1), ("2022-01-01", "四川省", 3)]
    assert edges == [("510300", "511900", 1), ("510800", "510300", 1), ("511900", "510300", 2)]
    assert stories[0] == ("s1", ["yybnet", "zgm"], 2)
    assert [s[0] for s in stories] == ["s1", "s2", "s3", "s4"]


def test_articles_without_dedupe_fields_get_a_content_key(warehouse_dsn):
    record = article(7, content_hash=None, story_id=None, revision=None)
    write(warehouse_dsn, [record, record])
    assert read(warehouse_dsn) == [record]
    with psycopg.connect(warehouse_dsn) as conn:
        assert conn.execute("SELECT content_key LIKE 'local:%' FROM articles").fetchone()[0]
